import PipelineModel
@testable import Rendering
import Testing
import TestSupport

@Suite struct HTMLBufferTests {
    /// Chunks of every length from 0 to 70 (short ones are copied eight bytes at a time, with
    /// an overlapping last word; long ones by memmove), at every offset within a word, and
    /// across the buffer's growth from a small capacity.
    @Test func everyChunkLengthAndOffsetIsCopiedExactly() {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<>&\"'-_=+/".utf8)
        for offset in 0 ..< 9 {
            var html = HTMLBuffer(capacity: 1)
            var expected: [UInt8] = []
            html.raw(String(repeating: "x", count: offset))
            expected += Array(repeating: UInt8(ascii: "x"), count: offset)
            for length in 0 ... 70 {
                let chunk = (0 ..< length).map { alphabet[($0 + length) % alphabet.count] }
                html.raw(String(decoding: chunk, as: UTF8.self))
                expected += chunk
                html.number(length - 35)
                expected += Array(String(length - 35).utf8)
            }
            let got = html.bytes
            let difference = zip(got, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            #expect(difference == nil && got.count == expected.count,
                    "offset \(offset): \(got.count) bytes for \(expected.count), first difference at \(difference ?? -1)")
        }
    }

    @Test func textIsEscapedWhereverItStands() {
        var html = HTMLBuffer(capacity: 4)
        html.text(#"Tom & Jerry's <"best"> council"#)
        html.percent(nil)
        html.percent(86)
        #expect(String(decoding: html.bytes, as: UTF8.self) == "Tom &amp; Jerry&#39;s &lt;&quot;best&quot;&gt; counciln/a86%")
    }

    /// The buffer's references and dates are those of ``CaseReference/text(_:)`` and the
    /// pages' ``StatisticCases/dateText(_:)``, byte for byte, across growth from a small capacity.
    @Test(arguments: [UInt32(0), 1, 7_654_321, 19_012_345, 99_999_999])
    func referencesAndDatesAreTheSharedTexts(_ reference: UInt32) {
        var html = HTMLBuffer(capacity: 1)
        var expected = ""
        for offset in 0 ..< 800 {
            let day = Day(daysSinceEpoch: Day.on(2018, 12, 25).daysSinceEpoch + Int32(offset))
            let value = (reference &+ UInt32(offset)) % 100_000_000
            html.reference(value)
            html.longDate(day)
            expected += CaseReference.text(value) + StatisticCases.dateText(day)
        }
        #expect(String(decoding: html.bytes, as: UTF8.self) == expected)
    }
}
