import Mustache

/// A value the templates read fields of by name (`{{uphold}}`).
///
/// swift-mustache finds a field with `Mirror` unless the value answers by itself
/// (`MustacheParent`); through `Mirror` every look-up lists and boxes all of the value's fields,
/// which made rendering the letters and the report cost more than reading a 2-million-row export
/// (29% of a run's CPU in a profile, two thirds of it in `Mirror`). Each view lists its fields
/// once instead; a test checks that the list names every stored property.
protocol TemplateView: MustacheParent {
    /// Every field a template may name, and how to read it from a value.
    static var templateFields: [String: @Sendable (Self) -> Any?] { get }
}

extension TemplateView {
    /// The field called `name`; nil for no such field or a nil optional (what Mustache expects).
    func child(named name: String) -> Any? {
        Self.templateFields[name].flatMap { $0(self) }
    }
}

extension ReportCell: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "text": { $0.text }, "sort": { $0.sort },
    ]
}

extension YearLink: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "label": { $0.label }, "href": { $0.href }, "isCurrentPage": { $0.isCurrentPage },
    ]
}

extension ReportIndexView: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "year": { $0.year }, "y1": { $0.y1 }, "y2": { $0.y2 }, "method": { $0.method },
        "methodIsPooled": { $0.methodIsPooled }, "rows": { $0.rows }, "authorityCount": { $0.authorityCount },
        "nationalChart": { $0.nationalChart }, "types": { $0.types }, "years": { $0.years },
    ]
}

extension ReportIndexView.IndexRow: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "code": { $0.code }, "name": { $0.name }, "href": { $0.href }, "typeName": { $0.typeName },
        "hasType": { $0.hasType }, "current": { $0.current }, "abolished": { $0.abolished },
        "investigations": { $0.investigations }, "uphold": { $0.uphold }, "upholdAverage": { $0.upholdAverage },
        "compliance": { $0.compliance }, "complianceAverage": { $0.complianceAverage }, "remedy": { $0.remedy },
        "remedyAverage": { $0.remedyAverage },
    ]
}

extension ReportIndexView.TypeRow: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "typeName": { $0.typeName }, "authorities": { $0.authorities }, "investigations": { $0.investigations },
        "upheld": { $0.upheld }, "uphold": { $0.uphold }, "compliance": { $0.compliance }, "remedy": { $0.remedy },
        "per100k": { $0.per100k },
    ]
}

extension ReportAuthorityView: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "year": { $0.year }, "y1": { $0.y1 }, "y2": { $0.y2 }, "code": { $0.code }, "name": { $0.name },
        "typeName": { $0.typeName }, "hasType": { $0.hasType }, "current": { $0.current },
        "abolished": { $0.abolished }, "successors": { $0.successors }, "hasSuccessors": { $0.hasSuccessors },
        "headline": { $0.headline }, "upholdChart": { $0.upholdChart }, "complianceChart": { $0.complianceChart },
        "remedyChart": { $0.remedyChart }, "letter": { $0.letter }, "letterHref": { $0.letterHref },
        "years": { $0.years }, "method": { $0.method },
    ]
}

extension ReportAuthorityView.Successor: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "successorCode": { $0.successorCode }, "successorHref": { $0.successorHref }, "hasPage": { $0.hasPage },
    ]
}

extension ReportAuthorityView.Headline: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "uphold": { $0.uphold }, "upholdAverage": { $0.upholdAverage }, "investigations": { $0.investigations },
        "upheld": { $0.upheld }, "compliance": { $0.compliance }, "complianceAverage": { $0.complianceAverage },
        "complianceOutcomes": { $0.complianceOutcomes }, "compliant": { $0.compliant }, "remedy": { $0.remedy },
        "remedyAverage": { $0.remedyAverage }, "satisfactoryRemedies": { $0.satisfactoryRemedies },
        "per100k": { $0.per100k }, "per100kAverage": { $0.per100kAverage }, "population": { $0.population },
        "hasPopulation": { $0.hasPopulation }, "publicReports": { $0.publicReports },
    ]
}

extension BarChart: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "id": { $0.id }, "width": { $0.width }, "height": { $0.height }, "plotLeft": { $0.plotLeft },
        "plotRight": { $0.plotRight }, "plotTop": { $0.plotTop }, "plotBottom": { $0.plotBottom },
        "labelY": { $0.labelY }, "grid": { $0.grid }, "groups": { $0.groups }, "series": { $0.series },
        "showLegend": { $0.showLegend },
    ]
}

extension BarChart.GridLine: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "y": { $0.y }, "labelY": { $0.labelY }, "label": { $0.label },
    ]
}

extension BarChart.Group: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "label": { $0.label }, "labelX": { $0.labelX }, "bars": { $0.bars },
    ]
}

extension BarChart.Series: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "name": { $0.name }, "isAverage": { $0.isAverage }, "legendX": { $0.legendX }, "legendY": { $0.legendY },
        "legendTextY": { $0.legendTextY }, "legendTextX": { $0.legendTextX },
    ]
}

extension BarChart.Bar: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "seriesName": { $0.seriesName }, "isAverage": { $0.isAverage }, "groupLabel": { $0.groupLabel },
        "hasValue": { $0.hasValue }, "valueText": { $0.valueText }, "x": { $0.x }, "y": { $0.y },
        "width": { $0.width }, "height": { $0.height }, "labelX": { $0.labelX }, "labelY": { $0.labelY },
        "more": { $0.more },
    ]
}

extension LetterFields: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "name": { $0.name }, "code": { $0.code }, "year": { $0.year }, "y1": { $0.y1 }, "y2": { $0.y2 },
        "typeName": { $0.typeName }, "current": { $0.current }, "compared": { $0.compared },
        "uphold": { $0.uphold }, "upholdAverage": { $0.upholdAverage }, "upheld": { $0.upheld },
        "upheldIsOne": { $0.upheldIsOne }, "per100k": { $0.per100k }, "investigations": { $0.investigations },
        "investigationsIsOne": { $0.investigationsIsOne }, "compliance": { $0.compliance },
        "complianceAverage": { $0.complianceAverage }, "complianceOutcomes": { $0.complianceOutcomes },
        "complianceOutcomesIsOne": { $0.complianceOutcomesIsOne }, "complianceLearning": { $0.complianceLearning },
        "remedy": { $0.remedy }, "remedyAverage": { $0.remedyAverage },
        "satisfactoryRemedies": { $0.satisfactoryRemedies },
        "satisfactoryRemediesIsOne": { $0.satisfactoryRemediesIsOne }, "received": { $0.received },
        "receivedTotal": { $0.receivedTotal }, "decisions": { $0.decisions },
        "decisionsTotal": { $0.decisionsTotal },
    ]
}

extension LetterFields.Per100kLines: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "value": { $0.value }, "average": { $0.average },
    ]
}

extension LetterFields.CountRow: TemplateView {
    static let templateFields: [String: @Sendable (Self) -> Any?] = [
        "label": { $0.label }, "count": { $0.count },
    ]
}
