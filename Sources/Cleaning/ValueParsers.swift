package import PipelineModel

/// Parses case references: spaces and hyphens removed, exactly eight digits (`19 012 345`).
package enum ReferenceParser {
    /// The reference's digits as a number, or nil when not eight digits after removing
    /// spaces and hyphens.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32? {
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
package enum FlagParser {
    /// true or false; nil for a blank field; throws-free `.invalid` for anything else.
    package enum Value: Equatable, Sendable {
        case yes, no, blank, invalid
    }

    // Arrays, not sets: four comparisons of two words each cost less than hashing the value,
    // and two flags are read on every row.
    private static let yes: [ShortWords] = ["y", "yes", "true", "1"]
    private static let no: [ShortWords] = ["n", "no", "false", "0"]

    /// The flag's value.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Value {
        let t = FieldText.trimmed(bytes)
        if t.isEmpty { return .blank }
        guard let words = ShortWords(t) else { return .invalid }
        return yes.contains(words) ? .yes : no.contains(words) ? .no : .invalid
    }
}

/// Parses `compliance_outcome`: `Complied`, `Complied late`, `Not complied`, `Awaiting` or blank.
package enum ComplianceParser {
    // Searched in order rather than hashed, as the flags are.
    private static let outcomes: [(words: ShortWords, outcome: ComplianceOutcome)] = [
        ("complied", .complied), ("complied late", .compliedLate), ("not complied", .notComplied), ("awaiting", .awaiting),
    ]

    /// The outcome; `.success(nil)` for blank, `.failure` for text outside the vocabulary.
    package static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<ComplianceOutcome?, UnknownValue> {
        let t = FieldText.trimmed(bytes)
        if t.isEmpty { return .success(nil) }
        guard let words = ShortWords(t, foldingSeparators: true),
              let outcome = outcomes.first(where: { $0.words == words })?.outcome else {
            return .failure(UnknownValue(text: FieldText.decode(t).text))
        }
        return .success(outcome)
    }

    /// A value outside the vocabulary.
    package struct UnknownValue: Error, Equatable {
        /// The value as written.
        package let text: String
    }
}
