import CZlib

/// Inflates a gzip stream of one or more members with raw zlib `inflate()`.
///
/// Owns its `z_stream` at a fixed address (zlib keeps pointers into it between calls) and
/// frees it in `deinit`. Not `Sendable`: create it in the task that uses it.
final class GzipInflater {
    private let file: String
    private let stream: UnsafeMutablePointer<z_stream>
    /// Set on `Z_STREAM_END`; cleared when the next member starts.
    private var memberEnded = false
    /// Members started so far; a header error in the second or later one is trailing garbage.
    private var membersStarted = 1
    /// The stored offset just past the input supplied last, to report where garbage starts.
    private var inputEndOffset = 0
    /// The stored offset at which the current member started.
    private var memberStartOffset = 0

    /// A stream ready for the first member of `file`.
    init(file: String) throws {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        // 15 + 16: a full window, gzip wrapper only (a zlib or raw stream is not an export).
        let status = CZlib_inflateInit2(stream, 15 + 16)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw CSVFileError.readFailed(file: file, reason: "inflateInit2 failed (\(status))")
        }
        self.file = file
        self.stream = stream
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Whether all input supplied so far has been consumed.
    var needsInput: Bool { stream.pointee.avail_in == 0 }

    /// Hands zlib the next stored bytes, which end at stored offset `endOffset`.
    ///
    /// - Important: `input` must stay valid and unchanged until ``needsInput`` is true again.
    func supply(_ input: UnsafeRawBufferPointer, endingAt endOffset: Int) {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(input.count)
        inputEndOffset = endOffset
    }

    /// Inflates supplied input into `output`; returns the number of bytes written there.
    func inflate(into output: UnsafeMutableRawBufferPointer) throws -> Int {
        guard output.count > 0, !needsInput else { return 0 }
        if memberEnded { try startNextMember() }
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(output.count)
        let status = CZlib.inflate(stream, Z_NO_FLUSH)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch status {
        case Z_OK, Z_BUF_ERROR:
            break
        case Z_STREAM_END:
            // A member is complete only here: its CRC and length have been checked.
            memberEnded = true
        case Z_DATA_ERROR:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
            // A second member that fails its header check is not a member at all.
            if membersStarted > 1 && message == "incorrect header check" {
                throw CSVFileError.trailingGarbage(file: file, offset: memberStartOffset)
            }
            throw CSVFileError.corruptGzip(file: file, reason: message)
        case Z_MEM_ERROR:
            throw CSVFileError.readFailed(file: file, reason: "out of memory while inflating")
        default:
            let message = stream.pointee.msg.map { String(cString: $0) } ?? "zlib status \(status)"
            throw CSVFileError.corruptGzip(file: file, reason: message)
        }
        return produced
    }

    /// Throws unless the input ended exactly at the end of a member.
    ///
    /// Call when the file is exhausted: zlib does not report a missing trailer by itself,
    /// it just waits for more input.
    func checkComplete(storedBytes: Int) throws {
        guard memberEnded && needsInput else {
            throw CSVFileError.truncatedGzip(file: file, afterBytes: storedBytes)
        }
    }

    /// Resets the stream for the member that starts at the next input byte.
    private func startNextMember() throws {
        let available = Int(stream.pointee.avail_in)
        let offset = inputEndOffset - available
        // Check the magic ourselves when we can see it, so that the error is precise even for
        // bytes that zlib's header parser would report in other words; one visible byte is
        // settled by zlib's "incorrect header check" below.
        if let next = stream.pointee.next_in {
            if next[0] != 0x1f || (available >= 2 && next[1] != 0x8b) {
                throw CSVFileError.trailingGarbage(file: file, offset: offset)
            }
        }
        guard inflateReset(stream) == Z_OK else {
            throw CSVFileError.readFailed(file: file, reason: "inflateReset failed")
        }
        memberEnded = false
        membersStarted += 1
        memberStartOffset = offset
    }
}
