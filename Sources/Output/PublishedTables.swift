import Foundation
package import PipelineModel

/// The rows the whole-publication pages chart: every published year's authority rows (with their
/// type's averages) and England's, from the run's figures for the years it computed and from
/// the current publication's partitions for the years it carried over without computing them.
package enum PublishedTables {
    /// Every published year's rows of the history pages.
    package struct History: Sendable, Equatable {
        /// Every authority row of every year with its type's averages, by year, then as the
        /// year's table holds them (by code).
        package var authorities: [PublishedYearRow]
        /// England's row of every year, by year.
        package var national: [PublishedNationalRow]
        /// Every public report of every year, by year, then as the year's table holds them.
        package var publicReports: [PublishedPublicReport] = []
    }


    /// The figures of every published year: each of `years` (and of `computed`) from `computed`
    /// when the run computed it (in memory, no CSV), otherwise read from its partition's tables
    /// in `currentFolder`, the current publication's folder (a year a `--years` run carries over
    /// without computing it), through the tables' schemas.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` naming the partition's file, the line
    ///   and the reason when a year to read has no current publication, or its table is not one
    ///   this version writes (its header, a cell of the wrong type).
    package static func history(of years: [ReportingYear], computed: [YearFigures],
                                currentFolder: String?) throws -> History {
        let figures = Dictionary(computed.map { ($0.year, $0) }, uniquingKeysWith: { _, later in later })
        var history = History(authorities: [], national: [])
        for year in Set(years).union(figures.keys).sorted() {
            let authorities: [TableRow], compared: [TableRow], national: [TableRow], reports: [TableRow]
            if let figures = figures[year] {
                authorities = figures.authorities.map { TableFile.authorityYearTable.row($0) }
                compared = TableFile.comparedRows(of: figures).map { TableFile.comparisonTable.row($0) }
                national = [TableFile.nationalYearTable.row(figures.national)]
                reports = figures.publicReports.map { TableFile.publicReportsTable.row($0) }
            } else {
                authorities = try partitionRows(.authorityYear, of: year, in: currentFolder)
                compared = try partitionRows(.comparison, of: year, in: currentFolder)
                national = try partitionRows(.nationalYear, of: year, in: currentFolder)
                reports = try partitionRows(.publicReports, of: year, in: currentFolder)
            }
            do {
                history.authorities += try authorityRows(authorities, compared: compared)
                history.national += try national.map(nationalRow)
                history.publicReports += try reports.map(publicReport)
            } catch let mismatch as TableRow.Mismatch where mismatch.line != nil {
                // A cell read from a partition: name its file.
                let path = (currentFolder.map { $0 + "/" } ?? "") + CurrentPublication.partitionFolder(of: year) + "/" + mismatch.table
                throw OutputError.readFailed(path: path, reason: "line \(mismatch.line ?? 0): column \(mismatch.column): \(mismatch.reason)")
            }
        }
        return history
    }

    /// The rows of the table `schema` describes in `bytes`, the file at `path`, each cell typed
    /// by its column.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` naming `path`, the line and the reason
    ///   when the header is not the schema's, a row has another number of cells, or a cell is
    ///   not of its column's type.
    package static func rows(of schema: TableSchema, _ bytes: [UInt8], path: String) throws -> [TableRow] {
        let records = CSVFormat.records(bytes)
        guard let header = records.first, header == schema.columnNames else {
            throw OutputError.readFailed(path: path, reason: "line 1: not the header of \(schema.fileName) in this version")
        }
        var rows: [TableRow] = []
        rows.reserveCapacity(records.count - 1)
        // A record's first line: records end with LF, and a quoted cell may hold more.
        var line = 2 + header.reduce(0) { $0 + $1.utf8.count { $0 == 0x0A } }
        for record in records.dropFirst() {
            guard record.count == schema.columns.count else {
                throw OutputError.readFailed(path: path, reason: "line \(line): \(record.count) cells, the header has \(header.count)")
            }
            var values: [TableValue] = []
            values.reserveCapacity(record.count)
            for (column, text) in zip(schema.columns, record) {
                guard let value = column.type.value(of: text) else {
                    throw OutputError.readFailed(path: path, reason: "line \(line): column \(column.name): not a \(column.type.noun): \(text)")
                }
                values.append(value)
            }
            rows.append(TableRow(schema, values, line: line))
            line += 1 + record.reduce(0) { $0 + $1.utf8.count { $0 == 0x0A } }
        }
        return rows
    }

    /// `table`'s rows in `year`'s partition of the publication in `folder`, checked as
    /// ``rows(of:_:path:)`` does.
    private static func partitionRows(_ table: TableFile, of year: ReportingYear, in folder: String?) throws -> [TableRow] {
        let relative = CurrentPublication.partitionFolder(of: year) + "/" + table.fileName
        guard let folder else {
            throw OutputError.readFailed(path: relative, reason: "the year was not computed and there is no current publication")
        }
        let path = folder + "/" + relative
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError.readFailed(path: path, reason: "cannot read the partition's table")
        }
        return try rows(of: table.schema, [UInt8](data), path: path)
    }

    /// A year's authority rows of `authority_year.csv` with their averages from its rows of
    /// `comparison.csv`, in the first table's order.
    private static func authorityRows(_ rows: [TableRow], compared: [TableRow]) throws -> [PublishedYearRow] {
        var averages: [String: TableRow] = [:]
        for row in compared { averages[try row.text("authority_code")] = row }
        return try rows.map { row in
            let average = averages[try row.text("authority_code")]
            return PublishedYearRow(
                year: try row.year("year"), code: try row.text("authority_code"), name: try row.text("authority_name"),
                comparisonType: try row.text("comparison_type"), current: try row.boolean("current"),
                investigations: try row.count("investigations"), upheld: try row.count("upheld"),
                upholdRate: try row.integer("uphold_rate"), complianceRate: try row.integer("compliance_rate"),
                satisfactoryRemedyRate: try row.integer("satisfactory_remedy_rate"),
                upheldPer100kTenths: try row.tenths("upheld_per_100k"),
                averageUpholdRate: try average?.integer("avg_uphold_rate"),
                averageComplianceRate: try average?.integer("avg_compliance_rate"),
                averageSatisfactoryRemedyRate: try average?.integer("avg_satisfactory_remedy_rate"),
                averageUpheldPer100kTenths: try average?.tenths("avg_upheld_per_100k"))
        }
    }

    /// A row of `public_reports.csv`, as the history pages list it.
    private static func publicReport(_ row: TableRow) throws -> PublishedPublicReport {
        PublishedPublicReport(year: try row.year("year"), code: try row.text("authority_code"),
                              reference: try row.text("reference"), decisionDate: try row.day("decision_date"))
    }

    /// England's row of `national_year.csv`.
    private static func nationalRow(_ row: TableRow) throws -> PublishedNationalRow {
        PublishedNationalRow(
            year: try row.year("year"), receivedTotal: try row.count("received_total"),
            decisionsTotal: try row.count("decisions_total"), investigations: try row.count("investigations"),
            upheld: try row.count("upheld"), upholdRate: try row.integer("uphold_rate"),
            satisfactoryRemedies: try row.count("satisfactory_remedies"),
            satisfactoryRemedyRate: try row.integer("satisfactory_remedy_rate"),
            complianceOutcomes: try row.count("compliance_outcomes"), complianceRate: try row.integer("compliance_rate"),
            lateComplianceRate: try row.integer("late_compliance_rate"), publicReports: try row.count("public_reports"))
    }
}
