package import Foundation
package import Logging
package import PipelineModel

/// A swift-log handler writing one JSON object per line, for log collectors (journald, Loki,
/// a cron mail grep): `time` (ISO 8601 UTC, milliseconds), `level`, `run_id`, `stage`,
/// `message`, then every other metadata field, keys sorted: an integer or a finite
/// floating-point value given as `.stringConvertible(n)` as a JSON number, anything else as a
/// string.
///
/// Under systemd (``JournalStream``) each line starts with its sd-daemon priority (`<3>` error,
/// `<4>` warning, `<6>` info): journald takes it as the entry's priority and strips it, so
/// the journal's message stays pure JSON.
///
/// `stage` is the metadata field `stage` when there is one, otherwise the logger's label.
/// Safe to call from any number of tasks at once: lines are written whole, under the
/// output's lock.
package struct JSONLogHandler: LogHandler {
    /// The logger's label.
    package let label: String
    /// The run's identifier, on every line.
    package let runID: String
    package var logLevel: Logger.Level = .info
    package var metadata: Logger.Metadata = [:]
    package var metadataProvider: Logger.MetadataProvider?
    /// Whether each line starts with its sd-daemon priority prefix (`<6>`), for journald.
    package var journalPriorities = false

    private let output: ConsoleOutput
    private let clock: @Sendable () -> Date

    /// A handler for the logger `label`, writing to `output` (standard error by default);
    /// `clock` gives each line's time.
    package init(label: String, runID: String, output: ConsoleOutput = .standardError,
                metadataProvider: Logger.MetadataProvider? = nil,
                clock: @escaping @Sendable () -> Date = { Date() }) {
        self.label = label
        self.runID = runID
        self.output = output
        self.metadataProvider = metadataProvider
        self.clock = clock
    }

    package subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    package func log(event: LogEvent) {
        var fields = metadata
        if let provided = metadataProvider?.get() { fields.merge(provided) { _, new in new } }
        if let explicit = event.metadata { fields.merge(explicit) { _, new in new } }
        if let error = event.error { fields["error"] = "\(error)" }
        let stage = fields.removeValue(forKey: "stage").map { "\($0)" } ?? label
        let line = Self.line(time: clock(), level: event.level, runID: runID, stage: stage,
                             message: event.message.description, values: fields.mapValues(FieldValue.init))
        output.writeLine(journalPriorities ? JournalStream.priorityPrefix(event.level) + line : line)
    }

    /// A field's value as written: a JSON number or a JSON string.
    package enum FieldValue: Sendable, Equatable {
        /// Written as it is: the text of a JSON number.
        case number(String)
        /// Written quoted and escaped.
        case string(String)

        /// An integer or finite floating-point value given as `.stringConvertible` is a number;
        /// everything else, a number given as a string included, is a string.
        package init(_ value: Logger.MetadataValue) {
            if case .stringConvertible(let convertible) = value {
                switch convertible {
                case let integer as any BinaryInteger:
                    self = .number("\(integer)")
                    return
                // Swift prints the shortest text that reads back as the same value; `1e-05`
                // is a JSON number too. NaN and infinities are not, so they stay strings.
                case let real as Double where real.isFinite:
                    self = .number("\(real)")
                    return
                case let real as Float where real.isFinite:
                    self = .number("\(real)")
                    return
                default: break
                }
            }
            self = .string("\(value)")
        }
    }

    /// The keys every line has, in order; a metadata field of the same name is written as
    /// `field.<name>` so that no object has a key twice.
    package static let fixedKeys = ["time", "level", "run_id", "stage", "message"]

    /// One log line (with its newline): the fixed keys, then `fields` (strings) sorted by key.
    package static func line(time: Date, level: Logger.Level, runID: String, stage: String, message: String,
                            fields: [String: String]) -> String {
        line(time: time, level: level, runID: runID, stage: stage, message: message, values: fields.mapValues(FieldValue.string))
    }

    /// One log line (with its newline): the fixed keys, then `values` sorted by key.
    package static func line(time: Date, level: Logger.Level, runID: String, stage: String, message: String,
                            values fields: [String: FieldValue]) -> String {
        var json = "{\"time\":\"\(timestamp(time))\",\"level\":\"\(level.rawValue)\""
        json += ",\"run_id\":" + quoted(runID) + ",\"stage\":" + quoted(stage) + ",\"message\":" + quoted(message)
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) {
            let name = fixedKeys.contains(key) ? "field." + key : key
            switch value {
            case .number(let number): json += "," + quoted(name) + ":" + number
            case .string(let text): json += "," + quoted(name) + ":" + quoted(text)
            }
        }
        return json + "}\n"
    }

    /// `2025-04-01T02:30:00.123Z`: UTC, milliseconds (truncated, so a line never appears to
    /// come from the next second).
    package static func timestamp(_ date: Date) -> String {
        // Whole microseconds first, so that binary fractions (.999 stored as .99899...) do not
        // lose a millisecond to the truncation.
        let microseconds = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        let millisecondsSinceEpoch = microseconds >= 0 ? microseconds / 1000 : (microseconds - 999) / 1000
        let seconds = millisecondsSinceEpoch >= 0 ? millisecondsSinceEpoch / 1000 : (millisecondsSinceEpoch - 999) / 1000
        let milliseconds = Int(millisecondsSinceEpoch - seconds * 1000)
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
            + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(milliseconds), 3))Z"
    }

    /// `text` as a JSON string literal (RFC 8259 escapes, and `\u00XX` for every other control
    /// character, C1 included; other characters as they are, UTF-8).
    static func quoted(_ text: String) -> String {
        var result = "\""
        result.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            // C1 controls too (U+0080-U+009F): JSON allows them raw, but a terminal showing
            // the log (journalctl, tail) may act on them.
            case _ where TerminalText.isControl(scalar):
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension JSONLogHandler {
    /// Sets up swift-log for the process: human-readable text (swift-log's stream format) when
    /// `format` is `text`, or `auto` and standard error is a terminal; JSON lines otherwise.
    ///
    /// - Important: swift-log allows one bootstrap per process: call this once, first thing in
    ///   the command's `run()`.
    ///
    /// JSON lines carry journald's priority prefix when standard error is the journal stream
    /// systemd connected (``JournalStream/isStandardError()``).
    package static func bootstrap(format: LogFormat, runID: String, level: Logger.Level = .info,
                                 output: ConsoleOutput = .standardError) {
        let journal = JournalStream.isStandardError()
        LoggingSystem.bootstrap { label in
            handler(label: label, format: format, runID: runID, level: level, output: output, journalPriorities: journal)
        }
    }

    /// The handler ``bootstrap(format:runID:level:output:)`` makes for the logger `label`.
    package static func handler(label: String, format: LogFormat, runID: String, level: Logger.Level = .info,
                               output: ConsoleOutput = .standardError, journalPriorities: Bool = false) -> any LogHandler {
        switch format.resolved(isTerminal: output.isTerminal) {
        case .json:
            var handler = JSONLogHandler(label: label, runID: runID, output: output)
            handler.logLevel = level
            handler.journalPriorities = journalPriorities
            return handler
        case .text, .auto:
            var handler = StreamLogHandler(label: label, stream: ConsoleStream(output: output), metadataProvider: nil)
            handler.logLevel = level
            return handler
        }
    }

    /// A fresh run identifier: a random UUID in lower case.
    package static func newRunID() -> String {
        UUID().uuidString.lowercased()
    }
}

/// A `TextOutputStream` over a ``ConsoleOutput``, so that swift-log's text lines also erase the
/// progress line before they are written.
///
/// swift-log writes each line whole (message, metadata and newline) in one call: its control
/// characters are escaped here, where the line is known to go to a person, except its final
/// newline (``TerminalText/escapedLine(_:)``).
struct ConsoleStream: TextOutputStream, Sendable {
    let output: ConsoleOutput

    mutating func write(_ string: String) {
        output.write(TerminalText.escapedLine(string))
    }
}
