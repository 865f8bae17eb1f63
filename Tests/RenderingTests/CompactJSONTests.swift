@testable import Rendering
import Testing

@Suite struct CompactJSONTests {
    @Test func commasGoBetweenMembersAndElementsOnly() {
        var json = CompactJSON(capacity: 64)
        json.beginObject()
        json.key("a"); json.integer(-12)
        json.key("b")
        json.beginArray()
        json.integer(0); json.null(); json.bool(true)
        json.beginObject(); json.endObject()
        json.beginArray(); json.endArray()
        json.endArray()
        json.key("c"); json.integer(nil)
        json.key("d"); json.tenths(48)
        json.key("e"); json.string(nil)
        json.key("f")
        json.beginObject()
        json.key("g"); json.bool(false)
        json.endObject()
        json.endObject()
        #expect(String(decoding: json.bytes, as: UTF8.self)
            == #"{"a":-12,"b":[0,null,true,{},[]],"c":null,"d":4.8,"e":null,"f":{"g":false}}"#)
    }

    @Test func stringsAndRunTimeKeysAreEscapedAsJSONTextEscapesThem() {
        let text = "q\"b\\n\n\u{1}é"
        var json = CompactJSON(capacity: 16)
        json.beginObject()
        json.key(text); json.string(text)
        json.endObject()
        var expected: [UInt8] = []
        JSONText.writeString(text, to: &expected)
        #expect(json.bytes == [UInt8(ascii: "{")] + expected + [UInt8(ascii: ":")] + expected + [UInt8(ascii: "}")])
        #expect(String(decoding: expected, as: UTF8.self) == #""q\"b\\n\n\u0001é""#)
    }

    @Test func wholeNumbersAtTheEndsOfTheirRange() {
        for value in [Int.min, Int.max, 0, 9, 10, -1] {
            var json = CompactJSON(capacity: 0)
            json.integer(value)
            #expect(String(decoding: json.bytes, as: UTF8.self) == String(value))
        }
    }
}
