package import PipelineModel

/// What the per-case tables need of a case beyond its ``CaseContribution``, in 64 bits: the
/// days of its decision and compliance outcome (the contribution has their years only) and
/// whether it is a service improvement. No text: `decisions.csv` and `compliance.csv` print
/// none, and the few service improvements keep theirs apart (``CaseCollector``).
///
/// Layout, low bits first: decision day (20), compliance day (20), service improvement (1). A
/// day is stored as days since 1899-12-31, 0 for none (Cleaning accepts dates of 1900-2999).
package struct CaseDetail: Hashable, Sendable {
    /// The packed value.
    package let bits: UInt64

    /// 1900-01-01 is stored as 1.
    private static let dayBase: Int32 = Day(year: 1900, month: 1, day: 1)!.daysSinceEpoch - 1
    private static let dayMask: UInt64 = (1 << 20) - 1

    /// The detail of a classified case. Its decision day is kept only when its decision counts
    /// (a decision date and an outcome), its compliance day only when a compliance outcome does,
    /// as ``CaseContribution`` counts them.
    package init(_ record: CaseRecord) {
        var bits: UInt64 = 0
        if let decided = record.decisionDate, record.outcome != nil { bits |= Self.packed(decided) }
        if record.compliance != nil, let recorded = record.complianceDate { bits |= Self.packed(recorded) << 20 }
        if record.serviceImprovement { bits |= 1 << 40 }
        self.bits = bits
    }

    /// A detail from its packed value.
    init(bits: UInt64) { self.bits = bits }

    /// The decision date, nil while the case is open.
    package var decisionDate: Day? { Self.day(bits) }
    /// The date the compliance outcome was recorded, nil without one.
    package var complianceDate: Day? { Self.day(bits >> 20) }
    /// Upheld with a service-improvement remedy.
    package var serviceImprovement: Bool { bits >> 40 & 1 == 1 }

    private static func packed(_ day: Day) -> UInt64 {
        let offset = Int64(day.daysSinceEpoch) - Int64(dayBase)
        precondition(offset > 0 && UInt64(offset) <= dayMask, "date \(day) outside what a case detail holds")
        return UInt64(offset)
    }

    private static func day(_ field: UInt64) -> Day? {
        let offset = field & dayMask
        return offset == 0 ? nil : Day(daysSinceEpoch: Int32(offset) + dayBase)
    }
}
