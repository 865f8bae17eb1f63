import CSV

/// Finds the record boundaries of one file's CSV bytes as they stream past, without parsing.
///
/// A record boundary is a point just after a physical line break where a parser that read
/// everything before it is in the same state as a fresh one: no record begun, no quote open,
/// no bad line being skipped. Quote parity alone is not enough, because ``CSVRecordReader``
/// treats a malformed quote (`ab"c`, `"a"b`) as an error that drops the rest of the line, after
/// which the parity no longer says whether a quote is open. So this follows libcsv's strict
/// state machine (and the reader's recovery) exactly, over the three bytes that can change it
/// (`"`, CR and LF) found eight at a time; a comma matters only for the byte before a quote.
///
/// Line breaks are counted as ``LineSplitter`` counts them: CRLF, LF and a lone CR each end one
/// line, inside quotes too. A boundary after a CR is only reported once the next byte is seen
/// (or the file ends), so that a piece never ends between the CR and the LF of one line break.
///
/// The bytes up to the first boundary after the header row are the file's head: they go to
/// the caller as they arrive (it parses the header with a ``CSVRecordReader``); after the head,
/// boundaries cut the bytes into pieces of at least `pieceSize` bytes.
struct RecordBoundaryFinder {
    /// What ``feed(_:_:)`` and ``finish(_:)`` hand out.
    enum Output {
        /// Bytes of the head, in order; `ends` on the last of them (the header row has ended).
        case head(UnsafeRawBufferPointer, ends: Bool)
        /// A piece after the head: its bytes (slices of the chunks fed, never copied), whether
        /// it starts and ends at a boundary, its first line.
        case piece(segments: [ArraySlice<UInt8>], firstLine: Int, startsAtBoundary: Bool, endsAtBoundary: Bool)
    }

    /// libcsv's parser states (strict mode, no space characters), plus the reader's skip.
    private enum State: UInt8 {
        case rowNotBegun, fieldNotBegun, unquoted, quoted, quoteInQuoted, skippingLine
    }

    /// The smallest piece cut at a boundary (the last piece of a file may be smaller).
    let pieceSize: Int
    /// The largest piece; past it a piece is handed out without waiting for a boundary.
    let maxPieceBytes: Int

    private var state = State.rowNotBegun
    /// The physical line of the next byte.
    private(set) var line = 1
    /// A CR ended the last chunk: whether an LF follows is not known yet.
    private var pendingCR = false
    /// Whether the bytes are still the head (blank lines and the header row).
    private(set) var inHead = true
    private var headerRowEnded = false
    /// How many bytes of a byte-order mark the file began with; 3 once settled either way.
    private var byteOrderMarkSeen = 0
    private var byteOrderMarkSettled = false
    /// Bytes of the current piece from earlier chunks: slices of them, so that a piece costs
    /// no copy (a chunk lives until the pieces holding its bytes are parsed).
    private var carried: [ArraySlice<UInt8>] = []
    private var carriedCount = 0
    private var pieceFirstLine = 1
    private var pieceStartsAtBoundary = true

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2c
    private static let byteOrderMark: [UInt8] = [0xef, 0xbb, 0xbf]

    /// A finder for the start of a file.
    init(pieceSize: Int, maxPieceBytes: Int) {
        self.pieceSize = max(1, pieceSize)
        self.maxPieceBytes = max(self.pieceSize, maxPieceBytes)
    }

    /// Scans the next bytes of the file, handing out head bytes and finished pieces.
    mutating func feed(_ bytes: [UInt8], _ emit: (Output) throws -> Void) throws {
        try bytes.withUnsafeBytes { try scan($0, bytes, emit) }
    }

    private mutating func scan(_ chunk: UnsafeRawBufferPointer, _ bytes: [UInt8], _ emit: (Output) throws -> Void) throws {
        guard let base = chunk.baseAddress, chunk.count > 0 else { return }
        let count = chunk.count
        var i = 0
        var segmentStart = 0

        // Called just after a line break that leaves the parser at rest.
        func boundary(at end: Int) throws {
            if inHead {
                guard headerRowEnded else { return }
                try emit(.head(UnsafeRawBufferPointer(rebasing: chunk[segmentStart ..< end]), ends: true))
                inHead = false
                segmentStart = end
                pieceFirstLine = line
                pieceStartsAtBoundary = true
            } else if carriedCount + end - segmentStart >= pieceSize {
                try cut(bytes, from: segmentStart, to: end, endsAtBoundary: true, emit)
                segmentStart = end
            }
        }

        if pendingCR {
            pendingCR = false
            if base.load(as: UInt8.self) == LineSplitter.lf { i = 1 }
            if state == .rowNotBegun { try boundary(at: i) }
        }
        if !byteOrderMarkSettled {
            // A BOM is not data: the reader drops it, so a quote just after it opens a field.
            while i < count && byteOrderMarkSeen < 3 {
                guard chunk[i] == Self.byteOrderMark[byteOrderMarkSeen] else { break }
                byteOrderMarkSeen += 1
                i += 1
            }
            if byteOrderMarkSeen == 3 || i < count {
                byteOrderMarkSettled = true
                // Part of a BOM followed by something else: those bytes were a field's start.
                if byteOrderMarkSeen > 0 && byteOrderMarkSeen < 3 { state = .unquoted }
            }
        }

        while i < count {
            let special = Self.firstSpecial(base, from: i, to: count)
            if special > i {
                // A run of bytes that are neither quotes nor line breaks.
                switch state {
                case .rowNotBegun, .fieldNotBegun, .unquoted:
                    state = base.load(fromByteOffset: special - 1, as: UInt8.self) == Self.comma ? .fieldNotBegun : .unquoted
                case .quoteInQuoted:
                    if base.load(fromByteOffset: i, as: UInt8.self) == Self.comma {
                        state = base.load(fromByteOffset: special - 1, as: UInt8.self) == Self.comma ? .fieldNotBegun : .unquoted
                    } else {
                        // Text after a closing quote: the reader drops the rest of the line.
                        state = .skippingLine
                    }
                case .quoted, .skippingLine:
                    break
                }
                i = special
                if i == count { break }
            }
            let byte = base.load(fromByteOffset: i, as: UInt8.self)
            i += 1
            if byte == Self.quote {
                switch state {
                case .rowNotBegun, .fieldNotBegun, .quoteInQuoted: state = .quoted
                case .quoted: state = .quoteInQuoted
                // A quote inside an unquoted field: the reader drops the rest of the line.
                case .unquoted, .skippingLine: state = .skippingLine
                }
                continue
            }
            // A line break (CR, LF, or the CR of a CRLF).
            switch state {
            case .fieldNotBegun, .unquoted, .quoteInQuoted:
                if inHead { headerRowEnded = true }
                state = .rowNotBegun
            case .skippingLine:
                state = .rowNotBegun
            case .rowNotBegun, .quoted:
                break
            }
            line += 1
            if byte == LineSplitter.cr {
                if i == count {
                    pendingCR = true
                    break
                }
                if base.load(fromByteOffset: i, as: UInt8.self) == LineSplitter.lf { i += 1 }
            }
            if state == .rowNotBegun { try boundary(at: i) }
        }

        if inHead {
            if segmentStart < count {
                try emit(.head(UnsafeRawBufferPointer(rebasing: chunk[segmentStart ..< count]), ends: false))
            }
        } else if carriedCount + count - segmentStart >= maxPieceBytes {
            // No boundary for a long stretch: hand it on, to be continued by the same parser.
            try cut(bytes, from: segmentStart, to: count, endsAtBoundary: false, emit)
        } else if segmentStart < count {
            carried.append(bytes[segmentStart ..< count])
            carriedCount += count - segmentStart
        }
    }

    /// Ends the file: hands out the last piece (possibly empty), unless the file ended in its
    /// head (then ``inHead`` stays true and the caller finishes its header reader).
    mutating func finish(_ emit: (Output) throws -> Void) throws {
        if pendingCR {
            pendingCR = false
            if inHead && headerRowEnded && state == .rowNotBegun {
                inHead = false
                try emit(.head(UnsafeRawBufferPointer(start: nil, count: 0), ends: true))
                pieceFirstLine = line
                pieceStartsAtBoundary = true
            }
        }
        guard !inHead else { return }
        let segments = carried
        carried = []
        carriedCount = 0
        try emit(.piece(segments: segments, firstLine: pieceFirstLine, startsAtBoundary: pieceStartsAtBoundary,
                        endsAtBoundary: true))
    }

    private mutating func cut(_ chunk: [UInt8], from start: Int, to end: Int, endsAtBoundary: Bool,
                              _ emit: (Output) throws -> Void) throws {
        var segments = carried
        carried = []
        carriedCount = 0
        if end > start { segments.append(chunk[start ..< end]) }
        try emit(.piece(segments: segments, firstLine: pieceFirstLine, startsAtBoundary: pieceStartsAtBoundary,
                        endsAtBoundary: endsAtBoundary))
        pieceFirstLine = line
        pieceStartsAtBoundary = endsAtBoundary
    }

    /// The index of the first quote, CR or LF in `from ..< to`, or `to`.
    ///
    /// Eight bytes at a time: `(x - 0x01..) & ~x & 0x80..` marks the zero bytes of `x`, exactly
    /// up to the first one, which is all this needs (the word is read little-endian).
    @inline(__always)
    static func firstSpecial(_ base: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        var i = start
        while i + 8 <= end {
            let word = UInt64(littleEndian: base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            let found = zeroBytes(word ^ 0x2222_2222_2222_2222) | zeroBytes(word ^ 0x0a0a_0a0a_0a0a_0a0a)
                | zeroBytes(word ^ 0x0d0d_0d0d_0d0d_0d0d)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end {
            let byte = base.load(fromByteOffset: i, as: UInt8.self)
            if byte == quote || byte == LineSplitter.lf || byte == LineSplitter.cr { return i }
            i += 1
        }
        return end
    }

    @inline(__always)
    private static func zeroBytes(_ x: UInt64) -> UInt64 {
        (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
    }
}
