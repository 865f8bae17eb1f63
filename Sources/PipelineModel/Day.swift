/// A calendar date without a time, as a count of days since 1970-01-01 (proleptic Gregorian).
///
/// Cheap to compare and to store in per-case entries; built from validated components only.
package struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01.
    package let daysSinceEpoch: Int32

    /// The day with that number.
    package init(daysSinceEpoch: Int32) { self.daysSinceEpoch = daysSinceEpoch }

    /// The date `year`-`month`-`day`, or nil if no such date exists (31/02, 29/02/2023, month 13).
    package init?(year: Int, month: Int, day: Int) {
        guard (1 ... 9999).contains(year), (1 ... 12).contains(month),
              day >= 1, day <= Day.daysIn(month: month, year: year) else { return nil }
        daysSinceEpoch = Int32(Day.civilToDays(year: year, month: month, day: day))
    }

    /// Whether `year` is a leap year in the Gregorian calendar.
    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in `month` of `year`.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Howard Hinnant's days_from_civil: exact for every Gregorian date, no tables.
    private static func civilToDays(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Year, month and day of the date.
    package var components: (year: Int, month: Int, day: Int) {
        let z = Int(daysSinceEpoch) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// ISO 8601, `2019-04-03`.
    package var description: String {
        let (y, m, d) = components
        guard (1000 ... 9999).contains(y) else {
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            return "\(y)-\(two(m))-\(two(d))"
        }
        return String(unsafeUninitializedCapacity: 10) { b in
            Self.writeISO(y, m, d, to: b.baseAddress!)
            return 10
        }
    }

    /// Appends ``description``'s bytes to `buffer` without making a `String`: the per-case
    /// tables print a date on each of millions of rows.
    package func appendISO(to buffer: inout CSVRecordBuffer) {
        let (y, m, d) = components
        guard (1000 ... 9999).contains(y) else {
            buffer.appendField(description)
            return
        }
        buffer.append(count: 10) { Self.writeISO(y, m, d, to: $0) }
    }

    /// Writes `yyyy-mm-dd` (a year of four digits) to the ten bytes at `b`, digit by digit:
    /// interpolation made several strings for each date.
    private static func writeISO(_ y: Int, _ m: Int, _ d: Int, to b: UnsafeMutablePointer<UInt8>) {
        for (i, value) in [(0, y / 100), (2, y % 100), (5, m), (8, d)] {
            b[i] = 0x30 + UInt8(value / 10)
            b[i + 1] = 0x30 + UInt8(value % 10)
        }
        b[4] = UInt8(ascii: "-")
        b[7] = UInt8(ascii: "-")
    }

    package static func < (a: Day, b: Day) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }
}
