import Output
import PipelineModel

/// Invented cases behind a row's counts (``AuthorityYearFigures/cases``), for the pages and
/// `explain` while a run does not fill them yet: references, dates, sub-categories and remedies
/// are made up; only their numbers follow the row's counts.
package enum CaseFixtures {
    /// `row` with invented cases that account for its counts: one decision per case of each
    /// outcome (the first `counts.satisfactoryRemedies` upheld ones with a satisfactory
    /// remedy, the first `improvements` upheld ones with a service improvement), one
    /// compliance outcome per complied, complied late and not complied case, references
    /// numbered from `first` and dates a day apart from the year's 1 April, each list sorted by
    /// date and reference as outputs.md sorts its table.
    package static func withCases(_ row: AuthorityYearFigures, first: UInt32 = 23_000_001, improvements: Int = 0)
        -> AuthorityYearFigures {
        var filled = row
        filled.cases = cases(row.counts, in: row.year, first: first, improvements: improvements)
        return filled
    }

    /// `year` with every authority's row given invented cases (``withCases(_:first:improvements:)``),
    /// references a thousand apart from one authority to the next, `improvements` of each
    /// authority's upheld cases (at most) with a service improvement.
    package static func withCases(_ year: YearFigures, improvements: Int = 0) -> YearFigures {
        let first = UInt32(year.year.startYear % 100) * 1_000_000 + 1
        let rows = year.authorities.enumerated().map { i, row in
            withCases(row, first: first + UInt32(i) * 1000, improvements: improvements)
        }
        return YearFigures(year: year.year, authorities: rows, types: year.types, national: year.national, areas: year.areas,
                           publicReports: year.publicReports)
    }

    /// Invented cases that account for `counts` in `year`, as ``withCases(_:first:improvements:)`` makes them.
    package static func cases(_ counts: AuthorityYearCounts, in year: ReportingYear, first: UInt32 = 23_000_001,
                              improvements: Int = 0) -> AuthorityYearCases {
        var reference = first
        var offset: Int32 = 0
        func next() -> (UInt32, Day) {
            defer { reference += 1; offset += 1 }
            return (reference, Day(daysSinceEpoch: year.firstDay.daysSinceEpoch + offset % 365))
        }
        var decisions: [DecidedCase] = [], improved: [ServiceImprovementCase] = []
        var remedied = 0
        let areas = ServiceArea.allCases
        for outcome in Outcome.allCases {
            for _ in 0 ..< counts.outcomes[outcome.rawValue] {
                let (number, day) = next()
                let upheld = outcome == .upheld
                let remedy = upheld && remedied < counts.satisfactoryRemedies
                let improves = upheld && improved.count < improvements
                if remedy { remedied += 1 }
                let area = areas[Int(number) % areas.count]
                decisions.append(DecidedCase(reference: number, decisionDate: day, area: area, outcome: outcome,
                                             satisfactoryRemedy: remedy, publicReport: false, serviceImprovement: improves))
                if improves {
                    improved.append(ServiceImprovementCase(reference: number, decisionDate: day, area: area,
                                                           subcategory: "Invented sub-category \(improved.count + 1)",
                                                           remedy: "Apology; Procedure or policy change/review"))
                }
            }
        }
        var compliance: [ComplianceCase] = []
        for (outcome, count) in [(ComplianceOutcome.complied, counts.complied), (.compliedLate, counts.compliedLate),
                                 (.notComplied, counts.notComplied)] {
            for _ in 0 ..< count {
                let (number, day) = next()
                compliance.append(ComplianceCase(reference: number, complianceDate: day, outcome: outcome))
            }
        }
        return AuthorityYearCases(
            decisions: decisions.sorted { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) },
            compliance: compliance.sorted { ($0.complianceDate, $0.reference) < ($1.complianceDate, $1.reference) },
            serviceImprovements: improved.sorted { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) })
    }
}

/// The per-case tables' bytes as a partition holds them, written through their definitions.
package enum CaseTables {
    /// The file of `table` holding `rows`: its header, then a record per row.
    package static func bytes<Row>(_ table: TableDefinition<Row>, _ rows: [Row]) -> [UInt8] {
        var bytes = table.schema.header
        for row in rows { TableSchema.appendRecord(table.values(of: row), to: &bytes) }
        return bytes
    }

    /// `year`'s rows of `decisions.csv`, `compliance.csv` and `service_improvements.csv` from its
    /// authorities' cases, by authority code as the tables sort them.
    package static func files(of year: YearFigures) -> [(name: String, bytes: [UInt8])] {
        let rows = year.authorities.sorted { $0.authority.code < $1.authority.code }
        func caseRows<Case>(_ cases: (AuthorityYearCases) -> [Case]) -> [CaseRow<Case>] {
            rows.flatMap { row in cases(row.cases).map { CaseRow(year: year.year, authorityCode: row.authority.code, case: $0) } }
        }
        return [
            (TableFile.decisionsTable.schema.fileName, bytes(TableFile.decisionsTable, caseRows(\.decisions))),
            (TableFile.complianceTable.schema.fileName, bytes(TableFile.complianceTable, caseRows(\.compliance))),
            (TableFile.serviceImprovementsTable.schema.fileName,
             bytes(TableFile.serviceImprovementsTable, caseRows(\.serviceImprovements))),
        ]
    }
}
