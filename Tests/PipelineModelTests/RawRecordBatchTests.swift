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
}
