import Foundation
import CSV
import Testing
import TestSupport

@Suite struct CSVTableTests {
    @Test func readsHeaderAndRowsUnmodified() throws {
        let path = try TemporaryFolder("csv-tests").write("\u{FEFF}code, name ,note\r\nLCE,\"Leicester, City of\", x \nABC,\"say \"\"hi\"\"\",\"two\r\nlines\"\n", to: "t.csv")
        let table = try CSVTable.read(path: path)
        #expect(table.header == ["code", " name ", "note"])
        #expect(table.rows == [["LCE", "Leicester, City of", " x "], ["ABC", "say \"hi\"", "two\r\nlines"]])
    }

    @Test func readsGzippedTable() throws {
        let path = try TemporaryFolder("csv-tests").write(GzipBytes.member(Array("a,b\n1,2\n".utf8)), to: "t.csv.gz")
        #expect(try CSVTable.read(path: path) == CSVTable(header: ["a", "b"], rows: [["1", "2"]]))
    }

    @Test func raggedRowsAndFinalLineWithoutBreakAreKept() throws {
        let table = try CSVTable.parse(Array("a,b\n1\n\n1,2,3".utf8), file: "t.csv")
        #expect(table.rows == [["1"], ["1", "2", "3"]])
    }

    @Test func malformedQuotingNamesFileAndLine() throws {
        let error = #expect(throws: CSVFileError.malformedCSV(file: "rules.csv", line: 3, reason: "text after a closing quote")) {
            try CSVTable.parse(Array("a,b\n1,2\n\"x\"y,3\n".utf8), file: "rules.csv")
        }
        #expect(error?.description == "rules.csv:3: text after a closing quote")
    }

    @Test func unterminatedQuoteNamesTheLineWhereTheRecordStarts() throws {
        #expect(throws: CSVFileError.malformedCSV(file: "t.csv", line: 2, reason: "quoted field not closed before the end of the file")) {
            try CSVTable.parse(Array("a,b\r\n1,\"2\r\n3\r\n".utf8), file: "t.csv")
        }
    }

    @Test func invalidUTF8IsAnError() throws {
        #expect(throws: CSVFileError.malformedCSV(file: "t.csv", line: 2, reason: "field 2 is not valid UTF-8")) {
            try CSVTable.parse(Array("a,b\n1,".utf8) + [0xe9] + Array("\n".utf8), file: "t.csv")
        }
    }

    @Test func emptyTableIsAnError() throws {
        #expect(throws: CSVFileError.emptyFile(file: "t.csv")) { try CSVTable.parse([], file: "t.csv") }
        let path = try TemporaryFolder("csv-tests").write([], to: "t.csv")
        #expect(throws: CSVFileError.emptyFile(file: path)) { try CSVTable.read(path: path) }
    }

    @Test(SharedFolder.requires("reference/uk_local_authorities_current.csv"))
    func readsTheAuthorityRegister() throws {
        let table = try CSVTable.read(path: SharedFolder.register)
        #expect(table.header.first == "local-authority-code")
        #expect(table.header.contains("pop-2020"))
        #expect(table.rows.count > 300)
        #expect(table.rows.allSatisfy { $0.count == table.header.count })
        let armagh = try #require(table.rows.first { $0.first == "ABC" })
        #expect(armagh[1] == "Armagh City, Banbridge and Craigavon Borough Council")
    }
}
