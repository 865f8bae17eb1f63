import Foundation
import Output
import PipelineModel
import Testing
import TestSupport

/// The per-case tables read back from a partition (`PublishedTables+Cases.swift`), on invented
/// cases (``CaseFixtures``: references and dates made up, their numbers following the figures'
/// counts) written through the tables' definitions.
@Suite struct PublishedCasesTests {
    static let figures = AnnualFigures(method: .pooled, years: PublishedTablesTests.figures.years.map {
        CaseFixtures.withCases($0, improvements: 2)
    })

    /// A publication whose partitions hold the per-case tables of `years` too.
    static func publication(_ years: [YearFigures]) throws -> TemporaryFolder {
        let folder = try PublishedTablesTests.publication(years)
        for year in years {
            for file in CaseTables.files(of: year) {
                try folder.write(file.bytes, to: CurrentPublication.partitionFolder(of: year.year) + "/" + file.name)
            }
        }
        return folder
    }

    @Test func serviceImprovementsReadFromTheirPartitionsAreThoseOfTheFigures() throws {
        let folder = try Self.publication(Self.figures.years)
        defer { folder.remove() }
        let years = Self.figures.years.map(\.year)
        let read = try PublishedTables.serviceImprovements(of: years, computed: [], currentFolder: folder.path)
        let computed = try PublishedTables.serviceImprovements(of: [], computed: Self.figures.years, currentFolder: nil)
        #expect(!read.isEmpty && read == computed)
        // One year computed, the other read back: the same rows.
        let mixed = try PublishedTables.serviceImprovements(of: years, computed: [Self.figures.years[1]], currentFolder: folder.path)
        #expect(mixed == computed)
    }

    /// A partition published before `service_improvements.csv` existed has none, not an error.
    @Test func aPartitionWithoutTheTableHasNone() throws {
        let folder = try PublishedTablesTests.publication(Self.figures.years)
        defer { folder.remove() }
        for year in Self.figures.years {
            try? FileManager.default.removeItem(atPath: folder.file(CurrentPublication.partitionFolder(of: year.year)
                + "/" + TableFile.serviceImprovementsTable.schema.fileName))
        }
        let read = try PublishedTables.serviceImprovements(of: Self.figures.years.map(\.year), computed: [], currentFolder: folder.path)
        #expect(read.isEmpty)
    }

    @Test func decisionsAndComplianceReadBackAsTheCases() throws {
        let year = Self.figures.years[0]
        let folder = try Self.publication([year])
        defer { folder.remove() }
        let partition = folder.path + "/" + CurrentPublication.partitionFolder(of: year.year) + "/"
        let decisions = try PublishedTables.caseRows(TableFile.decisionsTable.schema, at: partition + "decisions.csv",
                                                     PublishedTables.decidedCase)
        let compliance = try PublishedTables.caseRows(TableFile.complianceTable.schema, at: partition + "compliance.csv",
                                                      PublishedTables.complianceCase)
        for row in year.authorities {
            #expect(decisions.filter { $0.authorityCode == row.authority.code }.map(\.case) == row.cases.decisions)
            #expect(compliance.filter { $0.authorityCode == row.authority.code }.map(\.case) == row.cases.compliance)
        }
    }

    @Test func aBadCellNamesTheFileLineAndColumn() throws {
        let year = Self.figures.years[0]
        let folder = try Self.publication([year])
        defer { folder.remove() }
        let path = CurrentPublication.partitionFolder(of: year.year) + "/service_improvements.csv"
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: folder.file(path))), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Line 3 (the second row): an outcome of decisions.csv where a service area belongs.
        var edited = lines.map(String.init)
        var cells = edited[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[4] = "upheld"
        edited[2] = cells.joined(separator: ",")
        try folder.write(Array(edited.joined(separator: "\n").utf8), to: path)
        let failure = PublishedTablesTests.readFailure {
            _ = try PublishedTables.serviceImprovements(of: [year.year], computed: [], currentFolder: folder.path)
        }
        #expect(failure?.path == folder.file(path))
        #expect(failure?.reason.hasPrefix("line 3: column category: ") == true)
    }
}
