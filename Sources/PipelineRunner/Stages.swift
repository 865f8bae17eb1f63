import AsyncAlgorithms
import Classification
import Cleaning
import Ingestion
import Logging
import Operations
import PipelineModel

/// The stage loops: each reads batches from its input channel, does its stage's work per
/// batch, and sends the result on. A stage that fails `fail`s its output channel, so the next
/// stage never mistakes a partial input for a complete one; the task group cancels the rest.
/// Each logs, when it ends, how long it worked and how long it waited for its neighbours.
enum Stages {
    /// Reads every input in order, as stored, into `output` as decompressed chunks.
    static func decompress(_ inputs: [String], with decompressor: Decompressor, progress: ProgressCounter?,
                           logger: Logger, recorder: RunRecorder?, into output: AsyncThrowingChannel<DecompressedData, any Error>) async throws {
        var timer = StageTimer()
        do {
            for (index, path) in inputs.enumerated() {
                try await decompressor.decompress(path: path, fileIndex: index,
                                                  bytesRead: { progress?.add(bytes: $0) }) { data in
                    timer.countBatch()
                    await timer.waiting { await output.send(data) }
                    // A cancelled send returns silently: notice it here.
                    try Task.checkCancellation()
                }
            }
            output.finish()
            timer.logFinished(logger, recorder: recorder)
        } catch {
            output.fail(error)
            throw error
        }
    }

    /// Parses the decompressed chunks of `input` into record batches; returns what each file
    /// turned out to be.
    static func parse(_ inputs: [String], batchSize: Int, progress: ProgressCounter?, logger: Logger, recorder: RunRecorder?,
                      from input: AsyncThrowingChannel<DecompressedData, any Error>,
                      into output: AsyncThrowingChannel<RawRecordBatch, any Error>) async throws -> [InputFileSummary] {
        // Made here: it owns libcsv parsers and stays in this task.
        var parser = ChunkParser(inputPaths: inputs, batchSize: batchSize)
        var timer = StageTimer()
        do {
            var summaries: [InputFileSummary] = []
            var chunks = input.makeAsyncIterator()
            while let data = try await timer.waiting({ try await chunks.next() }) {
                let (batches, finished) = try parser.consume(data)
                for batch in batches {
                    progress?.add(rows: batch.count)
                    timer.countBatch()
                    await timer.waiting { await output.send(batch) }
                    try Task.checkCancellation()
                }
                if let finished {
                    summaries.append(finished)
                    logger.info("file read", metadata: [
                        "file": "\(finished.path)", "bytes": .stringConvertible(finished.bytes),
                        "records": .stringConvertible(finished.records),
                        "sha256": "\(finished.sha256)",
                    ])
                }
            }
            output.finish()
            timer.logFinished(logger, recorder: recorder)
            return summaries
        } catch {
            output.fail(error)
            throw error
        }
    }

    /// Runs a per-batch stage core (`Cleaner`, `Classifier`) over every batch of `input` into
    /// `output`; the core's state (its caches) lives in this task.
    static func relay<Core: Sendable, Input: Sendable, Output: Sendable>(
        _ core: Core, logger: Logger, recorder: RunRecorder?, from input: AsyncThrowingChannel<Input, any Error>,
        into output: AsyncThrowingChannel<Output, any Error>,
        step: @Sendable (inout Core, Input) -> Output
    ) async throws {
        var core = core
        var timer = StageTimer()
        do {
            var batches = input.makeAsyncIterator()
            while let batch = try await timer.waiting({ try await batches.next() }) {
                let result = step(&core, batch)
                timer.countBatch()
                await timer.waiting { await output.send(result) }
                try Task.checkCancellation()
            }
            output.finish()
            timer.logFinished(logger, recorder: recorder)
        } catch {
            output.fail(error)
            throw error
        }
    }
}
