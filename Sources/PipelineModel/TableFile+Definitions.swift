// Each published table's columns (outputs.md): name, type, description and the cell computed
// from the figures, in header order. A column is added here and nowhere else.

extension TableFile {
    /// `authority_year.csv`.
    package static let authorityYearTable = TableDefinition<AuthorityYearFigures>(
        fileName: TableFile.authorityYear.fileName, title: "One row per authority and reporting year: counts and rates",
        primaryKey: ["year", "authority_code"],
        columns: [
            .init("year", .year, Described.year) { .text($0.year.label) },
            .init("authority_code", .text, Described.authorityCode) { .text($0.authority.code) },
            .init("authority_name", .text, Described.authorityName) { .text($0.authority.officialName) },
            .init("comparison_type", Described.comparisonTypes, Described.comparisonType) {
                .text($0.authority.comparisonType?.name ?? "")
            },
            .init("current", .boolean, "Whether the authority exists on 31 March at the end of the year") { .boolean($0.isCurrent) },
        ]
            + countsAndRates(counts: { $0.counts }, upholdRate: { $0.upholdRate },
                             satisfactoryRemedyRate: { $0.satisfactoryRemedyRate }, complianceRate: { $0.complianceRate })
            + [
                .init("public_reports", .count, Described.publicReports) { .integer($0.counts.publicReports) },
                // The oracle writes `pop if pop else ""`: a population of 0 is as good as unknown
                // (it has no per-100,000 figure either), so it prints empty too.
                .init("population", .count, Described.population) { TableValue($0.population.flatMap { $0 > 0 ? $0 : nil }) },
                .init("upheld_per_100k", .per100k, Described.upheldPer100k) { TableValue(tenths: $0.upheldPer100kTenths) },
            ])

    /// `type_year.csv`.
    package static let typeYearTable = TableDefinition<TypeYearFigures>(
        fileName: TableFile.typeYear.fileName, title: "One row per comparison type and year: sums and averages",
        primaryKey: ["year", "comparison_type"],
        columns: [
            .init("year", .year, Described.year) { .text($0.year.label) },
            .init("comparison_type", Described.comparisonTypes, Described.comparisonType) { .text($0.type.name) },
            .init("method", .oneOf(AveragingMethod.allCases.map(\.rawValue)), "How the averages were computed: pooled or mean") {
                .text($0.method.rawValue)
            },
            .init("authorities", .count, "Current authorities of the type in the year") { .integer($0.authorities) },
            .init("investigations", .count, Described.investigations) { .integer($0.investigations) },
            .init("upheld", .count, Described.upheld) { .integer($0.upheld) },
            .init("satisfactory_remedies", .count, Described.satisfactoryRemedies) { .integer($0.satisfactoryRemedies) },
            .init("compliance_outcomes", .count, Described.complianceOutcomes) { .integer($0.complianceOutcomes) },
            .init("compliant", .count, "Compliance outcomes complied or complied late") { .integer($0.compliant) },
            .init("population", .count, Described.population) { TableValue($0.population) },
            .init("avg_uphold_rate", .percent, Described.averageUpholdRate) { TableValue($0.averageUpholdRate) },
            .init("avg_satisfactory_remedy_rate", .percent, Described.averageSatisfactoryRemedyRate) {
                TableValue($0.averageSatisfactoryRemedyRate)
            },
            .init("avg_compliance_rate", .percent, Described.averageComplianceRate) { TableValue($0.averageComplianceRate) },
            .init("avg_upheld_per_100k", .per100k, Described.averageUpheldPer100k) { TableValue(tenths: $0.averageUpheldPer100kTenths) },
        ])

    /// `comparison.csv`.
    package static let comparisonTable = TableDefinition<ComparedRow>(
        fileName: TableFile.comparison.fileName, title: "Each compared authority's headline figures beside its type's averages",
        primaryKey: ["year", "authority_code"],
        foreignKeys: [.init(["year", "authority_code"], to: "authority_year"), .init(["year", "comparison_type"], to: "type_year")],
        columns: [
            .init("year", .year, Described.year) { .text($0.row.year.label) },
            .init("authority_code", .text, Described.authorityCode) { .text($0.row.authority.code) },
            .init("authority_name", .text, Described.authorityName) { .text($0.row.authority.officialName) },
            .init("comparison_type", Described.comparisonTypes, Described.comparisonType) { .text($0.type.name) },
            .init("uphold_rate", .percent, Described.upholdRate) { TableValue($0.row.upholdRate) },
            .init("avg_uphold_rate", .percent, Described.averageUpholdRate) { TableValue($0.averages?.averageUpholdRate) },
            .init("satisfactory_remedy_rate", .percent, Described.satisfactoryRemedyRate) { TableValue($0.row.satisfactoryRemedyRate) },
            .init("avg_satisfactory_remedy_rate", .percent, Described.averageSatisfactoryRemedyRate) {
                TableValue($0.averages?.averageSatisfactoryRemedyRate)
            },
            .init("compliance_rate", .percent, Described.complianceRate) { TableValue($0.row.complianceRate) },
            .init("avg_compliance_rate", .percent, Described.averageComplianceRate) { TableValue($0.averages?.averageComplianceRate) },
            .init("upheld_per_100k", .per100k, Described.upheldPer100k) { TableValue(tenths: $0.row.upheldPer100kTenths) },
            .init("avg_upheld_per_100k", .per100k, Described.averageUpheldPer100k) {
                TableValue(tenths: $0.averages?.averageUpheldPer100kTenths)
            },
        ])

    /// `national_year.csv`.
    package static let nationalYearTable = TableDefinition<NationalYearFigures>(
        fileName: TableFile.nationalYear.fileName, title: "England: every authority's counts summed, one row per reporting year",
        primaryKey: ["year"],
        columns: [
            .init("year", .year, Described.year) { .text($0.year.label) },
        ]
            + countsAndRates(counts: { $0.counts }, upholdRate: { $0.upholdRate },
                             satisfactoryRemedyRate: { $0.satisfactoryRemedyRate }, complianceRate: { $0.complianceRate })
            + [
                .init("late_compliance_rate", .percent,
                      "Complied late as a whole percentage of compliance outcomes; empty with none") { TableValue($0.lateComplianceRate) },
                .init("public_reports", .count, Described.publicReports) { .integer($0.counts.publicReports) },
            ])

    /// `area_year.csv`.
    package static let areaYearTable = TableDefinition<AreaYearFigures>(
        fileName: TableFile.areaYear.fileName, title: "England by service area: one row per reporting year and service area",
        primaryKey: ["year", "service_area"], foreignKeys: [.init(["year"], to: "national_year")],
        columns: [
            .init("year", .year, Described.year) { .text($0.year.label) },
            .init("service_area", Described.serviceAreas, "The service area (statistics.md)") { .text($0.area.name) },
            .init("received", .count, "Complaints and enquiries received in the year in the area (by received date)") {
                .integer($0.received)
            },
            .init("decisions_total", .count, "Decisions made in the year about cases in the area (by decision date)") {
                .integer($0.decisions.decisions)
            },
            .init("not_upheld", .count, Described.outcome(.notUpheld)) { .integer($0.decisions.notUpheld) },
            .init("upheld", .count, Described.outcome(.upheld)) { .integer($0.decisions.upheld) },
            .init("investigations", .count, Described.investigations) { .integer($0.decisions.investigations) },
            .init("uphold_rate", .percent, Described.upholdRate) { TableValue($0.upholdRate) },
            .init("share_of_investigations", .percent,
                  "The area's detailed investigations as a whole percentage of the year's; empty when the year has none") {
                TableValue($0.shareOfInvestigations)
            },
            .init("satisfactory_remedies", .count, Described.satisfactoryRemedies) { .integer($0.decisions.satisfactoryRemedies) },
            .init("public_reports", .count, Described.publicReports) { .integer($0.decisions.publicReports) },
        ])

    /// `public_reports.csv`.
    package static let publicReportsTable = TableDefinition<PublicReportCase>(
        fileName: TableFile.publicReports.fileName, title: "Every case on which the Ombudsman issued a public report",
        // One row per case: the duplicate rule leaves one winning row of each reference.
        primaryKey: ["reference"],
        // A public report is counted in its authority's row of the year (`public_reports`).
        foreignKeys: [.init(["year", "authority_code"], to: "authority_year")],
        columns: [
            .init("year", .year, "Reporting year of the decision") { .text($0.year.label) },
            .init("authority_code", .text, Described.authorityCode) { .text($0.authority.code) },
            .init("authority_name", .text, Described.authorityName) { .text($0.authority.officialName) },
            .init("reference", Described.reference, Described.referenceText) { .text($0.referenceText) },
            .init("decision_date", .date, "Date of the decision") { .text($0.decisionDate.description) },
            .init("category", Described.serviceAreas, "The case's service area") { .text($0.area.name) },
            .init("subcategory", .text, "The subcategory as recorded") { .text($0.text.subcategory) },
            .init("decision", .text, "The decision as recorded") { .text($0.text.decision) },
            .init("remedy", .text, "The remedies as recorded, separated by semicolons") { .text($0.text.remedy) },
            .init("summary", .text, "The case summary as recorded") { .text($0.text.summary) },
        ])

    /// `decisions.csv`: the cases behind the decision figures, in each year's partition.
    package static let decisionsTable = TableDefinition<CaseRow<DecidedCase>>(
        fileName: "decisions.csv", title: "The cases behind the decision figures: one row per decision counted in the year",
        primaryKey: ["year", "reference"],
        foreignKeys: [.init(["year", "authority_code"], to: "authority_year")],
        columns: caseColumns(year: "Reporting year of the decision") + [
            .init("decision_date", .date, "Date of the decision", cell: .day { $0.case.decisionDate }),
            .init("service_area", Described.serviceAreas, "The case's service area", labels: Described.serviceAreaNames) {
                $0.case.area.rawValue
            },
            .init("outcome", .oneOf(Outcome.allCases.map(\.column)), "The classified outcome", labels: Outcome.allCases.map(\.column)) {
                $0.case.outcome.rawValue
            },
            .init("satisfactory_remedy", .boolean,
                  "Whether the authority had already provided a satisfactory remedy; empty unless upheld",
                  cell: .boolean { $0.case.outcome == .upheld ? $0.case.satisfactoryRemedy : nil }),
            .init("public_report", .boolean, "Whether the Ombudsman issued a public report", cell: .boolean { $0.case.publicReport }),
            .init("service_improvement", .boolean, "Whether the case is upheld with a service-improvement remedy",
                  cell: .boolean { $0.case.serviceImprovement }),
        ])

    /// `compliance.csv`: the cases behind the compliance figures, in each year's partition.
    package static let complianceTable = TableDefinition<CaseRow<ComplianceCase>>(
        fileName: "compliance.csv", title: "The cases behind the compliance figures: one row per compliance outcome counted in the year",
        primaryKey: ["year", "reference"],
        foreignKeys: [.init(["year", "authority_code"], to: "authority_year")],
        columns: caseColumns(year: "Reporting year of the compliance outcome") + [
            .init("compliance_date", .date, "Date the compliance outcome was recorded", cell: .day { $0.case.complianceDate }),
            .init("outcome", .oneOf(Described.countedComplianceOutcomes.map(\.column)), "The compliance outcome",
                  labels: ComplianceOutcome.allCases.map(\.column)) { $0.case.outcome.rawValue },
        ])

    /// `service_improvements.csv`: every upheld case with a service-improvement remedy.
    package static let serviceImprovementsTable = TableDefinition<CaseRow<ServiceImprovementCase>>(
        fileName: "service_improvements.csv", title: "Every upheld case with a service-improvement remedy",
        primaryKey: ["year", "reference"],
        foreignKeys: [.init(["year", "authority_code"], to: "authority_year")],
        columns: caseColumns(year: "Reporting year of the decision") + [
            .init("decision_date", .date, "Date of the decision", cell: .day { $0.case.decisionDate }),
            .init("category", Described.serviceAreas, "The case's service area", labels: Described.serviceAreaNames) {
                $0.case.area.rawValue
            },
            .init("subcategory", .text, "The subcategory as recorded", cell: .text { $0.case.subcategory }),
            .init("remedy", .text, "The remedies as recorded, separated by semicolons", cell: .text { $0.case.remedy }),
        ])

    // MARK: - Columns several tables share

    /// `year, authority_code, reference`: the columns every per-case table opens with, the
    /// reporting year described as `year`.
    private static func caseColumns<Case: ReferencedCase>(year: String) -> [TableDefinition<CaseRow<Case>>.Column] {
        // The cells capture nothing (the reference is the case's own, not a function given
        // here), so that writing a row retains no context shared by every year's job.
        [
            .init("year", .year, year, cell: .year { $0.year }),
            .init("authority_code", .text, Described.authorityCode, cell: .text { $0.authorityCode }),
            .init("reference", Described.reference, Described.referenceText, cell: .reference { $0.case.reference }),
        ]
    }

    /// The nine `received_*` columns of `counts`, in ``ServiceArea`` order.
    private static func receivedColumns<Row>(_ counts: @escaping @Sendable (Row) -> AuthorityYearCounts)
        -> [TableDefinition<Row>.Column] {
        ServiceArea.allCases.map { area in
            .init(area.column, .count, "Complaints and enquiries received: \(area.name)") { .integer(counts($0).received[area.rawValue]) }
        }
    }

    /// The columns an authority's row and England's share, from `received_total` to
    /// `compliance_rate`: what was received and decided, and the three key rates.
    private static func countsAndRates<Row>(
        counts: @escaping @Sendable (Row) -> AuthorityYearCounts, upholdRate: @escaping @Sendable (Row) -> Int?,
        satisfactoryRemedyRate: @escaping @Sendable (Row) -> Int?, complianceRate: @escaping @Sendable (Row) -> Int?
    ) -> [TableDefinition<Row>.Column] {
        [.init("received_total", .count, Described.receivedTotal) { .integer(counts($0).receivedTotal) }]
            + receivedColumns(counts)
            + [.init("decisions_total", .count, Described.decisionsTotal) { .integer(counts($0).decisionsTotal) }]
            + outcomeColumns(counts)
            + [
                .init("investigations", .count, Described.investigations) { .integer(counts($0).investigations) },
                .init("uphold_rate", .percent, Described.upholdRate) { TableValue(upholdRate($0)) },
                .init("satisfactory_remedies", .count, Described.satisfactoryRemedies) { .integer(counts($0).satisfactoryRemedies) },
                .init("satisfactory_remedy_rate", .percent, Described.satisfactoryRemedyRate) { TableValue(satisfactoryRemedyRate($0)) },
            ]
            + complianceColumns(counts)
            + [.init("compliance_rate", .percent, Described.complianceRate) { TableValue(complianceRate($0)) }]
    }

    /// The six outcome columns of `counts`, in ``Outcome`` order.
    private static func outcomeColumns<Row>(_ counts: @escaping @Sendable (Row) -> AuthorityYearCounts)
        -> [TableDefinition<Row>.Column] {
        Outcome.allCases.map { outcome in
            .init(outcome.column, .count, Described.outcome(outcome)) { .integer(counts($0).outcomes[outcome.rawValue]) }
        }
    }

    /// `compliance_outcomes, complied, complied_late, not_complied` of `counts`.
    private static func complianceColumns<Row>(_ counts: @escaping @Sendable (Row) -> AuthorityYearCounts)
        -> [TableDefinition<Row>.Column] {
        [
            .init("compliance_outcomes", .count, Described.complianceOutcomes) { .integer(counts($0).complianceOutcomes) },
            .init("complied", .count, "Compliance outcomes: complied") { .integer(counts($0).complied) },
            .init("complied_late", .count, "Compliance outcomes: complied late") { .integer(counts($0).compliedLate) },
            .init("not_complied", .count, "Compliance outcomes: not complied") { .integer(counts($0).notComplied) },
        ]
    }
}

/// A case of a per-case table: it has a reference (``TableFile/caseColumns(year:)``).
private protocol ReferencedCase: Sendable, Equatable {
    /// The reference's eight digits as a number.
    var reference: UInt32 { get }
}

extension DecidedCase: ReferencedCase {}
extension ComplianceCase: ReferencedCase {}
extension ServiceImprovementCase: ReferencedCase {}

/// The descriptions of columns that several tables have, with the same meaning in each.
private enum Described {
    static let year = "Reporting year, 1 April to 31 March, labelled by its two calendar years (2019-20)"
    static let authorityCode = "The authority's register code"
    static let authorityName = "The register's official name of the authority"
    static let comparisonType = "Comparison type of the average of similar authorities; empty for other kinds"
    static let comparisonTypes = ColumnType.oneOf(ComparisonType.allCases.map(\.name))
    static let serviceAreas = ColumnType.oneOf(serviceAreaNames)
    /// The service areas' names, by raw value (``TableDefinition/Column/init(_:_:_:labels:index:)``).
    static let serviceAreaNames = ServiceArea.allCases.map(\.name)
    static let reference = ColumnType.pattern("[0-9]{2} [0-9]{3} [0-9]{3}")
    static let referenceText = "The case reference, eight digits as 19 012 345"
    /// The compliance outcomes a per-case row can have (awaiting is not counted).
    static let countedComplianceOutcomes: [ComplianceOutcome] = ComplianceOutcome.allCases.filter(\.isOutcome)
    static let receivedTotal = "Complaints and enquiries received in the year"
    static let decisionsTotal = "Decisions made in the year"
    static let investigations = "Detailed investigations: upheld plus not upheld decisions"
    static let upheld = "Upheld decisions"
    static let upholdRate = "Upheld decisions as a whole percentage of detailed investigations, halves up; empty with none"
    static let satisfactoryRemedies = "Upheld decisions where the authority had already provided a satisfactory remedy"
    static let satisfactoryRemedyRate = "Satisfactory remedies as a whole percentage of upheld decisions; empty with none upheld"
    static let complianceOutcomes = "Compliance outcomes (complied, complied late, not complied) by compliance date"
    static let complianceRate = "Complied and complied late as a whole percentage of compliance outcomes; empty with none"
    static let publicReports = "Decisions with a public report"
    static let population = "Population used for the year; empty when unknown or not current"
    static let upheldPer100k = "Upheld decisions per 100,000 residents, one decimal place, halves up; empty without population"
    static let averageUpholdRate = "Average uphold rate of the type, whole percentage; empty when there is nothing to average"
    static let averageSatisfactoryRemedyRate = "Average satisfactory remedy rate of the type, whole percentage"
    static let averageComplianceRate = "Average compliance rate of the type, whole percentage"
    static let averageUpheldPer100k = "Average upheld decisions per 100,000 residents of the type, one decimal place"

    /// An outcome's count: `upheld` is described as in `type_year.csv`, where it is a sum.
    static func outcome(_ outcome: Outcome) -> String {
        outcome == .upheld ? upheld : "Decisions made: \(outcome.name)"
    }
}
