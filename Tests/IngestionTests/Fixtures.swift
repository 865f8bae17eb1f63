import Foundation
import Ingestion
import PipelineModel
import TestSupport

/// Temporary files and whole-file reads for the Ingestion tests.
enum Fixtures {
    /// The header of a file with every column, in the spec's order.
    static let fullHeader = ExportColumn.allCases.map(\.name).joined(separator: ",")

    /// The minimal header: the required columns only.
    static let requiredHeader = "reference,authority_name,category,received_date,last_updated"

    /// Writes `bytes` to a new file called `name`, in a folder of its own, and returns its path.
    static func write(_ bytes: [UInt8], name: String) throws -> String {
        try TemporaryFolder("ingestion-tests").write(bytes, to: name)
    }

    /// Writes `text` as UTF-8 to a new file called `name` and returns its path.
    static func write(_ text: String, name: String) throws -> String {
        try write(Array(text.utf8), name: name)
    }

    /// Every record of the file at `path`, its batches and its summary, through ``ExportReader``.
    static func read(_ path: String, batchSize: Int = 4096, maxBatchBytes: Int = 8 << 20,
                     chunkSize: Int = 1 << 20) async throws -> (rows: [ParsedRow], batches: [RawRecordBatch], summary: InputFileSummary) {
        var batches: [RawRecordBatch] = []
        let reader = ExportReader(batchSize: batchSize, maxBatchBytes: maxBatchBytes, chunkSize: chunkSize)
        let summary = try await reader.read(path: path, fileIndex: 7) { batches.append($0) }
        return (ParsedRow.rows(of: batches), batches, summary)
    }

    /// Every record of CSV `bytes` fed to a ``CSVRecordReader`` in chunks of `chunk` bytes.
    static func parse(_ bytes: [UInt8], chunk: Int = 1 << 20, batchSize: Int = 4096) throws -> (rows: [ParsedRow], reader: CSVRecordReader) {
        let reader = CSVRecordReader(file: "test.csv", fileIndex: 0, batchSize: batchSize)
        var batches: [RawRecordBatch] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + chunk)
            try bytes[start ..< end].withUnsafeBytes { try reader.feed($0) }
            batches += reader.takeBatches()
            start = end
        }
        try reader.finish()
        batches += reader.takeBatches()
        return (ParsedRow.rows(of: batches), reader)
    }

    /// Every record of CSV `text`, fed whole.
    static func parse(_ text: String, chunk: Int = 1 << 20) throws -> [ParsedRow] {
        try parse(Array(text.utf8), chunk: chunk).rows
    }
}
