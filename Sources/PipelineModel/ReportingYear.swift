/// A financial reporting year, 1 April to 31 March, labelled `2019-20`.
public struct ReportingYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the reporting year starts (2019 for `2019-20`).
    public let startYear: Int

    /// The year starting on 1 April of `startYear`.
    public init(startYear: Int) { self.startYear = startYear }

    /// The reporting year containing `day`.
    public init(containing day: Day) {
        let (y, m, _) = day.components
        startYear = m >= 4 ? y : y - 1
    }

    /// Parses a label such as `2019-20`; the second part must follow the first.
    public init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let first = Int(parts[0]), let second = Int(parts[1]),
              (first + 1) % 100 == second else { return nil }
        startYear = first
    }

    /// The label, `2019-20`.
    public var label: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    public var description: String { label }

    /// 1 April of the start year.
    public var firstDay: Day { Day(year: startYear, month: 4, day: 1)! }
    /// 31 March of the following year: the day on which "current" is judged.
    public var lastDay: Day { Day(year: startYear + 1, month: 3, day: 31)! }

    public static func < (a: ReportingYear, b: ReportingYear) -> Bool { a.startYear < b.startYear }
}

/// An inclusive range of reporting years, written `2019-20..2023-24` or `2019-20`.
public struct YearRange: Sendable, Equatable, CustomStringConvertible {
    /// The first year of the range.
    public let first: ReportingYear
    /// The last year of the range.
    public let last: ReportingYear

    /// The range from `first` to `last`; nil when reversed.
    public init?(first: ReportingYear, last: ReportingYear) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// Parses `2019-20..2023-24` or a single `2019-20`.
    public init?(_ text: String) {
        let parts = text.splitOnDoubleDot()
        guard parts.count == 1 || parts.count == 2,
              let a = ReportingYear(label: parts[0].trimmingSpaces),
              let b = ReportingYear(label: parts[parts.count - 1].trimmingSpaces),
              a <= b else { return nil }
        first = a
        last = b
    }

    /// Every year of the range, in order.
    public var years: [ReportingYear] {
        (first.startYear ... last.startYear).map(ReportingYear.init(startYear:))
    }

    /// Whether `year` falls in the range.
    public func contains(_ year: ReportingYear) -> Bool { first <= year && year <= last }

    public var description: String { first == last ? first.label : "\(first.label)..\(last.label)" }
}

extension String {
    /// The parts of the string between `..` separators.
    func splitOnDoubleDot() -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let r = rest.firstRange(of: "..") {
            parts.append(String(rest[..<r.lowerBound]))
            rest = rest[r.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }

    /// The string without leading and trailing spaces and tabs (the only padding the
    /// exports and reference tables use; other white space is content).
    public var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[start ... end])
    }
}
