/// The data tables of a run (outputs.md), each computed from ``YearFigures`` through its
/// ``TableDefinition`` (`TableFile+Definitions.swift`).
///
/// Rows come in the order the figures hold them (years in order, authorities by code, types in
/// ``ComparisonType`` order, each authority's cases by date and reference); nothing is sorted or
/// filtered beyond what outputs.md states for `comparison.csv`. Adding a table is a case here,
/// its definition, and its rows in `forEachRow(of:_:)`.
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
        var values = ValueCollector()
        forEachRow(of: year, &values)
        return values.rows
    }

    /// Appends a record (``TableDefinition/appendRecord(of:to:year:)``) for each of the table's
    /// rows for `year` to `buffer`, in order, without holding the rows or their cells: a per-case
    /// table has a row per case.
    package func appendRecords(of year: YearFigures, to buffer: inout [UInt8]) {
        CSVRecordBuffer.with(&buffer) { bytes in
            // Pointed to, not copied: it holds the table's one array.
            withUnsafeMutablePointer(to: &bytes) { bytes in
                var records = RecordAppender(buffer: bytes)
                forEachRow(of: year, &records)
            }
        }
    }

    /// Calls `visitor` with each of the table's rows for `year`, in order, typed by its definition,
    /// after telling it how many there are.
    private func forEachRow(of year: YearFigures, _ visitor: inout some TableRowVisitor) {
        func each<Row>(_ rows: [Row], _ definition: TableDefinition<Row>) {
            visitor.expect(rows.count)
            for row in rows { visitor.visit(row, of: definition) }
        }
        func each<Case>(_ list: (AuthorityYearCases) -> [Case], _ definition: TableDefinition<CaseRow<Case>>) {
            visitor.expect(year.authorities.reduce(0) { $0 + list($1.cases).count })
            for row in year.authorities {
                let code = row.authority.code
                for c in list(row.cases) { visitor.visit(CaseRow(year: year.year, authorityCode: code, case: c), of: definition) }
            }
        }
        switch self {
        case .authorityYear: each(year.authorities, Self.authorityYearTable)
        case .typeYear: each(year.types, Self.typeYearTable)
        case .comparison: each(Self.comparedRows(of: year), Self.comparisonTable)
        case .nationalYear: each([year.national], Self.nationalYearTable)
        case .areaYear: each(year.areas, Self.areaYearTable)
        case .publicReports: each(year.publicReports, Self.publicReportsTable)
        case .decisions: each(\.decisions, Self.decisionsTable)
        case .compliance: each(\.compliance, Self.complianceTable)
        case .serviceImprovements: each(\.serviceImprovements, Self.serviceImprovementsTable)
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

/// What ``TableFile``'s rows are given to, each typed with the definition that computes its cells.
private protocol TableRowVisitor {
    /// The number of rows that follow, of one table.
    mutating func expect(_ rows: Int)
    /// One row of the table `definition` defines.
    mutating func visit<Row>(_ row: Row, of definition: TableDefinition<Row>)
}

/// Every row's cells, as ``TableValue``s.
private struct ValueCollector: TableRowVisitor {
    var rows: [[TableValue]] = []

    mutating func expect(_ rows: Int) { self.rows.reserveCapacity(self.rows.count + rows) }

    mutating func visit<Row>(_ row: Row, of definition: TableDefinition<Row>) { rows.append(definition.values(of: row)) }
}

/// Every row as a CSV record appended to one buffer.
private struct RecordAppender: TableRowVisitor {
    /// The rows after which the rest are reserved at the size of a typical row.
    private static let sample = 256

    /// Where the records are written, for as long as the appender is used.
    let buffer: UnsafeMutablePointer<CSVRecordBuffer>
    private var year = YearLabelCache()
    private var expected = 0
    private var written = 0
    private var start = 0

    init(buffer: UnsafeMutablePointer<CSVRecordBuffer>) { self.buffer = buffer }

    mutating func expect(_ rows: Int) {
        expected = rows
        written = 0
        start = buffer.pointee.count
    }

    mutating func visit<Row>(_ row: Row, of definition: TableDefinition<Row>) {
        definition.appendRecord(of: row, to: &buffer.pointee, year: &year)
        written += 1
        // Reserved once, with an eighth to spare, rather than grown by doubling (a copy of the
        // whole table each time, and half of it spare at the end).
        if written == Self.sample, expected > written {
            let typical = (buffer.pointee.count - start + written - 1) / written
            buffer.pointee.reserveCapacity((expected - written) * typical * 9 / 8)
        }
    }
}
