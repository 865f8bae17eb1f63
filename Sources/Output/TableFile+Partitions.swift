package import PipelineModel

// The top-level tables from the year partitions' tables: what a run that carries years over
// publishes, byte for byte what rendering every year at once writes.
extension TableFile {
    /// The top-level file from its partitions' files (in year order): the header, then each
    /// partition's rows without its header.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the partition whose first
    ///   line is not this table's header (a partition from an older version with other columns).
    package func concatenating(partitions: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        var buffer = header
        buffer.reserveCapacity(partitions.reduce(header.count) { $0 + $1.bytes.count })
        for part in partitions {
            guard part.bytes.starts(with: header) else {
                throw OutputError.cannotCarryOver(
                    path: part.path, reason: "its header differs from \(fileName)'s in this version: recompute that year too")
            }
            buffer.append(contentsOf: part.bytes[header.count...])
        }
        return buffer
    }
}
