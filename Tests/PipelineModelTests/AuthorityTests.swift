import PipelineModel
import Testing
import TestSupport

@Suite struct AuthorityTests {
    private func authority(start: Day? = nil, end: Day? = nil, type: String = "UA", nation: String = "England") -> Authority {
        Authority(code: "XYZ", officialName: "Test Council", registerType: type, nation: nation,
                  startDate: start, endDate: end)
    }

    private let year2019 = ReportingYear(startYear: 2019)

    @Test func endingOnThirtyFirstMarchIsStillCurrentInTheYear() {
        #expect(authority(end: .on(2020, 3, 31)).isCurrent(in: year2019))
    }

    @Test func endingOnThirtiethMarchIsNotCurrentInTheYear() {
        #expect(!authority(end: .on(2020, 3, 30)).isCurrent(in: year2019))
    }

    @Test func endingAfterTheYearIsCurrent() {
        #expect(authority(end: .on(2020, 4, 1)).isCurrent(in: year2019))
    }

    @Test func startingOnThirtyFirstMarchIsCurrent() {
        #expect(authority(start: .on(2020, 3, 31)).isCurrent(in: year2019))
    }

    @Test func startingOnFirstAprilOfTheNextYearIsNotCurrent() {
        #expect(!authority(start: .on(2020, 4, 1)).isCurrent(in: year2019))
        #expect(authority(start: .on(2020, 4, 1)).isCurrent(in: ReportingYear(startYear: 2020)))
    }

    @Test func openEndedAuthorityIsAlwaysCurrent() {
        #expect(authority().isCurrent(in: ReportingYear(startYear: 1990)))
        #expect(authority().isCurrent(in: ReportingYear(startYear: 2050)))
    }

    @Test func existsFromItsStartDayUntilTheDayBeforeItsEndDay() {
        let a = authority(start: .on(2009, 4, 1), end: .on(2020, 4, 1))
        #expect(!a.exists(on: .on(2009, 3, 31)))
        #expect(a.exists(on: .on(2009, 4, 1)))
        #expect(a.exists(on: .on(2020, 3, 31)))
        // The end date is the first day without the authority, so a successor starting that
        // day never overlaps it (Buckinghamshire, North Yorkshire).
        #expect(!a.exists(on: .on(2020, 4, 1)))
        #expect(authority().exists(on: .on(1900, 1, 1)))
    }

    @Test func comparisonTypeFollowsTheRegisterType() {
        #expect(authority(type: "CTY").comparisonType == .county)
        #expect(authority(type: "NMD").comparisonType == .district)
        #expect(authority(type: "MD").comparisonType == .metropolitan)
        #expect(authority(type: "UA").comparisonType == .unitary)
        #expect(authority(type: "LBO").comparisonType == .londonBorough)
        #expect(authority(type: "COMB").comparisonType == nil)
        #expect(authority(type: "WPA").comparisonType == nil)
        #expect(authority(type: "ua").comparisonType == nil)
    }

    @Test func onlyEnglishAuthoritiesAreInJurisdiction() {
        #expect(authority().isInJurisdiction)
        #expect(!authority(nation: "Wales").isInJurisdiction)
        #expect(!authority(nation: "Scotland").isInJurisdiction)
    }

    @Test func registerSortsByCodeAndFindsIndices() throws {
        let register = RegisterFixture.register
        #expect(register.authorities.map(\.code) == register.authorities.map(\.code).sorted())
        let i = try #require(register.index(ofCode: "LCE"))
        #expect(register.authorities[i].officialName == "Leicester City Council")
        #expect(register.index(ofCode: "lce") == nil)
        #expect(register.index(ofCode: "ZZZ") == nil)
    }

    @Test func populationComesFromTheTableThenPop2020AndOnlyForCurrentAuthorities() {
        let y2023 = ReportingYear(startYear: 2023)
        let register = RegisterFixture.register.with(populationTable: [PopulationKey(code: "LCE", year: y2023): 374_000])
        let leicester = Int(RegisterFixture.index("LCE"))
        #expect(register.population(ofAuthorityAt: leicester, in: y2023) == 374_000)
        #expect(register.population(ofAuthorityAt: leicester, in: ReportingYear(startYear: 2022)) == 354_036)
        #expect(register.population(ofAuthorityAt: Int(RegisterFixture.index("NBL")), in: y2023) == nil)
        // Buckinghamshire County Council has a pop-2020 but is not current after 2019-20.
        let county = Int(RegisterFixture.index("BKM"))
        #expect(register.population(ofAuthorityAt: county, in: ReportingYear(startYear: 2019)) == 543_973)
        #expect(register.population(ofAuthorityAt: county, in: ReportingYear(startYear: 2020)) == nil)
    }
}
