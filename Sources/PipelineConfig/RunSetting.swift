import PipelineModel

/// One run setting, described once: its pipeline-definition key (also its name in the manifest),
/// its command-line option, the help both document, and which field of ``PipelineDefinition``
/// holds its value. The definition loader's keys, the override merge
/// (``PipelineDefinition/overriding(with:)``), the command line's option names and help, and
/// the manifest's setting names all read ``all``.
///
/// swift-argument-parser declares options with property wrappers, which cannot be made from a
/// table at run time: `RunOptions` keeps one `@Option` per setting, whose name and help come from
/// its descriptor here, and a test checks that every descriptor is in `--help` and every option
/// has a descriptor. Adding a setting is: a descriptor here (and its entry in ``all``), the field
/// of ``PipelineDefinition`` it fills, its case in the loader, its `@Option`, and the code that
/// uses it.
package struct RunSetting: Sendable {
    /// The definition key (`batch-size`), also the setting's name in the manifest.
    package let key: String
    /// The long option, without `--` (`batch-size`; `out` for `output`); nil for a setting given
    /// as arguments (`inputs`).
    package let option: String?
    /// The value's name in the help (`file`, `n`).
    package let valueName: String
    /// What it does, and its default: the option's help, and the documentation of the key.
    package let help: String
    /// A value the definition and the option both accept, for the tests and the documentation.
    package let example: String
    /// Whether the manifest records it (under ``key``).
    package let recordedInManifest: Bool
    /// Copies the setting from the overrides into the merged definition when they give it.
    let merge: @Sendable (inout PipelineDefinition, PipelineDefinition) -> Void

    /// A setting whose value is `field` of a definition.
    package init<Value>(key: String, option: String?, valueName: String, help: String, example: String,
                        recordedInManifest: Bool = false,
                        field: any WritableKeyPath<PipelineDefinition, Value?> & Sendable) {
        self.key = key
        self.option = option
        self.valueName = valueName
        self.help = help
        self.example = example
        self.recordedInManifest = recordedInManifest
        merge = { merged, overrides in
            if let value = overrides[keyPath: field] { merged[keyPath: field] = value }
        }
    }

    /// The setting with `key`, if any.
    package static func named(_ key: String) -> RunSetting? { all.first { $0.key == key } }
}

extension RunSetting {
    /// Every run setting, in the order the shipped definitions and `--help` use.
    package static let all: [RunSetting] = [
        inputs, register, lookup, population, decisionRules, serviceAreaRules, remedyRules, templates, method, years, output,
        batchSize, maxRejectRate, minRows, metricsFile, logFormat, contacts, letterDate, signatory, parseWorkers,
    ]

    /// The exports.
    package static let inputs = RunSetting(
        key: "inputs", option: nil, valueName: "input",
        help: "Decisions exports in order (.csv.gz, .csv, or - for standard input); globs in a definition.",
        example: "exports/*.csv.gz", field: \.inputs)
    /// The register.
    package static let register = RunSetting(
        key: "register", option: "register", valueName: "file",
        help: "The authority register, in mySociety's layout (uk_local_authorities_current.csv).",
        example: "register.csv", field: \.register)
    /// The lookup table.
    package static let lookup = RunSetting(
        key: "lookup", option: "lookup", valueName: "file",
        help: "The alternative-names table (lookup_name_to_registry.csv: la-name,local-authority-code).",
        example: "name-lookup.csv", field: \.lookup)
    /// The population table.
    package static let population = RunSetting(
        key: "population", option: "population", valueName: "file",
        help: "Population per authority and year (local-authority-code,year,population); the register's pop-2020 fills gaps.",
        example: "population.csv", field: \.population)
    /// The decision rule table.
    package static let decisionRules = RunSetting(
        key: "decision-rules", option: "decision-rules", valueName: "file",
        help: "The decision rule table. Default: the program's own (pipelines/\(RunDefaults.decisionRules)).",
        example: "rules/decisions.yaml", field: \.decisionRules)
    /// The service-area rule table.
    package static let serviceAreaRules = RunSetting(
        key: "service-area-rules", option: "service-area-rules", valueName: "file",
        help: "The service-area rule table. Default: the program's own (pipelines/\(RunDefaults.serviceAreaRules)).",
        example: "rules/service-areas.yaml", field: \.serviceAreaRules)
    /// The remedy rule table.
    package static let remedyRules = RunSetting(
        key: "remedy-rules", option: "remedy-rules", valueName: "file",
        help: "The remedy rule table: which remedy texts are service improvements. Default: the program's own (pipelines/\(RunDefaults.remedyRules)).",
        example: "rules/remedies.yaml", field: \.remedyRules)
    /// The templates folder.
    package static let templates = RunSetting(
        key: "templates", option: "templates", valueName: "dir",
        help: "The Mustache templates of the letters and the report. Default: the templates folder beside the rule tables' folder (pipelines/templates).",
        example: "templates", field: \.templates)
    /// The averaging method.
    package static let method = RunSetting(
        key: "method", option: "method", valueName: "pooled|mean",
        help: "How type averages are computed: pooled (sum over sum) or mean (of the authorities' rates). Default: \(RunDefaults.method.rawValue).",
        example: "mean", field: \.method)
    /// The years to recompute.
    package static let years = RunSetting(
        key: "years", option: "years", valueName: "range",
        help: "Reporting years to recompute, 2019-20..2023-24 or one year; every other year already in the output folder is carried over unchanged (default: every year the data covers, replacing the whole folder).",
        example: "2019-20..2023-24", recordedInManifest: true, field: \.years)
    /// The output folder.
    package static let output = RunSetting(
        key: "output", option: "out", valueName: "dir",
        help: "The output folder; created or replaced as a whole.",
        example: "out", field: \.output)
    /// Records per batch.
    package static let batchSize = RunSetting(
        key: "batch-size", option: "batch-size", valueName: "n",
        help: "Rows per batch between stages. Default: \(RunDefaults.batchSize).",
        example: "2048", recordedInManifest: true, field: \.batchSize)
    /// The reject limit.
    package static let maxRejectRate = RunSetting(
        key: "max-reject-rate", option: "max-reject-rate", valueName: "rate",
        help: "The largest share of rejected rows that still publishes, as 1% or 0.01; over it the run fails with 65 and publishes nothing. Default: \(Int(RunDefaults.maxRejectRate * 100))%.",
        example: "5%", recordedInManifest: true, field: \.maxRejectRate)
    /// The fewest rows.
    package static let minRows = RunSetting(
        key: "min-rows", option: "min-rows", valueName: "n",
        help: "The fewest data rows that still publish; fewer fails with 65 (a header-only export never replaces good figures). Default: \(RunDefaults.minRows).",
        example: "10", recordedInManifest: true, field: \.minRows)
    /// The metrics file.
    package static let metricsFile = RunSetting(
        key: "metrics-file", option: "metrics-file", valueName: "file",
        help: "Write a Prometheus textfile-collector file here at the end of every run (duration, rows by state, exit code, last success).",
        example: "annual-review.prom", field: \.metricsFile)
    /// The log format.
    package static let logFormat = RunSetting(
        key: "log-format", option: "log-format", valueName: "auto|text|json",
        help: "Log lines on standard error: auto (text on a terminal, JSON lines otherwise), text or json. Default: auto.",
        example: "json", field: \.logFormat)
    /// The letters' addressees.
    package static let contacts = RunSetting(
        key: "contacts", option: "contacts", valueName: "file",
        help: "The letters' addressees (local-authority-code,name,job-title); an authority without one gets a visible placeholder.",
        example: "contacts.csv", field: \.contacts)
    /// The letters' date.
    package static let letterDate = RunSetting(
        key: "letter-date", option: "letter-date", valueName: "date",
        help: "The date the draft letters carry, 2020-07-22 (never today's: reruns stay byte-identical). Default: a visible placeholder.",
        example: "2020-07-22", recordedInManifest: true, field: \.letterDate)
    /// Who signs the letters.
    package static let signatory = RunSetting(
        key: "signatory", option: "signatory", valueName: "name[, title]",
        help: "Who signs the draft letters: a name, and after the first comma the title under it (default title: \(Signatory.defaultTitle)). Default: a visible placeholder name.",
        example: "Amerdeep Somal, Local Government and Social Care Ombudsman", recordedInManifest: true, field: \.signatory)
    /// The parse workers.
    package static let parseWorkers = RunSetting(
        key: "parse-workers", option: "parse-workers", valueName: "n",
        help: "Parse workers, each parsing, cleaning and classifying its share of the records with its own CSV parser; 1 runs a single parsing task. Default: one per core this process may use.",
        example: "2", recordedInManifest: true, field: \.parseWorkers)
}
