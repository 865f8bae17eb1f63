import CSV
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

    private let parser: CSVParser
    private var batcher: RecordBatcher
    /// The byte-order mark of a header another reader read.
    private let headerHadByteOrderMark: Bool?
    private var finished = false

    /// A reader for the file at index `fileIndex` of the run, named `file` in errors.
    package convenience init(file: String, fileIndex: Int, batchSize: Int = RunDefaults.batchSize, maxBatchBytes: Int = RunDefaults.maxBatchBytes,
                            maxFieldBytes: Int = defaultMaxFieldBytes, maxHeaderBytes: Int = defaultMaxHeaderBytes) {
        self.init(file: file, fileIndex: fileIndex, header: nil, batchSize: batchSize, maxBatchBytes: maxBatchBytes,
                  maxFieldBytes: maxFieldBytes, maxHeaderBytes: maxHeaderBytes)
    }

    /// A reader for the records of a file whose header was read by another reader (see
    /// ``PieceCutter``): it starts at a record boundary, on the line given to
    /// ``startRecordGroup(atLine:)``, and takes only records.
    package convenience init(file: String, fileIndex: Int, header: FileHeader, batchSize: Int = RunDefaults.batchSize,
                            maxBatchBytes: Int = RunDefaults.maxBatchBytes, maxFieldBytes: Int = defaultMaxFieldBytes) {
        self.init(file: file, fileIndex: fileIndex, header: Optional(header), batchSize: batchSize,
                  maxBatchBytes: maxBatchBytes, maxFieldBytes: maxFieldBytes, maxHeaderBytes: Self.defaultMaxHeaderBytes)
    }

    private init(file: String, fileIndex: Int, header: FileHeader?, batchSize: Int, maxBatchBytes: Int,
                 maxFieldBytes: Int, maxHeaderBytes: Int) {
        self.file = file
        self.batchSize = max(1, batchSize)
        self.maxBatchBytes = max(1, maxBatchBytes)
        self.maxFieldBytes = max(1, maxFieldBytes)
        self.maxHeaderBytes = max(1, maxHeaderBytes)
        batcher = RecordBatcher(file: file, fileIndex: fileIndex, batchSize: self.batchSize,
                                maxBatchBytes: self.maxBatchBytes, maxFieldBytes: self.maxFieldBytes,
                                maxHeaderBytes: self.maxHeaderBytes)
        // A reader that starts mid-file must not take the bytes there for a byte-order mark.
        parser = CSVParser(detectingByteOrderMark: header == nil)
        headerHadByteOrderMark = header?.hadByteOrderMark
        if let header {
            batcher.startRecords(layout: ColumnLayout(columns: header.columns, unknownColumns: header.unknownColumns))
        }
    }

    /// The header once its row has been read, nil before.
    package var header: FileHeader? {
        batcher.layout.map {
            FileHeader(columns: $0.columns, unknownColumns: $0.unknownColumns, hadByteOrderMark: hadByteOrderMark)
        }
    }

    /// Continues at a record boundary on physical line `line`, after records that other readers
    /// parsed: the next bytes fed start a record group of ``RecordPiece``s.
    package func startRecordGroup(atLine line: Int) {
        parser.continueRecords(atLine: line)
    }

    /// Ends a record group at a record boundary: hands over its records (its last batch is
    /// cut, so that no batch mixes groups that other readers interleave).
    ///
    /// Throws if the bytes did not end at rest: the boundary finder and the parser disagreed,
    /// which would otherwise change the records silently.
    package func endRecordGroup() throws {
        try parser.endLine(into: &batcher)
        guard parser.isAtRest else {
            throw CSVFileError.readFailed(
                file: file, reason: "internal error: a record group ended inside a record (line \(parser.line))")
        }
        if batcher.batch.count > 0 { batcher.cutBatch() }
    }

    /// Whether the data began with a UTF-8 byte-order mark (which is not part of the header).
    package var hadByteOrderMark: Bool { headerHadByteOrderMark ?? parser.hadByteOrderMark }

    /// Header cells that name no known column, in file order; empty until the header is read.
    package var unknownColumns: [String] { batcher.layout?.unknownColumns ?? [] }

    /// Data records read so far (the header excluded, faulty records included).
    package var recordCount: Int { batcher.records }

    /// Parses the next bytes of the file's CSV data (after decompression).
    package func feed(_ bytes: UnsafeRawBufferPointer) throws {
        precondition(!finished, "feed(_:) after finish()")
        try parser.feed(bytes, into: &batcher)
    }

    /// Parses the end of the data: a last line without a line break, an unclosed quote.
    ///
    /// Throws ``CSVFileError/emptyFile(file:)`` when there was no header at all.
    package func finish() throws {
        guard !finished else { return }
        finished = true
        try parser.finish(into: &batcher)
        guard batcher.layout != nil else { throw CSVFileError.emptyFile(file: file) }
        if batcher.batch.count > 0 { batcher.cutBatch() }
    }

    /// Hands over the batches completed so far.
    package func takeBatches() -> [RawRecordBatch] {
        let batches = batcher.ready
        batcher.ready = []
        return batches
    }
}
