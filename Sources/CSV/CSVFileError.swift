/// A problem that makes a whole CSV file unusable: a decisions export or a reference table.
/// Bad rows of an export are faults, not errors.
///
/// Every case names the file (the path as given to the run, `-` for standard input) so the
/// executable can print `description` as it is and map the case to an exit code. Ingestion
/// calls it `CSVFileError`; one type for both, because an export and a table are read by
/// the same ``ByteSource`` and ``CSVParser`` and fail in the same ways.
package enum CSVFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file could not be opened.
    case cannotOpen(file: String, reason: String)
    /// The file's name ends in `.gz` but its bytes do not start with the gzip magic number.
    case notGzip(file: String)
    /// The gzip stream ended before its end-of-member trailer, after that many stored bytes.
    case truncatedGzip(file: String, afterBytes: Int)
    /// zlib rejected the gzip data (for example a CRC mismatch).
    case corruptGzip(file: String, reason: String)
    /// Bytes that are not a gzip member follow a complete member, from that stored offset.
    case trailingGarbage(file: String, offset: Int)
    /// The file holds no header row (zero bytes, or nothing but blank lines).
    case emptyFile(file: String)
    /// The header lacks a required column (`name` as the spec writes it).
    case missingColumn(file: String, name: String)
    /// The header names the same column twice (`name` as the spec writes it).
    case duplicateColumn(file: String, name: String)
    /// Quoting that makes the file unreadable as a table: a broken header or reference table.
    case malformedCSV(file: String, line: Int, reason: String)
    /// Reading failed after the file was opened (an I/O error, or the parser ran out of memory).
    case readFailed(file: String, reason: String)
    /// A file read whole (a reference table) holds more than `limit` bytes once decompressed:
    /// reading stopped there, so that `/dev/zero` or a gzip bomb cannot exhaust memory.
    case tooLarge(file: String, limit: Int)

    /// A one-line message naming the file, and the line or offset where known.
    package var description: String {
        switch self {
        case let .cannotOpen(file, reason):
            "\(file): cannot open: \(reason)"
        case let .notGzip(file):
            "\(file): not a gzip file (the name ends in .gz but the data does not start with 1f 8b)"
        case let .truncatedGzip(file, afterBytes):
            "\(file): truncated gzip stream: input ended after \(afterBytes) bytes, before the end of the member"
        case let .corruptGzip(file, reason):
            "\(file): corrupt gzip data: \(reason)"
        case let .trailingGarbage(file, offset):
            "\(file): unexpected bytes after gzip member at byte offset \(offset)"
        case let .emptyFile(file):
            "\(file): empty file (no header row)"
        case let .missingColumn(file, name):
            "\(file): required column \(name) is missing from the header"
        case let .duplicateColumn(file, name):
            "\(file): column \(name) appears more than once in the header"
        case let .malformedCSV(file, line, reason):
            "\(file):\(line): \(reason)"
        case let .readFailed(file, reason):
            "\(file): read failed: \(reason)"
        case let .tooLarge(file, limit):
            "\(file): larger than \(limit) bytes, the most read from such a file; reading stopped there"
        }
    }
}
