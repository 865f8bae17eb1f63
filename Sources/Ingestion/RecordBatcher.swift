import CSV
import PipelineModel

/// Turns what a ``CSVParser`` reads from a decisions export into ``RawRecordBatch``es: the
/// header first, then records projected onto its columns, faulty ones kept with their fault.
///
/// Fields go straight from the parser into the batch, without a `String` or an array.
struct RecordBatcher: CSVSink {
    /// The file's name as given to the run, for errors.
    let file: String
    let fileIndex: Int
    let batchSize: Int
    let maxBatchBytes: Int
    /// The longest field kept; a longer one sets ``tooLong`` and is not stored.
    let maxFieldBytes: Int
    /// The longest header row kept (cells and separators); a longer one sets ``tooLong``.
    let maxHeaderBytes: Int

    /// The batch being filled.
    var batch: RawRecordBatch
    /// Full batches, ready to hand on.
    var ready: [RawRecordBatch] = []
    /// The header once read.
    private(set) var layout: ColumnLayout?
    /// The slot of each field of a record by position, nil for unknown columns.
    private var columns: [ExportColumn?] = []
    /// Whether the header has been read (and ``columns`` set).
    private var readingRecords = false
    /// The header's cells, collected until its row ends.
    private var headerCells: [[UInt8]] = []
    /// Set when the header's row has ended, to be matched after the step.
    private var headerEnded = false
    /// Bytes of the header row so far, a separator counted per cell.
    private var headerBytes = 0
    /// Fields completed in the current record.
    private var fieldIndex = 0
    /// Set when a field or the header passed its limit, to throw after the step.
    private var tooLong = false
    /// Data records completed, faulty ones included.
    private(set) var records = 0

    /// A batcher for file `fileIndex`, named `file` in errors.
    init(file: String, fileIndex: Int, batchSize: Int, maxBatchBytes: Int, maxFieldBytes: Int, maxHeaderBytes: Int) {
        self.file = file
        self.fileIndex = fileIndex
        self.batchSize = batchSize
        self.maxBatchBytes = maxBatchBytes
        self.maxFieldBytes = maxFieldBytes
        self.maxHeaderBytes = maxHeaderBytes
        batch = RawRecordBatch(fileIndex: fileIndex, reservingRecords: batchSize)
    }

    /// Takes records only, under a header another reader read.
    mutating func startRecords(layout: ColumnLayout) {
        self.layout = layout
        columns = layout.columns
        readingRecords = true
    }

    @inline(__always)
    mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int) {
        guard readingRecords else {
            headerBytes += bytes.count + 1
            if headerBytes > maxHeaderBytes { tooLong = true } else { headerCells.append(Array(bytes)) }
            return
        }
        if fieldIndex == 0 { batch.beginRecord(line: recordLine) }
        // Batch offsets are Int32: an unbounded field would trap there, after eating the memory.
        if bytes.count > maxFieldBytes {
            tooLong = true
        } else if fieldIndex < columns.count, let column = columns[fieldIndex] {
            batch.appendField(column, bytes: bytes)
        }
        fieldIndex += 1
    }

    @inline(__always)
    mutating func endRecord() {
        guard readingRecords else {
            headerEnded = true
            return
        }
        if fieldIndex != columns.count {
            batch.setFault(.fieldCount(found: fieldIndex, expected: columns.count))
        }
        fieldIndex = 0
        records += 1
    }

    mutating func parsed(_ step: CSVStep) throws {
        // Before the quote errors below: which error a file gets must not depend on its chunks.
        try checkLength(step)
        if let problem = step.problem { try record(problem, step) }
        try applyHeaderIfEnded()
        if !step.isEnd, !step.inRecord, batch.count >= batchSize || batch.byteCount >= maxBatchBytes {
            cutBatch()
        }
    }

    /// Moves the current batch to ``ready`` and starts a new one of a similar size.
    mutating func cutBatch() {
        let full = batch
        batch = RawRecordBatch(fileIndex: fileIndex, reservingRecords: batchSize, bytes: min(full.byteCount, maxBatchBytes))
        ready.append(full)
    }

    /// Turns a problem into a faulty record; in the header, or from the parser itself, an error.
    private mutating func record(_ problem: CSVStep.Problem, _ step: CSVStep) throws {
        switch problem {
        case .parserFailed(let message):
            throw CSVFileError.readFailed(file: file, reason: "CSV parser: \(message)")
        case .quoteNotClosedAtEnd:
            guard readingRecords else {
                throw CSVFileError.malformedCSV(file: file, line: step.recordLine, reason: "header: \(problem)")
            }
            failRecord(.unterminatedQuote, line: step.recordLine)
        case .quoteInUnquotedField, .textAfterClosingQuote:
            // While the header is read, fieldIndex stays put: count its cells instead.
            let field = (readingRecords ? fieldIndex : headerCells.count) + 1
            guard readingRecords else {
                throw CSVFileError.malformedCSV(file: file, line: step.line, reason: "header: \(problem) in field \(field)")
            }
            // The parser drops the rest of this line; the next record starts on a fresh line.
            failRecord(.malformedQuote(detail: "\(problem) in field \(field), line \(step.line)"), line: step.recordLine)
        }
    }

    /// Ends the current record as faulty, keeping the fields completed before the fault.
    private mutating func failRecord(_ fault: RawRecordFault, line: Int) {
        if fieldIndex == 0 {
            batch.beginRecord(line: line, fault: fault)
        } else {
            batch.setFault(fault)
        }
        fieldIndex = 0
        records += 1
    }

    /// Throws when the header or a field has passed its limit, done or still being collected.
    private func checkLength(_ step: CSVStep) throws {
        let pending = step.pendingFieldBytes
        if readingRecords {
            // libcsv holds a quote it is not yet sure of (`"` then `,` or `"`): one byte over.
            guard tooLong || pending > maxFieldBytes + 1 else { return }
            throw CSVFileError.malformedCSV(
                file: file, line: step.recordLine,
                reason: "a field longer than \(maxFieldBytes) bytes (a quoted field never closed?)")
        }
        guard tooLong || headerBytes + pending > maxHeaderBytes else { return }
        throw CSVFileError.malformedCSV(
            file: file, line: step.recordLine,
            reason: "header: longer than \(maxHeaderBytes) bytes (not a decisions export?)")
    }

    /// Matches the header once its row has ended; later rows are records.
    private mutating func applyHeaderIfEnded() throws {
        guard headerEnded, layout == nil else { return }
        let cells = headerCells.map { String(decoding: $0, as: UTF8.self) }
        let layout = try ColumnLayout(file: file, cells: cells)
        headerCells = []
        startRecords(layout: layout)
    }
}
