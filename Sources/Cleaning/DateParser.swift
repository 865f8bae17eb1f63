package import PipelineModel

/// Parses the export's dates (export-format.md): `dd/mm/yyyy`, `d/m/yyyy`, `yyyy-mm-dd` and ISO
/// timestamps (`2019-11-20T10:22:31`, with optional fraction and `Z` or `±hh:mm`), from bytes.
///
/// Impossible dates (31/02/2020) are nil, never rolled over; so are years before 1900 or
/// after 2999.
package enum DateParser {
    /// A parsed date and, for timestamps, the time of day and offset.
    package struct Parsed: Equatable, Sendable {
        /// The calendar date as written (before any offset is applied).
        package let day: Day
        /// Seconds since 1970-01-01T00:00:00Z; a value without a zone is taken as UTC.
        package let secondsSinceEpoch: Int64
    }

    /// The date of a field, or nil if it is not one of the accepted formats or not a real date.
    package static func day(_ bytes: UnsafeBufferPointer<UInt8>) -> Day? {
        parse(bytes)?.day
    }

    /// Parses a date or timestamp; nil when malformed or impossible.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Parsed? {
        var scanner = Scanner(bytes: FieldText.trimmed(bytes))
        guard let first = scanner.digits(max: 4) else { return nil }
        let year: Int, month: Int, dayOfMonth: Int
        if first.count == 4, scanner.take(0x2D) { // yyyy-mm-dd
            guard let m = scanner.digits(max: 2), m.count == 2, scanner.take(0x2D),
                  let d = scanner.digits(max: 2), d.count == 2 else { return nil }
            (year, month, dayOfMonth) = (first.value, m.value, d.value)
        } else if first.count <= 2, scanner.take(0x2F) { // d/m/yyyy or dd/mm/yyyy
            guard let m = scanner.digits(max: 2), scanner.take(0x2F),
                  let y = scanner.digits(max: 4), y.count == 4 else { return nil }
            (year, month, dayOfMonth) = (y.value, m.value, first.value)
        } else {
            return nil
        }
        // Years outside 1900...2999 are typing errors, not cases (the Ombudsman began in 1974),
        // and their reporting years could not even be labelled or bounded (year 0, year 10000).
        guard (1900 ... 2999).contains(year),
              let day = Day(year: year, month: month, day: dayOfMonth) else { return nil }
        var seconds = Int64(day.daysSinceEpoch) * 86_400
        if scanner.atEnd { return Parsed(day: day, secondsSinceEpoch: seconds) }
        // A time: `T` (or one space) then hh:mm[:ss[.fraction]], then an optional zone.
        guard scanner.take(0x54) || scanner.take(0x74) || scanner.take(0x20),
              let h = scanner.digits(max: 2), h.count == 2, h.value < 24, scanner.take(0x3A),
              let mi = scanner.digits(max: 2), mi.count == 2, mi.value < 60 else { return nil }
        var s = 0
        if scanner.take(0x3A) {
            guard let sec = scanner.digits(max: 2), sec.count == 2, sec.value < 61 else { return nil }
            s = sec.value
            if scanner.take(0x2E) || scanner.take(0x2C) {
                guard scanner.digits(max: 9) != nil else { return nil }
            }
        }
        seconds += Int64(h.value * 3600 + mi.value * 60 + s)
        if scanner.take(0x5A) || scanner.take(0x7A) { // Z
        } else if let sign = scanner.peek, sign == 0x2B || sign == 0x2D {
            _ = scanner.take(sign)
            guard let oh = scanner.digits(max: 2), oh.count == 2, oh.value < 24 else { return nil }
            _ = scanner.take(0x3A)
            guard let om = scanner.digits(max: 2), om.count == 2, om.value < 60 else { return nil }
            let offset = Int64(oh.value * 3600 + om.value * 60)
            seconds += sign == 0x2B ? -offset : offset
        }
        guard scanner.atEnd else { return nil }
        return Parsed(day: day, secondsSinceEpoch: seconds)
    }

    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var index: Int

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        var atEnd: Bool { index == bytes.endIndex }
        var peek: UInt8? { atEnd ? nil : bytes[index] }

        mutating func take(_ byte: UInt8) -> Bool {
            guard !atEnd, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        mutating func digits(max: Int) -> (value: Int, count: Int)? {
            var value = 0
            var count = 0
            while count < max, !atEnd, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                value = value * 10 + Int(bytes[index] - 0x30)
                count += 1
                index += 1
            }
            return count == 0 ? nil : (value, count)
        }
    }
}
