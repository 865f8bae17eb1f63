import Dispatch
import Foundation

/// The run was stopped by a signal (SIGTERM from cron or systemd, SIGINT from a terminal).
package struct Interrupted: Error, Sendable, Equatable, CustomStringConvertible {
    /// The signal's number.
    package let signal: Int32

    package var description: String {
        let name = signal == SIGTERM ? "SIGTERM" : signal == SIGINT ? "SIGINT" : "signal \(signal)"
        return "interrupted by \(name): nothing published, the previous outputs are untouched"
    }
}

/// Turns process signals into an async sequence, so that a task of the run's group can wait
/// for one and end the group. The watcher stays with the task that made it; only its
/// (Sendable) stream crosses to the waiting task.
///
/// The signals' default actions (which would kill the process before the staging folder is
/// removed) are replaced for the watcher's lifetime; Dispatch delivers them on its own queue.
final class SignalWatcher {
    /// The signals received, in order.
    let signals: AsyncStream<Int32>
    private let sources: [any DispatchSourceSignal]

    /// Watches `numbers`; `onSignal` runs on Dispatch's queue as each arrives, before the
    /// stream delivers it, so that it runs even while every thread of Swift's cooperative pool
    /// is busy (rendering on every core) and the task waiting on ``signals`` cannot.
    init(_ numbers: [Int32], onSignal: @escaping @Sendable (Int32) -> Void = { _ in }) {
        // A signal or two per run: AsyncStream's unbounded buffer cannot grow here.
        let (stream, continuation) = AsyncStream<Int32>.makeStream()
        signals = stream
        sources = numbers.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                onSignal(number)
                continuation.yield(number)
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
