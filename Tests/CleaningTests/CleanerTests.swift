import Cleaning
import PipelineModel
import Testing
import TestSupport

@Suite struct CleanerTests {
    static let paths = ["first.csv", "exports/decisions-2020-02-01.csv.gz"]

    private func clean(_ rows: [RawRow], fileIndex: Int = 1) -> CleanBatch {
        var cleaner = Cleaner(register: RegisterFixture.register, inputPaths: Self.paths)
        return cleaner.clean(RawRows.batch(rows, fileIndex: fileIndex))
    }

    /// The reject of a single row, recording an issue when the row was not rejected.
    private func reject(of row: RawRow, sourceLocation: SourceLocation = #_sourceLocation) -> Reject? {
        let batch = clean([row])
        if batch.rejects.count != 1 || !batch.rows.isEmpty {
            Issue.record("expected one reject, got \(batch.rejects) and \(batch.rows.count) rows", sourceLocation: sourceLocation)
        }
        return batch.rejects.first
    }

    /// The clean row of a single row, recording an issue when it was rejected.
    private func cleanRow(of row: RawRow, sourceLocation: SourceLocation = #_sourceLocation) -> CleanRow? {
        let batch = clean([row])
        if batch.rows.count != 1 || !batch.rejects.isEmpty {
            Issue.record("expected one row, got \(batch.rejects)", sourceLocation: sourceLocation)
        }
        return batch.rows.first
    }

    // MARK: Accepted rows

    @Test func validRowBecomesACaseWithEveryValue() throws {
        let batch = clean([RawRow.valid.at(line: 9)])
        #expect(batch.rejects.isEmpty)
        #expect(batch.rowsRead == 1)
        #expect(batch.file == "exports/decisions-2020-02-01.csv.gz")
        #expect(batch.fileIndex == 1)
        let row = try #require(batch.rows.first)
        let record = row.record
        #expect(record.reference == 19_012_345)
        #expect(record.authority == RegisterFixture.index("LCE"))
        #expect(record.received == Day.on(2019, 4, 3))
        #expect(record.decisionDate == Day.on(2019, 11, 20))
        #expect(record.compliance == .complied)
        #expect(record.complianceDate == Day.on(2020, 2, 1))
        #expect(!record.satisfactoryRemedy)
        #expect(!record.publicReport)
        #expect(record.lastUpdated == 1_580_552_551)
        #expect(record.outcome == nil) // set by Classification
        #expect(row.line == 9)
        #expect(row.referenceText == "19 012 345")
        #expect(row.laterFault == nil)
        #expect(!row.reencoded)
        #expect(batch.texts[Int(row.categoryText)] == "Housing")
        #expect(batch.texts[Int(row.decisionText)] == "Upheld: fault and injustice")
    }

    @Test func flagsAreRead() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.satisfactoryRemedyByAuthority, "Yes").with(.publicReport, "TRUE")))
        #expect(r.record.satisfactoryRemedy)
        #expect(r.record.publicReport)
        let blank = try #require(cleanRow(of: RawRow.valid.with(.satisfactoryRemedyByAuthority, "").with(.publicReport, "")))
        #expect(!blank.record.satisfactoryRemedy)
        #expect(!blank.record.publicReport)
    }

    @Test func onlyAPublicReportKeepsItsTexts() throws {
        let report = try #require(cleanRow(of: RawRow.valid.with(.publicReport, "Y").with(.remedy, " Apology ")))
        #expect(report.publicReportText == PublicReportText(
            subcategory: "Homelessness", decision: "Upheld: fault and injustice", remedy: "Apology",
            summary: "Mrs X complained that the council, \"without notice\", ended her tenancy."))
        #expect(try #require(cleanRow(of: RawRow.valid)).publicReportText == nil)
    }

    @Test func openCaseHasNoDecision() throws {
        let open = RawRow.valid.with(.decision, "").with(.decisionDate, "").with(.complianceOutcome, "")
            .with(.complianceDate, "")
        let r = try #require(cleanRow(of: open))
        #expect(r.decisionText == -1)
        #expect(r.record.decisionDate == nil)
        #expect(r.record.compliance == nil)
        #expect(r.laterFault == nil)
    }

    @Test func awaitingNeedsNoDateAndKeepsNone() throws {
        let awaiting = try #require(cleanRow(of: RawRow.valid.with(.complianceOutcome, "Awaiting").with(.complianceDate, "")))
        #expect(awaiting.record.compliance == .awaiting)
        #expect(awaiting.record.complianceDate == nil)
        #expect(awaiting.laterFault == nil)
        let dated = try #require(cleanRow(of: RawRow.valid.with(.complianceOutcome, "Awaiting")))
        #expect(dated.record.complianceDate == nil)
    }

    @Test func authorityCodeAloneIsEnough() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.authorityName, "").with(.authorityCode, "E08000002")))
        #expect(r.record.authority == RegisterFixture.index("BUR"))
    }

    @Test func textsAreInternedPerBatch() {
        let batch = clean([
            RawRow.valid.at(line: 2),
            RawRow.valid.with(.reference, "19 012 346").at(line: 3),
            RawRow.valid.with(.reference, "19 012 347").with(.category, "Highways").at(line: 4),
        ])
        #expect(batch.rows.count == 3)
        // The remedy and, on a row with a remedy, the subcategory too (a service improvement prints them).
        #expect(batch.texts.sorted() == ["Apology; Financial redress", "Highways", "Homelessness", "Housing",
                                         "Upheld: fault and injustice"])
        #expect(batch.rows[0].categoryText == batch.rows[1].categoryText)
        #expect(batch.rows[0].decisionText == batch.rows[2].decisionText)
        #expect(batch.rows[0].remedyText == batch.rows[2].remedyText)
        #expect(batch.texts[Int(batch.rows[0].remedyText)] == "Apology; Financial redress")
        #expect(batch.texts[Int(batch.rows[0].subcategoryText)] == "Homelessness")
    }

    @Test func aRowWithoutARemedyInternsNeitherItNorItsSubcategory() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.remedy, "")))
        #expect(r.remedyText == -1 && r.subcategoryText == -1)
    }

    @Test func rowsKeepTheirLinesAndFile() {
        let batch = clean([RawRow.valid.at(line: 2), RawRow.valid.at(line: 40)], fileIndex: 0)
        #expect(batch.rows.map(\.line) == [2, 40])
        #expect(batch.file == "first.csv")
        #expect(clean([RawRow.valid], fileIndex: 5).file == "input 5")
    }

    // MARK: Rejects found by Cleaning

    @Test func fieldCountIsRejectedWithFileLineAndReference() throws {
        let r = try #require(reject(of: RawRow([.reference: "19 012 345"], line: 12, fault: .fieldCount(found: 14, expected: 15))))
        #expect(r == Reject(file: "exports/decisions-2020-02-01.csv.gz", line: 12, reference: "19 012 345",
                            reason: .fieldCount, detail: "14 fields, expected 15"))
    }

    @Test func unterminatedQuoteIsRejected() throws {
        let r = try #require(reject(of: RawRow.valid.at(line: 30).with(.summary, "He said \"no")
                .with(\.fault, .unterminatedQuote)))
        #expect(r.reason == .unterminatedQuote)
        #expect(r.line == 30)
        #expect(r.reference == "19 012 345")
        let malformed = try #require(reject(of: RawRow([:], line: 31, fault: .malformedQuote(detail: "a quote inside an unquoted field"))))
        #expect(malformed.reason == .unterminatedQuote)
        #expect(malformed.detail == "a quote inside an unquoted field")
        #expect(malformed.reference == "")
    }

    @Test(arguments: [
        ([ExportColumn.reference], "reference"), ([.authorityName, .authorityCode], "authority_name"),
        ([.category], "category"), ([.receivedDate], "received_date"), ([.lastUpdated], "last_updated"),
    ])
    func blankRequiredValueIsMissingRequired(blank: [ExportColumn], column: String) throws {
        var input = RawRow.valid.at(line: 7)
        for c in blank { input = input.with(c, " \t ") }
        let r = try #require(reject(of: input))
        #expect(r.reason == .missingRequired)
        #expect(r.detail == "\(column) is blank")
        #expect(r.line == 7)
        #expect(r.file == "exports/decisions-2020-02-01.csv.gz")
    }

    @Test(arguments: [
        (ExportColumn.receivedDate, "31/02/2020"), (.decisionDate, "2019-13-01"), (.complianceDate, "30/02/2020"),
        (.lastUpdated, "yesterday"), (.receivedDate, "2019-4-3"),
    ])
    func unparseableOrImpossibleDateIsBadDate(column: ExportColumn, text: String) throws {
        let r = try #require(reject(of: RawRow.valid.with(column, text)))
        #expect(r.reason == .badDate)
        #expect(r.detail.contains(column.name))
        #expect(r.detail.contains(text))
        #expect(r.reference == "19 012 345")
    }

    @Test func decisionBeforeReceivedIsRejected() throws {
        let r = try #require(reject(of: RawRow.valid.with(.receivedDate, "03/04/2019").with(.decisionDate, "2019-04-01")))
        #expect(r.reason == .decisionBeforeReceived)
        #expect(r.detail == "decision date 2 days before received date")
        // Deciding on the day of receipt is fine.
        #expect(cleanRow(of: RawRow.valid.with(.decisionDate, "2019-04-03"))?.laterFault == nil)
    }

    // MARK: Faults handed on to Classification

    @Test(arguments: [
        (RawRow.valid.with(.decisionDate, "").with(.complianceOutcome, "").with(.complianceDate, ""), RejectReason.decisionWithoutDate),
        (RawRow.valid.with(.authorityName, "Borsetshire County Council"), .unknownAuthority),
        (RawRow.valid.with(.authorityCode, "E99999999"), .unknownAuthority),
        (RawRow.valid.with(.authorityName, "Newcastle"), .ambiguousAuthority),
        (RawRow.valid.with(.authorityName, "Cardiff"), .outOfJurisdiction),
        (RawRow.valid.with(.reference, "19 012 34"), .badReference),
        (RawRow.valid.with(.reference, "2019 012 345"), .badReference),
        (RawRow.valid.with(.satisfactoryRemedyByAuthority, "maybe"), .badValue),
        (RawRow.valid.with(.publicReport, "X"), .badValue),
        (RawRow.valid.with(.complianceOutcome, "Partly complied"), .badValue),
        (RawRow.valid.with(.complianceDate, ""), .badValue),
        (RawRow.valid.with(.decision, ""), .badValue),
    ])
    func laterFaultIsHandedOnForClassificationToRank(input: RawRow, reason: RejectReason) throws {
        let batch = clean([input])
        #expect(batch.rejects.isEmpty)
        let r = try #require(batch.rows.first)
        #expect(r.laterFault?.reason == reason)
    }

    @Test func unknownAuthorityFaultNamesTheNormalisedName() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.authorityName, " Borsetshire  County-Council")))
        #expect(r.laterFault == RowFault(.unknownAuthority, "unknown authority name 'borsetshire county council'"))
        #expect(r.record.authority == -1)
    }

    @Test func ambiguousAuthorityFaultNamesBothCodes() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.authorityName, "Newcastle")))
        let detail = try #require(r.laterFault?.detail)
        #expect(detail.contains("NEC") && detail.contains("NET"))
    }

    @Test func badReferenceFaultNamesTheReference() throws {
        let r = try #require(cleanRow(of: RawRow.valid.with(.reference, "19 O12 345")))
        #expect(r.laterFault?.detail.contains("'19 O12 345'") == true)
        #expect(r.referenceText == "19 O12 345")
    }

    // MARK: Precedence

    @Test func missingRequiredBeatsBadDate() throws {
        let r = try #require(reject(of: RawRow.valid.with(.category, "").with(.receivedDate, "31/02/2020")))
        #expect(r.reason == .missingRequired)
    }

    @Test func missingRequiredNamesTheFirstBlankFieldInTheSpecsOrder() throws {
        let r = try #require(reject(of: RawRow.valid.with(.lastUpdated, "").with(.category, "").with(.reference, "")))
        #expect(r.detail == "reference is blank")
        #expect(r.reference == "")
    }

    @Test func badDateBeatsUnknownAuthorityAndBadReference() throws {
        let r = try #require(reject(of: RawRow.valid.with(.receivedDate, "31/02/2020")
                .with(.authorityName, "Atlantis").with(.reference, "1")))
        #expect(r.reason == .badDate)
    }

    @Test func decisionBeforeReceivedBeatsUnknownAuthority() throws {
        let r = try #require(reject(of: RawRow.valid.with(.decisionDate, "2019-01-01").with(.authorityName, "Atlantis")))
        #expect(r.reason == .decisionBeforeReceived)
    }

    @Test func fieldCountBeatsEverything() throws {
        let r = try #require(reject(of: RawRow([:], line: 3, fault: .fieldCount(found: 2, expected: 15))))
        #expect(r.reason == .fieldCount)
    }

    @Test(arguments: [
        // (row with two later faults, the one that must win)
        (RawRow.valid.with(.decisionDate, "").with(.authorityName, "Atlantis"), RejectReason.decisionWithoutDate),
        (RawRow.valid.with(.authorityName, "Atlantis").with(.reference, "12"), .unknownAuthority),
        (RawRow.valid.with(.authorityName, "Newcastle").with(.reference, "12"), .ambiguousAuthority),
        (RawRow.valid.with(.authorityName, "Cardiff").with(.reference, "12"), .outOfJurisdiction),
        (RawRow.valid.with(.reference, "12").with(.publicReport, "X"), .badReference),
    ])
    func firstLaterFaultInTheSpecsOrderIsKept(input: RawRow, reason: RejectReason) throws {
        #expect(cleanRow(of: input)?.laterFault?.reason == reason)
    }

    // MARK: Windows-1252

    @Test func windows1252FieldIsDecodedAndTheRowFlagged() throws {
        let category: [UInt8] = Array("Education and children".utf8) + [0x92] + Array("s services".utf8)
        let r = clean([RawRow.valid.with(.category, bytes: category)])
        let row = try #require(r.rows.first)
        #expect(row.reencoded)
        #expect(r.texts[Int(row.categoryText)] == "Education and children\u{2019}s services")
    }

    @Test func windows1252NoBreakSpaceInANameStillMatches() throws {
        let name: [UInt8] = Array("Leicester".utf8) + [0xA0] + Array("City Council".utf8)
        let row = try #require(cleanRow(of: RawRow.valid.with(.authorityName, bytes: name)))
        #expect(row.reencoded)
        #expect(row.record.authority == RegisterFixture.index("LCE"))
    }

    @Test func windows1252InAFreeTextFieldFlagsTheRow() throws {
        let summary: [UInt8] = Array("Mr Y paid ".utf8) + [0xA3] + Array("50 to the council".utf8)
        #expect(cleanRow(of: RawRow.valid.with(.summary, bytes: summary))?.reencoded == true)
        #expect(cleanRow(of: RawRow.valid.with(.summary, "Mr Y paid £50 to the council’s officer"))?.reencoded == false)
    }

    @Test func aFieldCutInsideAUTF8SequenceFlagsTheRowEvenWhenTheNextFieldCompletesIt() throws {
        // Back to back in the batch, the two fields' bytes are valid UTF-8 (é); one by one they are not.
        let row = try #require(clean([RawRow.valid
                .with(.remedy, bytes: Array("Apology".utf8) + [0xC3])
                .with(.satisfactoryRemedyByAuthority, bytes: [0xA9])]).rows.first)
        #expect(row.reencoded)
    }

    // MARK: Authorities

    @Test func sharedNameIsJudgedOnEachRowsOwnDate() {
        let batch = clean([
            RawRow.valid.with(.authorityName, "Buckinghamshire").with(.receivedDate, "31/03/2020")
                .with(.decisionDate, "2020-05-01").at(line: 2),
            RawRow.valid.with(.authorityName, "Buckinghamshire").with(.receivedDate, "01/04/2020")
                .with(.decisionDate, "2020-05-01").at(line: 3),
        ])
        #expect(batch.rows.map(\.record.authority) == [RegisterFixture.index("BKM"), RegisterFixture.index("BUC")])
    }

    @Test func eachDistinctNameAndCodeIsResolvedOnce() {
        var cleaner = Cleaner(register: RegisterFixture.register, inputPaths: Self.paths)
        let spellings = ["Leicester", " Leicester ", "LEICESTER CITY COUNCIL", "Leicester CC", "Atlantis"]
        var rows: [RawRow] = []
        for i in 0 ..< 2_000 {
            rows.append(RawRow.valid.with(.authorityName, spellings[i % spellings.count])
                .with(.authorityCode, i % 7 == 0 ? "LCE" : "").at(line: i + 2))
        }
        let first = cleaner.clean(RawRows.batch(Array(rows[..<1_000])))
        // Trimmed names: four distinct without the code; the code, whatever the name beside it.
        #expect(cleaner.distinctAuthorityKeysResolved == 5)
        let second = cleaner.clean(RawRows.batch(Array(rows[1_000...])))
        #expect(cleaner.distinctAuthorityKeysResolved == 5)
        let all = first.rows + second.rows
        #expect(all.count == 2_000)
        let atlantis = all.filter { $0.laterFault != nil }
        #expect(atlantis.allSatisfy { $0.laterFault?.reason == .unknownAuthority })
        #expect(all.filter { $0.laterFault == nil }.allSatisfy { $0.record.authority == RegisterFixture.index("LCE") })
        // Rows naming Atlantis with code LCE are Leicester's: the code wins.
        #expect(atlantis.count == 2_000 / 5 - (0 ..< 2_000).filter { $0 % 5 == 4 && $0 % 7 == 0 }.count)
    }
}

extension RawRow {
    /// This row with a property changed (for the parse fault).
    func with<Value>(_ path: WritableKeyPath<RawRow, Value>, _ value: Value) -> RawRow {
        var copy = self
        copy[keyPath: path] = value
        return copy
    }
}
