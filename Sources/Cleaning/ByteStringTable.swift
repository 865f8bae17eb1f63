import Glibc

/// A hash table from a pair of byte strings to a value: the look-ups Cleaning makes for every
/// row (its authority's name and code, its category and decision texts). A key of one string
/// pairs it with an empty second.
///
/// Hand-written rather than a `Dictionary` keyed by the bytes: hashing every key with SipHash
/// through `Hasher`, then the dictionary's probe and comparison, was about 6% of a run's CPU.
/// Here a key is hashed eight bytes at a time with a multiply-xor mix, one probe nearly always
/// finds it, and `memcmp` confirms it. The mix starts from a random seed per table, so an
/// export cannot be written to make its keys collide.
///
/// Keys are copied into the table's own storage: a table never keeps a batch alive.
struct ByteStringTable<Value> {
    /// Where a key is: kept apart from the values, so that a probe copies no value.
    private struct Key {
        let hash: UInt64
        /// Where the key's bytes start in ``keyBytes``: the first string, then the second.
        let offset: Int
        let firstCount: Int32
        let secondCount: Int32
    }

    private var keys: [Key] = []
    private var values: [Value] = []
    private var keyBytes: [UInt8] = []
    /// Open addressing with linear probing: an index into `keys` and `values`, or -1 for an empty slot.
    /// At most half full.
    private var slots: [Int32]
    private let seed = UInt64.random(in: .min ... .max)

    /// An empty table sized for about `capacity` keys before it first grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
    }

    /// The number of keys held.
    var count: Int { keys.count }

    /// The value of the key (`first`, `second`), if the table holds it.
    func value(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) -> Value? {
        let hash = hash(first, second)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let e = slots[i]
            if e < 0 { return nil }
            let key = keys[Int(e)]
            if key.hash == hash && matches(key, first, second) { return values[Int(e)] }
            i = (i + 1) & mask
        }
    }

    /// Adds the key (`first`, `second`) with `value`; the key must not be in the table yet.
    mutating func insert(_ value: Value, for first: UnsafeRawBufferPointer,
                         _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        if (keys.count + 1) * 2 > slots.count { grow() }
        let key = Key(hash: hash(first, second), offset: keyBytes.count, firstCount: Int32(first.count),
                      secondCount: Int32(second.count))
        keyBytes.append(contentsOf: first)
        keyBytes.append(contentsOf: second)
        place(Int32(keys.count), hash: key.hash)
        keys.append(key)
        values.append(value)
    }

    private func matches(_ key: Key, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard Int(key.firstCount) == first.count, Int(key.secondCount) == second.count else { return false }
        return keyBytes.withUnsafeBytes { stored in
            Self.equal(stored, at: key.offset, first) && Self.equal(stored, at: key.offset + first.count, second)
        }
    }

    private static func equal(_ stored: UnsafeRawBufferPointer, at offset: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.isEmpty || memcmp(stored.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
    }

    private mutating func place(_ entry: Int32, hash: UInt64) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while slots[i] >= 0 { i = (i + 1) & mask }
        slots[i] = entry
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for (e, key) in keys.enumerated() { place(Int32(e), hash: key.hash) }
    }

    private func hash(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> UInt64 {
        var h = Self.mix(seed, UInt64(first.count) << 32 | UInt64(second.count))
        h = Self.mix(bytes: first, into: h)
        h = Self.mix(bytes: second, into: h)
        // Final avalanche, so that the low bits (the slot) depend on every byte.
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ h >> 32
    }

    private static func mix(bytes: UnsafeRawBufferPointer, into start: UInt64) -> UInt64 {
        var h = start
        var i = 0
        while i + 8 <= bytes.count {
            h = mix(h, bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            h = mix(h, tail)
        }
        return h
    }

    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let m = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
        return m ^ m >> 32
    }
}

extension ByteStringTable: Sendable where Value: Sendable {}
