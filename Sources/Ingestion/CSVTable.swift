import CLibcsv

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
    /// - Throws: ``IngestionError/tooLarge(file:limit:)`` then; other ``IngestionError``s.
    package static func read(path: String, maximumBytes: Int = defaultMaximumBytes) throws -> CSVTable {
        let source = try ByteSource(path: path, chunkSize: min(1 << 20, max(16, maximumBytes)))
        var bytes: [UInt8] = []
        while try source.read({ chunk in
            guard chunk.count <= maximumBytes - bytes.count else {
                throw IngestionError.tooLarge(file: path, limit: maximumBytes)
            }
            bytes.append(contentsOf: chunk)
        }) {}
        return try parse(bytes, file: path)
    }

    /// Parses CSV `bytes`, naming them `file` in errors.
    package static func parse(_ bytes: [UInt8], file: String) throws -> CSVTable {
        let parser = LibcsvParser()
        let state = UnsafeMutablePointer<TableParseState>.allocate(capacity: 1)
        state.initialize(to: TableParseState())
        defer {
            state.deinitialize(count: 1)
            state.deallocate()
        }
        let context = UnsafeMutableRawPointer(state)
        var line = 1
        var splitter = LineSplitter()
        let feed = { (piece: UnsafeRawBufferPointer, endsLine: Bool) throws in
            defer { if endsLine { line += 1 } }
            if !state.pointee.inRecord && LineSplitter.hasContent(piece) {
                state.pointee.inRecord = true
                state.pointee.recordLine = line
            }
            let used = parser.parse(piece, field: tableParseField, row: tableParseRow, context: context)
            if used < piece.count {
                let reason = parser.status == CSV_EPARSE
                    ? (piece[used] == UInt8(CSV_QUOTE) ? "a quote inside an unquoted field"
                                                       : "text after a closing quote")
                    : parser.statusMessage
                throw IngestionError.malformedCSV(file: file, line: line, reason: reason)
            }
            try state.pointee.checkEncoding(file: file)
        }
        let hasBOM = bytes.starts(with: [0xef, 0xbb, 0xbf])
        try bytes.withUnsafeBytes { all in
            try splitter.split(UnsafeRawBufferPointer(rebasing: all[(hasBOM ? 3 : 0)...]), feed)
        }
        try splitter.finish(feed)
        guard parser.finish(field: tableParseField, row: tableParseRow, context: context) else {
            throw IngestionError.malformedCSV(file: file, line: state.pointee.recordLine,
                                              reason: "quoted field not closed before the end of the file")
        }
        try state.pointee.checkEncoding(file: file)
        var rows = state.pointee.rows
        guard !rows.isEmpty else { throw IngestionError.emptyFile(file: file) }
        let header = rows.removeFirst()
        return CSVTable(header: header, rows: rows)
    }
}

/// What libcsv's callbacks update while a ``CSVTable`` is parsed.
struct TableParseState {
    /// Completed rows.
    var rows: [[String]] = []
    /// The fields of the row being parsed.
    var fields: [String] = []
    /// Whether a record has started and not yet ended.
    var inRecord = false
    /// The physical line on which the current record started.
    var recordLine = 0
    /// The line of the first record with a field that is not UTF-8, and that field's number.
    var invalidField: (line: Int, field: Int)?

    /// Throws if a field seen so far was not valid UTF-8.
    func checkEncoding(file: String) throws {
        if let invalidField {
            throw IngestionError.malformedCSV(file: file, line: invalidField.line,
                                              reason: "field \(invalidField.field) is not valid UTF-8")
        }
    }
}

/// libcsv's end-of-field callback for ``TableParseState``.
func tableParseField(_ field: UnsafeMutableRawPointer?, _ length: Int, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: TableParseState.self)
    let bytes = UnsafeRawBufferPointer(start: field, count: field == nil ? 0 : length)
    // Configuration must not be silently altered: a byte that is not UTF-8 is an error.
    if let text = String(validating: bytes, as: UTF8.self) {
        state.pointee.fields.append(text)
    } else {
        if state.pointee.invalidField == nil {
            state.pointee.invalidField = (state.pointee.recordLine, state.pointee.fields.count + 1)
        }
        state.pointee.fields.append("")
    }
}

/// libcsv's end-of-row callback for ``TableParseState``.
func tableParseRow(_ terminator: Int32, _ context: UnsafeMutableRawPointer?) {
    guard let context else { return }
    let state = context.assumingMemoryBound(to: TableParseState.self)
    state.pointee.rows.append(state.pointee.fields)
    state.pointee.fields.removeAll(keepingCapacity: true)
    state.pointee.inRecord = false
}
