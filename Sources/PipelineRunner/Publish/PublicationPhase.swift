import Aggregation
import Foundation
import Logging
import Operations
import Output
import PipelineConfig
import PipelineModel
import Rendering

/// The third phase of a run, `publish`: from the aggregated counts to the published folder.
///
/// In order: the limits (`--min-rows`, `--max-reject-rate`; a run over them keeps its rejects
/// beside the output folder and publishes nothing), the figures, the plan of every file
/// (``PublicationPlanner``: each year rendered or carried over, the top-level tables, the
/// whole-publication pages, the data package), the plan staged (``PublicationPlan``), the
/// manifest, then the atomic exchange.
struct PublicationPhase {
    let configuration: RunConfiguration
    let prepared: PreparedRun
    /// The logger of the `publication` stage.
    let logger: Logger

    /// Publishes `aggregated` through `publisher` (or, on a dry run, gives it up at the end);
    /// `digests` are the configuration files as the run read them, for the manifest.
    /// - Throws: ``RunError`` over a limit, `OutputError`, `CancellationError`.
    func publish(_ aggregated: Aggregated, through publisher: OutputPublisher, digests: ConfigurationDigests,
                 started: Date, recorder: RunRecorder?) async throws -> RunReport {
        let config = configuration
        try publisher.record([aggregated.rejectsFile])
        let counts = aggregated.counts
        recorder?.record(counts: counts)
        do {
            try checkLimits(counts)
        } catch {
            publisher.keep(RejectsFileWriter.fileName, at: Self.keptRejectsPath(for: config[\.output]))
            publisher.abandon()
            throw error
        }
        // A cancelled stage may end its loop quietly: never publish after cancellation.
        try Task.checkCancellation()

        let figures = FigureBuilder(register: prepared.register, method: config[\.method])
            .figures(from: aggregated.yearCounts, publicReports: aggregated.publicReports, cases: aggregated.cases,
                     years: config[\.years])
        var quality = aggregated.quality
        if let contacts = prepared.contacts {
            let lettered = Dictionary(figures.years.flatMap { $0.authorities.map { ($0.authority.code, $0.authority) } },
                                      uniquingKeysWith: { first, _ in first })
            quality.noteMissingContacts(lettered.values.filter { contacts[$0.code] == nil }
                .map { "\($0.code) \($0.officialName)" }.sorted())
        }
        let planner = PublicationPlanner(method: config[\.method], carriesOtherYears: config[\.years] != nil,
                                         templates: prepared.templates, letters: prepared.letters,
                                         register: prepared.register.authorities, logger: logger)
        let improvements = try planner.serviceImprovements(figures, current: publisher.current)
        let current = publisher.current
        // The history pages' rows and notes are made while the plan's tables are.
        async let historyJobs = planner.historyJobs(figures, current: current, serviceImprovements: improvements)
        var (plan, tables) = try planner.plan(figures, current: current, serviceImprovements: improvements)
        try planner.planHistory(tables, of: figures, serviceImprovements: improvements, jobs: await historyJobs, into: &plan)
        if prepared.templates != nil {
            plan.write("datapackage.json", try dataPackage(tables: tables, years: plan.years, inputs: aggregated.inputs,
                                                           digests: digests))
        }
        plan.keepRejects(aggregated.rejectsFile)
        let cost = try await plan.stage(into: publisher, rendering: PageRendering())
        logger.info("pages rendered", metadata: [
            "stage": "publication", "pages": .stringConvertible(cost.total),
            "years_rendered": .stringConvertible(plan.computedYears.count),
            "years_carried_over": .stringConvertible(plan.years.count - plan.computedYears.count),
            "files_carried_over": .stringConvertible(plan.carried.count),
        ].merging(cost.fields, uniquingKeysWith: { $1 }))
        try publisher.writeManifest { outputs in
            try RunManifest(configuration: config, digests: digests, started: started, inputs: aggregated.inputs,
                            counts: counts, years: figures.years.map(\.year), outputs: outputs,
                            partitions: plan.partitions(pagesRendered: cost.total))
        }
        try Task.checkCancellation()
        // How long making every staged byte durable and swapping the folders took: on a busy
        // file system, the time to wait for the disk.
        let publishing = ContinuousClock.now
        if config.dryRun {
            publisher.abandon()
            logger.info("dry run: nothing published", metadata: ["out": "\(config[\.output])"])
        } else {
            defer { logWarnings(of: publisher) }
            try publisher.publish()
        }
        logger.info("published", metadata: [
            "out": "\(config[\.output])", "rows": .stringConvertible(counts.rowsRead),
            "cases": .stringConvertible(counts.cases), "rejected": .stringConvertible(counts.rowsRejected),
            "superseded": .stringConvertible(counts.duplicatesSuperseded),
            "durable_s": .stringConvertible((((ContinuousClock.now - publishing) / .seconds(1)) * 1000).rounded() / 1000),
        ])
        var report = RunReport(inputs: aggregated.inputs, counts: counts, figures: figures,
                               outputDirectory: config[\.output], quality: quality, dryRun: config.dryRun)
        report.workingValues = HeldValues(aggregated, plan, tables, publisher)
        return report
    }

    /// The path beside the output folder where a run that failed its limits keeps its rejects:
    /// `<out>.rejects.csv`.
    static func keptRejectsPath(for outputDirectory: String) -> String {
        var path = outputDirectory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + ".rejects.csv"
    }

    /// Logs what the publication could not clean up (a stale staging folder, the previous outputs).
    func logWarnings(of publisher: OutputPublisher) {
        for warning in publisher.takeWarnings() {
            logger.warning("\(warning)")
        }
    }

    private func checkLimits(_ counts: RunCounts) throws {
        let config = configuration
        if counts.rowsRead < config[\.minRows] {
            throw RunError.tooFewRows(read: counts.rowsRead, minimum: config[\.minRows])
        }
        if Double(counts.rowsRejected) > config[\.maxRejectRate] * Double(counts.rowsRead) {
            throw RunError.rejectLimitExceeded(rejected: counts.rowsRejected, read: counts.rowsRead, limit: config[\.maxRejectRate],
                                               keptRejects: Self.keptRejectsPath(for: config[\.output]))
        }
    }

    /// `datapackage.json`, describing the top-level tables (the partitions hold the same rows,
    /// split by year) and each per-case table as one resource in parts, its partitions' files
    /// of `years`, with the run's inputs as its sources.
    ///
    /// rejects.csv stays in the folder for operators but is not a resource of the package: it
    /// holds the exports' rows as they were (case references, free text), which are the case
    /// system's data, not statistics published under the licence.
    private func dataPackage(tables: [TableFile: [UInt8]], years: [ReportingYear], inputs: [InputFileSummary],
                             digests: ConfigurationDigests) throws -> [UInt8] {
        var sources = inputs.map { (name: $0.path == "-" ? "standard input" : URL(fileURLWithPath: $0.path).lastPathComponent,
                                    sha256: $0.sha256) }
        for path in [configuration[\.register], configuration[\.lookup], configuration[\.population]].compactMap({ $0 }) {
            let digest = try digests.digest(path)
            sources.append((name: URL(fileURLWithPath: path).lastPathComponent, sha256: digest.sha256))
        }
        let about = DataPackageWriter.About(version: configuration.build.version, sources: sources)
        let whole = tables.sorted { utf8Precedes($0.key.fileName, $1.key.fileName) }.map { table, bytes in
            let digest = RunManifest.FileDigest(path: table.fileName, contents: bytes)
            return DataPackageWriter.File(path: digest.path, schema: table.schema, size: digest.bytes, sha256: digest.sha256)
        }
        let parted = years.isEmpty ? [] : TableFile.allCases.filter(\.isPartitionOnly).map { table in
            DataPackageWriter.File(parts: years.map { CurrentPublication.partitionFolder(of: $0) + "/" + table.fileName },
                                   schema: table.schema)
        }
        let files = whole + parted
        return DataPackageWriter.dataPackage(files: files, about: about).bytes
    }
}
