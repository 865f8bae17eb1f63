import Cleaning
import Testing

@Suite struct FieldTextTests {
    @Test func trimmingRemovesSpacesAndTabsOnly() {
        #expect(withField(" \t a b \t ".utf8) { Array(FieldText.trimmed($0)) } == Array("a b".utf8))
        #expect(withField("   ".utf8) { FieldText.trimmed($0).isEmpty })
        #expect(withField("\na\r".utf8) { Array(FieldText.trimmed($0)) } == Array("\na\r".utf8))
    }

    @Test func trimmingIsAViewOfTheSameBytes() {
        withField("xx  ab  yy".utf8) { bytes in
            let trimmed = FieldText.trimmed(UnsafeBufferPointer(rebasing: bytes[2 ..< 8]))
            #expect(trimmed.baseAddress == bytes.baseAddress! + 4)
            #expect(Array(trimmed) == Array("ab".utf8))
        }
    }

    @Test func validUTF8IsDecodedUntouched() {
        let text = "Children’s services — £5 € 😀 café, a long ASCII run to pass the eight-byte fast path"
        let result = withField(text.utf8) { FieldText.decode($0) }
        #expect(result.text == text)
        #expect(!result.reencoded)
    }

    @Test(arguments: [
        ([0x92] as [UInt8], "\u{2019}"), ([0xA3], "£"), ([0x80], "€"), ([0x81], "\u{81}"), ([0x8D], "\u{8D}"),
        ([0x8F], "\u{8F}"), ([0x90], "\u{90}"), ([0x9D], "\u{9D}"), ([0x9F], "Ÿ"), ([0xA0], "\u{A0}"),
        ([0xE9], "é"), ([0xFF], "ÿ"), ([0x96], "\u{2013}"),
    ])
    func invalidBytesAreDecodedAsWindows1252(bytes: [UInt8], expected: String) {
        let result = withField(bytes) { FieldText.decode($0) }
        #expect(result.text == expected)
        #expect(result.reencoded)
    }

    @Test func wholeFieldIsWindows1252WhenAnyByteIsInvalid() {
        // `Children's` with 0x92, and a £ sign: every byte is read as Windows-1252.
        let bytes: [UInt8] = Array("Children".utf8) + [0x92] + Array("s services ".utf8) + [0xA3, 0x35]
        let result = withField(bytes) { FieldText.decode($0) }
        #expect(result.text == "Children\u{2019}s services £5")
        #expect(result.reencoded)
    }

    @Test(arguments: [
        [0xC0, 0xAF] as [UInt8],        // overlong `/`
        [0xE0, 0x80, 0xAF],             // overlong, three bytes
        [0xF0, 0x80, 0x80, 0xAF],       // overlong, four bytes
        [0xED, 0xA0, 0x80],             // surrogate U+D800
        [0xED, 0xBF, 0xBF],             // surrogate U+DFFF
        [0xF4, 0x90, 0x80, 0x80],       // past U+10FFFF
        [0xF5, 0x80, 0x80, 0x80],
        [0xC3],                         // truncated
        [0xE2, 0x82],                   // truncated
        [0x80],                         // lone continuation
        [0xC3, 0x28],                   // bad continuation
        [0xE2, 0x28, 0xA1],
        [0xF0, 0x9F, 0x98, 0x28],
    ])
    func malformedUTF8IsInvalid(bytes: [UInt8]) {
        #expect(!withField(bytes) { FieldText.isValidUTF8($0) })
        // Also when it follows a run of ASCII long enough for the fast path.
        #expect(!withField(Array("abcdefghijklmnop".utf8) + bytes + Array("xyz".utf8)) { FieldText.isValidUTF8($0) })
        #expect(withField(bytes) { FieldText.decode($0) }.reencoded)
    }

    @Test(arguments: [
        [] as [UInt8], [0x41], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF],
        [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ])
    func boundaryUTF8IsValid(bytes: [UInt8]) {
        #expect(withField(bytes) { FieldText.isValidUTF8($0) })
    }

    @Test func windows1252IsTheWHATWGTable() {
        // Every byte maps to one scalar; 0x80...0x9F are the WHATWG index, the rest Latin-1.
        let c1: [UInt32] = [
            0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
            0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
        ]
        for byte in 0 ... 255 {
            let expected = (0x80 ... 0x9F).contains(byte) ? c1[byte - 0x80] : UInt32(byte)
            #expect(FieldText.windows1252(UInt8(byte)).value == expected)
        }
    }

    @Test func aRunIsASCIIUTF8OrInvalidAsAWhole() {
        #expect(withField([]) { FieldText.encoding($0) } == .ascii)
        #expect(withField(Array("The council's officer, at length and in plain ASCII".utf8)) { FieldText.encoding($0) } == .ascii)
        #expect(withField(Array("The council\u{2019}s officer paid \u{00A3}50 \u{1F600}".utf8)) { FieldText.encoding($0) } == .utf8)
        #expect(withField(Array("The council".utf8) + [0x92] + Array("s officer".utf8)) { FieldText.encoding($0) } == .invalid)
    }

    @Test func withinValidUTF8AFieldIsValidExactlyWhenItHoldsWholeCharacters() {
        // Every way to cut valid UTF-8 of one- to four-byte characters into two fields, and every
        // field inside it: the verdict from its two edges is the verdict from its own bytes.
        let text = Array("a\u{E9}\u{2019}\u{1F600}b\u{E9}\u{1F600}".utf8)
        text.withUnsafeBufferPointer { whole in
            #expect(FieldText.encoding(whole) == .utf8)
            for lower in 0 ... whole.count {
                for upper in lower ... whole.count {
                    let own = FieldText.isValidUTF8(UnsafeBufferPointer(rebasing: whole[lower ..< upper]))
                    #expect(FieldText.isWholeCharacters(lower ..< upper, ofValidUTF8: whole) == own, "\(lower)..<\(upper)")
                }
            }
        }
    }
}
