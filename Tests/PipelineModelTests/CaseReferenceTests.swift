import PipelineModel
import Testing

@Suite struct CaseReferenceTests {
    @Test func writesEightDigitsGroupedTwoThreeThree() {
        #expect(CaseReference.text(19_012_345) == "19 012 345")
        #expect(CaseReference.text(1_234) == "00 001 234")
    }

    @Test func readsWhatItWritesAndTheDigitsAlone() {
        #expect(CaseReference.parse("19 012 345") == 19_012_345)
        #expect(CaseReference.parse("19012345") == 19_012_345)
        #expect(CaseReference.parse(CaseReference.text(7)) == 7)
    }

    @Test(arguments: ["", "19 012 34", "1901234", "19-012-345", "19 0123 45", "19 012 34x", "190123456", " 19012345"])
    func refusesAnythingElse(_ text: String) {
        #expect(CaseReference.parse(text) == nil)
    }

    @Test func everyReferenceIsItsDigitsPaddedAndGrouped() {
        for reference in stride(from: UInt32(0), through: 99_999_999, by: 99_991) + [99_999_999, 100_000_000, 134_217_727] {
            let digits = String(reference)
            let padded = String(repeating: "0", count: max(0, 8 - digits.count)) + digits
            let expected = "\(padded.prefix(2)) \(padded.dropFirst(2).prefix(3)) \(padded.dropFirst(5))"
            #expect(CaseReference.text(reference) == expected, "\(reference)")
        }
    }

    @Test func appendedBytesAreTheText() {
        for reference in stride(from: UInt32(0), through: 99_999_999, by: 99_991) + [99_999_999, 100_000_000, 134_217_727, .max] {
            var bytes: [UInt8] = [7]
            CSVRecordBuffer.with(&bytes) { CaseReference.append(reference, to: &$0) }
            #expect(bytes == [7] + Array(CaseReference.text(reference).utf8), "\(reference)")
        }
    }
}
