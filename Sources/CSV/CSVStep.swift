/// Where a ``CSVParser`` stands after a piece of a physical line, for its ``CSVSink``.
package struct CSVStep: Sendable, Equatable {
    /// The physical line the piece belongs to (1-based).
    package let line: Int
    /// The physical line on which the current (or just ended) record started.
    package let recordLine: Int
    /// Whether a record is still open after the piece (false after a ``problem``: the parser
    /// drops that record).
    package let inRecord: Bool
    /// Bytes of the field still being collected (a quoted field grows until it closes); a
    /// closing quote not yet confirmed counts as one of them.
    package let pendingFieldBytes: Int
    /// Whether this is the end of the data (after the last piece).
    package let isEnd: Bool
    /// What went wrong in the piece, if anything.
    package let problem: Problem?

    /// Why a piece could not be parsed.
    package enum Problem: Sendable, Equatable, CustomStringConvertible {
        /// `ab"c`: a quote in a field that did not start with one.
        case quoteInUnquotedField
        /// `"ab"c`: anything but a separator, a line break or a second quote after a closing quote.
        case textAfterClosingQuote
        /// The data ended inside a quoted field.
        case quoteNotClosedAtEnd
        /// libcsv failed for another reason (out of memory); its message.
        case parserFailed(String)

        /// The words used in errors and reject details.
        package var description: String {
            switch self {
            case .quoteInUnquotedField: "a quote inside an unquoted field"
            case .textAfterClosingQuote: "text after a closing quote"
            case .quoteNotClosedAtEnd: "quoted field not closed before the end of the file"
            case .parserFailed(let message): message
            }
        }
    }

    /// A step; see the properties.
    package init(line: Int, recordLine: Int, inRecord: Bool, pendingFieldBytes: Int, isEnd: Bool, problem: Problem?) {
        self.line = line
        self.recordLine = recordLine
        self.inRecord = inRecord
        self.pendingFieldBytes = pendingFieldBytes
        self.isEnd = isEnd
        self.problem = problem
    }
}
