import Foundation
import Output
import PipelineModel

extension RunManifest {
    /// The manifest of a run of `configuration` that published `years` and staged `outputs`.
    /// - Throws: `OutputError` when a configuration file cannot be read to hash it.
    init(configuration config: RunConfiguration, started: Date, inputs: [InputFileSummary], counts: RunCounts,
         years published: [ReportingYear], outputs: [FileDigest], partitions: Partitions) throws {
        var files: [FileDigest] = []
        for path in [config.lookup, config.population, config.decisionRules, config.serviceAreaRules, config.contacts]
            .compactMap({ $0 }) {
            files.append(try FileDigest(contentsOf: path))
        }
        let contiguous = zip(published, published.dropFirst()).allSatisfy { $0.startYear + 1 == $1.startYear }
        let years = published.isEmpty ? "" : contiguous
            ? YearRange(first: published[0], last: published[published.count - 1])!.description
            : published.map(\.label).joined(separator: ",")
        let templates = try config.templates.map { folder in
            try TemplateFolderCheck.templates(in: folder).map { try FileDigest(contentsOf: $0) }
        }
        self.init(
            version: config.build.version, commit: config.build.commit, runID: config.runID, started: started, ended: Date(),
            inputs: inputs.map(Input.init), counts: .init(counts),
            configuration: .init(register: try FileDigest(contentsOf: config.register),
                                 method: config.method, years: years, files: files,
                                 settings: config.manifestSettings, templates: templates,
                                 definition: try config.definition.map { try FileDigest(contentsOf: $0) }),
            outputs: outputs, partitions: partitions)
    }
}
