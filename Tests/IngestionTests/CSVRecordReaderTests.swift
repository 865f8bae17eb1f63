import CSV
import Ingestion
import PipelineModel
import Testing

@Suite struct CSVRecordReaderTests {
    /// A header of reference and summary plus the other required columns.
    static let header = "reference,summary,authority_name,category,received_date,last_updated"

    /// A row of `header` with the given reference and summary field (written as given).
    static func row(_ reference: String, _ summary: String) -> String {
        "\(reference),\(summary),Leicester,Housing,03/04/2019,2020-02-01"
    }

    @Test func stripsAndRemembersByteOrderMark() throws {
        let bytes: [UInt8] = [0xef, 0xbb, 0xbf] + Array((Self.header + "\r\n" + Self.row("1", "s") + "\r\n").utf8)
        for chunk in [1, 2, 3, 4, 1 << 20] {
            let (rows, reader) = try Fixtures.parse(bytes, chunk: chunk)
            #expect(reader.hadByteOrderMark, "chunk \(chunk)")
            #expect(reader.unknownColumns.isEmpty, "chunk \(chunk)")
            #expect(rows.count == 1)
            #expect(rows.first?[.reference] == "1")
        }
        let (_, plain) = try Fixtures.parse(Array((Self.header + "\n").utf8), chunk: 1)
        #expect(!plain.hadByteOrderMark)
    }

    @Test func bomOnlyOrBlankDataHasNoHeader() throws {
        #expect(throws: CSVFileError.emptyFile(file: "test.csv")) { try Fixtures.parse([0xef, 0xbb, 0xbf]) }
        #expect(throws: CSVFileError.emptyFile(file: "test.csv")) { try Fixtures.parse("\r\n\n\r") }
    }

    @Test func countsCRLFAndLFAndLoneCRAsOneLineEach() throws {
        let text = Self.header + "\r\n" + Self.row("a", "") + "\n" + Self.row("b", "") + "\r"
            + Self.row("c", "") + "\r\n" + "\r\n\n\r" + Self.row("d", "") + "\n"
        let rows = try Fixtures.parse(text)
        #expect(rows.map(\.line) == [2, 3, 4, 8])
        #expect(rows.map { $0[.reference] } == ["a", "b", "c", "d"])
        #expect(rows.map { $0[.lastUpdated] } == Array(repeating: "2020-02-01", count: 4))
    }

    @Test func quotedLineBreaksCountTowardsTheNextRecordsLine() throws {
        let text = Self.header + "\n"
            + Self.row("a", "\"one\r\ntwo\nthree\rfour\"") + "\r\n"
            + Self.row("b", "\"x\r\n\r\ny\"") + "\n"
            + Self.row("c", "plain") + "\r\n"
        let rows = try Fixtures.parse(text)
        #expect(rows.map(\.line) == [2, 6, 9])
        #expect(rows[0][.summary] == "one\r\ntwo\nthree\rfour")
        #expect(rows[1][.summary] == "x\r\n\r\ny")
        #expect(rows.allSatisfy { $0.fault == nil })
    }

    /// Text where every line-ending style meets every chunk boundary somewhere.
    static let tricky = "\u{FEFF}" + header + "\r\n"
        + row("a", "\"q\r\nr\"") + "\r"
        + row("b", "\"say \"\"hi\"\", ok\"") + "\r\n\r\n"
        + row("c", "\"x\ry\"") + "\n\r"
        + row("d", "\"bad\"q") + "\r\n"
        + row("e", "z") + "\r\n"
        + row("f", "\"open\rstill open")

    @Test func everyChunkSizeGivesTheSameRecords() throws {
        let bytes = Array(Self.tricky.utf8)
        let (whole, wholeReader) = try Fixtures.parse(bytes)
        #expect(whole.map(\.line) == [2, 4, 6, 9, 10, 11])
        #expect(whole.map { $0[.reference] } == ["a", "b", "c", "d", "e", "f"])
        #expect(wholeReader.hadByteOrderMark)
        #expect(whole[3].fault != nil && whole[3].fault != .unterminatedQuote)
        #expect(whole[5].fault == .unterminatedQuote)
        #expect(whole.filter { $0.fault == nil }.count == 4)
        for chunk in 1 ... 40 {
            let (rows, reader) = try Fixtures.parse(bytes, chunk: chunk, batchSize: 2)
            #expect(rows == whole, "chunk \(chunk)")
            #expect(reader.recordCount == 6)
        }
    }

    @Test func quotesAndCommasInsideFieldsAreKept() throws {
        let rows = try Fixtures.parse(Self.header + "\n" + Self.row("\"19, 012\"", "\"He said \"\"no\"\", then left\"") + "\n")
        #expect(rows.count == 1)
        #expect(rows[0][.reference] == "19, 012")
        #expect(rows[0][.summary] == "He said \"no\", then left")
        #expect(rows[0].fault == nil)
    }

    @Test func spacesAroundFieldsAreKept() throws {
        let rows = try Fixtures.parse(Self.header + "\n  19 012 345 ,\t s \t, Leicester ,Housing,03/04/2019,2020-02-01 \n")
        #expect(rows[0][.reference] == "  19 012 345 ")
        #expect(rows[0][.summary] == "\t s \t")
        #expect(rows[0][.authorityName] == " Leicester ")
        #expect(rows[0][.lastUpdated] == "2020-02-01 ")
    }

    @Test func unterminatedQuoteAtEndOfFileIsAFaultAtItsLine() throws {
        let text = Self.header + "\r\n" + Self.row("a", "ok") + "\r\n"
            + "19 002 696,\"never closed\r\nmore text\r\n"
        let rows = try Fixtures.parse(text)
        #expect(rows.count == 2)
        #expect(rows[1].line == 3)
        #expect(rows[1].fault == .unterminatedQuote)
        #expect(rows[1][.reference] == "19 002 696")
        #expect(rows[1][.summary] == "")
    }

    @Test func unterminatedQuoteInTheFirstFieldStillMakesARecord() throws {
        let rows = try Fixtures.parse(Self.header + "\n\"19 002 696")
        #expect(rows.count == 1)
        #expect(rows[0].line == 2)
        #expect(rows[0].fault == .unterminatedQuote)
    }

    @Test func strayQuoteIsAMalformedQuoteAndLaterRowsAreRead() throws {
        let text = Self.header + "\r\n"
            + Self.row("a", "\"ab\"c") + "\r\n"
            + Self.row("b", "ab\"c") + "\n"
            + Self.row("c", "\"multi\r\nline\"x") + "\r\n"
            + Self.row("d", "fine") + "\r\n"
        let rows = try Fixtures.parse(text)
        #expect(rows.map(\.line) == [2, 3, 4, 6])
        #expect(rows.map { $0[.reference] } == ["a", "b", "c", "d"])
        guard case .malformedQuote(let detail)? = rows[0].fault else {
            Issue.record("expected malformedQuote, got \(String(describing: rows[0].fault))")
            return
        }
        #expect(detail.contains("field 2"))
        #expect(detail.contains("line 2"))
        if case .malformedQuote(let detail)? = rows[1].fault {
            #expect(detail.contains("quote inside an unquoted field"))
        } else {
            Issue.record("expected malformedQuote, got \(String(describing: rows[1].fault))")
        }
        if case .malformedQuote(let detail)? = rows[2].fault {
            #expect(detail.contains("line 5"))
        } else {
            Issue.record("expected malformedQuote, got \(String(describing: rows[2].fault))")
        }
        #expect(rows[3].fault == nil)
        #expect(rows[3][.summary] == "fine")
    }

    @Test func malformedQuoteInTheFirstFieldStillMakesARecord() throws {
        let rows = try Fixtures.parse(Self.header + "\n\"1\"x,s,n,c,r,l\n" + Self.row("2", "s") + "\n")
        #expect(rows.count == 2)
        #expect(rows[0].line == 2)
        #expect(rows[0].fields.isEmpty)
        if case .malformedQuote? = rows[0].fault {} else { Issue.record("\(rows[0])") }
        #expect(rows[1].fault == nil)
    }

    @Test func nulBytesAreJustBytes() throws {
        let bytes = Array((Self.header + "\n1,").utf8) + [0x61, 0x00, 0x62] + Array(",n,c,r,l\n".utf8)
            + Array("2,\"".utf8) + [0x00] + Array("\",n,c,r,l\n".utf8)
        let rows = try Fixtures.parse(bytes).rows
        #expect(rows.count == 2)
        #expect(rows[0].bytes(.summary) == [0x61, 0x00, 0x62])
        #expect(rows[1].bytes(.summary) == [0x00])
        #expect(rows.allSatisfy { $0.fault == nil })
    }

    @Test func tenMegabyteFieldIsRead() throws {
        let big = [UInt8](repeating: UInt8(ascii: "x"), count: 10_000_000)
        var bytes = Array((Self.header + "\n1,\"").utf8) + big + Array("\r\nend\",n,c,r,l\n".utf8)
        bytes += Array((Self.row("2", "s") + "\n").utf8)
        let (rows, _) = try Fixtures.parse(bytes, chunk: 1 << 20)
        #expect(rows.count == 2)
        #expect(rows[0].bytes(.summary).count == 10_000_000 + 5)
        #expect(rows[0].fault == nil)
        #expect(rows[1].line == 4)
    }

    @Test func headerIsMatchedWhateverItsOrderAndSpelling() throws {
        let text = "Case Officer,last_updated,Decision Date, category ,authority-name,REFERENCE,Received_Date\r\n"
            + "Ann,2020-02-01,2019-11-20,Housing,Leicester,19 012 345,03/04/2019\r\n"
        let (rows, reader) = try Fixtures.parse(Array(text.utf8))
        #expect(reader.unknownColumns == ["Case Officer"])
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row[.reference] == "19 012 345")
        #expect(row[.decisionDate] == "2019-11-20")
        #expect(row[.category] == "Housing")
        #expect(row[.authorityName] == "Leicester")
        #expect(row[.receivedDate] == "03/04/2019")
        #expect(row[.lastUpdated] == "2020-02-01")
        // Missing optional columns are empty slots.
        #expect(row[.summary] == "")
        #expect(row[.authorityCode] == "")
        #expect(row.fault == nil)
    }

    @Test(arguments: ExportColumn.allCases.filter(\.isRequired))
    func missingRequiredColumnNamesIt(column: ExportColumn) throws {
        let header = ExportColumn.allCases.filter { $0 != column }.map(\.name).joined(separator: ",")
        let error = #expect(throws: CSVFileError.missingColumn(file: "test.csv", name: column.name)) {
            try Fixtures.parse(header + "\r\n")
        }
        #expect(error?.description.contains(column.name) == true)
        #expect(error?.description.contains("test.csv") == true)
    }

    @Test func columnNamedTwiceIsAnError() throws {
        #expect(throws: CSVFileError.duplicateColumn(file: "test.csv", name: "decision_date")) {
            try Fixtures.parse(Fixtures.requiredHeader + ",decision_date,Decision Date\n")
        }
    }

    @Test func fieldCountMismatchIsAFaultKeepingTheReference() throws {
        let text = Self.header + "\n"
            + Self.row("19 001 912", "Noise, odour") + "\n"
            + "19 008 821,s,Leicester\n"
            + Self.row("19 002 042", "s") + ",\n"
            + Self.row("ok", "s") + "\n"
        let rows = try Fixtures.parse(text)
        #expect(rows.map(\.fault) == [.fieldCount(found: 7, expected: 6), .fieldCount(found: 3, expected: 6),
                                      .fieldCount(found: 7, expected: 6), nil])
        #expect(rows.map { $0[.reference] } == ["19 001 912", "19 008 821", "19 002 042", "ok"])
        #expect(rows[1][.authorityName] == "Leicester")
        #expect(rows[1][.lastUpdated] == "")
    }

    @Test func finalLineWithoutLineBreakIsANormalRow() throws {
        for ending in ["", "\r", "\n", "\r\n"] {
            let rows = try Fixtures.parse(Self.header + "\r\n" + Self.row("a", "s") + "\r\n" + Self.row("b", "\"t\"") + ending)
            #expect(rows.map(\.line) == [2, 3], "ending \(ending.debugDescription)")
            #expect(rows.last?[.lastUpdated] == "2020-02-01")
            #expect(rows.last?[.summary] == "t")
            #expect(rows.allSatisfy { $0.fault == nil })
        }
    }

    @Test func blankLinesAreSkippedButCounted() throws {
        let rows = try Fixtures.parse("\r\n\n" + Self.header + "\n\n" + Self.row("a", "s") + "\n\r\n\r" + Self.row("b", "s"))
        #expect(rows.map(\.line) == [5, 8])
    }

    @Test func emptyFieldsAreEmptySlots() throws {
        let rows = try Fixtures.parse(Self.header + "\n,,,,,\n\"\",\"\",,,,\n")
        #expect(rows.count == 2)
        #expect(rows.allSatisfy { $0.fields.isEmpty && $0.fault == nil })
    }

    @Test func malformedHeaderIsAnErrorWithItsLine() throws {
        #expect(throws: CSVFileError.malformedCSV(file: "test.csv", line: 1,
                                                     reason: "header: text after a closing quote in field 1")) {
            try Fixtures.parse("\"reference\"x,category\n")
        }
        #expect(throws: CSVFileError.self) { try Fixtures.parse("\"reference,category\n") }
    }
}
