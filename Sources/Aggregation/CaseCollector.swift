import PipelineModel

/// Keeps one entry per case and applies the duplicate rule: the row with the latest
/// `last_updated` is the case; a tie goes to the later row (file order, then line).
///
/// Cases are held as compact ``CaseRecord``s, never as rows, so memory grows with the
/// number of distinct cases and not with the size of the exports.
public struct CaseCollector: Sendable {
    /// The winning record of every case so far, by reference.
    public private(set) var cases: [UInt32: CaseRecord] = [:]
    /// Accepted rows that lost to another row of the same case.
    public private(set) var superseded = 0
    /// Accepted rows added.
    public private(set) var accepted = 0

    /// An empty collector.
    public init() {}

    /// Adds cases, resolving duplicates as they arrive.
    public mutating func add(_ records: [CaseRecord]) {
        for record in records { add(record) }
    }

    /// Adds one case row.
    public mutating func add(_ record: CaseRecord) {
        accepted += 1
        let isNewer = { (old: CaseRecord) in
            record.lastUpdated > old.lastUpdated
                || (record.lastUpdated == old.lastUpdated && record.sequence > old.sequence)
        }
        if let old = cases[record.reference] {
            superseded += 1
            if isNewer(old) { cases[record.reference] = record }
        } else {
            cases[record.reference] = record
        }
    }

    /// Merges another collector (of other rows) into this one, as if its rows had been added.
    public mutating func merge(_ other: CaseCollector) {
        let acceptedBefore = accepted
        for record in other.cases.values { add(record) }
        // `add` counted the other's winners once; it had already counted its own losers.
        accepted = acceptedBefore + other.accepted
        superseded += other.superseded
    }
}
