import PipelineModel
import TestSupport

/// Figures built by hand for the worked examples of statistics.md and the letter's special
/// cases, with rates computed the way Aggregation does (integers, halves up) and checked against
/// the published values in the tests.
enum Fixtures {
    /// A whole percentage of `n` over `d`, halves up; nil for `d` = 0.
    static func percent(_ n: Int, _ d: Int) -> Int? { d == 0 ? nil : (200 * n + d) / (2 * d) }

    /// Upheld per 100,000 in tenths, halves up; nil without a population.
    static func per100kTenths(_ upheld: Int, _ population: Int?) -> Int? {
        guard let population, population > 0 else { return nil }
        return (2 * upheld * 1_000_000 + population) / (2 * population)
    }

    /// A row with counts given by area and outcome, rates computed from them.
    static func row(_ authority: Authority, _ year: String, current: Bool = true, received: [Int] = Array(repeating: 0, count: 9),
                    outcomes: [Int], remedies: Int, complied: Int = 0, compliedLate: Int = 0, notComplied: Int = 0,
                    publicReports: Int = 0, population: Int?) -> AuthorityYearFigures {
        var counts = AuthorityYearCounts()
        counts.received = received
        counts.outcomes = outcomes
        counts.satisfactoryRemedies = remedies
        counts.complied = complied
        counts.compliedLate = compliedLate
        counts.notComplied = notComplied
        counts.publicReports = publicReports
        let population = current ? population : nil
        return AuthorityYearFigures(
            year: .labelled(year), authority: authority, isCurrent: current, counts: counts, population: population,
            upholdRate: percent(counts.upheld, counts.investigations),
            satisfactoryRemedyRate: percent(remedies, counts.upheld),
            complianceRate: percent(counts.compliant, counts.complianceOutcomes),
            upheldPer100kTenths: per100kTenths(counts.upheld, population))
    }

    /// A type row with the given averages (sums are not printed by the letters).
    static func type(_ type: ComparisonType, _ year: String, uphold: Int?, remedy: Int?, compliance: Int?,
                     per100kTenths: Int?, authorities: Int = 10) -> TypeYearFigures {
        TypeYearFigures(
            year: .labelled(year), type: type, method: .pooled, authorities: authorities, investigations: 200,
            upheld: 150, satisfactoryRemedies: 20, complianceOutcomes: 120, compliant: 118, population: 3_000_000,
            averageUpholdRate: uphold, averageSatisfactoryRemedyRate: remedy, averageComplianceRate: compliance,
            averageUpheldPer100kTenths: per100kTenths)
    }

    /// The five type rows of a year, with `given` in place of the defaults.
    static func types(_ year: String, _ given: [TypeYearFigures]) -> [TypeYearFigures] {
        ComparisonType.allCases.map { t in
            given.first { $0.type == t } ?? type(t, year, uphold: 70, remedy: 15, compliance: 100, per100kTenths: 40)
        }
    }

    /// Leicester City Council, 2023-24 (statistics.md): 18 upheld of 21 investigations = 86%,
    /// unitary average 79%; 4.8 per 100,000 (population 374,000); 15 compliance outcomes, 100%;
    /// 2 satisfactory remedies of 18 upheld = 11%.
    static let leicester2023 = row(
        RegisterFixture.leicester, "2023-24",
        received: [6, 3, 10, 12, 8, 9, 25, 7, 2],
        outcomes: [3, 2, 15, 30, 3, 18], remedies: 2, complied: 14, compliedLate: 1, publicReports: 1,
        population: 374_000)

    /// The unitary type in 2023-24: average uphold rate 79%.
    static let unitary2023 = type(.unitary, "2023-24", uphold: 79, remedy: 14, compliance: 99, per100kTenths: 51)

    /// Bury Metropolitan Borough Council, 2019-20 (statistics.md): 73 received; decisions 4
    /// incomplete/invalid, 2 advice given, 24 referred back, 27 closed after initial enquiries,
    /// 9 not upheld, 6 upheld: 15 detailed investigations, 40%. One satisfactory remedy (the
    /// singular form) and 4 of 5 compliance outcomes (80%: the learning sentence).
    static let bury2019 = row(
        RegisterFixture.bury, "2019-20",
        received: [9, 5, 6, 11, 10, 8, 12, 9, 3],
        outcomes: [4, 2, 24, 27, 9, 6], remedies: 1, complied: 3, compliedLate: 1, notComplied: 1,
        population: 190_708)

    /// The metropolitan type in 2019-20.
    static let metropolitan2019 = type(.metropolitan, "2019-20", uphold: 56, remedy: 12, compliance: 95, per100kTenths: 28)

    /// London Borough of Sutton, 2023-24 (statistics.md): 2 satisfactory remedies of 16 upheld =
    /// 12.5%, printed 13%. No compliance outcomes: `0%`, without the learning sentence.
    static let sutton2023 = row(
        RegisterFixture.sutton, "2023-24",
        received: [4, 2, 8, 6, 5, 7, 12, 3, 1],
        outcomes: [1, 0, 8, 20, 4, 16], remedies: 2, population: 207_707)

    /// The London borough type in 2023-24.
    static let london2023 = type(.londonBorough, "2023-24", uphold: 74, remedy: 15, compliance: 100, per100kTenths: 66)

    /// Buckinghamshire County Council, 2020-21: abolished on 1 April 2020, so not current; one
    /// upheld decision made about it that year (singular), none with a satisfactory remedy, one
    /// compliance outcome not complied (0%, with the learning sentence).
    static let buckinghamshireCounty2020 = row(
        RegisterFixture.buckinghamshireCounty, "2020-21", current: false,
        outcomes: [0, 0, 0, 2, 0, 1], remedies: 0, notComplied: 1, population: 543_973)

    /// The county type in 2020-21 (present, but not shown beside an abolished county).
    static let county2020 = type(.county, "2020-21", uphold: 68, remedy: 21, compliance: 83, per100kTenths: 30)

    /// Greater Manchester Combined Authority, 2023-24: no comparison type, no population.
    static let greaterManchester2023 = row(
        RegisterFixture.greaterManchester, "2023-24",
        received: [0, 0, 1, 0, 0, 2, 0, 0, 0],
        outcomes: [0, 0, 1, 1, 1, 1], remedies: 1, complied: 1, population: nil)

    /// Bury in 2023-24 with nothing decided: every base is empty.
    static let buryEmpty2023 = row(RegisterFixture.bury, "2023-24", outcomes: [0, 0, 0, 0, 0, 0], remedies: 0,
                                   population: 190_708)

    /// The run's figures: 2019-20, 2020-21 and 2023-24.
    static let annual = AnnualFigures(method: .pooled, years: [
        YearFigures.summing(year: .labelled("2019-20"), authorities: [bury2019], types: types("2019-20", [metropolitan2019])),
        YearFigures.summing(year: .labelled("2020-21"), authorities: [buckinghamshireCounty2020], types: types("2020-21", [county2020])),
        YearFigures.summing(year: .labelled("2023-24"),
                    authorities: [buryEmpty2023, greaterManchester2023, leicester2023, sutton2023],
                    types: types("2023-24", [unitary2023, london2023])),
    ])

    /// The year of `annual` labelled `label`.
    static func year(_ label: String) -> YearFigures {
        annual.years.first { $0.year.label == label }!
    }

    /// One year holding just `row` and default types plus `types`.
    static func single(_ row: AuthorityYearFigures, types given: [TypeYearFigures] = []) -> AnnualFigures {
        AnnualFigures(method: .pooled, years: [
            YearFigures.summing(year: row.year, authorities: [row], types: types(row.year.label, given)),
        ])
    }
}
