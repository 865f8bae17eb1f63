/// The label of the last reporting year a table's record wrote: the rows of a year's
/// table all print the same label, which is made (``ReportingYear/label``) once instead of per row.
package struct YearLabelCache: Sendable {
    private var year: ReportingYear?
    /// Its label as a CSV field.
    private var field: [UInt8] = []

    /// No label yet.
    package init() {}

    /// Appends `year`'s label to `buffer` as a CSV field (quoted if it needed it).
    mutating func append(_ year: ReportingYear, to buffer: inout CSVRecordBuffer) {
        if year != self.year {
            self.year = year
            field.removeAll(keepingCapacity: true)
            CSVFormat.appendField(year.label, to: &field)
        }
        field.withUnsafeBufferPointer { buffer.append(field: $0) }
    }
}
