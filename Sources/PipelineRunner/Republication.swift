import Foundation
import Glibc
import Logging
import Operations
import Output
import PipelineModel

/// A run whose sources are those of the current publication: the same program, the same
/// exports byte for byte (by path, size and sha256, in order), the same configuration files and
/// settings (``Fingerprint/sources(inputs:configuration:)``). Computing would publish the same
/// files, so the run publishes the current publication's files again instead, each checked
/// against its manifest entry as a carried-over year's files are and hard-linked, with a new
/// manifest that says so (``RunManifest/sourcesUnchangedSince``). A nightly run on an export
/// that has not changed then costs one sha256 of the export instead of a full run.
///
/// Not for a dry run or a run that asked for its quality report (which need the rows read), nor
/// with `--recompute`, nor with standard input among the inputs.
struct Republication {
    let configuration: RunConfiguration
    /// The logger of the `publication` stage.
    let logger: Logger

    /// What ``attempt(through:digests:started:recorder:)`` did.
    enum Outcome {
        /// The current publication was published again.
        case published(RunReport)
        /// The sources differ (or cannot be compared): nothing was staged; compute.
        case sourcesChanged
        /// The sources are unchanged but a file of the current publication does not match its
        /// manifest: what was staged must be given up (a new publication opened) before computing.
        case filesDiffer
    }

    /// Publishes the current publication of `publication` again when the sources are unchanged.
    /// - Throws: `OutputError`, `CancellationError`; the caller abandons `publication`.
    func attempt(through publication: Publication, digests: ConfigurationDigests, started: Date,
                 recorder: RunRecorder?) async throws -> Outcome {
        let config = configuration
        guard !config.recompute, !config.dryRun, !config.inputs.contains("-"), let previous = publication.previous,
              let recorded = previous.manifest.sourceFingerprint,
              previous.manifest.inputs.map(\.path) == config.inputs else { return .sourcesChanged }
        // Sizes first: an export that changed has nearly always changed size, and hashing it
        // would only delay the run that must read it anyway.
        for input in previous.manifest.inputs {
            var st = stat()
            guard stat(input.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) == input.bytes else {
                return .sourcesChanged
            }
        }
        let record = try RunManifest.Configuration(configuration: config, digests: digests,
                                                    years: previous.manifest.configuration.years)
        let inputs = try await Self.digests(of: config.inputs)
        guard Fingerprint.sources(inputs: inputs, configuration: record) == recorded else {
            logger.info("sources changed since the current publication: computing")
            return .sourcesChanged
        }
        try Task.checkCancellation()
        guard try await stageEverything(of: previous, into: publication) else {
            logger.warning("sources unchanged, but the current publication's files differ from its manifest: computing")
            return .filesDiffer
        }
        let since = previous.manifest.sourcesUnchangedSince ?? previous.manifest.started
        try publication.writeManifest { outputs, partitions in
            RunManifest(version: config.build.version, commit: config.build.commit, runID: config.runID, started: started,
                        ended: Date(), inputs: previous.manifest.inputs, counts: previous.manifest.counts,
                        configuration: record, outputs: outputs, partitions: partitions, sourceFingerprint: recorded,
                        sourcesUnchangedSince: since)
        }
        let counts = RunCounts(previous.manifest.counts)
        recorder?.record(counts: counts)
        try Task.checkCancellation()
        try publication.publish()
        logger.info("published again: sources unchanged", metadata: [
            "out": "\(config.outputDirectory)", "computed_by_run_started": "\(RunManifest.iso8601(since))",
            "files": .stringConvertible(previous.manifest.outputs.count), "rows": .stringConvertible(counts.rowsRead),
            "cases": .stringConvertible(counts.cases), "rejected": .stringConvertible(counts.rowsRejected),
        ])
        return .published(RunReport(inputs: previous.manifest.inputs.map(InputFileSummary.init), counts: counts,
                                    figures: AnnualFigures(method: config.method, years: []),
                                    outputDirectory: config.outputDirectory, quality: QualityReport(), dryRun: false,
                                    republished: true))
    }

    /// Stages every file `previous` lists: each year's partition with its links (every year at
    /// once, as carried-over years are), then the other files; false when one does not match
    /// its manifest entry (what was staged is then left for the caller to give up).
    private func stageEverything(of previous: PreviousPublication, into publication: Publication) async throws -> Bool {
        let (partitions, writer) = (publication.partitions, publication.concurrentWriter)
        var linked: Set<String> = []
        let years = previous.years
        let staged = try await PublicationStaging.linkYears(years, from: previous, with: writer)
        for (year, files) in zip(years, staged) {
            guard let files else { return false }
            try partitions.recordCarriedOver(year, from: previous, files)
            partitions.fingerprints[year] = previous.partitions.fingerprints?[year.label]
            linked.formUnion(files.map(\.path))
        }
        partitions.historyFingerprint = previous.partitions.historyFingerprint
        for entry in previous.manifest.outputs where !linked.contains(entry.path) {
            try Task.checkCancellation()
            guard try publication.publisher.carryOver(entry, from: previous) else { return false }
        }
        return true
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

extension InputFileSummary {
    /// An input as a manifest records it.
    init(_ recorded: RunManifest.Input) {
        self.init(path: recorded.path, bytes: recorded.bytes, sha256: recorded.sha256, compressed: recorded.compressed,
                  unknownColumns: recorded.unknownColumns, hadByteOrderMark: recorded.byteOrderMark,
                  records: recorded.records)
    }
}
