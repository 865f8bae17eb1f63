import Dispatch
import Foundation
import Synchronization

/// Redraws the progress line on standard error a few times a second while a run reads its
/// inputs, and only when standard error is a terminal: a cron job's log or a pipe never sees it.
///
/// Runs on a Dispatch timer with its own serial queue, not a Swift task, so it takes no thread
/// of the cooperative pool from the stages, and keeps drawing while they are busy.
package final class ProgressReporter: Sendable {
    /// The counter the reading stage updates.
    package let counter: ProgressCounter
    /// Bytes of all inputs as stored; nil when unknown (standard input).
    package let totalBytes: Int?
    /// Time between redraws.
    package let interval: Duration

    private let output: ConsoleOutput
    private let queue = DispatchQueue(label: "annual-review.progress", qos: .utility)
    private let timer = Mutex<(any DispatchSourceTimer)?>(nil)

    /// A reporter sampling `counter` against `totalBytes`, drawing on `output` every `interval`.
    package init(counter: ProgressCounter, totalBytes: Int?, output: ConsoleOutput = .standardError,
                interval: Duration = .milliseconds(250)) {
        self.counter = counter
        self.totalBytes = totalBytes
        self.output = output
        self.interval = interval
    }

    /// Whether ``start()`` draws anything: the output is a terminal.
    package var isActive: Bool { output.isTerminal }

    /// Draws the line at once, then redraws it every ``interval``; does nothing when the output
    /// is not a terminal or the reporter is already running.
    package func start() {
        guard output.isTerminal else { return }
        let started = ContinuousClock.now
        let (counter, totalBytes, output) = (self.counter, self.totalBytes, self.output)
        let (seconds, attoseconds) = interval.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        timer.withLock { timer in
            guard timer == nil else { return }
            let sampler = ProgressSampler(totalBytes: totalBytes)
            // The first frame now, so that even a run shorter than one interval shows one.
            output.drawStatus(sampler.text(bytes: counter.bytes, rows: counter.rows, elapsed: 0))
            let period = DispatchTimeInterval.nanoseconds(max(nanoseconds, 1_000_000))
            let source = DispatchSource.makeTimerSource(queue: queue)
            source.schedule(deadline: .now() + period, repeating: period, leeway: .milliseconds(20))
            source.setEventHandler {
                let elapsed = started.duration(to: .now)
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                output.drawStatus(sampler.text(bytes: counter.bytes, rows: counter.rows, elapsed: seconds))
            }
            source.resume()
            timer = source
        }
    }

    /// Stops redrawing and erases the line; safe to call more than once, or without ``start()``.
    package func stop() {
        let wasRunning = timer.withLock { timer -> Bool in
            guard let source = timer else { return false }
            source.cancel()
            timer = nil
            return true
        }
        guard wasRunning else { return }
        // A redraw already running finishes before this block runs; none starts after cancel().
        queue.sync { output.clearStatus() }
    }

    /// The total size of `inputs` as stored, or nil when one is standard input or not a
    /// regular file (a pipe has no size).
    package static func totalBytes(of inputs: [String]) -> Int? {
        var total = 0
        for path in inputs {
            guard path != "-",
                  let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let size = attributes[.size] as? NSNumber else { return nil }
            total += size.intValue
        }
        return total
    }
}

/// The progress line's text from successive samples of the counter. Once every byte is read
/// (the later stages still at work), the rate and ETA stay as they were at the last change
/// instead of decaying towards zero while nothing more is read.
final class ProgressSampler: Sendable {
    private let totalBytes: Int?
    private let last = Mutex<(bytes: Int, rows: Int, elapsed: Double)>((0, 0, 0))

    init(totalBytes: Int?) {
        self.totalBytes = totalBytes
    }

    func text(bytes: Int, rows: Int, elapsed: Double) -> String {
        let totalBytes = self.totalBytes
        let sample = last.withLock { last in
            let finished = totalBytes.map { bytes >= $0 } ?? false
            if !(finished && bytes == last.bytes && rows == last.rows) {
                last = (bytes, rows, elapsed)
            }
            return last
        }
        return ProgressLine.render(bytesRead: sample.bytes, totalBytes: totalBytes, rows: sample.rows, elapsed: sample.elapsed)
    }
}
