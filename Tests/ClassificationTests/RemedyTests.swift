import Classification
import PipelineModel
import Testing
import TestSupport

/// The remedy rule table (`pipelines/rules/remedies.yaml`) and the service improvements it
/// finds. The remedy texts here beyond statistics.md's are invented: unknown texts, odd spacing
/// and case, empty parts; make-export's oracle writes none of them.
@Suite struct RemedyTests {
    private func classifier() throws -> Classifier { try Classifier(rules: RealRules.load()) }

    @Test func theTableSortsStatisticsMdsRemediesIntoTheTwoKinds() throws {
        let rules = try RealRules.load()
        let byKind = Dictionary(grouping: rules.remedies, by: \.value).mapValues { $0.map(\.text) }
        #expect(byKind[.putRight] == ["Apology", "Financial redress: quantifiable loss",
                                      "Financial redress: avoidable distress/time and trouble", "Reassessment",
                                      "New appeal/review or reconsidered decision", "Provide services", "Other remedy"])
        #expect(byKind[.serviceImprovement] == ["Procedure or policy change/review", "Training and/or guidance"])
        #expect(rules.remedies.first?.origin == "remedies.yaml:11")
    }

    @Test(arguments: [
        ("Procedure or policy change/review", true, []),
        ("Apology; Training and/or guidance", true, []),
        ("Apology", false, []),
        // Invented: case, spaces and punctuation differ from the table's.
        ("  TRAINING AND / OR GUIDANCE  ", true, []),
        ("apology;procedure or policy change - review.", true, []),
        // Invented: empty parts and a trailing separator are skipped.
        ("Apology;; ;Reassessment;", false, []),
        (";;", false, []),
        // Invented: texts no rule knows are listed, trimmed, and do not stop the others.
        ("Apology; Free parking for a year ;Training and/or guidance", true, ["Free parking for a year"]),
        ("Compensation; Compensation", false, ["Compensation", "Compensation"]),
    ] as [(String, Bool, [String])])
    func remediesAreJudgedPartByPart(text: String, serviceImprovement: Bool, unknown: [String]) throws {
        var c = try classifier()
        #expect(c.remedies(of: text) == RemedyJudgement(serviceImprovement: serviceImprovement, unknown: unknown))
    }

    /// A clean row with decision text `decision` and remedy text `remedy` (indexes in `texts`).
    private func row(line: Int, decision: Int32, remedy: Int32, subcategory: Int32 = 5,
                     fault: RowFault? = nil) -> CleanRow {
        CleanRow(record: CaseRecord(reference: UInt32(19_000_000 + line), lastUpdated: 0, authority: 0,
                                    received: .on(2019, 4, 3), decisionDate: .on(2019, 11, 20)),
                 categoryText: 0, decisionText: decision, laterFault: fault, line: line, referenceText: "19 000 \(line)",
                 reencoded: false, remedyText: remedy, subcategoryText: remedy >= 0 ? subcategory : -1)
    }

    private let texts = ["Housing", "Upheld", "Not upheld", "Apology; Training and/or guidance",
                         "apology;; Free parking;", "Allocations"]

    @Test func anUpheldCaseWithAServiceImprovementKeepsItsTexts() throws {
        var c = try classifier()
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [
            row(line: 2, decision: 1, remedy: 3),
            // Not upheld: the same remedy makes no service improvement.
            row(line: 3, decision: 2, remedy: 3),
            row(line: 4, decision: 1, remedy: -1),
            row(line: 5, decision: 1, remedy: 4),
        ], texts: texts, rowsRead: 4))
        #expect(out.rejects.isEmpty)
        #expect(out.cases.map(\.serviceImprovement) == [true, false, false, false])
        #expect(out.serviceImprovementTexts == [0: ServiceImprovementText(subcategory: "Allocations",
                                                                          remedy: "Apology; Training and/or guidance")])
    }

    @Test func anUnknownRemedyIsCountedPerAcceptedRowAndNeverRejected() throws {
        var c = try classifier()
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [
            row(line: 2, decision: 1, remedy: 4),
            row(line: 3, decision: 2, remedy: 4),
            // A row rejected for another fault: its remedy is not counted.
            row(line: 4, decision: 1, remedy: 4, fault: RowFault(.badReference, "reference 'x' not in the expected shape")),
        ], texts: texts, rowsRead: 3))
        #expect(out.cases.count == 2)
        #expect(out.rejects.map(\.reason) == [.badReference])
        #expect(out.unknownRemedies == ["Free parking": 2])
    }
}
