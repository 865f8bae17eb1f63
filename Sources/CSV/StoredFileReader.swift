import Glibc
import Crypto
import PipelineModel

/// Reads a file's bytes as stored, in fixed chunks, hashing and counting them on the way.
///
/// The manifest's sha256 and byte count must describe the file as it lies on disk (compressed
/// bytes for gzip), so they are taken here, before any decompression. Plain `read(2)` calls
/// into one reused buffer keep this as cheap as the copy the kernel makes anyway.
final class StoredFileReader {
    /// The path as given to the run.
    let path: String
    /// The buffer holding the bytes of the last ``fill()``; reused for every chunk.
    let buffer: UnsafeMutableRawBufferPointer
    /// Bytes read so far.
    private(set) var byteCount = 0
    /// Whether the end of the file has been seen.
    private(set) var reachedEnd = false

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private var hasher = SHA256()

    /// Opens `path` (`-` for standard input) for chunks of `chunkSize` bytes.
    init(path: String, chunkSize: Int) throws {
        var descriptor = STDIN_FILENO
        if path != "-" {
            repeat {
                descriptor = open(path, O_RDONLY)
            } while descriptor < 0 && errno == EINTR
            guard descriptor >= 0 else {
                throw CSVFileError.cannotOpen(file: path, reason: systemErrorMessage(errno))
            }
        }
        self.path = path
        self.descriptor = descriptor
        // Standard input belongs to the process, not to this reader.
        self.closesDescriptor = path != "-"
        self.buffer = .allocate(byteCount: max(chunkSize, 16), alignment: 16)
    }

    deinit {
        if closesDescriptor { close(descriptor) }
        buffer.deallocate()
    }

    /// Reads into ``buffer`` until it is full or the file ends; returns the number of bytes.
    ///
    /// Filling the whole buffer (rather than taking what one `read` returns) means a pipe
    /// delivering a byte at a time still yields the two-byte gzip magic in the first chunk.
    func fill() throws -> Int {
        var filled = 0
        while filled < buffer.count && !reachedEnd {
            // A slow pipe can take seconds to fill a chunk: a stopped run must not wait for it.
            if filled > 0, Task.isCancelled { throw CancellationError() }
            let n = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if n > 0 {
                filled += n
            } else if n == 0 {
                reachedEnd = true
            } else if errno != EINTR {
                throw CSVFileError.readFailed(file: path, reason: systemErrorMessage(errno))
            }
        }
        let chunk = UnsafeRawBufferPointer(rebasing: buffer[0 ..< filled])
        hasher.update(bufferPointer: chunk)
        byteCount += filled
        return filled
    }

    /// The sha256 of every byte read so far, as lower-case hex.
    func sha256Hex() -> String {
        lowercaseHex(hasher.finalize())
    }
}


/// The C library's message for an `errno` value.
func systemErrorMessage(_ code: Int32) -> String {
    String(cString: strerror(code))
}
