import Foundation
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// Parse workers change nothing but speed: for the make-export exports the other end-to-end
/// tests use (messy, shuffled columns, several files), runs with 1, 2 and 3 workers and pieces
/// down to one record write byte-identical tables and rejects and the same manifest counts.
@Suite(SharedFolder.requiresMakeExport, .serialized)
struct ParallelParsingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let seed: Int
        let rows: Int
        let generatorArguments: [String]
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "messy", seed: 1, rows: 20000, generatorArguments: ["--messy", "0.01"]),
        Case(name: "messy, shuffled columns, plain CSV", seed: 2, rows: 20000,
             generatorArguments: ["--messy", "0.02", "--shuffle-columns"]),
        Case(name: "very messy", seed: 3, rows: 5000, generatorArguments: ["--messy", "0.2"]),
    ]

    /// Worker count, smallest piece and decompressed chunk size of each run compared.
    static let settings: [(workers: Int, pieceSize: Int, chunkSize: Int)] = [
        (2, 1 << 20, 1 << 20), (3, 1 << 20, 1 << 20), (2, 1, 4093), (3, 1, 1 << 20), (3, 333, 1021),
    ]

    static let compared = ["authority_year.csv", "type_year.csv", "comparison.csv", "rejects.csv"]

    @Test(arguments: cases)
    func outputsAreByteIdenticalWhateverTheWorkers(_ testCase: Case) async throws {
        let folder = try TemporaryFolder("parallel-parsing").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Two exports, so that pieces of both files are in flight at once and the second's
        // rows supersede the first's.
        var inputs: [String] = []
        for (index, suffix) in [".csv.gz", testCase.generatorArguments.contains("--shuffle-columns") ? ".csv" : ".csv.gz"].enumerated() {
            let export = folder + "/export\(index)" + suffix
            let generated = try ProcessRunner.run("/usr/bin/python3", [
                SharedFolder.makeExport, "--rows", "\(testCase.rows)", "--seed", "\(testCase.seed + 100 * index)",
                "--years", "2015-16..2023-24", "--register", SharedFolder.register, "--out", export,
                "--expect", folder + "/expect\(index)",
            ] + testCase.generatorArguments)
            try #require(generated.status == 0, "make-export failed: \(generated.stderr)")
            inputs.append(export)
        }

        func run(workers: Int, pieceSize: Int = 1 << 20, chunkSize: Int = 1 << 20) async throws -> (RunReport, String) {
            let out = folder + "/out-\(workers)-\(pieceSize)-\(chunkSize)"
            var configuration = try RunConfiguration(resolving: RunSettings()
                .with(\.inputs, inputs).with(\.register, SharedFolder.register).with(\.lookup, SharedFolder.lookup)
                .with(\.decisionRules, PackagePaths.path("pipelines/rules/decisions.yaml"))
                .with(\.serviceAreaRules, PackagePaths.path("pipelines/rules/service-areas.yaml"))
                .with(\.years, YearRange("2015-16..2023-24")!).with(\.output, out).with(\.maxRejectRate, 1)
                .with(\.parseWorkers, workers))
            configuration[\.templates] = nil
            configuration.pieceSize = pieceSize
            configuration.maxPieceBytes = max(pieceSize, 4 * pieceSize)
            configuration.chunkSize = chunkSize
            return (try await PipelineRunner(configuration: configuration).run(), out)
        }

        let (expected, baseline) = try await run(workers: 1)
        #expect(expected.counts.rowsRejected > 0)
        for (workers, pieceSize, chunkSize) in Self.settings {
            let (report, out) = try await run(workers: workers, pieceSize: pieceSize, chunkSize: chunkSize)
            let label = "\(workers) workers, pieces of \(pieceSize), chunks of \(chunkSize)"
            #expect(report.counts == expected.counts, "\(label)")
            #expect(report.inputs == expected.inputs, "\(label)")
            for file in Self.compared {
                let a = try Data(contentsOf: URL(fileURLWithPath: baseline + "/" + file))
                let b = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
                #expect(a == b, "\(file) differs with \(label)")
            }
            #expect(try Self.manifestCounts(baseline) == Self.manifestCounts(out), "\(label)")
        }
    }

    /// The manifest's `counts` and `inputs`, as JSON text with sorted keys.
    static func manifestCounts(_ folder: String) throws -> String {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        let manifest = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let kept: [String: Any] = ["counts": manifest["counts"] ?? "", "inputs": manifest["inputs"] ?? ""]
        return String(decoding: try JSONSerialization.data(withJSONObject: kept, options: [.sortedKeys]), as: UTF8.self)
    }
}
