import Foundation
import Output
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// End to end against the independent oracle: make-export writes an export and the outputs
/// it must give; the pipeline runs on the export; `make-export check` compares every table
/// cell and the reject counts, the per-case tables (`--cases`) included.
@Suite(SharedFolder.requiresMakeExport, .serialized)
struct MakeExportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let generatorArguments: [String]
        let method: AveragingMethod
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "messy, pooled", generatorArguments: ["--messy", "0.01"], method: .pooled),
        Case(name: "messy, shuffled columns", generatorArguments: ["--messy", "0.01", "--shuffle-columns"], method: .pooled),
        Case(name: "messy, mean", generatorArguments: ["--messy", "0.01", "--method", "mean"], method: .mean),
    ]

    @Test(arguments: cases)
    func outputsMatchTheOracle(_ testCase: Case) async throws {
        let folder = try TemporaryFolder("make-export").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = folder + "/decisions.csv.gz", expect = folder + "/expect", out = folder + "/out"
        let generated = try ProcessRunner.run("/usr/bin/python3", [
            SharedFolder.makeExport, "--rows", "50000", "--seed", "1", "--years", "2015-16..2023-24",
            "--register", SharedFolder.register, "--out", export, "--expect", expect, "--cases",
        ] + testCase.generatorArguments)
        try #require(generated.status == 0, "make-export failed: \(generated.stderr)")

        var configuration = try RunConfiguration(resolving: RunSettings()
            .with(\.inputs, [export]).with(\.register, SharedFolder.register).with(\.lookup, SharedFolder.lookup)
            .with(\.decisionRules, PackagePaths.path("pipelines/rules/decisions.yaml"))
            .with(\.serviceAreaRules, PackagePaths.path("pipelines/rules/service-areas.yaml"))
            .with(\.method, testCase.method).with(\.years, YearRange("2015-16..2023-24")!).with(\.output, out))
        configuration[\.templates] = nil
        let report = try await PipelineRunner(configuration: configuration).run()

        // make-export compares the per-case tables at the top level of its --actual folder: there,
        // the top-level tables beside each per-case table's partitions joined.
        let actual = try Self.joinedCaseTables(of: out, in: folder + "/actual")
        let check = try ProcessRunner.run("/usr/bin/python3", [
            SharedFolder.makeExport, "check", "--expect", expect, "--actual", actual, "--rejects", out + "/rejects.csv",
            "--all-tables", "--cases",
        ])
        #expect(check.status == 0, "make-export check:\n\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains(" 0 failed"))

        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: expect + "/expected.json"))) as! [String: Any]
        #expect(report.counts.rowsRead == expected["rows_written"] as? Int)
        #expect(report.counts.rowsRejected == expected["rows_rejected"] as? Int)
        #expect(report.counts.rowsAccepted == expected["rows_accepted"] as? Int)
        #expect(report.counts.duplicatesSuperseded == expected["duplicates_superseded"] as? Int)
        #expect(report.counts.cases == expected["cases"] as? Int)
        #expect(report.counts.rowsReencoded == expected["rows_reencoded"] as? Int)
        #expect(report.inputs.first?.hadByteOrderMark == expected["bom"] as? Bool)

        // The oracle has no public_reports.csv: its rows must be authority_year.csv's counts,
        // one per case, duplicates resolved (a superseded report gone or replaced).
        let reports = try HostileExport.records(out + "/public_reports.csv")
        var perAuthority: [String: Int] = [:]
        for row in reports { perAuthority[row["year"]! + "/" + row["authority_code"]!, default: 0] += 1 }
        var counted: [String: Int] = [:]
        for row in try HostileExport.records(out + "/authority_year.csv") where row["public_reports"] != "0" {
            counted[row["year"]! + "/" + row["authority_code"]!] = Int(row["public_reports"]!)
        }
        #expect(!reports.isEmpty)
        #expect(perAuthority == counted)
        #expect(Set(reports.map { $0["reference"]! }).count == reports.count)
        #expect(reports.allSatisfy { $0["reference"]!.wholeMatch(of: /[0-9]{2} [0-9]{3} [0-9]{3}/) != nil })
        #expect(reports.map { [$0["year"]!, $0["authority_code"]!, $0["decision_date"]!, $0["reference"]!] }
            == reports.map { [$0["year"]!, $0["authority_code"]!, $0["decision_date"]!, $0["reference"]!] }
                .sorted { $0.lexicographicallyPrecedes($1) })
        try Self.expectCaseTablesAddUp(in: out)
    }

    /// A property over seeds: for every authority and year, `decisions.csv` and
    /// `compliance.csv` counted by kind are `authority_year.csv`'s counts, and
    /// `service_improvements.csv` lists `decisions.csv`'s service improvements.
    @Test(arguments: [11, 12, 13])
    func perCaseTablesAddUpToTheCounts(seed: Int) async throws {
        let folder = try TemporaryFolder("make-export-cases").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = folder + "/decisions.csv.gz", out = folder + "/out"
        let generated = try ProcessRunner.run("/usr/bin/python3", [
            SharedFolder.makeExport, "--rows", "20000", "--seed", "\(seed)", "--years", "2017-18..2023-24",
            "--register", SharedFolder.register, "--out", export, "--expect", folder + "/expect", "--messy", "0.01",
        ])
        try #require(generated.status == 0, "make-export failed: \(generated.stderr)")
        _ = try await PipelineRunner(configuration: RunConfiguration(resolving: RunSettings()
            .with(\.inputs, [export]).with(\.register, SharedFolder.register).with(\.lookup, SharedFolder.lookup)
            .with(\.output, out))).run()
        try Self.expectCaseTablesAddUp(in: out)
    }

    /// Every partition's per-case tables against its `authority_year.csv`.
    static func expectCaseTablesAddUp(in out: String) throws {
        let years = try FileManager.default.contentsOfDirectory(atPath: out + "/years").sorted()
        #expect(!years.isEmpty)
        var decided = 0
        for year in years {
            let partition = out + "/years/" + year
            func counts(_ rows: [[String: String]], _ column: String) -> [String: Int] {
                var counts: [String: Int] = [:]
                for row in rows { counts[row["authority_code"]! + " " + row[column]!, default: 0] += 1 }
                return counts
            }
            let decisions = try HostileExport.records(partition + "/decisions.csv")
            let compliance = try HostileExport.records(partition + "/compliance.csv")
            let improvements = try HostileExport.records(partition + "/service_improvements.csv")
            decided += decisions.count
            let byOutcome = counts(decisions, "outcome"), byCompliance = counts(compliance, "outcome")
            let remedied = counts(decisions.filter { $0["satisfactory_remedy"] == "true" }, "year")
            let reported = counts(decisions.filter { $0["public_report"] == "true" }, "year")
            for row in try HostileExport.records(partition + "/authority_year.csv") {
                let code = row["authority_code"]!
                for column in Outcome.allCases.map(\.column) {
                    #expect(byOutcome[code + " " + column, default: 0] == Int(row[column]!), "\(year) \(code) \(column)")
                }
                for column in ["complied", "complied_late", "not_complied"] {
                    #expect(byCompliance[code + " " + column, default: 0] == Int(row[column]!), "\(year) \(code) \(column)")
                }
                #expect(remedied[code + " " + year, default: 0] == Int(row["satisfactory_remedies"]!), "\(year) \(code)")
                #expect(reported[code + " " + year, default: 0] == Int(row["public_reports"]!), "\(year) \(code)")
            }
            #expect(decisions.allSatisfy { $0["year"] == year } && compliance.allSatisfy { $0["year"] == year })
            #expect(improvements.map { $0["reference"]! }
                == decisions.filter { $0["service_improvement"] == "true" }.map { $0["reference"]! })
        }
        #expect(decided > 0)
    }

    /// A folder holding `out`'s top-level tables (linked) and each per-case table as one file:
    /// the header, then every partition's rows, in year order.
    static func joinedCaseTables(of out: String, in folder: String) throws -> String {
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for table in TableFile.topLevel {
            try fm.createSymbolicLink(atPath: folder + "/" + table.fileName, withDestinationPath: out + "/" + table.fileName)
        }
        let years = try fm.contentsOfDirectory(atPath: out + "/years").sorted()
        for table in TableFile.allCases where table.isPartitionOnly {
            let parts = try years.map { year in
                let path = "years/\(year)/\(table.fileName)"
                return (path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path))))
            }
            try Data(try table.concatenating(partitions: parts)).write(to: URL(fileURLWithPath: folder + "/" + table.fileName))
        }
        return folder
    }
}
