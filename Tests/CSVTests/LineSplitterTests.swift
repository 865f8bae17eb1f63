import CSV
import Testing

@Suite struct LineSplitterTests {
    /// The pieces of `text` split in chunks of `chunk` bytes: each piece's text and whether it
    /// ends a line, with the empty pieces that settle a CR held back at a chunk's end.
    static func pieces(_ text: String, chunk: Int) -> [(String, Bool)] {
        var splitter = LineSplitter()
        var pieces: [(String, Bool)] = []
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            bytes[start ..< end].withUnsafeBytes { chunk in
                splitter.split(chunk) { pieces.append((String(decoding: $0, as: UTF8.self), $1)) }
            }
            start = end
        }
        splitter.finish { pieces.append((String(decoding: $0, as: UTF8.self), $1)) }
        return pieces
    }

    /// The physical lines the pieces make: their bytes joined up to each line end.
    static func lines(_ pieces: [(String, Bool)]) -> [String] {
        var lines: [String] = [], current = ""
        for (text, endsLine) in pieces {
            current += text
            if endsLine {
                lines.append(current)
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    @Test(arguments: [1, 2, 3, 5, 64])
    func crlfLfAndALoneCrEachEndOneLine(chunk: Int) {
        let text = "a\r\nb\nc\rd\r\r\ne"
        let pieces = Self.pieces(text, chunk: chunk)
        #expect(Self.lines(pieces) == ["a\r\n", "b\n", "c\r", "d\r", "\r\n", "e"])
        #expect(pieces.map(\.0).joined() == text)
        // A piece holds at most one line break, at its end.
        for (piece, _) in pieces {
            let breaks = piece.utf8.enumerated().filter { $0.element == LineSplitter.lf || $0.element == LineSplitter.cr }
            let isCRLF = piece.hasSuffix("\r\n")
            #expect(breaks.count <= (isCRLF ? 2 : 1))
            #expect(breaks.allSatisfy { $0.offset >= piece.utf8.count - (isCRLF ? 2 : 1) })
        }
    }

    @Test func aCrAtTheEndOfTheStreamIsALineBreak() {
        let pieces = Self.pieces("a\r", chunk: 64)
        #expect(pieces.map(\.0) == ["a\r", ""])
        #expect(pieces.map(\.1) == [false, true])
    }

    @Test func blankPiecesHaveNoContent() {
        for (text, content) in [("\n", false), ("\r\n", false), ("\r", false), ("", false), ("a\n", true), (" \n", true)] {
            #expect(Array(text.utf8).withUnsafeBytes { LineSplitter.hasContent($0) } == content, "\(text.debugDescription)")
        }
    }
}
