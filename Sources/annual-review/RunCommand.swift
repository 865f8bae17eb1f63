import ArgumentParser
import Foundation
import Logging
import Operations
import Output
import PipelineConfig
import PipelineModel
import PipelineRunner

/// One run from the command line, for `run` and `validate`: the definition and options resolved
/// into one ``RunConfiguration``, logging set up, the runner run, and the run's end recorded
/// (metrics file, last-run report, exit code) whatever happened.
struct RunCommand {
    let options: RunOptions
    /// Do everything except publication.
    let dryRun: Bool
    /// Print the quality report.
    let qualityReport: Bool
    /// Compute even when the sources are the current publication's (a quality report needs the
    /// rows read, so it computes too).
    var recompute = false
    /// Without an output folder in the settings, stage in a temporary folder of our own
    /// (`validate`) instead of failing with a usage error.
    var stagesWithoutOutput = false

    func execute() async throws {
        let started = Date()
        let runID = JSONLogHandler.newRunID()

        // The definition comes first (the log format and metrics file may be in it), but a
        // bad one is reported only once logging is set up.
        var positional = options.inputs
        var definition = RunSettings()
        var definitionError: ConfigurationError?
        var pipeline = "command-line"
        var definitionPath: String?
        if let first = positional.first, PipelineDefinition.isDefinitionPath(first) {
            positional.removeFirst()
            definitionPath = first
            pipeline = URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
            do {
                definition = try PipelineDefinition.load(path: first)
            } catch {
                definitionError = error
            }
        }
        var settings = definition.overriding(with: try options.overrides(inputs: positional))
        let format = RunSettingTable.shared.logFormat.resolved(in: settings)
        JSONLogHandler.bootstrap(format: format, runID: runID, level: .info)
        var logger = Logger(label: "annual-review")
        logger[metadataKey: "pipeline"] = "\(pipeline)"
        let ending = RunEnding(started: started, runID: runID, pipeline: pipeline, dryRun: dryRun, settings: settings,
                               json: format.resolved(isTerminal: ConsoleOutput.standardError.isTerminal) == .json,
                               logger: logger)

        if let definitionError { return try ending.finish(ExitCode.for(definitionError), error: definitionError) }
        // A folder of our own from mkdtemp, never a predictable name in the shared temporary
        // folder (where another user could have planted a link).
        var scratch: String?
        defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
        if stagesWithoutOutput, settings[\.output] == nil {
            scratch = try Self.makeScratchFolder()
            settings[\.output] = scratch! + "/out"
        }
        var configuration: RunConfiguration
        do {
            configuration = try RunConfiguration(resolving: settings)
        } catch {
            return try ending.finish(.usage, error: ValidationError("\(error)"))
        }
        configuration.dryRun = dryRun
        configuration.recompute = recompute || qualityReport
        if let pieceSize = options.pieceSize {
            configuration.pieceSize = pieceSize
            configuration.maxPieceBytes = max(pieceSize, configuration.maxPieceBytes)
        }
        configuration.runID = runID
        configuration.definition = definitionPath
        let out = configuration[\.output]
        logger.info("run started", metadata: ["inputs": .stringConvertible(configuration[\.inputs].count), "out": "\(out)",
                                              "version": "\(Installation.build.version)",
                                              "commit": "\(Installation.build.commit)"])

        // The output's parent may not exist yet (out/sample on a fresh clone).
        let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)

        let runner = PipelineRunner(configuration: configuration)
        let progress = ProgressReporter(counter: ending.counter,
                                        totalBytes: ProgressReporter.totalBytes(of: configuration[\.inputs]))
        progress.start()
        let report: RunReport
        do {
            report = try await runner.run(stoppingOn: [SIGTERM, SIGINT], logger: logger, progress: ending.counter,
                                          recorder: ending.recorder,
                                          beforeForcedExit: { ending.recordLastRun(.temporaryFailure, reason: $0) })
        } catch {
            progress.stop()
            return try ending.finish(ExitCode.for(error), error: error)
        }
        progress.stop()
        Self.keptUntilExit = report
        let rejected = report.counts.rowsRejected
        if qualityReport || dryRun { print(report.quality.text(counts: report.counts, inputs: report.inputs)) }
        if let since = report.upToDateSince {
            print(TerminalText.escaped("annual-review: up to date since \(RunManifest.iso8601(since)): exports, "
                  + "configuration and program unchanged since that run's publication, nothing published (--recompute "
                  + "computes)"))
        }
        if dryRun {
            print("annual-review: dry run: \(report.counts.rowsRead) rows read, \(report.counts.cases) cases, "
                  + "\(rejected) rejected; nothing published")
        } else {
            print(TerminalText.escaped("annual-review: \(report.counts.rowsRead) rows read, \(report.counts.cases) cases, "
                  + "\(rejected) rejected (see \(out)/rejects.csv); outputs in \(out)/"))
        }
        try ending.finish(.success)
    }

    /// The report of the run this process made, never freed: the process ends right after the
    /// run, and the kernel frees the report's figures and working values at once then
    /// (``RunReport/workingValues``), where freeing them one by one would delay the exit.
    nonisolated(unsafe) private static var keptUntilExit: RunReport?

    /// A new folder of our own in the system's temporary folder.
    private static func makeScratchFolder() throws -> String {
        var template = Array((FileManager.default.temporaryDirectory.path + "/annual-review-validate-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw ValidationError("cannot create a temporary folder: \(String(cString: strerror(errno)))")
        }
        return String(cString: made)
    }
}
