/// What one input file turned out to be, for the manifest (which encodes it as it is: `inputs`)
/// and the quality report.
package struct InputFileSummary: Codable, Sendable, Equatable {
    /// The path as given to the run (`-` for standard input).
    package let path: String
    /// Bytes read from the file as stored (compressed bytes for gzip).
    package let bytes: Int
    /// sha256 of the bytes as stored, lower-case hex.
    package let sha256: String
    /// Whether it was gzip-compressed.
    package let compressed: Bool
    /// Header cells that name no known column, in file order.
    package let unknownColumns: [String]
    /// Whether the data began with a UTF-8 byte-order mark.
    package let hadByteOrderMark: Bool
    /// Data records read (the header excluded).
    package let records: Int

    /// A summary; see the properties.
    package init(path: String, bytes: Int, sha256: String, compressed: Bool, unknownColumns: [String],
                hadByteOrderMark: Bool, records: Int) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.compressed = compressed
        self.unknownColumns = unknownColumns
        self.hadByteOrderMark = hadByteOrderMark
        self.records = records
    }

    enum CodingKeys: String, CodingKey {
        case path, bytes, sha256, compressed, records
        case hadByteOrderMark = "byte_order_mark"
        case unknownColumns = "unknown_columns"
    }
}

/// The counts of a run, for the manifest, the quality report and the reject limit.
package struct RunCounts: Sendable, Equatable {
    /// Data rows read from all inputs.
    package var rowsRead = 0
    /// Rows accepted (usable), before duplicates are resolved.
    package var rowsAccepted = 0
    /// Rows rejected, by reason.
    package var rejectedByReason: [RejectReason: Int] = [:]
    /// Accepted rows superseded by a later version of the same case.
    package var duplicatesSuperseded = 0
    /// Accepted rows in which a field was decoded as Windows-1252.
    package var rowsReencoded = 0

    /// No rows yet.
    package init() {}

    /// All rejected rows.
    package var rowsRejected: Int { rejectedByReason.values.reduce(0, +) }
    /// Cases: accepted rows less superseded ones.
    package var cases: Int { rowsAccepted - duplicatesSuperseded }
}
