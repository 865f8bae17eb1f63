/// JSON written straight into bytes as it is made, without white space between tokens: for data
/// that programs read (the map's files), where building a ``JSONText`` tree first cost more than
/// writing its bytes.
///
/// Commas go in by themselves: a key or a value that does not follow `{`, `[` or a key's `:`
/// is preceded by one. Keys given as literals are written as they are (plain names that need no
/// escaping); keys made at run time and string values are escaped as ``JSONText`` escapes them, so that the same values give the same bytes.
struct CompactJSON {
    /// The bytes so far.
    private(set) var bytes: [UInt8] = []

    /// An empty document, with room for `capacity` bytes.
    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
    }

    /// A member's key, `"name":`; its value follows.
    mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }

    /// A member's key made at run time (a column's name), escaped as a string is.
    mutating func key(_ name: String) {
        separate()
        JSONText.writeString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
    }

    /// A string, escaped, or `null`.
    mutating func string(_ value: String?) {
        guard let value else { return null() }
        separate()
        JSONText.writeString(value, to: &bytes)
    }

    /// A whole number, or `null`.
    mutating func integer(_ value: Int?) {
        guard let value else { return null() }
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var magnitude = value.magnitude
        withUnsafeMutableBytes(of: &digits) { room in
            repeat {
                room[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            bytes.append(contentsOf: room[(20 - count)...])
        }
    }

    /// A one-decimal number from tenths (48 -> `4.8`), or `null`.
    mutating func tenths(_ value: Int?) {
        guard let value else { return null() }
        separate()
        bytes.append(contentsOf: NumberText.decimal(tenths: value).utf8)
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// The comma before a key or a value, unless it opens its object or array or follows its key.
    private mutating func separate() {
        guard let last = bytes.last, last != UInt8(ascii: "{"), last != UInt8(ascii: "["), last != UInt8(ascii: ":")
        else { return }
        bytes.append(UInt8(ascii: ","))
    }
}
