/// The data tables of a run (outputs.md), each computed from ``YearFigures`` through its
/// ``TableDefinition`` (`TableFile+Definitions.swift`).
///
/// Rows come in the order the figures hold them (years in order, authorities by code, types in
/// ``ComparisonType`` order, each authority's cases by date and reference); nothing is sorted or
/// filtered beyond what outputs.md states for `comparison.csv`. Adding a table is a case here,
/// its definition, and its rows in ``rows(of:)``.
package enum TableFile: String, CaseIterable, Sendable {
    /// `authority_year.csv`: one row per authority and year.
    case authorityYear = "authority_year.csv"
    /// `type_year.csv`: one row per comparison type and year.
    case typeYear = "type_year.csv"
    /// `comparison.csv`: each compared authority's headline figures beside its type's averages.
    case comparison = "comparison.csv"
    /// `national_year.csv`: England, every authority's counts summed, one row per year.
    case nationalYear = "national_year.csv"
    /// `area_year.csv`: England by service area, one row per year and area.
    case areaYear = "area_year.csv"
    /// `public_reports.csv`: every case with a public report.
    case publicReports = "public_reports.csv"
    /// `decisions.csv`: the cases behind the decision figures (partitions only).
    case decisions = "decisions.csv"
    /// `compliance.csv`: the cases behind the compliance figures (partitions only).
    case compliance = "compliance.csv"
    /// `service_improvements.csv`: the upheld cases with a service-improvement remedy (partitions only).
    case serviceImprovements = "service_improvements.csv"

    /// Whether the table is written in each year's partition only, with no top-level copy:
    /// the per-case tables, a row per case, which a copy would write twice (outputs.md).
    package var isPartitionOnly: Bool {
        switch self {
        case .decisions, .compliance, .serviceImprovements: true
        case .authorityYear, .typeYear, .comparison, .nationalYear, .areaYear, .publicReports: false
        }
    }

    /// The tables with a top-level file (every year's rows under one header) beside their partitions'.
    package static let topLevel = allCases.filter { !$0.isPartitionOnly }

    /// The file name inside the output folder.
    package var fileName: String { rawValue }

    /// The table's schema: columns, types, descriptions and keys.
    package var schema: TableSchema {
        switch self {
        case .authorityYear: Self.authorityYearTable.schema
        case .typeYear: Self.typeYearTable.schema
        case .comparison: Self.comparisonTable.schema
        case .nationalYear: Self.nationalYearTable.schema
        case .areaYear: Self.areaYearTable.schema
        case .publicReports: Self.publicReportsTable.schema
        case .decisions: Self.decisionsTable.schema
        case .compliance: Self.complianceTable.schema
        case .serviceImprovements: Self.serviceImprovementsTable.schema
        }
    }

    /// The header row's column names, in order.
    package var columns: [String] { schema.columnNames }

    /// The cells of each of the table's rows for `year`, in order.
    package func rows(of year: YearFigures) -> [[TableValue]] {
        var rows: [[TableValue]] = []
        forEachRow(of: year) { rows.append($0) }
        return rows
    }

    /// Calls `body` with the cells of each of the table's rows for `year`, in order, without
    /// holding them all (a per-case table has a row per case).
    package func forEachRow(of year: YearFigures, _ body: ([TableValue]) -> Void) {
        func each<Case>(_ list: KeyPath<AuthorityYearCases, [Case]>, _ definition: TableDefinition<CaseRow<Case>>) {
            var values: [TableValue] = []
            for row in year.authorities {
                let code = row.authority.code
                for c in row.cases[keyPath: list] {
                    definition.values(of: CaseRow(year: year.year, authorityCode: code, case: c), into: &values)
                    body(values)
                }
            }
        }
        switch self {
        case .decisions: each(\.decisions, Self.decisionsTable)
        case .compliance: each(\.compliance, Self.complianceTable)
        case .serviceImprovements: each(\.serviceImprovements, Self.serviceImprovementsTable)
        default: rows(ofWholeTable: year).forEach(body)
        }
    }

    private func rows(ofWholeTable year: YearFigures) -> [[TableValue]] {
        switch self {
        case .authorityYear: year.authorities.map { Self.authorityYearTable.values(of: $0) }
        case .typeYear: year.types.map { Self.typeYearTable.values(of: $0) }
        case .comparison: Self.comparedRows(of: year).map { Self.comparisonTable.values(of: $0) }
        case .nationalYear: [Self.nationalYearTable.values(of: year.national)]
        case .areaYear: year.areas.map { Self.areaYearTable.values(of: $0) }
        case .publicReports: year.publicReports.map { Self.publicReportsTable.values(of: $0) }
        case .decisions, .compliance, .serviceImprovements: []
        }
    }


    /// A row of `comparison.csv`: an authority's row of the year beside its type's averages.
    package struct ComparedRow: Sendable {
        /// The authority's row.
        package let row: AuthorityYearFigures
        /// Its comparison type.
        package let type: ComparisonType
        /// The type's figures in the year; nil when the authority is not current.
        package let averages: TypeYearFigures?
    }

    /// `comparison.csv`'s rows of `year`: every authority row with a comparison type, in order,
    /// with its type's averages when it is current.
    package static func comparedRows(of year: YearFigures) -> [ComparedRow] {
        year.authorities.compactMap { row in
            row.authority.comparisonType.map { ComparedRow(row: row, type: $0, averages: row.isCurrent ? year.figures(for: $0) : nil) }
        }
    }
}
