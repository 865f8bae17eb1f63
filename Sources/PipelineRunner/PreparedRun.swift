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
        let register = try ReferenceTableLoader.load(register: config.register, lookup: config.lookup,
                                                     population: config.population)
        // A case keeps its authority's register index in 16 bits (CaseContribution).
        guard register.authorities.count <= CaseContribution.maximumAuthorityIndex + 1 else {
            throw ConfigurationError(file: config.register, "\(register.authorities.count) authorities; at most "
                                     + "\(CaseContribution.maximumAuthorityIndex + 1) are supported")
        }
        let rules = try RuleTableLoader.load(decisions: config.decisionRules, serviceAreas: config.serviceAreaRules)
        let classifier: Classifier
        do {
            classifier = try Classifier(rules: rules)
        } catch {
            throw ConfigurationError(file: config.decisionRules, error.description)
        }
        let templates: RenderingTemplates?
        if let folder = config.templates { try TemplateFolderCheck.check(folder) }
        do {
            templates = try config.templates.map { try RenderingTemplates.load(from: $0) }
        } catch {
            throw ConfigurationError(file: config.templates ?? "", "\(error)")
        }
        let contacts = try config.contacts.map { path throws(ConfigurationError) in
            try ReferenceTableLoader.loadContacts(path, register: register)
        }
        logger.info("configuration loaded", metadata: [
            "stage": "configuration",
            "authorities": .stringConvertible(register.authorities.count), "inputs": .stringConvertible(config.inputs.count),
            "method": "\(config.method.rawValue)",
        ])
        return PreparedRun(register: register, classifier: classifier, templates: templates,
                           letters: LetterSettings(date: config.letterDate, contacts: contacts ?? [:]), contacts: contacts)
    }

    private static func checkFilesExist(_ config: RunConfiguration) throws {
        let fm = FileManager.default
        for path in config.inputs where path != "-" && !fm.fileExists(atPath: path) {
            throw RunError.inputMissing(path: path)
        }
        let files: [(String?, String)] = [
            (config.register, "register"), (config.lookup, "name lookup"), (config.population, "population table"),
            (config.contacts, "contacts table"), (config.decisionRules, "decision rule table"),
            (config.serviceAreaRules, "service-area rule table"),
        ]
        for case let (path?, what) in files where !fm.fileExists(atPath: path) {
            throw RunError.configurationMissing(path: path, what: what)
        }
    }
}
