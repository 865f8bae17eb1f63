import Foundation
import Logging
import Operations
import PipelineModel
import Synchronization
import Testing
import TestSupport

/// Lines handed to a test writer, in order.
final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])

    var all: [String] { lines.withLock { $0 } }
    var text: String { all.joined() }

    func output(isTerminal: Bool = false) -> ConsoleOutput {
        ConsoleOutput(isTerminal: isTerminal) { [self] text in lines.withLock { $0.append(text) } }
    }
}

/// The JSON object of one log line.
func object(_ line: String) throws -> [String: String] {
    let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
    return try #require(parsed as? [String: String], "not an object of strings: \(line)")
}

@Suite struct JSONLogHandlerTests {
    static let fixedTime = Date(timeIntervalSince1970: 1_711_938_605.123_9) // 2024-04-01T02:30:05.123Z

    private func logger(_ label: String, _ captured: CapturedLines) -> Logger {
        Logger(label: label) { label in
            JSONLogHandler(label: label, runID: "run-1", output: captured.output(), clock: { Self.fixedTime })
        }
    }

    @Test func everyLineIsOneJSONObjectWithTheFixedKeys() throws {
        let captured = CapturedLines()
        var log = logger("annual-review", captured)
        log[metadataKey: "pipeline"] = "nightly"
        log.info("configuration loaded", metadata: ["authorities": "317", "inputs": "2"])
        log.warning("signal received, stopping", metadata: ["signal": "15"])
        let lines = captured.all
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.hasSuffix("}\n") && $0.filter { $0 == "\n" }.count == 1 })
        let first = try object(lines[0])
        #expect(first == ["time": "2024-04-01T02:30:05.123Z", "level": "info", "run_id": "run-1",
                          "stage": "annual-review", "message": "configuration loaded",
                          "authorities": "317", "inputs": "2", "pipeline": "nightly"])
        let second = try object(lines[1])
        #expect(second["level"] == "warning")
        #expect(second["signal"] == "15")
        // The fixed keys come first, in order, so that a person reading the raw lines finds them.
        #expect(lines[0].hasPrefix("{\"time\":\"2024-04-01T02:30:05.123Z\",\"level\":\"info\",\"run_id\":\"run-1\",\"stage\":"))
    }

    @Test func stageComesFromMetadataOrTheLabel() throws {
        let captured = CapturedLines()
        let log = logger("ingestion", captured)
        log.info("reading")
        log.info("cleaned", metadata: ["stage": "cleaning", "rows": "4096"])
        #expect(try object(captured.all[0])["stage"] == "ingestion")
        let second = try object(captured.all[1])
        #expect(second["stage"] == "cleaning")
        #expect(second["rows"] == "4096")
    }

    @Test func textIsEscaped() throws {
        let captured = CapturedLines()
        let awkward = "quote \" backslash \\ newline \n tab \t bell \u{07} pound £ emoji 🙂 del \u{7F}"
        logger("annual-review", captured).error("\(awkward)", metadata: ["path": "/srv/\"odd\"\n.csv.gz"])
        let line = try #require(captured.all.first)
        #expect(line.dropLast().contains("\n") == false)
        let fields = try object(line)
        #expect(fields["message"] == awkward)
        #expect(fields["path"] == "/srv/\"odd\"\n.csv.gz")
    }

    @Test func numbersAreJSONNumbersAndOtherValuesText() throws {
        let captured = CapturedLines()
        logger("annual-review", captured).info("counts", metadata: [
            "rows": .stringConvertible(3000), "busy_s": .stringConvertible(1.25), "nan": .stringConvertible(Double.nan),
            "code": "123", "files": .array(["a", "b"]), "by": .dictionary(["x": "1"]),
        ])
        let line = try #require(captured.all.first)
        #expect(line.contains(",\"rows\":3000,") || line.contains(",\"rows\":3000}"), "\(line)")
        #expect(line.contains("\"busy_s\":1.25,"), "\(line)")
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect((fields["rows"] as? NSNumber)?.intValue == 3000)
        // A number given as a string stays one: a reference or a code is text, whatever its digits.
        #expect(fields["code"] as? String == "123")
        // NaN is not a JSON number.
        #expect(fields["nan"] as? String == "nan")
        #expect(fields["files"] as? String == "[\"a\", \"b\"]")
        #expect(fields["by"] as? String == "[\"x\": \"1\"]")
    }

    @Test(arguments: [(Logger.Level.error, "<3>"), (.warning, "<4>"), (.info, "<6>"), (.critical, "<2>"), (.notice, "<5>")])
    func journalLinesStartWithTheirPriority(level: Logger.Level, prefix: String) throws {
        let captured = CapturedLines()
        var handler = JSONLogHandler(label: "annual-review", runID: "run-1", output: captured.output(), clock: { Self.fixedTime })
        handler.journalPriorities = true
        handler.logLevel = .trace
        Logger(label: "annual-review") { _ in handler }.log(level: level, "hello")
        let line = try #require(captured.all.first)
        #expect(line.hasPrefix(prefix + "{"))
        #expect(try object(String(line.dropFirst(prefix.count)))["message"] == "hello")
    }

    @Test func theJournalStreamIsRecognisedByDeviceAndInode() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("stream").path
        let fd = open(path, O_CREAT | O_WRONLY | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        var st = stat()
        try #require(fstat(fd, &st) == 0)
        #expect(JournalStream.isStandardError(fileDescriptor: fd, environment: ["JOURNAL_STREAM": "\(st.st_dev):\(st.st_ino)"]))
        #expect(!JournalStream.isStandardError(fileDescriptor: fd, environment: ["JOURNAL_STREAM": "\(st.st_dev):\(st.st_ino + 1)"]))
        #expect(!JournalStream.isStandardError(fileDescriptor: fd, environment: [:]))
        #expect(!JournalStream.isStandardError(fileDescriptor: fd, environment: ["JOURNAL_STREAM": "junk"]))
    }

    @Test func metadataNamedLikeAFixedKeyIsRenamed() throws {
        let captured = CapturedLines()
        logger("annual-review", captured).info("hello", metadata: ["message": "shadow", "time": "t"])
        let fields = try object(try #require(captured.all.first))
        #expect(fields["message"] == "hello")
        #expect(fields["field.message"] == "shadow")
        #expect(fields["field.time"] == "t")
    }

    @Test func levelBelowTheHandlersIsDropped() throws {
        let captured = CapturedLines()
        var log = logger("annual-review", captured)
        log.logLevel = .info
        log.debug("not shown")
        log.trace("not shown")
        log.notice("shown")
        #expect(captured.all.count == 1)
        #expect(try object(captured.all[0])["level"] == "notice")
    }

    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"),
        (1_711_938_605.123_9, "2024-04-01T02:30:05.123Z"),
        (951_782_400.999, "2000-02-29T00:00:00.999Z"),
        (1_735_689_599.5, "2024-12-31T23:59:59.500Z"),
    ])
    func timestampsAreUTCWithMilliseconds(seconds: Double, expected: String) {
        #expect(JSONLogHandler.timestamp(Date(timeIntervalSince1970: seconds)) == expected)
    }

    @Test func realTimestampsParseAsISO8601() throws {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let now = Date()
        let parsed = try #require(formatter.date(from: JSONLogHandler.timestamp(now)))
        #expect(abs(parsed.timeIntervalSince(now)) < 0.002)
    }

    /// Many tasks logging at once through one descriptor: every line arrives whole.
    @Test func concurrentLoggersWriteWholeLines() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("log.jsonl").path
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        try #require(fd >= 0)
        let output = ConsoleOutput(fileDescriptor: fd)
        #expect(output.isTerminal == false)
        await withTaskGroup(of: Void.self) { group in
            for task in 0 ..< 8 {
                group.addTask {
                    let log = Logger(label: "stage-\(task)") { JSONLogHandler(label: $0, runID: "r", output: output) }
                    for i in 0 ..< 250 {
                        log.info("row batch \(i)", metadata: ["task": "\(task)", "padding": "\(String(repeating: "x", count: 300))"])
                    }
                }
            }
        }
        close(fd)
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        var perTask: [String: Int] = [:]
        for line in lines {
            let fields = try object(String(line))
            perTask[fields["task"] ?? "?", default: 0] += 1
            #expect(fields["stage"] == "stage-\(fields["task"] ?? "?")")
        }
        #expect(perTask.count == 8)
        #expect(perTask.values.allSatisfy { $0 == 250 })
    }

    @Test func formatIsChosenByTerminalUnlessForced() {
        #expect(LogFormat.auto.resolved(isTerminal: true) == .text)
        #expect(LogFormat.auto.resolved(isTerminal: false) == .json)
        #expect(LogFormat.json.resolved(isTerminal: true) == .json)
        #expect(LogFormat.text.resolved(isTerminal: false) == .text)

        let terminal = CapturedLines().output(isTerminal: true)
        let pipe = CapturedLines().output(isTerminal: false)
        #expect(JSONLogHandler.handler(label: "a", format: .auto, runID: "r", output: terminal) is StreamLogHandler)
        #expect(JSONLogHandler.handler(label: "a", format: .auto, runID: "r", output: pipe) is JSONLogHandler)
        #expect(JSONLogHandler.handler(label: "a", format: .json, runID: "r", output: terminal) is JSONLogHandler)
        #expect(JSONLogHandler.handler(label: "a", format: .text, runID: "r", output: pipe) is StreamLogHandler)
    }

    @Test func handlerHasTheRequestedLevel() throws {
        let captured = CapturedLines()
        let output = captured.output()
        let log = Logger(label: "annual-review") {
            JSONLogHandler.handler(label: $0, format: .json, runID: "r", level: .warning, output: output)
        }
        log.info("dropped")
        log.error("kept")
        #expect(captured.all.count == 1)
        let textLog = Logger(label: "annual-review") {
            JSONLogHandler.handler(label: $0, format: .text, runID: "r", level: .debug, output: output)
        }
        textLog.debug("human line", metadata: ["rows": "3"])
        let text = try #require(captured.all.last)
        #expect(text.contains("debug annual-review: rows=3"))
        #expect(text.hasSuffix("human line\n"))
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil)
    }

    @Test func runIDsAreFreshUUIDs() {
        let a = JSONLogHandler.newRunID()
        #expect(a != JSONLogHandler.newRunID())
        #expect(UUID(uuidString: a) != nil)
        #expect(a == a.lowercased())
    }
}
