import PipelineModel
import Testing

@Suite struct CSVFormatTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("", ""),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("line\nbreak", "\"line\nbreak\""),
        ("carriage\rreturn", "\"carriage\rreturn\""),
        ("crlf\r\n", "\"crlf\r\n\""),
        (" spaced ", " spaced "),
        ("Council's café", "Council's café"),
    ])
    func quotesOnlyWhereNeeded(field: String, expected: String) {
        var buffer: [UInt8] = []
        CSVFormat.appendField(field, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == expected)
    }

    @Test func recordsEndWithLineFeed() {
        let bytes = CSVFormat.record(["2019-20", "", "Bravo, Borough", "x\"y"])
        #expect(String(decoding: bytes, as: UTF8.self) == "2019-20,,\"Bravo, Borough\",\"x\"\"y\"\n")
    }

    @Test func loneEmptyFieldIsQuotedSoTheRecordIsNotABlankLine() {
        #expect(CSVFormat.record([""]) == Array("\"\"\n".utf8))
    }

    @Test func writesUTF8() {
        #expect(CSVFormat.record(["Ysgol Gymraeg – Caerdydd"]) == Array("Ysgol Gymraeg – Caerdydd\n".utf8))
    }

    @Test(arguments: [(0, "0"), (7, "7"), (1234567, "1234567"), (-42, "-42")])
    func appendsDecimals(value: Int, expected: String) {
        var buffer: [UInt8] = Array("x".utf8)
        CSVFormat.appendDecimal(value, to: &buffer)
        #expect(String(decoding: buffer, as: UTF8.self) == "x" + expected)
    }

    @Test func exactlyCommaQuoteCarriageReturnAndLineFeedNeedQuoting() {
        for byte in UInt8.min ... UInt8.max {
            let special = byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
            #expect(CSVFormat.needsQuoting(byte) == special, "\(byte)")
            #expect(CSVFormat.needsQuoting([UInt8(ascii: "a"), byte]) == special, "\(byte)")
        }
    }
}
