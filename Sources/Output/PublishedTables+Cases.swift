import Foundation
package import PipelineModel

// The per-case tables of a year's partition (`decisions.csv`, `compliance.csv`,
// `service_improvements.csv`) read back as the model's cases, through their definitions'
// schemas: the service improvements of the years a run carries over, and what
// `annual-review explain` prints.
extension PublishedTables {
    /// Every service improvement of `years` (and of `computed`), by year: from `computed`'s
    /// cases for the years the run computed, otherwise read from the year's partition of the
    /// publication in `currentFolder`. A partition without `service_improvements.csv` (published
    /// by a version before it) has none.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` naming the file, the line and the
    ///   reason when the table is not one this version writes, or a year to read has no
    ///   current publication.
    package static func serviceImprovements(of years: [ReportingYear], computed: [YearFigures],
                                            currentFolder: String?) throws -> [CaseRow<ServiceImprovementCase>] {
        let figures = Dictionary(computed.map { ($0.year, $0) }, uniquingKeysWith: { _, later in later })
        var rows: [CaseRow<ServiceImprovementCase>] = []
        for year in Set(years).union(figures.keys).sorted() {
            if let figures = figures[year] {
                for row in figures.authorities {
                    rows += row.cases.serviceImprovements.map { CaseRow(year: year, authorityCode: row.authority.code, case: $0) }
                }
                continue
            }
            let schema = TableFile.serviceImprovementsTable.schema
            let relative = CurrentPublication.partitionFolder(of: year) + "/" + schema.fileName
            guard let currentFolder else {
                throw OutputError.readFailed(path: relative, reason: "the year was not computed and there is no current publication")
            }
            let path = currentFolder + "/" + relative
            guard FileManager.default.fileExists(atPath: path) else { continue }
            rows += try caseRows(schema, at: path, serviceImprovement)
        }
        return rows
    }

    /// The rows of the per-case table `schema` in the file at `path`, each made a case by `make`.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` naming `path`, the line and the reason.
    package static func caseRows<Case>(_ schema: TableSchema, at path: String,
                                       _ make: (TableRow) throws -> CaseRow<Case>) throws -> [CaseRow<Case>] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OutputError.readFailed(path: path, reason: "cannot read the partition's table")
        }
        do {
            return try rows(of: schema, [UInt8](data), path: path).map(make)
        } catch let mismatch as TableRow.Mismatch {
            throw OutputError.readFailed(path: path, reason: "line \(mismatch.line ?? 0): column \(mismatch.column): \(mismatch.reason)")
        } catch let cell as CellError {
            throw OutputError.readFailed(path: path, reason: "line \(cell.line ?? 0): column \(cell.column): \(cell.reason)")
        }
    }

    /// A row of `decisions.csv`.
    package static func decidedCase(_ row: TableRow) throws -> CaseRow<DecidedCase> {
        let outcome = try named(Outcome.allCases, \.column, row, "outcome")
        let remedy = try row.value("satisfactory_remedy")
        return CaseRow(year: try row.year("year"), authorityCode: try row.text("authority_code"), case: DecidedCase(
            reference: try reference(row), decisionDate: try row.day("decision_date"), area: try area(row, "service_area"),
            outcome: outcome, satisfactoryRemedy: remedy == .boolean(true), publicReport: try row.boolean("public_report"),
            serviceImprovement: try row.boolean("service_improvement")))
    }

    /// A row of `compliance.csv`.
    package static func complianceCase(_ row: TableRow) throws -> CaseRow<ComplianceCase> {
        CaseRow(year: try row.year("year"), authorityCode: try row.text("authority_code"), case: ComplianceCase(
            reference: try reference(row), complianceDate: try row.day("compliance_date"),
            outcome: try named(ComplianceOutcome.allCases.filter(\.isOutcome), \.column, row, "outcome")))
    }

    /// A row of `service_improvements.csv`.
    package static func serviceImprovement(_ row: TableRow) throws -> CaseRow<ServiceImprovementCase> {
        CaseRow(year: try row.year("year"), authorityCode: try row.text("authority_code"), case: ServiceImprovementCase(
            reference: try reference(row), decisionDate: try row.day("decision_date"), area: try area(row, "category"),
            subcategory: try row.text("subcategory"), remedy: try row.text("remedy")))
    }

    private static func reference(_ row: TableRow) throws -> UInt32 {
        let text = try row.text("reference")
        guard let reference = CaseReference.parse(text) else {
            throw CellError(line: row.line, column: "reference", reason: "not a reference: \(text)")
        }
        return reference
    }

    /// The service area named in `column`; an empty cell (no rule knew the category) is "Other".
    private static func area(_ row: TableRow, _ column: String) throws -> ServiceArea {
        try row.text(column).isEmpty ? .other : named(ServiceArea.allCases, \.name, row, column)
    }

    private static func named<Value>(_ values: [Value], _ name: KeyPath<Value, String>, _ row: TableRow,
                                     _ column: String) throws -> Value {
        let text = try row.text(column)
        guard let value = values.first(where: { $0[keyPath: name] == text }) else {
            throw CellError(line: row.line, column: column, reason: "not one of ours: \(text)")
        }
        return value
    }

    /// A cell that is of its column's type but not a value of ours (a reference, an outcome).
    private struct CellError: Error {
        let line: Int?, column: String, reason: String
    }
}
