@testable import Aggregation
import PipelineModel
import Testing
import TestSupport

@Suite struct CaseCollectorTests {
    private func record(_ reference: UInt32, updated: Int64, outcome: Outcome? = nil, authority: Int32 = 0) -> CaseRecord {
        CaseRecord(reference: reference, lastUpdated: updated, authority: authority,
                   received: .on(2019, 4, 3), decisionDate: outcome == nil ? nil : .on(2019, 11, 20), outcome: outcome)
    }

    @Test func latestLastUpdatedWinsWhicheverArrivesFirst() throws {
        let older = record(19_012_345, updated: 1_000, outcome: .notUpheld)
        let newer = record(19_012_345, updated: 2_000, outcome: .upheld)
        for order in [[older, newer], [newer, older]] {
            var collector = CaseCollector()
            collector.add(order)
            let winner = try #require(collector.winner(of: 19_012_345))
            #expect(winner.lastUpdated == 2_000 && winner.contribution == CaseContribution(newer))
            #expect(collector.caseCount == 1)
            #expect(collector.superseded == 1)
            #expect(collector.accepted == 2)
        }
    }

    @Test func tieGoesToTheLaterRow() {
        let earlierRow = record(19_012_345, updated: 1_000, outcome: .notUpheld)
        let laterRow = record(19_012_345, updated: 1_000, outcome: .upheld)
        var collector = CaseCollector()
        collector.add([earlierRow, laterRow])
        #expect(collector.winner(of: 19_012_345)?.contribution == CaseContribution(laterRow))
        #expect(collector.superseded == 1)
    }

    @Test func supersededCountsEveryLosingRow() {
        var collector = CaseCollector()
        collector.add([
            record(1, updated: 1), record(1, updated: 3, outcome: .upheld), record(1, updated: 2),
            record(2, updated: 1), record(3, updated: 1), record(3, updated: 1, outcome: .adviceGiven),
        ])
        #expect(collector.accepted == 6)
        #expect(collector.superseded == 3)
        #expect(collector.caseCount == 3)
        #expect(collector.winner(of: 1)?.contribution.decisionYear == ReportingYear(startYear: 2019))
        #expect(collector.winner(of: 1)?.contribution.outcome == .upheld)
        #expect(collector.winner(of: 3)?.contribution.outcome == .adviceGiven)
        #expect(collector.winner(of: 4) == nil)
    }

    @Test func countsFollowTheWinners() {
        var collector = CaseCollector()
        collector.add([record(1, updated: 1, outcome: .notUpheld), record(2, updated: 1, outcome: .upheld),
                       record(1, updated: 2, outcome: .upheld)])
        let year = ReportingYear(startYear: 2019)
        let counts = collector.counts[YearAuthority(year, 0)]
        #expect(counts?.outcomes[Outcome.upheld.rawValue] == 2)
        #expect(counts?.outcomes[Outcome.notUpheld.rawValue] == 0)
        #expect(counts?.received[ServiceArea.other.rawValue] == 2)
    }

    @Test func aYearWhoseOnlyCaseMovedAwayHasNoCounts() {
        var collector = CaseCollector()
        let moved = CaseRecord(reference: 7, lastUpdated: 2, authority: 1, received: .on(2020, 5, 1))
        collector.add([CaseRecord(reference: 7, lastUpdated: 1, authority: 1, received: .on(2018, 5, 1)), moved])
        #expect(Array(collector.counts.keys) == [YearAuthority(ReportingYear(startYear: 2020), 1)])
    }

    @Test func holdsManyCasesAcrossGrowths() throws {
        var collector = CaseCollector()
        // References 0...99_999_999 occur; these spread over every segment and grow each many times.
        let references = (0 ..< 200_000).map { UInt32($0) * 499 }
        for reference in references { collector.add(record(reference, updated: Int64(reference))) }
        for reference in references.prefix(1000) { collector.add(record(reference, updated: 0)) }
        #expect(collector.caseCount == references.count)
        #expect(collector.superseded == 1000)
        for reference in references.suffix(1000) {
            #expect(collector.winner(of: reference)?.lastUpdated == Int64(reference))
        }
        #expect(collector.winner(of: 99_999_999) == nil)
    }

    @Test func aCopyIsIndependent() {
        var original = CaseCollector()
        original.add([record(1, updated: 1, outcome: .notUpheld), record(2, updated: 1)])
        var copy = original
        copy.add([record(1, updated: 2, outcome: .upheld), record(3, updated: 1)])
        #expect(original.winner(of: 1)?.contribution.outcome == .notUpheld && original.winner(of: 3) == nil)
        #expect(copy.winner(of: 1)?.contribution.outcome == .upheld && copy.caseCount == 3 && original.caseCount == 2)
    }

    @Test func contributionKeepsWhatTheFiguresNeed() {
        for outcome in Outcome.allCases {
            for compliance in ComplianceOutcome.allCases {
                let r = CaseRecord(reference: 1, lastUpdated: -2_208_988_800, authority: 65_535, received: .on(1900, 1, 1),
                                   area: .planning, decisionDate: .on(2999, 12, 31), outcome: outcome,
                                   satisfactoryRemedy: true, publicReport: false, compliance: compliance,
                                   complianceDate: .on(2024, 4, 1))
                let c = CaseContribution(r)
                #expect(c.authority == 65_535 && c.area == .planning && c.outcome == outcome && c.compliance == compliance)
                #expect(c.receivedYear == ReportingYear(startYear: 1899) && c.decisionYear == ReportingYear(startYear: 2999))
                #expect(c.complianceYear == ReportingYear(startYear: 2024) && c.satisfactoryRemedy && !c.publicReport)
            }
        }
        let open = CaseContribution(CaseRecord(reference: 1, lastUpdated: 0, authority: 0, received: .on(2019, 4, 1),
                                               outcome: .upheld, compliance: .complied))
        #expect(open.decisionYear == nil && open.complianceYear == nil)
    }
}
