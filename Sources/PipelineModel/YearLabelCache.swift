/// The field bytes of the last reporting year a table's record wrote: the rows of a year's
/// table all print the same label, which is made (``ReportingYear/label``) once instead of per row.
package struct YearLabelCache: Sendable {
    private var year: ReportingYear?
    private var field: [UInt8] = []

    /// No label yet.
    package init() {}

    /// Appends `year`'s label to `buffer` as a CSV field.
    mutating func append(_ year: ReportingYear, to buffer: inout [UInt8]) {
        if year != self.year {
            self.year = year
            field.removeAll(keepingCapacity: true)
            CSVFormat.appendField(year.label, to: &field)
        }
        buffer.append(contentsOf: field)
    }
}
