package import PipelineModel

/// Classifies decision texts into outcomes, category texts into service areas and remedy
/// texts into kinds of remedy through the analyst's rule tables, and makes the final
/// accept-or-reject call on each row.
///
/// One value lives in the Classification task; each distinct text is judged once per run.
package struct Classifier: Sendable {
    private let outcomes: [String: Outcome]
    private let areas: [String: ServiceArea]
    private let remedyKinds: [String: RemedyKind]
    private var outcomeCache: [String: Outcome?] = [:]
    private var areaCache: [String: ServiceArea?] = [:]
    private var remedyCache: [String: RemedyJudgement] = [:]

    /// A classifier over `rules`. Two rules that give one text different meanings are a
    /// configuration error, reported by ``RuleConflict``.
    package init(rules: ClassificationRules) throws(RuleConflict) {
        outcomes = try Self.table(rules.outcomes)
        areas = try Self.table(rules.areas)
        remedyKinds = try Self.table(rules.remedies)
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

    /// What a recorded `remedy` field says: each `;`-separated part is a remedy, judged on its
    /// own; empty parts (`;;`, a trailing `;`) are skipped.
    package mutating func remedies(of text: String) -> RemedyJudgement {
        if let cached = remedyCache[text] { return cached }
        var judgement = RemedyJudgement()
        for part in text.split(separator: ";") {
            let key = RuleKey.make(String(part))
            guard !key.isEmpty else { continue }
            switch remedyKinds[key] {
            case .serviceImprovement?: judgement.serviceImprovement = true
            case .putRight?: break
            case nil:
                let trimmed = part.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed()
                judgement.unknown.append(String(trimmed))
            }
        }
        remedyCache[text] = judgement
        return judgement
    }

    /// Classifies a batch: rows whose texts match a rule and that have no later fault
    /// become cases; the others become rejects, for the first fault in the spec's order.
    package mutating func classify(_ batch: CleanBatch) -> CaseBatch {
        var out = CaseBatch(rejects: batch.rejects, rowsRead: batch.rowsRead)
        out.cases.reserveCapacity(batch.rows.count)
        // Each distinct text of the batch judged once, for the role it has (a category, a
        // decision or a remedy), when a row first needs it.
        var outcomeOfText = [Outcome??](repeating: nil, count: batch.texts.count)
        var areaOfText = [ServiceArea??](repeating: nil, count: batch.texts.count)
        var remedyOfText = [RemedyJudgement?](repeating: nil, count: batch.texts.count)
        for row in batch.rows {
            func reject(_ reason: RejectReason, _ detail: String) {
                out.rejects.append(Reject(file: batch.file, line: row.line, reference: row.referenceText,
                                          reason: reason, detail: detail))
            }
            var record = row.record
            let categoryText = Int(row.categoryText)
            if areaOfText[categoryText] == nil { areaOfText[categoryText] = .some(area(of: batch.texts[categoryText])) }
            let area = areaOfText[categoryText]!
            // The quality report counts them whatever the row is rejected for: a decision that
            // no area would take is missing from area_year.csv either way.
            if area == nil && row.decisionText >= 0 { out.decisionsWithoutKnownArea += 1 }
            if row.decisionText >= 0 {
                let decisionText = Int(row.decisionText)
                if outcomeOfText[decisionText] == nil {
                    outcomeOfText[decisionText] = .some(outcome(of: batch.texts[decisionText]))
                }
                guard let outcome = outcomeOfText[decisionText]! else {
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
            if row.remedyText >= 0 {
                let remedyText = Int(row.remedyText)
                let judgement = remedyOfText[remedyText] ?? remedies(of: batch.texts[remedyText])
                remedyOfText[remedyText] = judgement
                for text in judgement.unknown { out.unknownRemedies[text, default: 0] += 1 }
                // statistics.md: a service improvement is an upheld case with such a remedy.
                if judgement.serviceImprovement, record.outcome == .upheld, record.decisionDate != nil {
                    record.serviceImprovement = true
                    out.serviceImprovementTexts[out.cases.count] = ServiceImprovementText(
                        subcategory: row.subcategoryText >= 0 ? batch.texts[Int(row.subcategoryText)] : "",
                        remedy: batch.texts[remedyText])
                }
            }
            out.cases.append(record)
            if row.reencoded { out.rowsReencoded += 1 }
        }
        // Rejects leave in file order, whichever stage found them.
        out.rejects.sort { $0.line < $1.line }
        return out
    }
}

/// What a `remedy` field says (``Classifier/remedies(of:)``).
package struct RemedyJudgement: Sendable, Equatable {
    /// One of its remedies is a service improvement.
    package var serviceImprovement = false
    /// Its parts that no rule knows, trimmed, in order.
    package var unknown: [String] = []

    /// A judgement; see the properties.
    package init(serviceImprovement: Bool = false, unknown: [String] = []) {
        self.serviceImprovement = serviceImprovement
        self.unknown = unknown
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
