package import PipelineModel

/// What a file's header row said: the slot of each field, the cells that name no known column,
/// and whether a byte-order mark came before it.
///
/// Read once per file by the stage that cuts the file into pieces, then carried by every
/// ``RecordPiece`` so that any parse worker can project that file's records.
package struct FileHeader: Sendable, Equatable {
    /// The slot of each field by position, nil for a cell that names no known column.
    package let columns: [ExportColumn?]
    /// Header cells that name no known column, as written, in file order.
    package let unknownColumns: [String]
    /// Whether the data began with a UTF-8 byte-order mark.
    package let hadByteOrderMark: Bool

    /// A header; see the properties.
    package init(columns: [ExportColumn?], unknownColumns: [String], hadByteOrderMark: Bool) {
        self.columns = columns
        self.unknownColumns = unknownColumns
        self.hadByteOrderMark = hadByteOrderMark
    }
}
