import PipelineModel
import Testing
import TestSupport

/// Each kind of cell a definition writes straight into its record, against the record made
/// from the texts of its values (``TableSchema/appendRecord(_:to:)``, the former path).
@Suite struct TableDefinitionTests {
    struct Row: Sendable {
        var year = ReportingYear(startYear: 2019)
        var day = Day(year: 2020, month: 7, day: 22)!
        var reference: UInt32 = 19_012_345
        var flag: Bool? = true
        var text = "Adult care services"
        var value = TableValue.integer(-12)
        var area = ServiceArea.adultCare
    }

    static let table = TableDefinition<Row>(fileName: "cells.csv", title: "Every kind of cell", primaryKey: ["reference"], columns: [
        .init("year", .year, "year", cell: .year { $0.year }),
        .init("day", .date, "day", cell: .day { $0.day }),
        .init("reference", .text, "reference", cell: .reference { $0.reference }),
        .init("flag", .boolean, "flag", cell: .boolean { $0.flag }),
        .init("text", .text, "text", cell: .text { $0.text }),
        .init("value", .text, "value") { $0.value },
        .init("area", .text, "area", labels: ServiceArea.allCases.map(\.name)) { $0.area.rawValue },
    ])

    static func record(_ rows: [Row], of table: TableDefinition<Row> = table) -> (direct: [UInt8], texts: [UInt8]) {
        var direct: [UInt8] = [], texts: [UInt8] = []
        var year = YearLabelCache()
        CSVRecordBuffer.with(&direct) { buffer in
            for row in rows { table.appendRecord(of: row, to: &buffer, year: &year) }
        }
        for row in rows { TableSchema.appendRecord(table.values(of: row), to: &texts) }
        return (direct, texts)
    }

    @Test func aRowIsWrittenAsItsCellsTexts() {
        let (direct, texts) = Self.record([Row()])
        #expect(String(decoding: direct, as: UTF8.self) == "2019-20,2020-07-22,19 012 345,true,Adult care services,-12,Adult care services\n")
        #expect(direct == texts)
    }

    @Test(arguments: [
        "", "a,b", "say \"no\"", "line\nbreak", "carriage\rreturn", "Café ☕", "\"", ",",
        "Environmental services, public protection and regulation",
    ])
    func textIsQuotedAsItsStringWouldBe(text: String) {
        let (direct, texts) = Self.record([Row(text: text)])
        #expect(direct == texts, "\(text)")
    }

    @Test func booleansAreTrueFalseOrEmpty() {
        let (direct, texts) = Self.record([Row(flag: true), Row(flag: false), Row(flag: nil)])
        #expect(direct == texts)
        let flags = CSVFormat.records(direct).map { $0[3] }
        #expect(flags == ["true", "false", ""])
    }

    @Test func valuesOfEveryKindAreTheirText() {
        let values: [TableValue] = [.integer(0), .integer(1_234_567), .integer(-5), .tenths(48), .tenths(110), .tenths(0),
                                    .tenths(-7), .boolean(true), .boolean(false), .empty, .text(""), .text("x,y"), .text("plain")]
        let (direct, texts) = Self.record(values.map { Row(value: $0) })
        #expect(direct == texts)
    }

    @Test func datesReferencesAndYearsOfEveryRangeAreTheirText() {
        let rows = stride(from: Int32(-800_000), through: 2_950_000, by: 9_973).enumerated().map { i, days in
            Row(year: ReportingYear(startYear: 1995 + i % 40), day: Day(daysSinceEpoch: days),
                reference: UInt32(i) &* 2_654_435_761 % 140_000_000)
        }
        let (direct, texts) = Self.record(rows)
        #expect(rows.count > 300)
        #expect(direct == texts)
    }

    @Test func aRecordOfOneEmptyCellIsTwoQuotes() {
        let single = TableDefinition<Row>(fileName: "one.csv", title: "One column", primaryKey: ["text"],
                                          columns: [.init("text", .text, "text", cell: .text { $0.text })])
        let (direct, texts) = Self.record([Row(text: ""), Row(text: "a")], of: single)
        #expect(String(decoding: direct, as: UTF8.self) == "\"\"\na\n")
        #expect(direct == texts)
    }

    /// Fields longer than the buffer's scratch block, and records across its end, are written whole.
    @Test func longTextsAndManyRowsAreWrittenWhole() {
        let long = String(repeating: "ab,\"c", count: 5_000)
        let rows = (0 ..< 3_000).map { i in Row(text: i % 500 == 7 ? long : i % 700 == 9 ? String(repeating: "z", count: 20_000) : i % 3 == 0 ? "x,\"y\"" : "plain \(i)") }
        let (direct, texts) = Self.record(rows)
        #expect(direct.count > 60_000)
        #expect(direct == texts)
    }

    /// Labels are written from bytes made once, quoted where their text needs it
    /// (`Environmental services, public protection and regulation`).
    @Test func labelsAreTheirTexts() {
        let (direct, texts) = Self.record(ServiceArea.allCases.map { Row(area: $0) })
        #expect(direct == texts)
        #expect(CSVFormat.records(direct).map { $0[6] } == ServiceArea.allCases.map(\.name))
    }

    /// The per-case tables' labels are their vocabularies' names by raw value: each raw value
    /// is the case's position among all of them.
    @Test func vocabulariesRawValuesAreTheirPositions() {
        #expect(ServiceArea.allCases.map(\.rawValue) == Array(ServiceArea.allCases.indices))
        #expect(Outcome.allCases.map(\.rawValue) == Array(Outcome.allCases.indices))
        #expect(ComplianceOutcome.allCases.map(\.rawValue) == Array(ComplianceOutcome.allCases.indices))
    }
}
