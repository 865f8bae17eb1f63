import Foundation

/// How a run of the real executable under a deadline ended.
struct HostileRunResult {
    let status: Int32
    /// Whether the process died of a signal (a crash: a trap is SIGILL or SIGTRAP) rather than exiting.
    let signalled: Bool
    /// Whether the deadline passed and the process was killed.
    let timedOut: Bool
    let stdout: String
    let stderr: String
    let seconds: Double
    /// The highest resident set size seen (`VmHWM` in /proc, sampled while it ran), in MiB;
    /// a lower bound on the true peak.
    let peakMiB: Int

    /// The run's error, as a person reading cron's mail or the journal sees it: the text line
    /// `annual-review: ...`, or (JSON logs, as here, where stderr is a file) the message of the
    /// error line that carries the exit code, written the same way.
    var errorLines: [String] {
        stderr.split(separator: "\n").compactMap { line -> String? in
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
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessRunner.executable)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        let started = Date()
        let ((peakKiB, timedOut), stdout, stderr) = try ProcessRunner.runCapturingOutput(process) { () -> (Int, Bool) in
            let pid = process.processIdentifier
            var peakKiB = 0
            var timedOut = false
            while process.isRunning {
                peakKiB = max(peakKiB, highWaterMarkKiB(pid))
                if Date().timeIntervalSince(started) > seconds {
                    timedOut = true
                    kill(pid, SIGKILL)
                    break
                }
                usleep(10_000)
            }
            process.waitUntilExit()
            return (peakKiB, timedOut)
        }
        return HostileRunResult(
            status: process.terminationStatus,
            signalled: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut, stdout: stdout, stderr: stderr,
            seconds: Date().timeIntervalSince(started), peakMiB: peakKiB / 1024)
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
