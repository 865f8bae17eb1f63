import Foundation
import Ingestion
package import PipelineConfig
package import PipelineModel

/// Everything a run needs to know, after the command line (and pipeline definition) are read.
package struct RunConfiguration: Sendable {
    /// Export files in order (`-` for standard input); later files' rows supersede earlier
    /// ones by the duplicate rule.
    package var inputs: [String]
    /// The authority register (mySociety layout).
    package var register: String
    /// The alternative-names table, if any.
    package var lookup: String?
    /// The population table, if any.
    package var population: String?
    /// The decision rule table.
    package var decisionRules: String
    /// The service-area rule table.
    package var serviceAreaRules: String
    /// The remedy rule table.
    package var remedyRules: String
    /// How type averages are computed.
    package var method: AveragingMethod
    /// The reporting years to recompute; nil for every year the data covers. With a range,
    /// every other year already published in ``outputDirectory`` is carried over unchanged.
    package var years: YearRange?
    /// The output folder (published atomically).
    package var outputDirectory: String
    /// Records per batch between stages.
    package var batchSize: Int
    /// The largest share of rejected rows (0.01 = 1%) a run may have and still publish.
    package var maxRejectRate: Double
    /// The Mustache templates of the letters and the report (`pipelines/templates`); nil
    /// publishes the data files only.
    package var templates: String?
    /// Do everything except publication (staging is removed, the output folder untouched).
    package var dryRun = false
    /// Compute and publish even when the sources (exports, configuration files, settings,
    /// program) are those the current publication records, which a run otherwise publishes
    /// again without reading the exports' rows (``RunManifest/sourceFingerprint``).
    package var recompute = false
    /// The letters' addressees (`local-authority-code,name,job-title`), if any.
    package var contacts: String?
    /// The date the draft letters carry; nil prints a placeholder.
    package var letterDate: Day?
    /// Who signs the draft letters; nil prints a placeholder name.
    package var signatory: Signatory?
    /// The fewest data rows a run must read to publish, so that an export that parses into
    /// nothing never replaces good figures.
    package var minRows: Int
    /// How many parse workers parse, clean and classify at once, each with its own libcsv
    /// parser; 1 runs the single parsing task, with cleaning and classification as tasks of
    /// their own. The outputs are the same whatever the number.
    package var parseWorkers = RunConfiguration.defaultParseWorkers
    /// With several parse workers, the smallest piece of CSV bytes handed to one (see
    /// ``PieceCutter``); tests make it tiny so that every record boundary is a cut.
    package var pieceSize = PieceCutter.defaultPieceSize
    /// With several parse workers, the largest piece before one is handed on without waiting
    /// for a record boundary.
    package var maxPieceBytes = PieceCutter.defaultMaxPieceBytes
    /// Bytes read, and inflated, per step of decompression.
    package var chunkSize = RunDefaults.chunkSize

    /// One parse worker per core this process may run on (its CPU affinity, so `taskset -c 0`
    /// gives 1).
    package static var defaultParseWorkers: Int { AvailableCores.count }

    /// The run's identifier (as on its log lines), recorded in the manifest; nil records none.
    package var runID: String?
    /// The pipeline definition the settings came from, if any: its sha256 goes in the manifest.
    package var definition: String?
    /// The keys (`decision-rules`, `service-area-rules`, `remedy-rules`, `templates`) of the settings that took
    /// the program's own files because none was given, so that a missing one says where they
    /// were looked for.
    package var defaulted: Set<String> = []
    /// The program, recorded in the manifest.
    package var build = Installation.build

    /// A configuration; see the properties.
    package init(inputs: [String], register: String, lookup: String? = nil, population: String? = nil,
                decisionRules: String, serviceAreaRules: String, method: AveragingMethod = RunDefaults.method,
                years: YearRange? = nil, outputDirectory: String, batchSize: Int = RunDefaults.batchSize,
                maxRejectRate: Double = RunDefaults.maxRejectRate, minRows: Int = RunDefaults.minRows,
                templates: String? = nil, remedyRules: String? = nil) {
        self.inputs = inputs
        self.register = register
        self.lookup = lookup
        self.population = population
        self.decisionRules = decisionRules
        self.serviceAreaRules = serviceAreaRules
        // The remedy table of the folder that holds the decision table (the package's
        // `pipelines/rules/` in tests), unless given.
        self.remedyRules = remedyRules ?? URL(fileURLWithPath: decisionRules).deletingLastPathComponent()
            .appendingPathComponent(URL(fileURLWithPath: RunDefaults.remedyRules).lastPathComponent).path
        self.method = method
        self.years = years
        self.outputDirectory = outputDirectory
        self.batchSize = batchSize
        self.maxRejectRate = maxRejectRate
        self.minRows = minRows
        self.templates = templates
    }
}

extension RunConfiguration {
    /// What a run cannot do without, missing from both the command line and the definition.
    package struct MissingSettings: Error, Sendable, CustomStringConvertible {
        /// The settings missing, as the command line names them (`--register`, `an input file`).
        package let names: [String]

        package var description: String {
            "missing \(names.joined(separator: ", ")) (on the command line or in the pipeline definition)"
        }
    }

    /// The configuration `settings` (a definition overridden by the command line) resolve to:
    /// every setting not given takes its ``RunDefaults`` value; the rule tables default to the
    /// program's own (``Installation``), the templates to the folder beside the rule tables'.
    /// - Throws: ``MissingSettings`` without a register, an output folder or an input.
    package init(resolving settings: PipelineDefinition) throws(MissingSettings) {
        guard let register = settings.register, let output = settings.output, let inputs = settings.inputs,
              !inputs.isEmpty else {
            throw MissingSettings(names: [settings.register == nil ? "--register" : nil,
                                          settings.output == nil ? "--out" : nil,
                                          (settings.inputs ?? []).isEmpty ? "an input file" : nil].compactMap { $0 })
        }
        let decisionRules = settings.decisionRules ?? Self.installedFile(RunDefaults.decisionRules)
        self.init(inputs: inputs, register: register, lookup: settings.lookup, population: settings.population,
                  decisionRules: decisionRules,
                  serviceAreaRules: settings.serviceAreaRules ?? Self.installedFile(RunDefaults.serviceAreaRules),
                  method: settings.method ?? RunDefaults.method, years: settings.years, outputDirectory: output,
                  batchSize: settings.batchSize ?? RunDefaults.batchSize,
                  maxRejectRate: settings.maxRejectRate ?? RunDefaults.maxRejectRate,
                  minRows: settings.minRows ?? RunDefaults.minRows,
                  templates: settings.templates ?? Self.templatesBeside(decisionRules),
                  remedyRules: settings.remedyRules ?? Self.installedFile(RunDefaults.remedyRules))
        contacts = settings.contacts
        letterDate = settings.letterDate
        signatory = settings.signatory
        defaulted = Set([settings.decisionRules == nil ? "decision-rules" : nil,
                         settings.serviceAreaRules == nil ? "service-area-rules" : nil,
                         settings.remedyRules == nil ? "remedy-rules" : nil,
                         settings.templates == nil ? "templates" : nil].compactMap { $0 })
        parseWorkers = settings.parseWorkers ?? Self.defaultParseWorkers
    }

    /// `relative` (`rules/decisions.yaml`) among the files installed with the program
    /// (``Installation``), or in `pipelines/` of the working directory when none are found
    /// beside the executable (a binary copied somewhere on its own).
    static func installedFile(_ relative: String) -> String {
        Installation.file(relative) ?? "pipelines/" + relative
    }

    /// `pipelines/templates` for rule tables in `pipelines/rules/`: the definition or the current
    /// folder places both.
    static func templatesBeside(_ ruleTable: String) -> String {
        URL(fileURLWithPath: ruleTable).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }

    /// The settings the manifest records (those ``RunSetting/all`` marks), by their keys, with
    /// the values the run used (defaults included).
    var manifestSettings: [String: String] {
        var recorded: [String: String] = [:]
        for setting in RunSetting.all where setting.recordedInManifest { recorded[setting.key] = manifestValue(of: setting) }
        return recorded
    }

    /// The value the manifest records for `setting`; nil for a setting it does not record.
    func manifestValue(of setting: RunSetting) -> String? {
        switch setting.key {
        case RunSetting.batchSize.key: "\(batchSize)"
        case RunSetting.years.key: years?.description ?? "all"
        case RunSetting.maxRejectRate.key: "\(maxRejectRate)"
        case RunSetting.minRows.key: "\(minRows)"
        case RunSetting.letterDate.key: letterDate?.description ?? "none"
        case RunSetting.signatory.key: signatory?.description ?? "none"
        case RunSetting.parseWorkers.key: "\(parseWorkers)"
        default: nil
        }
    }
}
