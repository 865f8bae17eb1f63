package import Foundation
package import PipelineModel

/// `DIR.last-run.json` beside the output folder: how the last run ended, whatever its exit code,
/// for an operator or a monitoring check that reads one small file rather than the logs.
///
/// The output folder itself holds only publications (a failed run leaves it as it was), so the
/// report lives beside it, as the kept rejects (`DIR.rejects.csv`) and the lock do.
package struct LastRunReport: Codable, Sendable, Equatable {
    /// The run's identifier, as on every log line.
    package var runID: String
    /// The pipeline definition's name (`nightly`), or `command-line`.
    package var pipeline: String
    /// The program that ran.
    package var program: BuildInfo
    /// When the run started, ISO 8601 UTC.
    package var started: String
    /// When it ended, ISO 8601 UTC.
    package var ended: String
    /// Wall-clock seconds from start to end, to the millisecond.
    package var durationSeconds: Double
    /// The process's exit code (sysexits).
    package var exitCode: Int32
    /// Why the run ended so: `success`, or the error's message.
    package var exitReason: String
    /// The row counts; nil when the run ended before its stages did (its rows were not all
    /// counted: see ``rowsReadSoFar``).
    package var counts: Counts?
    /// Data rows read before the run ended, counted as they were read.
    package var rowsReadSoFar: Int
    /// Rejected rows by reason code, every reason present; empty when ``counts`` is nil.
    package var rejectedByReason: [String: Int]
    /// Each stage that finished, by name (`parsing`): its busy and waiting seconds.
    package var stages: [String: Stage]

    /// One stage's times.
    package struct Stage: Codable, Sendable, Equatable {
        /// Seconds it worked.
        package var busySeconds: Double
        /// Seconds it waited for its neighbours.
        package var waitingSeconds: Double
        /// Batches it handled.
        package var batches: Int

        enum CodingKeys: String, CodingKey {
            case busySeconds = "busy_s"
            case waitingSeconds = "waiting_s"
            case batches
        }
    }

    /// The run's counts of rows and cases.
    package struct Counts: Codable, Sendable, Equatable {
        /// Data rows read from all inputs.
        package var rowsRead: Int
        /// Rows accepted, before duplicates were resolved.
        package var rowsAccepted: Int
        /// Rows rejected.
        package var rowsRejected: Int
        /// Accepted rows superseded by a later version of the same case.
        package var rowsSuperseded: Int
        /// Cases: accepted rows less superseded ones.
        package var cases: Int

        enum CodingKeys: String, CodingKey {
            case rowsRead = "rows_read"
            case rowsAccepted = "rows_accepted"
            case rowsRejected = "rows_rejected"
            case rowsSuperseded = "rows_superseded"
            case cases
        }
    }

    /// The report of a run that ended with `exitCode` for `exitReason`, from what `recorder`
    /// holds.
    package init(runID: String, pipeline: String, program: BuildInfo, started: Date, ended: Date, exitCode: Int32,
                exitReason: String, recorder: RunRecorder, rowsReadSoFar: Int) {
        self.runID = runID
        self.pipeline = pipeline
        self.program = program
        self.started = Self.iso8601(started)
        self.ended = Self.iso8601(ended)
        durationSeconds = (ended.timeIntervalSince(started) * 1000).rounded() / 1000
        self.exitCode = exitCode
        self.exitReason = exitReason
        let recorded = recorder.counts
        counts = recorded.map {
            Counts(rowsRead: $0.rowsRead, rowsAccepted: $0.rowsAccepted, rowsRejected: $0.rowsRejected,
                   rowsSuperseded: $0.duplicatesSuperseded, cases: $0.cases)
        }
        self.rowsReadSoFar = recorded?.rowsRead ?? rowsReadSoFar
        var byReason: [String: Int] = [:]
        if let recorded {
            for reason in RejectReason.allCases { byReason[reason.rawValue] = recorded.rejectedByReason[reason] ?? 0 }
        }
        rejectedByReason = byReason
        stages = recorder.stages.mapValues {
            Stage(busySeconds: $0.busySeconds, waitingSeconds: $0.waitingSeconds, batches: $0.batches)
        }
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id"
        case pipeline, program, started, ended
        case durationSeconds = "duration_s"
        case exitCode = "exit_code"
        case exitReason = "exit_reason"
        case counts
        case rowsReadSoFar = "rows_read_so_far"
        case rejectedByReason = "rejected_by_reason"
        case stages
    }

    /// Where the report of runs publishing into `outputDirectory` goes: `DIR.last-run.json`.
    package static func path(forOutput outputDirectory: String) -> String {
        var path = outputDirectory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + ".last-run.json"
    }

    /// The report as JSON (keys sorted, one trailing newline).
    package func jsonBytes() throws -> [UInt8] {
        try PrettyJSON.bytes(self)
    }

    /// Reads a report back.
    package static func decode(_ bytes: some Collection<UInt8>) throws -> LastRunReport {
        try JSONDecoder().decode(LastRunReport.self, from: Data(bytes))
    }

    /// The space kept for the next report (`.NAME.spare` beside it), so that a run that fails on
    /// a full disk can still write its report: a report is a few KB, its error message included.
    static let reservedBytes = 64 << 10

    /// Writes the report at `path` atomically (temporary file made with O_EXCL and O_NOFOLLOW,
    /// or the spare the previous report left, then renamed), refusing to replace anything but a
    /// plain file.
    /// - Throws: ``LastRunReportError``; the previous report then stays as it was.
    package func write(to path: String) throws(LastRunReportError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.checkReplaceable(path)
            guard let bytes = try? jsonBytes() else { throw AtomicFile.Failure(reason: "cannot encode the report") }
            try AtomicFile.write(bytes, to: path, reserve: Self.reservedBytes)
        } catch {
            throw LastRunReportError(path: path, reason: error.reason)
        }
    }

    /// `date` as ISO 8601 UTC to the millisecond, as the log lines write it.
    static func iso8601(_ date: Date) -> String { JSONLogHandler.timestamp(date) }
}

/// The last-run report could not be written; the run's own outcome stands.
package struct LastRunReportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report's path.
    package let path: String
    /// What went wrong.
    package let reason: String

    package var description: String { "\(path): cannot write the last-run report: \(reason)" }
}
