import PipelineModel

/// One export row for a test: field bytes by column, with an optional line and parse fault.
package struct RawRow: Sendable {
    /// The field values, as bytes; a column that is absent is an empty slot.
    package var fields: [ExportColumn: [UInt8]]
    /// The physical line; nil numbers rows from line 2 in batch order.
    package var line: Int?
    /// The parse fault Ingestion would have recorded.
    package var fault: RawRecordFault?

    /// A row of UTF-8 text values.
    package init(_ fields: [ExportColumn: String], line: Int? = nil, fault: RawRecordFault? = nil) {
        self.fields = fields.mapValues { Array($0.utf8) }
        self.line = line
        self.fault = fault
    }

    /// A row of raw byte values (for Windows-1252 or otherwise invalid UTF-8 input).
    package init(bytes fields: [ExportColumn: [UInt8]], line: Int? = nil, fault: RawRecordFault? = nil) {
        self.fields = fields
        self.line = line
        self.fault = fault
    }

    /// This row with `column` set to `value` (an empty value blanks it).
    package func with(_ column: ExportColumn, _ value: String) -> RawRow {
        var copy = self
        copy.fields[column] = Array(value.utf8)
        return copy
    }

    /// This row with `column` set to raw bytes.
    package func with(_ column: ExportColumn, bytes value: [UInt8]) -> RawRow {
        var copy = self
        copy.fields[column] = value
        return copy
    }

    /// This row at physical line `line`.
    package func at(line: Int) -> RawRow {
        var copy = self
        copy.line = line
        return copy
    }

    /// A complete, valid row about Leicester City Council: received 3 April 2019, upheld on
    /// 20 November 2019, complied on 1 February 2020. Tests change one field at a time.
    package static let valid = RawRow([
        .reference: "19 012 345",
        .authorityName: "Leicester City Council",
        .authorityCode: "",
        .category: "Housing",
        .subcategory: "Homelessness",
        .receivedDate: "03/04/2019",
        .decisionDate: "2019-11-20",
        .decision: "Upheld: fault and injustice",
        .remedy: "Apology; Financial redress",
        .satisfactoryRemedyByAuthority: "N",
        .complianceOutcome: "Complied",
        .complianceDate: "2020-02-01",
        .publicReport: "N",
        .lastUpdated: "2020-02-01T10:22:31",
        .summary: "Mrs X complained that the council, \"without notice\", ended her tenancy.",
    ])
}

/// Builds ``RawRecordBatch``es the way Ingestion hands them on.
package enum RawRows {
    /// A batch of `rows` of input `fileIndex`; rows without a line are numbered from line 2.
    package static func batch(_ rows: [RawRow], fileIndex: Int = 0) -> RawRecordBatch {
        var batch = RawRecordBatch(fileIndex: fileIndex)
        for (i, row) in rows.enumerated() {
            let fields = row.fields
                .sorted { $0.key.rawValue < $1.key.rawValue }
                .map { ($0.key, ArraySlice($0.value)) }
            batch.append(line: row.line ?? i + 2, fault: row.fault, fields: fields)
        }
        return batch
    }

    /// A batch of rows given as text values by column.
    package static func batch(_ rows: [[ExportColumn: String]], fileIndex: Int = 0) -> RawRecordBatch {
        batch(rows.map { RawRow($0) }, fileIndex: fileIndex)
    }
}
