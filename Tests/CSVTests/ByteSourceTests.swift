import CSV
import Testing
import TestSupport

/// Invented bytes: ByteSource's two ways of handing chunks out agree.
@Suite struct ByteSourceTests {
    /// Every chunk ``ByteSource/read(_:)`` hands out, copied.
    private static func chunksRead(_ path: String, chunkSize: Int) throws -> [[UInt8]] {
        let source = try ByteSource(path: path, chunkSize: chunkSize)
        var chunks: [[UInt8]] = []
        while try source.read({ chunks.append(Array($0)) }) {}
        return chunks
    }

    /// Every chunk ``ByteSource/nextChunk()`` hands out.
    private static func nextChunks(_ path: String, chunkSize: Int) throws -> [[UInt8]] {
        let source = try ByteSource(path: path, chunkSize: chunkSize)
        var chunks: [[UInt8]] = []
        while let chunk = try source.nextChunk() { chunks.append(chunk) }
        #expect(try source.nextChunk() == nil)
        return chunks
    }

    @Test(arguments: [16, 100, 1 << 16])
    func nextChunkHandsOutWhatReadDoes(chunkSize: Int) throws {
        let text = Array((0 ..< 2_000).map { "line \($0),a,b\n" }.joined().utf8)
        // Two gzip members, and the same bytes stored plain.
        let half = text.count / 2
        let gzip = try TemporaryFolder("csv-tests").write(GzipBytes.member(Array(text[..<half])) + GzipBytes.member(Array(text[half...])), to: "b.csv.gz")
        let plain = try TemporaryFolder("csv-tests").write(text, to: "b.csv")
        for path in [gzip, plain] {
            let chunks = try Self.nextChunks(path, chunkSize: chunkSize)
            #expect(chunks == (try Self.chunksRead(path, chunkSize: chunkSize)))
            #expect(Array(chunks.joined()) == text)
        }
    }

    @Test func aTruncatedGzipFailsFromNextChunkToo() throws {
        let gz = GzipBytes.member(Array(String(repeating: "a,b\n", count: 500).utf8))
        let path = try TemporaryFolder("csv-tests").write(Array(gz.dropLast(9)), to: "t.csv.gz")
        let source = try ByteSource(path: path, chunkSize: 64)
        #expect(throws: CSVFileError.self) {
            while try source.nextChunk() != nil {}
        }
    }
}
