/// A short vocabulary value (a flag, a compliance outcome) as compared: ASCII lowercased (and,
/// when asked, runs of spaces, underscores and hyphens as one space), at most 16 bytes, held
/// in two words.
///
/// Three such fields are read on every row; comparing them as `String`s allocated and
/// compared strings each time, which a profile of Cleaning showed.
struct ShortWords: Hashable, ExpressibleByStringLiteral {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    /// The value of `bytes` (already trimmed), or nil when longer than 16 bytes as compared.
    init?(_ bytes: some Collection<UInt8>, foldingSeparators: Bool = false) {
        var count = 0
        var pendingSeparator = false
        for byte in bytes {
            if foldingSeparators && (byte == 0x20 || byte == 0x5F || byte == 0x2D) {
                pendingSeparator = count > 0
                continue
            }
            if pendingSeparator {
                guard append(0x20, at: &count) else { return nil }
                pendingSeparator = false
            }
            guard append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte, at: &count) else { return nil }
        }
    }

    /// A vocabulary entry, written as it is compared (`"complied late"`).
    init(stringLiteral value: String) {
        self.init(value.utf8, foldingSeparators: true)!
    }

    private mutating func append(_ byte: UInt8, at count: inout Int) -> Bool {
        guard count < 16 else { return false }
        if count < 8 { low |= UInt64(byte) << (8 * count) } else { high |= UInt64(byte) << (8 * (count - 8)) }
        count += 1
        return true
    }
}
