import CSV
import Ingestion
import Testing

@Suite struct HeaderErrorTests {
    @Test func aMalformedHeaderCellIsNamedByItsPosition() throws {
        let reader = CSVRecordReader(file: "h.csv", fileIndex: 0)
        let bytes = Array("reference,\"authority_name\"x,category\n".utf8)
        #expect {
            try bytes.withUnsafeBytes { try reader.feed($0) }
            try reader.finish()
        } throws: { error in
            guard case .malformedCSV(let file, let line, let reason) = error as? CSVFileError else { return false }
            return file == "h.csv" && line == 1 && reason.contains("field 2")
        }
    }
}
