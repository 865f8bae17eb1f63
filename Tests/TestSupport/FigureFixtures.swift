import PipelineModel

/// Figures built by hand for the worked examples of statistics.md and the letter's special
/// cases, with rates computed the way Aggregation does (integers, halves up) and checked against
/// the published values in the tests.
///
/// Each worked example's published counts and averages are as statistics.md gives them; a count
/// or average it does not publish had to be chosen, and its comment says "invented" for each.
/// A fixture with no published source at all has "invented" in its comment too.
package enum FigureFixtures {
    /// A whole percentage of `n` over `d`, halves up; nil for `d` = 0.
    package static func percent(_ n: Int, _ d: Int) -> Int? { d == 0 ? nil : (200 * n + d) / (2 * d) }

    /// Upheld per 100,000 in tenths, halves up; nil without a population.
    package static func per100kTenths(_ upheld: Int, _ population: Int?) -> Int? {
        guard let population, population > 0 else { return nil }
        return (2 * upheld * 1_000_000 + population) / (2 * population)
    }

    /// A row with counts given by area and outcome, rates computed from them.
    package static func row(_ authority: Authority, _ year: String, current: Bool = true, received: [Int] = Array(repeating: 0, count: 9),
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
    package static func type(_ type: ComparisonType, _ year: String, uphold: Int?, remedy: Int?, compliance: Int?,
                     per100kTenths: Int?, authorities: Int = 10) -> TypeYearFigures {
        TypeYearFigures(
            year: .labelled(year), type: type, method: .pooled, authorities: authorities, investigations: 200,
            upheld: 150, satisfactoryRemedies: 20, complianceOutcomes: 120, compliant: 118, population: 3_000_000,
            averageUpholdRate: uphold, averageSatisfactoryRemedyRate: remedy, averageComplianceRate: compliance,
            averageUpheldPer100kTenths: per100kTenths)
    }

    /// The five type rows of a year, with `given` in place of the defaults.
    package static func types(_ year: String, _ given: [TypeYearFigures]) -> [TypeYearFigures] {
        ComparisonType.allCases.map { t in
            given.first { $0.type == t } ?? type(t, year, uphold: 70, remedy: 15, compliance: 100, per100kTenths: 40)
        }
    }

    /// Leicester City Council, 2023-24 (statistics.md): 18 upheld of 21 investigations = 86%;
    /// 4.8 per 100,000 (with the 2023-24 population of sample-data/population.csv, 374,998); 15
    /// compliance outcomes, 100%; 2 satisfactory remedies of 18 upheld = 11%. Invented: the
    /// received counts, the outcomes other than upheld and not upheld, the split of compliance
    /// outcomes (14 on time, 1 late), one public report.
    package static let leicester2023 = row(
        RegisterFixture.leicester, "2023-24",
        received: [6, 3, 10, 12, 8, 9, 25, 7, 2],
        outcomes: [3, 2, 15, 30, 3, 18], remedies: 2, complied: 14, compliedLate: 1, publicReports: 1,
        population: 374_998)

    /// The unitary averages of 2023-24 as published beside Leicester: uphold 79%, compliance
    /// 100%, satisfactory remedies 13%, 4.6 upheld per 100,000. Invented: the sums behind them.
    package static let unitary2023 = type(.unitary, "2023-24", uphold: 79, remedy: 13, compliance: 100, per100kTenths: 46)

    /// Bury Metropolitan Borough Council, 2019-20 (statistics.md): 73 received; decisions 4
    /// incomplete/invalid, 2 advice given, 24 referred back, 27 closed after initial enquiries,
    /// 9 not upheld, 6 upheld: 15 detailed investigations, 40%. Invented: the received counts by
    /// service area, one satisfactory remedy (the singular form) and 4 of 5 compliance outcomes.
    package static let bury2019 = row(
        RegisterFixture.bury, "2019-20",
        received: [9, 5, 6, 11, 10, 8, 12, 9, 3],
        outcomes: [4, 2, 24, 27, 9, 6], remedies: 1, complied: 3, compliedLate: 1, notComplied: 1,
        population: 190_708)

    /// The metropolitan type in 2019-20. Invented: every average.
    package static let metropolitan2019 = type(.metropolitan, "2019-20", uphold: 56, remedy: 12, compliance: 95, per100kTenths: 28)

    /// London Borough of Sutton, 2023-24 (statistics.md): 2 satisfactory remedies of 16 upheld =
    /// 12.5%, printed 13%; 7.6 per 100,000 with the 2023-24 population of
    /// sample-data/population.csv (211,230). Invented: the received counts, the other outcomes, no
    /// compliance outcomes (`0%`).
    package static let sutton2023 = row(
        RegisterFixture.sutton, "2023-24",
        received: [4, 2, 8, 6, 5, 7, 12, 3, 1],
        outcomes: [1, 0, 8, 20, 4, 16], remedies: 2, population: 211_230)

    /// The London borough type in 2023-24. Invented: every average (none is published here).
    package static let london2023 = type(.londonBorough, "2023-24", uphold: 74, remedy: 15, compliance: 100, per100kTenths: 66)

    /// Buckinghamshire County Council, 2020-21: abolished on 1 April 2020, so not current; one
    /// upheld decision made about it that year (singular), none with a satisfactory remedy, one
    /// compliance outcome not complied (0%, with the learning sentence).
    package static let buckinghamshireCounty2020 = row(
        RegisterFixture.buckinghamshireCounty, "2020-21", current: false,
        outcomes: [0, 0, 0, 2, 0, 1], remedies: 0, notComplied: 1, population: 543_973)

    /// The county type in 2020-21 (present, but not shown beside an abolished county). Invented.
    package static let county2020 = type(.county, "2020-21", uphold: 68, remedy: 21, compliance: 83, per100kTenths: 30)

    /// Greater Manchester Combined Authority, 2023-24: no comparison type, no population, "the
    /// authority" in its letter. Invented: every count.
    package static let greaterManchester2023 = row(
        RegisterFixture.greaterManchester, "2023-24",
        received: [0, 0, 1, 0, 0, 2, 0, 0, 0],
        outcomes: [0, 0, 1, 1, 1, 1], remedies: 1, complied: 1, population: nil)

    /// Bury in 2023-24 with nothing decided: every base is empty. Invented.
    package static let buryEmpty2023 = row(RegisterFixture.bury, "2023-24", outcomes: [0, 0, 0, 0, 0, 0], remedies: 0,
                                   population: 190_708)

    /// Kent County Council (a county council, not in the sample register).
    package static let kent = Authority(code: "KEN", officialName: "Kent County Council", registerType: "CTY",
                                startDate: Day(year: 1974, month: 4, day: 1))

    /// Kent County Council, 2022-23 (statistics.md): 53 upheld of 61 detailed investigations =
    /// 87%; 3.4 per 100,000; 51 compliance outcomes, 100%; 4 satisfactory remedies = 8%.
    /// Invented: the received counts, the outcomes other than upheld and not upheld, the
    /// population (1,578,500, chosen within the range that gives the published 3.4).
    package static let kent2022 = row(
        kent, "2022-23", received: [60, 12, 20, 95, 40, 70, 10, 15, 8],
        outcomes: [20, 15, 60, 140, 8, 53], remedies: 4, complied: 51, population: 1_578_500)

    /// The county averages of 2022-23 as published beside Kent: uphold 80%, satisfactory
    /// remedies 6%, 3.4 per 100,000. Invented: the compliance average (99%) and the sums.
    package static let county2022 = type(.county, "2022-23", uphold: 80, remedy: 6, compliance: 99, per100kTenths: 34)

    /// Leicester City Council, 2024-25 (statistics.md): dealt with 118 complaints, 28 not for
    /// us, 67 assessed and closed, 23 investigated; 17 upheld = 74%; 4.5 per 100,000. Invented:
    /// the split of the 28 (10 incomplete/invalid, 6 advice given, 12 referred back), the received
    /// counts, remedies and compliance outcomes, the population (378,000, within the range that
    /// gives the published 4.5).
    package static let leicester2024 = row(
        RegisterFixture.leicester, "2024-25", received: [7, 4, 12, 14, 9, 10, 30, 8, 3],
        outcomes: [10, 6, 12, 67, 6, 17], remedies: 3, complied: 12, population: 378_000)

    /// The unitary averages of 2024-25: uphold 80% as published beside Leicester. Invented: the
    /// other averages and the sums.
    package static let unitary2024 = type(.unitary, "2024-25", uphold: 80, remedy: 14, compliance: 99, per100kTenths: 47)

    /// The Royal Borough of Windsor and Maidenhead (a unitary authority, not in the sample register).
    package static let windsorAndMaidenhead = Authority(code: "WNM", officialName: "Royal Borough of Windsor and Maidenhead",
                                                registerType: "UA", startDate: Day(year: 1998, month: 4, day: 1))

    /// Windsor and Maidenhead, 2020-21 (statistics.md): "13 detailed investigations", and no
    /// per-100,000 lines in that year's wording. Invented: every other count (8 upheld), the
    /// population it has but does not print, and the averages.
    package static let windsor2020 = row(
        windsorAndMaidenhead, "2020-21", received: [5, 2, 6, 8, 7, 6, 9, 10, 1],
        outcomes: [4, 3, 10, 20, 5, 8], remedies: 1, complied: 6, compliedLate: 1, population: 151_000)

    /// Cumbria County Council: abolished on 1 April 2023 (statistics.md's example of n/a
    /// averages in 2023-24).
    package static let cumbria = Authority(code: "CMA", officialName: "Cumbria County Council", registerType: "CTY",
                                   startDate: Day(year: 1974, month: 4, day: 1), endDate: Day(year: 2023, month: 4, day: 1),
                                   replacedBy: ["CBR", "WMF"])

    /// Cumbria County Council, 2023-24: decisions made about it after it was abolished. Invented:
    /// every count.
    package static let cumbria2023 = row(cumbria, "2023-24", current: false, outcomes: [1, 0, 2, 3, 1, 2], remedies: 1,
                                 complied: 1, population: nil)

    /// Two public reports about Leicester in 2023-24. Invented: references, dates, summaries and
    /// remedies.
    package static let leicesterReports = [
        PublicReportCase(year: .labelled("2023-24"), authority: RegisterFixture.leicester, reference: 23_001_234,
                         decisionDate: Day(year: 2023, month: 9, day: 14)!, area: .housing,
                         text: PublicReportText(subcategory: "Homelessness", decision: "Upheld: fault and injustice",
                                                remedy: "apologise, pay £1,500 and review its temporary accommodation procedures",
                                                summary: "The Council delayed for a year in placing a homeless family in suitable accommodation.")),
        PublicReportCase(year: .labelled("2023-24"), authority: RegisterFixture.leicester, reference: 23_004_567,
                         decisionDate: Day(year: 2024, month: 2, day: 1)!, area: .adultCare,
                         text: PublicReportText(subcategory: "Assessment and care plan", decision: "Upheld: fault and injustice",
                                                remedy: "",
                                                summary: "The Council failed to arrange the care a disabled resident had been assessed as needing.")),
    ]

    /// The run's figures: 2019-20, 2020-21 and 2023-24.
    package static let annual = AnnualFigures(method: .pooled, years: [
        YearFigures.summing(year: .labelled("2019-20"), authorities: [bury2019], types: types("2019-20", [metropolitan2019])),
        YearFigures.summing(year: .labelled("2020-21"), authorities: [buckinghamshireCounty2020], types: types("2020-21", [county2020])),
        YearFigures.summing(year: .labelled("2023-24"),
                    authorities: [buryEmpty2023, greaterManchester2023, leicester2023, sutton2023],
                    types: types("2023-24", [unitary2023, london2023])),
    ])

    /// The year of `annual` labelled `label`.
    package static func year(_ label: String) -> YearFigures {
        annual.years.first { $0.year.label == label }!
    }

    /// One year holding just `row` and default types plus `types`.
    package static func single(_ row: AuthorityYearFigures, types given: [TypeYearFigures] = [],
                       publicReports: [PublicReportCase] = []) -> AnnualFigures {
        AnnualFigures(method: .pooled, years: [
            YearFigures.summing(year: row.year, authorities: [row], types: types(row.year.label, given),
                                publicReports: publicReports),
        ])
    }
}
