/// The counts of one authority in one reporting year, each by its own date (statistics.md).
package struct AuthorityYearCounts: Sendable, Equatable {
    /// Complaints and enquiries received, by ``ServiceArea`` raw value (by received date).
    package var received: [Int] = Array(repeating: 0, count: ServiceArea.allCases.count)
    /// Decisions made, by ``Outcome`` raw value (by decision date).
    package var outcomes: [Int] = Array(repeating: 0, count: Outcome.allCases.count)
    /// Upheld decisions where the authority had already offered a satisfactory remedy.
    package var satisfactoryRemedies = 0
    /// Decisions with a public report.
    package var publicReports = 0
    /// Compliance outcomes `Complied` (by compliance date).
    package var complied = 0
    /// Compliance outcomes `Complied late`.
    package var compliedLate = 0
    /// Compliance outcomes `Not complied`.
    package var notComplied = 0
    /// Decisions made, by the case's ``ServiceArea`` raw value (by decision date): what
    /// `area_year.csv` sums, since `received` counts by received date and cannot say in which
    /// area the year's decisions fell.
    package var decidedByArea: [AreaDecisionCounts] = Array(repeating: AreaDecisionCounts(), count: ServiceArea.allCases.count)

    /// All zeros.
    package init() {}

    /// Complaints and enquiries received in the year.
    package var receivedTotal: Int { received.reduce(0, +) }
    /// Decisions made in the year.
    package var decisionsTotal: Int { outcomes.reduce(0, +) }
    /// Upheld decisions.
    package var upheld: Int { outcomes[Outcome.upheld.rawValue] }
    /// Detailed investigations: upheld plus not upheld.
    package var investigations: Int { outcomes[Outcome.upheld.rawValue] + outcomes[Outcome.notUpheld.rawValue] }
    /// Compliance outcomes: complied + complied late + not complied (`Awaiting` is none).
    package var complianceOutcomes: Int { complied + compliedLate + notComplied }
    /// Compliance outcomes where the authority complied, on time or late.
    package var compliant: Int { complied + compliedLate }
    /// Whether anything at all was counted.
    package var isEmpty: Bool { self == AuthorityYearCounts() }

    /// Adds another set of counts (for merging partial aggregates).
    package mutating func add(_ other: AuthorityYearCounts) {
        for i in received.indices { received[i] += other.received[i] }
        for i in outcomes.indices { outcomes[i] += other.outcomes[i] }
        satisfactoryRemedies += other.satisfactoryRemedies
        publicReports += other.publicReports
        complied += other.complied
        compliedLate += other.compliedLate
        notComplied += other.notComplied
        for i in decidedByArea.indices { decidedByArea[i].add(other.decidedByArea[i]) }
    }
}

/// One row of `authority_year.csv`: an authority's counts and figures in one year.
package struct AuthorityYearFigures: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// The authority.
    package let authority: Authority
    /// Whether it is current in the year (exists on 31 March at the year's end).
    package let isCurrent: Bool
    /// The year's counts.
    package let counts: AuthorityYearCounts
    /// Detailed investigations (`counts.investigations`), the uphold rate's base. Stored beside
    /// the rates, set from the counts when the row is made: the year indexes read it for every
    /// row of every year, and reading it from the counts touches their array, a cache miss that
    /// cost more than the rest of the row.
    package let investigations: Int
    /// The population used; nil when unknown or when the authority is not current.
    package let population: Int?
    /// Uphold rate, integer percent halves up; nil with no investigations.
    package let upholdRate: Int?
    /// Satisfactory remedy rate, integer percent of upheld; nil with none upheld.
    package let satisfactoryRemedyRate: Int?
    /// Compliance rate, integer percent; nil with no compliance outcomes.
    package let complianceRate: Int?
    /// Upheld decisions per 100,000 residents in tenths (48 = 4.8); nil without population.
    package let upheldPer100kTenths: Int?
    /// The cases behind the counts (the per-case tables' rows); ``AuthorityYearCases/none`` for
    /// a row read back from `authority_year.csv`.
    package var cases: AuthorityYearCases

    /// A row; see the properties.
    package init(year: ReportingYear, authority: Authority, isCurrent: Bool, counts: AuthorityYearCounts,
                population: Int?, upholdRate: Int?, satisfactoryRemedyRate: Int?, complianceRate: Int?,
                upheldPer100kTenths: Int?, cases: AuthorityYearCases = .none) {
        self.year = year
        self.authority = authority
        self.isCurrent = isCurrent
        self.counts = counts
        self.investigations = counts.investigations
        self.population = population
        self.upholdRate = upholdRate
        self.satisfactoryRemedyRate = satisfactoryRemedyRate
        self.complianceRate = complianceRate
        self.upheldPer100kTenths = upheldPer100kTenths
        self.cases = cases
    }
}

/// One row of `type_year.csv`: a comparison type's sums and averages in one year.
package struct TypeYearFigures: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// The comparison type.
    package let type: ComparisonType
    /// How the averages were computed.
    package let method: AveragingMethod
    /// Current authorities of the type in the year.
    package let authorities: Int
    /// Sum of detailed investigations.
    package let investigations: Int
    /// Sum of upheld decisions.
    package let upheld: Int
    /// Sum of satisfactory remedies.
    package let satisfactoryRemedies: Int
    /// Sum of compliance outcomes.
    package let complianceOutcomes: Int
    /// Sum of complied plus complied late.
    package let compliant: Int
    /// Sum of populations over authorities with one; nil when none has one.
    package let population: Int?
    /// Average uphold rate, integer percent; nil when there is nothing to average.
    package let averageUpholdRate: Int?
    /// Average satisfactory remedy rate, integer percent.
    package let averageSatisfactoryRemedyRate: Int?
    /// Average compliance rate, integer percent.
    package let averageComplianceRate: Int?
    /// Average upheld per 100,000 in tenths.
    package let averageUpheldPer100kTenths: Int?

    /// A row; see the properties.
    package init(year: ReportingYear, type: ComparisonType, method: AveragingMethod, authorities: Int,
                investigations: Int, upheld: Int, satisfactoryRemedies: Int, complianceOutcomes: Int,
                compliant: Int, population: Int?, averageUpholdRate: Int?,
                averageSatisfactoryRemedyRate: Int?, averageComplianceRate: Int?,
                averageUpheldPer100kTenths: Int?) {
        self.year = year
        self.type = type
        self.method = method
        self.authorities = authorities
        self.investigations = investigations
        self.upheld = upheld
        self.satisfactoryRemedies = satisfactoryRemedies
        self.complianceOutcomes = complianceOutcomes
        self.compliant = compliant
        self.population = population
        self.averageUpholdRate = averageUpholdRate
        self.averageSatisfactoryRemedyRate = averageSatisfactoryRemedyRate
        self.averageComplianceRate = averageComplianceRate
        self.averageUpheldPer100kTenths = averageUpheldPer100kTenths
    }
}

/// Everything published for one reporting year.
package struct YearFigures: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// Rows of `authority_year.csv` for the year, sorted by authority code.
    package let authorities: [AuthorityYearFigures]
    /// Rows of `type_year.csv`, in ``ComparisonType`` order (all five).
    package let types: [TypeYearFigures]

    /// England's row of `national_year.csv`: every authority's counts summed.
    package let national: NationalYearFigures
    /// Rows of `area_year.csv`, in ``ServiceArea`` order (all nine).
    package let areas: [AreaYearFigures]
    /// Rows of `public_reports.csv`, sorted by authority code, decision date and reference.
    package let publicReports: [PublicReportCase]

    /// A year's figures; see the properties.
    package init(year: ReportingYear, authorities: [AuthorityYearFigures], types: [TypeYearFigures],
                national: NationalYearFigures, areas: [AreaYearFigures], publicReports: [PublicReportCase]) {
        self.year = year
        self.authorities = authorities
        self.types = types
        self.national = national
        self.areas = areas
        self.publicReports = publicReports
    }

    /// The type row for `type`.
    package func figures(for type: ComparisonType) -> TypeYearFigures? {
        types.first { $0.type == type }
    }
}

/// The run's figures: every reporting year of the run, in order.
package struct AnnualFigures: Sendable, Equatable {
    /// The averaging method used.
    package let method: AveragingMethod
    /// One entry per year of the run, in order.
    package let years: [YearFigures]

    /// The figures; see the properties.
    package init(method: AveragingMethod, years: [YearFigures]) {
        self.method = method
        self.years = years
    }
}
