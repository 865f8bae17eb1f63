import CLibcsv

/// The C type of libcsv's end-of-field callback: field bytes, their count, the context pointer.
typealias CSVFieldCallback = @convention(c) (UnsafeMutableRawPointer?, Int, UnsafeMutableRawPointer?) -> Void
/// The C type of libcsv's end-of-row callback: the terminator (-1 from `csv_fini`), the context.
typealias CSVRowCallback = @convention(c) (Int32, UnsafeMutableRawPointer?) -> Void

/// Owns one strict libcsv parser at a fixed address.
///
/// Strict options make `"ab"c` and an unclosed quote at the end errors instead of silently
/// swallowing the rest of the file; spaces are kept because trimming is Cleaning's job.
final class LibcsvParser {
    private let parser: UnsafeMutablePointer<csv_parser>

    /// libcsv grows its field buffer by a fixed block; the block is raised to the buffer's size
    /// before each call, so a 10 MB field costs a few dozen reallocations, not 80,000.
    private static let minimumBlock = 64 * 1024

    /// A parser ready for the first byte of a file.
    init() {
        parser = .allocate(capacity: 1)
        parser.initialize(to: csv_parser())
        Self.configure(parser)
    }

    deinit {
        csv_free(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// Forgets a half-parsed record after a parse error, keeping the options.
    func reset() {
        csv_free(parser)
        Self.configure(parser)
    }

    /// Parses `bytes`, calling back through `context`; returns how many bytes were consumed.
    ///
    /// Fewer than `bytes.count` means an error: see ``status``.
    func parse(_ bytes: UnsafeRawBufferPointer, field: CSVFieldCallback, row: CSVRowCallback,
               context: UnsafeMutableRawPointer) -> Int {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
        parser.pointee.blk_size = max(Self.minimumBlock, parser.pointee.entry_size)
        return csv_parse(parser, base, bytes.count, field, row, context)
    }

    /// Flushes a last row without a line break; false when a quoted field is still open.
    func finish(field: CSVFieldCallback, row: CSVRowCallback, context: UnsafeMutableRawPointer) -> Bool {
        csv_fini(parser, field, row, context) == 0
    }

    /// Bytes of the field libcsv is still collecting (a quoted field grows here until it closes).
    var pendingFieldBytes: Int { parser.pointee.entry_pos }

    /// libcsv's status after a short ``parse(_:field:row:context:)`` (`CSV_EPARSE`, `CSV_ENOMEM`, ...).
    var status: Int32 { csv_error(parser) }

    /// libcsv's message for ``status``.
    var statusMessage: String { String(cString: csv_strerror(status)) }

    private static func configure(_ parser: UnsafeMutablePointer<csv_parser>) {
        // Options are imported as Int32, csv_init takes an unsigned char.
        _ = csv_init(parser, UInt8(CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL))
        csv_set_space_func(parser, keepSpaces)
        csv_set_blk_size(parser, minimumBlock)
    }
}

/// libcsv's space predicate: nothing is a space, so fields reach Cleaning untrimmed.
private func keepSpaces(_ byte: UInt8) -> Int32 { 0 }
