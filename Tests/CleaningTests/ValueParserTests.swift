import Cleaning
import PipelineModel
import Testing

@Suite struct ReferenceParserTests {
    private func parse(_ text: String) -> UInt32? { withField(text.utf8) { ReferenceParser.parse($0) } }

    @Test(arguments: ["19 012 345", "19012345", "19-012-345", " 19 012 345 ", "19  012-345"])
    func spacesAndHyphensDoNotMatter(text: String) {
        #expect(parse(text) == 19_012_345)
    }

    @Test func leadingZerosAreKept() {
        #expect(parse("00 000 001") == 1)
        #expect(parse("09 123 456") == 9_123_456)
    }

    @Test(arguments: ["19 012 34", "1901234", "190123456", "2019 012 345", "19 O12 345", "AB 012 345", "19/012/345",
                      "", "  ", "19.012.345", "19 012 345x"])
    func anythingButEightDigitsIsNil(text: String) {
        #expect(parse(text) == nil)
    }
}

@Suite struct FlagParserTests {
    @Test(arguments: ["Y", "y", "Yes", "YES", "yes", "TRUE", "true", "True", "1", " Y "])
    func yesValues(text: String) {
        #expect(withField(text.utf8) { FlagParser.parse($0) } == .yes)
    }

    @Test(arguments: ["N", "n", "No", "NO", "no", "FALSE", "false", "False", "0", "\tN"])
    func noValues(text: String) {
        #expect(withField(text.utf8) { FlagParser.parse($0) } == .no)
    }

    @Test(arguments: ["", "  ", "\t"])
    func blankIsBlank(text: String) {
        #expect(withField(text.utf8) { FlagParser.parse($0) } == .blank)
    }

    @Test(arguments: ["maybe", "2", "Ye", "yess", "T", "F", "-", "N/A", "Oui", "Y_", "y-es", "n o", "yes\u{e9}",
                      "yesyesyesyesyesyes", "\u{c9}"])
    func otherValuesAreInvalid(text: String) {
        #expect(withField(text.utf8) { FlagParser.parse($0) } == .invalid)
    }
}

@Suite struct ComplianceParserTests {
    @Test(arguments: [
        ("Complied", ComplianceOutcome.complied), ("complied", .complied), ("Complied late", .compliedLate),
        ("COMPLIED LATE", .compliedLate), ("complied_late", .compliedLate), ("Not complied", .notComplied),
        ("not-complied", .notComplied), ("Awaiting", .awaiting), (" Awaiting ", .awaiting),
        ("complied__LATE", .compliedLate), ("-complied late-", .compliedLate), ("Not - Complied", .notComplied),
    ])
    func vocabularyIsRecognised(text: String, outcome: ComplianceOutcome) {
        #expect(withField(text.utf8) { ComplianceParser.parse($0) } == .success(outcome))
    }

    @Test func blankMeansNoRecommendation() {
        #expect(withField("  ".utf8) { ComplianceParser.parse($0) } == .success(nil))
    }

    @Test func unknownValueIsAFailureNamingIt() {
        guard case .failure(let unknown) = (withField("Partly complied".utf8) { ComplianceParser.parse($0) }) else {
            Issue.record("an unknown outcome was accepted")
            return
        }
        #expect(unknown.text == "Partly complied")
        for text in ["Compliedlate", "complied late and more", "Complied lat\u{e9}", "not complied!"] {
            guard case .failure(let unknown) = (withField(text.utf8) { ComplianceParser.parse($0) }) else {
                Issue.record("'\(text)' was accepted")
                continue
            }
            #expect(unknown.text == text)
        }
    }
}
