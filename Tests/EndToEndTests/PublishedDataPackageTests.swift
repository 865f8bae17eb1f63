import Foundation
import Output
import Testing
import TestSupport

/// The data package of a real run: licence, sources and version, the tables as resources and
/// rejects.csv left out (that `frictionless validate` passes on it is IntegrationTests'
/// PublishedOutputToolTests).
@Suite struct PublishedDataPackageTests {
    @Test func describesTheStatisticsUnderTheOGLWithTheirSources() throws {
        let out = try TemporaryFolder("package").path + "/out"
        let run = try ProcessRunner.run(PackagePaths.executable, ["run", PackagePaths.path("pipelines/sample.yaml"), "--out", out])
        try #require(run.status == 0, "\(run.stderr)")
        let package = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: URL(fileURLWithPath: out + "/datapackage.json"))) as? [String: Any])
        let manifest = try RunManifest.decode(try Data(contentsOf: URL(fileURLWithPath: out + "/manifest.json")))

        #expect(package["version"] as? String == manifest.version)
        let licences = try #require(package["licenses"] as? [[String: String]])
        #expect(licences.map { $0["name"] } == ["OGL-UK-3.0"])
        let sources = try #require(package["sources"] as? [[String: String]])
        // Every export and the register, by file name (no server path) and the manifest's sha256.
        let expected = manifest.inputs.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.sha256) }
            + [(URL(fileURLWithPath: manifest.configuration.register.path).lastPathComponent, manifest.configuration.register.sha256)]
        for (name, sha256) in expected {
            #expect(sources.contains { $0["title"] == name && $0["hash"] == "sha256:" + sha256 }, "\(name) missing: \(sources)")
        }
        #expect(sources.allSatisfy { !($0["path"] ?? "/").contains("/") })

        let resources = try #require(package["resources"] as? [[String: Any]])
        #expect(Set(resources.compactMap { $0["path"] as? String }) == ["authority_year.csv", "type_year.csv", "comparison.csv",
                                                                        "national_year.csv", "area_year.csv", "public_reports.csv"])
        // Still published for operators, but not part of the open data.
        #expect(FileManager.default.fileExists(atPath: out + "/rejects.csv"))
    }
}
