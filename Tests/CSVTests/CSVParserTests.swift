import CSV
import Testing

/// CSVParser on its own: fields, records and the physical line of each, whatever the chunks.
@Suite struct CSVParserTests {
    /// What a parser handed its sink.
    struct Collected: CSVSink {
        var records: [(line: Int, fields: [String])] = []
        var open: [String] = []
        var openLine = 0
        var problems: [(line: Int, problem: CSVStep.Problem)] = []
        var ended = false

        mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int) {
            open.append(String(decoding: bytes, as: UTF8.self))
            openLine = recordLine
        }

        mutating func endRecord() {
            records.append((openLine, open))
            open = []
        }

        mutating func parsed(_ step: CSVStep) throws {
            if let problem = step.problem { problems.append((step.recordLine, problem)) }
            if step.isEnd { ended = true }
        }
    }

    /// `text` fed in chunks of `chunk` bytes, then finished.
    static func parse(_ text: String, chunk: Int = 1 << 16) throws -> (Collected, CSVParser) {
        let parser = CSVParser()
        var sink = Collected()
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try bytes[start ..< end].withUnsafeBytes { try parser.feed($0, into: &sink) }
            start = end
        }
        try parser.finish(into: &sink)
        return (sink, parser)
    }

    static let text = "\u{FEFF}a,b\r\n\"x, \"\"y\"\"\",2\n\n\"two\nlines\",3\rlast,4"

    @Test(arguments: [1, 2, 3, 7, 1 << 16])
    func fieldsAndRecordLinesWhateverTheChunks(chunk: Int) throws {
        let (sink, parser) = try Self.parse(Self.text, chunk: chunk)
        #expect(sink.records.map(\.fields) == [["a", "b"], ["x, \"y\"", "2"], ["two\nlines", "3"], ["last", "4"]])
        // A blank line is skipped but counted; a quoted line break and a lone CR end lines too.
        #expect(sink.records.map(\.line) == [1, 2, 4, 6])
        #expect(parser.hadByteOrderMark)
        #expect(sink.problems.isEmpty && sink.ended)
        #expect(parser.line == 6)
    }

    @Test(arguments: [
        ("a,b\n\"ab\"c,d\n", CSVStep.Problem.textAfterClosingQuote, 2),
        ("a,b\nab\"c,d\n", .quoteInUnquotedField, 2),
        ("a,b\n1,2\n\"open,3\n4\n", .quoteNotClosedAtEnd, 3),
    ])
    func strictModeReportsMalformedQuotesOnTheRecordsLine(text: String, problem: CSVStep.Problem, line: Int) throws {
        let (sink, _) = try Self.parse(text)
        #expect(sink.problems.map(\.problem) == [problem])
        #expect(sink.problems.map(\.line) == [line])
        #expect(sink.records.first?.fields == ["a", "b"])
    }

    @Test func aDroppedRecordLeavesTheNextLineToTheNextRecord() throws {
        let (sink, _) = try Self.parse("a,b\nab\"c,d\ne,f\n")
        #expect(sink.records.map(\.fields).last == ["e", "f"])
        #expect(sink.records.map(\.line).last == 3)
    }

    @Test func withoutAByteOrderMarkNothingIsDropped() throws {
        let (sink, parser) = try Self.parse("a,b\n")
        #expect(!parser.hadByteOrderMark)
        #expect(sink.records.map(\.fields) == [["a", "b"]])
    }

    @Test func aParserContinuingAtALineCountsFromThere() throws {
        let parser = CSVParser(detectingByteOrderMark: false)
        parser.continueRecords(atLine: 41)
        var sink = Collected()
        try Array("x,y\nz,w\n".utf8).withUnsafeBytes { try parser.feed($0, into: &sink) }
        try parser.finish(into: &sink)
        #expect(sink.records.map(\.line) == [41, 42])
        #expect(parser.isAtRest)
    }
}
