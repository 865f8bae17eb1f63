import Foundation
import Output
import PipelineModel

/// The size and sha256 of each configuration file a run read (register, tables, rule tables,
/// contacts, definition, templates), each read once for the data package's sources, the
/// manifest and the sources' fingerprint.
///
/// Read when the run starts, right after the files were loaded (``PreparedRun``), not when it
/// publishes: a file edited while the run computes would otherwise be recorded with bytes the
/// run never used, and a later run would take its outputs for those of the edited file.
struct ConfigurationDigests {
    private let byPath: [String: RunManifest.FileDigest]
    /// The templates', in the folder's order; nil without a templates folder.
    let templates: [RunManifest.FileDigest]?

    /// Reads and hashes `config`'s files.
    /// - Throws: `OutputError` when one cannot be read.
    init(_ config: RunConfiguration) throws {
        var byPath: [String: RunManifest.FileDigest] = [:]
        for path in [config.register, config.lookup, config.population, config.decisionRules, config.serviceAreaRules,
                     config.remedyRules, config.contacts, config.definition].compactMap({ $0 }) where byPath[path] == nil {
            byPath[path] = try RunManifest.FileDigest(contentsOf: path)
        }
        self.byPath = byPath
        templates = try config.templates.map { folder in
            try TemplateFolderCheck.templates(in: folder).map { try RunManifest.FileDigest(contentsOf: $0) }
        }
    }

    /// The digest of `path`, one of the configuration's files (read now if it was not one).
    /// - Throws: `OutputError` when it cannot be read.
    func digest(_ path: String) throws -> RunManifest.FileDigest {
        try byPath[path] ?? RunManifest.FileDigest(contentsOf: path)
    }
}

extension RunManifest {
    /// The manifest of a run of `configuration` that published `years` and staged `outputs`.
    /// - Throws: `OutputError` when a file cannot be read to hash it.
    init(configuration config: RunConfiguration, digests: ConfigurationDigests, started: Date,
         inputs: [InputFileSummary], counts: RunCounts, years published: [ReportingYear], outputs: [FileDigest],
         partitions: Partitions) throws {
        let contiguous = zip(published, published.dropFirst()).allSatisfy { $0.startYear + 1 == $1.startYear }
        let years = published.isEmpty ? "" : contiguous
            ? YearRange(first: published[0], last: published[published.count - 1])!.description
            : published.map(\.label).joined(separator: ",")
        let configuration = try Configuration(configuration: config, digests: digests, years: years)
        let read = inputs.map { FileDigest(path: $0.path, bytes: $0.bytes, sha256: $0.sha256) }
        self.init(
            version: config.build.version, commit: config.build.commit, runID: config.runID, started: started, ended: Date(),
            inputs: inputs, counts: .init(counts), configuration: configuration,
            outputs: outputs, partitions: partitions,
            sourceFingerprint: config.inputs.contains("-") ? nil
                : Fingerprint.sources(inputs: read, configuration: configuration))
    }
}

extension RunManifest.Configuration {
    /// The record of `config`'s files (as `digests` read them) and settings, for a run that
    /// published `years` (`2019-20..2023-24`).
    /// - Throws: `OutputError` when a file cannot be read to hash it.
    init(configuration config: RunConfiguration, digests: ConfigurationDigests, years: String) throws {
        let files = try [config.lookup, config.population, config.decisionRules, config.serviceAreaRules, config.remedyRules,
                         config.contacts]
            .compactMap({ $0 }).map(digests.digest)
        self.init(register: try digests.digest(config.register), method: config.method, years: years, files: files,
                  settings: config.manifestSettings, templates: digests.templates,
                  definition: try config.definition.map(digests.digest))
    }
}
