import Foundation
import TestSupport

/// How a run of the real executable under a deadline ended: the ``ProcessResult``'s fields
/// (`status`, `signalled`, `timedOut`, `stdout`, `stderr`, `seconds`) and its peak memory.
@dynamicMemberLookup
struct HostileRunResult {
    /// How the process ended and what it wrote.
    let process: ProcessResult
    /// The highest resident set size seen (`VmHWM` in /proc, sampled while it ran), in MiB;
    /// a lower bound on the true peak.
    let peakMiB: Int

    subscript<Value>(dynamicMember field: KeyPath<ProcessResult, Value>) -> Value { process[keyPath: field] }

    /// The run's error, as a person reading cron's mail or the journal sees it: the text line
    /// `annual-review: ...`, or (JSON logs, as here, where stderr is a file) the message of the
    /// error line that carries the exit code, written the same way.
    var errorLines: [String] {
        process.stderr.split(separator: "\n").compactMap { line -> String? in
            if line.hasPrefix("annual-review: ") { return String(line) }
            guard line.hasPrefix("{"),
                  let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any],
                  object["level"] as? String == "error", object["exit_code"] is NSNumber,
                  let message = object["message"] as? String else { return nil }
            return "annual-review: " + message
        }
    }
}

/// Runs the executable with a deadline, so that a hang fails the test instead of the test run.
enum HostileProcess {
    static func run(_ arguments: [String], deadline seconds: Double = 60) throws -> HostileRunResult {
        let process = try ProcessRunner(PackagePaths.executable, arguments)
        var peakKiB = 0
        let result = process.wait(timeout: seconds) { peakKiB = max(peakKiB, highWaterMarkKiB(process.pid)) }
        return HostileRunResult(process: result, peakMiB: peakKiB / 1024)
    }

    /// The `VmHWM` line of /proc/PID/status, in KiB; 0 once the process is gone.
    private static func highWaterMarkKiB(_ pid: Int32) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return 0 }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") ?? 0
        }
        return 0
    }
}
