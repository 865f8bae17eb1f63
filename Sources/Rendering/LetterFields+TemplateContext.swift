/// The letter's values as the templates name them (`{{uphold}}`), answered from a table by the
/// name's number (``TemplateFields``, ``CompiledTemplate``). A test checks that every stored
/// property answers under its own name.
extension LetterFields: TemplateContext {
    private static let fields = TemplateFields<LetterFields>([
        "name": { .text($0.name) },
        "code": { .text($0.code) },
        "year": { .text($0.year) },
        "y1": { .text($0.y1) },
        "y2": { .text($0.y2) },
        "typeName": { $0.typeName.map(TemplateValue.text) ?? .missing },
        "current": { .flag($0.current) },
        "compared": { .flag($0.compared) },
        "council": { .text($0.council) },
        "detailed": { .flag($0.detailed) },
        "overview": { .optional($0.overview) },
        "date": { .text($0.date) },
        "addresseeName": { .text($0.addresseeName) },
        "addresseeJobTitle": { .text($0.addresseeJobTitle) },
        "signed": { .flag($0.signed) },
        "signatoryName": { .text($0.signatoryName) },
        "signatoryTitle": { .text($0.signatoryTitle) },
        "hasContact": { .flag($0.hasContact) },
        "publicReports": { .list($0.publicReports) },
        "hasPublicReports": { .flag($0.hasPublicReports) },
        "uphold": { .text($0.uphold) },
        "upholdAverage": { .text($0.upholdAverage) },
        "upheld": { .number($0.upheld) },
        "upheldIsOne": { .flag($0.upheldIsOne) },
        "per100k": { .optional($0.per100k) },
        "investigations": { .number($0.investigations) },
        "investigationsIsOne": { .flag($0.investigationsIsOne) },
        "compliance": { .text($0.compliance) },
        "complianceAverage": { .text($0.complianceAverage) },
        "complianceOutcomes": { .number($0.complianceOutcomes) },
        "complianceOutcomesIsOne": { .flag($0.complianceOutcomesIsOne) },
        "remedy": { .text($0.remedy) },
        "remedyAverage": { .text($0.remedyAverage) },
        "satisfactoryRemedies": { .number($0.satisfactoryRemedies) },
        "satisfactoryRemediesIsOne": { .flag($0.satisfactoryRemediesIsOne) },
        "received": { .list($0.received) },
        "receivedTotal": { .number($0.receivedTotal) },
        "decisions": { .list($0.decisions) },
        "decisionsTotal": { .number($0.decisionsTotal) },
    ])

    func value(of name: TemplateName) -> TemplateValue? { Self.fields.value(of: name, in: self) }
}

extension LetterFields.Per100kLines: TemplateContext {
    private static let fields = TemplateFields<LetterFields.Per100kLines>([
        "value": { .text($0.value) },
        "average": { .text($0.average) },
    ])

    func value(of name: TemplateName) -> TemplateValue? { Self.fields.value(of: name, in: self) }
}

extension LetterFields.CountRow: TemplateContext {
    private static let fields = TemplateFields<LetterFields.CountRow>([
        "label": { .text($0.label) },
        "count": { .number($0.count) },
    ])

    func value(of name: TemplateName) -> TemplateValue? { Self.fields.value(of: name, in: self) }
}

extension LetterFields.Overview: TemplateContext {
    private static let fields = TemplateFields<LetterFields.Overview>([
        "decisions": { .number($0.decisions) },
        "notForUs": { .number($0.notForUs) },
        "closed": { .number($0.closed) },
        "investigations": { .number($0.investigations) },
        "upheld": { .number($0.upheld) },
    ])

    func value(of name: TemplateName) -> TemplateValue? { Self.fields.value(of: name, in: self) }
}

extension LetterFields.PublicReport: TemplateContext {
    private static let fields = TemplateFields<LetterFields.PublicReport>([
        "reference": { .text($0.reference) },
        "serviceArea": { .text($0.serviceArea) },
        "summary": { .text($0.summary) },
        // Not `remedy`, which names the letter's satisfactory remedy rate in the enclosing context.
        "agreed": { $0.remedy.isEmpty ? .missing : .text($0.remedy) },
    ])

    func value(of name: TemplateName) -> TemplateValue? { Self.fields.value(of: name, in: self) }
}
