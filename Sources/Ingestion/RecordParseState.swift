import PipelineModel

/// What libcsv's callbacks update while a decisions export is parsed.
///
/// A struct behind an `UnsafeMutablePointer`, reached through libcsv's `void *data`: cheaper
/// than a class (no exclusivity checks in the per-field callback) and no capture is needed.
/// Fields go straight from libcsv's buffer into the batch, without a `String` or an array.
struct RecordParseState {
    /// The batch being filled.
    var batch: RawRecordBatch
    /// The slot of each field of a record by position, nil for unknown columns.
    var columns: [ExportColumn?] = []
    /// Whether the header has been read (and ``columns`` set).
    var readingRecords = false
    /// The header's cells, collected until its row ends.
    var headerCells: [[UInt8]] = []
    /// Set when the header's row has ended, for the reader to check it.
    var headerEnded = false
    /// Fields completed in the current record.
    var fieldIndex = 0
    /// Whether a record has started (on a non-blank line) and not yet ended.
    var inRecord = false
    /// The physical line on which the current record started.
    var recordLine = 0
    /// Data records completed, faulty ones included.
    var records = 0
    /// The longest field kept; a longer one sets ``tooLong`` and is not stored.
    let maxFieldBytes: Int
    /// The longest header row kept (cells and separators); a longer one sets ``tooLong``.
    let maxHeaderBytes: Int
    /// Bytes of the header row so far, a separator counted per cell.
    var headerBytes = 0
    /// Set when a field or the header passed its limit, for the reader to throw.
    var tooLong = false

    /// A state whose records go into batches of file `fileIndex`.
    init(fileIndex: Int, reservingRecords: Int, maxFieldBytes: Int, maxHeaderBytes: Int) {
        batch = RawRecordBatch(fileIndex: fileIndex, reservingRecords: reservingRecords)
        self.maxFieldBytes = maxFieldBytes
        self.maxHeaderBytes = maxHeaderBytes
    }

    /// Takes the end of a field from libcsv.
    @inline(__always)
    mutating func endField(_ bytes: UnsafeRawBufferPointer) {
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

    /// Takes the end of a row from libcsv.
    @inline(__always)
    mutating func endRow() {
        inRecord = false
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

    /// Ends the current record as faulty, keeping the fields completed before the fault.
    mutating func failRecord(_ fault: RawRecordFault) {
        if fieldIndex == 0 {
            batch.beginRecord(line: recordLine, fault: fault)
        } else {
            batch.setFault(fault)
        }
        fieldIndex = 0
        inRecord = false
        records += 1
    }
}

// Concrete C callbacks, one pair per state type: a `@convention(c)` closure inside a generic
// function crashes swiftc 6.3.1, and C function pointers cannot capture context anyway.

/// libcsv's end-of-field callback for ``RecordParseState``.
func recordParseField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: RecordParseState.self)
    state.pointee.endField(UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length))
}

/// libcsv's end-of-row callback for ``RecordParseState``.
func recordParseRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    context.assumingMemoryBound(to: RecordParseState.self).pointee.endRow()
}
