import Aggregation
import PipelineModel
import Testing
import TestSupport

/// A case about authority `authority`; decided when `outcome` is given.
private func makeCase(_ authority: Int32, received: Day = .on(2019, 5, 1), area: ServiceArea = .housing,
                      decided: Day? = .on(2019, 10, 1), outcome: Outcome? = nil, satisfactory: Bool = false,
                      publicReport: Bool = false, compliance: ComplianceOutcome? = nil,
                      complianceDate: Day? = nil) -> CaseRecord {
    CaseRecord(reference: 0, lastUpdated: 0, authority: authority, received: received, area: area,
               decisionDate: outcome == nil ? nil : decided, outcome: outcome, satisfactoryRemedy: satisfactory,
               publicReport: publicReport, compliance: compliance, complianceDate: complianceDate)
}

/// `count` copies of a case.
private func times(_ count: Int, _ c: CaseRecord) -> [CaseRecord] { Array(repeating: c, count: count) }

@Suite struct FigureCountTests {
    let builder = FigureBuilder(register: RegisterFixture.register, method: .pooled)
    let lce = RegisterFixture.index("LCE")

    private func key(_ label: String, _ authority: Int32) -> YearAuthority {
        YearAuthority(.labelled(label), authority)
    }

    @Test func eachCountGoesToTheYearOfItsOwnDate() throws {
        // Received on the last day of 2019-20, decided on the first day of 2020-21, complied in 2021-22.
        let c = makeCase(lce, received: .on(2020, 3, 31), area: .planning, decided: .on(2020, 4, 1), outcome: .upheld,
                         satisfactory: true, publicReport: true, compliance: .complied, complianceDate: .on(2021, 4, 1))
        let counts = builder.counts(of: [c])
        #expect(counts.count == 3)
        let received = try #require(counts[key("2019-20", lce)])
        #expect(received.receivedTotal == 1)
        #expect(received.received[ServiceArea.planning.rawValue] == 1)
        #expect(received.decisionsTotal == 0)
        let decided = try #require(counts[key("2020-21", lce)])
        #expect(decided.receivedTotal == 0)
        #expect(decided.upheld == 1)
        #expect(decided.satisfactoryRemedies == 1)
        #expect(decided.publicReports == 1)
        #expect(decided.complianceOutcomes == 0)
        let complied = try #require(counts[key("2021-22", lce)])
        #expect(complied.complied == 1)
        #expect(complied.decisionsTotal == 0 && complied.receivedTotal == 0)
    }

    @Test func complianceOnThirtyFirstMarchStaysInTheYear() {
        let counts = builder.counts(of: [
            makeCase(lce, outcome: .upheld, compliance: .compliedLate, complianceDate: .on(2020, 3, 31)),
            makeCase(lce, outcome: .upheld, compliance: .notComplied, complianceDate: .on(2020, 4, 1)),
        ])
        #expect(counts[key("2019-20", lce)]?.compliedLate == 1)
        #expect(counts[key("2019-20", lce)]?.notComplied == 0)
        #expect(counts[key("2020-21", lce)]?.notComplied == 1)
    }

    @Test func awaitingIsNotAComplianceOutcome() {
        let counts = builder.counts(of: [makeCase(lce, outcome: .upheld, compliance: .awaiting, complianceDate: .on(2019, 12, 1))])
        let c = counts[key("2019-20", lce)]
        #expect(c?.complianceOutcomes == 0)
        #expect(c?.complied == 0 && c?.compliedLate == 0 && c?.notComplied == 0)
    }

    @Test func satisfactoryRemedyCountsOnUpheldDecisionsOnly() {
        let counts = builder.counts(of: [
            makeCase(lce, outcome: .upheld, satisfactory: true),
            makeCase(lce, outcome: .notUpheld, satisfactory: true),
            makeCase(lce, outcome: .closedAfterInitialEnquiries, satisfactory: true),
            makeCase(lce, outcome: nil, satisfactory: true),
        ])
        #expect(counts[key("2019-20", lce)]?.satisfactoryRemedies == 1)
    }

    /// Invented cases: register indices that arrive out of order and far apart (the counts'
    /// blocks move as higher indices arrive) keep every count where it was.
    @Test func countsStayPutAsHigherRegisterIndicesArrive() throws {
        let cases = [
            makeCase(3, received: .on(2019, 5, 1), area: .planning, decided: .on(2020, 5, 1), outcome: .upheld,
                     satisfactory: true, publicReport: true, compliance: .compliedLate, complianceDate: .on(2021, 5, 1)),
            makeCase(200, received: .on(2018, 5, 1), outcome: .notUpheld),  // decided in 2019-20
            makeCase(65_000, received: .on(2019, 6, 1), area: .educationChildren, outcome: .upheld),
            makeCase(3, received: .on(2019, 7, 1), area: .planning, outcome: .referredBack),
        ]
        let counts = builder.counts(of: cases)
        #expect(counts.count == 6)
        let three = try #require(counts[key("2019-20", 3)])
        #expect(three.received[ServiceArea.planning.rawValue] == 2 && three.receivedTotal == 2)
        #expect(three.outcomes[Outcome.referredBack.rawValue] == 1 && three.decisionsTotal == 1)
        let decided = try #require(counts[key("2020-21", 3)])
        #expect(decided.upheld == 1 && decided.satisfactoryRemedies == 1 && decided.publicReports == 1)
        var planning = AreaDecisionCounts()
        (planning.decisions, planning.upheld, planning.satisfactoryRemedies, planning.publicReports) = (1, 1, 1, 1)
        #expect(decided.decidedByArea[ServiceArea.planning.rawValue] == planning)
        #expect(counts[key("2021-22", 3)]?.compliedLate == 1)
        #expect(counts[key("2018-19", 200)]?.receivedTotal == 1)
        #expect(counts[key("2019-20", 200)]?.outcomes[Outcome.notUpheld.rawValue] == 1)
        #expect(counts[key("2019-20", 200)]?.decidedByArea[ServiceArea.housing.rawValue].notUpheld == 1)
        let far = try #require(counts[key("2019-20", 65_000)])
        #expect(far.received[ServiceArea.educationChildren.rawValue] == 1 && far.upheld == 1)
        // The same as counting each case on its own and adding the counts up.
        var added: [YearAuthority: AuthorityYearCounts] = [:]
        for c in cases {
            for (yearAuthority, one) in builder.counts(of: [c]) { added[yearAuthority, default: AuthorityYearCounts()].add(one) }
        }
        #expect(added == counts)
    }

    @Test func openCasesCountAsReceivedOnly() {
        let counts = builder.counts(of: [makeCase(lce, outcome: nil, publicReport: true)])
        #expect(counts[key("2019-20", lce)]?.receivedTotal == 1)
        #expect(counts[key("2019-20", lce)]?.decisionsTotal == 0)
        #expect(counts[key("2019-20", lce)]?.publicReports == 0)
    }

    @Test func defaultYearsAreTheYearsWithCounts() {
        let counts = builder.counts(of: [makeCase(lce, received: .on(2018, 4, 1), decided: .on(2021, 3, 1), outcome: .upheld)])
        #expect(FigureBuilder.yearsWithCounts(counts).map(\.label) == ["2018-19", "2020-21"])
        #expect(FigureBuilder.yearsWithCounts([:]).isEmpty)
        #expect(builder.figures(from: [:], years: nil).years.isEmpty)
        #expect(builder.figures(from: counts, years: nil).years.map(\.year.label) == ["2018-19", "2020-21"])
        #expect(builder.figures(from: counts, years: YearRange("2018-19..2020-21")).years.count == 3)
    }
}

@Suite struct FigureRowTests {
    let builder = FigureBuilder(register: RegisterFixture.register, method: .pooled)

    @Test func everyCurrentAuthorityOfAComparisonTypeHasARowWithZeros() throws {
        let figures = builder.figures(from: [:], years: YearRange("2019-20"))
        let year = try #require(figures.years.first)
        // Buckinghamshire Council starts after the year; Cardiff and the combined authority have no type.
        #expect(year.authorities.map(\.authority.code) == ["BKM", "BUR", "LCE", "NBL", "NEC", "NET", "STN"])
        for row in year.authorities {
            #expect(row.isCurrent)
            #expect(row.counts.isEmpty)
            #expect(row.upholdRate == nil && row.satisfactoryRemedyRate == nil && row.complianceRate == nil)
            #expect(row.upheldPer100kTenths == (row.population == nil ? nil : 0))
        }
        #expect(year.authorities.first { $0.authority.code == "BUR" }?.population == 190_708)
        #expect(year.authorities.first { $0.authority.code == "NBL" }?.population == nil)
        #expect(year.types.map(\.type) == ComparisonType.allCases)
        #expect(year.types.map(\.authorities) == [1, 1, 2, 2, 1])
        #expect(year.types.allSatisfy { $0.averageUpholdRate == nil && $0.method == .pooled })
    }

    @Test func otherKindsHaveRowsOnlyInYearsWithCounts() throws {
        let gmca = RegisterFixture.index("GMCA"), cardiff = RegisterFixture.index("CRF")
        let counts = builder.counts(of: [makeCase(gmca, outcome: .notUpheld), makeCase(cardiff)])
        let figures = builder.figures(from: counts, years: YearRange("2019-20..2020-21"))
        let first = try #require(figures.years.first)
        let combined = try #require(first.authorities.first { $0.authority.code == "GMCA" })
        #expect(combined.authority.comparisonType == nil)
        #expect(combined.counts.investigations == 1)
        #expect(combined.upholdRate == 0)
        #expect(first.authorities.contains { $0.authority.code == "CRF" })
        #expect(first.types.map(\.authorities).reduce(0, +) == 7) // neither is in any type
        let second = try #require(figures.years.last)
        #expect(!second.authorities.contains { $0.authority.code == "GMCA" || $0.authority.code == "CRF" })
        #expect(second.authorities.contains { $0.authority.code == "BUC" })
    }

    @Test func rowsAreSortedByCode() throws {
        let counts = builder.counts(of: [makeCase(RegisterFixture.index("GMCA")), makeCase(RegisterFixture.index("CRF"))])
        let year = try #require(builder.figures(from: counts, years: YearRange("2019-20")).years.first)
        let codes = year.authorities.map(\.authority.code)
        #expect(codes == codes.sorted())
    }
}

@Suite struct FigureAverageTests {
    /// Four metropolitan districts: AAA and BBB with populations, CCC without, DDD abolished
    /// in June 2019; and a county for contrast.
    static let register = AuthorityRegister(authorities: [
        Authority(code: "AAA", officialName: "A Council", registerType: "MD", population2020: 100_000),
        Authority(code: "BBB", officialName: "B Council", registerType: "MD", population2020: 300_000),
        Authority(code: "CCC", officialName: "C Council", registerType: "MD"),
        Authority(code: "DDD", officialName: "D Council", registerType: "MD", endDate: .on(2019, 6, 1), population2020: 50_000),
        Authority(code: "KEN", officialName: "Kent County Council", registerType: "CTY", population2020: 1_000_000),
    ])

    static func cases() -> [CaseRecord] {
        let (a, b, c, d) = (Int32(0), Int32(1), Int32(2), Int32(3))
        return [makeCase(a, outcome: .upheld, satisfactory: true, compliance: .complied, complianceDate: .on(2019, 12, 1))]
            + [makeCase(b, outcome: .upheld, compliance: .complied, complianceDate: .on(2019, 12, 1))]
            + times(2, makeCase(b, outcome: .notUpheld))
            + [makeCase(b, compliance: .notComplied, complianceDate: .on(2019, 12, 1))]
            + times(2, makeCase(c, outcome: .upheld))
            + times(5, makeCase(d, received: .on(2019, 4, 10), decided: .on(2019, 5, 1), outcome: .upheld, satisfactory: true))
    }

    private func year(_ method: AveragingMethod) throws -> YearFigures {
        let builder = FigureBuilder(register: Self.register, method: method)
        let figures = builder.figures(from: builder.counts(of: Self.cases()), years: YearRange("2019-20"))
        #expect(figures.method == method)
        return try #require(figures.years.first)
    }

    @Test func abolishedAuthorityHasItsOwnFiguresButNoPopulationAndNoPlaceInTheAverage() throws {
        let year = try year(.pooled)
        let abolished = try #require(year.authorities.first { $0.authority.code == "DDD" })
        #expect(!abolished.isCurrent)
        #expect(abolished.counts.upheld == 5)
        #expect(abolished.upholdRate == 100)
        #expect(abolished.satisfactoryRemedyRate == 100)
        #expect(abolished.population == nil)
        #expect(abolished.upheldPer100kTenths == nil)
        let md = try #require(year.figures(for: .metropolitan))
        #expect(md.authorities == 3)
        #expect(md.upheld == 4)
    }

    @Test func pooledAveragesDivideSumsBySums() throws {
        let md = try #require(try year(.pooled).figures(for: .metropolitan))
        #expect(md.method == .pooled)
        #expect(md.investigations == 6)
        #expect(md.upheld == 4)
        #expect(md.satisfactoryRemedies == 1)
        #expect(md.complianceOutcomes == 3)
        #expect(md.compliant == 2)
        #expect(md.population == 400_000)
        #expect(md.averageUpholdRate == 67)                 // 4 / 6
        #expect(md.averageSatisfactoryRemedyRate == 25)     // 1 / 4
        #expect(md.averageComplianceRate == 67)             // 2 / 3
        // Only authorities with a population: 2 upheld per 400,000 (CCC's 2 upheld left out).
        #expect(md.averageUpheldPer100kTenths == 5)
    }

    @Test func meanAveragesTakeAuthoritiesWithANonZeroDenominator() throws {
        let md = try #require(try year(.mean).figures(for: .metropolitan))
        #expect(md.method == .mean)
        #expect(md.averageUpholdRate == 78)                 // (100 + 33.3 + 100) / 3
        #expect(md.averageSatisfactoryRemedyRate == 33)     // (100 + 0 + 0) / 3
        #expect(md.averageComplianceRate == 75)             // (100 + 50) / 2: CCC had no outcomes
        #expect(md.averageUpheldPer100kTenths == 7)         // (1.0 + 0.33) / 2: CCC has no population
        #expect(md.population == 400_000)
    }

    @Test func typeWithNothingToAverageHasNoAverages() throws {
        for method in AveragingMethod.allCases {
            let county = try #require(try year(method).figures(for: .county))
            #expect(county.authorities == 1)
            #expect(county.averageUpholdRate == nil)
            #expect(county.averageSatisfactoryRemedyRate == nil)
            #expect(county.averageComplianceRate == nil)
            #expect(county.population == 1_000_000)
            #expect(county.averageUpheldPer100kTenths == 0)
            let london = try #require(try year(method).figures(for: .londonBorough))
            #expect(london.authorities == 0)
            #expect(london.population == nil)
            #expect(london.averageUpheldPer100kTenths == nil)
        }
    }
}

@Suite struct WorkedExampleTests {
    @Test func bury2019() throws {
        let bury = RegisterFixture.index("BUR")
        let decided = times(4, makeCase(bury, outcome: .incompleteInvalid)) + times(2, makeCase(bury, outcome: .adviceGiven))
            + times(24, makeCase(bury, outcome: .referredBack)) + times(27, makeCase(bury, outcome: .closedAfterInitialEnquiries))
            + times(9, makeCase(bury, outcome: .notUpheld)) + times(6, makeCase(bury, outcome: .upheld))
        let cases = decided + [makeCase(bury, received: .on(2020, 3, 31), area: .adultCare)]
        let builder = FigureBuilder(register: RegisterFixture.register, method: .pooled)
        let year = try #require(builder.figures(from: builder.counts(of: cases), years: YearRange("2019-20")).years.first)
        let row = try #require(year.authorities.first { $0.authority.code == "BUR" })
        #expect(row.counts.receivedTotal == 73)
        #expect(row.counts.received[ServiceArea.adultCare.rawValue] == 1)
        #expect(row.counts.decisionsTotal == 72)
        #expect(row.counts.outcomes == [4, 2, 24, 27, 9, 6])
        #expect(row.counts.investigations == 15)
        #expect(row.upholdRate == 40)
        #expect(row.authority.officialName == "Bury Metropolitan Borough Council")
    }

    @Test func leicesterAndSutton2023() throws {
        let y = ReportingYear.labelled("2023-24")
        let register = RegisterFixture.register.with(populationTable: [PopulationKey(code: "LCE", year: y): 374_000])
        let (lce, nbl, stn) = (RegisterFixture.index("LCE"), RegisterFixture.index("NBL"), RegisterFixture.index("STN"))
        let decided = Day.on(2023, 9, 1)
        let recorded = Day.on(2024, 2, 1)
        func upheld(_ a: Int32, satisfactory: Bool = false) -> CaseRecord {
            makeCase(a, received: .on(2023, 4, 10), decided: decided, outcome: .upheld, satisfactory: satisfactory)
        }
        let cases = times(2, upheld(lce, satisfactory: true)) + times(16, upheld(lce))
            + times(3, makeCase(lce, received: .on(2023, 4, 10), decided: decided, outcome: .notUpheld))
            + times(10, makeCase(lce, received: .on(2022, 4, 10), compliance: .complied, complianceDate: recorded))
            + times(5, makeCase(lce, received: .on(2022, 4, 10), compliance: .compliedLate, complianceDate: recorded))
            + times(12, upheld(nbl))
            + times(5, makeCase(nbl, received: .on(2023, 4, 10), decided: decided, outcome: .notUpheld))
            + times(2, upheld(stn, satisfactory: true)) + times(14, upheld(stn))

        for method in AveragingMethod.allCases {
            let builder = FigureBuilder(register: register, method: method)
            let year = try #require(builder.figures(from: builder.counts(of: cases), years: YearRange("2023-24")).years.first)
            let leicester = try #require(year.authorities.first { $0.authority.code == "LCE" })
            #expect(leicester.counts.upheld == 18)
            #expect(leicester.counts.investigations == 21)
            #expect(leicester.upholdRate == 86)
            #expect(leicester.satisfactoryRemedyRate == 11)
            #expect(leicester.counts.complianceOutcomes == 15)
            #expect(leicester.complianceRate == 100)
            #expect(leicester.population == 374_000)
            #expect(leicester.upheldPer100kTenths == 48)
            let sutton = try #require(year.authorities.first { $0.authority.code == "STN" })
            #expect(sutton.satisfactoryRemedyRate == 13)
            #expect(sutton.counts.satisfactoryRemedies == 2)
            // Unitaries: Leicester 18 of 21, Northumberland 12 of 17, Buckinghamshire none.
            let unitary = try #require(year.figures(for: .unitary))
            #expect(unitary.authorities == 3)
            #expect(unitary.averageUpholdRate == (method == .pooled ? 79 : 78))
        }
    }
}
