package import PipelineModel

/// A pipeline described in YAML (`pipelines/nightly.yaml`): which exports to read, with which
/// reference and rule tables, and where to publish. Every setting is optional, because the
/// command line may supply or override any of them (``overriding(with:)``).
///
/// Paths are absolute once loaded: relative ones are resolved against the definition's folder,
/// and input globs are expanded (each pattern's matches sorted, patterns kept in order).
package struct PipelineDefinition: Sendable, Equatable {
    /// Export files in order; later files' rows supersede earlier ones by the duplicate rule.
    package var inputs: [String]?
    /// The authority register (mySociety layout).
    package var register: String?
    /// The alternative-names table.
    package var lookup: String?
    /// The population table.
    package var population: String?
    /// The decision rule table (YAML).
    package var decisionRules: String?
    /// The service-area rule table (YAML).
    package var serviceAreaRules: String?
    /// The remedy rule table (YAML).
    package var remedyRules: String?
    /// The Mustache templates of the letters and the report (a folder).
    package var templates: String?
    /// How type averages are computed.
    package var method: AveragingMethod?
    /// The reporting years to publish; nil for every year the data covers (`years: all`, or no key).
    package var years: YearRange?
    /// The output folder (published atomically).
    package var output: String?
    /// Records per batch between stages.
    package var batchSize: Int?
    /// Parse workers (each parses, cleans and classifies its share of the records); 1 for the
    /// single parsing task.
    package var parseWorkers: Int?
    /// The largest share of rejected rows (0.01 = 1%) that still publishes.
    package var maxRejectRate: Double?
    /// The fewest data rows that still publish.
    package var minRows: Int?
    /// Where the Prometheus textfile-collector file is written at the end of every run.
    package var metricsFile: String?
    /// How log lines are written.
    package var logFormat: LogFormat?
    /// The letters' addressees: `local-authority-code,name,job-title`.
    package var contacts: String?
    /// The date the draft letters carry (`letter-date: 2020-07-22`), never the clock's, so
    /// that reruns stay byte-identical; nil prints a visible placeholder.
    package var letterDate: Day?
    /// Who signs the letters (`signatory: Amerdeep Somal, Local Government and Social Care
    /// Ombudsman`); nil prints a visible placeholder.
    package var signatory: Signatory?

    /// A definition; every setting defaults to "not given".
    package init(inputs: [String]? = nil, register: String? = nil, lookup: String? = nil, population: String? = nil,
                decisionRules: String? = nil, serviceAreaRules: String? = nil, templates: String? = nil,
                method: AveragingMethod? = nil, years: YearRange? = nil, output: String? = nil, batchSize: Int? = nil,
                maxRejectRate: Double? = nil, minRows: Int? = nil, metricsFile: String? = nil, logFormat: LogFormat? = nil,
                contacts: String? = nil, letterDate: Day? = nil, signatory: Signatory? = nil, parseWorkers: Int? = nil,
                remedyRules: String? = nil) {
        self.inputs = inputs
        self.register = register
        self.lookup = lookup
        self.population = population
        self.decisionRules = decisionRules
        self.serviceAreaRules = serviceAreaRules
        self.remedyRules = remedyRules
        self.templates = templates
        self.method = method
        self.years = years
        self.output = output
        self.batchSize = batchSize
        self.maxRejectRate = maxRejectRate
        self.minRows = minRows
        self.metricsFile = metricsFile
        self.logFormat = logFormat
        self.contacts = contacts
        self.letterDate = letterDate
        self.signatory = signatory
        self.parseWorkers = parseWorkers
    }

    /// This definition with every setting that `overrides` gives replacing this one's: the
    /// command line's options over the file's. Inputs are replaced as a whole, not appended.
    package func overriding(with overrides: PipelineDefinition) -> PipelineDefinition {
        var merged = self
        for setting in RunSetting.all { setting.merge(&merged, overrides) }
        return merged
    }

    /// Parses a letter date written `2020-07-22`; nil for anything else or a day that does
    /// not exist.
    package static func letterDate(_ text: String) -> Day? {
        let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1900 ... 2999).contains(year) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    /// Whether a command-line argument names a pipeline definition (`.yaml` or `.yml`) rather
    /// than an export, so that `annual-review run pipelines/nightly.yaml` reads the definition.
    package static func isDefinitionPath(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }

    /// The batch sizes a run accepts: each stage reserves room for a whole batch up front, so
    /// a mistyped `--batch-size 4096000000` must be refused, not attempted.
    package static let batchSizes = 1 ... 1_000_000

    /// The most parse workers a run may ask for: far more than any machine this runs on has
    /// cores, so a larger number is a typo.
    package static let maximumParseWorkers = 256

    /// Parses a reject rate written `1%` or `0.01`; nil unless it lies in 0...1.
    package static func rejectRate(_ text: String) -> Double? {
        let trimmed = text.trimmingSpaces
        let number = trimmed.hasSuffix("%")
            ? Double(String(trimmed.dropLast()).trimmingSpaces).map { $0 / 100 }
            : Double(trimmed)
        guard let number, number.isFinite, (0 ... 1).contains(number) else { return nil }
        return number
    }
}
