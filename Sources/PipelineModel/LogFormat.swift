/// How log lines are written: the `log-format` setting, read by the command line, the pipeline
/// definition and the log handler (one type for all three).
package enum LogFormat: String, Sendable, CaseIterable {
    /// Human-readable text when standard error is a terminal, JSON lines otherwise.
    case auto
    /// Human-readable text (swift-log's stream format).
    case text
    /// One JSON object per line.
    case json

    /// `text` or `json`: `auto` decided by whether the output is a terminal.
    package func resolved(isTerminal: Bool) -> LogFormat {
        switch self {
        case .auto: isTerminal ? .text : .json
        case .text, .json: self
        }
    }
}
