package import PipelineModel

/// Parses ``RecordPiece``s into record batches with one libcsv parser: a parse worker's half of
/// parallel parsing.
///
/// A worker is given whole record groups, in group order but not every group (others go to
/// other workers); it keeps one ``CSVRecordReader`` per file and restarts it at each group's
/// first line. Every group's records leave in batches of their own.
///
/// - Important: Not `Sendable` (it owns a libcsv parser): keep it in the worker's task.
package struct PieceParser {
    private let inputPaths: [String]
    private let batchSize: Int
    private let maxBatchBytes: Int
    private let maxFieldBytes: Int
    private var reader: CSVRecordReader?
    private var readerIndex = -1

    /// A parser for inputs named `inputPaths` (for errors and rejects).
    package init(inputPaths: [String], batchSize: Int = RunDefaults.batchSize, maxBatchBytes: Int = RunDefaults.maxBatchBytes,
                maxFieldBytes: Int = CSVRecordReader.defaultMaxFieldBytes) {
        self.inputPaths = inputPaths
        self.maxFieldBytes = maxFieldBytes
        self.batchSize = batchSize
        self.maxBatchBytes = maxBatchBytes
    }

    /// Bytes parsed between two looks at `cancelled` in ``parse(_:cancelled:)``: a fraction of
    /// a millisecond of libcsv in a release build, so a stopped run never waits for a piece.
    package static let cancellationCheckBytes = 256 << 10

    /// Parses one piece; returns the batches it completed and the number of records in them,
    /// faulty ones included.
    ///
    /// Throws what one parser reading the whole file would throw for these records (a field
    /// over the limit), or if the piece did not end where the boundary finder said it would;
    /// throws `CancellationError` when `cancelled` says so between two stretches of bytes.
    package mutating func parse(_ piece: RecordPiece, cancelled: () -> Bool = { false }) throws
        -> (batches: [RawRecordBatch], records: Int) {
        let reader = self.reader(for: piece)
        let before = reader.recordCount
        if piece.startsGroup { reader.startRecordGroup(atLine: piece.firstLine) }
        for segment in piece.segments {
            var start = segment.startIndex
            while start < segment.endIndex {
                if cancelled() { throw CancellationError() }
                let end = min(start + Self.cancellationCheckBytes, segment.endIndex)
                try segment[start ..< end].withUnsafeBytes { try reader.feed($0) }
                start = end
            }
        }
        if piece.end != nil {
            try reader.finish()
            self.reader = nil
            readerIndex = -1
        } else if piece.endsGroup {
            try reader.endRecordGroup()
        }
        return (reader.takeBatches(), reader.recordCount - before)
    }

    private mutating func reader(for piece: RecordPiece) -> CSVRecordReader {
        if let reader, readerIndex == piece.fileIndex { return reader }
        let path = piece.fileIndex < inputPaths.count ? inputPaths[piece.fileIndex] : "input \(piece.fileIndex)"
        let reader = CSVRecordReader(file: path, fileIndex: piece.fileIndex, header: piece.header,
                                     batchSize: batchSize, maxBatchBytes: maxBatchBytes, maxFieldBytes: maxFieldBytes)
        self.reader = reader
        readerIndex = piece.fileIndex
        return reader
    }
}
