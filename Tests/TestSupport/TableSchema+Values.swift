import PipelineModel

extension TableSchema {
    /// Appends one row's cells (``TableDefinition/values(of:)``) as a record ended by LF, each
    /// cell's text (``TableValue/text``) quoted only where it needs it: the tables' bytes made
    /// through each cell's `String`, as they were before ``TableDefinition/appendRecord(of:to:year:)``
    /// wrote them directly, to check that they did not change.
    package static func appendRecord(_ row: [TableValue], to buffer: inout [UInt8]) {
        CSVFormat.appendRecord(row.map(\.text), to: &buffer)
    }
}
