package import PipelineModel

/// Turns the run's cases into the published figures: counts per authority and year, each
/// by its own date, then the type averages (statistics.md).
package struct FigureBuilder: Sendable {
    private let register: AuthorityRegister
    private let method: AveragingMethod

    /// A builder over `register`, averaging by `method`.
    package init(register: AuthorityRegister, method: AveragingMethod) {
        self.register = register
        self.method = method
    }

    /// The counts per reporting year and authority of the given cases (each counted once, as
    /// they are: no duplicate rule), as ``CaseCollector/counts`` counts its winners.
    package func counts(of cases: some Sequence<CaseRecord>) -> [YearAuthority: AuthorityYearCounts] {
        var running = RunningCounts()
        for c in cases { running.apply(CaseContribution(c), sign: 1) }
        return running.counts
    }

    /// The years that hold any count, in order. Not a contiguous span: one mistyped date
    /// (2109, 1909) must not add a century of empty years, letters and report pages.
    package static func yearsWithCounts(_ counts: [YearAuthority: AuthorityYearCounts]) -> [ReportingYear] {
        Set(counts.keys.map(\.year)).sorted()
    }

    /// The figures of every year in `years` (default: ``yearsWithCounts(_:)``) from per-year counts,
    /// the cases with a public report (``CaseCollector/publicReports``; none when not given) and
    /// the cases behind the counts (``CaseCollector/cases(inParts:)``: each authority row's
    /// ``AuthorityYearFigures/cases``; none when not given).
    package func figures(from counts: [YearAuthority: AuthorityYearCounts], publicReports: [CollectedPublicReport] = [],
                        cases: [YearAuthority: AuthorityYearCases] = [:], years: YearRange?) -> AnnualFigures {
        let chosen = years?.years ?? Self.yearsWithCounts(counts)
        let reportsByYear = Dictionary(grouping: publicReports.compactMap { report in
            report.contribution.decisionYear.map { (year: $0, report: report) }
        }, by: \.year)
        return AnnualFigures(method: method, years: chosen.map { year in
            figures(for: year, counts: counts, publicReports: reportsByYear[year]?.map(\.report) ?? [], cases: cases)
        })
    }

    private func figures(for year: ReportingYear, counts: [YearAuthority: AuthorityYearCounts],
                         publicReports: [CollectedPublicReport], cases: [YearAuthority: AuthorityYearCases]) -> YearFigures {
        var rows: [AuthorityYearFigures] = []
        for (i, authority) in register.authorities.enumerated() {
            let current = authority.isCurrent(in: year)
            let key = YearAuthority(year, Int32(i))
            let c = counts[key] ?? AuthorityYearCounts()
            guard (authority.comparisonType != nil && current) || !c.isEmpty else { continue }
            let population = register.population(ofAuthorityAt: i, in: year)
            rows.append(AuthorityYearFigures(
                year: year, authority: authority, isCurrent: current, counts: c, population: population,
                upholdRate: Rounding.percent(c.upheld, of: c.investigations),
                satisfactoryRemedyRate: Rounding.percent(c.satisfactoryRemedies, of: c.upheld),
                complianceRate: Rounding.percent(c.compliant, of: c.complianceOutcomes),
                upheldPer100kTenths: Rounding.per100kTenths(c.upheld, population: population),
                cases: cases[key] ?? .none))
        }
        let types = ComparisonType.allCases.map { type in
            average(of: rows.filter { $0.isCurrent && $0.authority.comparisonType == type }, type: type, year: year)
        }
        // Every authority with a count is a row (only current comparison types are added with
        // zeros), so the rows' sum is every authority's: current or not, any kind.
        let national = Self.national(year, summing: rows.map(\.counts))
        return YearFigures(year: year, authorities: rows, types: types, national: national,
                           areas: Self.areas(of: national), publicReports: publicReportCases(publicReports, in: year))
    }

    /// England's figures in `year`: the sum of `counts` (every authority's) with its rates.
    package static func national(_ year: ReportingYear, summing counts: [AuthorityYearCounts]) -> NationalYearFigures {
        var sum = AuthorityYearCounts()
        for c in counts { sum.add(c) }
        return NationalYearFigures(
            year: year, counts: sum,
            upholdRate: Rounding.percent(sum.upheld, of: sum.investigations),
            satisfactoryRemedyRate: Rounding.percent(sum.satisfactoryRemedies, of: sum.upheld),
            complianceRate: Rounding.percent(sum.compliant, of: sum.complianceOutcomes),
            lateComplianceRate: Rounding.percent(sum.compliedLate, of: sum.complianceOutcomes))
    }

    /// England's figures by service area (all nine, in order) from its national counts.
    package static func areas(of national: NationalYearFigures) -> [AreaYearFigures] {
        let investigations = national.counts.investigations
        return ServiceArea.allCases.map { area in
            let decided = national.counts.decidedByArea[area.rawValue]
            return AreaYearFigures(
                year: national.year, area: area, received: national.counts.received[area.rawValue], decisions: decided,
                upholdRate: Rounding.percent(decided.upheld, of: decided.investigations),
                shareOfInvestigations: Rounding.percent(decided.investigations, of: investigations))
        }
    }

    /// The rows of `public_reports.csv` for one year, sorted as outputs.md says: authority code,
    /// decision date, reference.
    private func publicReportCases(_ reports: [CollectedPublicReport], in year: ReportingYear) -> [PublicReportCase] {
        reports.compactMap { report -> PublicReportCase? in
            let index = Int(report.contribution.authority)
            guard index < register.authorities.count else { return nil }
            return PublicReportCase(year: year, authority: register.authorities[index], reference: report.reference,
                                    decisionDate: report.decided, area: report.contribution.area, text: report.text)
        }.sorted {
            ($0.authority.code, $0.decisionDate.daysSinceEpoch, $0.reference)
                < ($1.authority.code, $1.decisionDate.daysSinceEpoch, $1.reference)
        }
    }

    private func average(of members: [AuthorityYearFigures], type: ComparisonType, year: ReportingYear) -> TypeYearFigures {
        let counts = members.map(\.counts)
        let investigations = counts.map(\.investigations).reduce(0, +)
        let upheld = counts.map(\.upheld).reduce(0, +)
        let remedies = counts.map(\.satisfactoryRemedies).reduce(0, +)
        let outcomes = counts.map(\.complianceOutcomes).reduce(0, +)
        let compliant = counts.map(\.compliant).reduce(0, +)
        let withPopulation = members.compactMap { m in m.population.flatMap { $0 > 0 ? (m.counts.upheld, $0) : nil } }
        let population = withPopulation.isEmpty ? nil : withPopulation.map(\.1).reduce(0, +)

        let uphold, remedy, compliance, per100k: Int?
        switch method {
        case .pooled:
            uphold = Rounding.percent(upheld, of: investigations)
            remedy = Rounding.percent(remedies, of: upheld)
            compliance = Rounding.percent(compliant, of: outcomes)
            per100k = population.flatMap { Rounding.per100kTenths(withPopulation.map(\.0).reduce(0, +), population: $0) }
        case .mean:
            func mean(_ pairs: [(Int, Int)], scale: Int) -> Int? {
                Rounding.mean(of: pairs.filter { $0.1 > 0 }.map { (numerator: $0.0, denominator: $0.1) }, scale: scale)
            }
            uphold = mean(counts.map { ($0.upheld, $0.investigations) }, scale: 100)
            remedy = mean(counts.map { ($0.satisfactoryRemedies, $0.upheld) }, scale: 100)
            compliance = mean(counts.map { ($0.compliant, $0.complianceOutcomes) }, scale: 100)
            per100k = mean(withPopulation, scale: 1_000_000)
        }
        return TypeYearFigures(
            year: year, type: type, method: method, authorities: members.count,
            investigations: investigations, upheld: upheld, satisfactoryRemedies: remedies,
            complianceOutcomes: outcomes, compliant: compliant, population: population,
            averageUpholdRate: uphold, averageSatisfactoryRemedyRate: remedy,
            averageComplianceRate: compliance, averageUpheldPer100kTenths: per100k)
    }
}

/// A (reporting year, authority index) key of the count tables.
package struct YearAuthority: Hashable, Sendable {
    /// The reporting year.
    package let year: ReportingYear
    /// The authority's index in the register.
    package let authority: Int32

    /// The key for `authority` in `year`.
    package init(_ year: ReportingYear, _ authority: Int32) {
        self.year = year
        self.authority = authority
    }
}
