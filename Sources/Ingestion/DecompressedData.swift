import CSV
package import PipelineModel

/// One step of the decompressed stream of a run's inputs, between the decompression task and
/// the parsing task: a chunk of CSV bytes, or the end of a file with what it was as stored.
///
/// Splitting the stage in two lets zlib's inflate and libcsv's parse, which cost about the same,
/// run on two cores.
package enum DecompressedData: Sendable {
    /// CSV bytes of input `fileIndex`, in file order.
    case chunk(fileIndex: Int, bytes: [UInt8])
    /// Input `fileIndex` ended intact (for gzip: every member complete, CRCs checked).
    case end(StoredFile)

    /// What an input file was as stored.
    package struct StoredFile: Sendable, Equatable {
        /// The input's index in the run.
        package let fileIndex: Int
        /// The path as given.
        package let path: String
        /// Bytes as stored.
        package let bytes: Int
        /// sha256 of the stored bytes, lower-case hex.
        package let sha256: String
        /// Whether it was gzip.
        package let compressed: Bool

        /// What a file was as stored; see the properties.
        package init(fileIndex: Int, path: String, bytes: Int, sha256: String, compressed: Bool) {
            self.fileIndex = fileIndex
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.compressed = compressed
        }

        /// The input's summary once its rows are read: what it was as stored, what its header
        /// held and how many records followed. The one place a summary is made, whether one
        /// parser read the file or several workers read its pieces.
        package func summary(unknownColumns: [String], hadByteOrderMark: Bool, records: Int) -> InputFileSummary {
            InputFileSummary(path: path, bytes: bytes, sha256: sha256, compressed: compressed,
                             unknownColumns: unknownColumns, hadByteOrderMark: hadByteOrderMark, records: records)
        }
    }
}

/// Reads input files as stored and hands on their decompressed bytes in chunks.
package struct Decompressor: Sendable {
    /// Bytes read, and inflated, per chunk.
    package let chunkSize: Int

    /// A decompressor handing on chunks of `chunkSize` bytes.
    package init(chunkSize: Int = RunDefaults.chunkSize) {
        self.chunkSize = chunkSize
    }

    /// Reads `path` (`-` for standard input), calling `emit` with each chunk and then `.end`;
    /// `bytesRead` gets the bytes read as stored (compressed, for gzip) since its last call, for
    /// the progress line.
    ///
    /// - Important: A gzip file is only known to be intact at its very end; chunks emitted
    ///   before this throws must be discarded. Checks for cancellation between chunks.
    package func decompress(path: String, fileIndex: Int, bytesRead: (Int) -> Void = { _ in },
                           emit: (DecompressedData) async throws -> Void) async throws {
        let source = try ByteSource(path: path, chunkSize: chunkSize)
        var reported = 0
        while let chunk = try source.nextChunk() {
            bytesRead(source.storedByteCount - reported)
            reported = source.storedByteCount
            try await emit(.chunk(fileIndex: fileIndex, bytes: chunk))
            try Task.checkCancellation()
        }
        bytesRead(source.storedByteCount - reported)
        try await emit(.end(.init(fileIndex: fileIndex, path: path, bytes: source.storedByteCount,
                                  sha256: source.sha256Hex(), compressed: source.isCompressed)))
    }
}

/// Parses the decompressed stream of a run's inputs into record batches, one
/// ``CSVRecordReader`` per file in turn.
///
/// - Important: Not `Sendable` (it owns libcsv parsers): keep it in the parsing task.
package struct ChunkParser {
    private let inputPaths: [String]
    private let batchSize: Int
    private let maxBatchBytes: Int
    private var reader: CSVRecordReader?
    private var readerIndex = -1

    /// A parser for inputs named `inputPaths` (for errors and rejects).
    package init(inputPaths: [String], batchSize: Int = RunDefaults.batchSize, maxBatchBytes: Int = RunDefaults.maxBatchBytes) {
        self.inputPaths = inputPaths
        self.batchSize = batchSize
        self.maxBatchBytes = maxBatchBytes
    }

    /// Parses one step; returns the batches completed by it and, at a file's end, its summary.
    package mutating func consume(_ data: DecompressedData) throws -> (batches: [RawRecordBatch], finished: InputFileSummary?) {
        switch data {
        case .chunk(let fileIndex, let bytes):
            let reader = self.reader(for: fileIndex)
            try bytes.withUnsafeBytes { try reader.feed($0) }
            return (reader.takeBatches(), nil)
        case .end(let stored):
            let reader = self.reader(for: stored.fileIndex)
            try reader.finish()
            self.reader = nil
            return (reader.takeBatches(), stored.summary(unknownColumns: reader.unknownColumns,
                                                         hadByteOrderMark: reader.hadByteOrderMark,
                                                         records: reader.recordCount))
        }
    }

    private mutating func reader(for fileIndex: Int) -> CSVRecordReader {
        if let reader, readerIndex == fileIndex { return reader }
        let path = fileIndex < inputPaths.count ? inputPaths[fileIndex] : "input \(fileIndex)"
        let reader = CSVRecordReader(file: path, fileIndex: fileIndex, batchSize: batchSize, maxBatchBytes: maxBatchBytes)
        self.reader = reader
        readerIndex = fileIndex
        return reader
    }
}
