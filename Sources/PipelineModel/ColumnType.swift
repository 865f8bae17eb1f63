/// What the cells of a published table's column hold (outputs.md), and how their text is read.
///
/// An empty cell means "no value" in every column (outputs.md), whatever its type.
package enum ColumnType: Sendable, Equatable {
    /// A reporting year's label, `2019-20`.
    case year
    /// Any text.
    case text
    /// Text matching a regular expression (`[0-9]{2} [0-9]{3} [0-9]{3}`), checked by the data
    /// package's readers.
    case pattern(String)
    /// One of a closed list of texts.
    case oneOf([String])
    /// An ISO date, `2020-07-22`.
    case date
    /// `true` or `false`.
    case boolean
    /// A whole number, at least 0.
    case count
    /// A physical line of an input file, at least 1.
    case line
    /// A whole percentage, 0 to 100.
    case percent
    /// A figure per 100,000 residents with one decimal place (`4.8`, `11.0`), held in tenths.
    case per100k

    /// What a cell of the type is, for error messages (`a count`).
    package var noun: String {
        switch self {
        case .year: "reporting year"
        case .text: "text"
        case .pattern: "text of its pattern"
        case .oneOf: "value of its list"
        case .date: "date"
        case .boolean: "boolean (true or false)"
        case .count: "count"
        case .line: "line number"
        case .percent: "percentage"
        case .per100k: "one-decimal figure"
        }
    }

    /// The value of a cell whose text is `text`: ``TableValue/empty`` for an empty cell; nil when
    /// the text is not one of this type (a count that is not a number, a year that is no year).
    package func value(of text: String) -> TableValue? {
        guard !text.isEmpty else { return .empty }
        switch self {
        case .text, .pattern, .date:
            return .text(text)
        case .year:
            return ReportingYear(label: text) == nil ? nil : .text(text)
        case let .oneOf(values):
            return values.contains(text) ? .text(text) : nil
        case .boolean:
            switch text {
            case "true": return .boolean(true)
            case "false": return .boolean(false)
            default: return nil
            }
        case .count, .line, .percent:
            guard text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }), let value = Int(text) else {
                return nil
            }
            switch self {
            case .line: return value >= 1 ? .integer(value) : nil
            case .percent: return value <= 100 ? .integer(value) : nil
            default: return .integer(value)
            }
        case .per100k:
            // Digits, a point and one digit: what TableValue.tenths writes.
            let parts = text.split(separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count == 1, !parts[0].isEmpty,
                  (parts[0] + parts[1]).utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
                  let whole = Int(parts[0]), let tenth = Int(parts[1]) else { return nil }
            return .tenths(whole * 10 + tenth)
        }
    }
}

/// One cell of a published table, typed: what a table's column computes from the figures and
/// what a reader gets back from the cell's text.
package enum TableValue: Sendable, Hashable {
    /// Text as published (names, labels, dates, references).
    case text(String)
    /// A whole number (counts, percentages, populations, lines).
    case integer(Int)
    /// A figure with one decimal place, in tenths (48 is `4.8`).
    case tenths(Int)
    /// `true` or `false`.
    case boolean(Bool)
    /// No value: an empty cell.
    case empty

    /// `value` as a whole number, or ``empty`` for nil.
    package init(_ value: Int?) {
        self = value.map { .integer($0) } ?? .empty
    }

    /// `value` in tenths, or ``empty`` for nil.
    package init(tenths value: Int?) {
        self = value.map { .tenths($0) } ?? .empty
    }

    /// The cell's text as the tables print it: integers in decimal, tenths with one decimal
    /// place (48 -> `4.8`, 110 -> `11.0`, 0 -> `0.0`), booleans as `true`/`false`, nothing for
    /// ``empty``. ``ColumnType/value(of:)`` reads it back.
    package var text: String {
        switch self {
        case let .text(text): text
        case let .integer(value): String(value)
        case let .tenths(tenths): "\(tenths < 0 ? "-" : "")\(tenths.magnitude / 10).\(tenths.magnitude % 10)"
        case let .boolean(value): value ? "true" : "false"
        case .empty: ""
        }
    }
}
