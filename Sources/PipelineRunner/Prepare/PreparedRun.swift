import Aggregation
import Classification
import Foundation
import Logging
import PipelineConfig
import PipelineModel
import Rendering

/// The first phase of a run, `prepare`: every configuration file read and checked before any
/// export is, so that a bad register or rule table fails in milliseconds with 78 and nothing
/// touched (not even the output folder's lock).
struct PreparedRun {
    /// The authority register, with its alternative names and populations.
    let register: AuthorityRegister
    /// The decision and service-area rules, compiled.
    let classifier: Classifier
    /// The letters' and report's templates; nil publishes the data files only.
    let templates: RenderingTemplates?
    /// The letters' date and addressees.
    let letters: LetterSettings
    /// The addressees by authority code, when a contacts table was given.
    let contacts: [String: Contact]?

    /// Reads and checks `configuration`'s files; logs `configuration loaded`.
    /// - Throws: ``RunError`` for a missing file, `ConfigurationError` for a bad one.
    static func prepare(_ configuration: RunConfiguration, logger: Logger) throws -> PreparedRun {
        let config = configuration
        try checkFilesExist(config)
        let register = try ReferenceTableLoader.load(register: config[\.register], lookup: config[\.lookup],
                                                     population: config[\.population])
        // A case keeps its authority's register index in 16 bits (CaseContribution).
        guard register.authorities.count <= CaseContribution.maximumAuthorityIndex + 1 else {
            throw ConfigurationError(file: config[\.register], "\(register.authorities.count) authorities; at most "
                                     + "\(CaseContribution.maximumAuthorityIndex + 1) are supported")
        }
        let rules = try RuleTableLoader.load(decisions: config[\.decisionRules], serviceAreas: config[\.serviceAreaRules],
                                             remedies: config[\.remedyRules])
        let classifier: Classifier
        do {
            classifier = try Classifier(rules: rules)
        } catch {
            throw conflict(error, rules: rules, config: config)
        }
        let templates: RenderingTemplates?
        if let folder = config[\.templates] { try TemplateFolderCheck.check(folder) }
        do {
            templates = try config[\.templates].map { try RenderingTemplates.load(from: $0) }
        } catch let error as RenderingError {
            throw templateError(error, config: config)
        } catch {
            throw ConfigurationError(file: config[\.templates] ?? "", "\(error)")
        }
        let contacts = try config[\.contacts].map { path throws(ConfigurationError) in
            try ReferenceTableLoader.loadContacts(path, register: register)
        }
        logger.info("configuration loaded", metadata: [
            "stage": "configuration",
            "authorities": .stringConvertible(register.authorities.count), "inputs": .stringConvertible(config[\.inputs].count),
            "method": "\(config[\.method].rawValue)",
        ])
        return PreparedRun(register: register, classifier: classifier, templates: templates,
                           letters: LetterSettings(date: config[\.letterDate], contacts: contacts ?? [:],
                                                           signatory: config[\.signatory]), contacts: contacts)
    }

    /// A rule conflict as an error naming the table it is in (each rule knows its file's name
    /// and line, the error the whole path).
    private static func conflict(_ conflict: RuleConflict, rules: ClassificationRules,
                                 config: RunConfiguration) -> ConfigurationError {
        let inAreas = rules.areas.contains { $0.origin == conflict.origin && $0.text == conflict.text }
        let inRemedies = rules.remedies.contains { $0.origin == conflict.origin && $0.text == conflict.text }
        let line = conflict.origin.split(separator: ":").last.flatMap { Int($0) }
        let file = inRemedies ? config[\.remedyRules] : inAreas ? config[\.serviceAreaRules] : config[\.decisionRules]
        return ConfigurationError(file: file, line: line,
                                  "'\(conflict.text)' is already classified differently at \(conflict.earlierOrigin)")
    }

    /// A template error as one naming the template (or the folder) and its line.
    private static func templateError(_ error: RenderingError, config: RunConfiguration) -> ConfigurationError {
        switch error {
        case let .templateFolderUnreadable(folder, reason):
            let defaulted = config.defaulted.contains(RunSettingTable.shared.templates.key)
                ? " (the default: the templates folder beside the rule tables' folder; give --templates)" : ""
            return ConfigurationError(file: folder, "cannot read the templates folder: \(reason)\(defaulted)",
                                      kind: FileManager.default.fileExists(atPath: folder) ? .invalid : .missingFile)
        case let .templateMissing(file):
            return ConfigurationError(file: file, "missing from the templates folder: the letters and report need it")
        case let .templateUnreadable(file, reason):
            return ConfigurationError(file: file, "cannot read the template: \(reason)")
        case let .templateSyntax(file, line, column, reason):
            return ConfigurationError(file: file, line: line, "column \(column): \(reason)")
        }
    }

    private static func checkFilesExist(_ config: RunConfiguration) throws {
        let fm = FileManager.default
        for path in config[\.inputs] where path != "-" && !fm.fileExists(atPath: path) {
            throw RunError.inputMissing(path: path)
        }
        for (setting, path) in config.filesRead where !fm.fileExists(atPath: path) {
            let what = setting.reads?.what ?? setting.key
            guard config.defaulted.contains(setting.key), Installation.dataFolder == nil else {
                throw ConfigurationError(file: path, "no such \(what) file", kind: .missingFile)
            }
            let places = Installation.placesSearched + [fm.currentDirectoryPath + "/pipelines (the working directory)"]
            throw ConfigurationError(file: path, "no such \(what) file: the program's own rule tables and templates "
                                     + "were not found (looked in \(places.joined(separator: "; "))); install them with "
                                     + "scripts/install PREFIX, or give --decision-rules, --service-area-rules, --remedy-rules and --templates",
                                     kind: .missingFile)
        }
    }
}
