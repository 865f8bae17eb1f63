import PipelineModel

/// The winning row of every case: for each reference, its `last_updated`, its
/// ``CaseContribution`` and its ``CaseDetail``, in 24 bytes.
///
/// Hand-written rather than a `Dictionary`: a run holds tens of millions of cases, and memory
/// must grow by a small fixed size per case. A `Dictionary` of the same entries takes 20 bytes
/// per bucket and, when it grows, briefly holds the old and the new storage: at 5 million cases
/// that peak alone passes 200 MB. Here entries live in 256 open-addressing segments chosen by
/// the hash's top bits, each growing on its own, so a growth copies 1/256 of the table; a
/// segment grows by half when 85% full, so the table stays between 57% and 85% full (about 19
/// to 28 bytes per case) instead of the 37-75% of doubling. Sized from an estimate of the
/// cases (``init(expectedCases:)``), segments start three quarters full of their share. (Linear probing at 85% scans about
/// 20 slots, 5 cache lines, to insert a new case: a small cost beside the row's other work.)
///
/// A slot is 24 bytes (about 28 to 42 per case): the per-case tables need each winner's days
/// and whether it is a service improvement (``CaseDetail``), which do not fit the 16 bytes of
/// key and contribution; a third word costs less than a side table keyed by reference. On a
/// 2,000,000-row export (1.96 million cases) the run's peak RSS up to the end of aggregation
/// went from 107 MB with 16-byte slots to 136 MB (one parse worker, the same export, in
/// alternated runs).
struct CaseTable: Sendable {
    /// What an ``upsert(reference:lastUpdated:contribution:detail:)`` did.
    enum Change: Equatable {
        /// A new case.
        case inserted
        /// The case was known and the new row won: the old contribution is replaced.
        case replaced(CaseContribution)
        /// The case was known and the old row stays.
        case kept
    }

    private struct Segment {
        var storage: SlotStorage?
        var count = 0

        var capacity: Int { storage?.slots.count ?? 0 }
    }

    /// The largest reference a table holds (eight digits fit in 27 bits).
    static let maximumReference: UInt32 = (1 << 27) - 1
    private static let secondsFrom1900To1970: Int64 = 2_208_988_800
    private static let segmentBits = 8

    private var segments = Array(repeating: Segment(), count: 1 << segmentBits)
    /// The slots a segment starts with: each grows from there by half.
    private let initialCapacity: Int

    /// Cases held.
    private(set) var count = 0

    /// An empty table whose segments start large enough for about `expectedCases` in all at
    /// three quarters full, so that a table sized from the input rarely grows: each growth maps
    /// new pages and unmaps the old, and an unmap interrupts every core to flush its TLB.
    /// Without an estimate (0), segments start at 16 slots.
    init(expectedCases: Int = 0) {
        let perSegment = min(max(expectedCases, 0), Int(Self.maximumReference)) >> Self.segmentBits
        initialCapacity = max(16, perSegment + perSegment / 3)
    }

    /// Records a row of case `reference`: a new case, or the case's new winner when its
    /// `last_updated` is later or the same (the later row wins a tie: rows arrive in run order).
    mutating func upsert(reference: UInt32, lastUpdated: Int64, contribution: CaseContribution, detail: CaseDetail) -> Change {
        let key = Self.key(reference: reference, lastUpdated: lastUpdated)
        let hash = UInt64(reference) &* Self.multiplier
        let s = Int(truncatingIfNeeded: hash >> (64 - Self.segmentBits))
        if segments[s].count * 20 >= segments[s].capacity * 17 {
            grow(s)
        } else if !isKnownUniquelyReferenced(&segments[s].storage!) {
            segments[s].storage = SlotStorage(copying: segments[s].storage!)
        }
        let slots = segments[s].storage!.slots
        var i = Self.home(hash, capacity: slots.count)
        while true {
            let found = slots[i].key
            if found == 0 {
                slots[i] = CaseSlot(key: key, contribution: contribution.bits, detail: detail.bits)
                segments[s].count += 1
                count += 1
                return .inserted
            }
            if found >> 36 == key >> 36 {
                guard key & Self.timeMask >= found & Self.timeMask else { return .kept }
                let old = CaseContribution(bits: slots[i].contribution)
                slots[i] = CaseSlot(key: key, contribution: contribution.bits, detail: detail.bits)
                return .replaced(old)
            }
            i = i + 1 == slots.count ? 0 : i + 1
        }
    }

    /// Reads the first slot each of `references` is looked for in, and returns a value made
    /// from them (for the caller to keep, so that the reads are not optimised away).
    ///
    /// Why: the table is far larger than the caches and references arrive in random order, so
    /// each ``upsert(reference:lastUpdated:contribution:detail:)`` alone waits for a cache miss, one
    /// after another. These reads do not depend on each other, so the processor has many of
    /// them in flight at once; read for a batch just before its upserts, the slots are then in
    /// cache. (Swift has no prefetch instruction; independent loads do the same job.)
    func warm(_ references: some Sequence<UInt32>) -> UInt64 {
        var seen: UInt64 = 0
        for reference in references {
            let hash = UInt64(reference) &* Self.multiplier
            guard let slots = segments[Int(truncatingIfNeeded: hash >> (64 - Self.segmentBits))].storage?.slots,
                  !slots.isEmpty else { continue }
            seen &+= slots[Self.home(hash, capacity: slots.count)].key
        }
        return seen
    }

    /// The winner of case `reference`: its `last_updated` (seconds since 1970), contribution and detail.
    func winner(of reference: UInt32) -> (lastUpdated: Int64, contribution: CaseContribution, detail: CaseDetail)? {
        let hash = UInt64(reference) &* Self.multiplier
        guard let slots = segments[Int(truncatingIfNeeded: hash >> (64 - Self.segmentBits))].storage?.slots else {
            return nil
        }
        var i = Self.home(hash, capacity: slots.count)
        while slots[i].key != 0 {
            if slots[i].key >> 36 & UInt64(Self.maximumReference) == UInt64(reference) {
                return (Int64(slots[i].key & Self.timeMask) - Self.secondsFrom1900To1970,
                        CaseContribution(bits: slots[i].contribution), CaseDetail(bits: slots[i].detail))
            }
            i = i + 1 == slots.count ? 0 : i + 1
        }
        return nil
    }

    /// Calls `body` with every case's reference, contribution and detail, in no particular
    /// order (without an array of them: the table is the run's largest allocation already).
    func forEach(_ body: (UInt32, CaseContribution, CaseDetail) -> Void) {
        for segment in segments {
            for slot in segment.storage?.slots ?? UnsafeMutableBufferPointer(start: nil, count: 0) where slot.key != 0 {
                body(UInt32(truncatingIfNeeded: slot.key >> 36 & UInt64(Self.maximumReference)),
                     CaseContribution(bits: slot.contribution), CaseDetail(bits: slot.detail))
            }
        }
    }

    private static let timeMask: UInt64 = (1 << 36) - 1
    /// Fibonacci hashing: references are near-sequential numbers, the product spreads them.
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15

    private static func key(reference: UInt32, lastUpdated: Int64) -> UInt64 {
        precondition(reference <= maximumReference, "reference \(reference) is more than eight digits")
        let seconds = lastUpdated + secondsFrom1900To1970
        precondition(seconds >= 0 && UInt64(seconds) <= timeMask, "last_updated outside 1900-4077")
        return 1 << 63 | UInt64(reference) << 36 | UInt64(seconds)
    }

    /// The slot where a reference of hash `hash` is looked for first: the hash's bits below the
    /// segment's, scaled to the capacity (no power of two needed).
    private static func home(_ hash: UInt64, capacity: Int) -> Int {
        // (Shifts bind tighter than multiplication in Swift: the parentheses matter.)
        Int(truncatingIfNeeded: (((hash >> 24) & 0xFFFF_FFFF) &* UInt64(capacity)) >> 32)
    }

    /// Grows segment `s` by half (from ``initialCapacity`` slots), re-placing its entries.
    private mutating func grow(_ s: Int) {
        let capacity = max(initialCapacity, segments[s].capacity + segments[s].capacity / 2)
        let grown = SlotStorage(capacity: capacity)
        for slot in segments[s].storage?.slots ?? UnsafeMutableBufferPointer(start: nil, count: 0) where slot.key != 0 {
            let reference = slot.key >> 36 & UInt64(Self.maximumReference)
            var i = Self.home(reference &* Self.multiplier, capacity: capacity)
            while grown.slots[i].key != 0 { i = i + 1 == capacity ? 0 : i + 1 }
            grown.slots[i] = slot
        }
        segments[s].storage = grown
    }
}
