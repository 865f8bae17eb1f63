import PipelineModel

/// Parses case references: spaces and hyphens removed, exactly eight digits (`19 012 345`).
public enum ReferenceParser {
    /// The reference's digits as a number, or nil when not eight digits after removing
    /// spaces and hyphens.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> UInt32? {
        var value: UInt32 = 0
        var digits = 0
        for byte in bytes {
            switch byte {
            case 0x30 ... 0x39:
                digits += 1
                guard digits <= 8 else { return nil }
                value = value * 10 + UInt32(byte - 0x30)
            case 0x20, 0x2D, 0x09:
                continue
            default:
                return nil
            }
        }
        return digits == 8 ? value : nil
    }
}

/// Parses the export's yes/no flags: `Y`/`N`, `Yes`/`No`, `TRUE`/`FALSE`, `1`/`0`, any case.
public enum FlagParser {
    /// true or false; nil for a blank field; throws-free `.invalid` for anything else.
    public enum Value: Equatable, Sendable {
        case yes, no, blank, invalid
    }

    /// The flag's value.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Value {
        let t = FieldText.trimmed(bytes)
        if t.isEmpty { return .blank }
        switch lowercasedASCII(t) {
        case "y", "yes", "true", "1": return .yes
        case "n", "no", "false", "0": return .no
        default: return .invalid
        }
    }

    static func lowercasedASCII(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
    }
}

/// Parses `compliance_outcome`: `Complied`, `Complied late`, `Not complied`, `Awaiting` or blank.
public enum ComplianceParser {
    /// The outcome; `.success(nil)` for blank, `.failure` for text outside the vocabulary.
    public static func parse(_ bytes: ArraySlice<UInt8>) -> Result<ComplianceOutcome?, UnknownValue> {
        let t = FieldText.trimmed(bytes)
        if t.isEmpty { return .success(nil) }
        let words = FlagParser.lowercasedASCII(t).split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "-" })
        switch words.joined(separator: " ") {
        case "complied": return .success(.complied)
        case "complied late": return .success(.compliedLate)
        case "not complied": return .success(.notComplied)
        case "awaiting": return .success(.awaiting)
        default: return .failure(UnknownValue(text: FieldText.decode(t).text))
        }
    }

    /// A value outside the vocabulary.
    public struct UnknownValue: Error, Equatable {
        /// The value as written.
        public let text: String
    }
}
