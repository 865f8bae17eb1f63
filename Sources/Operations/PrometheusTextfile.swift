package import Foundation
package import PipelineModel

/// What one run reports to monitoring: its duration, rows by state and exit code.
package struct RunMetrics: Sendable, Equatable {
    /// Wall-clock seconds from start to end.
    package var durationSeconds: Double
    /// Data rows read from all inputs.
    package var rowsRead: Int
    /// Rows accepted (usable), before duplicates are resolved.
    package var rowsAccepted: Int
    /// Rows rejected.
    package var rowsRejected: Int
    /// Accepted rows superseded by a later version of the same case.
    package var rowsSuperseded: Int
    /// The process's exit code: 0 is success.
    package var exitCode: Int32
    /// When the run ended.
    package var finished: Date
    /// Rows rejected, by reason code (`bad_date`); a reason without rows may be absent.
    package var rejectedByReason: [String: Int] = [:]
    /// The program that ran, for `annual_review_build_info`; nil writes no such series.
    package var build: BuildInfo?

    /// Metrics; row counts a failed run never learnt stay 0.
    package init(durationSeconds: Double, rowsRead: Int = 0, rowsAccepted: Int = 0, rowsRejected: Int = 0,
                rowsSuperseded: Int = 0, exitCode: Int32, finished: Date = Date()) {
        self.durationSeconds = durationSeconds
        self.rowsRead = rowsRead
        self.rowsAccepted = rowsAccepted
        self.rowsRejected = rowsRejected
        self.rowsSuperseded = rowsSuperseded
        self.exitCode = exitCode
        self.finished = finished
    }

    /// Metrics of a run that counted `counts`.
    package init(durationSeconds: Double, counts: RunCounts, exitCode: Int32, finished: Date = Date()) {
        self.init(durationSeconds: durationSeconds, rowsRead: counts.rowsRead, rowsAccepted: counts.rowsAccepted,
                  rowsRejected: counts.rowsRejected, rowsSuperseded: counts.duplicatesSuperseded,
                  exitCode: exitCode, finished: finished)
        rejectedByReason = Dictionary(uniqueKeysWithValues: counts.rejectedByReason.map { ($0.key.rawValue, $0.value) })
    }

    /// Whether the run succeeded (exit code 0).
    package var succeeded: Bool { exitCode == 0 }
}

/// The file could not be written; the run's own outcome stands.
package struct MetricsFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The metrics file.
    package let path: String
    /// What went wrong.
    package let reason: String

    package var description: String { "\(path): cannot write the metrics file: \(reason)" }
}

/// The run's metrics as a Prometheus textfile-collector file (node_exporter's
/// `--collector.textfile.directory`), written at the end of every run.
///
/// `annual_review_last_success_timestamp_seconds` is set from this run only when it succeeds.
/// A failed run keeps the value of the file it replaces, when that file has one: the series
/// never disappears after a failure, so an alert on
/// `time() - annual_review_last_success_timestamp_seconds > 2 * 86400` keeps firing through a
/// string of failures instead of going silent (an absent series would need an `absent()` rule too).
package enum PrometheusTextfile {
    /// The name of the metric that carries the last success across failed runs.
    package static let lastSuccessMetric = "annual_review_last_success_timestamp_seconds"

    /// The file's text for `metrics`; `lastSuccess` is written when given (Unix seconds). Every
    /// series carries `labels` (for example `pipeline="nightly"`, so that several pipelines'
    /// files can sit in one textfile folder).
    package static func render(_ metrics: RunMetrics, lastSuccess: Double?, labels: [String: String] = [:]) -> String {
        let common = labels.sorted { $0.key < $1.key }
        func series(_ name: String, _ value: String, labels extra: [(String, String)] = []) -> String {
            let all = common.map { ($0.key, $0.value) } + extra
            let labelText = all.isEmpty ? "" : "{" + all.map { "\($0.0)=\"\(escape($0.1))\"" }.joined(separator: ",") + "}"
            return "\(name)\(labelText) \(value)\n"
        }
        func header(_ name: String, _ help: String) -> String {
            "# HELP \(name) \(help)\n# TYPE \(name) gauge\n"
        }
        var text = header("annual_review_run_duration_seconds", "Wall-clock duration of the last annual-review run.")
        text += series("annual_review_run_duration_seconds", format((metrics.durationSeconds * 1000).rounded() / 1000))
        // accepted + rejected = read, so that sum(annual_review_rows) is the rows read; superseded
        // rows are a part of the accepted ones and get a metric of their own, never summed in.
        text += header("annual_review_rows",
                       "Rows of the last run read from the exports, by state: accepted (usable) or rejected.")
        for (state, value) in [("accepted", metrics.rowsAccepted), ("rejected", metrics.rowsRejected)] {
            text += series("annual_review_rows", "\(value)", labels: [("state", state)])
        }
        text += header("annual_review_superseded_rows",
                       "Accepted rows of the last run superseded by a later version of the same case.")
        text += series("annual_review_superseded_rows", "\(metrics.rowsSuperseded)")
        // Every reason, 0 included: a series that appears only on a bad night cannot be rated.
        text += header("annual_review_rejected_rows", "Rejected rows of the last run by reason code (see rejects.csv).")
        let reasons = Set(RejectReason.allCases.map(\.rawValue)).union(metrics.rejectedByReason.keys).sorted()
        for reason in reasons {
            text += series("annual_review_rejected_rows", "\(metrics.rejectedByReason[reason] ?? 0)", labels: [("reason", reason)])
        }
        text += header("annual_review_exit_code", "Exit code of the last run: 0 success, otherwise a sysexits code (see the README).")
        text += series("annual_review_exit_code", "\(metrics.exitCode)")
        text += header("annual_review_last_run_timestamp_seconds", "Unix time at which the last run ended, successful or not.")
        text += series("annual_review_last_run_timestamp_seconds", format(seconds(metrics.finished)))
        if let build = metrics.build {
            text += header("annual_review_build_info", "The program of the last run: its version and the git commit it was built from.")
            text += series("annual_review_build_info", "1", labels: [("version", build.version), ("commit", build.commit)])
        }
        if let lastSuccess {
            text += header(lastSuccessMetric, "Unix time at which the last successful run ended.")
            text += series(lastSuccessMetric, format(lastSuccess))
        }
        return text
    }

    /// Writes the file for `metrics` at `path` atomically: a temporary file in the same folder
    /// (not ending in `.prom`, so the collector never reads it half-written), fsync, rename over
    /// `path`, fsync of the folder. On failure the previous file stays as it was.
    ///
    /// A failed run's file keeps the previous file's last-success time (see the type's summary).
    package static func write(_ metrics: RunMetrics, to path: String, labels: [String: String] = [:]) throws(MetricsFileError) {
        do throws(AtomicFile.Failure) {
            try AtomicFile.checkReplaceable(path)
            let lastSuccess = metrics.succeeded ? seconds(metrics.finished) : lastSuccess(inFileAt: path)
            try AtomicFile.write(Array(render(metrics, lastSuccess: lastSuccess, labels: labels).utf8), to: path)
        } catch {
            throw MetricsFileError(path: path, reason: error.reason)
        }
    }

    /// The last-success time recorded in the file at `path`, if it exists and has one.
    package static func lastSuccess(inFileAt path: String) -> Double? {
        // A plain file of a textfile's size only: `--metrics-file /dev/zero` must not read forever.
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_size <= maximumFileBytes,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(lastSuccessMetric) {
            let rest = line.dropFirst(lastSuccessMetric.count)
            guard rest.first == " " || rest.first == "{",
                  let valueText = line.split(separator: " ").last, let value = Double(valueText) else { continue }
            return value
        }
        return nil
    }

    /// The largest previous file read for its last-success time (ours are under 2 KB).
    static let maximumFileBytes = 1 << 20

    /// Unix seconds, to the millisecond.
    static func seconds(_ date: Date) -> Double {
        (date.timeIntervalSince1970 * 1000).rounded() / 1000
    }

    /// A sample value: integers without a fraction, others as Swift's shortest exact form.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Inf" : "+Inf") }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A label value with `\`, `"` and newlines escaped.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
