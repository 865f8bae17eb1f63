/// The bytes of an HTML page under construction: markup appended as is, values escaped.
///
/// The report pages are built with it in typed Swift rather than through Mustache: they are
/// markup, not wording an analyst edits, and a page of a full register's report costs a few
/// microseconds this way against hundreds through the template engine's dynamic look-ups
/// (notes/rendering-cost.md; `scripts/bench --publication` measures both kinds of page).
struct HTMLBuffer {
    /// The page so far, UTF-8.
    private(set) var bytes: [UInt8] = []

    /// An empty page, with room for `capacity` bytes.
    init(capacity: Int = 8192) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends markup as is.
    mutating func raw(_ markup: String) {
        var markup = markup
        markup.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a value with `&`, `<`, `>`, `"` and `'` escaped, so it is text wherever it
    /// stands (element content or a quoted attribute).
    mutating func text(_ value: String) {
        var value = value
        value.withUTF8 { utf8 in
            // Runs between the characters to escape are appended whole, not a byte at a time.
            var run = 0
            for i in utf8.indices {
                let entity: StaticString
                switch utf8[i] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< i]))
                bytes.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
    }

    /// Appends a percentage cell's text: `86%`, or `n/a` for no value (``ReportPage/percent(_:)``
    /// without making a string).
    mutating func percent(_ value: Int?) {
        guard let value else { return raw("n/a") }
        number(value)
        bytes.append(UInt8(ascii: "%"))
    }

    /// Appends an attribute with a whole-number value: ` x="48"`.
    mutating func attribute(_ name: StaticString, _ value: Int) {
        bytes.append(UInt8(ascii: " "))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "="))
        bytes.append(UInt8(ascii: "\""))
        number(value)
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends a whole number.
    mutating func number(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for i in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[i]) }
        }
    }
}
