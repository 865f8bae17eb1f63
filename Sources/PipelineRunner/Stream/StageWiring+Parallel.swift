import AsyncAlgorithms
import Cleaning
import Ingestion
import Output
import PipelineConfig
import PipelineModel

// Several parse workers (`--parse-workers N`, by default one per core).
extension StageWiring {
    /// The pieces' bytes that the parse workers hold in all, at most, by default.
    private static let bytesInFlight = 8 << 20
    /// Pieces no smaller than this however many workers, so a piece stays thousands of rows.
    private static let smallestPieceSize = 64 << 10

    /// Decompression cuts record-aligned pieces and deals them out, each worker parses, cleans
    /// and classifies whole pieces, and aggregation takes the results back in file order.
    ///
    /// Pieces in flight: those cut from the chunk in hand in the decompression task, and per
    /// worker at most four: one waiting in its input's forwarder, one being parsed, and two
    /// results (a piece's cases and rejects) waiting for their turn. Pieces are about 1 MiB
    /// up to 8 workers and 8 MiB / N beyond (at least 64 KiB; a piece continuing a record
    /// without a boundary is at most 8 MiB): whatever the size of the input or the workers.
    func parallel(rejectsInto staging: StagingFolder) async throws -> Aggregated {
        let config = configuration
        let (progress, recorder) = (progress, recorder)
        let workers = config[\.parseWorkers]
        // Pieces in flight grow with the workers (about four each): past 8 workers, smaller
        // pieces keep their bytes (and the chunks they slice) near 8 MiB in all, so peak memory
        // does not depend on N (64 workers with 1 MiB pieces peaked at 265 MB on 5M rows).
        let pieceSize = min(config.pieceSize, max(Self.smallestPieceSize, Self.bytesInFlight / workers))
        // A worker's batch is reserved whole (about 140 bytes a row before any field): sized to
        // what a piece holds (rows of 256 bytes or more), it does not outweigh the piece.
        let batchSize = min(config[\.batchSize], max(64, pieceSize / 256))
        // Each worker's pieces and results pass through a forwarding task: one element of
        // slack on each side, so that the strict rotation does not make every task wait for
        // the slowest one (a lockstep that cost more than the second core gained when the
        // machine was busy).
        let dealt = (0 ..< workers).map { _ in AsyncThrowingChannel<RecordPiece, any Error>() }
        let pieces = (0 ..< workers).map { _ in AsyncThrowingChannel<RecordPiece, any Error>() }
        let made = (0 ..< workers).map { _ in AsyncThrowingChannel<PieceResult, any Error>() }
        let results = (0 ..< workers).map { _ in AsyncThrowingChannel<PieceResult, any Error>() }
        let cleaner = Cleaner(register: prepared.register, inputPaths: config[\.inputs])
        let classifier = prepared.classifier
        let decompression = stage("decompression")
        let parsing = (0 ..< workers).map { stage("parsing", worker: $0) }
        let (aggregation, fileRead) = (stage("aggregation"), stage("parsing"))

        return try await withThrowingTaskGroup(of: StageResult.self) { group in
            group.addTask {
                try await Stages.cutPieces(config[\.inputs], with: Decompressor(chunkSize: config.chunkSize),
                                           pieceSize: pieceSize, maxPieceBytes: config.maxPieceBytes,
                                           progress: progress, logger: decompression, recorder: recorder,
                                           into: dealt)
                return .finished
            }
            for worker in 0 ..< workers {
                group.addTask {
                    try await Stages.forward(from: dealt[worker], into: pieces[worker])
                    return .finished
                }
                group.addTask {
                    try await Stages.parseWorker(config[\.inputs], batchSize: batchSize, cleaner: cleaner,
                                                 classifier: classifier, progress: progress,
                                                 logger: parsing[worker], recorder: recorder,
                                                 from: pieces[worker], into: made[worker])
                    return .finished
                }
                group.addTask {
                    try await Stages.forward(from: made[worker], into: results[worker])
                    return .finished
                }
            }
            group.addTask {
                .aggregated(try await Stages.aggregate(rejectsInto: staging,
                                                       expectedCases: Aggregating.expectedCases(in: config[\.inputs]),
                                                       logger: aggregation, fileLogger: fileRead, recorder: recorder,
                                                       inFileOrder: results))
            }
            return try await Self.collect(&group)
        }
    }
}
