package import PipelineModel

/// Streams rejected rows to `rejects.csv` (`file,line,reference,reason,detail`) as their batches
/// arrive, and counts them by reason.
///
/// Rows are encoded straight into the sink's buffer: no `String` per row or per file.
/// - Important: Call ``finish()`` once the last batch is written; it syncs and closes the file.
package final class RejectsFileWriter {
    /// The header row of `rejects.csv` (``TableSchema/rejects``).
    package static let columns = TableSchema.rejects.columnNames
    /// The file name inside the output folder.
    package static let fileName = TableSchema.rejects.fileName

    /// Rows written so far, by reason; every reason is present, 0 when none.
    package private(set) var countsByReason: [RejectReason: Int]
    /// Rows written so far.
    package private(set) var total = 0

    private let sink: FileSink
    // The last file name and its encoding: a batch's rejects nearly all come from one file.
    private var lastFile: String?
    private var lastFileField: [UInt8] = []

    /// A writer into `sink`; writes the header at once.
    /// - Throws: ``OutputError/writeFailed(path:reason:)``.
    package init(sink: FileSink) throws {
        self.sink = sink
        countsByReason = Dictionary(uniqueKeysWithValues: RejectReason.allCases.map { ($0, 0) })
        try sink.write(CSVFormat.record(Self.columns))
    }

    /// Appends the rows of one batch.
    /// - Throws: ``OutputError/writeFailed(path:reason:)``.
    package func write(_ rejects: some Sequence<Reject>) throws {
        for reject in rejects {
            if reject.file != lastFile {
                lastFile = reject.file
                lastFileField = []
                CSVFormat.appendField(reject.file, to: &lastFileField)
            }
            let fileField = lastFileField
            try sink.append { buffer in
                buffer.append(contentsOf: fileField)
                buffer.append(UInt8(ascii: ","))
                CSVFormat.appendDecimal(reject.line, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                CSVFormat.appendField(reject.reference, to: &buffer)
                buffer.append(UInt8(ascii: ","))
                buffer.append(contentsOf: reject.reason.rawValue.utf8)
                buffer.append(UInt8(ascii: ","))
                CSVFormat.appendField(reject.detail, to: &buffer)
                buffer.append(0x0A)
            }
            countsByReason[reject.reason, default: 0] += 1
            total += 1
        }
    }

    /// Flushes and closes the file (the publisher makes it durable with the rest).
    /// - Returns: the file's size and sha256, for ``OutputPublisher/record(_:)``.
    /// - Throws: ``OutputError/writeFailed(path:reason:)``.
    @discardableResult
    package func finish() throws -> RunManifest.FileDigest {
        try sink.close()
        return sink.digest(recordedAs: Self.fileName)
    }
}
