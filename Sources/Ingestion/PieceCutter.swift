import CSV
/// Cuts the decompressed stream of a run's inputs into ``RecordPiece``s that parsers can take
/// in any order, one file after another: the decompression stage's half of parallel parsing.
///
/// Each file's head (blank lines and the header row, with any byte-order mark) is parsed here
/// by a ``CSVRecordReader``, so a file with a bad header fails exactly as with one parser, and
/// every piece carries the header it needs. The bytes after the head go through a
/// ``RecordBoundaryFinder`` and leave in pieces of at least ``pieceSize`` bytes that begin and
/// end at record boundaries, stamped with their first physical line and a sequence number.
///
/// - Important: Not `Sendable` (it owns the header reader's libcsv parser): keep it in the
///   decompression task.
package struct PieceCutter {
    /// The smallest piece cut at a record boundary (a file's last piece may be smaller).
    package let pieceSize: Int
    /// The largest piece: past it a piece is handed on without waiting for a boundary, and
    /// the next pieces of its record group continue it (a huge field, a quote never closed).
    package let maxPieceBytes: Int

    /// The header reader's limits (see ``CSVRecordReader``).
    package let maxFieldBytes: Int
    /// The longest header row read.
    package let maxHeaderBytes: Int

    private let inputPaths: [String]
    private var fileIndex = -1
    private var finder: RecordBoundaryFinder
    private var headReader: CSVRecordReader?
    private var header: FileHeader?
    private var nextSequence = 0
    private var nextGroup = 0

    /// 1 MiB: thousands of records per piece, so the cost per piece (a channel hop, a batch)
    /// stays small, and several pieces in flight per parser hold a few MiB.
    package static let defaultPieceSize = 1 << 20
    /// 8 MiB.
    package static let defaultMaxPieceBytes = 8 << 20

    /// A cutter for inputs named `inputPaths` (for errors).
    package init(inputPaths: [String], pieceSize: Int = defaultPieceSize, maxPieceBytes: Int = defaultMaxPieceBytes,
                maxFieldBytes: Int = CSVRecordReader.defaultMaxFieldBytes,
                maxHeaderBytes: Int = CSVRecordReader.defaultMaxHeaderBytes) {
        self.inputPaths = inputPaths
        self.maxFieldBytes = maxFieldBytes
        self.maxHeaderBytes = maxHeaderBytes
        self.pieceSize = max(1, pieceSize)
        self.maxPieceBytes = max(self.pieceSize, maxPieceBytes)
        finder = RecordBoundaryFinder(pieceSize: self.pieceSize, maxPieceBytes: self.maxPieceBytes)
    }

    /// Takes one step of the decompressed stream; returns the pieces it completed, in order.
    ///
    /// Throws what the header reader throws (a missing column, a malformed or too long header,
    /// an empty file), as parsing with one parser would.
    package mutating func consume(_ data: DecompressedData) throws -> [RecordPiece] {
        var pieces: [RecordPiece] = []
        switch data {
        case .chunk(let index, let bytes):
            startFileIfNew(index)
            var finder = takeFinder()
            defer { self.finder = finder }
            try finder.feed(bytes) { try take($0, end: nil, into: &pieces) }
        case .end(let stored):
            startFileIfNew(stored.fileIndex)
            var finder = takeFinder()
            defer { self.finder = finder }
            try finder.finish { try take($0, end: stored, into: &pieces) }
            if finder.inHead, let headReader {
                // The file ended in its head: header only, or no header at all (which throws).
                try headReader.finish()
                guard let header = headReader.header else {
                    throw CSVFileError.emptyFile(file: headReader.file)
                }
                pieces.append(piece(segments: [], firstLine: finder.line, startsGroup: true, endsGroup: true,
                                    header: header, end: stored))
            }
            fileIndex = -1
        }
        return pieces
    }

    /// Moves the finder out of `self` (which the finder's callback changes), leaving a blank
    /// one, so that the array of its carried slices is never copied.
    private mutating func takeFinder() -> RecordBoundaryFinder {
        let finder = self.finder
        self.finder = RecordBoundaryFinder(pieceSize: pieceSize, maxPieceBytes: maxPieceBytes)
        return finder
    }

    private mutating func startFileIfNew(_ index: Int) {
        guard index != fileIndex else { return }
        fileIndex = index
        finder = RecordBoundaryFinder(pieceSize: pieceSize, maxPieceBytes: maxPieceBytes)
        let path = index < inputPaths.count ? inputPaths[index] : "input \(index)"
        headReader = CSVRecordReader(file: path, fileIndex: index, batchSize: 1, maxFieldBytes: maxFieldBytes,
                                     maxHeaderBytes: maxHeaderBytes)
        header = nil
    }

    private mutating func take(_ output: RecordBoundaryFinder.Output, end: DecompressedData.StoredFile?,
                               into pieces: inout [RecordPiece]) throws {
        switch output {
        case .head(let bytes, let ends):
            guard let headReader else { return }
            try headReader.feed(bytes)
            if ends {
                guard let header = headReader.header else {
                    throw CSVFileError.readFailed(file: headReader.file,
                                                    reason: "internal error: the header row ended but was not read")
                }
                // The head holds no record: the header row is the first row of the file.
                self.header = header
                self.headReader = nil
            }
        case .piece(let segments, let firstLine, let startsGroup, let endsGroup):
            guard let header else {
                throw CSVFileError.readFailed(file: inputPaths[fileIndex], reason: "internal error: a piece before the header")
            }
            pieces.append(piece(segments: segments, firstLine: firstLine, startsGroup: startsGroup, endsGroup: endsGroup,
                                header: header, end: end))
        }
    }

    private mutating func piece(segments: [ArraySlice<UInt8>], firstLine: Int, startsGroup: Bool, endsGroup: Bool, header: FileHeader,
                                end: DecompressedData.StoredFile?) -> RecordPiece {
        let piece = RecordPiece(fileIndex: fileIndex, sequence: nextSequence, group: nextGroup, firstLine: firstLine,
                                segments: segments, startsGroup: startsGroup, endsGroup: endsGroup, header: header, end: end)
        nextSequence += 1
        if endsGroup { nextGroup += 1 }
        return piece
    }
}
