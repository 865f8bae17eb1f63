/// The letter's values as the templates name them (`{{uphold}}`), answered by a `switch` so that
/// a look-up costs a few string comparisons (``CompiledTemplate``). A test checks that every
/// stored property answers under its own name.
extension LetterFields: TemplateContext {
    func value(of name: String) -> TemplateValue? {
        switch name {
        case "name": .text(self.name)
        case "code": .text(self.code)
        case "year": .text(self.year)
        case "y1": .text(self.y1)
        case "y2": .text(self.y2)
        case "typeName": self.typeName.map { .text($0) } ?? .missing
        case "current": .flag(self.current)
        case "compared": .flag(self.compared)
        case "council": .text(self.council)
        case "detailed": .flag(self.detailed)
        case "overview": .optional(self.overview)
        case "date": .text(self.date)
        case "addresseeName": .text(self.addresseeName)
        case "addresseeJobTitle": .text(self.addresseeJobTitle)
        case "signed": .flag(self.signed)
        case "signatoryName": .text(self.signatoryName)
        case "signatoryTitle": .text(self.signatoryTitle)
        case "hasContact": .flag(self.hasContact)
        case "publicReports": .list(self.publicReports)
        case "hasPublicReports": .flag(self.hasPublicReports)
        case "uphold": .text(self.uphold)
        case "upholdAverage": .text(self.upholdAverage)
        case "upheld": .number(self.upheld)
        case "upheldIsOne": .flag(self.upheldIsOne)
        case "per100k": .optional(self.per100k)
        case "investigations": .number(self.investigations)
        case "investigationsIsOne": .flag(self.investigationsIsOne)
        case "compliance": .text(self.compliance)
        case "complianceAverage": .text(self.complianceAverage)
        case "complianceOutcomes": .number(self.complianceOutcomes)
        case "complianceOutcomesIsOne": .flag(self.complianceOutcomesIsOne)
        case "remedy": .text(self.remedy)
        case "remedyAverage": .text(self.remedyAverage)
        case "satisfactoryRemedies": .number(self.satisfactoryRemedies)
        case "satisfactoryRemediesIsOne": .flag(self.satisfactoryRemediesIsOne)
        case "received": .list(self.received)
        case "receivedTotal": .number(self.receivedTotal)
        case "decisions": .list(self.decisions)
        case "decisionsTotal": .number(self.decisionsTotal)
        default: nil
        }
    }
}

extension LetterFields.Per100kLines: TemplateContext {
    func value(of name: String) -> TemplateValue? {
        switch name {
        case "value": .text(self.value)
        case "average": .text(self.average)
        default: nil
        }
    }
}

extension LetterFields.CountRow: TemplateContext {
    func value(of name: String) -> TemplateValue? {
        switch name {
        case "label": .text(self.label)
        case "count": .number(self.count)
        default: nil
        }
    }
}

extension LetterFields.Overview: TemplateContext {
    func value(of name: String) -> TemplateValue? {
        switch name {
        case "decisions": .number(self.decisions)
        case "notForUs": .number(self.notForUs)
        case "closed": .number(self.closed)
        case "investigations": .number(self.investigations)
        case "upheld": .number(self.upheld)
        default: nil
        }
    }
}

extension LetterFields.PublicReport: TemplateContext {
    func value(of name: String) -> TemplateValue? {
        switch name {
        case "reference": .text(self.reference)
        case "serviceArea": .text(self.serviceArea)
        case "summary": .text(self.summary)
        // Not `remedy`, which names the letter's satisfactory remedy rate in the enclosing context.
        case "agreed": self.remedy.isEmpty ? .missing : .text(self.remedy)
        default: nil
        }
    }
}
