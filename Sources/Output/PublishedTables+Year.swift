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
        do {
            return try figures(of: year, tables, authorities: authorities)
        } catch let mismatch as TableRow.Mismatch {
            throw OutputError.readFailed(path: mismatch.table, reason: mismatch.description)
        }
    }

    /// The counts of a row of `authority_year.csv` (or of `national_year.csv`, which has the
    /// same columns); decisions by service area are not published, so they are zero.
    /// - Throws: ``TableRow/Mismatch`` for a missing or empty count.
    package static func counts(_ row: TableRow) throws -> AuthorityYearCounts {
        var counts = AuthorityYearCounts()
        counts.received = try ServiceArea.allCases.map { try row.count($0.column) }
        counts.outcomes = try Outcome.allCases.map { try row.count($0.column) }
        counts.satisfactoryRemedies = try row.count("satisfactory_remedies")
        counts.complied = try row.count("complied")
        counts.compliedLate = try row.count("complied_late")
        counts.notComplied = try row.count("not_complied")
        counts.publicReports = try row.count("public_reports")
        return counts
    }

    private static func figures(of year: ReportingYear, _ tables: YearTables,
                                authorities: [String: Authority]) throws -> YearFigures {
        /// The year's rows of `table`, typed by its schema.
        func rows(_ table: TableFile, _ bytes: [UInt8]) throws -> [TableRow] {
            try PublishedTables.rows(of: table.schema, bytes, path: table.fileName).filter { try $0.year("year") == year }
        }
        func authority(_ row: TableRow, in table: TableFile) throws -> Authority {
            let code = try row.text("authority_code")
            guard let authority = authorities[code] else {
                throw OutputError.readFailed(path: table.fileName, reason: "line \(row.line ?? 0): authority \(code) is not in the register")
            }
            return authority
        }
        func named<Value>(_ values: [Value], _ name: KeyPath<Value, String>, _ text: String, in table: TableFile,
                          _ row: TableRow) throws -> Value {
            guard let value = values.first(where: { $0[keyPath: name] == text }) else {
                throw OutputError.readFailed(path: table.fileName, reason: "line \(row.line ?? 0): not one of ours: \(text)")
            }
            return value
        }

        let people = try rows(.authorityYear, tables.authorityYear).map { row in
            AuthorityYearFigures(
                year: year, authority: try authority(row, in: .authorityYear), isCurrent: try row.boolean("current"),
                counts: try counts(row), population: try row.integer("population"),
                upholdRate: try row.integer("uphold_rate"), satisfactoryRemedyRate: try row.integer("satisfactory_remedy_rate"),
                complianceRate: try row.integer("compliance_rate"), upheldPer100kTenths: try row.tenths("upheld_per_100k"))
        }

        let types = try rows(.typeYear, tables.typeYear).map { row in
            let method = try row.text("method")
            guard let averaging = AveragingMethod(rawValue: method) else {
                throw OutputError.readFailed(path: TableFile.typeYear.fileName, reason: "line \(row.line ?? 0): not a method of ours: \(method)")
            }
            return TypeYearFigures(
                year: year, type: try named(ComparisonType.allCases, \.name, try row.text("comparison_type"), in: .typeYear, row),
                method: averaging, authorities: try row.count("authorities"),
                investigations: try row.count("investigations"), upheld: try row.count("upheld"),
                satisfactoryRemedies: try row.count("satisfactory_remedies"),
                complianceOutcomes: try row.count("compliance_outcomes"), compliant: try row.count("compliant"),
                population: try row.integer("population"), averageUpholdRate: try row.integer("avg_uphold_rate"),
                averageSatisfactoryRemedyRate: try row.integer("avg_satisfactory_remedy_rate"),
                averageComplianceRate: try row.integer("avg_compliance_rate"),
                averageUpheldPer100kTenths: try row.tenths("avg_upheld_per_100k"))
        }

        let areas = try rows(.areaYear, tables.areaYear).map { row in
            var decisions = AreaDecisionCounts()
            decisions.decisions = try row.count("decisions_total")
            decisions.notUpheld = try row.count("not_upheld")
            decisions.upheld = try row.count("upheld")
            decisions.satisfactoryRemedies = try row.count("satisfactory_remedies")
            decisions.publicReports = try row.count("public_reports")
            return AreaYearFigures(
                year: year, area: try named(ServiceArea.allCases, \.name, try row.text("service_area"), in: .areaYear, row),
                received: try row.count("received"), decisions: decisions, upholdRate: try row.integer("uphold_rate"),
                shareOfInvestigations: try row.integer("share_of_investigations"))
        }

        guard let england = try rows(.nationalYear, tables.nationalYear).first else {
            throw OutputError.readFailed(path: TableFile.nationalYear.fileName, reason: "no row for \(year.label)")
        }
        var englandCounts = try counts(england)
        if areas.count == ServiceArea.allCases.count {
            englandCounts.decidedByArea = areas.map(\.decisions)
        }
        let national = NationalYearFigures(
            year: year, counts: englandCounts, upholdRate: try england.integer("uphold_rate"),
            satisfactoryRemedyRate: try england.integer("satisfactory_remedy_rate"),
            complianceRate: try england.integer("compliance_rate"),
            lateComplianceRate: try england.integer("late_compliance_rate"))

        let reports = try rows(.publicReports, tables.publicReports).map { row in
            let file = TableFile.publicReports.fileName
            let text = try row.text("reference")
            let digits = text.filter { $0 != " " }
            guard digits.count == 8, digits.allSatisfy(\.isASCII), let reference = UInt32(digits) else {
                throw OutputError.readFailed(path: file, reason: "line \(row.line ?? 0): not a reference: \(text)")
            }
            return PublicReportCase(
                year: year, authority: try authority(row, in: .publicReports), reference: reference,
                decisionDate: try row.day("decision_date"),
                area: try named(ServiceArea.allCases, \.name, try row.text("category"), in: .publicReports, row),
                text: PublicReportText(subcategory: try row.text("subcategory"), decision: try row.text("decision"),
                                       remedy: try row.text("remedy"), summary: try row.text("summary")))
        }
        return YearFigures(year: year, authorities: people, types: types, national: national, areas: areas,
                           publicReports: reports)
    }
}
