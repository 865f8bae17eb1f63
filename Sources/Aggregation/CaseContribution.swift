package import PipelineModel

/// What one case adds to the counts, in 64 bits: its authority, the reporting year of each of
/// its dates that counts, its service area, outcome, flags and compliance outcome.
///
/// The figures need the reporting year of a date, never the day, so a case fits in one word
/// and the run can keep one per case in a few bytes (issue: tens of millions of cases).
///
/// Layout, low bits first: authority index (16), received year (12), service area (4),
/// decision year (12, 0 for none), outcome (3), satisfactory remedy (1), public report (1),
/// compliance year (12, 0 for none), compliance outcome (2). A year is stored as its start
/// year minus 1799 (Cleaning accepts dates of 1900-2999 only).
package struct CaseContribution: Hashable, Sendable {
    /// The packed value.
    package let bits: UInt64

    /// The largest register index a contribution can hold.
    package static let maximumAuthorityIndex = Int(UInt16.max)
    private static let yearBase = 1799

    /// The contribution of a classified case. Its decision counts only with both a decision
    /// date and an outcome, its compliance outcome only with a compliance date.
    package init(_ record: CaseRecord) {
        precondition(record.authority >= 0 && Int(record.authority) <= Self.maximumAuthorityIndex,
                     "register index \(record.authority) does not fit a case contribution")
        var bits = UInt64(record.authority)
        bits |= Self.packed(ReportingYear(containing: record.received)) << 16
        bits |= UInt64(record.area.rawValue) << 28
        if let decided = record.decisionDate, let outcome = record.outcome {
            bits |= Self.packed(ReportingYear(containing: decided)) << 32
            bits |= UInt64(outcome.rawValue) << 44
            if record.satisfactoryRemedy { bits |= 1 << 47 }
            if record.publicReport { bits |= 1 << 48 }
        }
        if let compliance = record.compliance, let recorded = record.complianceDate {
            bits |= Self.packed(ReportingYear(containing: recorded)) << 49
            bits |= UInt64(compliance.rawValue) << 61
        }
        self.bits = bits
    }

    /// A contribution from its packed value.
    init(bits: UInt64) { self.bits = bits }

    /// The register index of the case's authority.
    package var authority: Int32 { Int32(bits & 0xFFFF) }
    /// The reporting year in which the complaint was received.
    package var receivedYear: ReportingYear { Self.year(bits >> 16)! }
    /// The case's service area.
    package var area: ServiceArea { ServiceArea(rawValue: Int(bits >> 28 & 0xF))! }
    /// The reporting year of the decision, nil while the case is open.
    package var decisionYear: ReportingYear? { Self.year(bits >> 32) }
    /// The decision's outcome (meaningful only with a ``decisionYear``).
    package var outcome: Outcome { Outcome(rawValue: Int(bits >> 44 & 0x7))! }
    /// The authority had already offered a satisfactory remedy (decided cases only).
    package var satisfactoryRemedy: Bool { bits >> 47 & 1 == 1 }
    /// The Ombudsman issued a public report (decided cases only).
    package var publicReport: Bool { bits >> 48 & 1 == 1 }
    /// The reporting year of the compliance outcome, nil without one.
    package var complianceYear: ReportingYear? { Self.year(bits >> 49) }
    /// The compliance outcome (meaningful only with a ``complianceYear``).
    package var compliance: ComplianceOutcome { ComplianceOutcome(rawValue: Int(bits >> 61 & 0x3))! }

    private static func packed(_ year: ReportingYear) -> UInt64 {
        let offset = year.startYear - yearBase
        precondition(offset > 0 && offset < 0x1000, "reporting year \(year) outside what a case contribution holds")
        return UInt64(offset)
    }

    private static func year(_ field: UInt64) -> ReportingYear? {
        let offset = Int(field & 0xFFF)
        return offset == 0 ? nil : ReportingYear(startYear: offset + yearBase)
    }
}
