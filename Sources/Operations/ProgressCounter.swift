import Synchronization

/// Bytes and rows read so far, shared by the stage that reads (which adds to it) and the
/// progress line (which samples it). Lock-free: two relaxed atomics.
package final class ProgressCounter: Sendable {
    private let byteCount = Atomic<Int>(0)
    private let rowCount = Atomic<Int>(0)

    /// Nothing read yet.
    package init() {}

    /// Records `bytes` more bytes read from the inputs as stored (compressed, for gzip) and
    /// `rows` more data rows.
    package func add(bytes: Int = 0, rows: Int = 0) {
        if bytes != 0 { byteCount.wrappingAdd(bytes, ordering: .relaxed) }
        if rows != 0 { rowCount.wrappingAdd(rows, ordering: .relaxed) }
    }

    /// Bytes read so far.
    package var bytes: Int { byteCount.load(ordering: .relaxed) }
    /// Rows read so far.
    package var rows: Int { rowCount.load(ordering: .relaxed) }
}
