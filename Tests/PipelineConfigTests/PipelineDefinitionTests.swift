import Foundation
import PipelineConfig
import PipelineModel
import Testing
import TestSupport

/// A folder with a definition and the files it names, for one test.
private struct DefinitionFolder {
    let folder: TemporaryFolder
    var root: String { folder.url.standardizedFileURL.path }

    /// Writes `files` (name -> text; names may contain folders) into a fresh folder.
    init(files: [String: String] = [:]) throws {
        folder = try TemporaryFolder("pipeline-definition-tests")
        for (name, text) in files {
            let url = folder.url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
    }

    /// Writes `yaml` as `pipeline.yaml` (or `name`) and returns its path.
    func definition(_ yaml: String, name: String = "pipeline.yaml") throws -> String {
        try folder.write(yaml, to: name)
    }

    func path(_ name: String) -> String { root + "/" + name }
}

/// The rule tables the tests point at: the real ones.
private let ruleTableFiles: [String: String] = [
    "rules/decisions.yaml": (try? String(contentsOfFile: PackagePaths.decisionRules, encoding: .utf8)) ?? "",
    "rules/service-areas.yaml": (try? String(contentsOfFile: PackagePaths.serviceAreaRules, encoding: .utf8)) ?? "",
]

@Suite struct PipelineDefinitionLoaderTests {
    /// The error of loading `yaml` beside `files`; fails the test when it loads.
    private func loadError(_ yaml: String, files: [String: String] = [:], checkFiles: Bool = true,
                           sourceLocation: SourceLocation = #_sourceLocation) throws -> ConfigurationError {
        let folder = try DefinitionFolder(files: files)
        defer { folder.folder.remove() }
        let path = try folder.definition(yaml)
        do {
            let loaded = try PipelineDefinition.load(path: path, checkFiles: checkFiles)
            Issue.record("loaded: \(loaded)", sourceLocation: sourceLocation)
        } catch {
            return error
        }
        throw CancellationError()
    }

    @Test func everyKeyLoadsWithRelativePathsResolvedAgainstTheDefinitionsFolder() throws {
        var files = ruleTableFiles
        for name in ["exports/a.csv.gz", "exports/b.csv.gz", "ref/register.csv", "ref/lookup.csv", "ref/population.csv"] {
            files[name] = "x\n"
        }
        let folder = try DefinitionFolder(files: files)
        defer { folder.folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("metrics"), withIntermediateDirectories: true)
        let path = try folder.definition("""
            # a comment
            inputs:
              - exports/a.csv.gz
              - ./exports/../exports/b.csv.gz
            register: ref/register.csv
            lookup: \(folder.path("ref/lookup.csv"))
            population: "ref/population.csv"
            decision-rules: rules/decisions.yaml
            service-area-rules: rules/service-areas.yaml
            method: mean
            years: 2019-20..2023-24
            output: ../published
            batch-size: 2048
            max-reject-rate: 2.5%
            min-rows: 1000
            metrics-file: metrics/annual_review.prom
            log-format: json
            """)
        let definition = try PipelineDefinition.load(path: path)
        let parent = URL(fileURLWithPath: folder.root).deletingLastPathComponent().path
        #expect(definition == RunSettings()
            .with(\.inputs, [folder.path("exports/a.csv.gz"), folder.path("exports/b.csv.gz")])
            .with(\.register, folder.path("ref/register.csv"))
            .with(\.lookup, folder.path("ref/lookup.csv"))
            .with(\.population, folder.path("ref/population.csv"))
            .with(\.decisionRules, folder.path("rules/decisions.yaml"))
            .with(\.serviceAreaRules, folder.path("rules/service-areas.yaml"))
            .with(\.method, AveragingMethod.mean)
            .with(\.years, YearRange("2019-20..2023-24")!)
            .with(\.output, parent + "/published")
            .with(\.batchSize, 2048)
            .with(\.maxRejectRate, 0.025)
            .with(\.minRows, 1000)
            .with(\.metricsFile, folder.path("metrics/annual_review.prom"))
            .with(\.logFormat, LogFormat.json))
    }

    @Test func anEmptyMappingGivesNothing() throws {
        let folder = try DefinitionFolder()
        defer { folder.folder.remove() }
        #expect(try PipelineDefinition.load(path: try folder.definition("{}\n")) == RunSettings())
    }

    @Test func globsAreSortedPerPatternAndPatternsKeepTheirOrder() throws {
        let names = ["full/decisions-2024-04-01.csv.gz", "deltas/decisions-2024-04-10.csv.gz",
                     "deltas/decisions-2024-04-02.csv.gz", "deltas/decisions-2024-04-03.csv.gz", "deltas/notes.txt"]
        let folder = try DefinitionFolder(files: Dictionary(uniqueKeysWithValues: names.map { ($0, "x") }))
        defer { folder.folder.remove() }
        // A folder matching the glob is not an export.
        try FileManager.default.createDirectory(atPath: folder.path("deltas/decisions-old.csv.gz"), withIntermediateDirectories: true)
        let path = try folder.definition("inputs:\n  - full/*.csv.gz\n  - deltas/decisions-*.csv.gz\n")
        let definition = try PipelineDefinition.load(path: path)
        #expect(definition[\.inputs] == [
            folder.path("full/decisions-2024-04-01.csv.gz"), folder.path("deltas/decisions-2024-04-02.csv.gz"),
            folder.path("deltas/decisions-2024-04-03.csv.gz"), folder.path("deltas/decisions-2024-04-10.csv.gz"),
        ])
    }

    @Test func oneInputMayBeGivenWithoutAListAndStandardInputStays() throws {
        let folder = try DefinitionFolder(files: ["a.csv": "x"])
        defer { folder.folder.remove() }
        #expect(try PipelineDefinition.load(path: try folder.definition("inputs: a.csv\n"))[\.inputs] == [folder.path("a.csv")])
        #expect(try PipelineDefinition.load(path: try folder.definition("inputs: [-]\n"))[\.inputs] == ["-"])
    }

    @Test(arguments: [("1%", 0.01), ("0.01", 0.01), ("5 %", 0.05), ("0", 0.0), ("100%", 1.0), ("'2%'", 0.02), ("1", 1.0)])
    func rejectRateIsAPercentOrAShare(text: String, expected: Double) throws {
        let folder = try DefinitionFolder()
        defer { folder.folder.remove() }
        let rate = try #require(try PipelineDefinition.load(path: try folder.definition("max-reject-rate: \(text)\n"))[\.maxRejectRate])
        #expect(abs(rate - expected) < 1e-12)
    }

    @Test func yearsMayBeOneYearOrAll() throws {
        let folder = try DefinitionFolder()
        defer { folder.folder.remove() }
        #expect(try PipelineDefinition.load(path: try folder.definition("years: 2023-24\n"))[\.years] == YearRange("2023-24"))
        // Every year: given (it overrides a definition's range), as nil.
        #expect(try PipelineDefinition.load(path: try folder.definition("years: all\n"))[\.years] == .some(nil))
        #expect(try PipelineDefinition.load(path: try folder.definition("method: Pooled\nlog-format: AUTO\n"))
            == RunSettings()
            .with(\.method, AveragingMethod.pooled)
            .with(\.logFormat, LogFormat.auto))
    }

    // MARK: Errors: each names the file, the line and the key.

    @Test func unknownKeyNamesTheKeyAndTheKnownOnes() throws {
        let e = try loadError("method: pooled\n\nmax-rejects: 1%\n")
        #expect(e.file.hasSuffix("/pipeline.yaml"))
        #expect(e.line == 3)
        #expect(e.reason.contains("unknown key 'max-rejects'"))
        #expect(e.reason.contains("max-reject-rate"))
        #expect(e.description.hasPrefix(e.file + ":3: unknown key 'max-rejects' (known keys: inputs, register,"))
    }

    @Test func camelCaseKeysAreUnknown() throws {
        let e = try loadError("minRows: 5\n")
        #expect(e.line == 1)
        #expect(e.reason.contains("unknown key 'minRows'"))
    }

    @Test(arguments: [
        ("min-rows: lots\n", 1, "'min-rows': expected a whole number, 0 or more, found 'lots'"),
        ("min-rows: -1\n", 1, "'min-rows': expected a whole number, 0 or more, found '-1'"),
        ("min-rows: 2.5\n", 1, "'min-rows': expected a whole number"),
        ("batch-size: 0\n", 1, "'batch-size': expected a whole number from 1 to 1000000, found '0'"),
        // Issue 16, class 5: numbers out of range (or out of Int) are the setting's error, not a crash.
        ("batch-size: 1000001\n", 1, "'batch-size': expected a whole number from 1 to 1000000, found '1000001'"),
        ("batch-size: 99999999999999999999999\n", 1, "'batch-size': expected a whole number from 1 to 1000000, found '9999"),
        ("min-rows: 99999999999999999999999\n", 1, "'min-rows': expected a whole number, 0 or more, found '9999"),
        ("years: 2019-20..9999-00\n", 1, "'years': expected a year range such as 2019-20..2023-24, one year such as "
            + "2023-24, or all, found '2019-20..9999-00' ('9999-00' is not a reporting year from 1899-00 to 2999-00"),
        ("years: 1900-01..2999-00\n", 1, "'years': expected a year range such as 2019-20..2023-24, one year such as "
            + "2023-24, or all, found '1900-01..2999-00' (1100 years; a range spans at most 100)"),
        ("parse-workers: 0\n", 1, "'parse-workers': expected a whole number from 1 to 256, found '0'"),
        ("parse-workers: 257\n", 1, "'parse-workers': expected a whole number from 1 to 256, found '257'"),
        ("parse-workers: all\n", 1, "'parse-workers': expected a whole number from 1 to 256, found 'all'"),
        ("method: pooled\nregister:\n  - a.csv\n  - b.csv\n", 3, "'register': expected a path, found a list"),
        ("lookup: {file: x}\n", 1, "'lookup': expected a path, found a mapping"),
        ("population:\n", 1, "'population': expected a path, found nothing"),
        ("output: ''\n", 1, "'output': expected a path, found ''"),
        ("method: median\n", 1, "'method': expected pooled or mean, found 'median'"),
        ("years: 2019..2023\n", 1, "'years': expected a year range such as 2019-20..2023-24"),
        ("years: 2023-24..2019-20\n", 1, "'years': expected a year range"),
        ("max-reject-rate: 150%\n", 1, "'max-reject-rate': expected a share between 0 and 1, written 1% or 0.01, found '150%'"),
        ("max-reject-rate: lots\n", 1, "'max-reject-rate': expected a share between 0 and 1"),
        ("log-format: xml\n", 1, "'log-format': expected one of auto, text, json, found 'xml'"),
        ("inputs:\n  a: b\n", 2, "'inputs': expected a list of export paths or globs, found a mapping"),
        ("inputs:\n  - [a, b]\n", 2, "'inputs': expected a path, found a list"),
        ("inputs: []\n", 1, "'inputs': expected at least one export"),
    ])
    func wrongTypeNamesTheKeyAndTheExpectedType(yaml: String, line: Int, reason: String) throws {
        let e = try loadError(yaml)
        #expect(e.line == line)
        #expect(e.reason.hasPrefix(reason), "\(e.reason)")
    }

    @Test(arguments: ["register", "lookup", "population", "decision-rules", "service-area-rules", "remedy-rules"])
    func missingFileNamesTheKeyAndThePath(key: String) throws {
        let e = try loadError("method: mean\n\(key): ref/missing.csv\n")
        #expect(e.line == 2)
        #expect(e.reason.hasPrefix("'\(key)': no such file: /"))
        #expect(e.reason.hasSuffix("/ref/missing.csv"))
        #expect(e.file.hasSuffix("/pipeline.yaml"))
    }

    @Test func aMissingFileIsOfTheMissingFileKind() throws {
        let e = try loadError("register: ref/missing.csv\n")
        #expect(e.kind == .missingFile)
        let glob = try loadError("inputs: ['exports/*.csv.gz']\n")
        #expect(glob.kind == .missingFile)
        let badValue = try loadError("batch-size: 0\n")
        #expect(badValue.kind == .invalid)
    }

    // Issue 24: the templates folder had an option and no key.
    @Test func theTemplatesKeyNamesAFolderResolvedAgainstTheDefinitions() throws {
        let folder = try DefinitionFolder(files: ["letters/letter.md.mustache": "x"])
        defer { folder.folder.remove() }
        let loaded = try PipelineDefinition.load(path: try folder.definition("templates: letters\n"))
        #expect(loaded[\.templates] == folder.path("letters"))
        #expect(loaded == RunSettings()
            .with(\.templates, folder.path("letters")))
        let e = try loadError("method: mean\ntemplates: nowhere\n")
        #expect(e.line == 2)
        #expect(e.kind == .missingFile)
        #expect(e.reason.hasPrefix("'templates': no such folder: /"), "\(e.reason)")
    }

    @Test func aFolderIsNotAFile() throws {
        let e = try loadError("register: ref\n", files: ["ref/x.csv": "x"])
        #expect(e.reason.hasPrefix("'register': no such file: "))
    }

    @Test func missingInputNamesItsLine() throws {
        let e = try loadError("inputs:\n  - a.csv.gz\n  - b.csv.gz\n", files: ["a.csv.gz": "x"])
        #expect(e.line == 3)
        #expect(e.reason.hasPrefix("'inputs': no such file: /"))
        #expect(e.reason.hasSuffix("/b.csv.gz"))
    }

    @Test func globMatchingNothingNamesItsLine() throws {
        let e = try loadError("inputs:\n  - a.csv.gz\n  - deltas/decisions-*.csv.gz\n", files: ["a.csv.gz": "x", "deltas/readme": "x"])
        #expect(e.line == 3)
        #expect(e.reason.hasPrefix("'inputs': no file matches /"))
        #expect(e.reason.hasSuffix("/deltas/decisions-*.csv.gz"))
    }

    @Test func metricsFolderMustExist() throws {
        let e = try loadError("metrics-file: /no/such/folder/annual_review.prom\n")
        #expect(e.line == 1)
        #expect(e.reason == "'metrics-file': no such folder: /no/such/folder")
    }

    @Test func ruleTableThatDoesNotParseNamesItsFileLineAndKey() throws {
        var files = ruleTableFiles
        files["rules/bad.yaml"] = "Upheld:\n  - Upheld\nPartly upheld:\n  - Partly\n"
        let e = try loadError("decision-rules: rules/bad.yaml\nservice-area-rules: rules/service-areas.yaml\n", files: files)
        #expect(e.file.hasSuffix("/rules/bad.yaml"))
        #expect(e.line == 3)
        #expect(e.reason.contains("unknown outcome 'Partly upheld'"))
        #expect(e.reason.hasSuffix("(the rule table named by 'decision-rules' in pipeline.yaml:1)"))
    }

    @Test func remedyRuleTableWithAnUnknownKindNamesItsFileLineAndKey() throws {
        let e = try loadError("remedy-rules: remedies.yaml\n",
                              files: ["remedies.yaml": "Service improvement:\n  - Training\nCompensation:\n  - Money\n"])
        #expect(e.file.hasSuffix("/remedies.yaml"))
        #expect(e.line == 3)
        #expect(e.reason.contains("unknown kind of remedy 'Compensation'"))
        #expect(e.reason.hasSuffix("(the rule table named by 'remedy-rules' in pipeline.yaml:1)"))
        let folder = try DefinitionFolder(files: ["r.yaml": "Put right for the person:\n  - Apology\n"])
        defer { folder.folder.remove() }
        let loaded = try PipelineDefinition.load(path: try folder.definition("remedy-rules: r.yaml\n"))
        #expect(loaded == RunSettings().with(\.remedyRules, folder.path("r.yaml")))
    }

    @Test func ruleTableThatIsNotYAMLNamesItsLine() throws {
        let e = try loadError("service-area-rules: areas.yaml\n", files: ["areas.yaml": "Housing:\n  - Housing\n  bad: [\n"])
        #expect(e.file.hasSuffix("/areas.yaml"))
        #expect(e.line != nil)
        #expect(e.reason.hasPrefix("not valid YAML"))
        #expect(e.reason.contains("'service-area-rules' in pipeline.yaml:1"))
    }

    @Test func invalidYAMLNamesTheLine() throws {
        let e = try loadError("method: pooled\ninputs: [a.csv\nyears: all\n")
        #expect(e.file.hasSuffix("/pipeline.yaml"))
        #expect(e.line != nil)
        #expect(e.reason.hasPrefix("not valid YAML: "))
    }

    @Test func repeatedKeyIsAnError() throws {
        let e = try loadError("method: pooled\nyears: all\nmethod: mean\n")
        #expect(e.line == 1)
        #expect(e.reason == "key 'method' given more than once")
    }

    @Test func rootMustBeAMapping() throws {
        let list = try loadError("- a.csv\n- b.csv\n")
        #expect(list.line == 1)
        #expect(list.reason.hasPrefix("expected a mapping of settings (keys: inputs, "))
        let empty = try loadError("# nothing\n")
        #expect(empty.line == nil)
        #expect(empty.reason.hasPrefix("empty: expected a mapping of settings"))
    }

    @Test func missingDefinitionIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try PipelineDefinition.load(path: "/no/such/pipeline.yaml")
        }
    }

    @Test func withoutFileChecksPathsAreResolvedAndGlobsKept() throws {
        let folder = try DefinitionFolder()
        defer { folder.folder.remove() }
        let path = try folder.definition("""
            inputs: [/srv/exports/full.csv.gz, deltas/*.csv.gz]
            register: ref/register.csv
            decision-rules: rules/missing.yaml
            metrics-file: /no/such/folder/x.prom
            """)
        let definition = try PipelineDefinition.load(path: path, checkFiles: false)
        #expect(definition[\.inputs] == ["/srv/exports/full.csv.gz", folder.path("deltas/*.csv.gz")])
        #expect(definition[\.register] == folder.path("ref/register.csv"))
        #expect(definition[\.decisionRules] == folder.path("rules/missing.yaml"))
        #expect(definition[\.metricsFile] == "/no/such/folder/x.prom")
        // Types are still checked.
        let e = try loadError("min-rows: many\n", checkFiles: false)
        #expect(e.line == 1)
    }
}

@Suite struct PipelineDefinitionMergeTests {
    @Test func commandLineOptionsOverrideTheFile() {
        let file = RunSettings()
            .with(\.inputs, ["/a", "/b"])
            .with(\.register, "/r")
            .with(\.lookup, "/l")
            .with(\.method, AveragingMethod.pooled)
            .with(\.years, YearRange("2019-20..2023-24")!)
            .with(\.output, "/out")
            .with(\.maxRejectRate, 0.05)
            .with(\.minRows, 10)
            .with(\.metricsFile, "/m.prom")
            .with(\.logFormat, LogFormat.auto)
        let options = RunSettings()
            .with(\.inputs, ["/c"])
            .with(\.method, AveragingMethod.mean)
            .with(\.output, "/elsewhere")
            .with(\.minRows, 0)
            .with(\.logFormat, LogFormat.json)
        #expect(file.overriding(with: options) == RunSettings()
            .with(\.inputs, ["/c"])
            .with(\.register, "/r")
            .with(\.lookup, "/l")
            .with(\.method, AveragingMethod.mean)
            .with(\.years, YearRange("2019-20..2023-24")!)
            .with(\.output, "/elsewhere")
            .with(\.maxRejectRate, 0.05)
            .with(\.minRows, 0)
            .with(\.metricsFile, "/m.prom")
            .with(\.logFormat, LogFormat.json))
        #expect(file.overriding(with: RunSettings()) == file)
        #expect(RunSettings().overriding(with: file) == file)
    }

    @Test(arguments: [("pipelines/nightly.yaml", true), ("x.YML", true), ("export.csv.gz", false), ("-", false), ("yaml", false)])
    func definitionArgumentsAreYAMLFiles(argument: String, isDefinition: Bool) {
        #expect(PipelineDefinition.isDefinitionPath(argument) == isDefinition)
    }

    @Test(arguments: [("1%", 0.01), ("0.01", 0.01), (" 5% ", 0.05), ("abc", nil), ("101%", nil), ("-1", nil), ("%", nil), ("nan", nil)] as [(String, Double?)])
    func rejectRates(text: String, expected: Double?) {
        let rate = RunSettingTable.shared.maxRejectRate.value(parsing: text)
        #expect((rate == nil) == (expected == nil))
        if let rate, let expected { #expect(abs(rate - expected) < 1e-12) }
    }
}

@Suite struct ShippedPipelineDefinitionTests {
    private func pipeline(_ name: String) -> String {
        PackagePaths.root.appendingPathComponent("pipelines/\(name)").path
    }

    private var root: String { PackagePaths.root.standardizedFileURL.path }

    @Test func sampleLoadsWithEveryFileChecked() throws {
        let definition = try PipelineDefinition.load(path: pipeline("sample.yaml"))
        #expect(definition == RunSettings()
            .with(\.inputs, [root + "/sample-data/decisions-sample.csv.gz"])
            .with(\.register, root + "/sample-data/register.csv")
            .with(\.lookup, root + "/sample-data/name-lookup.csv")
            .with(\.population, root + "/sample-data/population.csv")
            .with(\.decisionRules, root + "/pipelines/rules/decisions.yaml")
            .with(\.serviceAreaRules, root + "/pipelines/rules/service-areas.yaml")
            .with(\.remedyRules, root + "/pipelines/rules/remedies.yaml")
            .with(\.method, AveragingMethod.pooled)
            .with(\.years, nil)
            .with(\.output, root + "/out/sample")
            .with(\.maxRejectRate, 0.05)
            .with(\.minRows, 1)
            .with(\.logFormat, LogFormat.auto))
    }

    @Test func nightlyLoads() throws {
        let definition = try PipelineDefinition.load(path: pipeline("nightly.yaml"), checkFiles: false)
        #expect(definition == RunSettings()
            .with(\.inputs, ["/srv/ombudsman/exports/decisions-latest.csv.gz"])
            .with(\.register, "/srv/ombudsman/reference/uk_local_authorities_current.csv")
            .with(\.lookup, "/srv/ombudsman/reference/lookup_name_to_registry.csv")
            .with(\.population, "/srv/ombudsman/reference/population.csv")
            .with(\.decisionRules, root + "/pipelines/rules/decisions.yaml")
            .with(\.serviceAreaRules, root + "/pipelines/rules/service-areas.yaml")
            .with(\.remedyRules, root + "/pipelines/rules/remedies.yaml")
            .with(\.method, AveragingMethod.pooled)
            .with(\.years, nil)
            .with(\.output, "/srv/ombudsman/published/annual-review")
            .with(\.maxRejectRate, 0.01)
            .with(\.minRows, 100_000)
            .with(\.metricsFile, "/var/lib/prometheus/node-exporter/annual_review_nightly.prom")
            .with(\.logFormat, LogFormat.auto))
    }

    @Test func reprocessLoads() throws {
        let definition = try PipelineDefinition.load(path: pipeline("reprocess.yaml"), checkFiles: false)
        #expect(definition == RunSettings()
            .with(\.inputs, ["/srv/ombudsman/archive/2024-04-01/decisions-full.csv.gz",
                     "/srv/ombudsman/archive/2024-04-01/decisions-delta-*.csv.gz"])
            .with(\.register, "/srv/ombudsman/reference/uk_local_authorities_current.csv")
            .with(\.lookup, "/srv/ombudsman/reference/lookup_name_to_registry.csv")
            .with(\.population, "/srv/ombudsman/reference/population.csv")
            .with(\.decisionRules, root + "/pipelines/rules/decisions.yaml")
            .with(\.serviceAreaRules, root + "/pipelines/rules/service-areas.yaml")
            .with(\.remedyRules, root + "/pipelines/rules/remedies.yaml")
            .with(\.method, AveragingMethod.pooled)
            .with(\.years, YearRange("2019-20..2023-24")!)
            .with(\.output, "/srv/ombudsman/reprocessed/2019-20..2023-24")
            .with(\.maxRejectRate, 0.01)
            .with(\.minRows, 100_000)
            .with(\.metricsFile, "/var/lib/prometheus/node-exporter/annual_review_reprocess.prom")
            .with(\.logFormat, LogFormat.auto))
    }

    @Test func everyShippedDefinitionExplainsEveryKeyItUses() throws {
        for name in ["sample.yaml", "nightly.yaml", "reprocess.yaml"] {
            let lines = try String(contentsOfFile: pipeline(name), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
            for (i, line) in lines.enumerated() {
                guard let key = PipelineDefinition.keys.first(where: { line.hasPrefix("\($0):") }) else { continue }
                #expect(i > 0 && lines[i - 1].hasPrefix("#"), "\(name):\(i + 1): '\(key)' has no comment above it")
            }
        }
    }
}

extension RunSettings {
    /// These settings with the table's setting at `path` given as `value`, for the expectations.
    fileprivate func with<Value, Resolved>(_ path: KeyPath<RunSettingTable, RunSetting<Value, Resolved>>, _ value: Value) -> RunSettings {
        var settings = self
        settings[path] = value
        return settings
    }
}
