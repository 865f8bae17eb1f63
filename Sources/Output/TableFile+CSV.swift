package import PipelineModel

/// Each data table rendered to the exact bytes downstream publishing reads (outputs.md): the
/// schema's header, then the cells its definition computes, in ``CSVFormat``.
extension TableFile {
    /// The whole file (header and rows) for `figures`.
    package func render(_ figures: AnnualFigures) -> [UInt8] {
        var buffer = header
        for year in figures.years { appendRows(of: year, to: &buffer) }
        return buffer
    }

    /// The file of one year's partition: the header and that year's rows only.
    ///
    /// The header followed by every year's rows without their headers, in year order, is
    /// ``render(_:)`` of those years byte for byte (``concatenating(partitions:)`` relies on it).
    package func render(_ year: YearFigures) -> [UInt8] {
        var buffer = header
        appendRows(of: year, to: &buffer)
        return buffer
    }

    /// The header row's bytes, ended by LF.
    package var header: [UInt8] { schema.header }

    private func appendRows(of year: YearFigures, to buffer: inout [UInt8]) {
        forEachRow(of: year) { TableSchema.appendRecord($0, to: &buffer) }
    }
}

extension TableSchema {
    /// The header row's bytes, ended by LF.
    package var header: [UInt8] { CSVFormat.record(columnNames) }

    /// Appends one row's cells (``TableDefinition/values(of:)``) as a record ended by LF, each
    /// cell's text (``TableValue/text``) quoted only where it needs it.
    package static func appendRecord(_ row: [TableValue], to buffer: inout [UInt8]) {
        for (i, value) in row.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            switch value {
            case let .integer(number): CSVFormat.appendDecimal(number, to: &buffer)
            case .empty: break
            default: CSVFormat.appendField(value.text, to: &buffer)
            }
        }
        // A record of one empty field would read back as a blank line (CSVFormat.appendRecord).
        if row.count == 1, row[0].text.isEmpty { buffer += [UInt8(ascii: "\""), UInt8(ascii: "\"")] }
        buffer.append(0x0A)
    }
}
