import Foundation

/// The name normalisation and stripping rules of authorities.md, applied alike to a case's
/// name and to every register name.
package enum AuthorityName {
    /// Unicode NFKC, lower case, `&` -> `and`, `.` `'` `,` dropped, hyphens to spaces,
    /// spaces collapsed and trimmed.
    package static func normalise(_ name: String) -> String {
        var name = name
        if let ascii = name.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? normaliseASCII($0) : nil }) { return ascii }
        // NFKC also turns the no-break space of Windows-1252 text (0xA0) into a plain space.
        let folded = name.precomposedStringWithCompatibilityMapping.lowercased()
        var out = String.UnicodeScalarView()
        for ch in folded.unicodeScalars {
            switch ch {
            case ".", "'", ",": continue
            case "&": out.append(contentsOf: "and".unicodeScalars)
            case "-": out.append(" ")
            default: out.append(ch)
            }
        }
        return String(out).split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// ``normalise(_:)`` of an ASCII name, byte by byte: NFKC leaves ASCII as it is and lower
    /// case is A-Z to a-z, so neither needs Foundation's Unicode tables, which cost each parse
    /// worker about 4 µs a name (most names are ASCII). Whitespace is what `Character.isWhitespace`
    /// is in ASCII: tab to carriage return, and space.
    private static func normaliseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        var spaceBefore = false
        func append(_ byte: UInt8) {
            if spaceBefore && !out.isEmpty { out.append(0x20) }
            spaceBefore = false
            out.append(byte)
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "'"), UInt8(ascii: ","): continue
            case UInt8(ascii: "&"): "and".utf8.forEach(append)
            case UInt8(ascii: "-"), 0x09 ... 0x0D, 0x20: spaceBefore = true
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"): append(byte + 0x20)
            default: append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Trailing authority word groups that may be stripped once (authorities.md).
    package static let trailingGroups = [
        "metropolitan borough council", "borough council", "district council", "county council",
        "city council", "council", "mbc", "cc", "bc", "dc",
    ]

    /// Leading groups that may be stripped once.
    package static let leadingGroups = ["london borough of", "royal borough of", "city of"]

    /// Every non-empty name left by stripping one trailing group, a leading group, or both,
    /// from a normalised name (sorted, without duplicates).
    package static func strippedForms(of normalised: String) -> [String] {
        let trails: [String?] = trailingGroups.filter { normalised.hasSuffix(" " + $0) } + [nil]
        let leads: [String?] = leadingGroups.filter { normalised.hasPrefix($0 + " ") } + [nil]
        var forms = Set<String>()
        for trail in trails {
            for lead in leads where trail != nil || lead != nil {
                var name = Substring(normalised)
                if let trail { name = name.dropLast(trail.count + 1) }
                if let lead {
                    guard name.hasPrefix(lead + " ") else { continue }
                    name = name.dropFirst(lead.count + 1)
                }
                let form = name.trimmingCharacters(in: .whitespaces)
                if !form.isEmpty { forms.insert(form) }
            }
        }
        return forms.sorted()
    }
}
