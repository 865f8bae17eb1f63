import Foundation
import Output
import PipelineModel
import Testing
import TestSupport

/// manifest.json says which program, templates and definition made the publication.
@Suite struct ManifestProvenanceTests {
    @Test func recordsTheCommitTemplatesAndDefinition() throws {
        let definition = PackagePaths.path("pipelines/sample.yaml")
        let out = try TemporaryFolder("provenance").path + "/out"
        let run = try ProcessRunner.run(PackagePaths.executable, ["run", definition, "--out", out])
        try #require(run.status == 0, "\(run.stderr)")
        let manifest = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))

        // A `swift build` binary has no recorded commit; scripts/install records one (InstalledBinaryTests).
        #expect(manifest.commit == BuildInfo.unknownCommit)
        #expect(manifest.runID?.count == 36)
        #expect(manifest.configuration.definition == (try RunManifest.FileDigest(contentsOf: definition)))
        let folder = PackagePaths.path("pipelines/templates")
        let templates = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".mustache") }.sorted()
        let recorded = try #require(manifest.configuration.templates)
        #expect(recorded.map { URL(fileURLWithPath: $0.path).lastPathComponent }.sorted() == templates)
        for entry in recorded {
            #expect(entry == (try RunManifest.FileDigest(contentsOf: entry.path)))
        }
    }
}
