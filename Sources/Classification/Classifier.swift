package import PipelineModel

/// Classifies decision texts into outcomes and category texts into service areas through
/// the analyst's rule tables, and makes the final accept-or-reject call on each row.
///
/// One value lives in the Classification task; each distinct text is judged once per run.
package struct Classifier: Sendable {
    private let outcomes: [String: Outcome]
    private let areas: [String: ServiceArea]
    private var outcomeCache: [String: Outcome?] = [:]
    private var areaCache: [String: ServiceArea?] = [:]

    /// A classifier over `rules`. Two rules that give one text different meanings are a
    /// configuration error, reported by ``RuleConflict``.
    package init(rules: ClassificationRules) throws(RuleConflict) {
        outcomes = try Self.table(rules.outcomes)
        areas = try Self.table(rules.areas)
    }

    private static func table<Value>(_ rules: [ClassificationRules.Rule<Value>]) throws(RuleConflict) -> [String: Value] {
        var table: [String: Value] = [:]
        var origins: [String: String] = [:]
        for rule in rules {
            let key = RuleKey.make(rule.text)
            if let existing = table[key], existing != rule.value {
                throw RuleConflict(text: rule.text, origin: rule.origin, earlierOrigin: origins[key] ?? "")
            }
            table[key] = rule.value
            origins[key] = rule.origin
        }
        return table
    }

    /// The outcome of a recorded decision text, nil when no rule matches.
    package mutating func outcome(of text: String) -> Outcome? {
        if let cached = outcomeCache[text] { return cached }
        let value = outcomes[RuleKey.make(text)]
        outcomeCache[text] = value
        return value
    }

    /// The service area of a recorded category text, nil when no rule matches.
    package mutating func area(of text: String) -> ServiceArea? {
        if let cached = areaCache[text] { return cached }
        let value = areas[RuleKey.make(text)]
        areaCache[text] = value
        return value
    }

    /// Classifies a batch: rows whose texts match a rule and that have no later fault
    /// become cases; the others become rejects, for the first fault in the spec's order.
    package mutating func classify(_ batch: CleanBatch) -> CaseBatch {
        var out = CaseBatch(rejects: batch.rejects, rowsRead: batch.rowsRead)
        out.cases.reserveCapacity(batch.rows.count)
        let outcomeOfText = batch.texts.map { outcome(of: $0) }
        let areaOfText = batch.texts.map { area(of: $0) }
        for row in batch.rows {
            func reject(_ reason: RejectReason, _ detail: String) {
                out.rejects.append(Reject(file: batch.file, line: row.line, reference: row.referenceText,
                                          reason: reason, detail: detail))
            }
            var record = row.record
            let area = areaOfText[Int(row.categoryText)]
            // The quality report counts them whatever the row is rejected for: a decision that
            // no area would take is missing from area_year.csv either way.
            if area == nil && row.decisionText >= 0 { out.decisionsWithoutKnownArea += 1 }
            if row.decisionText >= 0 {
                guard let outcome = outcomeOfText[Int(row.decisionText)] else {
                    reject(.unclassifiedDecision, "no rule for decision text '\(batch.texts[Int(row.decisionText)])'")
                    continue
                }
                record.outcome = outcome
            }
            guard let area else {
                reject(.unclassifiedCategory, "no rule for category text '\(batch.texts[Int(row.categoryText)])'")
                continue
            }
            record.area = area
            if let fault = row.laterFault {
                reject(fault.reason, fault.detail)
                continue
            }
            if let text = row.publicReportText { out.publicReportTexts[out.cases.count] = text }
            out.cases.append(record)
            if row.reencoded { out.rowsReencoded += 1 }
        }
        // Rejects leave in file order, whichever stage found them.
        out.rejects.sort { $0.line < $1.line }
        return out
    }
}

/// Two rules give the same text (after matching's normalisation) different meanings.
package struct RuleConflict: Error, Sendable, Equatable, CustomStringConvertible {
    /// The rule text that conflicts.
    package let text: String
    /// Where the conflicting rule was written.
    package let origin: String
    /// Where the earlier rule for the same text was written.
    package let earlierOrigin: String

    package var description: String {
        "\(origin.isEmpty ? "rule" : origin): '\(text)' is already classified differently at \(earlierOrigin)"
    }
}
