import AsyncAlgorithms
import Classification
import Cleaning
import Foundation
import Ingestion
import Logging
import Operations
import Output
import PipelineConfig
import PipelineModel

/// The second phase of a run, `stream`: the stages as child tasks of one task group, joined by
/// bounded channels, from the inputs' bytes to the aggregated counts.
///
/// Two wirings give the same outputs byte for byte:
/// - one parse worker (``pipelined(rejectsInto:)``): decompression -> parsing -> cleaning ->
///   classification -> aggregation, each a task of its own;
/// - several (``parallel(rejectsInto:)``, in StageWiring+Parallel.swift): decompression cuts
///   record-aligned pieces, N workers each parse, clean and classify whole pieces, and
///   aggregation, a task of its own too, takes their results back in file order.
///
/// The first error fails the channels downstream and cancels every stage.
struct StageWiring {
    let configuration: RunConfiguration
    let prepared: PreparedRun
    let logger: Logger
    /// Bytes and rows read so far, for the progress line.
    let progress: ProgressCounter?
    /// Each stage's times and the counts, as soon as they are known.
    let recorder: RunRecorder?

    /// Runs the stages to the end of the inputs; rejected rows go to `rejects.csv` in the
    /// staging folder of `staging`.
    func run(rejectsInto staging: StagingFolder) async throws -> Aggregated {
        configuration[\.parseWorkers] > 1 ? try await parallel(rejectsInto: staging)
            : try await pipelined(rejectsInto: staging)
    }

    /// What a stage's child task hands back to the group.
    enum StageResult: Sendable {
        case finished
        case inputs([InputFileSummary])
        case aggregated(Aggregated)
    }

    /// Waits for every stage of `group`; returns the aggregation's result with the inputs as read.
    static func collect(_ group: inout ThrowingTaskGroup<StageResult, any Error>) async throws -> Aggregated {
        var aggregated: Aggregated?
        var inputs: [InputFileSummary] = []
        for try await result in group {
            switch result {
            case .finished: break
            case .inputs(let read): inputs += read
            case .aggregated(let result): aggregated = result
            }
        }
        // The group ends without an error only once every stage, aggregation included, has.
        guard var aggregated else { throw CancellationError() }
        aggregated.inputs += inputs
        return aggregated
    }

    /// The run's logger with `stage` (and `worker`) on every line.
    func stage(_ name: String, worker: Int? = nil) -> Logger {
        var stageLogger = logger
        stageLogger[metadataKey: "stage"] = .string(name)
        if let worker { stageLogger[metadataKey: "worker"] = "\(worker)" }
        return stageLogger
    }

    /// One parse worker: every stage a task of its own.
    private func pipelined(rejectsInto staging: StagingFolder) async throws -> Aggregated {
        let config = configuration
        let (progress, recorder) = (progress, recorder)
        // AsyncThrowingChannel is bounded (a send waits for its receiver), so no stage can run
        // ahead of the next by more than the batch in hand: memory stays flat.
        let decompressed = AsyncThrowingChannel<DecompressedData, any Error>()
        let raw = AsyncThrowingChannel<RawRecordBatch, any Error>()
        let cleaned = AsyncThrowingChannel<CleanBatch, any Error>()
        let classified = AsyncThrowingChannel<CaseBatch, any Error>()
        let cleaner = Cleaner(register: prepared.register, inputPaths: config[\.inputs])
        let classifier = prepared.classifier
        let (decompression, parsing, cleaning, classification, aggregation) = (
            stage("decompression"), stage("parsing"), stage("cleaning"), stage("classification"), stage("aggregation"))

        return try await withThrowingTaskGroup(of: StageResult.self) { group in
            group.addTask {
                try await Stages.decompress(config[\.inputs], with: Decompressor(chunkSize: config.chunkSize), progress: progress,
                                            logger: decompression, recorder: recorder, into: decompressed)
                return .finished
            }
            group.addTask {
                .inputs(try await Stages.parse(config[\.inputs], batchSize: config[\.batchSize], progress: progress,
                                               logger: parsing, recorder: recorder, from: decompressed, into: raw))
            }
            group.addTask {
                try await Stages.relay(cleaner, logger: cleaning, recorder: recorder, from: raw, into: cleaned) { $0.clean($1) }
                return .finished
            }
            group.addTask {
                try await Stages.relay(classifier, logger: classification, recorder: recorder, from: cleaned,
                                       into: classified) { $0.classify($1) }
                return .finished
            }
            group.addTask {
                .aggregated(try await Stages.aggregate(rejectsInto: staging,
                                                       expectedCases: Aggregating.expectedCases(in: config[\.inputs]),
                                                       logger: aggregation, recorder: recorder, from: classified))
            }
            return try await Self.collect(&group)
        }
    }
}
