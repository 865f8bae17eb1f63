/// What one input file turned out to be, for the manifest and the quality report.
public struct InputFileSummary: Sendable, Equatable {
    /// The path as given to the run (`-` for standard input).
    public let path: String
    /// Bytes read from the file as stored (compressed bytes for gzip).
    public let bytes: Int
    /// sha256 of the bytes as stored, lower-case hex.
    public let sha256: String
    /// Whether it was gzip-compressed.
    public let compressed: Bool
    /// Header cells that name no known column, in file order.
    public let unknownColumns: [String]
    /// Whether the data began with a UTF-8 byte-order mark.
    public let hadByteOrderMark: Bool
    /// Data records read (the header excluded).
    public let records: Int

    /// A summary; see the properties.
    public init(path: String, bytes: Int, sha256: String, compressed: Bool, unknownColumns: [String],
                hadByteOrderMark: Bool, records: Int) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.compressed = compressed
        self.unknownColumns = unknownColumns
        self.hadByteOrderMark = hadByteOrderMark
        self.records = records
    }
}

/// The counts of a run, for the manifest, the quality report and the reject limit.
public struct RunCounts: Sendable, Equatable {
    /// Data rows read from all inputs.
    public var rowsRead = 0
    /// Rows accepted (usable), before duplicates are resolved.
    public var rowsAccepted = 0
    /// Rows rejected, by reason.
    public var rejectedByReason: [RejectReason: Int] = [:]
    /// Accepted rows superseded by a later version of the same case.
    public var duplicatesSuperseded = 0
    /// Accepted rows in which a field was decoded as Windows-1252.
    public var rowsReencoded = 0

    /// No rows yet.
    public init() {}

    /// All rejected rows.
    public var rowsRejected: Int { rejectedByReason.values.reduce(0, +) }
    /// Cases: accepted rows less superseded ones.
    public var cases: Int { rowsAccepted - duplicatesSuperseded }
}
