import CSV
import Testing
import TestSupport

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
        try feed(Array(text.utf8), chunk: chunk, to: parser, into: &sink)
        return (sink, parser)
    }

    /// `bytes` fed to `parser` in chunks of `chunk` bytes, then finished.
    static func feed<Sink: CSVSink>(_ bytes: [UInt8], chunk: Int, to parser: CSVParser, into sink: inout Sink) throws {
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try bytes[start ..< end].withUnsafeBytes { try parser.feed($0, into: &sink) }
            start = end
        }
        try parser.finish(into: &sink)
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

    /// Everything a parser hands its sink, in order: each field's bytes with its record's line,
    /// each record's end, each step.
    struct Trace: CSVSink {
        var events: [String] = []

        mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int) {
            events.append("field \(recordLine) \(Array(bytes))")
        }

        mutating func endRecord() { events.append("end") }

        mutating func parsed(_ step: CSVStep) throws { events.append("step \(step)") }
    }

    /// `bytes` fed in chunks of `chunk` bytes to a parser that copies quoted runs or not.
    static func trace(_ bytes: [UInt8], chunk: Int, copyingQuotedRuns: Bool) throws -> [String] {
        let parser = CSVParser(copyingQuotedRuns: copyingQuotedRuns)
        var sink = Trace()
        try feed(bytes, chunk: chunk, to: parser, into: &sink)
        sink.events.append("line \(parser.line) bom \(parser.hadByteOrderMark) at rest \(parser.isAtRest)")
        return sink.events
    }

    /// Invented inputs that stress the quoted-run copy: quotes doubled, misplaced and unclosed,
    /// long runs with line breaks and delimiters inside, runs crossing chunks, CR, CRLF, blanks.
    static func trickyInput(_ generator: inout SeededGenerator) -> [UInt8] {
        let pieces: [[UInt8]] = [
            Array("\"".utf8), Array("\"\"".utf8), Array(",".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8),
            Array("a".utf8), Array(" ".utf8), Array("x\"y".utf8), Array("\",".utf8), Array(",\"".utf8), Array("é".utf8),
        ]
        var bytes: [UInt8] = Bool.random(using: &generator) ? [0xef, 0xbb, 0xbf] : []
        for _ in 0 ..< Int.random(in: 1 ... 40, using: &generator) {
            if Int.random(in: 0 ..< 4, using: &generator) == 0 {
                // A long run of a quoted field's text, sometimes with line breaks and commas.
                let alphabet = Array("abc ,\n\r".utf8)
                bytes += (0 ..< Int.random(in: 20 ... 90, using: &generator)).map { _ in
                    alphabet[Int.random(in: 0 ..< (Bool.random(using: &generator) ? 4 : alphabet.count), using: &generator)]
                }
            } else {
                bytes += pieces[Int.random(in: 0 ..< pieces.count, using: &generator)]
            }
        }
        return bytes
    }

    /// The quoted-run copy is an optimisation only: on every input, in every chunking, the
    /// sink sees exactly what libcsv alone gives it, errors and their lines included.
    @Test func copyingQuotedRunsGivesWhatLibcsvAloneGives() throws {
        var generator = SeededGenerator(seed: 24)
        var withQuotedFields = 0
        for _ in 0 ..< 400 {
            let input = Self.trickyInput(&generator)
            if input.count(where: { $0 == UInt8(ascii: "\"") }) >= 2 { withQuotedFields += 1 }
            for chunk in [1, 3, 17, input.count + 1] {
                let copied = try Self.trace(input, chunk: chunk, copyingQuotedRuns: true)
                let reference = try Self.trace(input, chunk: chunk, copyingQuotedRuns: false)
                #expect(copied == reference, "input \(input), chunk \(chunk)")
            }
        }
        #expect(withQuotedFields > 300)
    }

    /// A field of a few megabytes in one quoted run: the copy grows libcsv's buffer as libcsv
    /// would and hands the field on whole.
    @Test func aLongQuotedFieldIsCopiedWhole() throws {
        let text = String(repeating: "long text, with\nline breaks ", count: 100_000)
        let input = Array("a,\"\(text)\"\nb,c\n".utf8)
        let copied = try Self.trace(input, chunk: 1 << 16, copyingQuotedRuns: true)
        #expect(copied == (try Self.trace(input, chunk: 1 << 16, copyingQuotedRuns: false)))
        #expect(copied.contains("field 1 \(Array(text.utf8))"))
    }
}
