import Foundation
import Logging
import Operations
import Testing

/// Text from the exports never reaches a terminal as control sequences (issue 16, class 3):
/// the escaping itself, text log lines and JSON log lines.
@Suite struct TerminalTextTests {
    static let hostile = "\u{1B}[2JEvil\u{1B}]0;pwned\u{07} Council\r\u{9B}31m\u{7F}\u{0}"

    @Test func everyControlCharacterIsEscapedAndNothingElse() {
        #expect(TerminalText.escaped(Self.hostile) == "\\x1B[2JEvil\\x1B]0;pwned\\x07 Council\\x0D\\x9B31m\\x7F\\x00")
        #expect(TerminalText.escaped("Conseil Général £ 🙂 \u{A0}Ynys Môn") == "Conseil Général £ 🙂 \u{A0}Ynys Môn")
        #expect(TerminalText.escaped("two\nlines\ttab") == "two\\x0Alines\\x09tab")
    }

    @Test func aLineKeepsItsOwnEndingOnly() {
        #expect(TerminalText.escapedLine("message\u{1B}[2J\n") == "message\\x1B[2J\n")
        #expect(TerminalText.escapedLine("ends in CR\r\n") == "ends in CR\\x0D\n")
        #expect(TerminalText.escapedLine("in\nside\n") == "in\\x0Aside\n")
        #expect(TerminalText.escapedLine("no ending") == "no ending")
    }

    @Test func textLogLinesCarryNoControlCharacterButTheirNewline() throws {
        let captured = CapturedLines()
        let output = captured.output(isTerminal: true)
        let log = Logger(label: "annual-review") {
            JSONLogHandler.handler(label: $0, format: .text, runID: "r", output: output)
        }
        log.warning("unknown authority \(Self.hostile)", metadata: ["name": "\(Self.hostile)"])
        let line = try #require(captured.all.last)
        #expect(line.hasSuffix("\n"))
        #expect(!line.dropLast().unicodeScalars.contains(where: TerminalText.isControl), "\(line.debugDescription)")
        #expect(line.contains("\\x1B[2JEvil"))
    }

    @Test func jsonLogLinesEscapeC1ControlsToo() throws {
        let captured = CapturedLines()
        let log = Logger(label: "annual-review") { JSONLogHandler(label: $0, runID: "r", output: captured.output()) }
        log.error("\(Self.hostile)")
        let line = try #require(captured.all.first)
        #expect(!line.dropLast().unicodeScalars.contains(where: TerminalText.isControl), "\(line.debugDescription)")
        #expect(line.contains("\\u009b31m"))
        #expect(try object(line)["message"] == Self.hostile)
    }
}
