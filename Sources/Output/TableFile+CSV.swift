package import PipelineModel

/// Each data table rendered to the exact bytes downstream publishing reads (outputs.md): the
/// schema's header, then a record per row, each written by its definition
/// (``TableDefinition/appendRecord(of:to:year:)``) in ``CSVFormat``.
extension TableFile {
    /// The whole file (header and rows) for `figures`.
    package func render(_ figures: AnnualFigures) -> [UInt8] {
        var buffer = header
        for year in figures.years { appendRecords(of: year, to: &buffer) }
        return buffer
    }

    /// The file of one year's partition: the header and that year's rows only.
    ///
    /// The header followed by every year's rows without their headers, in year order, is
    /// ``render(_:)`` of those years byte for byte (``concatenating(partitions:)`` relies on it).
    package func render(_ year: YearFigures) -> [UInt8] {
        var buffer = header
        appendRecords(of: year, to: &buffer)
        return buffer
    }

    /// The header row's bytes, ended by LF.
    package var header: [UInt8] { schema.header }
}

extension TableSchema {
    /// The header row's bytes, ended by LF.
    package var header: [UInt8] { CSVFormat.record(columnNames) }
}
