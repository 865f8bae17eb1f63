import Foundation
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// End to end against the independent oracle: make-export writes an export and the outputs
/// it must give; the pipeline runs on the export; `make-export check` compares every table
/// cell and the reject counts.
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
            "--register", SharedFolder.register, "--out", export, "--expect", expect,
        ] + testCase.generatorArguments)
        try #require(generated.status == 0, "make-export failed: \(generated.stderr)")

        var configuration = try RunConfiguration(resolving: RunSettings()
            .with(\.inputs, [export]).with(\.register, SharedFolder.register).with(\.lookup, SharedFolder.lookup)
            .with(\.decisionRules, PackagePaths.path("pipelines/rules/decisions.yaml"))
            .with(\.serviceAreaRules, PackagePaths.path("pipelines/rules/service-areas.yaml"))
            .with(\.method, testCase.method).with(\.years, YearRange("2015-16..2023-24")!).with(\.output, out))
        configuration[\.templates] = nil
        let report = try await PipelineRunner(configuration: configuration).run()

        let check = try ProcessRunner.run("/usr/bin/python3", [
            SharedFolder.makeExport, "check", "--expect", expect, "--actual", out, "--rejects", out + "/rejects.csv",
            "--all-tables",
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
    }
}
