/// The form under which recorded texts and rule texts are compared (statistics.md: "matching
/// ignores case, surrounding spaces and punctuation differences").
package enum RuleKey {
    /// Lower case; apostrophes dropped; `&` read as `and`; every other punctuation or symbol run becomes one
    /// space; spaces collapsed and trimmed. `Upheld: fault` and `upheld - fault.` agree.
    package static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" { continue }
            if scalar == "&" {
                // `Planning & building control` = `Planning and building control`.
                if !out.isEmpty { out.append(" ") }
                out.append(contentsOf: "and".unicodeScalars)
                pendingSpace = true
                continue
            }
            let p = scalar.properties
            if p.isAlphabetic || p.numericType != nil {
                if pendingSpace && !out.isEmpty { out.append(" ") }
                pendingSpace = false
                out.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return String(out)
    }
}
