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
        Artefact(path: "map/\(year.year.label).json", bytes: yearJSON(year, method: method), year: year.year)
    }

    /// The year's file: compact JSON, ending with a line feed.
    static func yearJSON(_ year: YearFigures, method: AveragingMethod) -> [UInt8] {
        // Each authority takes about 1,300 bytes.
        var json = CompactJSON(capacity: 4096 + year.authorities.count * 1400)
        json.beginObject()
        json.key("year"); json.string(year.year.label)
        json.key("period")
        json.beginObject()
        json.key("start"); json.string(year.year.firstDay.description)
        json.key("end"); json.string(year.year.lastDay.description)
        json.endObject()
        json.key("method"); json.string(method.rawValue)
        json.key("national"); national(year, into: &json)
        json.key("types")
        json.beginArray()
        for type in year.types { typeFigures(type, into: &json) }
        json.endArray()
        json.key("authorities")
        json.beginArray()
        for row in year.authorities { authority(row, year: year, into: &json) }
        json.endArray()
        json.endObject()
        var bytes = json.bytes
        bytes.append(0x0A)
        return bytes
    }

    /// England in the year (`national_year.csv`'s row) with its service areas (`area_year.csv`'s).
    static func national(_ year: YearFigures, into json: inout CompactJSON) {
        let n = year.national
        let c = n.counts
        json.beginObject()
        json.key("received_total"); json.integer(c.receivedTotal)
        decisionFigures(c, upholdRate: n.upholdRate, satisfactoryRemedyRate: n.satisfactoryRemedyRate,
                        complianceRate: n.complianceRate, into: &json)
        json.key("late_compliance_rate"); json.integer(n.lateComplianceRate)
        json.key("public_reports"); json.integer(c.publicReports)
        json.key("areas")
        json.beginArray()
        for area in year.areas { self.area(area, into: &json) }
        json.endArray()
        json.endObject()
    }

    /// The members England's figures and an authority's share, from `decisions_total` to
    /// `compliance_rate`: the counts `c` with the three rates.
    static func decisionFigures(_ c: AuthorityYearCounts, upholdRate: Int?, satisfactoryRemedyRate: Int?, complianceRate: Int?,
                                into json: inout CompactJSON) {
        json.key("decisions_total"); json.integer(c.decisionsTotal)
        json.key("decisions"); outcomes(c.outcomes, into: &json)
        json.key("investigations"); json.integer(c.investigations)
        json.key("upheld"); json.integer(c.upheld)
        json.key("uphold_rate"); json.integer(upholdRate)
        json.key("satisfactory_remedies"); json.integer(c.satisfactoryRemedies)
        json.key("satisfactory_remedy_rate"); json.integer(satisfactoryRemedyRate)
        json.key("compliance_outcomes"); json.integer(c.complianceOutcomes)
        json.key("complied"); json.integer(c.complied)
        json.key("complied_late"); json.integer(c.compliedLate)
        json.key("not_complied"); json.integer(c.notComplied)
        json.key("compliance_rate"); json.integer(complianceRate)
    }

    /// The decisions by outcome, each under its column's name (`counts` by ``Outcome`` raw value).
    static func outcomes(_ counts: [Int], into json: inout CompactJSON) {
        json.beginObject()
        for outcome in Outcome.allCases {
            json.key(outcome.column)
            json.integer(counts[outcome.rawValue])
        }
        json.endObject()
    }

    static func area(_ a: AreaYearFigures, into json: inout CompactJSON) {
        let d = a.decisions
        json.beginObject()
        json.key("service_area"); json.string(a.area.name)
        json.key("received"); json.integer(a.received)
        json.key("decisions_total"); json.integer(d.decisions)
        json.key("not_upheld"); json.integer(d.notUpheld)
        json.key("upheld"); json.integer(d.upheld)
        json.key("investigations"); json.integer(d.investigations)
        json.key("uphold_rate"); json.integer(a.upholdRate)
        json.key("share_of_investigations"); json.integer(a.shareOfInvestigations)
        json.key("satisfactory_remedies"); json.integer(d.satisfactoryRemedies)
        json.key("public_reports"); json.integer(d.publicReports)
        json.endObject()
    }

    static func typeFigures(_ t: TypeYearFigures, into json: inout CompactJSON) {
        json.beginObject()
        json.key("type"); json.string(t.type.name)
        json.key("authorities"); json.integer(t.authorities)
        json.key("investigations"); json.integer(t.investigations)
        json.key("upheld"); json.integer(t.upheld)
        json.key("satisfactory_remedies"); json.integer(t.satisfactoryRemedies)
        json.key("compliance_outcomes"); json.integer(t.complianceOutcomes)
        json.key("compliant"); json.integer(t.compliant)
        json.key("population"); json.integer(t.population)
        json.key("averages"); averages(t, into: &json)
        json.endObject()
    }

    static func averages(_ t: TypeYearFigures, into json: inout CompactJSON) {
        json.beginObject()
        json.key("uphold_rate"); json.integer(t.averageUpholdRate)
        json.key("satisfactory_remedy_rate"); json.integer(t.averageSatisfactoryRemedyRate)
        json.key("compliance_rate"); json.integer(t.averageComplianceRate)
        json.key("upheld_per_100k"); json.tenths(t.averageUpheldPer100kTenths)
        json.endObject()
    }

    static func authority(_ row: AuthorityYearFigures, year: YearFigures, into json: inout CompactJSON) {
        let a = row.authority
        let c = row.counts
        let letter = LetterFields(row, types: year)
        json.beginObject()
        json.key("code"); json.string(a.code)
        json.key("name"); json.string(a.officialName)
        json.key("gss_code"); json.string(a.gssCode.isEmpty ? nil : a.gssCode)
        json.key("type"); json.string(a.comparisonType?.name)
        json.key("register_type"); json.string(a.registerType)
        json.key("current"); json.bool(row.isCurrent)
        json.key("replaced_by")
        json.beginArray()
        for code in a.replacedBy { json.string(code) }
        json.endArray()
        json.key("figures")
        json.beginObject()
        json.key("received_total"); json.integer(c.receivedTotal)
        json.key("received")
        json.beginObject()
        for area in ServiceArea.allCases {
            json.key(area.column)
            json.integer(c.received[area.rawValue])
        }
        json.endObject()
        decisionFigures(c, upholdRate: row.upholdRate, satisfactoryRemedyRate: row.satisfactoryRemedyRate,
                        complianceRate: row.complianceRate, into: &json)
        json.key("public_reports"); json.integer(c.publicReports)
        json.key("population"); json.integer(row.population.flatMap { $0 > 0 ? $0 : nil })
        json.key("upheld_per_100k"); json.tenths(row.upheldPer100kTenths)
        json.endObject()
        json.key("averages")
        if let averages = ReportRenderer.averages(of: row, in: year) { self.averages(averages, into: &json) } else { json.null() }
        json.key("letter")
        json.beginObject()
        json.key("uphold"); json.string(letter.uphold)
        json.key("uphold_average"); json.string(letter.upholdAverage)
        json.key("upheld"); json.integer(letter.upheld)
        json.key("upheld_per_100k"); json.string(letter.per100k?.value)
        json.key("upheld_per_100k_average"); json.string(letter.per100k?.average)
        json.key("investigations"); json.integer(letter.investigations)
        json.key("compliance"); json.string(letter.compliance)
        json.key("compliance_average"); json.string(letter.complianceAverage)
        json.key("compliance_outcomes"); json.integer(letter.complianceOutcomes)
        json.key("council"); json.string(letter.council)
        json.key("detailed"); json.bool(letter.detailed)
        json.key("remedy"); json.string(letter.remedy)
        json.key("remedy_average"); json.string(letter.remedyAverage)
        json.key("satisfactory_remedies"); json.integer(letter.satisfactoryRemedies)
        json.key("period_start_year"); json.string(letter.y1)
        json.key("period_end_year"); json.string(letter.y2)
        json.endObject()
        json.endObject()
    }
}
