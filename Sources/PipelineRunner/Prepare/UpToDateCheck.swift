import Foundation
import Glibc
import Logging
import Operations
import Output
import PipelineConfig
import PipelineModel

/// Whether the current publication is up to date: made by the same program from the same
/// exports byte for byte (by path, size and sha256, in order), the same configuration files and
/// settings (``Fingerprint/sources(inputs:configuration:)``), and every file still what its
/// manifest says (each checked by size and modification time, as a carried-over file is, and no
/// file it does not list). Computing would then publish the same files: the plan would carry
/// every file over from the current publication to its own path. So the run builds no folder
/// and leaves the publication, its manifest included, as it is; a nightly run on an export
/// that has not changed costs one sha256 of the export and an `lstat` per published file.
///
/// Not for a dry run or a run that asked for its quality report (which need the rows read), nor
/// with `--recompute`, nor with standard input among the inputs.
struct UpToDateCheck {
    let configuration: RunConfiguration
    /// The logger of the `publication` stage.
    let logger: Logger

    /// The report of a run that found `current` up to date (``RunReport/upToDateSince``), or
    /// nil when the run must compute (the sources differ, cannot be compared, or a file of the
    /// publication does not match its manifest).
    /// - Throws: `OutputError` when an export cannot be read, `CancellationError`.
    func report(current: CurrentPublication?, digests: ConfigurationDigests, recorder: RunRecorder?) async throws -> RunReport? {
        let config = configuration
        guard !config.recompute, !config.dryRun, !config[\.inputs].contains("-"), let current,
              let recorded = current.manifest.sourceFingerprint,
              current.manifest.inputs.map(\.path) == config[\.inputs] else { return nil }
        // Sizes first: an export that changed has nearly always changed size, and hashing it
        // would only delay the run that must read it anyway.
        for input in current.manifest.inputs {
            var st = stat()
            guard stat(input.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == input.bytes else {
                return nil
            }
        }
        let record = try RunManifest.Configuration(configuration: config, digests: digests,
                                                    years: current.manifest.configuration.years)
        let inputs = try await Self.digests(of: config[\.inputs])
        guard Fingerprint.sources(inputs: inputs, configuration: record) == recorded else {
            logger.info("sources changed since the current publication: computing")
            return nil
        }
        try Task.checkCancellation()
        if let (path, reason) = current.firstDifference() {
            logger.warning("sources unchanged, but the current publication's files differ from its manifest: computing",
                           metadata: ["file": "\(path)", "reason": "\(reason)"])
            return nil
        }
        let since = current.manifest.sourcesUnchangedSince ?? current.manifest.started
        let counts = RunCounts(current.manifest.counts)
        recorder?.record(counts: counts)
        logger.info("up to date since \(RunManifest.iso8601(since)): sources unchanged, nothing to publish", metadata: [
            "out": "\(config[\.output])", "computed_by_run_started": "\(RunManifest.iso8601(since))",
            "files": .stringConvertible(current.manifest.outputs.count), "rows": .stringConvertible(counts.rowsRead),
            "cases": .stringConvertible(counts.cases), "rejected": .stringConvertible(counts.rowsRejected),
        ])
        return RunReport(inputs: current.manifest.inputs, counts: counts,
                         figures: AnnualFigures(method: config[\.method], years: []),
                         outputDirectory: config[\.output], quality: QualityReport(), dryRun: false,
                         upToDateSince: since)
    }

    /// The size and sha256 of each of `paths` as stored, read at once (one task each).
    private static func digests(of paths: [String]) async throws -> [RunManifest.FileDigest] {
        try await withThrowingTaskGroup(of: (Int, RunManifest.FileDigest).self) { group in
            for (index, path) in paths.enumerated() {
                group.addTask { (index, try RunManifest.FileDigest(contentsOf: path)) }
            }
            var digests = [RunManifest.FileDigest?](repeating: nil, count: paths.count)
            for try await (index, digest) in group { digests[index] = digest }
            return digests.compactMap { $0 }
        }
    }
}

extension RunCounts {
    /// The counts a manifest records.
    init(_ recorded: RunManifest.Counts) {
        self.init()
        rowsRead = recorded.rowsRead
        rowsAccepted = recorded.rowsAccepted
        for (code, count) in recorded.rejectedByReason where count > 0 {
            if let reason = RejectReason(rawValue: code) { rejectedByReason[reason] = count }
        }
        duplicatesSuperseded = recorded.duplicatesSuperseded
        rowsReencoded = recorded.rowsReencoded
    }
}
