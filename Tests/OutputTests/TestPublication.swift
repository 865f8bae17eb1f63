import Foundation
import Output
import PipelineModel

/// Ends a test's publication as the runner does: a manifest of what `publisher` staged (an
/// invented run: version "test", no inputs, no counts), written last, then published.
/// - Returns: the manifest.
func publishWithManifest(_ publisher: OutputPublisher, partitions: RunManifest.Partitions,
                         method: AveragingMethod = .pooled,
                         started: Date = Date(timeIntervalSince1970: 1_714_528_984)) throws -> RunManifest {
    let manifest = RunManifest(
        version: "test", started: started, ended: started, inputs: [], counts: .init(RunCounts()),
        configuration: .init(register: .init(path: "register.csv", bytes: 0, sha256: ""), method: method, years: ""),
        outputs: try publisher.stagedFileDigests(), partitions: partitions)
    try publisher.writeFile("manifest.json", try manifest.jsonBytes())
    try publisher.publish()
    return manifest
}
