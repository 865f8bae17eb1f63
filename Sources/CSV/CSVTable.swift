/// A small CSV file read whole into strings: a reference table such as the authority register.
///
/// Fields are exactly as written (no trimming); a BOM before the header is dropped; blank lines
/// are skipped. Rows may have a different number of fields than the header: judging them is
/// the caller's business.
package struct CSVTable: Sendable, Equatable {
    /// The first row's cells.
    package let header: [String]
    /// Every later row's cells, in file order.
    package let rows: [[String]]

    /// A table with the given cells.
    package init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }

    /// The most bytes ``read(path:maximumBytes:)`` reads by default (after decompression): a
    /// register of every authority, with alternative names, is well under 1 MB.
    package static let defaultMaximumBytes = 8 << 20

    /// Reads a plain or gzipped UTF-8 CSV file; throws naming the file and line on bad quoting.
    ///
    /// Stops reading once more than `maximumBytes` have arrived (decompressed), whatever the
    /// file is (`/dev/zero`, a pipe, a gzip bomb), so that memory stays bounded.
    /// - Throws: ``CSVFileError/tooLarge(file:limit:)`` then; other ``CSVFileError``s.
    package static func read(path: String, maximumBytes: Int = defaultMaximumBytes) throws -> CSVTable {
        let source = try ByteSource(path: path, chunkSize: min(1 << 20, max(16, maximumBytes)))
        var bytes: [UInt8] = []
        while try source.read({ chunk in
            guard chunk.count <= maximumBytes - bytes.count else {
                throw CSVFileError.tooLarge(file: path, limit: maximumBytes)
            }
            bytes.append(contentsOf: chunk)
        }) {}
        return try parse(bytes, file: path)
    }

    /// Parses CSV `bytes`, naming them `file` in errors.
    package static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        let parser = CSVParser()
        var collector = TableCollector(file: file)
        try bytes.withUnsafeBytes { try parser.feed($0, into: &collector) }
        try parser.finish(into: &collector)
        var rows = collector.rows
        guard !rows.isEmpty else { throw CSVFileError.emptyFile(file: file) }
        let header = rows.removeFirst()
        return CSVTable(header: header, rows: rows)
    }
}

/// Collects a ``CSVTable``'s rows as strings; any problem is an error naming the file and line.
private struct TableCollector: CSVSink {
    let file: String
    /// Completed rows.
    var rows: [[String]] = []
    /// The fields of the row being parsed.
    var fields: [String] = []
    /// The line of the first record with a field that is not UTF-8, and that field's number.
    var invalidField: (line: Int, field: Int)?

    init(file: String) {
        self.file = file
    }

    mutating func field(_ bytes: UnsafeRawBufferPointer, recordLine: Int) {
        // Configuration must not be silently altered: a byte that is not UTF-8 is an error.
        if let text = String(validating: bytes, as: UTF8.self) {
            fields.append(text)
        } else {
            if invalidField == nil { invalidField = (recordLine, fields.count + 1) }
            fields.append("")
        }
    }

    mutating func endRecord() {
        rows.append(fields)
        fields.removeAll(keepingCapacity: true)
    }

    func parsed(_ step: CSVStep) throws {
        if let problem = step.problem {
            // An unclosed quote is reported where its record started, anything else where it is.
            throw CSVFileError.malformedCSV(file: file, line: step.isEnd ? step.recordLine : step.line,
                                            reason: "\(problem)")
        }
        if let invalidField {
            throw CSVFileError.malformedCSV(file: file, line: invalidField.line,
                                            reason: "field \(invalidField.field) is not valid UTF-8")
        }
    }
}
