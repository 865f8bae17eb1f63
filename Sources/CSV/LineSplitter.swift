import Glibc

/// Cuts a byte stream into pieces that end at physical line breaks, across chunk boundaries.
///
/// libcsv reports neither positions nor lines, so its callers feed it one piece at a time and
/// count lines themselves. CRLF, LF and a lone CR each end one line, inside quoted fields too.
/// A piece holds at most one line break, at its end; `endsLine` says whether the piece ends
/// a line. A CR at the very end of a chunk cannot be judged until the next byte is seen: it is
/// handed on at once (libcsv may need it to end a row) but the line ends only with the next
/// piece, which is then the LF alone or, for a lone CR, empty.
///
/// ``CSVParser`` feeds libcsv through one; Ingestion's `RecordBoundaryFinder` counts lines
/// the same way, and the fuzz target checks it byte for byte.
package struct LineSplitter {
    private var pendingCR = false

    /// A splitter at the start of a stream.
    package init() {}

    /// The line-feed byte.
    package static let lf: UInt8 = 0x0a
    /// The carriage-return byte.
    package static let cr: UInt8 = 0x0d

    /// Whether `piece` has content before its line break (libcsv skips blank lines).
    package static func hasContent(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard let first = piece.first else { return false }
        return first != lf && first != cr
    }

    /// Calls `body` with each piece of `chunk` and whether that piece ends a physical line.
    package mutating func split(_ chunk: UnsafeRawBufferPointer,
                        _ body: (UnsafeRawBufferPointer, _ endsLine: Bool) throws -> Void) rethrows {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        var start = 0
        if pendingCR {
            pendingCR = false
            if chunk[0] == Self.lf {
                try body(UnsafeRawBufferPointer(start: base, count: 1), true)
                start = 1
            } else {
                try body(UnsafeRawBufferPointer(start: base, count: 0), true)
            }
        }
        while start < chunk.count {
            let rest = base + start
            let remaining = chunk.count - start
            // memchr is vectorised: two scans of a line cost less than one byte loop in Swift.
            let lfAt = memchr(rest, Int32(Self.lf), remaining).map { rest.distance(to: UnsafeRawPointer($0)) }
            let crAt = memchr(rest, Int32(Self.cr), lfAt ?? remaining).map { rest.distance(to: UnsafeRawPointer($0)) }
            let length: Int
            var endsLine = true
            if let crAt {
                if crAt + 1 == remaining {
                    length = remaining
                    endsLine = false
                    pendingCR = true
                } else if rest.load(fromByteOffset: crAt + 1, as: UInt8.self) == Self.lf {
                    length = crAt + 2
                } else {
                    length = crAt + 1
                }
            } else if let lfAt {
                length = lfAt + 1
            } else {
                length = remaining
                endsLine = false
            }
            try body(UnsafeRawBufferPointer(start: rest, count: length), endsLine)
            start += length
        }
    }

    /// Ends the stream: a CR held back at the very end was a line break.
    package mutating func finish(_ body: (UnsafeRawBufferPointer, _ endsLine: Bool) throws -> Void) rethrows {
        guard pendingCR else { return }
        pendingCR = false
        try body(UnsafeRawBufferPointer(start: nil, count: 0), true)
    }
}
