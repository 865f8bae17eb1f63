package import PipelineModel
import Synchronization

/// What a run has learnt so far, kept where the executable can read it however the run ends:
/// each finished stage's times and, once the stages are done, the row counts. A run that fails
/// (reject limit, signal, full disk) still reports what it got through.
///
/// Safe to use from every stage's task at once.
package final class RunRecorder: Sendable {
    /// One stage's times, as its `stage finished` log line gives them.
    package struct StageTimes: Sendable, Equatable {
        /// Seconds the stage worked.
        package var busySeconds: Double
        /// Seconds it waited for its neighbours (an empty input channel, a full next stage).
        package var waitingSeconds: Double
        /// Batches it handled.
        package var batches: Int

        /// Times; see the properties.
        package init(busySeconds: Double, waitingSeconds: Double, batches: Int) {
            self.busySeconds = busySeconds
            self.waitingSeconds = waitingSeconds
            self.batches = batches
        }
    }

    private struct State {
        var stages: [String: StageTimes] = [:]
        var counts: RunCounts?
    }

    private let state = Mutex(State())

    /// Nothing recorded yet.
    package init() {}

    /// Records that the stage `name` finished with `times`.
    package func record(stage name: String, _ times: StageTimes) {
        state.withLock { $0.stages[name] = times }
    }

    /// Records the run's row counts, complete once every stage has ended.
    package func record(counts: RunCounts) {
        state.withLock { $0.counts = counts }
    }

    /// The finished stages' times by stage name.
    package var stages: [String: StageTimes] { state.withLock { $0.stages } }

    /// The run's counts, nil until its stages have all ended.
    package var counts: RunCounts? { state.withLock { $0.counts } }
}
