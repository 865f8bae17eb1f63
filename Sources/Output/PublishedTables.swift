package import PipelineModel

/// Reads the publication's own tables back: the rows every authority's history page charts,
/// from the top-level `authority_year.csv` and `comparison.csv`, and England's from
/// `national_year.csv` (all published years, carried over or computed).
package enum PublishedTables {
    /// The published rows of `authorityYear` (authority_year.csv's bytes) with their averages
    /// from `comparison` (comparison.csv's), in the tables' order (year, then code).
    /// - Throws: ``OutputError/readFailed(path:reason:)`` when a table is not one this version
    ///   writes (its header, a cell that should be a number or a year).
    package static func history(authorityYear: [UInt8], comparison: [UInt8]) throws -> [PublishedYearRow] {
        let people = try Table(TableFile.authorityYear, authorityYear)
        let compared = try Table(TableFile.comparison, comparison)
        var averages: [String: [String]] = [:]
        for record in compared.records {
            averages[record[compared.index("year")] + "/" + record[compared.index("authority_code")]] = record
        }
        return try people.records.map { record in
            func cell(_ name: String) -> String { record[people.index(name)] }
            func average(_ name: String) -> String? {
                averages[cell("year") + "/" + cell("authority_code")].map { $0[compared.index(name)] }
            }
            guard let year = ReportingYear(label: cell("year")) else {
                throw OutputError.readFailed(path: TableFile.authorityYear.fileName, reason: "bad year \(cell("year"))")
            }
            return PublishedYearRow(
                year: year, code: cell("authority_code"), name: cell("authority_name"),
                comparisonType: cell("comparison_type"), current: cell("current") == "true",
                investigations: try whole(cell("investigations")), upheld: try whole(cell("upheld")),
                upholdRate: try optional(cell("uphold_rate")), complianceRate: try optional(cell("compliance_rate")),
                satisfactoryRemedyRate: try optional(cell("satisfactory_remedy_rate")),
                upheldPer100kTenths: try tenths(cell("upheld_per_100k")),
                averageUpholdRate: try optional(average("avg_uphold_rate") ?? ""),
                averageComplianceRate: try optional(average("avg_compliance_rate") ?? ""),
                averageSatisfactoryRemedyRate: try optional(average("avg_satisfactory_remedy_rate") ?? ""),
                averageUpheldPer100kTenths: try tenths(average("avg_upheld_per_100k") ?? ""))
        }
    }

    /// The published public reports (public_reports.csv's bytes), in the table's order: what
    /// each authority's history page lists.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` when the table is not one this version writes.
    package static func publicReports(_ bytes: [UInt8]) throws -> [(year: ReportingYear, code: String, reference: String, decisionDate: Day)] {
        let table = try Table(TableFile.publicReports, bytes)
        return try table.records.map { record in
            func cell(_ name: String) -> String { record[table.index(name)] }
            let date = cell("decision_date").split(separator: "-").compactMap { Int($0) }
            guard let year = ReportingYear(label: cell("year")), date.count == 3,
                  let day = Day(year: date[0], month: date[1], day: date[2]) else {
                throw OutputError.readFailed(path: TableFile.publicReports.fileName,
                                             reason: "bad year or decision_date \(cell("year")), \(cell("decision_date"))")
            }
            return (year, cell("authority_code"), cell("reference"), day)
        }
    }

    /// England's published rows (national_year.csv's bytes), in the table's order (year).
    /// - Throws: ``OutputError/readFailed(path:reason:)`` when the table is not one this version writes.
    package static func national(nationalYear: [UInt8]) throws -> [PublishedNationalRow] {
        let table = try Table(TableFile.nationalYear, nationalYear)
        return try table.records.map { record in
            func cell(_ name: String) -> String { record[table.index(name)] }
            guard let year = ReportingYear(label: cell("year")) else {
                throw OutputError.readFailed(path: TableFile.nationalYear.fileName, reason: "bad year \(cell("year"))")
            }
            return PublishedNationalRow(
                year: year, receivedTotal: try whole(cell("received_total")),
                decisionsTotal: try whole(cell("decisions_total")), investigations: try whole(cell("investigations")),
                upheld: try whole(cell("upheld")), upholdRate: try optional(cell("uphold_rate")),
                satisfactoryRemedies: try whole(cell("satisfactory_remedies")),
                satisfactoryRemedyRate: try optional(cell("satisfactory_remedy_rate")),
                complianceOutcomes: try whole(cell("compliance_outcomes")),
                complianceRate: try optional(cell("compliance_rate")),
                lateComplianceRate: try optional(cell("late_compliance_rate")),
                publicReports: try whole(cell("public_reports")))
        }
    }

    /// A table's records under its checked header.
    private struct Table {
        let records: [[String]]
        private let columns: [String: Int]

        init(_ table: TableFile, _ bytes: [UInt8]) throws {
            var records = CSVFormat.records(bytes)
            guard let header = records.first, header == table.columns else {
                throw OutputError.readFailed(path: table.fileName, reason: "not this version's header")
            }
            records.removeFirst()
            guard records.allSatisfy({ $0.count == header.count }) else {
                throw OutputError.readFailed(path: table.fileName, reason: "a row with another number of cells")
            }
            self.records = records
            columns = Dictionary(uniqueKeysWithValues: header.enumerated().map { ($1, $0) })
        }

        // Only names of TableFile.columns are asked for, and the header is checked against them.
        func index(_ name: String) -> Int { columns[name]! }
    }

    private static func whole(_ text: String) throws -> Int {
        guard let value = Int(text) else { throw OutputError.readFailed(path: "table", reason: "not a number: \(text)") }
        return value
    }

    private static func optional(_ text: String) throws -> Int? {
        text.isEmpty ? nil : try whole(text)
    }

    /// `4.8` -> 48, `11.0` -> 110 (outputs.md writes one decimal place).
    private static func tenths(_ text: String) throws -> Int? {
        guard !text.isEmpty else { return nil }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, let whole = Int(parts[0]), parts[1].count == 1, let tenth = Int(parts[1]) else {
            throw OutputError.readFailed(path: "table", reason: "not a one-decimal figure: \(text)")
        }
        return whole * 10 + (whole < 0 || parts[0].hasPrefix("-") ? -tenth : tenth)
    }
}
