import Crypto
import Foundation
import PipelineModel
@testable import Rendering
import Testing
import TestSupport

@Suite struct DataPackageTests {
    func descriptor() throws -> [String: Any] {
        let package = DataPackageWriter.dataPackage(resources: try SampleDataPackage.resources())
        #expect(package.path == "datapackage.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(package.bytes)) as? [String: Any])
    }

    func resource(_ name: String) throws -> [String: Any] {
        let resources = try #require(try descriptor()["resources"] as? [[String: Any]])
        return try #require(resources.first { $0["name"] as? String == name })
    }

    func fields(_ name: String) throws -> [String: [String: Any]] {
        let schema = try #require(try resource(name)["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: fields.map { ($0["name"] as! String, $0) })
    }

    @Test func describesEveryCSVInOrder() throws {
        let resources = try #require(try descriptor()["resources"] as? [[String: Any]])
        #expect(resources.map { $0["path"] as? String } == ["authority_year.csv", "type_year.csv", "comparison.csv",
                                                             "national_year.csv", "area_year.csv", "rejects.csv"])
        #expect(resources.map { $0["name"] as? String } == ["authority_year", "type_year", "comparison", "national_year",
                                                             "area_year", "rejects"])
        #expect(try descriptor()["profile"] as? String == "tabular-data-package")
    }

    @Test func sizesAndHashesAreThoseOfTheBytes() throws {
        for (path, bytes) in try SampleDataPackage.resources() {
            let name = String(path.dropLast(4))
            let r = try resource(name)
            #expect(r["bytes"] as? Int == bytes.count)
            let hex = SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
            #expect(r["hash"] as? String == "sha256:" + hex)
        }
    }

    @Test func fieldsFollowTheHeaderWithTypes() throws {
        let header = try CSVFormat.records(SampleFigures.expectedBytes("authority_year.csv"))[0]
        let schema = try #require(try resource("authority_year")["schema"] as? [String: Any])
        let names = try #require(schema["fields"] as? [[String: Any]]).map { $0["name"] as? String }
        #expect(names == header)
        let f = try fields("authority_year")
        #expect(f["year"]?["type"] as? String == "string")
        #expect(f["current"]?["type"] as? String == "boolean")
        #expect(f["current"]?["trueValues"] as? [String] == ["true"])
        #expect(f["uphold_rate"]?["type"] as? String == "integer")
        #expect(f["received_housing"]?["type"] as? String == "integer")
        #expect(f["upheld_per_100k"]?["type"] as? String == "number")
        #expect(f["authority_name"]?["type"] as? String == "string")
        #expect(try fields("type_year")["avg_upheld_per_100k"]?["type"] as? String == "number")
        #expect(try fields("rejects")["line"]?["type"] as? String == "integer")
        #expect(try fields("rejects")["reason"]?["constraints"].flatMap { ($0 as? [String: Any])?["enum"] as? [String] }?
            .contains("unknown_authority") == true)
        #expect(schema["missingValues"] as? [String] == [""])
    }

    @Test func primaryAndForeignKeys() throws {
        func key(_ name: String) throws -> [String]? {
            (try resource(name)["schema"] as? [String: Any])?["primaryKey"] as? [String]
        }
        #expect(try key("authority_year") == ["year", "authority_code"])
        #expect(try key("comparison") == ["year", "authority_code"])
        #expect(try key("type_year") == ["year", "comparison_type"])
        #expect(try key("rejects") == ["file", "line"])
        #expect(try key("national_year") == ["year"])
        #expect(try key("area_year") == ["year", "service_area"])
        let area = try #require((try resource("area_year")["schema"] as? [String: Any])?["foreignKeys"] as? [[String: Any]])
        #expect(area.compactMap { ($0["reference"] as? [String: Any])?["resource"] as? String } == ["national_year"])
        let foreign = try #require((try resource("comparison")["schema"] as? [String: Any])?["foreignKeys"] as? [[String: Any]])
        #expect(foreign.compactMap { ($0["reference"] as? [String: Any])?["resource"] as? String } == ["authority_year", "type_year"])
    }

    @Test func nationalTablesAreTyped() throws {
        let national = try fields("national_year")
        #expect(national["late_compliance_rate"]?["type"] as? String == "integer")
        #expect(national["received_housing"]?["type"] as? String == "integer")
        let area = try fields("area_year")
        #expect(area["service_area"]?["constraints"].flatMap { ($0 as? [String: Any])?["enum"] as? [String] }
            == ServiceArea.allCases.map(\.name))
        #expect(area["share_of_investigations"]?["constraints"].flatMap { ($0 as? [String: Any])?["maximum"] as? Int } == 100)
        // public_reports.csv: a formatted reference as the key, a real date, the texts as strings.
        let header = Array("year,authority_code,authority_name,reference,decision_date,category,subcategory,decision,remedy,summary\n".utf8)
        let package = DataPackageWriter.dataPackage(resources: [("public_reports.csv", header)])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(package.bytes)) as? [String: Any])
        let resource = try #require((json["resources"] as? [[String: Any]])?.first)
        let schema = try #require(resource["schema"] as? [String: Any])
        #expect(schema["primaryKey"] as? [String] == ["reference"])
        let f = Dictionary(uniqueKeysWithValues: try #require(schema["fields"] as? [[String: Any]]).map { ($0["name"] as! String, $0) })
        #expect(f["decision_date"]?["type"] as? String == "date")
        #expect(f["reference"]?["constraints"].flatMap { ($0 as? [String: Any])?["pattern"] as? String } == "[0-9]{2} [0-9]{3} [0-9]{3}")
        #expect(f["summary"]?["type"] as? String == "string")
    }

    @Test func foreignKeysOnlyToResourcesInThePackage() throws {
        let comparison = try SampleFigures.expectedBytes("comparison.csv")
        let package = DataPackageWriter.dataPackage(resources: [("comparison.csv", comparison)])
        #expect(!String(decoding: package.bytes, as: UTF8.self).contains("foreignKeys"))
    }

    @Test func everyTableIsDescribedByItsSchema() throws {
        let package = DataPackageWriter.dataPackage(resources: TableFile.allCases.map { ($0.fileName, $0.header) })
        let json = try #require(try JSONSerialization.jsonObject(with: Data(package.bytes)) as? [String: Any])
        let resources = try #require(json["resources"] as? [[String: Any]])
        #expect(resources.count == TableFile.allCases.count)
        for (table, resource) in zip(TableFile.allCases, resources) {
            let schema = try #require(resource["schema"] as? [String: Any])
            let fields = try #require(schema["fields"] as? [[String: Any]])
            #expect(resource["name"] as? String == table.schema.name)
            #expect(resource["title"] as? String == table.schema.title)
            #expect(fields.map { $0["name"] as? String } == table.columns)
            #expect(fields.map { $0["description"] as? String } == table.schema.columns.map(\.description))
            #expect(schema["primaryKey"] as? [String] == table.schema.primaryKey)
            // Every key column is required.
            let required = fields.filter { ($0["constraints"] as? [String: Any])?["required"] as? Bool == true }
            #expect(required.compactMap { $0["name"] as? String } == table.columns.filter(table.schema.primaryKey.contains))
        }
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let a = DataPackageWriter.dataPackage(resources: try SampleDataPackage.resources())
        let b = DataPackageWriter.dataPackage(resources: try SampleDataPackage.resources())
        #expect(a == b)
        #expect(a.bytes.last == 0x0A)
    }
}
