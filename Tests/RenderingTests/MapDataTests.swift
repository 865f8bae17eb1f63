import Foundation
import PipelineModel
@testable import Rendering
import Testing
import TestSupport

@Suite struct MapDataTests {
    func year(_ label: String) throws -> [String: Any] {
        let files = RenderedFiles.mapFiles(FigureFixtures.annual)
        let file = try #require(files.first { $0.path == "map/\(label).json" })
        return try #require(try JSONSerialization.jsonObject(with: Data(file.bytes)) as? [String: Any])
    }

    func authority(_ code: String, in label: String) throws -> [String: Any] {
        let authorities = try #require(try year(label)["authorities"] as? [[String: Any]])
        return try #require(authorities.first { $0["code"] as? String == code })
    }

    @Test func oneFilePerYear() throws {
        #expect(RenderedFiles.mapFiles(FigureFixtures.annual).map(\.path) == ["map/2019-20.json", "map/2020-21.json", "map/2023-24.json"])
        let y = try year("2023-24")
        #expect(y["year"] as? String == "2023-24")
        #expect((y["period"] as? [String: String]) == ["start": "2023-04-01", "end": "2024-03-31"])
        #expect((y["types"] as? [Any])?.count == 5)
    }

    @Test func authorityFiguresAveragesAndLetterFields() throws {
        let lce = try authority("LCE", in: "2023-24")
        #expect(lce["name"] as? String == "Leicester City Council")
        #expect(lce["type"] as? String == "Unitary")
        #expect(lce["current"] as? Bool == true)
        let figures = try #require(lce["figures"] as? [String: Any])
        #expect(figures["uphold_rate"] as? Int == 86)
        #expect(figures["upheld"] as? Int == 18)
        #expect(figures["investigations"] as? Int == 21)
        #expect((figures["decisions"] as? [String: Int])?["closed_after_initial_enquiries"] == 30)
        #expect((figures["received"] as? [String: Int])?["received_housing"] == 25)
        let averages = try #require(lce["averages"] as? [String: Any])
        #expect(averages["uphold_rate"] as? Int == 79)
        let letter = try #require(lce["letter"] as? [String: Any])
        #expect(letter["uphold"] as? String == "86%")
        #expect(letter["uphold_average"] as? String == "79%")
        #expect(letter["upheld_per_100k"] as? String == "4.8")
        #expect(letter["remedy"] as? String == "11%")
        #expect(letter["council"] as? String == "the Council")
        #expect(letter["detailed"] as? Bool == false)
    }

    @Test func decimalsAreWrittenExactly() throws {
        let text = String(decoding: RenderedFiles.mapFiles(FigureFixtures.annual)[2].bytes, as: UTF8.self)
        // Compact JSON: a value ends at the next `,` or `}`.
        #expect(text.contains("\"upheld_per_100k\":4.8,") || text.contains("\"upheld_per_100k\":4.8}"))
        #expect(text.contains("\"upheld_per_100k\":4.6,") || text.contains("\"upheld_per_100k\":4.6}"))
        #expect(text.filter { $0 == "\n" }.count == 1 && !text.contains("\": "), "compact: one line, no white space between tokens")
    }

    @Test func noValueIsNullAndAbolishedHasNoAverages() throws {
        let bkm = try authority("BKM", in: "2020-21")
        #expect(bkm["current"] as? Bool == false)
        #expect(bkm["averages"] is NSNull)
        let figures = try #require(bkm["figures"] as? [String: Any])
        #expect(figures["population"] is NSNull)
        #expect(figures["upheld_per_100k"] is NSNull)
        #expect(figures["satisfactory_remedy_rate"] as? Int == 0)
        #expect(figures["uphold_rate"] as? Int == 100)
        let letter = try #require(bkm["letter"] as? [String: Any])
        #expect(letter["uphold_average"] as? String == "n/a")
        #expect(letter["remedy"] as? String == "0%")
        #expect(letter["upheld_per_100k"] is NSNull)
        #expect(letter["detailed"] as? Bool == true)
        let empty = try #require(try authority("BUR", in: "2023-24")["figures"] as? [String: Any])
        #expect(empty["uphold_rate"] is NSNull)
        #expect(empty["compliance_rate"] is NSNull)
        let gmca = try authority("GMCA", in: "2023-24")
        #expect(gmca["type"] is NSNull)
        #expect(gmca["averages"] is NSNull)
    }

    @Test func jsonTextEscapesStrings() {
        let text = String(decoding: JSONText.object([("a", .string("q\"b\\n\n\u{1}é"))]).bytes(), as: UTF8.self)
        #expect(text == "{\n  \"a\": \"q\\\"b\\\\n\\n\\u0001é\"\n}\n")
    }
}
