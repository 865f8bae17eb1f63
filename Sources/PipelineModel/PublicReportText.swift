/// The free texts of a row with a public report, which `public_reports.csv` carries through as
/// the export wrote them (decoded to UTF-8, surrounding spaces trimmed).
///
/// Kept only for rows with `public_report` = yes: a few hundred cases a year, where keeping the
/// texts of every case would make memory grow with the size of the exports.
package struct PublicReportText: Sendable, Equatable {
    /// The `subcategory` field.
    package var subcategory: String
    /// The `decision` field, as recorded (not the classified outcome).
    package var decision: String
    /// The `remedy` field.
    package var remedy: String
    /// The `summary` field.
    package var summary: String

    /// The texts; see the properties.
    package init(subcategory: String, decision: String, remedy: String, summary: String) {
        self.subcategory = subcategory
        self.decision = decision
        self.remedy = remedy
        self.summary = summary
    }
}
