/// A stretch of one file's CSV bytes after its header, cut so that several libcsv parsers can
/// parse a file at once.
///
/// Pieces come in record groups: the first piece of a group starts at a record boundary (a
/// line break outside quotes, where a fresh parser is in the same state as the one that read
/// everything before) and the last one ends at one. A group has more than one piece only when
/// no boundary came for ``PieceCutter/maxPieceBytes`` (a huge quoted field, or a quote never
/// closed): its pieces must be parsed in order by one parser. Groups are numbered in run order,
/// so results put back in group order are in file order.
package struct RecordPiece: Sendable {
    /// The input's index in the run.
    package let fileIndex: Int
    /// The piece's number in the run (0, 1, 2, ... across files).
    package let sequence: Int
    /// The record group's number in the run; pieces of one group are consecutive.
    package let group: Int
    /// The physical line on which the piece's first byte lies (the header is line 1).
    package let firstLine: Int
    /// The CSV bytes (after decompression; never the header or a byte-order mark), in order:
    /// slices of the decompressed chunks, shared rather than copied.
    package let segments: [ArraySlice<UInt8>]
    /// Whether this piece begins its group (at a record boundary).
    package let startsGroup: Bool
    /// Whether this piece ends its group (at a record boundary or the end of the file).
    package let endsGroup: Bool
    /// The file's header.
    package let header: FileHeader
    /// On the file's last piece, what the file was as stored; the piece then ends the file.
    package let end: DecompressedData.StoredFile?

    /// A piece; see the properties.
    package init(fileIndex: Int, sequence: Int, group: Int, firstLine: Int, segments: [ArraySlice<UInt8>], startsGroup: Bool,
                endsGroup: Bool, header: FileHeader, end: DecompressedData.StoredFile?) {
        self.fileIndex = fileIndex
        self.sequence = sequence
        self.group = group
        self.firstLine = firstLine
        self.segments = segments
        self.startsGroup = startsGroup
        self.endsGroup = endsGroup
        self.header = header
        self.end = end
    }

    /// The piece's bytes in one array (a copy: for checks, not the hot path).
    package var bytes: [UInt8] { Array(segments.joined()) }
}
