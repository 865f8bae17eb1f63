/// The register codes annual-review accepts: each becomes a file name (`letters/2019-20/LCE.md`,
/// `report/2019-20/LCE.html`), so the register is checked when it loads, not when a page is
/// written.
///
/// The rule: 1 to 32 ASCII letters, digits, `-` or `_`; not a name the publication uses for a
/// page of its own (``reservedNames``, in any case); and no two codes that differ only in case,
/// since they would be one file on a case-insensitive file system (a published copy on macOS or
/// Windows).
package enum RegisterCode {
    /// The longest code accepted (mySociety's codes have 3 or 4 letters).
    package static let maximumLength = 32

    /// Names of pages and files the publication writes beside the authorities' pages (the
    /// report's `index.html`, the national and style pages, the authorities list), compared
    /// in lower case.
    package static let reservedNames: Set<String> = ["index", "england", "style", "authorities"]

    /// What is wrong with `code` as a register code, or nil when it is acceptable.
    package static func problem(with code: String) -> String? {
        guard !code.isEmpty else { return "blank local-authority-code" }
        guard code.utf8.count <= maximumLength else {
            return "local-authority-code '\(code.prefix(maximumLength))...' is longer than \(maximumLength) characters"
        }
        guard code.utf8.allSatisfy(isAllowed) else {
            return "local-authority-code '\(code)' may hold only letters A-Z and a-z, digits, '-' and '_' "
                + "(it becomes a file name)"
        }
        guard !reservedNames.contains(code.lowercased()) else {
            return "local-authority-code '\(code)' is the name of a page of the publication "
                + "(reserved: \(reservedNames.sorted().joined(separator: ", ")))"
        }
        return nil
    }

    private static func isAllowed(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"),
             UInt8(ascii: "0") ... UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"): true
        default: false
        }
    }
}
