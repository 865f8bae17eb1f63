import CLibcsv
import Glibc

/// Parses CSV bytes as they stream past with one strict libcsv parser, counting physical lines,
/// and hands fields, record ends and each step to a ``CSVSink``.
///
/// libcsv reports neither positions nor lines, so the bytes reach it one piece of a physical
/// line at a time (see ``LineSplitter``): the parser knows the line of every record's start
/// and of every error. A record starts on the first non-blank line after the previous one
/// ended (libcsv skips blank lines). A UTF-8 byte-order mark at the very start is dropped and
/// remembered in ``hadByteOrderMark``.
///
/// Strict options make `"ab"c` and an unclosed quote at the end errors instead of silently
/// swallowing the rest of the file; spaces are kept because trimming is Cleaning's job.
///
/// libcsv's parser, its callbacks and their context pointer live here and nowhere else.
///
/// - Important: Not `Sendable`: it owns a libcsv parser. Create it in the task that feeds it.
package final class CSVParser {
    /// Whether the data began with a UTF-8 byte-order mark (which is not part of the first record).
    package private(set) var hadByteOrderMark = false
    /// The physical line of the next byte (1-based).
    package private(set) var line = 1
    /// Whether the plain text of quoted fields is copied around libcsv's byte loop
    /// (``parseCopyingQuotedRuns(_:_:_:)``); false feeds libcsv every byte, which the tests
    /// compare it with.
    private let copiesQuotedRuns: Bool

    private let parser: UnsafeMutablePointer<csv_parser>
    private var splitter = LineSplitter()
    /// Whether a record has started (on a non-blank line) and not yet ended.
    private var inRecord = false
    /// The physical line on which the current record started.
    private var recordLine = 0
    /// After a problem the sink accepted, the rest of the physical line is dropped.
    private var skippingToLineEnd = false
    /// The first bytes of the data, held until it is clear whether they are a BOM.
    private var prefix: [UInt8] = []
    private var prefixSettled: Bool
    private var finished = false
    /// Where libcsv's callbacks find the sink (see ``CallbackTarget``): made for the first sink
    /// type fed, reused by every later call.
    private var callbackTarget: CallbackTarget?

    /// libcsv grows its field buffer by a fixed block; the block is raised to the buffer's size
    /// before each call, so a 10 MB field costs a few dozen reallocations, not 80,000.
    private static let minimumBlock = 64 * 1024
    private static let byteOrderMark: [UInt8] = [0xef, 0xbb, 0xbf]

    /// A parser for the start of some data; `detectingByteOrderMark` false when the bytes
    /// continue data whose start another parser read (see ``continueRecords(atLine:)``).
    /// `copyingQuotedRuns` false hands libcsv every byte (the tests' reference).
    package init(detectingByteOrderMark: Bool = true, copyingQuotedRuns: Bool = true) {
        prefixSettled = !detectingByteOrderMark
        copiesQuotedRuns = copyingQuotedRuns
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        Self.configure(parser)
    }

    deinit {
        csv_free(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Continues at a record boundary on physical line `line`, after records that other
    /// parsers read: the next bytes fed start a record.
    package func continueRecords(atLine line: Int) {
        self.line = line
    }

    /// Whether the bytes so far ended between records: no record open, no field pending, no
    /// line being skipped. A held-back CR is not settled: see ``endLine(into:)``.
    package var isAtRest: Bool {
        !skippingToLineEnd && !inRecord && parser.pointee.entry_pos == 0
    }

    /// Parses the next bytes of the data.
    package func feed<Sink: CSVSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        precondition(!finished, "feed(_:into:) after finish(into:)")
        guard prefixSettled else { return try feedStart(bytes, into: &sink) }
        try splitter.split(bytes) { piece, endsLine in try parse(piece, endsLine: endsLine, into: &sink) }
    }

    /// Settles a CR held back at the end of the bytes fed so far as a line break (the data
    /// continues elsewhere, or it ends here).
    package func endLine<Sink: CSVSink>(into sink: inout Sink) throws {
        try splitter.finish { piece, endsLine in try parse(piece, endsLine: endsLine, into: &sink) }
    }

    /// Parses the end of the data: a last line without a line break, an unclosed quote. The
    /// last ``CSVSink/parsed(_:)`` has ``CSVStep/isEnd`` set, unless the data ended in a line
    /// being skipped.
    package func finish<Sink: CSVSink>(into sink: inout Sink) throws {
        guard !finished else { return }
        finished = true
        if !prefixSettled {
            prefixSettled = true
            try prefix.withUnsafeBytes { bytes in
                try splitter.split(bytes) { piece, endsLine in try parse(piece, endsLine: endsLine, into: &sink) }
            }
            prefix = []
        }
        try endLine(into: &sink)
        guard !skippingToLineEnd else { return }
        let closed = withCallbacks(into: &sink) { csv_fini(parser, fieldEnded, rowEnded, $0) } == 0
        let pending = parser.pointee.entry_pos
        let problem: CSVStep.Problem? = closed ? nil
            : csv_error(parser) == CSV_EPARSE ? .quoteNotClosedAtEnd : .parserFailed(statusMessage)
        try sink.parsed(CSVStep(line: line, recordLine: recordLine, inRecord: inRecord && closed,
                                pendingFieldBytes: pending, isEnd: true, problem: problem))
    }

    /// Holds back the first bytes until a BOM can be told from data, then feeds the rest.
    private func feedStart<Sink: CSVSink>(_ bytes: UnsafeRawBufferPointer, into sink: inout Sink) throws {
        var used = 0
        while prefix.count < 3 && used < bytes.count {
            prefix.append(bytes[used])
            used += 1
        }
        if prefix.count < 3 && Self.byteOrderMark.starts(with: prefix) { return }
        prefixSettled = true
        if prefix == Self.byteOrderMark {
            hadByteOrderMark = true
        } else {
            try prefix.withUnsafeBytes { start in
                try splitter.split(start) { piece, endsLine in try parse(piece, endsLine: endsLine, into: &sink) }
            }
        }
        prefix = []
        try splitter.split(UnsafeRawBufferPointer(rebasing: bytes[used...])) { piece, endsLine in
            try parse(piece, endsLine: endsLine, into: &sink)
        }
    }

    /// Parses one piece of a physical line.
    private func parse<Sink: CSVSink>(_ piece: UnsafeRawBufferPointer, endsLine: Bool, into sink: inout Sink) throws {
        defer { if endsLine { line += 1 } }
        if skippingToLineEnd {
            if endsLine { skippingToLineEnd = false }
            return
        }
        if !inRecord && LineSplitter.hasContent(piece) {
            inRecord = true
            recordLine = line
        }
        var used = 0
        if let base = piece.baseAddress, piece.count > 0 {
            parser.pointee.blk_size = max(Self.minimumBlock, parser.pointee.entry_size)
            used = withCallbacks(into: &sink) { context in
                copiesQuotedRuns ? parseCopyingQuotedRuns(base, piece.count, context)
                    : csv_parse(parser, base, piece.count, fieldEnded, rowEnded, context)
            }
        }
        let pending = parser.pointee.entry_pos
        var problem: CSVStep.Problem?
        if used < piece.count {
            problem = csv_error(parser) != CSV_EPARSE ? .parserFailed(statusMessage)
                : piece[used] == UInt8(CSV_QUOTE) ? .quoteInUnquotedField : .textAfterClosingQuote
            // If the sink goes on, the record is dropped with the rest of its line.
            inRecord = false
        }
        try sink.parsed(CSVStep(line: line, recordLine: recordLine, inRecord: inRecord, pendingFieldBytes: pending,
                                isEnd: false, problem: problem))
        if problem != nil {
            // Forget the half-parsed record, keeping the options.
            csv_free(parser)
            Self.configure(parser)
            skippingToLineEnd = !endsLine
        }
    }

    /// Runs one libcsv call (`call` gets the context pointer for its callbacks) with the
    /// callbacks handing each field straight from libcsv's buffer to `sink`, and the record's
    /// end after the call; returns what `call` returns.
    ///
    /// A piece holds at most one line break, at its end, so every field belongs to the record
    /// that started on ``recordLine``, and a record ends at most once per call, after its fields.
    private func withCallbacks<Sink: CSVSink, Result>(into sink: inout Sink,
                                                      _ call: (UnsafeMutableRawPointer) -> Result) -> Result {
        let target: SinkTarget<Sink>
        if let reused = callbackTarget as? SinkTarget<Sink> {
            target = reused
        } else {
            target = SinkTarget<Sink>()
            callbackTarget = target
        }
        let line = recordLine
        let result = withUnsafeMutablePointer(to: &sink) { pointer in
            target.call.pointee = CallState(sink: UnsafeMutableRawPointer(pointer), recordLine: line, ended: false)
            defer { target.call.pointee.sink = nil }
            return call(Unmanaged.passUnretained(target).toOpaque())
        }
        if target.call.pointee.ended {
            sink.endRecord()
            inRecord = false
        }
        return result
    }

    /// Parses `count` bytes at `base` as one `csv_parse` of them would, but copies the plain
    /// bytes of a quoted field (up to its next quote) into libcsv's field buffer itself; returns
    /// the bytes used (fewer than `count` at a parse error, at the same byte as libcsv).
    ///
    /// libcsv handles one byte at a time through its state machine (about 2 ns a byte here),
    /// and most of an export's bytes are the free text of quoted `summary` fields. Inside a
    /// quoted field libcsv only appends every byte but the quote (libcsv.c 3.0.3, `FIELD_BEGUN`
    /// with `quoted` set: line breaks and delimiters too, `spaces` reset), so a run up to the
    /// next quote can be found with `memchr` and copied at once with the same effect on the
    /// parser's state; every quote, and everything outside quoted runs, still goes through
    /// `csv_parse`, which decides what the quote means and reports every error. No library
    /// offers this: libcsv has no bulk path, and the parser must stay libcsv.
    private func parseCopyingQuotedRuns(_ base: UnsafeRawPointer, _ count: Int, _ context: UnsafeMutableRawPointer) -> Int {
        let quote = Int32(parser.pointee.quote_char)
        var position = 0
        // Where the run after the last stretch ends (its next quote, or `count`), when known.
        var runEnd: Int?
        while position < count {
            if parser.pointee.pstate == Self.fieldBegun, parser.pointee.quoted != 0 {
                let end = runEnd ?? memchr(base + position, quote, count - position)
                    .map { base.distance(to: UnsafeRawPointer($0)) } ?? count
                if end > position, appendToField(base + position, end - position) {
                    position = end
                    runEnd = nil
                    continue
                }
            }
            // libcsv up to the quote that opens the next long run of a quoted field's text (or
            // to the end): short quoted fields cost less through libcsv than a call each.
            let (stop, end) = Self.stopBeforeLongRun(base, from: position, count: count, quote: quote)
            let used = csv_parse(parser, base + position, stop - position, fieldEnded, rowEnded, context)
            if used < stop - position { return position + used }
            position = stop
            runEnd = end
        }
        return position
    }

    /// The end of the next stretch for libcsv from `position`: just after the first quote
    /// followed by at least ``longRun`` bytes without a quote, with where that run ends (the
    /// next quote, or `count`); `count` and nil when there is no such quote.
    private static func stopBeforeLongRun(_ base: UnsafeRawPointer, from position: Int, count: Int, quote: Int32)
        -> (stop: Int, runEnd: Int?) {
        var next = memchr(base + position, quote, count - position).map { base.distance(to: UnsafeRawPointer($0)) }
        while let at = next {
            let after = memchr(base + at + 1, quote, count - at - 1).map { base.distance(to: UnsafeRawPointer($0)) }
            if (after ?? count) - (at + 1) >= longRun { return (at + 1, after ?? count) }
            next = after
        }
        return (count, nil)
    }

    /// Appends `length` bytes to the field libcsv is collecting, as its `SUBMIT_CHAR` would
    /// byte by byte, growing its buffer with its own `realloc_func`; false (nothing appended)
    /// when the buffer cannot grow: libcsv then meets the same failure and reports it.
    private func appendToField(_ bytes: UnsafeRawPointer, _ length: Int) -> Bool {
        let state = parser.pointee
        // CSV_APPEND_NULL: libcsv keeps a byte free for the field's terminating NUL.
        let needed = state.entry_pos + length + 1
        if needed > state.entry_size || state.entry_buf == nil {
            guard let realloc = state.realloc_func,
                  let grown = realloc(state.entry_buf, max(needed, state.entry_size + state.blk_size)) else { return false }
            parser.pointee.entry_buf = grown.assumingMemoryBound(to: UInt8.self)
            parser.pointee.entry_size = max(needed, state.entry_size + state.blk_size)
        }
        (parser.pointee.entry_buf + parser.pointee.entry_pos).update(from: bytes.assumingMemoryBound(to: UInt8.self), count: length)
        parser.pointee.entry_pos += length
        parser.pointee.spaces = 0
        return true
    }

    /// libcsv's state inside a field (libcsv.c's `FIELD_BEGUN`).
    private static let fieldBegun: Int32 = 2
    /// The shortest run of a quoted field's text copied around libcsv: below it, the calls
    /// cost more than libcsv's byte loop.
    private static let longRun = 24

    /// libcsv's message for its current status.
    private var statusMessage: String { String(cString: csv_strerror(csv_error(parser))) }

    private static func configure(_ parser: UnsafeMutablePointer<csv_parser>) {
        // Options are imported as Int32, csv_init takes an unsigned char.
        _ = csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
        csv_set_space_func(parser, keepSpaces)
        csv_set_blk_size(parser, minimumBlock)
    }
}

/// What one libcsv call's callbacks need: the sink (an `UnsafeMutablePointer<Sink>`, valid
/// for the call), the line its record started on, and whether a record ended.
private struct CallState {
    var sink: UnsafeMutableRawPointer?
    var recordLine: Int
    var ended: Bool
}

/// What libcsv's callbacks reach through its `void *data`, unretained, for the length of one
/// `csv_parse` or `csv_fini`.
///
/// A class with an overridden method, not a pair of closures: a callback that copies a closure
/// out of memory retains and releases its context for every field (about 2% of a run's CPU);
/// a method called through an unretained reference does neither. The call's state sits behind
/// a pointer so that a field costs no exclusivity check of a class property either.
private class CallbackTarget {
    let call: UnsafeMutablePointer<CallState>

    init() {
        call = .allocate(capacity: 1)
        call.initialize(to: CallState(sink: nil, recordLine: 0, ended: false))
    }

    deinit {
        call.deinitialize(count: 1)
        call.deallocate()
    }

    /// Hands one field to the sink (see ``SinkTarget``).
    func field(_ bytes: UnsafeRawBufferPointer) {
        preconditionFailure("CallbackTarget.field: only a SinkTarget is handed to libcsv")
    }
}

/// The ``CallbackTarget`` of a sink type: one per ``CSVParser``, made on its first call.
private final class SinkTarget<Sink: CSVSink>: CallbackTarget {
    override func field(_ bytes: UnsafeRawBufferPointer) {
        call.pointee.sink!.assumingMemoryBound(to: Sink.self).pointee.field(bytes, recordLine: call.pointee.recordLine)
    }
}

// C callbacks are top-level functions: a `@convention(c)` closure inside a generic function
// crashes swiftc 6.3.1, and C function pointers cannot capture context anyway.

/// libcsv's end-of-field callback: the field's bytes are valid only during the call.
private func fieldEnded(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<CallbackTarget>.fromOpaque(context)._withUnsafeGuaranteedRef {
        $0.field(UnsafeRawBufferPointer(start: field, count: length))
    }
}

/// libcsv's end-of-row callback (the terminator, -1 from `csv_fini`, is not needed).
private func rowEnded(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    Unmanaged<CallbackTarget>.fromOpaque(context)._withUnsafeGuaranteedRef { $0.call.pointee.ended = true }
}

/// libcsv's space predicate: nothing is a space, so fields reach Cleaning untrimmed.
private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }
