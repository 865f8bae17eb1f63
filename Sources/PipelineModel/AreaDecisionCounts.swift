/// The decisions of one service area (for one authority, or summed for England) in one
/// reporting year, by decision date: what `area_year.csv` publishes per area.
public struct AreaDecisionCounts: Sendable, Equatable {
    /// Decisions made, whatever the outcome.
    public var decisions = 0
    /// Decisions `Not upheld`.
    public var notUpheld = 0
    /// Decisions `Upheld`.
    public var upheld = 0
    /// Upheld decisions where the authority had already offered a satisfactory remedy.
    public var satisfactoryRemedies = 0
    /// Decisions with a public report.
    public var publicReports = 0

    /// All zeros.
    public init() {}

    /// Detailed investigations: upheld plus not upheld.
    public var investigations: Int { upheld + notUpheld }

    /// Adds another set of counts.
    public mutating func add(_ other: AreaDecisionCounts) {
        decisions += other.decisions
        notUpheld += other.notUpheld
        upheld += other.upheld
        satisfactoryRemedies += other.satisfactoryRemedies
        publicReports += other.publicReports
    }
}
