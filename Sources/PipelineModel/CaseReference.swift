/// A case reference's eight digits, as the run holds them (a number) and as outputs.md writes
/// them (`19 012 345`). Every table, page and command that shows a reference goes through here.
package enum CaseReference {
    /// `19012345` -> `19 012 345`; fewer digits are padded with leading zeros.
    package static func text(_ reference: UInt32) -> String {
        if reference < 100_000_000 {
            return String(unsafeUninitializedCapacity: 10) { b in
                write(reference, to: b.baseAddress!)
                return 10
            }
        }
        let digits = String(reference)
        let padded = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
        let a = padded.prefix(2), b = padded.dropFirst(2).prefix(3), c = padded.dropFirst(5)
        return "\(a) \(b) \(c)"
    }

    /// Appends ``text(_:)``'s bytes to `buffer` without making a `String`: the per-case tables
    /// print a reference on each of millions of rows.
    package static func append(_ reference: UInt32, to buffer: inout CSVRecordBuffer) {
        guard reference < 100_000_000 else {
            buffer.appendField(text(reference))
            return
        }
        buffer.append(count: 10) { write(reference, to: $0) }
    }

    /// Writes the eight digits of `reference` (below 100,000,000) grouped 2-3-3 to the ten bytes
    /// at `b`, digit by digit from the last.
    private static func write(_ reference: UInt32, to b: UnsafeMutablePointer<UInt8>) {
        var rest = reference
        for i in [9, 8, 7, 5, 4, 3, 1, 0] {
            b[i] = 0x30 + UInt8(rest % 10)
            rest /= 10
        }
        b[2] = UInt8(ascii: " ")
        b[6] = UInt8(ascii: " ")
    }

    /// `19 012 345` (or `19012345`) -> 19012345; nil unless it is eight digits, optionally
    /// grouped 2-3-3 by single spaces.
    package static func parse(_ text: some StringProtocol) -> UInt32? {
        let bytes = Array(text.utf8)
        let digits: [UInt8]
        if bytes.count == 10, bytes[2] == UInt8(ascii: " "), bytes[6] == UInt8(ascii: " ") {
            digits = Array(bytes[0..<2] + bytes[3..<6] + bytes[7..<10])
        } else {
            digits = bytes
        }
        guard digits.count == 8 else { return nil }
        var value: UInt32 = 0
        for digit in digits {
            guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + UInt32(digit - UInt8(ascii: "0"))
        }
        return value
    }
}
