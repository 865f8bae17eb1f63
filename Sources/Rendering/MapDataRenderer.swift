package import PipelineModel

/// Writes the data behind the "Your council's performance" map: one JSON file per year with
/// every authority's figures, its type's averages and the values its letter prints.
///
/// The layout is described by `pipelines/schemas/map-year.schema.json` (JSON Schema 2020-12),
/// which the tests validate every file against. A value with no value (a rate whose denominator
/// is 0, an unknown population) is `null`, as in the CSV outputs; `averages` is `null` for an
/// authority that is not current or has no comparison type, and `letter` holds the strings as
/// the letter prints them (`0%`, `n/a`).
package enum MapDataRenderer {
    /// The schema's path in the repository.
    package static let schemaPath = "pipelines/schemas/map-year.schema.json"

    /// `map/{year}.json` for one year.
    package static func mapFile(_ year: YearFigures, method: AveragingMethod) -> Artefact {
        Artefact(path: "map/\(year.year.label).json", bytes: yearJSON(year, method: method).compactBytes(), year: year.year)
    }

    static func yearJSON(_ year: YearFigures, method: AveragingMethod) -> JSONText {
        .object([
            ("year", .string(year.year.label)),
            ("period", .object([
                ("start", .string(year.year.firstDay.description)),
                ("end", .string(year.year.lastDay.description)),
            ])),
            ("method", .string(method.rawValue)),
            ("national", nationalJSON(year)),
            ("types", .array(year.types.map(typeJSON))),
            ("authorities", .array(year.authorities.map { authorityJSON($0, year: year) })),
        ])
    }

    /// England in the year (`national_year.csv`'s row) with its service areas (`area_year.csv`'s).
    static func nationalJSON(_ year: YearFigures) -> JSONText {
        let n = year.national
        let c = n.counts
        return .object([
            ("received_total", .integer(c.receivedTotal)),
            ("decisions_total", .integer(c.decisionsTotal)),
            ("decisions", .object(Outcome.allCases.map { ($0.column, .integer(c.outcomes[$0.rawValue])) })),
            ("investigations", .integer(c.investigations)),
            ("upheld", .integer(c.upheld)),
            ("uphold_rate", .integer(n.upholdRate)),
            ("satisfactory_remedies", .integer(c.satisfactoryRemedies)),
            ("satisfactory_remedy_rate", .integer(n.satisfactoryRemedyRate)),
            ("compliance_outcomes", .integer(c.complianceOutcomes)),
            ("complied", .integer(c.complied)),
            ("complied_late", .integer(c.compliedLate)),
            ("not_complied", .integer(c.notComplied)),
            ("compliance_rate", .integer(n.complianceRate)),
            ("late_compliance_rate", .integer(n.lateComplianceRate)),
            ("public_reports", .integer(c.publicReports)),
            ("areas", .array(year.areas.map(areaJSON))),
        ])
    }

    static func areaJSON(_ a: AreaYearFigures) -> JSONText {
        let d = a.decisions
        return .object([
            ("service_area", .string(a.area.name)),
            ("received", .integer(a.received)),
            ("decisions_total", .integer(d.decisions)),
            ("not_upheld", .integer(d.notUpheld)),
            ("upheld", .integer(d.upheld)),
            ("investigations", .integer(d.investigations)),
            ("uphold_rate", .integer(a.upholdRate)),
            ("share_of_investigations", .integer(a.shareOfInvestigations)),
            ("satisfactory_remedies", .integer(d.satisfactoryRemedies)),
            ("public_reports", .integer(d.publicReports)),
        ])
    }

    static func typeJSON(_ t: TypeYearFigures) -> JSONText {
        .object([
            ("type", .string(t.type.name)),
            ("authorities", .integer(t.authorities)),
            ("investigations", .integer(t.investigations)),
            ("upheld", .integer(t.upheld)),
            ("satisfactory_remedies", .integer(t.satisfactoryRemedies)),
            ("compliance_outcomes", .integer(t.complianceOutcomes)),
            ("compliant", .integer(t.compliant)),
            ("population", .integer(t.population)),
            ("averages", averagesJSON(t)),
        ])
    }

    static func averagesJSON(_ t: TypeYearFigures) -> JSONText {
        .object([
            ("uphold_rate", .integer(t.averageUpholdRate)),
            ("satisfactory_remedy_rate", .integer(t.averageSatisfactoryRemedyRate)),
            ("compliance_rate", .integer(t.averageComplianceRate)),
            ("upheld_per_100k", .tenths(t.averageUpheldPer100kTenths)),
        ])
    }

    static func authorityJSON(_ row: AuthorityYearFigures, year: YearFigures) -> JSONText {
        let a = row.authority
        let c = row.counts
        let averages = ReportRenderer.averages(of: row, in: year)
        let letter = LetterFields(row, types: year)
        return .object([
            ("code", .string(a.code)),
            ("name", .string(a.officialName)),
            ("gss_code", .string(a.gssCode.isEmpty ? nil : a.gssCode)),
            ("type", .string(a.comparisonType?.name)),
            ("register_type", .string(a.registerType)),
            ("current", .bool(row.isCurrent)),
            ("replaced_by", .array(a.replacedBy.map { .string($0) })),
            ("figures", .object([
                ("received_total", .integer(c.receivedTotal)),
                ("received", .object(ServiceArea.allCases.map { ($0.column, .integer(c.received[$0.rawValue])) })),
                ("decisions_total", .integer(c.decisionsTotal)),
                ("decisions", .object(Outcome.allCases.map { ($0.column, .integer(c.outcomes[$0.rawValue])) })),
                ("investigations", .integer(c.investigations)),
                ("upheld", .integer(c.upheld)),
                ("uphold_rate", .integer(row.upholdRate)),
                ("satisfactory_remedies", .integer(c.satisfactoryRemedies)),
                ("satisfactory_remedy_rate", .integer(row.satisfactoryRemedyRate)),
                ("compliance_outcomes", .integer(c.complianceOutcomes)),
                ("complied", .integer(c.complied)),
                ("complied_late", .integer(c.compliedLate)),
                ("not_complied", .integer(c.notComplied)),
                ("compliance_rate", .integer(row.complianceRate)),
                ("public_reports", .integer(c.publicReports)),
                ("population", .integer(row.population.flatMap { $0 > 0 ? $0 : nil })),
                ("upheld_per_100k", .tenths(row.upheldPer100kTenths)),
            ])),
            ("averages", averages.map(averagesJSON) ?? .null),
            ("letter", .object([
                ("uphold", .string(letter.uphold)),
                ("uphold_average", .string(letter.upholdAverage)),
                ("upheld", .integer(letter.upheld)),
                ("upheld_per_100k", .string(letter.per100k?.value)),
                ("upheld_per_100k_average", .string(letter.per100k?.average)),
                ("investigations", .integer(letter.investigations)),
                ("compliance", .string(letter.compliance)),
                ("compliance_average", .string(letter.complianceAverage)),
                ("compliance_outcomes", .integer(letter.complianceOutcomes)),
                ("council", .string(letter.council)),
                ("detailed", .bool(letter.detailed)),
                ("remedy", .string(letter.remedy)),
                ("remedy_average", .string(letter.remedyAverage)),
                ("satisfactory_remedies", .integer(letter.satisfactoryRemedies)),
                ("period_start_year", .string(letter.y1)),
                ("period_end_year", .string(letter.y2)),
            ])),
        ])
    }
}
