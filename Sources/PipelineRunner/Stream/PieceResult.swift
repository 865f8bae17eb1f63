import Ingestion
import PipelineModel

/// What a parse worker made of one ``RecordPiece``: its cases and rejects, ready for
/// aggregation, with the numbers that put it back in file order.
struct PieceResult: Sendable {
    /// The piece's record group (results are aggregated in group order).
    let group: Int
    /// Whether this is the group's last piece.
    let endsGroup: Bool
    /// The cleaned and classified batches, in file order.
    let batches: [CaseBatch]
    /// Records parsed from the piece, faulty ones included.
    let records: Int
    /// The input's index in the run.
    let fileIndex: Int
    /// The file's header.
    let header: FileHeader
    /// On the file's last piece, what the file was as stored.
    let end: DecompressedData.StoredFile?
}
