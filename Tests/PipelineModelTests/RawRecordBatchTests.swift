import PipelineModel
import Testing
import TestSupport

@Suite struct RawRecordBatchTests {
    @Test func fieldsAreProjectedOntoColumnSlots() {
        let batch = RawRows.batch([
            [.reference: "19 012 345", .category: "Housing"],
            [.reference: "20 000 001", .summary: "Hello, \"world\""],
        ], fileIndex: 3)
        #expect(batch.fileIndex == 3)
        #expect(batch.count == 2)
        #expect(batch.lines == [2, 3])
        #expect(Array(batch.field(0, .reference)) == Array("19 012 345".utf8))
        #expect(Array(batch.field(0, .category)) == Array("Housing".utf8))
        #expect(batch.field(0, .summary).isEmpty)
        #expect(batch.field(1, .category).isEmpty)
        #expect(Array(batch.field(1, .summary)) == Array("Hello, \"world\"".utf8))
    }

    @Test func beginRecordAndAppendFieldBuildTheSameRecord() {
        var batch = RawRecordBatch(fileIndex: 0)
        batch.beginRecord(line: 7)
        Array("abc".utf8).withUnsafeBytes { batch.appendField(.decision, bytes: $0) }
        batch.setFault(.unterminatedQuote)
        #expect(batch.lines == [7])
        #expect(batch.faults == [.unterminatedQuote])
        #expect(Array(batch.field(0, .decision)) == Array("abc".utf8))
        #expect(batch.byteCount == 3)
    }

    @Test func aRecordsRangeHoldsAllItsFieldsAndNothingElse() {
        var batch = RawRows.batch([
            [.summary: "zz", .reference: "19 012 345"],
            [:],
            [.category: "Housing"],
        ])
        batch.beginRecord(line: 9)
        Array("x".utf8).withUnsafeBytes { batch.appendField(.remedy, bytes: $0) }
        let bytes = batch.bytes
        #expect(Set(bytes[batch.recordRange(0)]) == Set(Array("zz19 012 345".utf8)))
        #expect(batch.recordRange(0).count == 12)
        #expect(batch.recordRange(1).isEmpty)
        #expect(Array(bytes[batch.recordRange(2)]) == Array("Housing".utf8))
        #expect(Array(bytes[batch.recordRange(3)]) == Array("x".utf8))
        #expect(batch.recordRange(3).upperBound == batch.byteCount)
    }

    @Test func anEmptyValueIsAnEmptyFieldBetweenItsNeighbours() {
        var batch = RawRecordBatch(fileIndex: 0)
        batch.beginRecord(line: 2)
        Array("ab".utf8).withUnsafeBytes { batch.appendField(.reference, bytes: $0) }
        [UInt8]().withUnsafeBytes { batch.appendField(.authorityName, bytes: $0) }
        Array("cd".utf8).withUnsafeBytes { batch.appendField(.category, bytes: $0) }
        batch.beginRecord(line: 3)
        [UInt8]().withUnsafeBytes { batch.appendField(.reference, bytes: $0) }
        #expect(batch.field(0, .authorityName).isEmpty && batch.field(1, .reference).isEmpty)
        #expect(Array(batch.field(0, .reference)) == Array("ab".utf8) && Array(batch.field(0, .category)) == Array("cd".utf8))
        #expect(Array(batch.bytes[batch.recordRange(0)]) == Array("abcd".utf8) && batch.recordRange(1).isEmpty)
    }
}
