import ArgumentParser
import Foundation
import Operations
import PipelineConfig
import PipelineModel

/// The options of `annual-review run` and `annual-review validate`: the run's settings, each
/// overriding the pipeline definition's.
struct RunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The authority register, in mySociety's layout (uk_local_authorities_current.csv).", valueName: "file"))
    var register: String?

    @Option(help: ArgumentHelp("The alternative-names table (lookup_name_to_registry.csv: la-name,local-authority-code).", valueName: "file"))
    var lookup: String?

    @Option(help: ArgumentHelp("Population per authority and year (local-authority-code,year,population); the register's pop-2020 fills gaps.", valueName: "file"))
    var population: String?

    @Option(help: ArgumentHelp("How type averages are computed: pooled (sum over sum) or mean (of the authorities' rates). Default: pooled.", valueName: "pooled|mean"))
    var method: AveragingMethod?

    @Option(help: ArgumentHelp("Reporting years to recompute, 2019-20..2023-24 or one year; every other year already in the output folder is carried over unchanged (default: every year the data covers, replacing the whole folder).", valueName: "range"),
            transform: Self.yearRange)
    var years: YearRange?

    @Option(name: .customLong("decision-rules"), help: ArgumentHelp("The decision rule table. Default: pipelines/\(RunDefaults.decisionRules).", valueName: "file"))
    var decisionRules: String?

    @Option(help: ArgumentHelp("The Mustache templates of the letters and the report. Default: the templates folder beside the rule tables' folder (pipelines/templates).", valueName: "dir"))
    var templates: String?

    @Option(name: .customLong("service-area-rules"), help: ArgumentHelp("The service-area rule table. Default: pipelines/\(RunDefaults.serviceAreaRules).", valueName: "file"))
    var serviceAreaRules: String?

    @Option(help: ArgumentHelp("The letters' addressees (local-authority-code,name,job-title); an authority without one gets a visible placeholder.", valueName: "file"))
    var contacts: String?

    @Option(name: .customLong("letter-date"), help: ArgumentHelp("The date the draft letters carry, 2020-07-22 (never today's: reruns stay byte-identical). Default: a visible placeholder.", valueName: "date"),
            transform: Self.letterDate)
    var letterDate: Day?

    @Option(help: ArgumentHelp("The output folder; created or replaced as a whole.", valueName: "dir"))
    var out: String?

    @Option(name: .customLong("batch-size"), help: ArgumentHelp("Rows per batch between stages. Default: \(RunDefaults.batchSize).", valueName: "n"))
    var batchSize: Int?

    @Option(name: .customLong("parse-workers"), help: ArgumentHelp("Parse workers, each parsing, cleaning and classifying its share of the records with its own CSV parser; 1 runs a single parsing task. Default: one per core this process may use.", valueName: "n"))
    var parseWorkers: Int?

    // For tests: the smallest piece of CSV handed to a parse worker (1 cuts at every record).
    @Option(name: .customLong("piece-size"), help: .hidden)
    var pieceSize: Int?

    @Option(name: .customLong("max-reject-rate"), help: ArgumentHelp("The largest share of rejected rows that still publishes, as 1% or 0.01; over it the run fails with 65 and publishes nothing. Default: \(Int(RunDefaults.maxRejectRate * 100))%.", valueName: "rate"))
    var maxRejectRate: RejectRate?

    @Option(name: .customLong("min-rows"), help: ArgumentHelp("The fewest data rows that still publish; fewer fails with 65 (a header-only export never replaces good figures). Default: \(RunDefaults.minRows).", valueName: "n"))
    var minRows: Int?

    @Option(name: .customLong("metrics-file"), help: ArgumentHelp("Write a Prometheus textfile-collector file here at the end of every run (duration, rows by state, exit code, last success).", valueName: "file"))
    var metricsFile: String?

    @Option(name: .customLong("log-format"), help: ArgumentHelp("Log lines on standard error: auto (text on a terminal, JSON lines otherwise), text or json. Default: auto.", valueName: "auto|text|json"))
    var logFormat: LogFormat?

    @Argument(help: ArgumentHelp("A pipeline definition (.yaml), and/or decisions exports (.csv.gz, .csv, or - for standard input).", valueName: "input"))
    var inputs: [String] = []

    mutating func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give a pipeline definition (.yaml) or at least one input file") }
        if let batchSize, !PipelineDefinition.batchSizes.contains(batchSize) {
            throw ValidationError("--batch-size must be from \(PipelineDefinition.batchSizes.lowerBound) "
                                  + "to \(PipelineDefinition.batchSizes.upperBound)")
        }
        if let minRows, minRows < 0 { throw ValidationError("--min-rows must not be negative") }
        if let parseWorkers, !(1 ... PipelineDefinition.maximumParseWorkers).contains(parseWorkers) {
            throw ValidationError("--parse-workers must be a whole number from 1 to \(PipelineDefinition.maximumParseWorkers)")
        }
        if let pieceSize, pieceSize <= 0 { throw ValidationError("--piece-size must be positive") }
    }

    /// The settings given as options (and inputs after the definition), as a definition
    /// that overrides the file's.
    func overrides(inputs: [String]) -> PipelineDefinition {
        var options = PipelineDefinition(
            inputs: inputs.isEmpty ? nil : inputs, register: register, lookup: lookup, population: population,
            decisionRules: decisionRules, serviceAreaRules: serviceAreaRules, method: method, years: years,
            output: out, batchSize: batchSize, maxRejectRate: maxRejectRate?.value, minRows: minRows,
            metricsFile: metricsFile, logFormat: logFormat.flatMap { PipelineDefinition.LogFormat(rawValue: $0.rawValue) },
            parseWorkers: parseWorkers)
        options.contacts = contacts
        options.letterDate = letterDate
        return options
    }

    static func letterDate(_ text: String) throws -> Day {
        guard let day = PipelineDefinition.letterDate(text) else {
            throw ValidationError("--letter-date must be a date written 2020-07-22, not '\(text)'")
        }
        return day
    }
}

extension AveragingMethod: ExpressibleByArgument {}

extension LogFormat: ExpressibleByArgument {}

extension RunOptions {
    /// `--years`: a range, or a usage error (64) saying what is wrong with it.
    static func yearRange(_ text: String) throws -> YearRange {
        do {
            return try YearRange(parsing: text)
        } catch {
            throw ValidationError(error.reason)
        }
    }
}

/// A share given as `1%` or `0.01`, between 0 and 1.
struct RejectRate: ExpressibleByArgument {
    let value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        guard let number = PipelineDefinition.rejectRate(argument) else { return nil }
        value = number
    }

    var defaultValueDescription: String { "\(value * 100)%" }
}
