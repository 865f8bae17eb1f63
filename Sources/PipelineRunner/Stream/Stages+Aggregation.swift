import AsyncAlgorithms
import Classification
import Ingestion
import Logging
import Operations
import Output
import PipelineModel

// Aggregation, the last stage: like cleaning and classification a child task looping over its
// input, which also streams the rejected rows into `rejects.csv` (a file it opens and owns).
extension Stages {
    /// Aggregates every classified batch of `input`, in order, into a case table sized for
    /// about `expectedCases`; rejected rows go to `rejects.csv`, opened through `staging`.
    static func aggregate(rejectsInto staging: StagingFolder, expectedCases: Int, logger: Logger, recorder: RunRecorder?,
                          from input: AsyncThrowingChannel<CaseBatch, any Error>) async throws -> Aggregated {
        var aggregating = Aggregating(rejects: try staging.rejectsFile(), expectedCases: expectedCases)
        var timer = StageTimer()
        var batches = input.makeAsyncIterator()
        while let batch = try await timer.waiting({ try await batches.next() }) {
            timer.countBatch()
            try aggregating.add(batch)
        }
        // A cancelled receive ends quietly: never pass that off as the end of the input.
        try Task.checkCancellation()
        timer.logFinished(logger, recorder: recorder)
        return try await aggregating.finish()
    }

    /// Aggregates the parse workers' results taken back in file order (``ResultsInGroupOrder``),
    /// and sums up each input as its last piece arrives, into a case table sized for about
    /// `expectedCases`; rejected rows go to `rejects.csv`.
    static func aggregate(rejectsInto staging: StagingFolder, expectedCases: Int, logger: Logger, fileLogger: Logger,
                          recorder: RunRecorder?,
                          inFileOrder results: [AsyncThrowingChannel<PieceResult, any Error>]) async throws -> Aggregated {
        var aggregating = Aggregating(rejects: try staging.rejectsFile(), expectedCases: expectedCases)
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
                let summary = end.summary(unknownColumns: result.header.unknownColumns,
                                          hadByteOrderMark: result.header.hadByteOrderMark, records: fileRecords)
                inputs.append(summary)
                fileRecords = 0
                logFileRead(summary, logger: fileLogger)
            }
        }
        try Task.checkCancellation()
        timer.logFinished(logger, recorder: recorder)
        var aggregated = try await aggregating.finish()
        aggregated.inputs = inputs
        return aggregated
    }
}
