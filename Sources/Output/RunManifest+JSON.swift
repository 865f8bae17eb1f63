package import Foundation
import Glibc
import PipelineModel

// manifest.json's bytes: written with sorted keys and indented, the outputs by hand in the
// encoder's own layout, and read back.
extension RunManifest {
    /// The manifest as `manifest.json`'s bytes.
    ///
    /// The same bytes as ``PrettyJSON`` gives for the whole manifest, but the outputs (30,000
    /// entries for the full register over fourteen years) are written here, in the encoder's
    /// own layout: through `JSONEncoder` they took 0.1 s, on one core, at the end of every run.
    /// The encoder writes the rest with one stand-in entry, which is replaced.
    /// - Throws: an `EncodingError` (not expected for these values).
    package func jsonBytes() throws -> [UInt8] {
        guard !outputs.isEmpty else { return try Self.encoded(self) }
        var standIn = self
        standIn.outputs = [FileDigest(path: Self.standInPath, bytes: 0, sha256: "")]
        let encoded = try Self.encoded(standIn)
        // The stand-in's path holds a NUL, which JSON can only write escaped: `"\u0000...` can
        // come from nowhere else, whatever the other strings hold.
        let marker = Array("\"path\" : \"\\u0000\(Self.standInPath.dropFirst())\"".utf8)
        guard let at = Self.firstIndex(of: marker, in: encoded),
              let open = encoded[..<at].lastIndex(of: UInt8(ascii: "{")),
              let close = encoded[at...].firstIndex(of: UInt8(ascii: "}")) else {
            return try Self.encoded(self)
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count + outputs.count * 160)
        bytes += encoded[..<open]
        // The entries' fixed parts made once: a publication lists some 15,000 files, and this
        // runs between the last file staged and the exchange, with nothing else to do.
        let between = Array(",\n    ".utf8), opening = Array("{\n      \"bytes\" : ".utf8)
        let path = Array(",\n      \"path\" : ".utf8), sha256 = Array(",\n      \"sha256\" : ".utf8)
        let closing = Array("\n    }".utf8)
        for (index, output) in outputs.enumerated() {
            if index > 0 { bytes += between }
            bytes += opening
            CSVFormat.appendDecimal(output.bytes, to: &bytes)
            bytes += path
            Self.appendJSONString(output.path, to: &bytes)
            bytes += sha256
            Self.appendJSONString(output.sha256, to: &bytes)
            bytes += closing
        }
        bytes += encoded[(close + 1)...]
        return bytes
    }

    /// The stand-in output's path (see ``jsonBytes()``).
    private static let standInPath = "\u{0}outputs"

    private static func encoded(_ manifest: RunManifest) throws -> [UInt8] {
        try PrettyJSON.bytes(manifest, dates: .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Self.iso8601(date))
        })
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for start in 0 ... haystack.count - needle.count where haystack[start] == needle[0] {
            if haystack[start ..< start + needle.count].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// `text` as a JSON string the way ``PrettyJSON``'s encoder writes it: `"` and `\\`
    /// escaped, the control characters as `\b \f \n \r \t` or `\u00XX`, slashes and every
    /// other character as they are.
    private static func appendJSONString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        // Almost every path and digest needs no escape: copied whole.
        let plain = text.withUTF8 { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain {
            bytes.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x00 ..< 0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Reads a manifest back from `manifest.json`'s bytes.
    /// - Throws: a `DecodingError` when the bytes are not such a manifest.
    package static func decode(_ bytes: some Collection<UInt8>) throws -> RunManifest {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = parseISO8601(text) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO 8601 UTC time: \(text)")
            }
            return date
        }
        return try decoder.decode(RunManifest.self, from: Data(bytes))
    }

    /// `date` as ISO 8601 UTC to the second, `2024-05-01T02:03:04Z`.
    package static func iso8601(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year = String(parts.tm_year + 1900)
        return "\(year)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    private static func parseISO8601(_ text: String) -> Date? {
        let b = Array(text.utf8)
        guard b.count == 20, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"), b[10] == UInt8(ascii: "T"),
              b[13] == UInt8(ascii: ":"), b[16] == UInt8(ascii: ":"), b[19] == UInt8(ascii: "Z") else { return nil }
        func number(_ r: Range<Int>) -> Int32? {
            var n: Int32 = 0
            for i in r {
                guard b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") else { return nil }
                n = n * 10 + Int32(b[i] - UInt8(ascii: "0"))
            }
            return n
        }
        guard let year = number(0 ..< 4), let month = number(5 ..< 7), let day = number(8 ..< 10),
              let hour = number(11 ..< 13), let minute = number(14 ..< 16), let second = number(17 ..< 19)
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        let seconds = timegm(&parts)
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
