/// A financial reporting year, 1 April to 31 March, labelled `2019-20`.
package struct ReportingYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which the reporting year starts (2019 for `2019-20`).
    package let startYear: Int

    /// The year starting on 1 April of `startYear`.
    package init(startYear: Int) { self.startYear = startYear }

    /// The reporting year containing `day`.
    package init(containing day: Day) {
        let (y, m, _) = day.components
        startYear = m >= 4 ? y : y - 1
    }

    /// The start years a label may name: those of every date Cleaning accepts (1900-01-01 to
    /// 2999-12-31), so that a year's first and last days always exist (`9999-00` would end in
    /// year 10000, which ``Day`` cannot hold).
    package static let supportedStartYears = 1899 ... 2999

    /// Parses a label such as `2019-20`; the second part must follow the first, and the year
    /// must start in ``supportedStartYears``.
    package init?(label: String) {
        let parts = label.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              let first = Int(parts[0]), let second = Int(parts[1]),
              Self.supportedStartYears.contains(first),
              (first + 1) % 100 == second else { return nil }
        startYear = first
    }

    /// The label, `2019-20`.
    package var label: String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    package var description: String { label }

    /// 1 April of the start year.
    package var firstDay: Day { Day(year: startYear, month: 4, day: 1)! }
    /// 31 March of the following year: the day on which "current" is judged.
    package var lastDay: Day { Day(year: startYear + 1, month: 3, day: 31)! }

    package static func < (a: ReportingYear, b: ReportingYear) -> Bool { a.startYear < b.startYear }
}

/// An inclusive range of reporting years, written `2019-20..2023-24` or `2019-20`.
package struct YearRange: Sendable, Equatable, CustomStringConvertible {
    /// The first year of the range.
    package let first: ReportingYear
    /// The last year of the range.
    package let last: ReportingYear

    /// The range from `first` to `last`; nil when reversed.
    package init?(first: ReportingYear, last: ReportingYear) {
        guard first <= last else { return nil }
        self.first = first
        self.last = last
    }

    /// The most years one range may span: a run writes every year's partition, letters and
    /// report pages, so a slip such as `1900-01..2999-00` must not ask for a millennium of them.
    package static let maximumYears = 100

    /// Parses `2019-20..2023-24` or a single `2019-20`; nil where ``init(parsing:)`` throws.
    package init?(_ text: String) {
        guard let range = try? YearRange(parsing: text) else { return nil }
        self = range
    }

    /// Parses `2019-20..2023-24` or a single `2019-20`.
    /// - Throws: ``Invalid`` saying what is wrong: the form, a year outside
    ///   ``ReportingYear/supportedStartYears``, a reversed range, or more than ``maximumYears``.
    package init(parsing text: String) throws(Invalid) {
        let parts = text.splitOnDoubleDot()
        guard parts.count == 1 || parts.count == 2 else {
            throw Invalid("expected a year such as 2023-24 or a range such as 2019-20..2023-24")
        }
        func year(_ part: String) throws(Invalid) -> ReportingYear {
            let label = part.trimmingSpaces
            if let year = ReportingYear(label: label) { return year }
            let supported = ReportingYear.supportedStartYears
            throw Invalid("'\(label)' is not a reporting year from \(ReportingYear(startYear: supported.lowerBound).label) "
                          + "to \(ReportingYear(startYear: supported.upperBound).label), written like 2019-20")
        }
        let a = try year(parts[0]), b = try year(parts[parts.count - 1])
        guard a <= b else { throw Invalid("the range ends (\(b.label)) before it starts (\(a.label))") }
        // Both start years lie in supportedStartYears, so the subtraction cannot overflow.
        guard b.startYear - a.startYear < Self.maximumYears else {
            throw Invalid("\(b.startYear - a.startYear + 1) years; a range spans at most \(Self.maximumYears)")
        }
        first = a
        last = b
    }

    /// Why a text is not a year range.
    package struct Invalid: Error, Sendable, Equatable, CustomStringConvertible {
        /// What is wrong, for a person.
        package let reason: String

        /// An error saying `reason`.
        package init(_ reason: String) { self.reason = reason }

        package var description: String { reason }
    }

    /// Every year of the range, in order.
    package var years: [ReportingYear] {
        (first.startYear ... last.startYear).map(ReportingYear.init(startYear:))
    }

    /// Whether `year` falls in the range.
    package func contains(_ year: ReportingYear) -> Bool { first <= year && year <= last }

    package var description: String { first == last ? first.label : "\(first.label)..\(last.label)" }
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
    package var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[start ... end])
    }
}
