import Crypto
// Linux only, like CFileSystem's renameat2.
import Glibc
import PipelineModel

/// A buffered writer of one staged output file: bytes collect in memory and reach the file in
/// large writes, hashed (sha256) on the way for the manifest; ``close()`` flushes and closes it.
/// Durability is the publisher's: it syncs every staged file in one pass before publishing.
///
/// For a file written piece by piece: `rejects.csv` as the stages find its rows
/// (``StagingFolder/rejectsFile()``) and a copy where links are refused. A file whose bytes are
/// all in hand is written in one call by ``StagingFolder/write(_:)`` instead. Confined to the
/// task that writes the file.
/// - Important: Call ``close()`` and check its error; only a closed file's digest is recorded,
///   so a file is never published half-written.
package final class FileSink {
    /// The file's path (in the staging folder).
    package let path: String
    /// Bytes handed to the sink so far (written or still buffered).
    package private(set) var byteCount = 0

    private var descriptor: Int32
    private var buffer: [UInt8]
    private var hasher = SHA256()
    private static let capacity = 1 << 16

    /// Creates the file at `path`, which must not exist yet (staged files are always new:
    /// O_EXCL and O_NOFOLLOW, so nothing planted there is followed or overwritten).
    init(creating path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotCreate(path: path, reason: systemReason()) }
        self.path = path
        self.descriptor = fd
        self.buffer = []
        buffer.reserveCapacity(Self.capacity + 4096)
    }

    deinit {
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
    }

    /// Whether the sink has been closed.
    package var isClosed: Bool { descriptor < 0 }

    /// Appends `bytes` to the file.
    package func write(_ bytes: some Collection<UInt8>) throws {
        try checkOpen()
        byteCount += bytes.count
        if bytes.withContiguousStorageIfAvailable({ hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }) == nil {
            hasher.update(data: Array(bytes))
        }
        if buffer.count + bytes.count <= Self.capacity {
            buffer.append(contentsOf: bytes)
            return
        }
        try flush()
        if bytes.count >= Self.capacity {
            let written: Void? = try bytes.withContiguousStorageIfAvailable { try writeAll(UnsafeRawBufferPointer($0)) }
            if written == nil { try Array(bytes).withUnsafeBytes { try writeAll($0) } }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends the UTF-8 bytes of `text` to the file.
    package func write(_ text: String) throws {
        try write(text.utf8)
    }

    /// Lets `body` append to the sink's buffer directly (no intermediate copy), then writes the
    /// buffer out if it has grown past its capacity.
    func append(_ body: (inout [UInt8]) -> Void) throws {
        try checkOpen()
        let before = buffer.count
        body(&buffer)
        byteCount += buffer.count - before
        buffer.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[before...])) }
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes the buffered bytes to the file (without syncing).
    package func flush() throws {
        try checkOpen()
        guard !buffer.isEmpty else { return }
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0) }
    }

    /// The size and sha256 of the bytes handed to the sink so far, recorded under `path`.
    package func digest(recordedAs path: String) -> RunManifest.FileDigest {
        RunManifest.FileDigest(path: path, bytes: byteCount, sha256: lowercaseHex(hasher.finalize()))
    }

    /// Flushes and closes the file; does nothing when already closed. The publisher makes it
    /// durable with every other staged file.
    package func close() throws {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        do {
            try flush()
        } catch {
            descriptor = -1
            _ = Glibc.close(fd)
            throw error
        }
        descriptor = -1
        // close(2) can report a delayed write error (NFS); it must fail the run too.
        guard Glibc.close(fd) == 0 else { throw OutputError.writeFailed(path: path, reason: systemReason()) }
    }

    /// Closes the file without flushing or syncing, for a run that is being abandoned.
    func discard() {
        guard descriptor >= 0 else { return }
        _ = Glibc.close(descriptor)
        descriptor = -1
        buffer.removeAll()
    }

    private func checkOpen() throws {
        guard descriptor >= 0 else { throw OutputError.writeFailed(path: path, reason: "the file is already closed") }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        try writeFully(descriptor, bytes, path: path)
    }
}

/// Writes all of `bytes` to `fd`, retrying short writes and interruptions.
func writeFully(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
    var offset = 0
    while offset < bytes.count {
        let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
        if n < 0 {
            if errno == EINTR { continue }
            throw OutputError.writeFailed(path: path, reason: systemReason())
        }
        if n == 0 { throw OutputError.writeFailed(path: path, reason: systemReason(EIO)) }
        offset += n
    }
}
