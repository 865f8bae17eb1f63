/// Text from the exports and configuration made safe to show on a terminal: every control
/// character (C0, DEL, C1) is written as a visible `\xHH` escape.
///
/// An authority name holding `ESC [ 2 J` or an OSC title sequence would otherwise clear the
/// operator's screen or retitle their terminal when `validate` prints it, and a CR or newline
/// could forge a line of the report. Everything printed for people (the quality report, text
/// log lines, error messages) goes through ``escaped(_:)``; JSON log lines escape the same
/// characters as JSON does.
package enum TerminalText {
    /// `text` with each control character (U+0000-U+001F, U+007F, U+0080-U+009F) replaced
    /// by `\x` and two hex digits; everything else, other scripts included, as it is.
    package static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count + 8)
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                result += "\\x" + hex(scalar.value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// A whole line for the terminal: ``escaped(_:)``, but a final newline (the line's end,
    /// which the writer adds, not the content's) kept as it is.
    package static func escapedLine(_ line: String) -> String {
        // By scalars: "\r\n" is one Character, so `hasSuffix("\n")` would miss a line ending after a CR.
        guard line.unicodeScalars.last == "\n" else { return escaped(line) }
        return escaped(String(line.unicodeScalars.dropLast())) + "\n"
    }

    /// Whether `scalar` is a C0 control, DEL or a C1 control: the characters a terminal may act on.
    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4 & 0xF)], digits[Int(value & 0xF)]])
    }
}
