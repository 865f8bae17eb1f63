import Foundation
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// The figures depend on the cases, not on the order of the rows: a row-shuffled copy of an
/// export (scripts/shuffle-export) gives byte-identical data files. Rows of one case keep their
/// relative order (the duplicate rule breaks `last_updated` ties by file order, so that order is
/// part of the data).
@Suite(SharedFolder.requiresMakeExport)
struct ShuffleTests {
    @Test func aRowShuffledExportGivesByteIdenticalDataFiles() async throws {
        let folder = try TemporaryFolder("shuffle").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let export = folder + "/decisions.csv.gz", shuffled = folder + "/shuffled.csv.gz"
        let generated = try ProcessRunner.run("/usr/bin/python3", [
            SharedFolder.makeExport, "--rows", "20000", "--seed", "4", "--years", "2015-16..2023-24",
            "--register", SharedFolder.register, "--out", export, "--expect", folder + "/expect",
        ])
        try #require(generated.status == 0, "\(generated.stderr)")
        let shuffling = try ProcessRunner.run("/usr/bin/python3", [PackagePaths.path("scripts/shuffle-export"), export, shuffled])
        try #require(shuffling.status == 0, "\(shuffling.stderr)")

        var outputs: [String] = []
        for input in [export, shuffled] {
            let out = folder + "/out-\(outputs.count)"
            var configuration = try RunConfiguration(resolving: RunSettings()
                .with(\.inputs, [input]).with(\.register, SharedFolder.register).with(\.lookup, SharedFolder.lookup)
                .with(\.decisionRules, PackagePaths.path("pipelines/rules/decisions.yaml"))
                .with(\.serviceAreaRules, PackagePaths.path("pipelines/rules/service-areas.yaml"))
                .with(\.output, out))
            configuration[\.templates] = nil
            _ = try await PipelineRunner(configuration: configuration).run()
            outputs.append(out)
        }
        for table in ["authority_year.csv", "type_year.csv", "comparison.csv"] {
            let a = try Data(contentsOf: URL(fileURLWithPath: outputs[0] + "/" + table))
            let b = try Data(contentsOf: URL(fileURLWithPath: outputs[1] + "/" + table))
            #expect(a == b, "\(table) depends on the order of the rows")
        }
    }
}
