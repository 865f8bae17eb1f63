import CSV
import Ingestion
import PipelineModel

/// Reads one decisions export (gzip or plain CSV, or standard input) into raw record batches.
///
/// The tests' one-call reader of a file: ``Decompressor`` and ``ChunkParser`` in one task, as the
/// runner's one-worker wiring runs them as two (see DecompressedData). It does the blocking zlib
/// and libcsv work one chunk at a time and awaits `emit` for each batch in between.
struct ExportReader: Sendable {
    /// Records per batch (a batch is also handed on early once its fields pass `maxBatchBytes`).
    let batchSize: Int
    /// Field bytes per batch before it is handed on early.
    let maxBatchBytes: Int
    /// Bytes read from the file, and inflated, per step.
    let chunkSize: Int

    /// A reader making batches of `batchSize` records (fewer when their fields pass `maxBatchBytes`).
    init(batchSize: Int = RunDefaults.batchSize, maxBatchBytes: Int = RunDefaults.maxBatchBytes, chunkSize: Int = RunDefaults.chunkSize) {
        self.batchSize = batchSize
        self.maxBatchBytes = maxBatchBytes
        self.chunkSize = chunkSize
    }

    /// Reads the file at `path` (`-` for standard input), calling `emit` with each batch in
    /// file order, and returns what the file turned out to be.
    ///
    /// - Important: A gzip file is only known to be intact at its very end (the CRC is checked
    ///   there), so batches emitted before this throws must be discarded, never published.
    ///   Checks for cancellation between chunks.
    func read(path: String, fileIndex: Int,
                     emit: (RawRecordBatch) async throws -> Void) async throws -> InputFileSummary {
        // Both halves in one task; the runner runs them as two (see DecompressedData).
        var parser = ChunkParser(inputPaths: Array(repeating: path, count: fileIndex + 1),
                                 batchSize: batchSize, maxBatchBytes: maxBatchBytes)
        var summary: InputFileSummary?
        try await Decompressor(chunkSize: chunkSize).decompress(path: path, fileIndex: fileIndex) { data in
            let (batches, finished) = try parser.consume(data)
            for batch in batches { try await emit(batch) }
            summary = finished ?? summary
        }
        guard let summary else { throw CSVFileError.readFailed(file: path, reason: "no end of file reached") }
        return summary
    }
}
