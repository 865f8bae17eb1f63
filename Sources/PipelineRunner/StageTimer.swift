import Logging
import Operations

/// How long a stage worked and how long it waited for its neighbours (an empty input channel or
/// a full next stage), logged and recorded when the stage ends: the stage that never waits
/// bounds the run.
struct StageTimer {
    private let started = ContinuousClock.now
    private var waiting: Duration = .zero
    private var batches = 0

    /// Runs `wait` (a channel send or receive) and counts its time as waiting.
    mutating func waiting<T>(_ wait: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { waiting += ContinuousClock.now - start }
        return try await wait()
    }

    /// Counts one batch handled.
    mutating func countBatch() { batches += 1 }

    /// Logs the stage's end on `logger` (whose `stage` metadata names the stage) and records
    /// its times in `recorder`, for the last-run report.
    func logFinished(_ logger: Logger, recorder: RunRecorder?) {
        let elapsed = ContinuousClock.now - started
        let times = RunRecorder.StageTimes(busySeconds: Self.seconds(elapsed - waiting),
                                           waitingSeconds: Self.seconds(waiting), batches: batches)
        if let name = logger[metadataKey: "stage"] { recorder?.record(stage: "\(name)", times) }
        logger.info("stage finished", metadata: [
            "batches": .stringConvertible(batches),
            "busy_s": .stringConvertible(times.busySeconds),
            "waiting_s": .stringConvertible(times.waitingSeconds),
        ])
    }

    /// Seconds to the millisecond (a Double that prints as `1.234`).
    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds * 1000 + attoseconds / 1_000_000_000_000_000) / 1000
    }
}
