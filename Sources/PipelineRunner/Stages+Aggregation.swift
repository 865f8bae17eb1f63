import AsyncAlgorithms
import Classification
import Ingestion
import Logging
import Operations
import Output
import PipelineModel

// Aggregation, the last stage: like cleaning and classification a loop over its input
// channel, but it runs in the task group's own body, because it writes `rejects.csv` through
// the publication that body owns (a non-Sendable file that must not cross to a child task).
extension Stages {
    /// Aggregates every classified batch of `input`, in order.
    static func aggregate(rejects: RejectsFileWriter, logger: Logger, recorder: RunRecorder?,
                          from input: AsyncThrowingChannel<CaseBatch, any Error>) async throws -> Aggregated {
        var aggregating = Aggregating(rejects: rejects)
        var timer = StageTimer()
        var batches = input.makeAsyncIterator()
        while let batch = try await timer.waiting({ try await batches.next() }) {
            timer.countBatch()
            try aggregating.add(batch)
        }
        timer.logFinished(logger, recorder: recorder)
        return aggregating.finish()
    }

    /// Aggregates the parse workers' results taken back in file order (``ResultsInGroupOrder``),
    /// and sums up each input as its last piece arrives.
    static func aggregate(rejects: RejectsFileWriter, logger: Logger, fileLogger: Logger, recorder: RunRecorder?,
                          inFileOrder results: [AsyncThrowingChannel<PieceResult, any Error>]) async throws -> Aggregated {
        var aggregating = Aggregating(rejects: rejects)
        var timer = StageTimer()
        var inputs: [InputFileSummary] = []
        var fileRecords = 0
        var ordered = ResultsInGroupOrder(results)
        while let result = try await timer.waiting({ try await ordered.next() }) {
            for batch in result.batches {
                timer.countBatch()
                try aggregating.add(batch)
            }
            fileRecords += result.records
            if let end = result.end {
                let summary = InputFileSummary(
                    path: end.path, bytes: end.bytes, sha256: end.sha256, compressed: end.compressed,
                    unknownColumns: result.header.unknownColumns, hadByteOrderMark: result.header.hadByteOrderMark,
                    records: fileRecords)
                inputs.append(summary)
                fileRecords = 0
                logFileRead(summary, logger: fileLogger)
            }
        }
        timer.logFinished(logger, recorder: recorder)
        var aggregated = aggregating.finish()
        aggregated.inputs = inputs
        return aggregated
    }
}
