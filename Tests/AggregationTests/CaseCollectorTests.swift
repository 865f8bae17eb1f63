import Aggregation
import PipelineModel
import Testing
import TestSupport

@Suite struct CaseCollectorTests {
    private func record(_ reference: UInt32, updated: Int64, sequence: UInt64, outcome: Outcome? = nil) -> CaseRecord {
        CaseRecord(reference: reference, lastUpdated: updated, sequence: sequence, authority: 0,
                   received: .on(2019, 4, 3), decisionDate: outcome == nil ? nil : .on(2019, 11, 20), outcome: outcome)
    }

    @Test func latestLastUpdatedWinsWhicheverArrivesFirst() {
        let older = record(19_012_345, updated: 1_000, sequence: 900, outcome: .notUpheld)
        let newer = record(19_012_345, updated: 2_000, sequence: 5, outcome: .upheld)
        for order in [[older, newer], [newer, older]] {
            var collector = CaseCollector()
            collector.add(order)
            #expect(collector.cases == [19_012_345: newer])
            #expect(collector.superseded == 1)
            #expect(collector.accepted == 2)
        }
    }

    @Test func tieGoesToTheLaterRowWhicheverArrivesFirst() {
        let earlierRow = record(19_012_345, updated: 1_000, sequence: (0 << 40) | 10, outcome: .notUpheld)
        let laterRow = record(19_012_345, updated: 1_000, sequence: (1 << 40) | 2, outcome: .upheld)
        for order in [[earlierRow, laterRow], [laterRow, earlierRow]] {
            var collector = CaseCollector()
            collector.add(order)
            #expect(collector.cases[19_012_345] == laterRow)
            #expect(collector.superseded == 1)
        }
    }

    @Test func supersededCountsEveryLosingRow() {
        var collector = CaseCollector()
        collector.add([
            record(1, updated: 1, sequence: 1), record(1, updated: 3, sequence: 2), record(1, updated: 2, sequence: 3),
            record(2, updated: 1, sequence: 4), record(3, updated: 1, sequence: 5), record(3, updated: 1, sequence: 6),
        ])
        #expect(collector.accepted == 6)
        #expect(collector.superseded == 3)
        #expect(collector.cases.count == 3)
        #expect(collector.cases[1]?.sequence == 2)
        #expect(collector.cases[3]?.sequence == 6)
    }

    @Test func mergingIntoAnEmptyCollectorGivesTheOther() {
        var part = CaseCollector()
        part.add([record(1, updated: 1, sequence: 1), record(1, updated: 2, sequence: 2)])
        var whole = CaseCollector()
        whole.merge(part)
        #expect(whole.cases == part.cases)
        #expect(whole.accepted == 2)
        #expect(whole.superseded == 1)
        whole.merge(CaseCollector())
        #expect(whole.cases == part.cases && whole.accepted == 2 && whole.superseded == 1)
    }

    @Test func mergeOfPartsEqualsAddingEverything() {
        var random = SeededGenerator(seed: 0x5EED)
        for round in 0 ..< 300 {
            // Few references and few timestamps, so duplicates and ties are common.
            let count = Int.random(in: 0 ... 60, using: &random)
            let rows = (0 ..< count).map { i in
                record(UInt32.random(in: 1 ... 12, using: &random), updated: Int64.random(in: 1 ... 4, using: &random),
                       sequence: UInt64(i) * 7 + UInt64(round), outcome: Outcome.allCases.randomElement(using: &random))
            }.shuffled(using: &random)
            var whole = CaseCollector()
            whole.add(rows)

            // Split into up to four parts at random, collect each, merge in a random order.
            let partCount = Int.random(in: 1 ... 4, using: &random)
            var parts = Array(repeating: CaseCollector(), count: partCount)
            for row in rows { parts[Int.random(in: 0 ..< partCount, using: &random)].add(row) }
            var merged = CaseCollector()
            for part in parts.shuffled(using: &random) { merged.merge(part) }

            if merged.cases != whole.cases || merged.superseded != whole.superseded || merged.accepted != whole.accepted {
                Issue.record("round \(round): merged \(merged.accepted)/\(merged.superseded), whole \(whole.accepted)/\(whole.superseded)")
                return
            }
            #expect(whole.accepted - whole.superseded == whole.cases.count)
        }
    }
}
