import ArgumentParser
import Foundation
import Operations
import PipelineConfig
import PipelineModel

/// The options of `annual-review run` and `annual-review validate`: the run's settings, each
/// overriding the pipeline definition's.
struct RunOptions: ParsableArguments {
    // Each option's name and help come from its descriptor (RunSetting.all, in PipelineConfig):
    // swift-argument-parser needs a property wrapper per option, so the options stay here, and
    // RunSettingTests checks that `--help` shows every descriptor and no option without one.
    @Option(name: RunSetting.register.name, help: RunSetting.register.argumentHelp)
    var register: String?

    @Option(name: RunSetting.lookup.name, help: RunSetting.lookup.argumentHelp)
    var lookup: String?

    @Option(name: RunSetting.population.name, help: RunSetting.population.argumentHelp)
    var population: String?

    @Option(name: RunSetting.method.name, help: RunSetting.method.argumentHelp)
    var method: AveragingMethod?

    @Option(name: RunSetting.years.name, help: RunSetting.years.argumentHelp, transform: Self.yearRange)
    var years: YearRange?

    @Option(name: RunSetting.decisionRules.name, help: RunSetting.decisionRules.argumentHelp)
    var decisionRules: String?

    @Option(name: RunSetting.templates.name, help: RunSetting.templates.argumentHelp)
    var templates: String?

    @Option(name: RunSetting.serviceAreaRules.name, help: RunSetting.serviceAreaRules.argumentHelp)
    var serviceAreaRules: String?

    @Option(name: RunSetting.remedyRules.name, help: RunSetting.remedyRules.argumentHelp)
    var remedyRules: String?

    @Option(name: RunSetting.contacts.name, help: RunSetting.contacts.argumentHelp)
    var contacts: String?

    @Option(name: RunSetting.letterDate.name, help: RunSetting.letterDate.argumentHelp, transform: Self.letterDate)
    var letterDate: Day?

    @Option(name: RunSetting.signatory.name, help: RunSetting.signatory.argumentHelp, transform: Self.signatory)
    var signatory: Signatory?

    @Option(name: RunSetting.output.name, help: RunSetting.output.argumentHelp)
    var out: String?

    @Option(name: RunSetting.batchSize.name, help: RunSetting.batchSize.argumentHelp)
    var batchSize: Int?

    @Option(name: RunSetting.parseWorkers.name, help: RunSetting.parseWorkers.argumentHelp)
    var parseWorkers: Int?

    // For tests: the smallest piece of CSV handed to a parse worker (1 cuts at every record).
    @Option(name: .customLong("piece-size"), help: .hidden)
    var pieceSize: Int?

    @Option(name: RunSetting.maxRejectRate.name, help: RunSetting.maxRejectRate.argumentHelp)
    var maxRejectRate: RejectRate?

    @Option(name: RunSetting.minRows.name, help: RunSetting.minRows.argumentHelp)
    var minRows: Int?

    @Option(name: RunSetting.metricsFile.name, help: RunSetting.metricsFile.argumentHelp)
    var metricsFile: String?

    @Option(name: RunSetting.logFormat.name, help: RunSetting.logFormat.argumentHelp)
    var logFormat: LogFormat?

    @Argument(help: ArgumentHelp("A pipeline definition (.yaml), and/or decisions exports (.csv.gz, .csv, or - for standard input).",
                                 valueName: RunSetting.inputs.valueName))
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
        PipelineDefinition(
            inputs: inputs.isEmpty ? nil : inputs, register: register, lookup: lookup, population: population,
            decisionRules: decisionRules, serviceAreaRules: serviceAreaRules, templates: templates, method: method,
            years: years, output: out, batchSize: batchSize, maxRejectRate: maxRejectRate?.value, minRows: minRows,
            metricsFile: metricsFile, logFormat: logFormat, contacts: contacts, letterDate: letterDate,
            signatory: signatory, parseWorkers: parseWorkers, remedyRules: remedyRules)
    }

    static func signatory(_ text: String) throws -> Signatory {
        guard let signatory = Signatory(parsing: text) else {
            throw ValidationError("--signatory must be a name, and after a comma its title, on one line, not '\(text)'")
        }
        return signatory
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

extension RunSetting {
    /// The option's name (`--batch-size`).
    var name: NameSpecification { .customLong(option ?? key) }

    /// The option's help, from the descriptor.
    var argumentHelp: ArgumentHelp { ArgumentHelp(help, valueName: valueName) }
}

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
