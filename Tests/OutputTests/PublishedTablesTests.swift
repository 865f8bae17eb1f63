import Foundation
import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct PublishedTablesTests {
    static let figures = TableFileTests.figures

    /// A publication folder holding each of `years`' partition tables as the run writes them.
    static func publication(_ years: [YearFigures]) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("published-tables")
        for year in years {
            try FileManager.default.createDirectory(atPath: folder.file(CurrentPublication.partitionFolder(of: year.year)),
                                                    withIntermediateDirectories: true)
            for table in TableFile.allCases {
                try folder.write(table.render(year), to: CurrentPublication.partitionFolder(of: year.year) + "/" + table.fileName)
            }
        }
        return folder
    }

    static func readFailure(_ body: () throws -> Void) -> (path: String, reason: String)? {
        do {
            try body()
        } catch let OutputError.readFailed(path, reason) {
            return (path, reason)
        } catch {
            Issue.record("unexpected error \(error)")
        }
        return nil
    }

    @Test func yearsReadFromTheirPartitionsAreThoseOfTheFiguresTheyWereWrittenFrom() throws {
        let folder = try Self.publication(Self.figures.years)
        defer { folder.remove() }
        let read = try PublishedTables.history(of: Self.figures.years.map(\.year), computed: [], currentFolder: folder.path)
        let computed = try PublishedTables.history(of: [], computed: Self.figures.years, currentFolder: nil)
        #expect(read == computed)
        #expect(read.authorities.map { "\($0.year.label) \($0.code)" } == ["2019-20 AAA", "2019-20 BBB", "2019-20 CCC",
                                                                            "2020-21 AAA", "2020-21 BBB"])
        #expect(read.national.map(\.year.label) == ["2019-20", "2020-21"])
    }

    @Test func rowsCarryTheirTypesAveragesOnlyWhenCompared() throws {
        let history = try PublishedTables.history(of: [], computed: Self.figures.years, currentFolder: nil)
        let county = try #require(history.authorities.first)
        #expect(county.name == "Alpha County Council" && county.comparisonType == "County" && county.current)
        #expect(county.investigations == 10 && county.upheld == 6 && county.upheldPer100kTenths == 48)
        #expect(county.averageUpholdRate == 60 && county.averageUpheldPer100kTenths == 48)
        // No comparison type: no row in comparison.csv, no averages.
        let combined = try #require(history.authorities.first { $0.code == "CCC" })
        #expect(combined.comparisonType == "" && combined.averageUpholdRate == nil && combined.upholdRate == nil)
        // Not current in 2020-21: its comparison row has empty averages.
        let abolished = try #require(history.authorities.last)
        #expect(!abolished.current && abolished.upholdRate == 50 && abolished.averageUpholdRate == nil)
        let england = try #require(history.national.first)
        #expect(england.decisionsTotal == 27 && england.upheld == 17 && england.publicReports == 1)
    }

    @Test func computedYearsComeFromTheFiguresAndTheOthersFromTheirPartition() throws {
        // Only the first year is in the folder: the second must come from the figures.
        let folder = try Self.publication([Self.figures.years[0]])
        defer { folder.remove() }
        let mixed = try PublishedTables.history(of: [Self.figures.years[0].year], computed: [Self.figures.years[1]],
                                                currentFolder: folder.path)
        #expect(mixed == (try PublishedTables.history(of: [], computed: Self.figures.years, currentFolder: nil)))
    }

    @Test func aYearNeitherComputedNorPublishedIsAnError() {
        let failure = Self.readFailure {
            _ = try PublishedTables.history(of: [ReportingYear(startYear: 2019)], computed: [], currentFolder: nil)
        }
        #expect(failure?.path == "years/2019-20/authority_year.csv")
    }

    @Test func aCellOfTheWrongTypeNamesTheFileLineAndColumn() throws {
        let year = Self.figures.years[0]
        let folder = try Self.publication([year])
        defer { folder.remove() }
        var text = String(decoding: TableFile.authorityYear.render(year), as: UTF8.self)
        text = text.replacingOccurrences(of: "2019-20,BBB,\"Bravo, Borough Council\",Unitary,true,",
                                         with: "2019-20,BBB,\"Bravo,\nBorough Council\",Unitary,yes,")
        let path = try folder.write(text, to: "years/2019-20/authority_year.csv")
        let failure = Self.readFailure { _ = try PublishedTables.history(of: [year.year], computed: [], currentFolder: folder.path) }
        // The record starts on line 3; its quoted line break puts the next one on line 5.
        #expect(failure?.path == path)
        #expect(failure?.reason == "line 3: column current: not a boolean (true or false): yes")
    }

    @Test func aRequiredCountLeftEmptyNamesTheFileAndLine() throws {
        let year = Self.figures.years[0]
        let folder = try Self.publication([year])
        defer { folder.remove() }
        var lines = String(decoding: TableFile.nationalYear.render(year), as: UTF8.self).split(separator: "\n").map(String.init)
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[try #require(TableFile.nationalYear.schema.position(of: "investigations"))] = ""
        lines[1] = cells.joined(separator: ",")
        let path = try folder.write(lines.joined(separator: "\n") + "\n", to: "years/2019-20/national_year.csv")
        let failure = Self.readFailure { _ = try PublishedTables.history(of: [year.year], computed: [], currentFolder: folder.path) }
        #expect(failure?.path == path)
        #expect(failure?.reason == "line 2: column investigations: empty")
    }

    @Test func aTableWithAnotherHeaderIsRefused() throws {
        let bytes = Array("year,authority_code\n2019-20,AAA\n".utf8)
        let failure = Self.readFailure { _ = try PublishedTables.rows(of: TableFile.authorityYear.schema, bytes, path: "old/authority_year.csv") }
        #expect(failure?.path == "old/authority_year.csv")
        #expect(failure?.reason.hasPrefix("line 1:") == true)
    }

    @Test func aRowWithAnotherNumberOfCellsNamesItsLine() throws {
        let bytes = TableFile.nationalYear.header + Array("2019-20,1,2\n".utf8)
        let failure = Self.readFailure { _ = try PublishedTables.rows(of: TableFile.nationalYear.schema, bytes, path: "national_year.csv") }
        #expect(failure?.reason == "line 2: 3 cells, the header has \(TableFile.nationalYear.columns.count)")
    }

    @Test func aColumnIsItsDefinitionsEntryAndTheCodeComputingIt() throws {
        // A table defined here, with a column no published table has: its header, its cells
        // and its typed rows read back all follow from the definition alone.
        let table = TableDefinition<NationalYearFigures>(
            fileName: "england.csv", title: "England", primaryKey: ["year"],
            columns: [
                .init("year", .year, "The year") { .text($0.year.label) },
                .init("upheld", .count, "Upheld decisions") { .integer($0.counts.upheld) },
                .init("upheld_per_complaint", .per100k, "Tenths of an upheld decision per complaint, \"invented\"") {
                    TableValue(tenths: $0.counts.receivedTotal == 0 ? nil : $0.counts.upheld * 10 / $0.counts.receivedTotal)
                },
            ])
        var bytes = table.schema.header
        for year in Self.figures.years { TableSchema.appendRecord(table.values(of: year.national), to: &bytes) }
        let national = Self.figures.years.map(\.national)
        #expect(String(decoding: bytes, as: UTF8.self) == "year,upheld,upheld_per_complaint\n"
            + national.map { "\($0.year.label),\($0.counts.upheld),\($0.counts.receivedTotal == 0 ? "" : TableValue.tenths($0.counts.upheld * 10 / $0.counts.receivedTotal).text)\n" }.joined())
        let read = try PublishedTables.rows(of: table.schema, bytes, path: "england.csv")
        #expect(read.map(\.values) == national.map { table.values(of: $0) })
        #expect(read.map(\.line) == [2, 3])
    }
}
