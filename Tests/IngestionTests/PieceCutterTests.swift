import CSV
import Ingestion
import PipelineModel
import TestSupport
import Testing

/// Parallel parsing against one parser: the file cut into record-aligned pieces by a
/// ``PieceCutter`` and parsed by N ``PieceParser``s (group `g` by parser `g % N`, as the run
/// deals them) gives the same records, lines, faults, counts and errors as ``ChunkParser``
/// reading the whole file, whatever the chunk and piece sizes.
@Suite struct PieceCutterTests {
    static let header = "reference,summary,authority_name,category,received_date,last_updated"

    static func row(_ reference: String, _ summary: String) -> String {
        "\(reference),\(summary),Leicester,Housing,03/04/2019,2020-02-01"
    }

    /// What a file parsed into: its records and summary, or the error that stopped it.
    struct Outcome: Equatable, CustomStringConvertible {
        var rows: [ParsedRow] = []
        var records = 0
        var unknownColumns: [String] = []
        var hadByteOrderMark = false
        var error: CSVFileError?

        // Rows handed on before an error depend on where batches were cut: only the error counts.
        static func == (a: Outcome, b: Outcome) -> Bool {
            if a.error != nil || b.error != nil { return a.error == b.error }
            return a.rows == b.rows && a.records == b.records && a.unknownColumns == b.unknownColumns
                && a.hadByteOrderMark == b.hadByteOrderMark
        }

        var description: String {
            "\(error.map { "error \($0) after " } ?? "")\(records) records\(hadByteOrderMark ? " (BOM)" : ""): "
                + rows.map(\.description).joined(separator: "; ")
        }
    }

    static let stored = DecompressedData.StoredFile(fileIndex: 0, path: "test.csv", bytes: 0, sha256: "", compressed: false)

    /// One parser over the whole file, in chunks of `chunk` bytes.
    static func single(_ bytes: [UInt8], chunk: Int = 1 << 20) -> Outcome {
        var parser = ChunkParser(inputPaths: ["test.csv"], batchSize: 3)
        var outcome = Outcome()
        do {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                let (batches, _) = try parser.consume(.chunk(fileIndex: 0, bytes: Array(bytes[start ..< min(bytes.count, start + chunk)])))
                outcome.rows += ParsedRow.rows(of: batches)
            }
            let (batches, summary) = try parser.consume(.end(stored))
            outcome.rows += ParsedRow.rows(of: batches)
            outcome.records = summary?.records ?? -1
            outcome.unknownColumns = summary?.unknownColumns ?? []
            outcome.hadByteOrderMark = summary?.hadByteOrderMark ?? false
        } catch {
            outcome.error = error as? CSVFileError
        }
        return outcome
    }

    /// The file cut into pieces, parsed by `workers` parsers.
    ///
    /// Pieces are parsed in sequence order, each by its group's parser: one schedule the run
    /// may take (each parser sees its groups in order; parsers share nothing). The first error
    /// in that order wins, and the cutter's own error comes after every piece cut before it.
    static func parallel(_ bytes: [UInt8], workers: Int, chunk: Int, pieceSize: Int, maxPieceBytes: Int)
        -> (outcome: Outcome, pieces: [RecordPiece]) {
        var cutter = PieceCutter(inputPaths: ["test.csv"], pieceSize: pieceSize, maxPieceBytes: maxPieceBytes)
        var pieces: [RecordPiece] = []
        var cutterError: CSVFileError?
        do {
            for start in stride(from: 0, to: bytes.count, by: chunk) {
                pieces += try cutter.consume(.chunk(fileIndex: 0, bytes: Array(bytes[start ..< min(bytes.count, start + chunk)])))
            }
            pieces += try cutter.consume(.end(stored))
        } catch {
            cutterError = error as? CSVFileError
        }
        var parsers = (0 ..< workers).map { _ in PieceParser(inputPaths: ["test.csv"], batchSize: 3) }
        var outcome = Outcome()
        for piece in pieces {
            do {
                let (batches, records) = try parsers[piece.group % workers].parse(piece)
                outcome.rows += ParsedRow.rows(of: batches)
                outcome.records += records
                if piece.end != nil {
                    outcome.unknownColumns = piece.header.unknownColumns
                    outcome.hadByteOrderMark = piece.header.hadByteOrderMark
                }
            } catch {
                outcome.error = error as? CSVFileError
                return (outcome, pieces)
            }
        }
        if let cutterError {
            outcome.error = cutterError
        } else if pieces.last?.end == nil {
            outcome.records = -1
        }
        return (outcome, pieces)
    }

    /// Checks every chunk size in `chunks`, piece size and worker count against one parser.
    static func expectSameAsOneParser(_ bytes: [UInt8], chunks: some Sequence<Int> = 1 ... 24,
                                      sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = single(bytes)
        // A parser reading odd chunks agrees with itself (the baseline is not chunk-dependent).
        #expect(single(bytes, chunk: 3) == expected, sourceLocation: sourceLocation)
        for chunk in chunks {
            for (pieceSize, maxPieceBytes) in [(1, 1), (1, 5), (2, 64), (7, 7), (64, 1 << 20), (1 << 20, 8 << 20)] {
                for workers in 1 ... 3 {
                    let (outcome, pieces) = parallel(bytes, workers: workers, chunk: chunk, pieceSize: pieceSize,
                                                     maxPieceBytes: maxPieceBytes)
                    #expect(outcome == expected,
                            "chunk \(chunk), piece \(pieceSize)/\(maxPieceBytes), \(workers) workers, \(pieces.count) pieces",
                            sourceLocation: sourceLocation)
                    if outcome != expected { return }
                    #expect(pieces.map(\.sequence) == Array(0 ..< pieces.count), sourceLocation: sourceLocation)
                }
            }
        }
    }

    static func file(_ lines: [String], separator: String = "\n") -> [UInt8] {
        Array(lines.joined(separator: separator).utf8)
    }

    @Test func quotedLineBreaksOnEveryPieceBoundary() {
        // Each summary's line break lands on a chunk or piece boundary for some chunk size.
        Self.expectSameAsOneParser(Self.file([
            Self.header, Self.row("a", "\"one\ntwo\""), Self.row("b", "\"three\r\nfour\""), Self.row("c", "\"five\rsix\""),
            Self.row("d", "\"\n\n\""), Self.row("e", "plain"), "",
        ]))
    }

    @Test func doubledQuoteSplitAcrossPieces() {
        Self.expectSameAsOneParser(Self.file([
            Self.header, Self.row("a", "\"say \"\"hi\"\"\""), Self.row("b", "\"\"\"\"\"\""), Self.row("c", "\"\"\"\n\"\"\""),
            Self.row("d", "\"x\"\"\r\n\"\"y\""), "",
        ]))
    }

    @Test func crAtTheEndOfAPieceThenLFAtTheStartOfTheNext() {
        Self.expectSameAsOneParser(Self.file([Self.header, Self.row("a", "x"), Self.row("b", "\"q\r\nr\""), Self.row("c", "y"), ""],
                                             separator: "\r\n"))
        Self.expectSameAsOneParser(Self.file([Self.header, "", Self.row("a", "x"), "", "", Self.row("b", "y")], separator: "\r"))
        Self.expectSameAsOneParser(Array((Self.header + "\r\n" + Self.row("a", "x") + "\r").utf8))
    }

    @Test func malformedQuotesThatFoolQuoteParity() {
        // After `ab"c` the reader drops the rest of the line: parity would then see the quoted
        // line break of the next row as outside quotes.
        Self.expectSameAsOneParser(Self.file([
            Self.header, Self.row("a", "ab\"c"), Self.row("b", "\"x\ny\""), Self.row("c", "\"q\"r\" \n"),
            Self.row("d", "\"m\nn\""), Self.row("e", "\"p\"\"\"z"), Self.row("f", "ok"), "",
        ]))
    }

    @Test func unterminatedQuoteAtTheEndOfTheFile() {
        Self.expectSameAsOneParser(Self.file([Self.header, Self.row("a", "x"), Self.row("b", "\"open\nstill\r\nopen")]))
        Self.expectSameAsOneParser(Self.file([Self.header, Self.row("a", "x"), "\"b"]))
    }

    @Test func fieldCountAndEmptyLinesKeepTheirPhysicalLines() {
        Self.expectSameAsOneParser(Self.file([
            "", "\r", Self.header, "", Self.row("a", "\"1\n2\""), "a,b", "", "", "\"x\ny\",2,3", Self.row("b", "z") + ",extra",
            Self.row("c", "no final break"),
        ]))
    }

    @Test func headerVariants() {
        let bom: [UInt8] = [0xef, 0xbb, 0xbf]
        Self.expectSameAsOneParser(bom + Self.file([Self.header, Self.row("a", "x"), ""]))
        Self.expectSameAsOneParser(bom + Self.file(["\"reference\",summary,authority_name,category,received_date,last_updated,\"Case\nOfficer\"",
                                                    Self.row("a", "x") + ",o", ""]))
        Self.expectSameAsOneParser(Self.file([Self.header]))
        Self.expectSameAsOneParser(Self.file([Self.header, ""], separator: "\r"))
        Self.expectSameAsOneParser([0xef, 0xbb] + Self.file([Self.header, Self.row("a", "x")]))
        Self.expectSameAsOneParser(bom)
        Self.expectSameAsOneParser([])
        Self.expectSameAsOneParser(Self.file(["", "", ""]))
        Self.expectSameAsOneParser(Self.file(["reference,summary", Self.row("a", "x")]))
        Self.expectSameAsOneParser(Self.file(["reference,sum\"mary", Self.row("a", "x")]))
        Self.expectSameAsOneParser(Self.file(["\"reference,summary", Self.row("a", "x")]))
    }

    @Test func windows1252AndNulBytesAreJustBytes() {
        Self.expectSameAsOneParser(Array((Self.header + "\n").utf8) + [0x61, 0x2c, 0xe9, 0x00, 0x22, 0x2c]
            + Array("Leicester,Housing,03/04/2019,2020-02-01\n".utf8)
            + Array(Self.row("b", "\"caf\u{e9}\"").utf8))
    }

    @Test func aFieldOverTheLimitFailsAsWithOneParser() {
        // A quote never closed grows past the 8 MiB cap on pieces, so later pieces continue its
        // group; the field limit (64 MiB) is left to the parser, which throws as one would.
        var bytes = Array((Self.header + "\n" + Self.row("a", "x") + "\nb,\"").utf8)
        bytes += [UInt8](repeating: 0x61, count: CSVRecordReader.defaultMaxFieldBytes + 10)
        let expected = Self.single(bytes)
        #expect(expected.error != nil)
        let (outcome, pieces) = Self.parallel(bytes, workers: 2, chunk: 1 << 20, pieceSize: 1 << 20, maxPieceBytes: 8 << 20)
        #expect(outcome == expected)
        #expect(pieces.contains { !$0.endsGroup })
    }

    @Test func randomFilesAgreeWithOneParser() {
        // Bytes drawn mostly from the ones that steer the parser, in a file with a real header.
        var random = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = Array("aaab,,,\"\"\"\n\n\r ".utf8) + [0xe9]
        for _ in 0 ..< 300 {
            let count = Int.random(in: 0 ... 120, using: &random)
            let body = (0 ..< count).map { _ in alphabet.randomElement(using: &random)! }
            let bytes = Array((Self.header + (Bool.random(using: &random) ? "\r\n" : "\n")).utf8) + body
            Self.expectSameAsOneParser(bytes, chunks: [1, 2, Int.random(in: 3 ... 40, using: &random), 1 << 20])
        }
    }
}
