import Logging
import Operations

/// How long a stage worked and how long it waited for its neighbours (an empty input channel or
/// a full next stage), logged and recorded when the stage ends: the stage that never waits
/// bounds the run.
struct StageTimer {
    private let started = ContinuousClock.now
    private var waiting: Duration = .zero
    private var batches = 0
    /// Busy time of named parts of the stage's work (a parse worker's parsing, cleaning, ...).
    private var parts: [(name: String, time: Duration)] = []

    /// Runs `wait` (a channel send or receive) and counts its time as waiting.
    mutating func waiting<T>(_ wait: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { waiting += ContinuousClock.now - start }
        return try await wait()
    }

    /// Runs `work` and adds its time to the part called `name`, logged as `name_s`.
    mutating func part<T>(_ name: String, _ work: () throws -> T) rethrows -> T {
        let start = ContinuousClock.now
        defer {
            let spent = ContinuousClock.now - start
            if let i = parts.firstIndex(where: { $0.name == name }) {
                parts[i].time += spent
            } else {
                parts.append((name, spent))
            }
        }
        return try work()
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
        var metadata: Logger.Metadata = [
            "batches": .stringConvertible(batches),
            "busy_s": .stringConvertible(times.busySeconds),
            "waiting_s": .stringConvertible(times.waitingSeconds),
        ]
        for part in parts { metadata["\(part.name)_s"] = .stringConvertible(Self.seconds(part.time)) }
        logger.info("stage finished", metadata: metadata)
    }

    /// Seconds to the millisecond (a Double that prints as `1.234`).
    private static func seconds(_ duration: Duration) -> Double {
        let (seconds, attoseconds) = duration.components
        return Double(seconds * 1000 + attoseconds / 1_000_000_000_000_000) / 1000
    }
}
