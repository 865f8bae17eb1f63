/// A row of a per-case table (`decisions.csv`, `compliance.csv`, `service_improvements.csv`):
/// one case of an authority's list, with the year and authority the list belongs to.
package struct CaseRow<Case: Sendable & Equatable>: Sendable, Equatable {
    /// The reporting year the case is counted in.
    package let year: ReportingYear
    /// The register code of the authority.
    package let authorityCode: String
    /// The case.
    package let `case`: Case

    /// A row; see the properties.
    package init(year: ReportingYear, authorityCode: String, case: Case) {
        self.year = year
        self.authorityCode = authorityCode
        self.case = `case`
    }
}
