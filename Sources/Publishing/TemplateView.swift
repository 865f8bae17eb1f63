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
