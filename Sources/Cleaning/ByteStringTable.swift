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
/// Keys are copied into the table's own storage: a table never keeps a batch alive. A slot
/// holds the key's hash, place and lengths itself, so that a probe reads one slot and then the
/// key's bytes, with no index in between.
struct ByteStringTable<Value> {
    /// A key's hash, where its bytes start in ``keyBytes`` (the first string, then the second),
    /// their lengths, and its value's index in ``values``; `value` -1 for an empty slot.
    private struct Slot {
        var hash: UInt64 = 0
        var offset = 0
        var firstCount: Int32 = 0
        var secondCount: Int32 = 0
        var value = -1
    }

    private var values: [Value] = []
    private var keyBytes: [UInt8] = []
    /// Open addressing with linear probing, at most half full.
    private var slots: [Slot]
    private let seed = UInt64.random(in: .min ... .max)

    /// An empty table sized for about `capacity` keys before it first grows.
    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    /// The number of keys held.
    var count: Int { values.count }

    /// The value of the key (`first`, `second`), if the table holds it.
    func value(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) -> Value? {
        let hash = hash(first, second)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.value < 0 { return nil }
            if slot.hash == hash && matches(slot, first, second) { return values[slot.value] }
            i = (i + 1) & mask
        }
    }

    /// The hash of the key (`first`, `second`) in this table.
    private func hash(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> UInt64 {
        var h = Self.mix(seed, UInt64(first.count) << 32 | UInt64(second.count))
        h = Self.mix(bytes: first, into: h)
        h = Self.mix(bytes: second, into: h)
        // Final avalanche, so that the low bits (the slot) depend on every byte.
        h ^= h >> 29
        h &*= 0xBF58_476D_1CE4_E5B9
        return h ^ h >> 32
    }

    /// Adds the key (`first`, `second`) with `value`; the key must not be in the table yet.
    mutating func insert(_ value: Value, for first: UnsafeRawBufferPointer,
                         _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        if (values.count + 1) * 2 > slots.count { grow() }
        place(Slot(hash: hash(first, second), offset: keyBytes.count, firstCount: Int32(first.count),
                   secondCount: Int32(second.count), value: values.count))
        keyBytes.append(contentsOf: first)
        keyBytes.append(contentsOf: second)
        values.append(value)
    }

    private func matches(_ slot: Slot, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.firstCount) == first.count, Int(slot.secondCount) == second.count else { return false }
        return keyBytes.withUnsafeBytes { stored in
            Self.equal(stored, at: slot.offset, first) && Self.equal(stored, at: slot.offset + first.count, second)
        }
    }

    private static func equal(_ stored: UnsafeRawBufferPointer, at offset: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.isEmpty || memcmp(stored.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
    }

    private mutating func place(_ slot: Slot) {
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: slot.hash) & mask
        while slots[i].value >= 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: slots.count * 2)
        for slot in old where slot.value >= 0 { place(slot) }
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
