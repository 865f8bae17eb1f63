import Foundation
import PipelineConfig
import PipelineModel
import Testing
import TestSupport

/// A setting added through a descriptor, and nothing else, reaches the definition loader, the
/// option parser, the override merge and the manifest (issue 24): the machinery is a loop over
/// descriptors, so a test-only descriptor list goes through the same code the table does.
@Suite struct RunSettingTableTests {
    /// A new setting with a range and a default, recorded in the manifest.
    static let maxLetters = RunSetting<Int, Int>(
        key: "max-letters", option: "max-letters", valueName: "n", help: "The most letters a run drafts. Default: 100.",
        example: "20", syntax: .integer(in: 1 ... 500), default: 100, manifest: { "\($0)" })
    /// A new file setting (invented, as a table of complaint codes would be): optional, not recorded.
    static let complaintCodes = RunSetting<String, String?>(
        key: "complaint-codes", option: "complaint-codes", valueName: "file", help: "The complaint codes table.",
        example: "rules/complaint-codes.yaml", syntax: .existingFile("complaint codes table"))
    /// The table with the new settings.
    static let settings: [any AnyRunSetting] = RunSettingTable.all + [maxLetters, complaintCodes]

    private func definition(_ yaml: String, files: [String] = []) throws -> (TemporaryFolder, String) {
        let folder = try TemporaryFolder("run-setting-table")
        for file in files {
            try FileManager.default.createDirectory(atPath: folder.path + "/" + (file as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            _ = try folder.write("x\n", to: file)
        }
        return (folder, try folder.write(yaml, to: "pipeline.yaml"))
    }

    @Test func aNewSettingLoadsFromADefinitionMergesAndIsRecordedInTheManifest() throws {
        let (folder, path) = try definition("batch-size: 10\nmax-letters: 20\ncomplaint-codes: rules/complaint-codes.yaml\n",
                                            files: ["rules/complaint-codes.yaml"])
        defer { folder.remove() }
        let loaded = try PipelineDefinition.load(path: path, checkFiles: true, settings: Self.settings)
        #expect(loaded[Self.maxLetters] == 20)
        #expect(loaded[Self.complaintCodes] == folder.url.standardizedFileURL.path + "/rules/complaint-codes.yaml")
        #expect(loaded[\.batchSize] == 10)

        // The command line's option, parsed by the same syntax, overrides the definition's value.
        var options = RunSettings()
        try Self.maxLetters.read(.text("30"), context: .commandLine(option: "max-letters"), into: &options)
        let merged = loaded.overriding(with: options)
        #expect(merged[Self.maxLetters] == 30)
        #expect(merged[\.batchSize] == 10)

        // The manifest's text, from the value resolved (the default when not given).
        #expect(Self.maxLetters.manifestText(of: Self.maxLetters.resolvedValue(in: merged)) == "30")
        #expect(Self.maxLetters.manifestText(of: Self.maxLetters.resolvedValue(in: RunSettings())) == "100")
        #expect(Self.complaintCodes.manifestText(of: Self.complaintCodes.resolvedValue(in: merged)) == nil)
        #expect(Self.complaintCodes.resolved(in: RunSettings()) == nil)
    }

    @Test func aNewSettingsRangeIsRefusedWithTheFileAndLineAndOnTheCommandLine() throws {
        let (folder, path) = try definition("batch-size: 10\nmax-letters: 501\n")
        defer { folder.remove() }
        do {
            _ = try PipelineDefinition.load(path: path, checkFiles: true, settings: Self.settings)
            Issue.record("loaded")
        } catch {
            #expect(error.file == path)
            #expect(error.line == 2)
            #expect(error.reason == "'max-letters': expected a whole number from 1 to 500, found '501'")
            #expect(error.kind == .invalid)
        }
        #expect(throws: SettingProblem.notExpected()) {
            var options = RunSettings()
            try Self.maxLetters.read(.text("501"), context: .commandLine(option: "max-letters"), into: &options)
        }
        // The table's own settings do not know the new key.
        #expect(throws: ConfigurationError.self) { try PipelineDefinition.load(path: path, checkFiles: false) }
    }

    @Test func aNewSettingsMissingFileIsAMissingFileNamingTheLine() throws {
        let (folder, path) = try definition("method: mean\ncomplaint-codes: nowhere.yaml\n")
        defer { folder.remove() }
        do {
            _ = try PipelineDefinition.load(path: path, checkFiles: true, settings: Self.settings)
            Issue.record("loaded")
        } catch {
            #expect(error.line == 2)
            #expect(error.kind == .missingFile)
            #expect(error.reason.hasPrefix("'complaint-codes': no such file: "))
        }
    }

    @Test func everyYearOverridesADefinitionsRange() throws {
        let (folder, path) = try definition("years: 2019-20..2023-24\n")
        defer { folder.remove() }
        let loaded = try PipelineDefinition.load(path: path, checkFiles: false)
        var options = RunSettings()
        try RunSettingTable.shared.years.read(.text("all"), context: .commandLine(option: "years"), into: &options)
        let merged = loaded.overriding(with: options)
        #expect(merged[\.years] == .some(nil))
        #expect(RunSettingTable.shared.years.resolved(in: merged) == nil)
        #expect(RunSettingTable.shared.years.resolved(in: loaded) == YearRange("2019-20..2023-24"))
        #expect(RunSettingTable.shared.years.manifestText(of: RunSettingTable.shared.years.resolvedValue(in: merged)) == "all")
    }

    @Test func everyDescriptorsExampleParsesAsAnOptionAndAsADefinitionValue() throws {
        let folder = try TemporaryFolder("run-setting-table")
        defer { folder.remove() }
        for setting in RunSettingTable.all {
            var options = RunSettings()
            try setting.read(.text(setting.example), context: .commandLine(option: setting.option ?? setting.key), into: &options)
            #expect(options.keys == [setting.key], "\(setting.key)")
            let path = try folder.write("\(setting.key): \(setting.example)\n", to: "pipeline.yaml")
            let loaded = try PipelineDefinition.load(path: path, checkFiles: false)
            #expect(loaded.keys == [setting.key], "\(setting.key)")
            // Every setting resolves, given or not, except those a run cannot do without.
            if setting.requiredAs == nil {
                _ = setting.resolvedValue(in: RunSettings())
            }
            #expect(setting.recordedInManifest == (setting.manifestText(of: setting.resolvedValue(in: loaded)) != nil))
        }
        #expect(Set(RunSettingTable.all.map(\.key)).count == RunSettingTable.all.count, "a key is given twice")
        #expect(RunSettingTable.labelled.map(\.label).contains("batchSize"))
    }
}
