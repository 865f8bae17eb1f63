/// The one escape of the report's pages and the letters: `&`, `<` and `>` as entities, and `"`
/// and `'` too where a value may stand in a quoted attribute (HTML); a Markdown letter keeps
/// its quotes and apostrophes as written.
enum MarkupEscape {
    /// Hands `bytes` to `append` in runs, each character to escape replaced by its entity: the
    /// runs between them go whole, not a byte at a time.
    @inline(__always)
    static func runs(of bytes: UnsafeBufferPointer<UInt8>, quotes: Bool, _ append: (UnsafeBufferPointer<UInt8>) -> Void) {
        var run = 0
        for i in bytes.indices {
            let entity: StaticString
            switch bytes[i] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\"") where quotes: entity = "&quot;"
            case UInt8(ascii: "'") where quotes: entity = "&#39;"
            default: continue
            }
            append(UnsafeBufferPointer(rebasing: bytes[run ..< i]))
            append(UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            run = i + 1
        }
        append(UnsafeBufferPointer(rebasing: bytes[run...]))
    }
}
