/// The cases behind one authority's figures of one year: what `decisions.csv`,
/// `compliance.csv` and `service_improvements.csv` hold for it, what its year page lists under
/// each statistic and what `annual-review explain` prints.
///
/// Each list is sorted as outputs.md sorts its table: by date, then reference.
package struct AuthorityYearCases: Sendable, Equatable {
    /// Every decision counted in the year, by decision date and reference.
    package var decisions: [DecidedCase]
    /// Every compliance outcome counted in the year, by compliance date and reference.
    package var compliance: [ComplianceCase]
    /// The decisions with a service improvement, with their texts, by decision date and reference.
    package var serviceImprovements: [ServiceImprovementCase]

    /// The cases; see the properties.
    package init(decisions: [DecidedCase] = [], compliance: [ComplianceCase] = [],
                serviceImprovements: [ServiceImprovementCase] = []) {
        self.decisions = decisions
        self.compliance = compliance
        self.serviceImprovements = serviceImprovements
    }

    /// No cases (a row read back from `authority_year.csv`, or an authority without any).
    package static let none = AuthorityYearCases()
}
