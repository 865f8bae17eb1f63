/// Runs of markup made once and appended many times, kept one after another in one array so
/// that appending one retains nothing: the year index's row openings (``AuthorityRowHeads``)
/// and its type cells (``TypeCells``), each appended once per row.
struct MarkupRuns {
    /// Every run, one after another.
    private let bytes: [UInt8]
    /// Where each run starts in ``bytes``, and where the last one ends.
    private let starts: [Int]

    /// `count` runs, run `i` being what `write(i, &html)` appends.
    init(_ count: Int, capacity: Int, _ write: (Int, inout HTMLBuffer) -> Void) {
        var html = HTMLBuffer(capacity: capacity)
        var starts: [Int] = []
        starts.reserveCapacity(count + 1)
        for i in 0 ..< count {
            starts.append(html.count)
            write(i, &html)
        }
        starts.append(html.count)
        bytes = html.bytes
        self.starts = starts
    }

    /// Appends run `i`.
    func append(_ i: Int, to html: inout HTMLBuffer) {
        bytes.withUnsafeBufferPointer { html.raw(UnsafeBufferPointer(rebasing: $0[starts[i] ..< starts[i + 1]])) }
    }
}
