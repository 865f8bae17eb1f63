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
    /// The `file read` line of an input read to its end: bytes as stored, records, sha256.
    static func logFileRead(_ summary: InputFileSummary, logger: Logger) {
        logger.info("file read", metadata: [
            "file": "\(summary.path)", "bytes": .stringConvertible(summary.bytes),
            "records": .stringConvertible(summary.records), "sha256": "\(summary.sha256)",
        ])
    }

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
                    logFileRead(finished, logger: logger)
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

// Parallel parsing: decompression cuts record-aligned pieces, N workers each parse, clean and
// classify whole pieces, and aggregation takes their results back in file order
// (ResultsInGroupOrder).
extension Stages {
    /// Reads every input in order and deals its record groups to the workers' channels in
    /// turn: group `g` (all its pieces) to `workers[g % workers.count]`.
    ///
    /// On an error every worker channel is failed, after the pieces already sent: each worker
    /// passes the error on behind its earlier results, so it arrives in file order.
    static func cutPieces(_ inputs: [String], with decompressor: Decompressor, pieceSize: Int, maxPieceBytes: Int,
                          progress: ProgressCounter?, logger: Logger, recorder: RunRecorder?,
                          into workers: [AsyncThrowingChannel<RecordPiece, any Error>]) async throws {
        var timer = StageTimer()
        // Made here: it owns the header reader's libcsv parser and stays in this task.
        var cutter = PieceCutter(inputPaths: inputs, pieceSize: pieceSize, maxPieceBytes: maxPieceBytes)
        do {
            for (index, path) in inputs.enumerated() {
                try await decompressor.decompress(path: path, fileIndex: index,
                                                  bytesRead: { progress?.add(bytes: $0) }) { data in
                    let pieces = try timer.part("cutting") { try cutter.consume(data) }
                    for piece in pieces {
                        timer.countBatch()
                        await timer.waiting { await workers[piece.group % workers.count].send(piece) }
                        // A cancelled send returns silently: notice it here.
                        try Task.checkCancellation()
                    }
                    // Hand the thread over between chunks (see parseWorker).
                    await timer.waiting { await Task.yield() }
                }
            }
            for worker in workers { worker.finish() }
            timer.logFinished(logger, recorder: recorder)
        } catch {
            for worker in workers { worker.fail(error) }
            throw error
        }
    }

    /// Passes every element of `input` on to `output`, as is: one more element in hand
    /// between two tasks, so that a worker ahead of its turn or a decompression stage ahead of
    /// a busy worker keeps going instead of waiting for the slowest of them.
    static func forward<Element: Sendable>(from input: AsyncThrowingChannel<Element, any Error>,
                                           into output: AsyncThrowingChannel<Element, any Error>) async throws {
        do {
            var elements = input.makeAsyncIterator()
            while let element = try await elements.next() {
                await output.send(element)
                try Task.checkCancellation()
            }
            // A cancelled receive ends quietly: never pass that off as the end of the input.
            try Task.checkCancellation()
            output.finish()
        } catch {
            output.fail(error)
            throw error
        }
    }

    /// One parse worker: parses each piece with its own libcsv parser, then cleans and
    /// classifies the piece's batches in the same task (no hop between them), and sends one
    /// result per piece.
    static func parseWorker(_ inputs: [String], batchSize: Int, cleaner: Cleaner, classifier: Classifier,
                            progress: ProgressCounter?, logger: Logger, recorder: RunRecorder?,
                            from input: AsyncThrowingChannel<RecordPiece, any Error>,
                            into output: AsyncThrowingChannel<PieceResult, any Error>) async throws {
        // Made here: it owns a libcsv parser and stays in this task. The cores' caches are
        // this worker's own: each distinct text is still judged the same way everywhere.
        var parser = PieceParser(inputPaths: inputs, batchSize: batchSize)
        var cleaner = cleaner
        var classifier = classifier
        var timer = StageTimer()
        do {
            var pieces = input.makeAsyncIterator()
            while let piece = try await timer.waiting({ try await pieces.next() }) {
                let (raw, records) = try timer.part("parsing") { try parser.parse(piece) { Task.isCancelled } }
                var batches: [CaseBatch] = []
                for batch in raw {
                    // A stopped run must not wait for a whole piece to be cleaned.
                    try Task.checkCancellation()
                    let clean = timer.part("cleaning") { cleaner.clean(batch) }
                    batches.append(timer.part("classification") { classifier.classify(clean) })
                }
                progress?.add(rows: records)
                timer.countBatch()
                let result = PieceResult(group: piece.group, endsGroup: piece.endsGroup, batches: batches,
                                         records: records, fileIndex: piece.fileIndex, header: piece.header,
                                         end: piece.end)
                await timer.waiting { await output.send(result) }
                try Task.checkCancellation()
                // A send to a waiting receiver does not suspend: without this, a worker could
                // keep a pool thread for piece after piece, and the task waiting for SIGTERM
                // (on the same few threads) would wait with it.
                await timer.waiting { await Task.yield() }
            }
            // A cancelled receive ends quietly: never pass that off as the end of the input.
            try Task.checkCancellation()
            output.finish()
            timer.logFinished(logger, recorder: recorder)
        } catch {
            output.fail(error)
            throw error
        }
    }
}
