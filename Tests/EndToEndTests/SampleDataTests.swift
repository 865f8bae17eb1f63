import Foundation
import Output
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// The project's own end-to-end check, which needs nothing outside the repository: the
/// sample export through the whole pipeline gives the committed expected outputs, byte for byte.
@Suite struct SampleDataTests {
    func run(method: AveragingMethod, out: String) async throws -> RunReport {
        var configuration = try RunConfiguration(resolving: RunSettings()
            .with(\.inputs, [PackagePaths.path("sample-data/decisions-sample.csv.gz")])
            .with(\.register, PackagePaths.path("sample-data/register.csv"))
            .with(\.lookup, PackagePaths.path("sample-data/name-lookup.csv"))
            .with(\.population, PackagePaths.path("sample-data/population.csv"))
            .with(\.decisionRules, PackagePaths.path("pipelines/rules/decisions.yaml"))
            .with(\.serviceAreaRules, PackagePaths.path("pipelines/rules/service-areas.yaml"))
            .with(\.method, method).with(\.output, out).with(\.maxRejectRate, 0.05))
        configuration[\.templates] = nil
        return try await PipelineRunner(configuration: configuration).run()
    }

    @Test(arguments: [(AveragingMethod.pooled, "expected"), (.mean, "expected-mean")])
    func tablesEqualTheCommittedExpectedOutputs(method: AveragingMethod, folder: String) async throws {
        let out = try TemporaryFolder("sample").path + "/out"
        _ = try await run(method: method, out: out)
        // The national tables have no averages: make-sample writes them once, in expected/.
        let national = method == .pooled ? ["national_year.csv", "area_year.csv"] : []
        for table in ["authority_year.csv", "type_year.csv", "comparison.csv"] + national {
            let actual = try Data(contentsOf: URL(fileURLWithPath: out + "/" + table))
            let expected = try Data(contentsOf: URL(fileURLWithPath: PackagePaths.path("sample-data/\(folder)/\(table)")))
            #expect(actual == expected, "\(table) differs from sample-data/\(folder)/\(table)")
        }
        guard method == .pooled else { return }
        // The per-case tables are in the partitions only; make-sample writes each as one file
        // of every year's rows, which is their partitions' files joined.
        let years = try FileManager.default.contentsOfDirectory(atPath: out + "/years").sorted()
        for table in TableFile.allCases where table.isPartitionOnly {
            #expect(!FileManager.default.fileExists(atPath: out + "/" + table.fileName))
            let parts = try years.map { year in
                let path = "years/\(year)/\(table.fileName)"
                return (path: path, bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: out + "/" + path))))
            }
            let expected = try SampleFigures.expectedBytes(table.fileName)
            #expect(try table.concatenating(partitions: parts) == expected, "\(table.fileName) differs from sample-data/expected")
        }
    }

    @Test func rejectsAndCountsEqualTheCommittedExpectations() async throws {
        let out = try TemporaryFolder("sample").path + "/out"
        let report = try await run(method: .pooled, out: out)

        let expected = try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: PackagePaths.path("sample-data/expected/expected.json")))) as! [String: Any]
        #expect(report.counts.rowsRead == expected["rows_written"] as? Int)
        #expect(report.counts.rowsRejected == expected["rows_rejected"] as? Int)
        #expect(report.counts.duplicatesSuperseded == expected["duplicates_superseded"] as? Int)
        #expect(report.counts.cases == expected["cases"] as? Int)
        #expect(report.counts.rowsReencoded == expected["rows_reencoded"] as? Int)
        let byReason = expected["rejects"] as! [String: Int]
        for (reason, count) in byReason {
            #expect(report.counts.rejectedByReason[RejectReason(rawValue: reason)!, default: 0] == count, "\(reason)")
        }

        // Every expected reject is reported at its line with its reason and reference.
        func rows(_ path: String, _ columns: [String]) throws -> Set<[String]> {
            let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map(String.init)
            let header = lines[0].split(separator: ",").map(String.init)
            let index = columns.map { header.firstIndex(of: $0)! }
            // The columns compared hold no commas or quotes, so a plain split is exact enough here.
            return Set(lines.dropFirst().map { line in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                return index.map { cells[$0] }
            })
        }
        let expectedRejects = try rows(PackagePaths.path("sample-data/expected/expected_rejects.csv"), ["line", "reason"])
        let actualRejects = try rows(out + "/rejects.csv", ["line", "reason"])
        #expect(actualRejects == expectedRejects)
    }

    @Test func sameInputsGiveByteIdenticalDataFiles() async throws {
        let first = try TemporaryFolder("sample").path + "/out"
        let second = try TemporaryFolder("sample").path + "/out"
        _ = try await run(method: .pooled, out: first)
        _ = try await run(method: .pooled, out: second)
        for file in ["authority_year.csv", "type_year.csv", "comparison.csv", "rejects.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: first + "/" + file))
            let b = try Data(contentsOf: URL(fileURLWithPath: second + "/" + file))
            #expect(a == b, "\(file) differs between two runs")
        }
    }
}
