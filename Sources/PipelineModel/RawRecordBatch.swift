/// A batch of parsed but uninterpreted export records, as Ingestion hands them on.
///
/// Field values stay bytes: every record is projected onto the ``ExportColumn`` slots, and
/// slot `c` of record `r` is `bytes[fieldStart(r, c) ..< fieldEnd(r, c)]`. A missing optional
/// column is an empty slot. Records that could not be parsed carry a ``RawRecordFault`` and
/// whatever fields could be recovered (at least the reference when the file had one).
package struct RawRecordBatch: Sendable {
    /// Index of the input file in the run's list of inputs.
    package let fileIndex: Int
    /// All field bytes of the batch, back to back.
    package private(set) var bytes: [UInt8] = []
    /// `ExportColumn.count` pairs of (start, end) offsets into `bytes` per record.
    package private(set) var bounds: [Int32] = []
    /// The physical line on which each record starts (the header is line 1).
    package private(set) var lines: [Int] = []
    /// A parse fault per record, `nil` for a well-formed record.
    package private(set) var faults: [RawRecordFault?] = []
    /// Where each record's bytes start in ``bytes``: its fields lie back to back from there to
    /// the next record's start.
    private var recordStarts: [Int32] = []
    /// The number of records in the batch.
    package var count: Int { lines.count }

    /// An empty batch for records of the given input file.
    package init(fileIndex: Int, reservingRecords capacity: Int = 0, bytes byteCapacity: Int = 0) {
        self.fileIndex = fileIndex
        lines.reserveCapacity(capacity)
        faults.reserveCapacity(capacity)
        recordStarts.reserveCapacity(capacity)
        bounds.reserveCapacity(capacity * ExportColumn.count * 2)
        bytes.reserveCapacity(byteCapacity)
    }

    /// Appends a record: `fields[c]` is the value of column `c` (nil or empty for none).
    package mutating func append(line: Int, fault: RawRecordFault? = nil,
                                fields: some Sequence<(ExportColumn, ArraySlice<UInt8>)>) {
        let base = bounds.count
        recordStarts.append(Int32(bytes.count))
        bounds.append(contentsOf: repeatElement(0, count: ExportColumn.count * 2))
        for (column, value) in fields {
            let start = Int32(bytes.count)
            bytes.append(contentsOf: value)
            bounds[base + column.rawValue * 2] = start
            bounds[base + column.rawValue * 2 + 1] = Int32(bytes.count)
        }
        lines.append(line)
        faults.append(fault)
    }

    /// Starts a record whose fields are then added with ``appendField(_:bytes:)``.
    ///
    /// The fast path for Ingestion: no intermediate collection per record.
    package mutating func beginRecord(line: Int, fault: RawRecordFault? = nil) {
        recordStarts.append(Int32(bytes.count))
        bounds.append(contentsOf: repeatElement(0, count: ExportColumn.count * 2))
        lines.append(line)
        faults.append(fault)
    }

    /// Adds the value of `column` to the record begun last.
    package mutating func appendField(_ column: ExportColumn, bytes value: UnsafeRawBufferPointer) {
        // Called for every field of every row: an empty value (most optional columns) leaves
        // its slot empty without an append, and the slot's two offsets are written through one
        // uniqueness check rather than two.
        guard let source = value.baseAddress, !value.isEmpty else { return }
        let start = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: source.assumingMemoryBound(to: UInt8.self), count: value.count))
        let end = Int32(bytes.count)
        let slot = bounds.count - (ExportColumn.count - column.rawValue) * 2
        bounds.withUnsafeMutableBufferPointer { bounds in
            bounds[slot] = start
            bounds[slot + 1] = end
        }
    }

    /// Marks the record begun last as faulty.
    package mutating func setFault(_ fault: RawRecordFault) {
        faults[faults.count - 1] = fault
    }

    /// The byte range of column `column` of record `record` within ``bytes``.
    @inlinable
    package func range(_ record: Int, _ column: ExportColumn) -> Range<Int> {
        let i = (record * ExportColumn.count + column.rawValue) * 2
        return Int(bounds[i]) ..< Int(bounds[i + 1])
    }

    /// The byte range of all of record `record`'s fields within ``bytes``, from its first
    /// field's bytes to its last's (empty when it has none).
    package func recordRange(_ record: Int) -> Range<Int> {
        Int(recordStarts[record]) ..< (record + 1 < recordStarts.count ? Int(recordStarts[record + 1]) : bytes.count)
    }

    /// The bytes of column `column` of record `record`.
    @inlinable
    package func field(_ record: Int, _ column: ExportColumn) -> ArraySlice<UInt8> {
        bytes[range(record, column)]
    }

    /// The number of bytes held, to size batches by volume as well as by rows.
    package var byteCount: Int { bytes.count }
}

/// Why a record could not be parsed into fields; becomes a reject downstream.
package enum RawRecordFault: Sendable, Equatable {
    /// The record had `found` fields where the header has `expected`.
    case fieldCount(found: Int, expected: Int)
    /// A quoted field was not closed before the end of the file.
    case unterminatedQuote
    /// A quote stood where RFC 4180 does not allow one (strict mode), at that byte of the record.
    case malformedQuote(detail: String)
}
