import Output
import PipelineModel
import Testing

/// The top-level tables from the year partitions' tables.
@Suite struct TablePartitionsTests {
    @Test func partitionsConcatenateToTheWholeTables() throws {
        let figures = TableFileTests.figures
        for table in TableFile.allCases {
            let parts = figures.years.map { (path: "years/\($0.year.label)/\(table.fileName)", bytes: table.render($0)) }
            #expect(try table.concatenating(partitions: parts) == table.render(figures), "\(table)")
            #expect(try table.concatenating(partitions: []) == table.header)
        }
    }

    @Test func aPartitionWithAnotherHeaderIsNamed() throws {
        let odd = Array("year,authority_code\n2019-20,AAA\n".utf8)
        #expect(throws: OutputError.cannotCarryOver(
            path: "years/2019-20/authority_year.csv",
            reason: "its header differs from authority_year.csv's in this version: recompute that year too")) {
            try TableFile.authorityYear.concatenating(partitions: [("years/2019-20/authority_year.csv", odd)])
        }
    }

    @Test func aYearsFilesAreItsPartitionsTablesAndItsPublishedPages() {
        let year = ReportingYear(startYear: 2019)
        for path in ["years/2019-20/authority_year.csv", "letters/2019-20/LCE.md", "report/2019-20/index.html",
                     "map/2019-20.json"] {
            #expect(CurrentPublication.isFile(path, of: year), "\(path)")
        }
        // The earlier layout's second names, another year's files, the whole publication's.
        for path in ["years/2019-20/letters/2019-20/LCE.md", "letters/2020-21/LCE.md", "map/2020-21.json",
                     "report/index.html", "report/authorities/LCE.html", "authority_year.csv"] {
            #expect(!CurrentPublication.isFile(path, of: year), "\(path)")
        }
    }
}
