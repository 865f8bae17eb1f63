import Classification
import PipelineModel
import Testing
import TestSupport

@Suite struct ClassifierTests {
    private func classifier() throws -> Classifier { try Classifier(rules: RealRules.load()) }

    /// Every example of statistics.md's outcome table.
    static let outcomeExamples: [(String, Outcome)] = [
        ("Upheld", .upheld), ("Upheld: fault and injustice", .upheld), ("Upheld: fault, no injustice", .upheld),
        ("Upheld: fault accepted by authority", .upheld), ("Upheld - satisfactory remedy provided by authority", .upheld),
        ("Maladministration and injustice", .upheld), ("Maladministration, no injustice", .upheld),
        ("MI reps", .upheld), ("M reps", .upheld), ("LS", .upheld), ("Local settlement", .upheld),
        ("Not upheld", .notUpheld), ("Not upheld: no fault", .notUpheld), ("No maladministration", .notUpheld),
        ("NM reps", .notUpheld), ("No mal", .notUpheld), ("No or insufficient evidence of maladministration", .notUpheld),
        ("Closed after initial enquiries", .closedAfterInitialEnquiries),
        ("Closed after initial enquiries: out of jurisdiction", .closedAfterInitialEnquiries),
        ("Closed after initial enquiries - no worthwhile outcome", .closedAfterInitialEnquiries),
        ("Omb disc", .closedAfterInitialEnquiries), ("Ombudsman's discretion", .closedAfterInitialEnquiries),
        ("Outside jurisdiction", .closedAfterInitialEnquiries),
        ("Referred back for local resolution", .referredBack), ("Premature", .referredBack),
        ("Premature complaint", .referredBack),
        ("Advice given", .adviceGiven),
        ("Incomplete/Invalid", .incompleteInvalid), ("Invalid or incomplete", .incompleteInvalid),
        ("Incomplete or invalid", .incompleteInvalid),
    ]

    @Test(arguments: outcomeExamples)
    func everyExampleTextClassifiesToItsOutcome(text: String, outcome: Outcome) throws {
        var c = try classifier()
        #expect(c.outcome(of: text) == outcome)
        #expect(c.outcome(of: "  " + text.uppercased() + ". ") == outcome)
    }

    /// Every service area of statistics.md and every variant it lists.
    static let areaExamples: [(String, ServiceArea)] = [
        ("Adult care services", .adultCare), ("Adult social care", .adultCare),
        ("Benefits and tax", .benefitsTax), ("Benefits", .benefitsTax), ("Public finance", .benefitsTax),
        ("Corporate and other services", .corporate),
        ("Education and children's services", .educationChildren), ("Children and family services", .educationChildren),
        ("Education", .educationChildren),
        ("Environmental services, public protection and regulation", .environment),
        ("Environmental services and regulation", .environment), ("Environmental services", .environment),
        ("Environment services", .environment), ("Environment and regulation", .environment),
        ("Highways and transport", .highwaysTransport), ("Highways", .highwaysTransport),
        ("Transport and highways", .highwaysTransport),
        ("Housing", .housing),
        ("Planning and development", .planning), ("Planning & building control", .planning),
        ("Planning and building control", .planning), ("Planning", .planning),
        ("Other", .other),
    ]

    @Test(arguments: areaExamples)
    func everyCategoryVariantClassifiesToItsArea(text: String, area: ServiceArea) throws {
        var c = try classifier()
        #expect(c.area(of: text) == area)
    }

    @Test func unmatchedTextsHaveNoClassification() throws {
        var c = try classifier()
        #expect(c.outcome(of: "Upheld: partly") == nil)
        #expect(c.outcome(of: "") == nil)
        #expect(c.area(of: "Parking") == nil)
        // An outcome text is not a category, nor the reverse.
        #expect(c.area(of: "Upheld") == nil)
        #expect(c.outcome(of: "Housing") == nil)
    }

    @Test func conflictingRulesAreAConfigurationErrorNamingBothPlaces() {
        let rules = ClassificationRules(
            outcomes: [.init(text: "Upheld", value: .upheld, origin: "decisions.yaml:11"),
                       .init(text: "Not upheld", value: .notUpheld, origin: "decisions.yaml:25"),
                       .init(text: "upheld.", value: .notUpheld, origin: "decisions.yaml:40")],
            areas: [])
        do throws(RuleConflict) {
            _ = try Classifier(rules: rules)
            Issue.record("conflicting rules were accepted")
        } catch {
            #expect(error.text == "upheld.")
            #expect(error.origin == "decisions.yaml:40")
            #expect(error.earlierOrigin == "decisions.yaml:11")
            #expect(error.description == "decisions.yaml:40: 'upheld.' is already classified differently at decisions.yaml:11")
        }
    }

    @Test func conflictingAreaRulesAreAConfigurationError() {
        let areas = ClassificationRules(
            outcomes: [],
            areas: [.init(text: "Planning & building control", value: .planning, origin: "a.yaml:2"),
                    .init(text: "Planning and building control", value: .housing, origin: "a.yaml:9")])
        #expect(throws: RuleConflict.self) { try Classifier(rules: areas) }
    }

    @Test func repeatedRulesWithTheSameMeaningAreFine() throws {
        let rules = ClassificationRules(
            outcomes: [.init(text: "Upheld", value: .upheld), .init(text: "UPHELD.", value: .upheld)],
            areas: [.init(text: "Housing", value: .housing)])
        var c = try Classifier(rules: rules)
        #expect(c.outcome(of: "upheld") == .upheld)
    }

    // MARK: Batches

    /// A clean row as Cleaning hands it on, at `line`, with texts `category` and `decision`.
    private func row(line: Int, category: Int32 = 0, decision: Int32 = 1, fault: RowFault? = nil,
                     reencoded: Bool = false) -> CleanRow {
        CleanRow(record: CaseRecord(reference: UInt32(19_000_000 + line), lastUpdated: 0,
                                    authority: 0, received: .on(2019, 4, 3), decisionDate: .on(2019, 11, 20)),
                 categoryText: category, decisionText: decision, laterFault: fault, line: line,
                 referenceText: "19 000 \(line)", reencoded: reencoded)
    }

    private let texts = ["Housing", "Upheld: fault and injustice", "Upheld: eventually", "Parking", "Not upheld"]

    @Test func classifiedRowsBecomeCasesWithOutcomeAndArea() throws {
        var c = try classifier()
        let batch = CleanBatch(fileIndex: 0, file: "x.csv",
                               rows: [row(line: 2), row(line: 3, decision: 4, reencoded: true), row(line: 4, decision: -1)],
                               texts: texts, rowsRead: 3)
        let out = c.classify(batch)
        #expect(out.rejects.isEmpty)
        #expect(out.rowsRead == 3)
        #expect(out.cases.map(\.outcome) == [.upheld, .notUpheld, nil])
        #expect(out.cases.map(\.area) == [.housing, .housing, .housing])
        #expect(out.rowsReencoded == 1)
    }

    @Test func unmatchedDecisionIsUnclassifiedDecisionNamingTheText() throws {
        var c = try classifier()
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 5, decision: 2)], texts: texts))
        #expect(out.cases.isEmpty)
        #expect(out.rejects == [Reject(file: "x.csv", line: 5, reference: "19 000 5", reason: .unclassifiedDecision,
                                       detail: "no rule for decision text 'Upheld: eventually'")])
    }

    @Test func unmatchedCategoryIsUnclassifiedCategoryNamingTheText() throws {
        var c = try classifier()
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 6, category: 3)], texts: texts))
        #expect(out.rejects.map(\.reason) == [.unclassifiedCategory])
        #expect(out.rejects.first?.detail.contains("'Parking'") == true)
    }

    @Test func decisionsWithNoKnownAreaAreCountedWhateverTheirReject() throws {
        var c = try classifier()
        // Unknown category with a decision (twice, once also with an unknown decision), and
        // without one; a known category.
        let rows = [row(line: 2, category: 3), row(line: 3, category: 3, decision: 2), row(line: 4, category: 3, decision: -1),
                    row(line: 5)]
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: rows, texts: texts))
        #expect(out.decisionsWithoutKnownArea == 2)
        #expect(out.rejects.count == 3)
    }

    @Test func publicReportTextsFollowTheirCase() throws {
        var c = try classifier()
        let text = PublicReportText(subcategory: "", decision: "Upheld: fault and injustice", remedy: "", summary: "s")
        var reported = row(line: 4)
        reported.publicReportText = text
        // The rejected first row shifts nothing: the index is the case's in `cases`.
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 2, category: 3), row(line: 3), reported],
                                        texts: texts))
        #expect(out.cases.count == 2)
        #expect(out.publicReportTexts == [1: text])
    }

    @Test func unclassifiedDecisionBeatsLaterFaults() throws {
        var c = try classifier()
        let faults = [RowFault(.decisionWithoutDate, "d"), RowFault(.unknownAuthority, "unknown authority name 'atlantis'"),
                      RowFault(.ambiguousAuthority, "a"), RowFault(.badReference, "r"), RowFault(.badValue, "v")]
        let rows = faults.enumerated().map { row(line: $0.offset + 2, category: 3, decision: 2, fault: $0.element) }
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: rows, texts: texts))
        #expect(out.rejects.map(\.reason) == Array(repeating: .unclassifiedDecision, count: faults.count))
    }

    @Test func unclassifiedCategoryBeatsDecisionWithoutDate() throws {
        var c = try classifier()
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv",
                                        rows: [row(line: 2, category: 3, fault: RowFault(.decisionWithoutDate, "d"))],
                                        texts: texts))
        #expect(out.rejects.map(\.reason) == [.unclassifiedCategory])
    }

    @Test func laterFaultOfAClassifiedRowIsItsReject() throws {
        var c = try classifier()
        let fault = RowFault(.unknownAuthority, "unknown authority name 'atlantis'")
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 8, fault: fault, reencoded: true)],
                                        texts: texts))
        #expect(out.cases.isEmpty)
        #expect(out.rowsReencoded == 0) // counted on accepted rows only
        #expect(out.rejects == [Reject(file: "x.csv", line: 8, reference: "19 000 8", reason: .unknownAuthority,
                                       detail: "unknown authority name 'atlantis'")])
    }

    @Test func rejectsLeaveSortedByLine() throws {
        var c = try classifier()
        let cleaningRejects = [Reject(file: "x.csv", line: 9, reference: "", reason: .badDate, detail: "d"),
                               Reject(file: "x.csv", line: 3, reference: "", reason: .fieldCount, detail: "f")]
        let rows = [row(line: 2), row(line: 4, decision: 2), row(line: 7, fault: RowFault(.badReference, "r")),
                    row(line: 12, category: 3)]
        let out = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: rows, texts: texts, rejects: cleaningRejects,
                                        rowsRead: 6))
        #expect(out.rejects.map(\.line) == [3, 4, 7, 9, 12])
        #expect(out.rejects.map(\.reason) == [.fieldCount, .unclassifiedDecision, .badReference, .badDate, .unclassifiedCategory])
        #expect(out.cases.count == 1)
        #expect(out.rowsRead == 6)
    }

    @Test func classificationIsTheSameAcrossBatches() throws {
        var c = try classifier()
        let first = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 2)], texts: texts))
        // The same text at another index in another batch.
        let second = c.classify(CleanBatch(fileIndex: 0, file: "x.csv", rows: [row(line: 3, category: 1, decision: 0)],
                                           texts: ["Upheld: fault and injustice", "Housing"]))
        #expect(first.cases.map(\.outcome) == second.cases.map(\.outcome))
        #expect(first.cases.map(\.area) == second.cases.map(\.area))
    }
}
