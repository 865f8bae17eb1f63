package import PipelineModel

/// The data tables of a run (outputs.md), each rendered from ``AnnualFigures`` to the
/// exact bytes that downstream publishing reads.
///
/// Rows come out in the order the figures hold them (years in order, authorities by code,
/// types in ``ComparisonType`` order); the renderer neither sorts nor filters beyond what
/// outputs.md states for `comparison.csv`.
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

    /// The file name inside the output folder.
    package var fileName: String { rawValue }

    /// The header row's column names, in order.
    package var columns: [String] {
        switch self {
        case .authorityYear:
            ["year", "authority_code", "authority_name", "comparison_type", "current", "received_total"]
                + ServiceArea.allCases.map(\.column)
                + ["decisions_total"]
                + Outcome.allCases.map(\.column)
                + ["investigations", "uphold_rate", "satisfactory_remedies", "satisfactory_remedy_rate",
                   "compliance_outcomes", "complied", "complied_late", "not_complied", "compliance_rate",
                   "public_reports", "population", "upheld_per_100k"]
        case .typeYear:
            ["year", "comparison_type", "method", "authorities", "investigations", "upheld",
             "satisfactory_remedies", "compliance_outcomes", "compliant", "population",
             "avg_uphold_rate", "avg_satisfactory_remedy_rate", "avg_compliance_rate",
             "avg_upheld_per_100k"]
        case .comparison:
            ["year", "authority_code", "authority_name", "comparison_type", "uphold_rate",
             "avg_uphold_rate", "satisfactory_remedy_rate", "avg_satisfactory_remedy_rate",
             "compliance_rate", "avg_compliance_rate", "upheld_per_100k", "avg_upheld_per_100k"]
        case .nationalYear:
            ["year", "received_total"]
                + ServiceArea.allCases.map(\.column)
                + ["decisions_total"]
                + Outcome.allCases.map(\.column)
                + ["investigations", "uphold_rate", "satisfactory_remedies", "satisfactory_remedy_rate",
                   "compliance_outcomes", "complied", "complied_late", "not_complied", "compliance_rate",
                   "late_compliance_rate", "public_reports"]
        case .areaYear:
            ["year", "service_area", "received", "decisions_total", "not_upheld", "upheld", "investigations",
             "uphold_rate", "share_of_investigations", "satisfactory_remedies", "public_reports"]
        case .publicReports:
            ["year", "authority_code", "authority_name", "reference", "decision_date", "category", "subcategory",
             "decision", "remedy", "summary"]
        }
    }

    /// The whole file (header and rows) for `figures`.
    package func render(_ figures: AnnualFigures) -> [UInt8] {
        var buffer = header
        for year in figures.years { appendRows(of: year, to: &buffer) }
        return buffer
    }

    /// The file of one year's partition: the header and that year's rows only.
    ///
    /// The header followed by every year's rows without their headers, in year order, is
    /// ``render(_:)`` of those years byte for byte (``YearPartitions`` relies on it).
    package func render(_ year: YearFigures) -> [UInt8] {
        var buffer = header
        appendRows(of: year, to: &buffer)
        return buffer
    }

    /// The header row's bytes, ended by LF.
    package var header: [UInt8] { CSVFormat.record(columns) }

    private func appendRows(of year: YearFigures, to buffer: inout [UInt8]) {
        switch self {
        case .authorityYear:
            for row in year.authorities {
                CSVFormat.appendRecord(Self.authorityYearCells(row), to: &buffer)
            }
        case .typeYear:
            for row in year.types {
                CSVFormat.appendRecord(Self.typeYearCells(row), to: &buffer)
            }
        case .comparison:
            for row in year.authorities {
                guard let type = row.authority.comparisonType else { continue }
                let averages = row.isCurrent ? year.figures(for: type) : nil
                CSVFormat.appendRecord(Self.comparisonCells(row, type: type, averages: averages), to: &buffer)
            }
        case .nationalYear:
            CSVFormat.appendRecord(Self.nationalYearCells(year.national), to: &buffer)
        case .areaYear:
            for row in year.areas {
                CSVFormat.appendRecord(Self.areaYearCells(row), to: &buffer)
            }
        case .publicReports:
            for row in year.publicReports {
                CSVFormat.appendRecord(Self.publicReportCells(row), to: &buffer)
            }
        }
    }

    /// One decimal place from tenths, as outputs.md prints per-100,000 figures (48 -> `4.8`,
    /// 110 -> `11.0`, 0 -> `0.0`).
    package static func formatTenths(_ tenths: Int) -> String {
        let sign = tenths < 0 ? "-" : ""
        let m = tenths.magnitude
        return "\(sign)\(m / 10).\(m % 10)"
    }

    // MARK: - Cells

    static func authorityYearCells(_ row: AuthorityYearFigures) -> [String] {
        let c = row.counts
        var cells: [String] = [
            row.year.label, row.authority.code, row.authority.officialName,
            row.authority.comparisonType?.name ?? "", row.isCurrent ? "true" : "false",
            String(c.receivedTotal),
        ]
        cells.reserveCapacity(34)
        cells += c.received.map(String.init)
        cells.append(String(c.decisionsTotal))
        cells += c.outcomes.map(String.init)
        cells += [
            String(c.investigations), cell(row.upholdRate),
            String(c.satisfactoryRemedies), cell(row.satisfactoryRemedyRate),
            String(c.complianceOutcomes), String(c.complied), String(c.compliedLate), String(c.notComplied),
            cell(row.complianceRate),
            String(c.publicReports),
            // The oracle writes `pop if pop else ""`: a population of 0 is as good as unknown
            // (it has no per-100,000 figure either), so it prints empty too.
            cell(row.population.flatMap { $0 > 0 ? $0 : nil }),
            tenthsCell(row.upheldPer100kTenths),
        ]
        return cells
    }

    static func typeYearCells(_ row: TypeYearFigures) -> [String] {
        [
            row.year.label, row.type.name, row.method.rawValue, String(row.authorities),
            String(row.investigations), String(row.upheld), String(row.satisfactoryRemedies),
            String(row.complianceOutcomes), String(row.compliant), cell(row.population),
            cell(row.averageUpholdRate), cell(row.averageSatisfactoryRemedyRate),
            cell(row.averageComplianceRate), tenthsCell(row.averageUpheldPer100kTenths),
        ]
    }

    static func comparisonCells(_ row: AuthorityYearFigures, type: ComparisonType,
                                averages: TypeYearFigures?) -> [String] {
        [
            row.year.label, row.authority.code, row.authority.officialName, type.name,
            cell(row.upholdRate), cell(averages?.averageUpholdRate),
            cell(row.satisfactoryRemedyRate), cell(averages?.averageSatisfactoryRemedyRate),
            cell(row.complianceRate), cell(averages?.averageComplianceRate),
            tenthsCell(row.upheldPer100kTenths), tenthsCell(averages?.averageUpheldPer100kTenths),
        ]
    }

    static func nationalYearCells(_ row: NationalYearFigures) -> [String] {
        let c = row.counts
        return [row.year.label, String(c.receivedTotal)]
            + c.received.map(String.init)
            + [String(c.decisionsTotal)]
            + c.outcomes.map(String.init)
            + [
                String(c.investigations), cell(row.upholdRate),
                String(c.satisfactoryRemedies), cell(row.satisfactoryRemedyRate),
                String(c.complianceOutcomes), String(c.complied), String(c.compliedLate), String(c.notComplied),
                cell(row.complianceRate), cell(row.lateComplianceRate), String(c.publicReports),
            ]
    }

    static func areaYearCells(_ row: AreaYearFigures) -> [String] {
        let d = row.decisions
        return [
            row.year.label, row.area.name, String(row.received), String(d.decisions), String(d.notUpheld),
            String(d.upheld), String(d.investigations), cell(row.upholdRate), cell(row.shareOfInvestigations),
            String(d.satisfactoryRemedies), String(d.publicReports),
        ]
    }

    static func publicReportCells(_ row: PublicReportCase) -> [String] {
        [
            row.year.label, row.authority.code, row.authority.officialName, row.referenceText,
            row.decisionDate.description, row.area.name, row.text.subcategory, row.text.decision, row.text.remedy,
            row.text.summary,
        ]
    }

    private static func cell(_ value: Int?) -> String { value.map(String.init) ?? "" }

    private static func tenthsCell(_ value: Int?) -> String { value.map(formatTenths) ?? "" }
}
