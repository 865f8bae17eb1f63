import Foundation
import PipelineConfig
import Testing
import TestSupport

/// The run settings' one table (`RunSettingTable.all`, issue 24): every descriptor reaches `--help`,
/// the definition loader, the override merge and (when it says so) the manifest, and no option
/// of `run` is without one. A setting added to the table is checked by these tests with no
/// change to them.
@Suite struct RunSettingTests {
    /// `run`'s options that are not settings of a run: what the run does, not what it reads.
    static let commandOptions: Set<String> = ["dry-run", "quality-report", "recompute", "help", "version"]

    @Test func everySettingIsInTheHelpAndEveryOptionIsASetting() throws {
        let help = try ProcessRunner.run(PackagePaths.executable, ["run", "--help"])
        #expect(help.status == 0)
        let text = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for setting in RunSettingTable.all {
            guard let option = setting.option else {
                #expect(text.contains("<\(setting.valueName)>"), "\(setting.key)'s arguments are not in the help")
                continue
            }
            #expect(text.contains("--\(option) <\(setting.valueName)>"), "--\(option) is not in the help")
            let words = setting.help.split(separator: " ").prefix(6).joined(separator: " ")
            #expect(text.contains(words), "the help of --\(option) is not its descriptor's: \(words)")
        }
        let options = Set(help.stdout.matches(of: /--([a-z][a-z-]*)/).map { String($0.output.1) })
        let settings = Set(RunSettingTable.all.compactMap(\.option))
        #expect(options.subtracting(settings).subtracting(Self.commandOptions).isEmpty,
                "options without a descriptor: \(options.subtracting(settings).subtracting(Self.commandOptions).sorted())")
        #expect(settings.isSubset(of: options))
    }

    @Test func everyOptionTakesItsDescriptorsExampleAndReachesTheRun() throws {
        let folder = try TemporaryFolder("settings")
        defer { folder.remove() }
        _ = try folder.write("", to: "exports.csv.gz")
        var arguments = ["run"]
        for setting in RunSettingTable.all {
            if let option = setting.option { arguments += ["--\(option)", setting.example] }
        }
        let result = try ProcessRunner.run(PackagePaths.executable, arguments + ["exports.csv.gz"], currentDirectory: folder.path)
        // Every option parsed (no usage error, 64); the run stops at its first missing file, the
        // register the option names, and records its end where --metrics-file says, as --log-format says.
        #expect(result.status == 66, "\(result.stderr)")
        #expect(result.stderr.contains("register.csv: no such register file"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("{") }, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: folder.path + "/annual-review.prom"))
    }

    @Test func everySettingLoadsFromADefinitionAndOverridesOne() throws {
        #expect(PipelineDefinition.keys == RunSettingTable.all.map(\.key))
        #expect(Set(PipelineDefinition.keys).count == RunSettingTable.all.count, "a key is given twice")
        let folder = try TemporaryFolder("settings")
        defer { folder.remove() }
        for setting in RunSettingTable.all {
            let path = try folder.write("\(setting.key): \(setting.example)\n", to: "pipeline.yaml")
            let loaded = try PipelineDefinition.load(path: path, checkFiles: false)
            #expect(loaded.keys == [setting.key], "'\(setting.key): \(setting.example)' set \(loaded)")
            #expect(RunSettings().overriding(with: loaded) == loaded, "\(setting.key) is not merged")
            #expect(loaded.overriding(with: RunSettings()) == loaded, "\(setting.key) is lost by an empty override")
        }
    }

    @Test func theManifestRecordsTheSettingsTheTableMarksWithTheirValues() throws {
        let folder = try TemporaryFolder("settings")
        defer { folder.remove() }
        let recorded = RunSettingTable.all.filter(\.recordedInManifest)
        var arguments = ["run", "--register", PackagePaths.path("sample-data/register.csv"),
                         "--lookup", PackagePaths.path("sample-data/name-lookup.csv"), "--out", folder.path + "/out"]
        // The recorded settings that do not change which rows publish, by their examples.
        let given = recorded.filter { ["batch-size", "min-rows", "parse-workers", "letter-date", "max-reject-rate"].contains($0.key) }
        for setting in given { arguments += ["--\(setting.option!)", setting.example] }
        let result = try ProcessRunner.run(PackagePaths.executable,
                                           arguments + [PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        try #require(result.status == 0, "\(result.stderr)")
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/manifest.json")))
        let configuration = try #require((manifest as? [String: Any])?["configuration"] as? [String: Any])
        let settings = try #require(configuration["settings"] as? [String: String])
        #expect(Set(settings.keys) == Set(recorded.map(\.key)))
        for key in ["batch-size", "min-rows", "parse-workers", "letter-date"] {
            #expect(settings[key] == RunSettingTable.named(key)?.example, "\(key): \(settings[key] ?? "none")")
        }
        #expect(settings["max-reject-rate"] == "0.05")
    }
}
