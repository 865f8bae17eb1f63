/// One compliance outcome behind an authority's figures of a year (counted by its
/// `compliance_date`): a row of `compliance.csv` without the year and authority.
package struct ComplianceCase: Sendable, Equatable {
    /// The reference's eight digits as a number.
    package let reference: UInt32
    /// When the outcome was recorded (in the year it is counted in).
    package let complianceDate: Day
    /// The outcome: complied, complied late or not complied (never awaiting: that is not counted).
    package let outcome: ComplianceOutcome

    /// A compliance case; see the properties.
    package init(reference: UInt32, complianceDate: Day, outcome: ComplianceOutcome) {
        self.reference = reference
        self.complianceDate = complianceDate
        self.outcome = outcome
    }
}
