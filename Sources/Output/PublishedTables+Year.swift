package import PipelineModel

extension PublishedTables {
    /// The bytes of one year's tables, as a partition (`years/{year}/`) holds them.
    package struct YearTables: Sendable {
        /// `authority_year.csv`.
        package var authorityYear: [UInt8]
        /// `type_year.csv`.
        package var typeYear: [UInt8]
        /// `national_year.csv`.
        package var nationalYear: [UInt8]
        /// `area_year.csv`.
        package var areaYear: [UInt8]
        /// `public_reports.csv`.
        package var publicReports: [UInt8]

        /// The tables; see the properties.
        package init(authorityYear: [UInt8], typeYear: [UInt8], nationalYear: [UInt8], areaYear: [UInt8],
                     publicReports: [UInt8]) {
            self.authorityYear = authorityYear
            self.typeYear = typeYear
            self.nationalYear = nationalYear
            self.areaYear = areaYear
            self.publicReports = publicReports
        }
    }

    /// The figures of `year` read back from its published tables (rows of other years are
    /// skipped, so the top-level tables serve as well as the partition's), with each row's
    /// authority from `authorities` (the register, by code).
    ///
    /// Everything a letter, the tables and the report print is there. What no table publishes is
    /// not: each authority's decisions by service area (``AuthorityYearCounts/decidedByArea``)
    /// are zero, and England's are area_year.csv's.
    /// - Throws: ``OutputError/readFailed(path:reason:)`` naming the table: a header this
    ///   version does not write, a cell that is not a number, a code the register does not
    ///   hold, a comparison type, service area or reference that is not one of ours.
    package static func year(_ year: ReportingYear, _ tables: YearTables,
                             authorities: [String: Authority]) throws -> YearFigures {
        let label = year.label
        func authority(_ code: String, in table: TableFile) throws -> Authority {
            guard let authority = authorities[code] else {
                throw OutputError.readFailed(path: table.fileName, reason: "authority \(code) is not in the register")
            }
            return authority
        }
        func counts(_ cell: (String) -> String) throws -> AuthorityYearCounts {
            var counts = AuthorityYearCounts()
            counts.received = try ServiceArea.allCases.map { try whole(cell($0.column)) }
            counts.outcomes = try Outcome.allCases.map { try whole(cell($0.column)) }
            counts.satisfactoryRemedies = try whole(cell("satisfactory_remedies"))
            counts.complied = try whole(cell("complied"))
            counts.compliedLate = try whole(cell("complied_late"))
            counts.notComplied = try whole(cell("not_complied"))
            counts.publicReports = try whole(cell("public_reports"))
            return counts
        }

        let people = try Table(.authorityYear, tables.authorityYear)
        let rows = try people.records.filter { $0[people.index("year")] == label }.map { record in
            func cell(_ name: String) -> String { record[people.index(name)] }
            return AuthorityYearFigures(
                year: year, authority: try authority(cell("authority_code"), in: .authorityYear),
                isCurrent: cell("current") == "true", counts: try counts(cell),
                population: try optional(cell("population")), upholdRate: try optional(cell("uphold_rate")),
                satisfactoryRemedyRate: try optional(cell("satisfactory_remedy_rate")),
                complianceRate: try optional(cell("compliance_rate")),
                upheldPer100kTenths: try tenths(cell("upheld_per_100k")))
        }

        let typeTable = try Table(.typeYear, tables.typeYear)
        let types = try typeTable.records.filter { $0[typeTable.index("year")] == label }.map { record in
            func cell(_ name: String) -> String { record[typeTable.index(name)] }
            guard let type = ComparisonType.allCases.first(where: { $0.name == cell("comparison_type") }),
                  let method = AveragingMethod(rawValue: cell("method")) else {
                throw OutputError.readFailed(path: TableFile.typeYear.fileName,
                                             reason: "not a comparison type and method of ours: \(cell("comparison_type")), \(cell("method"))")
            }
            return TypeYearFigures(
                year: year, type: type, method: method, authorities: try whole(cell("authorities")),
                investigations: try whole(cell("investigations")), upheld: try whole(cell("upheld")),
                satisfactoryRemedies: try whole(cell("satisfactory_remedies")),
                complianceOutcomes: try whole(cell("compliance_outcomes")), compliant: try whole(cell("compliant")),
                population: try optional(cell("population")), averageUpholdRate: try optional(cell("avg_uphold_rate")),
                averageSatisfactoryRemedyRate: try optional(cell("avg_satisfactory_remedy_rate")),
                averageComplianceRate: try optional(cell("avg_compliance_rate")),
                averageUpheldPer100kTenths: try tenths(cell("avg_upheld_per_100k")))
        }

        let areaTable = try Table(.areaYear, tables.areaYear)
        var areas: [AreaYearFigures] = []
        for record in areaTable.records where record[areaTable.index("year")] == label {
            func cell(_ name: String) -> String { record[areaTable.index(name)] }
            guard let area = ServiceArea.allCases.first(where: { $0.name == cell("service_area") }) else {
                throw OutputError.readFailed(path: TableFile.areaYear.fileName, reason: "not a service area: \(cell("service_area"))")
            }
            var decisions = AreaDecisionCounts()
            decisions.decisions = try whole(cell("decisions_total"))
            decisions.notUpheld = try whole(cell("not_upheld"))
            decisions.upheld = try whole(cell("upheld"))
            decisions.satisfactoryRemedies = try whole(cell("satisfactory_remedies"))
            decisions.publicReports = try whole(cell("public_reports"))
            areas.append(AreaYearFigures(year: year, area: area, received: try whole(cell("received")), decisions: decisions,
                                         upholdRate: try optional(cell("uphold_rate")),
                                         shareOfInvestigations: try optional(cell("share_of_investigations"))))
        }

        let nationalTable = try Table(.nationalYear, tables.nationalYear)
        guard let england = nationalTable.records.first(where: { $0[nationalTable.index("year")] == label }) else {
            throw OutputError.readFailed(path: TableFile.nationalYear.fileName, reason: "no row for \(label)")
        }
        func nationalCell(_ name: String) -> String { england[nationalTable.index(name)] }
        var englandCounts = try counts(nationalCell)
        if areas.count == ServiceArea.allCases.count {
            englandCounts.decidedByArea = areas.map(\.decisions)
        }
        let national = NationalYearFigures(
            year: year, counts: englandCounts, upholdRate: try optional(nationalCell("uphold_rate")),
            satisfactoryRemedyRate: try optional(nationalCell("satisfactory_remedy_rate")),
            complianceRate: try optional(nationalCell("compliance_rate")),
            lateComplianceRate: try optional(nationalCell("late_compliance_rate")))

        let reportTable = try Table(.publicReports, tables.publicReports)
        let reports = try reportTable.records.filter { $0[reportTable.index("year")] == label }.map { record in
            func cell(_ name: String) -> String { record[reportTable.index(name)] }
            let file = TableFile.publicReports.fileName
            let digits = cell("reference").filter { $0 != " " }
            guard digits.count == 8, digits.allSatisfy(\.isASCII), let reference = UInt32(digits) else {
                throw OutputError.readFailed(path: file, reason: "not a reference: \(cell("reference"))")
            }
            guard let area = ServiceArea.allCases.first(where: { $0.name == cell("category") }) else {
                throw OutputError.readFailed(path: file, reason: "not a service area: \(cell("category"))")
            }
            let parts = cell("decision_date").split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, let day = Day(year: parts[0], month: parts[1], day: parts[2]) else {
                throw OutputError.readFailed(path: file, reason: "not a date: \(cell("decision_date"))")
            }
            return PublicReportCase(
                year: year, authority: try authority(cell("authority_code"), in: .publicReports), reference: reference,
                decisionDate: day, area: area,
                text: PublicReportText(subcategory: cell("subcategory"), decision: cell("decision"),
                                       remedy: cell("remedy"), summary: cell("summary")))
        }
        return YearFigures(year: year, authorities: rows, types: types, national: national, areas: areas,
                           publicReports: reports)
    }
}
