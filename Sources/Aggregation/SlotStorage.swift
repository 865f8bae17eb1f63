import Glibc

/// One slot of a ``CaseTable``: `key` is 0 when empty, else bit 63 set, the reference in bits
/// 36-62 and `last_updated` (seconds since 1900) in bits 0-35; `contribution` is a
/// ``CaseContribution``'s bits, `detail` a ``CaseDetail``'s.
struct CaseSlot {
    var key: UInt64
    var contribution: UInt64
    var detail: UInt64
}

/// The slots of one segment of a ``CaseTable``, in memory mapped for it alone and unmapped when
/// the segment grows out of it.
///
/// Not an `Array`: from malloc, the arrays that 256 segments leave behind as each grows (each
/// a little smaller than every later one) stay in the heap as holes no later array fits; a
/// 5-million-case run held about 100 MB of them. Anonymous mappings come zeroed (all slots
/// empty).
///
/// The pages are populated when mapped (`MAP_POPULATE`): a table between 57% and 85% full
/// touches every page anyway, and a page first read (a probe finding an empty slot) is mapped
/// to the shared zero page, so its first write then faults again, and that copy-on-write fault
/// flushes the page from every core's TLB by interrupt. Those flushes were about 3% of a run's
/// CPU.
final class SlotStorage: @unchecked Sendable {
    // @unchecked: a storage belongs to one segment of one table, and CaseTable copies it before
    // writing whenever it is shared (copy on write), so no two owners ever write the same one.

    /// The slots.
    let slots: UnsafeMutableBufferPointer<CaseSlot>

    /// `capacity` empty slots.
    init(capacity: Int) {
        let bytes = capacity * MemoryLayout<CaseSlot>.stride
        guard let base = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0),
              base != MAP_FAILED else {
            fatalError("cannot map \(bytes) bytes for the case table: out of memory")
        }
        slots = UnsafeMutableBufferPointer(start: base.bindMemory(to: CaseSlot.self, capacity: capacity), count: capacity)
    }

    /// A copy of `other`, for copy on write.
    convenience init(copying other: SlotStorage) {
        self.init(capacity: other.slots.count)
        _ = slots.initialize(from: other.slots)
    }

    deinit {
        munmap(slots.baseAddress, slots.count * MemoryLayout<CaseSlot>.stride)
    }
}
