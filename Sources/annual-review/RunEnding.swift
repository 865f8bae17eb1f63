import ArgumentParser
import Foundation
import Logging
import Operations
import PipelineConfig
import PipelineRunner

/// How a run from the command line ends, whatever ended it: the metrics file and the last-run
/// report (every run, success or not), the error on standard error, then the exit code.
struct RunEnding: Sendable {
    let started: Date
    let runID: String
    let pipeline: String
    /// The metrics file, if any.
    let metricsFile: String?
    /// The last-run report beside the output folder; nil for a dry run (and `validate`), which
    /// publishes nothing and so leaves the last real run's report.
    let reportPath: String?
    /// Whether errors go to the log as JSON lines rather than to the terminal as text.
    let json: Bool
    let logger: Logger
    /// Rows and bytes read so far, for the progress line and a run that fails early.
    let counter = ProgressCounter()
    /// Each stage's times and the counts, as soon as they are known.
    let recorder = RunRecorder()

    init(started: Date, runID: String, pipeline: String, dryRun: Bool, settings: RunSettings, json: Bool,
         logger: Logger) {
        self.started = started
        self.runID = runID
        self.pipeline = pipeline
        metricsFile = settings[\.metricsFile]
        // Beside the output folder, which a run that fails leaves as it was.
        reportPath = dryRun ? nil : settings[\.output].map(LastRunReport.path(forOutput:))
        self.json = json
        self.logger = logger
    }

    /// Writes the last-run report; a failure to is logged, and the run's outcome stands.
    func recordLastRun(_ code: ExitCode, reason: String) {
        guard let reportPath else { return }
        let report = LastRunReport(runID: runID, pipeline: pipeline, program: Installation.build, started: started,
                                   ended: Date(), exitCode: code.rawValue, exitReason: reason, recorder: recorder,
                                   rowsReadSoFar: counter.rows)
        do {
            try report.write(to: reportPath)
        } catch {
            Logger(label: "annual-review").error("\(error)", metadata: ["stage": "publication"])
        }
    }

    /// Ends the run with `code`: records it, reports `error`, and throws the exit code unless 0.
    func finish(_ code: ExitCode, error: (any Error)? = nil) throws {
        let ended = Date()
        if let path = metricsFile {
            let seconds = ended.timeIntervalSince(started)
            var metrics = recorder.counts.map { RunMetrics(durationSeconds: seconds, counts: $0, exitCode: code.rawValue, finished: ended) }
                ?? RunMetrics(durationSeconds: seconds, rowsRead: counter.rows, exitCode: code.rawValue, finished: ended)
            metrics.build = Installation.build
            do {
                try PrometheusTextfile.write(metrics, to: path, labels: ["pipeline": pipeline])
            } catch {
                // The run's own outcome stands; monitoring sees a stale file.
                logger.error("\(error)", metadata: ["stage": "metrics"])
            }
        }
        recordLastRun(code, reason: error.map { "\($0)" } ?? "success")
        if let error {
            if json {
                logger.error("\(error)", metadata: ["exit_code": .stringConvertible(code.rawValue)])
            } else {
                // An error may quote an export's header or a table's value: escaped for the terminal.
                FileHandle.standardError.write(Data("annual-review: \(TerminalText.escaped("\(error)"))\n".utf8))
            }
        }
        if code != .success { throw ArgumentParser.ExitCode(code.rawValue) }
    }
}
