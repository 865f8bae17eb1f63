/// The CSV bytes of one input file, in chunks: inflated when the file is gzip, as stored otherwise.
///
/// Reads the file (or standard input for `-`) with plain reads, keeps the sha256 and byte
/// count of the bytes as stored, and inflates every gzip member of the file. Errors name the
/// file: an empty file, a `.gz` name without gzip data, a truncated or corrupt stream, and
/// bytes after the last member.
///
/// - Important: Not `Sendable`: it owns a file descriptor and a `z_stream`. Create it in the
///   task that reads from it.
package final class ByteSource {
    /// The path as given (`-` for standard input).
    package let path: String
    /// Whether the stored bytes are gzip (they started with 1f 8b).
    package let isCompressed: Bool

    private let file: StoredFileReader
    private let inflater: GzipInflater?
    /// The bytes of CSV per chunk of a gzip file.
    private let chunkSize: Int
    /// A plain file's first chunk, read to look for the gzip magic and not yet delivered.
    private var pendingPlainBytes: Int
    private var finished = false

    /// Opens `path` and looks at its first bytes to decide between gzip and plain CSV.
    ///
    /// `chunkSize` is both the read size and the size of the chunks handed to ``read(_:)``.
    package init(path: String, chunkSize: Int = 1 << 20) throws {
        let file = try StoredFileReader(path: path, chunkSize: chunkSize)
        let first = try file.fill()
        guard first > 0 else { throw CSVFileError.emptyFile(file: path) }
        let compressed = first >= 2 && file.buffer[0] == 0x1f && file.buffer[1] == 0x8b
        if compressed {
            let inflater = try GzipInflater(file: path)
            inflater.supply(UnsafeRawBufferPointer(rebasing: file.buffer[0 ..< first]), endingAt: first)
            self.inflater = inflater
            pendingPlainBytes = 0
        } else {
            // A `.gz` name promises gzip; reading it as CSV would turn binary into rejects.
            guard !path.hasSuffix(".gz") else { throw CSVFileError.notGzip(file: path) }
            inflater = nil
            pendingPlainBytes = first
        }
        self.path = path
        self.file = file
        self.isCompressed = compressed
        self.chunkSize = max(chunkSize, 16)
    }

    /// Bytes read from the file so far, as stored; the whole file once ``read(_:)`` is false.
    package var storedByteCount: Int { file.byteCount }

    /// The sha256 of the bytes read so far, as stored, in lower-case hex.
    package func sha256Hex() -> String { file.sha256Hex() }

    /// Calls `body` with the next chunk of CSV bytes; returns false, without calling it, at the end.
    ///
    /// The chunk is valid only during `body`. At the end of a gzip file this checks that the
    /// last member was complete, so `false` means every byte arrived intact.
    package func read(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        if finished { return false }
        guard inflater != nil else { return try readPlain(body) }
        guard let chunk = try nextChunk() else { return false }
        try chunk.withUnsafeBytes(body)
        return true
    }

    /// The next chunk of CSV bytes in an array of its own, or nil at the end (checked as for
    /// ``read(_:)``).
    ///
    /// For a gzip file, zlib inflates straight into the array: a chunk handed on to other
    /// tasks costs no copy.
    package func nextChunk() throws -> [UInt8]? {
        if finished { return nil }
        guard let inflater else {
            var chunk: [UInt8]?
            _ = try readPlain { chunk = Array($0) }
            return chunk
        }
        let chunk = try [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, count in
            count = try inflate(with: inflater, into: UnsafeMutableRawBufferPointer(buffer))
        }
        return chunk.isEmpty ? nil : chunk
    }

    /// Inflates into `output` until it is full or the file ends; returns the bytes written.
    private func inflate(with inflater: GzipInflater, into output: UnsafeMutableRawBufferPointer) throws -> Int {
        var produced = 0
        while produced < output.count {
            if inflater.needsInput {
                let count = try file.fill()
                if count == 0 {
                    try inflater.checkComplete(storedBytes: file.byteCount)
                    finished = true
                    break
                }
                inflater.supply(UnsafeRawBufferPointer(rebasing: file.buffer[0 ..< count]),
                                endingAt: file.byteCount)
            }
            produced += try inflater.inflate(into: UnsafeMutableRawBufferPointer(rebasing: output[produced...]))
        }
        return produced
    }

    private func readPlain(_ body: (UnsafeRawBufferPointer) throws -> Void) throws -> Bool {
        let count: Int
        if pendingPlainBytes > 0 {
            count = pendingPlainBytes
            pendingPlainBytes = 0
        } else {
            count = try file.fill()
        }
        guard count > 0 else {
            finished = true
            return false
        }
        try body(UnsafeRawBufferPointer(rebasing: file.buffer[0 ..< count]))
        return true
    }
}
