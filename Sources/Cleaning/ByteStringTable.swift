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
/// holds the key's place and lengths and part of its hash in 16 bytes, so that a probe reads
/// one slot and then the key's bytes: exports hold thousands of spellings of authority names,
/// and the smaller the slots the more of them stay in cache beside the batches streaming
/// through (32-byte slots at most half full missed the cache on most look-ups of a
/// full-register export). A key too long for its slot's fields is not held: looking it up
/// finds nothing, so the caller works it out again, correct if slower.
struct ByteStringTable<Value> {
    /// The high half of a key's hash (the low half picks the slot), where its bytes start in
    /// ``keyBytes`` (the first string, then the second), their lengths, and its value's index
    /// in ``values``, plus one; `entry` 0 for an empty slot.
    private struct Slot {
        var tag: UInt32 = 0
        var offset: UInt32 = 0
        var firstCount: UInt16 = 0
        var secondCount: UInt16 = 0
        var entry: UInt32 = 0
    }

    private var values: [Value] = []
    private var keyBytes: [UInt8] = []
    /// Open addressing with linear probing, at most three quarters full.
    private var slots: [Slot]
    private let seed = UInt64.random(in: .min ... .max)

    /// An empty table sized for about `capacity` keys before it first grows.
    init(capacity: Int = 16) {
        var size = 16
        while size * 3 < capacity * 4 { size *= 2 }
        slots = Array(repeating: Slot(), count: size)
    }

    /// The number of keys held.
    var count: Int { values.count }

    /// The value of the key (`first`, `second`), if the table holds it.
    func value(_ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) -> Value? {
        let hash = hash(first, second)
        let tag = UInt32(truncatingIfNeeded: hash >> 32)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[i]
            if slot.entry == 0 { return nil }
            if slot.tag == tag && matches(slot, first, second) { return values[Int(slot.entry) - 1] }
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

    /// Adds the key (`first`, `second`) with `value`, unless it is too long to hold (see the
    /// type's comment); the key must not be in the table yet.
    mutating func insert(_ value: Value, for first: UnsafeRawBufferPointer,
                         _ second: UnsafeRawBufferPointer = UnsafeRawBufferPointer(start: nil, count: 0)) {
        guard first.count <= Int(UInt16.max), second.count <= Int(UInt16.max),
              keyBytes.count + first.count + second.count <= Int(UInt32.max), values.count < Int(UInt32.max) else { return }
        if (values.count + 1) * 4 > slots.count * 3 { grow() }
        let hash = hash(first, second)
        place(Slot(tag: UInt32(truncatingIfNeeded: hash >> 32), offset: UInt32(keyBytes.count),
                   firstCount: UInt16(first.count), secondCount: UInt16(second.count), entry: UInt32(values.count + 1)),
              at: Int(truncatingIfNeeded: hash))
        keyBytes.append(contentsOf: first)
        keyBytes.append(contentsOf: second)
        values.append(value)
    }

    private func matches(_ slot: Slot, _ first: UnsafeRawBufferPointer, _ second: UnsafeRawBufferPointer) -> Bool {
        guard Int(slot.firstCount) == first.count, Int(slot.secondCount) == second.count else { return false }
        let offset = Int(slot.offset)
        return keyBytes.withUnsafeBytes { stored in
            Self.equal(stored, at: offset, first) && Self.equal(stored, at: offset + first.count, second)
        }
    }

    private static func equal(_ stored: UnsafeRawBufferPointer, at offset: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.isEmpty || memcmp(stored.baseAddress! + offset, bytes.baseAddress!, bytes.count) == 0
    }

    /// Puts `slot` in the first empty slot from `home` on.
    private mutating func place(_ slot: Slot, at home: Int) {
        let mask = slots.count - 1
        var i = home & mask
        while slots[i].entry != 0 { i = (i + 1) & mask }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: Slot(), count: slots.count * 2)
        for slot in old where slot.entry != 0 {
            // The slot's low hash bits are not kept: hash its key again.
            let offset = Int(slot.offset), firstCount = Int(slot.firstCount)
            let rehashed = keyBytes.withUnsafeBytes { stored in
                self.hash(UnsafeRawBufferPointer(rebasing: stored[offset ..< offset + firstCount]),
                     UnsafeRawBufferPointer(rebasing: stored[offset + firstCount ..< offset + firstCount + Int(slot.secondCount)]))
            }
            place(slot, at: Int(truncatingIfNeeded: rehashed))
        }
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
