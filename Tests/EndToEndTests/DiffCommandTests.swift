import Foundation
import Output
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// `annual-review diff OLD NEW` on real publications of the sample.
@Suite struct DiffCommandTests {
    let definition = PackagePaths.path("pipelines/sample.yaml")

    /// Publishes the sample into a new folder; `extra` options are added.
    func publish(_ extra: [String] = []) throws -> String {
        let out = try TemporaryFolder("diff").path + "/out"
        let result = try ProcessRunner.run(PackagePaths.executable, ["run", definition, "--out", out] + extra)
        try #require(result.status == 0, "\(result.stderr)")
        return out
    }

    func diff(_ old: String, _ new: String, json: Bool = false) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, ["diff", old, new] + (json ? ["--format", "json"] : []))
    }

    func decoded(_ result: ProcessResult) throws -> PublicationDiff {
        try JSONDecoder().decode(PublicationDiff.self, from: Data(result.stdout.utf8))
    }

    @Test func equalPublicationsExit0() throws {
        let old = try publish(), new = try publish()
        let text = try diff(old, new)
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout == "the publications are equal\n")
        let json = try diff(old, new, json: true)
        #expect(json.status == 0)
        let result = try decoded(json)
        #expect(result.isEqual && result.tables.isEmpty)
        #expect(json.stdout.contains("\"equal\" : true"))
    }

    @Test func oneChangedCellIsListedByPrimaryKey() throws {
        let old = try publish()
        let new = try TemporaryFolder("diff-edited").path + "/out"
        try FileManager.default.copyItem(atPath: old, toPath: new)
        // Change the first data row's `received_total` cell, and its manifest entry to match (the diff
        // trusts the manifest's sha256 and checks the table against it).
        let table = new + "/authority_year.csv"
        var records = CSVFormat.records([UInt8](try Data(contentsOf: URL(fileURLWithPath: table))))
        let column = try #require(records[0].firstIndex(of: "received_total"))
        let was = records[1][column]
        records[1][column] = String((Int(was) ?? 0) + 1)
        var bytes: [UInt8] = []
        for record in records { CSVFormat.appendRecord(record, to: &bytes) }
        try FileManager.default.removeItem(atPath: table)
        try Data(bytes).write(to: URL(fileURLWithPath: table))
        var manifest = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: new + "/manifest.json")))
        manifest.outputs = manifest.outputs.map { $0.path == "authority_year.csv" ? .init(path: $0.path, contents: bytes) : $0 }
        try FileManager.default.removeItem(atPath: new + "/manifest.json")
        try Data(try manifest.jsonBytes()).write(to: URL(fileURLWithPath: new + "/manifest.json"))

        let json = try diff(old, new, json: true)
        #expect(json.status == 1, "\(json.stderr)")
        let result = try decoded(json)
        #expect(result.changedFiles == ["authority_year.csv"])
        let changes = try #require(result.tables.first)
        #expect(result.tables.count == 1)
        #expect(changes.addedRows.isEmpty && changes.removedRows.isEmpty)
        let header = records[0]
        let key = Dictionary(uniqueKeysWithValues: ["year", "authority_code"].map { ($0, records[1][header.firstIndex(of: $0)!]) })
        #expect(changes.changedRows == [.init(key: key, cells: [.init(column: "received_total", old: was, new: records[1][column])])])

        let text = try diff(old, new)
        #expect(text.status == 1)
        #expect(text.stdout.contains("~ year=\(key["year"]!) authority_code=\(key["authority_code"]!): received_total \(was) -> \(records[1][column])"),
                "\(text.stdout)")
        #expect(text.stdout.hasSuffix("1 files differ\n"))
    }

    @Test func anAddedYearListsItsRowsAndFiles() throws {
        let all = try publish()
        let years = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: all + "/manifest.json"))).partitions?.years ?? []
        try #require(years.count >= 2)
        let last = years[years.count - 1]
        let old = try publish(["--years", "\(years[0])..\(years[years.count - 2])"])

        let json = try diff(old, all, json: true)
        #expect(json.status == 1, "\(json.stderr)")
        let result = try decoded(json)
        #expect(result.addedFiles.contains("years/\(last)/authority_year.csv"))
        #expect(result.removedFiles.isEmpty)
        #expect(result.addedFiles.allSatisfy { !$0.hasPrefix("years/") || $0.hasPrefix("years/\(last)/") })
        let tables = Dictionary(uniqueKeysWithValues: result.tables.map { ($0.file, $0) })
        for name in ["authority_year.csv", "type_year.csv"] {
            let table = try #require(tables[name], "\(name) not listed")
            #expect(!table.addedRows.isEmpty)
            #expect(table.addedRows.allSatisfy { $0["year"] == last })
            #expect(table.removedRows.isEmpty && table.changedRows.isEmpty, "\(name): other years unchanged")
        }
    }

    @Test func aFolderThatIsNotAPublicationExits65() throws {
        let good = try publish()
        let empty = try TemporaryFolder("diff-empty").path
        let other = try TemporaryFolder("diff-other").path
        try "hello\n".write(toFile: other + "/notes.txt", atomically: true, encoding: .utf8)
        for (old, new) in [(good, empty), (other, good), (good, empty + "/missing")] {
            let result = try diff(old, new)
            #expect(result.status == 65, "\(old) \(new): \(result.stdout)")
            #expect(result.stderr.contains("not a publication"), "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}
