import Foundation
import Testing
import TestSupport

/// Export text that means something to a terminal or a spreadsheet, through the executable
/// (issue 16, classes 3 and 9).
@Suite(.serialized) struct HostileTextTests {
    typealias E = HostileExport

    /// Control characters a terminal acts on: erase display, an OSC title, a C1 CSI, a CR.
    static let hostileName = "\u{1B}[2JEvil\u{1B}]0;pwned\u{07} Council\r\u{9B}31m"

    /// Whether `text` holds a control character other than a line's newline.
    static func holdsControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0 != "\n" && ($0.value < 0x20 || (0x7F ... 0x9F).contains($0.value)) }
    }

    // MARK: - Class 3: untrusted text reaching a terminal

    @Test func validatePrintsControlCharactersFromTheExportAsEscapes() throws {
        let setting = try HostileSetting("hostile-text")
        defer { setting.remove() }
        let export = try setting.write("decisions.csv", E.csv([E.header] + E.goodRows + [
            E.row("19 012 348", name: "\"\(Self.hostileName)\""),
            E.row("19 012 349", category: "\"Housing\u{1B}]0;title\u{07}\""),
        ]))
        let before = try Data(contentsOf: URL(fileURLWithPath: export))

        let result = try setting.run(["--log-format", "text", "--max-reject-rate", "100%", "--out", setting.out, export],
                                     command: "validate")
        try setting.expectEnded(result, status: 0)
        #expect(!Self.holdsControl(result.stdout), "\(result.stdout.debugDescription)")
        #expect(!Self.holdsControl(result.stderr), "\(result.stderr.debugDescription)")
        #expect(result.stdout.contains("\\x1B[2jevil\\x1B]0;pwned\\x07 council"), "\(result.stdout)")
        #expect(result.stdout.contains("\\x1B]0;title\\x07"), "\(result.stdout)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: export)) == before)
    }

    @Test func anErrorQuotingATableIsPrintedWithEscapes() throws {
        let setting = try HostileSetting("hostile-text")
        defer { setting.remove() }
        var lines = try String(contentsOfFile: setting.register, encoding: .utf8).split(separator: "\n").map(String.init)
        lines.append("\"\u{1B}[2J\u{1B}]0;pwned\u{07}\",Evil Council,,,,,,England,NMD,,,,")
        let register = try setting.write("register.csv", Array((lines.joined(separator: "\n") + "\n").utf8))

        let result = try setting.run(["--log-format", "text", "--register", register, "--max-reject-rate", "5%",
                                      "--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 78)
        #expect(!Self.holdsControl(result.stderr), "\(result.stderr.debugDescription)")
        #expect(result.stderr.contains("annual-review: \(register):\(lines.count): local-authority-code '\\x1B[2J\\x1B]0;pwned\\x07'"),
                "\(result.stderr)")
    }

    // MARK: - Class 8: raw HTML in names reaching the Markdown letters

    @Test func aRegisterNameHoldingHTMLIsTextInEveryLetter() throws {
        let setting = try HostileSetting("hostile-text")
        defer { setting.remove() }
        let original = try String(contentsOfFile: setting.register, encoding: .utf8)
        let hostile = original.replacingOccurrences(of: ",Leicester City Council,", with: ",Leicester <script>alert(1)</script> & Co,")
        #expect(hostile != original)
        let register = try setting.write("register.csv", Array(hostile.utf8))

        let result = try setting.run(["--register", register, "--lookup", setting.lookup, "--max-reject-rate", "5%",
                                      "--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 0, keepsPublication: false)
        let md = try String(contentsOfFile: setting.out + "/letters/2023-24/LCE.md", encoding: .utf8)
        let html = try String(contentsOfFile: setting.out + "/letters/2023-24/LCE.html", encoding: .utf8)
        #expect(md.contains("Leicester &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"))
        #expect(!md.contains("<script>") && !html.contains("<script>"))
    }

    // MARK: - Class 9: formula-looking cells

    @Test func formulaLookingCellsArePublishedExactlyAndTheDataPackageSaysSo() throws {
        let setting = try HostileSetting("hostile-text")
        defer { setting.remove() }
        let formulas = ["=HYPERLINK(\"\"http://example.com\"\")", "+1+1", "-2+3", "@SUM(A1)"]
        let export = try setting.write("decisions.csv", E.csv([E.header] + E.goodRows + formulas.map {
            E.row("\"\($0)\"", category: "Nowhere")
        }))

        let result = try setting.run(["--max-reject-rate", "100%", "--out", setting.out, export])
        try setting.expectEnded(result, status: 0, keepsPublication: false)
        let rejects = try E.records(setting.out + "/rejects.csv")
        #expect(rejects.map { $0["reference"] ?? "" } == formulas.map { $0.replacingOccurrences(of: "\"\"", with: "\"") })
        let package = try String(contentsOfFile: setting.out + "/datapackage.json", encoding: .utf8)
        #expect(package.contains("may begin with =, +, - or @"))
        #expect(package.contains("import them into a spreadsheet with every column set to Text"))
        let readme = try String(contentsOfFile: PackagePaths.path("README.md"), encoding: .utf8)
        #expect(readme.contains("## Security"))
        #expect(readme.contains("begin with `=`, `+`, `-` or `@`"))
    }
}
