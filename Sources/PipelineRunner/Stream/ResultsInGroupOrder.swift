import AsyncAlgorithms
import Ingestion

/// Takes the parse workers' results back in file order: the reorder buffer of parallel parsing.
///
/// Record group `g` goes to worker `g % N` (see ``Stages/cutPieces``), so taking results from
/// worker 0, 1, ..., N-1, 0, ... one whole group at a time yields them in group order with no
/// table to sort them in. Each worker's output channel is unbuffered, so the buffer holds at
/// most one result per worker: pieces in flight are bounded by the number of workers whatever
/// their speeds (a worker ahead of its turn waits on its send).
struct ResultsInGroupOrder {
    private var outputs: [AsyncThrowingChannel<PieceResult, any Error>.AsyncIterator]
    private var group = 0
    private var inGroup = false

    /// Reads the output channels of workers 0 ..< `outputs.count`.
    init(_ outputs: [AsyncThrowingChannel<PieceResult, any Error>]) {
        self.outputs = outputs.map { $0.makeAsyncIterator() }
    }

    /// The next result in file order; nil after the last.
    ///
    /// Throws the first error in file order: a worker that failed on group `g` fails its
    /// channel after sending every earlier group, and the decompression stage's error reaches
    /// each worker after every piece cut before it.
    mutating func next() async throws -> PieceResult? {
        let worker = group % outputs.count
        guard let result = try await outputs[worker].next() else {
            // A worker's output ends after its input ends, which happens only between groups
            // (or on cancellation, which the caller checks before anything is published).
            try Task.checkCancellation()
            guard !inGroup else { throw OrderError(message: "worker \(worker) ended inside group \(group)") }
            return nil
        }
        guard result.group == group else {
            throw OrderError(message: "worker \(worker) sent group \(result.group) where group \(group) was due")
        }
        inGroup = !result.endsGroup
        if result.endsGroup { group += 1 }
        return result
    }

    /// Results that arrive out of the order they were dealt in: a bug, never a data problem.
    struct OrderError: Error, CustomStringConvertible {
        let message: String
        var description: String { "internal error: parse results out of order: \(message)" }
    }
}
