import Glibc

/// Bytes as a dictionary key, hashed in one call.
///
/// `ArraySlice<UInt8>`'s own hashing feeds the hasher one byte at a time, which a profile
/// showed among the costliest steps of Cleaning (every row looks up its authority and texts);
/// `Hasher.combine(bytes:)` takes the whole run of bytes at once.
struct BytesKey: Hashable {
    /// The bytes.
    let bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) { self.bytes = bytes }

    /// A key holding its own copy of the bytes, so that a cache does not keep a batch alive.
    var owned: BytesKey { BytesKey(ArraySlice(Array(bytes))) }

    // memcmp: the slices' own == goes a byte at a time, and every hit in a cache compares a key.
    static func == (lhs: BytesKey, rhs: BytesKey) -> Bool {
        guard lhs.bytes.count == rhs.bytes.count else { return false }
        return lhs.bytes.withUnsafeBytes { a in
            rhs.bytes.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
