package import Foundation

/// The JSON the program writes for people and tools alike (`manifest.json`, the last-run report,
/// `annual-review diff --format json`): keys sorted, indented, slashes as they are, and one
/// trailing newline, so that the same values always give the same bytes.
package enum PrettyJSON {
    /// `value` as such JSON; `dates`, when given, says how dates are written.
    /// - Throws: an `EncodingError` (not expected for the program's own values).
    package static func bytes(_ value: some Encodable, dates: JSONEncoder.DateEncodingStrategy? = nil) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        if let dates { encoder.dateEncodingStrategy = dates }
        var bytes = [UInt8](try encoder.encode(value))
        bytes.append(0x0A)
        return bytes
    }
}
