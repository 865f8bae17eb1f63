import Foundation
package import PipelineModel

/// Every run setting's descriptor, one property each, in the order the shipped definitions and
/// `--help` use: the one table the definition loader, the override merge, the command line and
/// the manifest read (``all``, found by reflection, so that a property here is the whole entry).
/// A run reads a value by its property: `configuration[\.batchSize]`.
///
/// Adding a setting is: its descriptor here, its `@Option` in `RunOptions` (swift-argument-parser
/// needs a property wrapper per option), and the code that uses it.
package struct RunSettingTable: Sendable {
    /// The table.
    package static let shared = RunSettingTable()

    /// Every descriptor with its property's name (`batchSize`), in declaration order.
    package static let labelled: [(label: String, setting: any AnyRunSetting)] =
        Mirror(reflecting: shared).children.compactMap { child in
            guard let label = child.label, let setting = child.value as? any AnyRunSetting else { return nil }
            return (label, setting)
        }

    /// Every descriptor, in declaration order.
    package static let all: [any AnyRunSetting] = labelled.map(\.setting)

    /// The descriptor with `key`, if any.
    package static func named(_ key: String) -> (any AnyRunSetting)? { all.first { $0.key == key } }

    private init() {}

    /// The exports.
    package let inputs: RunSetting<[String], [String]> = RunSetting(
        key: "inputs", option: nil, valueName: "input",
        help: "Decisions exports in order (.csv.gz, .csv, or - for standard input); globs in a definition.",
        example: "exports/*.csv.gz", syntax: .exports, requiredAs: "an input file")
    /// The register.
    package let register: RunSetting<String, String> = RunSetting(
        key: "register", option: "register", valueName: "file",
        help: "The authority register, in mySociety's layout (uk_local_authorities_current.csv).",
        example: "register.csv", syntax: .existingFile("register"), requiredAs: "--register")
    /// The lookup table.
    package let lookup: RunSetting<String, String?> = RunSetting(
        key: "lookup", option: "lookup", valueName: "file",
        help: "The alternative-names table (lookup_name_to_registry.csv: la-name,local-authority-code).",
        example: "name-lookup.csv", syntax: .existingFile("name lookup"))
    /// The population table.
    package let population: RunSetting<String, String?> = RunSetting(
        key: "population", option: "population", valueName: "file",
        help: "Population per authority and year (local-authority-code,year,population); the register's pop-2020 fills gaps.",
        example: "population.csv", syntax: .existingFile("population table"))
    /// The decision rule table.
    package let decisionRules = Self.ruleTable(
        "decision-rules", "decision rule table", file: Self.decisionRulesFile, rules: Outcome.allCases, name: \.name,
        kind: "outcome")
    /// The service-area rule table.
    package let serviceAreaRules = Self.ruleTable(
        "service-area-rules", "service-area rule table", file: Self.serviceAreaRulesFile, rules: ServiceArea.allCases,
        name: \.name, kind: "service area")
    /// The remedy rule table.
    package let remedyRules = Self.ruleTable(
        "remedy-rules", "remedy rule table", purpose: ": which remedy texts are service improvements",
        file: Self.remedyRulesFile, rules: RemedyKind.allCases, name: \.name, kind: "kind of remedy")
    /// The templates folder; a run always has one (its letters and report are rendered).
    package let templates: RunSetting<String, String?> = RunSetting(
        key: "templates", option: "templates", valueName: "dir",
        help: "The Mustache templates of the letters and the report. Default: the templates folder beside the rule tables' folder (pipelines/templates).",
        example: "templates", syntax: .existingFolder("templates folder"),
        requiredAs: nil, resolve: { given, settings in
            given ?? Self.templatesBeside(RunSettingTable.shared.decisionRules.resolved(in: settings))
        }, manifestText: nil)
    /// The averaging method.
    package let method: RunSetting<AveragingMethod, AveragingMethod> = RunSetting(
        key: "method", option: "method", valueName: "pooled|mean",
        help: "How type averages are computed: pooled (sum over sum) or mean (of the authorities' rates). Default: \(Self.defaultMethod.rawValue).",
        example: "mean", syntax: .choice("pooled or mean"), default: Self.defaultMethod)
    /// The years to recompute; nil for every year the data covers.
    package let years: RunSetting<YearRange?, YearRange?> = RunSetting(
        key: "years", option: "years", valueName: "range",
        help: "Reporting years to recompute, 2019-20..2023-24, one year, or all; every other year already in the output folder is carried over unchanged (default: every year the data covers, replacing the whole folder).",
        example: "2019-20..2023-24", syntax: .years, default: nil, manifest: { $0?.description ?? "all" })
    /// The output folder.
    package let output: RunSetting<String, String> = RunSetting(
        key: "output", option: "out", valueName: "dir",
        help: "The output folder; created or replaced as a whole.",
        example: "out", syntax: .path, requiredAs: "--out")
    /// Records per batch between stages: each stage reserves room for a whole batch up front, so
    /// a mistyped `--batch-size 4096000000` is refused, not attempted.
    package let batchSize: RunSetting<Int, Int> = RunSetting(
        key: "batch-size", option: "batch-size", valueName: "n",
        help: "Rows per batch between stages. Default: \(RunDefaults.batchSize).",
        example: "2048", syntax: .integer(in: 1 ... 1_000_000), default: RunDefaults.batchSize, manifest: { "\($0)" })
    /// The largest share of rejected rows (0.01 = 1%) that still publishes.
    package let maxRejectRate: RunSetting<Double, Double> = RunSetting(
        key: "max-reject-rate", option: "max-reject-rate", valueName: "rate",
        help: "The largest share of rejected rows that still publishes, as 1% or 0.01; over it the run fails with 65 and publishes nothing. Default: \(Int(Self.defaultMaxRejectRate * 100))%.",
        example: "5%", syntax: .share, default: Self.defaultMaxRejectRate, manifest: { "\($0)" })
    /// The fewest data rows that still publish, so that an export that parses into nothing never
    /// replaces good figures.
    package let minRows: RunSetting<Int, Int> = RunSetting(
        key: "min-rows", option: "min-rows", valueName: "n",
        help: "The fewest data rows that still publish; fewer fails with 65 (a header-only export never replaces good figures). Default: \(Self.defaultMinRows).",
        example: "10", syntax: .integer(in: 0 ... Int.max), default: Self.defaultMinRows, manifest: { "\($0)" })
    /// The metrics file.
    package let metricsFile: RunSetting<String, String?> = RunSetting(
        key: "metrics-file", option: "metrics-file", valueName: "file",
        help: "Write a Prometheus textfile-collector file here at the end of every run (duration, rows by state, exit code, last success).",
        example: "annual-review.prom", syntax: .fileInExistingFolder)
    /// The log format.
    package let logFormat: RunSetting<LogFormat, LogFormat> = RunSetting(
        key: "log-format", option: "log-format", valueName: "auto|text|json",
        help: "Log lines on standard error: auto (text on a terminal, JSON lines otherwise), text or json. Default: auto.",
        example: "json", syntax: .choice("one of " + LogFormat.allCases.map(\.rawValue).joined(separator: ", ")),
        default: .auto)
    /// The letters' addressees: `local-authority-code,name,job-title`.
    package let contacts: RunSetting<String, String?> = RunSetting(
        key: "contacts", option: "contacts", valueName: "file",
        help: "The letters' addressees (local-authority-code,name,job-title); an authority without one gets a visible placeholder.",
        example: "contacts.csv", syntax: .existingFile("contacts table"))
    /// The date the draft letters carry, never the clock's, so that reruns stay byte-identical;
    /// nil prints a visible placeholder.
    package let letterDate: RunSetting<Day, Day?> = RunSetting(
        key: "letter-date", option: "letter-date", valueName: "date",
        help: "The date the draft letters carry, 2020-07-22 (never today's: reruns stay byte-identical). Default: a visible placeholder.",
        example: "2020-07-22", syntax: .date, manifest: { $0?.description ?? "none" })
    /// Who signs the letters; nil prints a visible placeholder.
    package let signatory: RunSetting<Signatory, Signatory?> = RunSetting(
        key: "signatory", option: "signatory", valueName: "name[, title]",
        help: "Who signs the draft letters: a name, and after the first comma the title under it (default title: \(Signatory.defaultTitle)). Default: a visible placeholder name.",
        example: "Amerdeep Somal, Local Government and Social Care Ombudsman",
        syntax: .scalar("a name, and after a comma its title, on one line") { Signatory(parsing: $0) },
        manifest: { $0?.description ?? "none" })
    /// Parse workers, each parsing, cleaning and classifying its share of the records with its own
    /// libcsv parser; 1 runs the single parsing task. The outputs are the same whatever the number.
    package let parseWorkers: RunSetting<Int, Int> = RunSetting(
        key: "parse-workers", option: "parse-workers", valueName: "n",
        help: "Parse workers, each parsing, cleaning and classifying its share of the records with its own CSV parser; 1 runs a single parsing task. Default: one per core this process may use.",
        // At most far more than any machine this runs on has cores: a larger number is a typo.
        example: "2", syntax: .integer(in: 1 ... 256), default: { _ in AvailableCores.count }, manifest: { "\($0)" })
}

extension RunSettingTable {
    private static let decisionRulesFile = "rules/decisions.yaml"
    private static let serviceAreaRulesFile = "rules/service-areas.yaml"
    private static let remedyRulesFile = "rules/remedies.yaml"
    private static let defaultMethod = AveragingMethod.pooled
    private static let defaultMaxRejectRate = 0.01
    private static let defaultMinRows = 1

    /// A rule table's setting (`key`, also its option): `what` in the help and the errors, the
    /// program's own `pipelines/{file}` unless given, its keys the names of `rules` (`kind`).
    private static func ruleTable<Rule: Sendable & Equatable>(
        _ key: String, _ what: String, purpose: String = "", file: String, rules: [Rule], name: (Rule) -> String,
        kind: String
    ) -> RunSetting<String, String> {
        RunSetting(
            key: key, option: key, valueName: "file",
            help: "The \(what)\(purpose). Default: the program's own (pipelines/\(file)).",
            example: file,
            syntax: .ruleTable(what, values: Dictionary(uniqueKeysWithValues: rules.map { (name($0).lowercased(), $0) }), kind: kind),
            default: { _ in Self.installedFile(file) })
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
}
