/// The decisions of one service area (for one authority, or summed for England) in one
/// reporting year, by decision date: what `area_year.csv` publishes per area.
package struct AreaDecisionCounts: Sendable, Equatable {
    /// Decisions made, whatever the outcome.
    package var decisions = 0
    /// Decisions `Not upheld`.
    package var notUpheld = 0
    /// Decisions `Upheld`.
    package var upheld = 0
    /// Upheld decisions where the authority had already offered a satisfactory remedy.
    package var satisfactoryRemedies = 0
    /// Decisions with a public report.
    package var publicReports = 0

    /// All zeros.
    package init() {}

    /// Detailed investigations: upheld plus not upheld.
    package var investigations: Int { upheld + notUpheld }

    /// Adds another set of counts.
    package mutating func add(_ other: AreaDecisionCounts) {
        decisions += other.decisions
        notUpheld += other.notUpheld
        upheld += other.upheld
        satisfactoryRemedies += other.satisfactoryRemedies
        publicReports += other.publicReports
    }
}
