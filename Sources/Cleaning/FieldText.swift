/// Byte-level helpers for field values: trimming, UTF-8 validation and the Windows-1252
/// fallback of export-format.md.
///
/// Hand-written rather than through Foundation: the check runs on every field of every row
/// (tens of millions), so it must not allocate, and Foundation's decoders do.
package enum FieldText {
    /// The bytes without leading and trailing spaces and tabs (a view of the same memory).
    @inlinable
    package static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, bytes[lower] == 0x20 || bytes[lower] == 0x09 { lower += 1 }
        while upper > lower, bytes[upper - 1] == 0x20 || bytes[upper - 1] == 0x09 { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower ..< upper])
    }

    /// What a run of bytes is as a whole (``encoding(_:)``).
    package enum Encoding: Sendable, Equatable {
        /// Every byte is ASCII (below 0x80).
        case ascii
        /// Well-formed UTF-8, not all ASCII.
        case utf8
        /// Not well-formed UTF-8.
        case invalid
    }

    /// Whether the bytes are well-formed UTF-8 (no overlongs, surrogates or values past U+10FFFF).
    package static func isValidUTF8(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        encoding(buffer) != .invalid
    }

    /// Whether the bytes are all ASCII, well-formed UTF-8 or neither, in one pass (ASCII
    /// eight bytes at a time).
    package static func encoding(_ buffer: UnsafeBufferPointer<UInt8>) -> Encoding {
        var i = 0
        let n = buffer.count
        var ascii = true
        while i < n {
            // ASCII fast path, eight bytes at a time.
            while i + 8 <= n {
                let word = UnsafeRawPointer(buffer.baseAddress! + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { break }
                i += 8
            }
            guard i < n else { break }
            let b0 = buffer[i]
            if b0 < 0x80 { i += 1; continue }
            ascii = false
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch b0 {
            case 0xC2 ... 0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1 ... 0xEC, 0xEE ... 0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1 ... 0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return .invalid
            }
            guard i + length <= n else { return .invalid }
            let b1 = buffer[i + 1]
            guard b1 >= lowerBound, b1 <= upperBound else { return .invalid }
            var k = 2
            while k < length {
                guard buffer[i + k] & 0xC0 == 0x80 else { return .invalid }
                k += 1
            }
            i += length
        }
        return ascii ? .ascii : .utf8
    }

    /// Whether `buffer[range]` is well-formed UTF-8, when the whole of `buffer` is: exactly when
    /// it starts and ends between two characters, that is at neither side of it a continuation
    /// byte (10xxxxxx) of `buffer`. A check of a few bytes instead of all of them.
    package static func isWholeCharacters(_ range: Range<Int>, ofValidUTF8 buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        func startsCharacter(_ i: Int) -> Bool { i == buffer.count || buffer[i] & 0xC0 != 0x80 }
        return range.isEmpty || (startsCharacter(range.lowerBound) && startsCharacter(range.upperBound))
    }

    /// Decodes a field: as UTF-8 when valid, else every byte as Windows-1252 (WHATWG table).
    /// `reencoded` tells which happened.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, reencoded: Bool) {
        if isValidUTF8(bytes) {
            return (String(decoding: bytes, as: UTF8.self), false)
        }
        var scalars = String.UnicodeScalarView()
        for byte in bytes { scalars.append(windows1252(byte)) }
        return (String(scalars), true)
    }

    /// The character a Windows-1252 byte stands for (WHATWG encoding standard's index).
    package static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        return Unicode.Scalar(windows1252C1[Int(byte - 0x80)])!
    }

    // 0x80...0x9F; WHATWG maps the five bytes Windows leaves undefined to the C1 controls.
    private static let windows1252C1: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
