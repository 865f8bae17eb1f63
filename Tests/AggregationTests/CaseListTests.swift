@testable import Aggregation
import PipelineModel
import Testing
import TestSupport

/// The cases behind the counts (``CaseCollector/cases(inParts:)``): what the per-case tables print.
@Suite struct CaseListTests {
    private func record(_ reference: UInt32, updated: Int64 = 0, authority: Int32 = 0, decided: Day? = .on(2019, 11, 20),
                        outcome: Outcome? = .upheld, improvement: Bool = false, compliance: ComplianceOutcome? = nil,
                        complied: Day? = nil) -> CaseRecord {
        CaseRecord(reference: reference, lastUpdated: updated, authority: authority, received: .on(2019, 4, 3),
                   area: .housing, decisionDate: decided, outcome: decided == nil ? nil : outcome, satisfactoryRemedy: true,
                   publicReport: false, compliance: compliance, complianceDate: complied, serviceImprovement: improvement)
    }

    @Test func aDetailKeepsTheDaysAndTheServiceImprovement() {
        let r = record(1, decided: .on(1900, 1, 1), improvement: true, compliance: .complied, complied: .on(2999, 12, 31))
        let detail = CaseDetail(r)
        #expect(detail.decisionDate == .on(1900, 1, 1) && detail.complianceDate == .on(2999, 12, 31))
        #expect(detail.serviceImprovement)
        let open = CaseDetail(record(2, decided: nil))
        #expect(open.decisionDate == nil && open.complianceDate == nil && !open.serviceImprovement)
    }

    @Test func eachCaseIsListedInTheYearOfItsOwnDate() async throws {
        var collector = CaseCollector()
        collector.add([
            record(19_000_003, decided: .on(2019, 5, 1)),
            record(19_000_001, decided: .on(2019, 5, 1), compliance: .compliedLate, complied: .on(2020, 6, 1)),
            record(19_000_002, decided: .on(2019, 4, 30), compliance: .awaiting),
            record(19_000_004, decided: nil),
            record(19_000_005, authority: 1, decided: .on(2020, 4, 1), outcome: .notUpheld),
        ])
        let cases = await collector.cases()
        let y2019 = ReportingYear(startYear: 2019), y2020 = ReportingYear(startYear: 2020)
        let first = try #require(cases[YearAuthority(y2019, 0)])
        // By date, then reference; the open case is in no list, awaiting compliance is not counted.
        #expect(first.decisions.map(\.reference) == [19_000_002, 19_000_001, 19_000_003])
        #expect(first.compliance.isEmpty)
        #expect(cases[YearAuthority(y2020, 0)]?.compliance == [ComplianceCase(reference: 19_000_001, complianceDate: .on(2020, 6, 1),
                                                                              outcome: .compliedLate)])
        #expect(cases[YearAuthority(y2020, 0)]?.decisions.isEmpty == true)
        #expect(cases[YearAuthority(y2020, 1)]?.decisions.map(\.outcome) == [.notUpheld])
        #expect(first.decisions[0] == DecidedCase(reference: 19_000_002, decisionDate: .on(2019, 4, 30), area: .housing,
                                                  outcome: .upheld, satisfactoryRemedy: true, publicReport: false,
                                                  serviceImprovement: false))
    }

    @Test func theWinnersServiceImprovementTextsReplaceTheSupersededRows() async throws {
        let year = ReportingYear(startYear: 2019)
        let text = ServiceImprovementText(subcategory: "Allocations", remedy: "Training and/or guidance")
        let later = ServiceImprovementText(subcategory: "Homelessness", remedy: "Apology; Procedure or policy change/review")
        var collector = CaseCollector()
        collector.add([record(1, updated: 1, improvement: true), record(2, updated: 1, improvement: true),
                       record(3, updated: 1, improvement: true)],
                      serviceImprovementTexts: [0: text, 1: text, 2: text])
        // Case 1's later row is a service improvement too, with other texts; case 2's is not one;
        // case 3's older row loses.
        collector.add([record(1, updated: 2, improvement: true), record(2, updated: 2), record(3, updated: 0)],
                      serviceImprovementTexts: [0: later])
        let cases = try #require(await collector.cases()[YearAuthority(year, 0)])
        #expect(cases.serviceImprovements.map(\.reference) == [1, 3])
        #expect(cases.serviceImprovements.map(\.subcategory) == ["Homelessness", "Allocations"])
        #expect(cases.serviceImprovements[0].remedy == later.remedy)
        #expect(cases.decisions.map(\.serviceImprovement) == [true, false, true])
    }

    @Test func theListsCountedByKindAreTheCounts() async {
        var collector = CaseCollector()
        var records: [CaseRecord] = []
        // Invented cases over two years and three authorities, every outcome and compliance kind.
        for i in 0 ..< 600 {
            let decided = Day(daysSinceEpoch: Day.on(2019, 4, 1).daysSinceEpoch + Int32(i * 7 % 700))
            let compliance = ComplianceOutcome(rawValue: i % 5)
            records.append(CaseRecord(
                reference: UInt32(19_000_000 + i % 550), lastUpdated: Int64(i), authority: Int32(i % 3),
                received: .on(2019, 4, 1), area: ServiceArea(rawValue: i % 9)!, decisionDate: i % 11 == 0 ? nil : decided,
                outcome: i % 11 == 0 ? nil : Outcome(rawValue: i % 6), satisfactoryRemedy: i % 4 == 0, publicReport: i % 13 == 0,
                compliance: compliance, complianceDate: compliance.flatMap { $0.isOutcome ? decided : nil },
                serviceImprovement: i % 6 == 5 && i % 11 != 0 && i % 3 == 0))
        }
        collector.add(records)
        let cases = await collector.cases()
        for (key, counts) in collector.counts {
            let list = cases[key] ?? .none
            for outcome in Outcome.allCases {
                #expect(list.decisions.count { $0.outcome == outcome } == counts.outcomes[outcome.rawValue], "\(key) \(outcome)")
            }
            #expect(list.decisions.count { $0.outcome == .upheld && $0.satisfactoryRemedy } == counts.satisfactoryRemedies)
            #expect(list.decisions.count(where: \.publicReport) == counts.publicReports)
            #expect(list.compliance.count { $0.outcome == .complied } == counts.complied)
            #expect(list.compliance.count { $0.outcome == .compliedLate } == counts.compliedLate)
            #expect(list.compliance.count { $0.outcome == .notComplied } == counts.notComplied)
        }
        #expect(Set(cases.keys).isSubset(of: Set(collector.counts.keys)))
        // Made in shares side by side, the lists are the same.
        for parts in [2, 3, 7] { #expect(await collector.cases(inParts: parts) == cases, "\(parts) parts") }
    }

    @Test func everyListIsSortedByDateThenReferenceOverTheWholeRangeOfBoth() async throws {
        // The earliest and latest days and references a case can hold, in every combination,
        // with every area, outcome and flag: each must come out as it went in, in tuple order.
        let days: [Day] = [.on(1900, 1, 1), .on(1969, 12, 31), .on(1970, 1, 1), .on(2019, 4, 1), .on(2999, 12, 31)]
        var records: [CaseRecord] = []
        for (d, day) in days.enumerated() {
            let top = CaseTable.maximumReference - UInt32(2 * d)
            // Each reference once (one case each), the smallest and largest among them.
            for (r, reference) in [UInt32(2 * d), UInt32(2 * d + 1), 19_000_001 + UInt32(d), top - 1, top].enumerated() {
                let i = d * 5 + r
                let compliance = ComplianceOutcome(rawValue: i % 3)!
                records.append(CaseRecord(
                    reference: reference,
                    lastUpdated: 0, authority: Int32(i % 2), received: .on(1900, 1, 1),
                    area: ServiceArea(rawValue: i % 9)!, decisionDate: day, outcome: Outcome(rawValue: i % 6)!,
                    satisfactoryRemedy: i % 2 == 0, publicReport: i % 3 == 0, compliance: compliance,
                    complianceDate: days[(d + r) % days.count], serviceImprovement: i % 4 == 0))
            }
        }
        var collector = CaseCollector()
        collector.add(records.shuffled())
        let cases = await collector.cases()
        var decisions: [YearAuthority: [DecidedCase]] = [:]
        var compliance: [YearAuthority: [ComplianceCase]] = [:]
        for r in records {
            decisions[YearAuthority(ReportingYear(containing: r.decisionDate!), r.authority), default: []].append(DecidedCase(
                reference: r.reference, decisionDate: r.decisionDate!, area: r.area, outcome: r.outcome!,
                satisfactoryRemedy: r.satisfactoryRemedy, publicReport: r.publicReport,
                serviceImprovement: r.serviceImprovement))
            compliance[YearAuthority(ReportingYear(containing: r.complianceDate!), r.authority), default: []].append(
                ComplianceCase(reference: r.reference, complianceDate: r.complianceDate!, outcome: r.compliance!))
        }
        #expect(Set(cases.keys) == Set(decisions.keys).union(compliance.keys))
        for (key, list) in cases {
            #expect(list.decisions == (decisions[key] ?? []).sorted { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) },
                    "\(key)")
            #expect(list.compliance == (compliance[key] ?? []).sorted {
                ($0.complianceDate, $0.reference) < ($1.complianceDate, $1.reference)
            }, "\(key)")
        }
    }

    @Test func aTableSizedForTheCasesListsAndCountsWhatAGrowingOneDoes() async {
        // Cases and rows superseding them, collected by a table that starts at 16 slots a segment
        // and grows many times, one sized for them, and one sized for far fewer.
        var records: [CaseRecord] = []
        for i in 0 ..< 20_000 {
            records.append(record(UInt32(19_000_000 + i * 7919 % 15_000), updated: Int64(i % 5), authority: Int32(i % 7),
                                  decided: i % 10 == 0 ? nil : Day(daysSinceEpoch: Day.on(2018, 4, 1).daysSinceEpoch + Int32(i % 900)),
                                  outcome: Outcome(rawValue: i % 6), compliance: ComplianceOutcome(rawValue: i % 4),
                                  complied: .on(2021, 1, Int(i % 28) + 1)))
        }
        func collected(_ expected: Int) -> CaseCollector {
            var collector = CaseCollector(expectedCases: expected)
            for start in stride(from: 0, to: records.count, by: 1000) { collector.add(Array(records[start ..< start + 1000])) }
            return collector
        }
        let growing = collected(0)
        for sized in [collected(15_000), collected(500), collected(1_000_000)] {
            #expect(sized.caseCount == growing.caseCount && sized.superseded == growing.superseded)
            #expect(sized.counts == growing.counts)
            #expect(await sized.cases() == growing.cases())
            for reference in stride(from: UInt32(19_000_000), to: 19_015_000, by: 97) {
                #expect(sized.winner(of: reference)?.lastUpdated == growing.winner(of: reference)?.lastUpdated)
            }
        }
    }
}
