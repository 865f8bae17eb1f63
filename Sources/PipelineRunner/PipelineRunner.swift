import Aggregation
import AsyncAlgorithms
import Classification
import Cleaning
import Foundation
import Ingestion
import Logging
import Operations
import Output
import PipelineConfig
import PipelineModel
import Rendering

/// The program's version, recorded in every manifest.
public let annualReviewVersion = "0.1.0"

/// Runs the pipeline: configuration first (nothing is read before it is valid), then the four
/// stages as child tasks of one task group joined by bounded channels, then publication.
///
/// Decompression -> Parsing (the two halves of Ingestion) -> Cleaning -> Classification run
/// as child tasks; Aggregation runs in the group's
/// own body, which also streams rejects into the staging folder. The first error cancels every
/// stage and leaves the previous outputs untouched.
public struct PipelineRunner: Sendable {
    /// The run's configuration.
    public let configuration: RunConfiguration

    /// A runner for `configuration`.
    public init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Runs the pipeline and publishes its outputs.
    ///
    /// - Throws: ``RunError``, `ConfigurationError`, `IngestionError`, `OutputError`,
    ///   `CancellationError`; the previous outputs are then untouched.
    ///
    /// `progress`, when given, counts the bytes (as stored) and rows read, for the progress line.
    /// `recorder`, when given, receives each stage's times and the row counts as soon as they
    /// are known, so that a run that fails afterwards can still report them.
    public func run(logger: Logger = Logger(label: "annual-review"), progress: ProgressCounter? = nil,
                    recorder: RunRecorder? = nil) async throws -> RunReport {
        let started = Date()
        let config = configuration
        try checkFilesExist()
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
        let letters = LetterSettings(date: config.letterDate, contacts: contacts ?? [:])
        logger.info("configuration loaded", metadata: [
            "stage": "configuration",
            "authorities": .stringConvertible(register.authorities.count), "inputs": .stringConvertible(config.inputs.count),
            "method": "\(config.method.rawValue)",
        ])

        let publisher = try OutputPublisher(destination: config.outputDirectory, inputs: config.inputs + [
            config.register, config.lookup, config.population, config.decisionRules, config.serviceAreaRules,
            config.templates, config.contacts,
        ].compactMap { $0 })
        logWarnings(of: publisher, logger: logger)
        do {
            let rejects = try RejectsFileWriter(sink: try publisher.fileSink(RejectsFileWriter.fileName))
            var (summaries, yearCounts, publicReports, counted, quality) = try await runStages(register: register, classifier: classifier,
                                                                       rejects: rejects, logger: logger,
                                                                       progress: progress, recorder: recorder)
            try rejects.finish()
            var counts = counted
            counts.rejectedByReason = rejects.countsByReason.filter { $0.value > 0 }
            recorder?.record(counts: counts)
            do {
                try checkLimits(counts)
            } catch {
                keepRejects(of: publisher)
                throw error
            }
            // A cancelled stage may end its loop quietly: never publish after cancellation.
            try Task.checkCancellation()

            let builder = FigureBuilder(register: register, method: config.method)
            let figures = builder.figures(from: yearCounts, publicReports: publicReports, years: config.years)
            if let contacts {
                let lettered = Dictionary(figures.years.flatMap { $0.authorities.map { ($0.authority.code, $0.authority) } },
                                          uniquingKeysWith: { first, _ in first })
                quality.noteMissingContacts(lettered.values.filter { contacts[$0.code] == nil }
                    .map { "\($0.code) \($0.officialName)" }.sorted())
            }
            let staging = PublicationStaging(configuration: config, templates: templates, letters: letters,
                                             logger: Self.stage("publication", of: logger))
            let staged = try await staging.stage(figures, into: publisher)
            try publisher.reuseIfUnchanged(RejectsFileWriter.fileName, in: staged.previous)
            if templates != nil {
                try writeDataPackage(tables: staged.tables, inputs: summaries, to: publisher, reusing: staged.previous)
            }
            try writeManifest(to: publisher, started: started, inputs: summaries, counts: counts, figures: figures,
                              partitions: staged.partitions.record)
            try Task.checkCancellation()
            if config.dryRun {
                publisher.abandon()
                logger.info("dry run: nothing published", metadata: ["stage": "publication", "out": "\(config.outputDirectory)"])
            }
            // How long making every staged byte durable and swapping the folders took: on a
            // busy file system, the time to wait for the disk.
            let publishing = ContinuousClock.now
            if !config.dryRun {
                defer { logWarnings(of: publisher, logger: logger) }
                try publisher.publish()
            }
            logger.info("published", metadata: [
                "stage": "publication",
                "out": "\(config.outputDirectory)", "rows": .stringConvertible(counts.rowsRead),
                "cases": .stringConvertible(counts.cases), "rejected": .stringConvertible(counts.rowsRejected),
                "superseded": .stringConvertible(counts.duplicatesSuperseded),
                "durable_s": .stringConvertible((((ContinuousClock.now - publishing) / .seconds(1)) * 1000).rounded() / 1000),
            ])
            return RunReport(inputs: summaries, counts: counts, figures: figures, outputDirectory: config.outputDirectory,
                             quality: quality, dryRun: config.dryRun)
        } catch {
            publisher.abandon()
            throw error
        }
    }

    /// Logs what the publisher could not clean up (`OutputPublisher.takeWarnings()`).
    private func logWarnings(of publisher: OutputPublisher, logger: Logger) {
        for warning in publisher.takeWarnings() {
            logger.warning("\(warning)", metadata: ["stage": "publication"])
        }
    }

    /// The rejects of a run that failed its limits, kept beside the output folder so that an
    /// operator can see why (the output folder itself stays as it was).
    public static func keptRejectsPath(for outputDirectory: String) -> String {
        var path = outputDirectory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + ".rejects.csv"
    }

    private func keepRejects(of publisher: OutputPublisher) {
        let kept = Self.keptRejectsPath(for: configuration.outputDirectory)
        // rename(2) replaces an earlier kept file (or a link at that name, not what it points
        // to) in one step, and refuses a folder: nothing that is not ours is removed.
        _ = rename(publisher.stagingDirectory + "/" + RejectsFileWriter.fileName, kept)
    }

    /// Runs the pipeline until it ends or one of `signals` arrives; a signal cancels every
    /// stage, removes the staging folder and throws ``Interrupted``.
    ///
    /// A run whose stages do not stop within the grace period is ended with exit 75 without
    /// returning; `beforeForcedExit` is then called first with the reason, so that the caller
    /// can still record how the run ended.
    public func run(stoppingOn signals: [Int32], logger: Logger = Logger(label: "annual-review"),
                    progress: ProgressCounter? = nil, recorder: RunRecorder? = nil,
                    beforeForcedExit: (@Sendable (_ reason: String) -> Void)? = nil) async throws -> RunReport {
        let destination = configuration.outputDirectory
        // The grace timer starts from the signal source itself: the task that waits for the
        // signal needs a thread of the cooperative pool, which may all be rendering.
        let watcher = SignalWatcher(signals) { signal in
            Self.exitIfStuck(after: Self.stopGrace, interrupted: Interrupted(signal: signal), destination: destination,
                             logger: logger, beforeExit: beforeForcedExit)
        }
        let received = watcher.signals
        defer { withExtendedLifetime(watcher) {} }
        return try await withThrowingTaskGroup(of: RunReport?.self) { group in
            group.addTask { try await self.run(logger: logger, progress: progress, recorder: recorder) }
            group.addTask {
                // Ends quietly (nil) when the run finishes first and this task is cancelled.
                for await signal in received {
                    logger.warning("signal received, stopping", metadata: ["signal": .stringConvertible(signal)])
                    throw Interrupted(signal: signal)
                }
                return nil
            }
            // The first child to finish decides; leaving the group cancels the other.
            while let result = try await group.next() {
                if let report = result {
                    group.cancelAll()
                    return report
                }
            }
            throw CancellationError()
        }
    }

    /// How long a stopped run may take to end by itself before it is ended: short enough that
    /// cron and systemd see exit 75 within 2 s of the signal, whatever the run was doing.
    static let stopGrace: Duration = .milliseconds(1500)

    /// A stage blocked in a read that never returns (a stalled pipe or network file system),
    /// or in one long system call (a large `syncfs`), cannot see cancellation; after `grace`,
    /// remove the staging folder and exit with 75 ("temporary failure") rather than ignore the
    /// signal. `_exit` because nothing else ends a process whose threads are all blocked.
    private static func exitIfStuck(after grace: Duration, interrupted: Interrupted, destination: String, logger: Logger,
                                    beforeExit: (@Sendable (String) -> Void)?) {
        let staging = OutputPublisher.stagingDirectory(forDestination: destination)
        let seconds = Double(grace.components.seconds) + Double(grace.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            let message = "\(interrupted) (the stages did not stop within \(seconds) s: the staging folder is "
                + "removed and the process ends)"
            logger.error("\(message)", metadata: ["staging": "\(staging)", "exit_code": .stringConvertible(75)])
            try? FileManager.default.removeItem(atPath: staging)
            beforeExit?(message)
            _exit(75)
        }
    }

    private func checkLimits(_ counts: RunCounts) throws {
        let config = configuration
        if counts.rowsRead < config.minRows {
            throw RunError.tooFewRows(read: counts.rowsRead, minimum: config.minRows)
        }
        if Double(counts.rowsRejected) > config.maxRejectRate * Double(counts.rowsRead) {
            throw RunError.rejectLimitExceeded(rejected: counts.rowsRejected, read: counts.rowsRead, limit: config.maxRejectRate,
                                               keptRejects: Self.keptRejectsPath(for: config.outputDirectory))
        }
    }

    /// `datapackage.json`, describing the top-level tables (the partitions hold the same rows,
    /// split by year), with the run's inputs as its sources.
    ///
    /// rejects.csv stays in the folder for operators but is not a resource of the package: it
    /// holds the exports' rows as they were (case references, free text), which are the case
    /// system's data, not statistics published under the licence.
    private func writeDataPackage(tables: [TableFile: [UInt8]], inputs: [InputFileSummary], to publisher: OutputPublisher,
                                  reusing previous: PreviousPublication?) throws {
        let headers = Dictionary(uniqueKeysWithValues: tables.map { ($0.key.fileName, $0.value) })
        let files = try publisher.stagedFileDigests(only: Set(headers.keys)).compactMap { digest in
            headers[digest.path].map { DataPackageWriter.File(path: digest.path, header: $0, size: digest.bytes, sha256: digest.sha256) }
        }
        var sources = inputs.map { (name: $0.path == "-" ? "standard input" : URL(fileURLWithPath: $0.path).lastPathComponent,
                                    sha256: $0.sha256) }
        for path in [configuration.register, configuration.lookup, configuration.population].compactMap({ $0 }) {
            let digest = try RunManifest.FileDigest(contentsOf: path)
            sources.append((name: URL(fileURLWithPath: path).lastPathComponent, sha256: digest.sha256))
        }
        let package = DataPackageWriter.dataPackage(
            files: files, about: DataPackageWriter.About(version: configuration.build.version, sources: sources))
        try publisher.writeFile(package.path, package.bytes, reusing: previous)
    }

    private func checkFilesExist() throws {
        let config = configuration
        let fm = FileManager.default
        for path in config.inputs where path != "-" && !fm.fileExists(atPath: path) {
            throw RunError.inputMissing(path: path)
        }
        let files: [(String?, String)] = [
            (config.register, "register"), (config.lookup, "name lookup"), (config.population, "population table"), (config.contacts, "contacts table"),
            (config.decisionRules, "decision rule table"), (config.serviceAreaRules, "service-area rule table"),
        ]
        for case let (path?, what) in files where !fm.fileExists(atPath: path) {
            throw RunError.configurationMissing(path: path, what: what)
        }
    }

    /// Runs the stages; returns the inputs' summaries, the counts per year and authority of the
    /// cases, the cases with a public report, the row counts and the quality report.
    private func runStages(register: AuthorityRegister, classifier: Classifier, rejects: RejectsFileWriter,
                           logger: Logger, progress: ProgressCounter?, recorder: RunRecorder?)
        async throws -> ([InputFileSummary], [YearAuthority: AuthorityYearCounts], [CollectedPublicReport], RunCounts,
                         QualityReport) {
        let config = configuration
        if config.parseWorkers > 1 {
            return try await runParallelStages(register: register, classifier: classifier, rejects: rejects,
                                               logger: logger, progress: progress, recorder: recorder)
        }
        // AsyncThrowingChannel is bounded (a send waits for its receiver), so no stage can run
        // ahead of the next by more than the batch in hand: memory stays flat.
        let decompressed = AsyncThrowingChannel<DecompressedData, any Error>()
        let raw = AsyncThrowingChannel<RawRecordBatch, any Error>()
        let cleaned = AsyncThrowingChannel<CleanBatch, any Error>()
        let classified = AsyncThrowingChannel<CaseBatch, any Error>()
        let cleaner = Cleaner(register: register, inputPaths: config.inputs)

        return try await withThrowingTaskGroup(of: [InputFileSummary].self) { group in
            func stage(_ name: String) -> Logger { Self.stage(name, of: logger) }
            group.addTask {
                try await Stages.decompress(config.inputs, with: Decompressor(chunkSize: config.chunkSize), progress: progress,
                                            logger: stage("decompression"), recorder: recorder, into: decompressed)
                return []
            }
            group.addTask {
                try await Stages.parse(config.inputs, batchSize: config.batchSize, progress: progress,
                                       logger: stage("parsing"), recorder: recorder, from: decompressed, into: raw)
            }
            group.addTask {
                try await Stages.relay(cleaner, logger: stage("cleaning"), recorder: recorder, from: raw, into: cleaned) { $0.clean($1) }
                return []
            }
            group.addTask {
                try await Stages.relay(classifier, logger: stage("classification"), recorder: recorder, from: cleaned, into: classified) {
                    $0.classify($1)
                }
                return []
            }

            // Aggregation: the group's own body consumes the last channel.
            var aggregating = Aggregating(rejects: rejects)
            var timer = StageTimer()
            var batches = classified.makeAsyncIterator()
            while let batch = try await timer.waiting({ try await batches.next() }) {
                timer.countBatch()
                try aggregating.add(batch)
            }
            timer.logFinished(stage("aggregation"), recorder: recorder)
            var summaries: [InputFileSummary] = []
            for try await result in group { summaries += result }
            let (yearCounts, publicReports, counts, quality) = aggregating.finish()
            return (summaries, yearCounts, publicReports, counts, quality)
        }
    }

    /// `logger` with the stage's name on every line.
    static func stage(_ name: String, of logger: Logger) -> Logger {
        var stageLogger = logger
        stageLogger[metadataKey: "stage"] = .string(name)
        return stageLogger
    }

    /// The pieces' bytes that the parse workers hold in all, at most, by default.
    private static let bytesInFlight = 8 << 20
    /// Pieces no smaller than this however many workers, so a piece stays thousands of rows.
    private static let smallestPieceSize = 64 << 10

    /// ``runStages(register:classifier:rejects:logger:progress:)`` with several parse workers:
    /// decompression cuts record-aligned pieces and deals them out, each worker parses, cleans
    /// and classifies whole pieces, and aggregation takes the results back in file order.
    ///
    /// Pieces in flight: those cut from the chunk in hand in the decompression task, and per
    /// worker at most four: one waiting in its input's forwarder, one being parsed, and two
    /// results (a piece's cases and rejects) waiting for their turn. Pieces are about 1 MiB
    /// up to 8 workers and 8 MiB / N beyond (at least 64 KiB; a piece continuing a record
    /// without a boundary is at most 8 MiB): whatever the size of the input or the workers.
    private func runParallelStages(register: AuthorityRegister, classifier: Classifier, rejects: RejectsFileWriter,
                                   logger: Logger, progress: ProgressCounter?, recorder: RunRecorder?)
        async throws -> ([InputFileSummary], [YearAuthority: AuthorityYearCounts], [CollectedPublicReport], RunCounts,
                         QualityReport) {
        let config = configuration
        let workers = config.parseWorkers
        // Pieces in flight grow with the workers (about four each): past 8 workers, smaller
        // pieces keep their bytes (and the chunks they slice) near 8 MiB in all, so peak memory
        // does not depend on N (64 workers with 1 MiB pieces peaked at 265 MB on 5M rows).
        let pieceSize = min(config.pieceSize, max(Self.smallestPieceSize, Self.bytesInFlight / workers))
        // A worker's batch is reserved whole (about 140 bytes a row before any field): sized to
        // what a piece holds (rows of 256 bytes or more), it does not outweigh the piece.
        let batchSize = min(config.batchSize, max(64, pieceSize / 256))
        // Each worker's pieces and results pass through a forwarding task: one element of
        // slack on each side, so that the strict rotation does not make every task wait for
        // the slowest one (a lockstep that cost more than the second core gained when the
        // machine was busy).
        let dealt = (0 ..< workers).map { _ in AsyncThrowingChannel<RecordPiece, any Error>() }
        let pieces = (0 ..< workers).map { _ in AsyncThrowingChannel<RecordPiece, any Error>() }
        let made = (0 ..< workers).map { _ in AsyncThrowingChannel<PieceResult, any Error>() }
        let results = (0 ..< workers).map { _ in AsyncThrowingChannel<PieceResult, any Error>() }
        let cleaner = Cleaner(register: register, inputPaths: config.inputs)

        return try await withThrowingTaskGroup(of: Void.self) { group in
            func stage(_ name: String, worker: Int? = nil) -> Logger {
                var stageLogger = Self.stage(name, of: logger)
                if let worker { stageLogger[metadataKey: "worker"] = "\(worker)" }
                return stageLogger
            }
            group.addTask {
                try await Stages.cutPieces(config.inputs, with: Decompressor(chunkSize: config.chunkSize),
                                           pieceSize: pieceSize, maxPieceBytes: config.maxPieceBytes,
                                           progress: progress, logger: stage("decompression"), recorder: recorder,
                                           into: dealt)
            }
            for worker in 0 ..< workers {
                group.addTask { try await Stages.forward(from: dealt[worker], into: pieces[worker]) }
                group.addTask {
                    try await Stages.parseWorker(config.inputs, batchSize: batchSize, cleaner: cleaner,
                                                 classifier: classifier, progress: progress,
                                                 logger: stage("parsing", worker: worker), recorder: recorder,
                                                 from: pieces[worker], into: made[worker])
                }
                group.addTask { try await Stages.forward(from: made[worker], into: results[worker]) }
            }

            // Aggregation: the group's own body takes the results in file order.
            var aggregating = Aggregating(rejects: rejects)
            var timer = StageTimer()
            var summaries: [InputFileSummary] = []
            var fileRecords = 0
            var ordered = ResultsInGroupOrder(results)
            while let result = try await timer.waiting({ try await ordered.next() }) {
                for batch in result.batches {
                    timer.countBatch()
                    try aggregating.add(batch)
                }
                fileRecords += result.records
                if let end = result.end {
                    let summary = InputFileSummary(
                        path: end.path, bytes: end.bytes, sha256: end.sha256, compressed: end.compressed,
                        unknownColumns: result.header.unknownColumns, hadByteOrderMark: result.header.hadByteOrderMark,
                        records: fileRecords)
                    summaries.append(summary)
                    fileRecords = 0
                    Stages.logFileRead(summary, logger: stage("parsing"))
                }
            }
            timer.logFinished(stage("aggregation"), recorder: recorder)
            try await group.waitForAll()
            let (yearCounts, publicReports, counts, quality) = aggregating.finish()
            return (summaries, yearCounts, publicReports, counts, quality)
        }
    }

    private func writeManifest(to publisher: OutputPublisher, started: Date, inputs: [InputFileSummary],
                               counts: RunCounts, figures: AnnualFigures, partitions: RunManifest.Partitions) throws {
        let config = configuration
        var files: [RunManifest.FileDigest] = []
        for path in [config.lookup, config.population, config.decisionRules, config.serviceAreaRules, config.contacts]
            .compactMap({ $0 }) {
            files.append(try RunManifest.FileDigest(contentsOf: path))
        }
        let published = figures.years.map(\.year)
        let contiguous = zip(published, published.dropFirst()).allSatisfy { $0.startYear + 1 == $1.startYear }
        let years = published.isEmpty ? "" : contiguous
            ? YearRange(first: published[0], last: published[published.count - 1])!.description
            : published.map(\.label).joined(separator: ",")
        let templates = try config.templates.map { folder in
            try TemplateFolderCheck.templates(in: folder).map { try RunManifest.FileDigest(contentsOf: $0) }
        }
        let manifest = RunManifest(
            version: config.build.version, commit: config.build.commit, runID: config.runID, started: started, ended: Date(),
            inputs: inputs.map(RunManifest.Input.init), counts: .init(counts),
            configuration: .init(register: try RunManifest.FileDigest(contentsOf: config.register),
                                 method: config.method, years: years, files: files,
                                 settings: ["batch-size": "\(config.batchSize)",
                                            "years": config.years?.description ?? "all",
                                            "max-reject-rate": "\(config.maxRejectRate)",
                                            "min-rows": "\(config.minRows)",
                                            "letter-date": config.letterDate?.description ?? "none",
                                            "parse-workers": "\(config.parseWorkers)"],
                                 templates: templates,
                                 definition: try config.definition.map { try RunManifest.FileDigest(contentsOf: $0) }),
            outputs: try publisher.stagedFileDigests(), partitions: partitions)
        try publisher.writeFile("manifest.json", try manifest.jsonBytes())
    }
}
