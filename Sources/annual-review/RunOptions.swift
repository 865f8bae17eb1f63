import ArgumentParser
import Foundation
import PipelineConfig
import PipelineModel

/// The options of `annual-review run` and `annual-review validate`: the run's settings, each
/// overriding the pipeline definition's.
///
/// swift-argument-parser declares an option with a property wrapper, which cannot be made from a
/// table at run time, so each setting keeps one `@Option` line here: named after its descriptor's
/// property in `RunSettingTable` (which `overrides(inputs:)` finds it by), its name and help
/// taken from that descriptor, its value a `String` parsed by the descriptor's syntax, the same
/// parse and checks as a definition's value. Nothing else about a setting is written here.
/// Parsing the raw arguments ourselves would drop the library's `--help`, usage errors and the
/// man page (`generate-manual`), which read these wrappers.
struct RunOptions: ParsableArguments {
    /// The descriptors the options' names and help come from.
    static let table = RunSettingTable.shared

    @Option(name: table.register.name, help: table.register.argumentHelp) var register: String?
    @Option(name: table.lookup.name, help: table.lookup.argumentHelp) var lookup: String?
    @Option(name: table.population.name, help: table.population.argumentHelp) var population: String?
    @Option(name: table.method.name, help: table.method.argumentHelp) var method: String?
    @Option(name: table.years.name, help: table.years.argumentHelp) var years: String?
    @Option(name: table.decisionRules.name, help: table.decisionRules.argumentHelp) var decisionRules: String?
    @Option(name: table.templates.name, help: table.templates.argumentHelp) var templates: String?
    @Option(name: table.serviceAreaRules.name, help: table.serviceAreaRules.argumentHelp) var serviceAreaRules: String?
    @Option(name: table.remedyRules.name, help: table.remedyRules.argumentHelp) var remedyRules: String?
    @Option(name: table.contacts.name, help: table.contacts.argumentHelp) var contacts: String?
    @Option(name: table.letterDate.name, help: table.letterDate.argumentHelp) var letterDate: String?
    @Option(name: table.signatory.name, help: table.signatory.argumentHelp) var signatory: String?
    @Option(name: table.output.name, help: table.output.argumentHelp) var output: String?
    @Option(name: table.batchSize.name, help: table.batchSize.argumentHelp) var batchSize: String?
    @Option(name: table.parseWorkers.name, help: table.parseWorkers.argumentHelp) var parseWorkers: String?
    @Option(name: table.maxRejectRate.name, help: table.maxRejectRate.argumentHelp) var maxRejectRate: String?
    @Option(name: table.minRows.name, help: table.minRows.argumentHelp) var minRows: String?
    @Option(name: table.metricsFile.name, help: table.metricsFile.argumentHelp) var metricsFile: String?
    @Option(name: table.logFormat.name, help: table.logFormat.argumentHelp) var logFormat: String?

    // Not a setting of a run, for tests: the smallest piece of CSV handed to a parse worker (1
    // cuts at every record).
    @Option(name: .customLong("piece-size"), help: .hidden)
    var pieceSize: Int?

    @Argument(help: ArgumentHelp("A pipeline definition (.yaml), and/or decisions exports (.csv.gz, .csv, or - for standard input).",
                                 valueName: table.inputs.valueName))
    var inputs: [String] = []

    mutating func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give a pipeline definition (.yaml) or at least one input file") }
        _ = try overrides(inputs: [])
        if let pieceSize, pieceSize <= 0 { throw ValidationError("--piece-size must be positive") }
    }

    /// The settings given as options (and inputs after the definition), which override the
    /// definition's: each option's text parsed by the descriptor its property is named after.
    /// - Throws: `ValidationError` (exit 64) naming the option and what it expects.
    func overrides(inputs: [String]) throws -> RunSettings {
        var settings = RunSettings()
        if !inputs.isEmpty { settings[\.inputs] = inputs }
        for (label, text) in settingOptions {
            // A `String` option named after no descriptor would be ignored: every run stops here instead.
            guard let setting = RunSettingTable.labelled.first(where: { $0.label == label })?.setting else {
                preconditionFailure("RunOptions.\(label) is named after no property of RunSettingTable")
            }
            if let text { try Self.read(text, into: &settings, by: setting) }
        }
        return settings
    }

    /// The settings' options (every `String` option), by property name (`batchSize`), with the
    /// text given (nil when not given).
    var settingOptions: [(label: String, text: String?)] {
        Mirror(reflecting: self).children.compactMap { child in
            guard let label = child.label, let option = child.value as? Option<String?> else { return nil }
            return (String(label.drop { $0 == "_" }), option.wrappedValue)
        }
    }

    /// Stores `text`, parsed by `setting`'s syntax, in `settings`.
    static func read(_ text: String, into settings: inout RunSettings, by setting: any AnyRunSetting) throws {
        let option = "--" + (setting.option ?? setting.key)
        do {
            try setting.read(.text(text), context: .commandLine(option: setting.option ?? setting.key), into: &settings)
        } catch {
            switch error {
            case let .notExpected(detail, _):
                throw ValidationError("\(option): expected \(setting.expected), found '\(text)'" + (detail.map { " (\($0))" } ?? ""))
            case let .unusable(reason, _, _):
                throw ValidationError("\(option): \(reason)")
            case let .inFile(error):
                throw error
            }
        }
    }

    /// A `transform` for an option of another command that takes the value of the table's
    /// setting at `path` (`letters --letter-date`): the same syntax, the same usage error.
    static func transform<Value, Resolved>(_ path: KeyPath<RunSettingTable, RunSetting<Value, Resolved>>)
        -> @Sendable (String) throws -> Value {
        let setting = RunSettingTable.shared[keyPath: path]
        return { text in
            var settings = RunSettings()
            try read(text, into: &settings, by: setting)
            guard let value = settings[setting] else {
                throw ValidationError("--\(setting.option ?? setting.key): expected \(setting.expected), found '\(text)'")
            }
            return value
        }
    }
}

extension RunSetting {
    /// The option's name (`--batch-size`).
    var name: NameSpecification { .customLong(option ?? key) }

    /// The option's help, from the descriptor.
    var argumentHelp: ArgumentHelp { ArgumentHelp(help, valueName: valueName) }
}
