@testable import Cleaning
import Testing

/// Invented keys: the table's own contract, beside the Cleaner tests that use it.
@Suite struct ByteStringTableTests {
    private func value(_ table: ByteStringTable<Int>, _ first: String, _ second: String = "") -> Int? {
        Array(first.utf8).withUnsafeBytes { a in Array(second.utf8).withUnsafeBytes { b in table.value(a, b) } }
    }

    private func insert(_ table: inout ByteStringTable<Int>, _ v: Int, _ first: String, _ second: String = "") {
        Array(first.utf8).withUnsafeBytes { a in Array(second.utf8).withUnsafeBytes { b in table.insert(v, for: a, b) } }
    }

    @Test func findsWhatWasInsertedAndNothingElse() {
        var table = ByteStringTable<Int>()
        insert(&table, 1, "Surrey County Council", "E10000030")
        insert(&table, 2, "Surrey County Council")
        insert(&table, 3, "")
        #expect(value(table, "Surrey County Council", "E10000030") == 1)
        #expect(value(table, "Surrey County Council") == 2)
        #expect(value(table, "") == 3)
        #expect(value(table, "Surrey County Counci") == nil)
        #expect(value(table, "Surrey County Council", "E1000003") == nil)
        #expect(table.count == 3)
    }

    @Test func theSameBytesSplitDifferentlyAreDifferentKeys() {
        var table = ByteStringTable<Int>()
        insert(&table, 1, "ab", "c")
        #expect(value(table, "a", "bc") == nil)
        #expect(value(table, "abc") == nil)
        insert(&table, 2, "a", "bc")
        #expect(value(table, "ab", "c") == 1)
        #expect(value(table, "a", "bc") == 2)
    }

    @Test func keepsEveryKeyAsItGrows() {
        var table = ByteStringTable<Int>(capacity: 1)
        // Keys of every length around the eight-byte words the hash reads.
        let keys = (0 ..< 5_000).map { "k\($0)" + String(repeating: "x", count: $0 % 19) }
        for (i, key) in keys.enumerated() { insert(&table, i, key, String(i % 7)) }
        #expect(table.count == keys.count)
        for (i, key) in keys.enumerated() {
            #expect(value(table, key, String(i % 7)) == i)
            #expect(value(table, key, String((i + 1) % 7)) == nil)
        }
    }

    @Test func aKeyTooLongForItsSlotIsNotHeldAndTheOthersStay() {
        var table = ByteStringTable<Int>()
        let long = String(repeating: "x", count: Int(UInt16.max) + 1)
        insert(&table, 1, "Surrey County Council")
        insert(&table, 2, long)
        insert(&table, 3, "a", long)
        #expect(value(table, long) == nil)
        #expect(value(table, "a", long) == nil)
        #expect(value(table, "Surrey County Council") == 1)
        #expect(table.count == 1)
    }
}
