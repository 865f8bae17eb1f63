import PipelineModel

/// The bytes of an HTML page under construction: markup appended as is, values escaped.
///
/// The report pages are built with it in typed Swift rather than through Mustache: they are
/// markup, not wording an analyst edits, and a page of a full register's report costs a few
/// microseconds this way against hundreds through the template engine's dynamic look-ups
/// (notes/rendering-cost.md; `scripts/bench --publication` measures both kinds of page).
///
/// Hand-written memory rather than an `[UInt8]`: a page is a few dozen small appends per row,
/// and an array checks its uniqueness and capacity, out of line, on every one of them (a fifth
/// of the year index's cost). Not copyable, so that the memory has one owner; ``bytes`` copies
/// the page out once, when it is done.
struct HTMLBuffer: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// The number of bytes so far.
    private(set) var count = 0

    /// An empty page, with room for `capacity` bytes.
    init(capacity: Int = 8192) {
        self.capacity = max(capacity, 64)
        start = .allocate(capacity: self.capacity)
    }

    deinit {
        start.deallocate()
    }

    /// The page so far, UTF-8.
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: start, count: count))
    }

    /// Appends markup as is.
    mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { append($0) }
    }

    /// Appends markup made earlier, as is.
    mutating func raw(_ markup: UnsafeBufferPointer<UInt8>) {
        append(markup)
    }

    /// Appends a value with `&`, `<`, `>`, `"` and `'` escaped, so it is text wherever it
    /// stands (element content or a quoted attribute).
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in MarkupEscape.runs(of: utf8, quotes: true) { append($0) } }
    }

    /// Appends a percentage cell's text: `86%`, or `n/a` for no value (``ReportPage/percent(_:)``
    /// without making a string).
    mutating func percent(_ value: Int?) {
        guard let value else { return raw("n/a") }
        number(value)
        append(UInt8(ascii: "%"))
    }

    /// Appends a case reference as ``CaseReference/text(_:)`` writes it (`19 012 345`), without
    /// making a string: the year page lists every case behind its figures.
    mutating func reference(_ reference: UInt32) {
        reserve(10)
        var rest = reference % 100_000_000
        // Right to left: three digits, a space, three digits, a space, two digits.
        for i in stride(from: 9, through: 0, by: -1) {
            if i == 2 || i == 6 {
                start[count + i] = UInt8(ascii: " ")
                continue
            }
            start[count + i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += 10
    }

    /// Appends a date as the pages write it (`14 July 2023`, ``StatisticCases/dateText(_:)``),
    /// without making a string.
    mutating func longDate(_ day: Day) {
        let (year, month, date) = day.components
        number(date)
        append(UInt8(ascii: " "))
        let name = Self.months[month - 1]
        append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        append(UInt8(ascii: " "))
        number(year)
    }

    private static let months: [StaticString] = ["January", "February", "March", "April", "May", "June", "July", "August",
                                                 "September", "October", "November", "December"]

    /// Appends an attribute with a whole-number value: ` x="48"`.
    mutating func attribute(_ name: StaticString, _ value: Int) {
        append(UInt8(ascii: " "))
        append(UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        append(UInt8(ascii: "="))
        append(UInt8(ascii: "\""))
        number(value)
        append(UInt8(ascii: "\""))
    }

    /// Appends a whole number.
    mutating func number(_ value: Int) {
        reserve(20)
        if value < 0 {
            start[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1, rest = value.magnitude / 10
        while rest > 0 {
            digits += 1
            rest /= 10
        }
        var magnitude = value.magnitude
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            start[i] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        }
        count += digits
    }

    private mutating func append(_ byte: UInt8) {
        reserve(1)
        start[count] = byte
        count += 1
    }

    private mutating func append(_ chunk: UnsafeBufferPointer<UInt8>) {
        guard let source = chunk.baseAddress, !chunk.isEmpty else { return }
        reserve(chunk.count)
        // Most chunks are a tag or two: copied in place, eight bytes at a time, without a call
        // to memmove, which was a fifth of the year index's rows.
        let n = chunk.count
        if n <= 32 {
            let to = UnsafeMutableRawPointer(start + count), from = UnsafeRawPointer(source)
            if n >= 8 {
                for offset in stride(from: 0, to: n - 8, by: 8) {
                    to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
                }
                // The last eight bytes, overlapping what is already copied.
                to.storeBytes(of: from.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self), toByteOffset: n - 8, as: UInt64.self)
            } else {
                for i in 0 ..< n { start[count + i] = source[i] }
            }
        } else {
            (start + count).initialize(from: source, count: chunk.count)
        }
        count += chunk.count
    }

    /// Makes room for `extra` more bytes, doubling the memory when it is short.
    private mutating func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        let grown = max(capacity * 2, count + extra)
        let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        moved.initialize(from: start, count: count)
        start.deallocate()
        start = moved
        capacity = grown
    }
}
