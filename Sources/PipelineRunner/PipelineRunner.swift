import Dispatch
import Foundation
package import Logging
package import Operations
import Output
import PipelineModel

/// Runs the pipeline in three phases:
///
/// 1. `prepare` (``PreparedRun``): every configuration file read and checked; nothing is read
///    from the exports, nor touched in the output folder, before they are valid. When the
///    exports, configuration and program are those of the current publication and its files
///    are as its manifest lists them, the run ends there: the publication is up to date
///    (``UpToDateCheck``);
/// 2. `stream` (``StageWiring``): the stages as child tasks of one task group joined by bounded
///    channels, from the exports' bytes to the aggregated counts, rejects streamed into the
///    publication's staging folder;
/// 3. `publish` (``PublicationPhase``): the figures, the plan of every file (rendered, written
///    or carried over), staged and then published in one atomic exchange.
///
/// The runner itself only wires the phases and handles signals. The first error cancels every
/// stage and leaves the previous outputs untouched.
package struct PipelineRunner: Sendable {
    /// The run's configuration.
    package let configuration: RunConfiguration

    /// A runner for `configuration`.
    package init(configuration: RunConfiguration) {
        self.configuration = configuration
    }

    /// Runs the pipeline and publishes its outputs.
    ///
    /// - Throws: ``RunError``, `ConfigurationError`, `CSVFileError`, `OutputError`,
    ///   `CancellationError`; the previous outputs are then untouched.
    ///
    /// `progress`, when given, counts the bytes (as stored) and rows read, for the progress line.
    /// `recorder`, when given, receives each stage's times and the row counts as soon as they
    /// are known, so that a run that fails afterwards can still report them.
    package func run(logger: Logger = Logger(label: "annual-review"), progress: ProgressCounter? = nil,
                    recorder: RunRecorder? = nil) async throws -> RunReport {
        let started = Date()
        let config = configuration
        let prepared = try PreparedRun.prepare(config, logger: logger)
        let digests = try ConfigurationDigests(config)
        let publisher = try openPublisher()
        let stages = StageWiring(configuration: config, prepared: prepared, logger: logger, progress: progress,
                                 recorder: recorder)
        let publishing = PublicationPhase(configuration: config, prepared: prepared, logger: stages.stage("publication"))
        publishing.logWarnings(of: publisher)
        do {
            if let report = try await UpToDateCheck(configuration: config, logger: stages.stage("publication"))
                .report(current: publisher.current, digests: digests, recorder: recorder) {
                // Nothing was staged: the lock is released and the publication left as it is.
                publisher.abandon()
                return report
            }
            let aggregated = try await stages.run(rejectsInto: try publisher.staging())
            return try await publishing.publish(aggregated, through: publisher, digests: digests, started: started,
                                                recorder: recorder)
        } catch {
            publisher.abandon()
            throw error
        }
    }

    /// Takes the output folder's lock and reads the current publication (``OutputPublisher``);
    /// the staging folder is made only when the run computes.
    private func openPublisher() throws -> OutputPublisher {
        let config = configuration
        return try OutputPublisher(destination: config.outputDirectory, inputs: config.inputs + [
            config.register, config.lookup, config.population, config.decisionRules, config.serviceAreaRules,
            config.remedyRules, config.templates, config.contacts,
        ].compactMap { $0 }, currentRequired: config.years != nil, stage: false)
    }

    /// Runs the pipeline until it ends or one of `signals` arrives; a signal cancels every
    /// stage, removes the staging folder and throws ``Interrupted``.
    ///
    /// A run whose stages do not stop within the grace period is ended with exit 75 without
    /// returning; `beforeForcedExit` is then called first with the reason, so that the caller
    /// can still record how the run ended.
    package func run(stoppingOn signals: [Int32], logger: Logger = Logger(label: "annual-review"),
                    progress: ProgressCounter? = nil, recorder: RunRecorder? = nil,
                    beforeForcedExit: (@Sendable (_ reason: String) -> Void)? = nil) async throws -> RunReport {
        let destination = configuration.outputDirectory
        // The grace timer starts from the signal source itself: the task that waits for the
        // signal needs a thread of the cooperative pool, which may all be rendering.
        let watcher = SignalWatcher(signals) { signal in
            Self.exitIfStuck(after: Self.stopGrace, interrupted: Interrupted(signal: signal), destination: destination,
                             logger: logger, beforeExit: beforeForcedExit)
        }
        let received = watcher.signals
        defer { withExtendedLifetime(watcher) {} }
        return try await withThrowingTaskGroup(of: RunReport?.self) { group in
            group.addTask { try await self.run(logger: logger, progress: progress, recorder: recorder) }
            group.addTask {
                // Ends quietly (nil) when the run finishes first and this task is cancelled.
                for await signal in received {
                    logger.warning("signal received, stopping", metadata: ["signal": .stringConvertible(signal)])
                    throw Interrupted(signal: signal)
                }
                return nil
            }
            // The first child to finish decides; leaving the group cancels the other.
            while let result = try await group.next() {
                if let report = result {
                    group.cancelAll()
                    return report
                }
            }
            throw CancellationError()
        }
    }

    /// How long a stopped run may take to end by itself before it is ended: short enough that
    /// cron and systemd see exit 75 within 2 s of the signal, whatever the run was doing.
    static let stopGrace: Duration = .milliseconds(1500)

    /// The last resort after a signal. Cancellation normally ends the run through the task
    /// group (every stage checks it between batches, rendering between pages), but a task
    /// blocked in a system call cannot see it: a read from a stalled pipe or network file
    /// system never returns, and one `syncfs` of a large staging folder may outlast the grace.
    /// Structured concurrency can only wait for such a task, and the group cannot end before
    /// its children do; so after `grace` this removes the staging folder and exits with 75
    /// ("temporary failure") rather than ignore the signal. `_exit`, because nothing else ends
    /// a process whose threads are blocked (CronSafetyTests' stalled pipe shows it).
    private static func exitIfStuck(after grace: Duration, interrupted: Interrupted, destination: String, logger: Logger,
                                    beforeExit: (@Sendable (String) -> Void)?) {
        let staging = OutputPublisher.stagingDirectory(forDestination: destination)
        let seconds = Double(grace.components.seconds) + Double(grace.components.attoseconds) / 1e18
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
            let message = "\(interrupted) (the stages did not stop within \(seconds) s: the staging folder is "
                + "removed and the process ends)"
            logger.error("\(message)", metadata: ["staging": "\(staging)", "exit_code": .stringConvertible(75)])
            try? FileManager.default.removeItem(atPath: staging)
            beforeExit?(message)
            _exit(75)
        }
    }
}
