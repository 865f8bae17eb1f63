import CLibcsv
package import PipelineModel

/// Parses the CSV bytes of one decisions export into ``RawRecordBatch``es, fields left as bytes.
///
/// The first record is the header: it is matched against ``ExportColumn`` and every later
/// record is projected onto those slots. Records keep the physical line on which they start
/// (the header is line 1). A record that cannot be parsed cleanly is kept with a
/// ``RawRecordFault`` (wrong field count, unterminated or malformed quote) so that it becomes
/// a reject downstream; only file-level problems throw.
///
/// Feed it chunks with ``feed(_:)``, collect full batches with ``takeBatches()`` as you go,
/// then call ``finish()`` and take the last batch.
///
/// - Important: Not `Sendable`: it owns a libcsv parser. Create it in the task that feeds it.
package final class CSVRecordReader {
    /// The file's name as given to the run, for errors.
    package let file: String
    /// Records per batch before a batch is handed on.
    package let batchSize: Int
    /// Field bytes per batch before a batch is handed on early (keeps memory flat for huge fields).
    package let maxBatchBytes: Int
    /// The longest field read; a longer one ends the file with an error (it is almost always a
    /// quote never closed, swallowing the rest of the file, and batch offsets are 32-bit).
    package let maxFieldBytes: Int
    /// The longest header row read, cells and separators; a longer one is not a decisions export.
    package let maxHeaderBytes: Int

    /// 64 MiB: thousands of times a long summary, and 15 such fields still fit a batch's offsets.
    package static let defaultMaxFieldBytes = 64 << 20
    /// 64 KiB: a header of the 15 columns is about 250 bytes.
    package static let defaultMaxHeaderBytes = 64 << 10

    private let fileIndex: Int
    private let parser = LibcsvParser()
    private let state: UnsafeMutablePointer<RecordParseState>
    private var splitter = LineSplitter()
    private var layout: ColumnLayout?
    private var ready: [RawRecordBatch] = []
    /// The physical line that the next piece belongs to.
    private var line = 1
    /// After a malformed quote, the rest of the physical line is dropped.
    private var skippingToLineEnd = false
    /// The first bytes of the data, held until it is clear whether they are a BOM.
    private var prefix: [UInt8] = []
    private var prefixSettled = false
    private var finished = false

    private static let byteOrderMark: [UInt8] = [0xef, 0xbb, 0xbf]

    /// A reader for the file at index `fileIndex` of the run, named `file` in errors.
    package init(file: String, fileIndex: Int, batchSize: Int = 4096, maxBatchBytes: Int = 8 << 20,
                maxFieldBytes: Int = defaultMaxFieldBytes, maxHeaderBytes: Int = defaultMaxHeaderBytes) {
        self.file = file
        self.fileIndex = fileIndex
        self.batchSize = max(1, batchSize)
        self.maxBatchBytes = max(1, maxBatchBytes)
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.maxHeaderBytes = max(1, maxHeaderBytes)
        state = .allocate(capacity: 1)
        state.initialize(to: RecordParseState(fileIndex: fileIndex, reservingRecords: self.batchSize,
                                              maxFieldBytes: self.maxFieldBytes, maxHeaderBytes: self.maxHeaderBytes))
    }

    /// A reader for the records of a file whose header was read by another reader (see
    /// ``PieceCutter``): it starts at a record boundary, on the line given to
    /// ``startRecordGroup(atLine:)``, and takes only records.
    package convenience init(file: String, fileIndex: Int, header: FileHeader, batchSize: Int = 4096,
                            maxBatchBytes: Int = 8 << 20, maxFieldBytes: Int = defaultMaxFieldBytes) {
        self.init(file: file, fileIndex: fileIndex, batchSize: batchSize, maxBatchBytes: maxBatchBytes,
                  maxFieldBytes: maxFieldBytes)
        prefixSettled = true
        hadByteOrderMark = header.hadByteOrderMark
        layout = ColumnLayout(columns: header.columns, unknownColumns: header.unknownColumns)
        state.pointee.columns = header.columns
        state.pointee.readingRecords = true
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The header once its row has been read, nil before.
    package var header: FileHeader? {
        layout.map { FileHeader(columns: $0.columns, unknownColumns: $0.unknownColumns, hadByteOrderMark: hadByteOrderMark) }
    }

    /// Continues at a record boundary on physical line `line`, after records that other readers
    /// parsed: the next bytes fed start a record group of ``RecordPiece``s.
    package func startRecordGroup(atLine line: Int) {
        self.line = line
    }

    /// Ends a record group at a record boundary: hands over its records (its last batch is
    /// cut, so that no batch mixes groups that other readers interleave).
    ///
    /// Throws if the bytes did not end at rest: the boundary finder and the parser disagreed,
    /// which would otherwise change the records silently.
    package func endRecordGroup() throws {
        try splitter.finish(feedPiece)
        guard !skippingToLineEnd, !state.pointee.inRecord, parser.pendingFieldBytes == 0 else {
            throw IngestionError.readFailed(
                file: file, reason: "internal error: a record group ended inside a record (line \(line))")
        }
        if state.pointee.batch.count > 0 { cutBatch() }
    }

    /// Whether the data began with a UTF-8 byte-order mark (which is not part of the header).
    package private(set) var hadByteOrderMark = false

    /// Header cells that name no known column, in file order; empty until the header is read.
    package var unknownColumns: [String] { layout?.unknownColumns ?? [] }

    /// Data records read so far (the header excluded, faulty records included).
    package var recordCount: Int { state.pointee.records }

    /// Parses the next bytes of the file's CSV data (after decompression).
    package func feed(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "feed(_:) after finish()")
        guard prefixSettled else { return try feedStart(bytes) }
        try splitter.split(bytes, feedPiece)
    }

    /// Parses the end of the data: a last line without a line break, an unclosed quote.
    ///
    /// Throws ``IngestionError/emptyFile(file:)`` when there was no header at all.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        if !prefixSettled {
            prefixSettled = true
            try prefix.withUnsafeBytes { try splitter.split($0, feedPiece) }
        }
        try splitter.finish(feedPiece)
        if !skippingToLineEnd {
            let finished = parser.finish(field: recordParseField, row: recordParseRow, context: UnsafeMutableRawPointer(state))
            try checkLength()
            if !finished {
                try endOfFileInsideQuotes()
            }
            try applyHeaderIfEnded()
        }
        guard layout != nil else { throw IngestionError.emptyFile(file: file) }
        if state.pointee.batch.count > 0 { cutBatch() }
    }

    /// Hands over the batches completed so far.
    package func takeBatches() -> [RawRecordBatch] {
        let batches = ready
        ready = []
        return batches
    }

    /// Holds back the first bytes until a BOM can be told from data, then feeds the rest.
    private func feedStart(_ bytes: UnsafeRawBufferPointer) throws {
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
            try prefix.withUnsafeBytes { try splitter.split($0, feedPiece) }
        }
        prefix = []
        try splitter.split(UnsafeRawBufferPointer(rebasing: bytes[used...]), feedPiece)
    }

    /// Parses one piece of a physical line (see ``LineSplitter``).
    private func feedPiece(_ piece: UnsafeRawBufferPointer, endsLine: Bool) throws {
        defer { if endsLine { line += 1 } }
        if skippingToLineEnd {
            if endsLine { skippingToLineEnd = false }
            return
        }
        // A record starts on the first non-blank line after the previous one ended.
        if !state.pointee.inRecord && LineSplitter.hasContent(piece) {
            state.pointee.inRecord = true
            state.pointee.recordLine = line
        }
        let used = parser.parse(piece, field: recordParseField, row: recordParseRow,
                                context: UnsafeMutableRawPointer(state))
        // Before the quote errors below: which error a file gets must not depend on its chunks.
        try checkLength()
        if used < piece.count {
            try parseFailed(at: piece[used], endsLine: endsLine)
        }
        try applyHeaderIfEnded()
        if !state.pointee.inRecord,
           state.pointee.batch.count >= batchSize || state.pointee.batch.byteCount >= maxBatchBytes {
            cutBatch()
        }
    }

    /// Turns a short `csv_parse` into a faulty record and resumes at the next physical line.
    private func parseFailed(at byte: UInt8, endsLine: Bool) throws {
        guard parser.status == CSV_EPARSE else {
            throw IngestionError.readFailed(file: file, reason: "CSV parser: \(parser.statusMessage)")
        }
        // While the header is read, fieldIndex stays put: count its cells instead.
        let field = (state.pointee.readingRecords ? state.pointee.fieldIndex : state.pointee.headerCells.count) + 1
        let what = byte == UInt8(CSV_QUOTE) ? "a quote inside an unquoted field" : "text after a closing quote"
        guard state.pointee.readingRecords else {
            throw IngestionError.malformedCSV(file: file, line: line, reason: "header: \(what) in field \(field)")
        }
        state.pointee.failRecord(.malformedQuote(detail: "\(what) in field \(field), line \(line)"))
        parser.reset()
        // The rest of this line is dropped; the next record starts on a fresh line.
        skippingToLineEnd = !endsLine
    }

    /// Throws when the header or a field has passed its limit, done or still being collected.
    private func checkLength() throws {
        let pending = parser.pendingFieldBytes
        if state.pointee.readingRecords {
            // libcsv holds a quote it is not yet sure of (`"` then `,` or `"`): one byte over.
            guard state.pointee.tooLong || pending > maxFieldBytes + 1 else { return }
            throw IngestionError.malformedCSV(
                file: file, line: state.pointee.recordLine,
                reason: "a field longer than \(maxFieldBytes) bytes (a quoted field never closed?)")
        }
        guard state.pointee.tooLong || state.pointee.headerBytes + pending > maxHeaderBytes else { return }
        throw IngestionError.malformedCSV(
            file: file, line: state.pointee.recordLine,
            reason: "header: longer than \(maxHeaderBytes) bytes (not a decisions export?)")
    }

    /// Records the quoted field that `csv_fini` found still open.
    private func endOfFileInsideQuotes() throws {
        guard parser.status == CSV_EPARSE else {
            throw IngestionError.readFailed(file: file, reason: "CSV parser: \(parser.statusMessage)")
        }
        guard state.pointee.readingRecords else {
            throw IngestionError.malformedCSV(file: file, line: state.pointee.recordLine,
                                              reason: "header: quoted field not closed before the end of the file")
        }
        state.pointee.failRecord(.unterminatedQuote)
    }

    /// Matches the header once its row has ended; later rows are records.
    private func applyHeaderIfEnded() throws {
        guard state.pointee.headerEnded, layout == nil else { return }
        let cells = state.pointee.headerCells.map { String(decoding: $0, as: UTF8.self) }
        let layout = try ColumnLayout(file: file, cells: cells)
        self.layout = layout
        state.pointee.columns = layout.columns
        state.pointee.headerCells = []
        state.pointee.readingRecords = true
    }

    /// Moves the current batch to the ready list and starts a new one of a similar size.
    private func cutBatch() {
        let full = state.pointee.batch
        state.pointee.batch = RawRecordBatch(fileIndex: fileIndex, reservingRecords: batchSize,
                                             bytes: min(full.byteCount, maxBatchBytes))
        ready.append(full)
    }
}
