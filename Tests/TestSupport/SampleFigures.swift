import Foundation
import PipelineModel
import Testing

/// The figures of the committed sample outputs (`sample-data/expected/`), read back into
/// ``AnnualFigures`` with the sample register: six years, 43 authorities with reorganisations,
/// other kinds and empty bases, for the report, map and data package tests.
package enum SampleFigures {
    /// `sample-data/`.
    package static let folder = PackagePaths.root.appendingPathComponent("sample-data")

    /// The committed bytes of `expected/<name>`.
    package static func expectedBytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: folder.appendingPathComponent("expected").appendingPathComponent(name)))
    }

    /// The sample's figures (pooled averages).
    package static func load() throws -> AnnualFigures {
        let register = try table(Data(contentsOf: folder.appendingPathComponent("register.csv")))
        var authorities: [String: Authority] = [:]
        for r in register {
            func day(_ text: String?) -> Day? {
                guard let text, !text.isEmpty else { return nil }
                let p = text.split(separator: "-").compactMap { Int($0) }
                return p.count == 3 ? Day(year: p[0], month: p[1], day: p[2]) : nil
            }
            let code = r["local-authority-code"] ?? ""
            authorities[code] = Authority(
                code: code, officialName: r["official-name"] ?? "", niceName: r["nice-name"] ?? "",
                gssCode: r["gss-code"] ?? "", registerType: r["local-authority-type"] ?? "",
                nation: r["nation"] ?? "England", startDate: day(r["start-date"]), endDate: day(r["end-date"]),
                replacedBy: (r["replaced-by"] ?? "").split(separator: ",").map(String.init),
                population2020: (r["pop-2020"]).flatMap { Double($0) }.map { Int($0) })
        }
        let rows = try table(Data(expectedBytes("authority_year.csv")))
        let types = try table(Data(expectedBytes("type_year.csv")))
        let national = try table(Data(expectedBytes("national_year.csv")))
        let areas = try table(Data(expectedBytes("area_year.csv")))
        func int(_ text: String?) -> Int? { text.flatMap { Int($0) } }
        func tenths(_ text: String?) -> Int? {
            guard let text, !text.isEmpty else { return nil }
            let parts = text.split(separator: ".")
            return Int(parts[0])! * 10 + (parts.count > 1 ? Int(parts[1])! : 0)
        }
        var years: [YearFigures] = []
        let labels = Array(Set(rows.map { $0["year"]! })).sorted()
        for label in labels {
            let year = ReportingYear.labelled(label)
            let authorityRows = rows.filter { $0["year"] == label }.map { r -> AuthorityYearFigures in
                var counts = AuthorityYearCounts()
                counts.received = ServiceArea.allCases.map { int(r[$0.column])! }
                counts.outcomes = Outcome.allCases.map { int(r[$0.column])! }
                counts.satisfactoryRemedies = int(r["satisfactory_remedies"])!
                counts.complied = int(r["complied"])!
                counts.compliedLate = int(r["complied_late"])!
                counts.notComplied = int(r["not_complied"])!
                counts.publicReports = int(r["public_reports"])!
                return AuthorityYearFigures(
                    year: year, authority: authorities[r["authority_code"]!]!, isCurrent: r["current"] == "true",
                    counts: counts, population: int(r["population"]), upholdRate: int(r["uphold_rate"]),
                    satisfactoryRemedyRate: int(r["satisfactory_remedy_rate"]), complianceRate: int(r["compliance_rate"]),
                    upheldPer100kTenths: tenths(r["upheld_per_100k"]))
            }
            let typeRows = types.filter { $0["year"] == label }.map { r in
                TypeYearFigures(
                    year: year, type: ComparisonType.allCases.first { $0.name == r["comparison_type"] }!,
                    method: .pooled, authorities: int(r["authorities"])!, investigations: int(r["investigations"])!,
                    upheld: int(r["upheld"])!, satisfactoryRemedies: int(r["satisfactory_remedies"])!,
                    complianceOutcomes: int(r["compliance_outcomes"])!, compliant: int(r["compliant"])!,
                    population: int(r["population"]), averageUpholdRate: int(r["avg_uphold_rate"]),
                    averageSatisfactoryRemedyRate: int(r["avg_satisfactory_remedy_rate"]),
                    averageComplianceRate: int(r["avg_compliance_rate"]),
                    averageUpheldPer100kTenths: tenths(r["avg_upheld_per_100k"]))
            }
            // England as the committed national tables have it (make-sample computes them from its
            // cases): authority_year.csv has no decisions by service area to sum.
            let n = try #require(national.first { $0["year"] == label })
            var counts = AuthorityYearCounts()
            counts.received = ServiceArea.allCases.map { int(n[$0.column])! }
            counts.outcomes = Outcome.allCases.map { int(n[$0.column])! }
            counts.satisfactoryRemedies = int(n["satisfactory_remedies"])!
            counts.complied = int(n["complied"])!
            counts.compliedLate = int(n["complied_late"])!
            counts.notComplied = int(n["not_complied"])!
            counts.publicReports = int(n["public_reports"])!
            let areaRows = areas.filter { $0["year"] == label }
            counts.decidedByArea = areaRows.map { r in
                var d = AreaDecisionCounts()
                d.decisions = int(r["decisions_total"])!
                d.notUpheld = int(r["not_upheld"])!
                d.upheld = int(r["upheld"])!
                d.satisfactoryRemedies = int(r["satisfactory_remedies"])!
                d.publicReports = int(r["public_reports"])!
                return d
            }
            let nationalRow = NationalYearFigures(
                year: year, counts: counts, upholdRate: int(n["uphold_rate"]),
                satisfactoryRemedyRate: int(n["satisfactory_remedy_rate"]), complianceRate: int(n["compliance_rate"]),
                lateComplianceRate: int(n["late_compliance_rate"]))
            let areaFigures = zip(ServiceArea.allCases, areaRows).map { area, r in
                AreaYearFigures(year: year, area: area, received: int(r["received"])!,
                                decisions: counts.decidedByArea[area.rawValue], upholdRate: int(r["uphold_rate"]),
                                shareOfInvestigations: int(r["share_of_investigations"]))
            }
            years.append(YearFigures(year: year, authorities: authorityRows, types: typeRows, national: nationalRow,
                                     areas: areaFigures, publicReports: []))
        }
        return AnnualFigures(method: .pooled, years: years)
    }

    /// The records of one of the publication's CSV files (``CSVFormat``'s dialect) as dictionaries
    /// by header name.
    package static func table(_ data: Data) throws -> [[String: String]] {
        let records = CSVFormat.records([UInt8](data))
        guard let header = records.first else { return [] }
        return records.dropFirst().map { record in
            Dictionary(uniqueKeysWithValues: zip(header, record + Array(repeating: "", count: max(0, header.count - record.count))).map { ($0, $1) })
        }
    }
}
