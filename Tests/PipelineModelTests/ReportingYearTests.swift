import PipelineModel
import Testing
import TestSupport

@Suite struct ReportingYearTests {
    @Test(arguments: [
        (Day.on(2020, 3, 31), 2019), (Day.on(2020, 4, 1), 2020), (Day.on(2019, 4, 1), 2019),
        (Day.on(2019, 3, 31), 2018), (Day.on(2019, 12, 31), 2019), (Day.on(2020, 1, 1), 2019),
    ])
    func yearContainingADayTurnsOverOnTheFirstOfApril(day: Day, startYear: Int) {
        #expect(ReportingYear(containing: day).startYear == startYear)
    }

    @Test func firstAndLastDaysAreFirstAprilAndThirtyFirstMarch() {
        let year = ReportingYear(startYear: 2019)
        #expect(year.firstDay == Day.on(2019, 4, 1))
        #expect(year.lastDay == Day.on(2020, 3, 31))
    }

    @Test(arguments: [(2019, "2019-20"), (1999, "1999-00"), (2009, "2009-10"), (2000, "2000-01")])
    func labelsUseTheTwoCalendarYears(startYear: Int, label: String) {
        #expect(ReportingYear(startYear: startYear).label == label)
        #expect(ReportingYear(startYear: startYear).description == label)
        #expect(ReportingYear(label: label)?.startYear == startYear)
    }

    @Test(arguments: ["2019-21", "2019-19", "19-20", "2019/20", "2019-2020", "2019-2", "2019", "", "abcd-ef", "2019-20-21"])
    func malformedLabelsAreNil(label: String) {
        #expect(ReportingYear(label: label) == nil)
    }

    @Test func singleYearRangeHoldsOneYear() throws {
        let range = try #require(YearRange("2019-20"))
        #expect(range.first == ReportingYear(startYear: 2019))
        #expect(range.last == ReportingYear(startYear: 2019))
        #expect(range.years == [ReportingYear(startYear: 2019)])
        #expect(range.description == "2019-20")
    }

    @Test func rangeListsEveryYearInOrder() throws {
        let range = try #require(YearRange("2019-20..2023-24"))
        #expect(range.years.map(\.label) == ["2019-20", "2020-21", "2021-22", "2022-23", "2023-24"])
        #expect(range.contains(ReportingYear(startYear: 2021)))
        #expect(!range.contains(ReportingYear(startYear: 2024)))
        #expect(!range.contains(ReportingYear(startYear: 2018)))
        #expect(range.description == "2019-20..2023-24")
        #expect(YearRange(" 2019-20 .. 2020-21 ")?.years.count == 2)
    }

    @Test func reversedRangeIsNil() {
        #expect(YearRange("2023-24..2019-20") == nil)
        #expect(YearRange(first: ReportingYear(startYear: 2023), last: ReportingYear(startYear: 2019)) == nil)
    }

    @Test(arguments: ["", "2019-20..", "..2019-20", "2019-20..2020-21..2021-22", "2019-21..2020-21", "2019-20...2020-21", "2019"])
    func malformedRangesAreNil(text: String) {
        #expect(YearRange(text) == nil)
    }
    // Issue 16, class 5: `9999-00` ended in year 10000, which has no last day (a nil unwrap).
    @Test(arguments: ["9999-00", "1898-99", "0000-01", "3000-01"])
    func yearsOutsideTheDatesARunAcceptsAreNotReportingYears(label: String) {
        #expect(ReportingYear(label: label) == nil)
    }

    @Test func theSupportedYearsHaveFirstAndLastDays() throws {
        for start in [ReportingYear.supportedStartYears.lowerBound, ReportingYear.supportedStartYears.upperBound] {
            let year = try #require(ReportingYear(label: ReportingYear(startYear: start).label))
            #expect(year.firstDay < year.lastDay)
        }
    }

    @Test(arguments: [
        ("2019-20..9999-00", "'9999-00' is not a reporting year from 1899-00 to 2999-00, written like 2019-20"),
        ("2023-24..2019-20", "the range ends (2019-20) before it starts (2023-24)"),
        ("1900-01..2999-00", "1100 years; a range spans at most 100"),
        ("2019-20..2020-21..2021-22", "expected a year such as 2023-24 or a range such as 2019-20..2023-24"),
    ])
    func invalidRangesSayWhy(text: String, reason: String) {
        #expect(throws: YearRange.Invalid(reason)) { try YearRange(parsing: text) }
    }

    @Test func aRangeOfTheMostYearsIsAccepted() throws {
        let range = try YearRange(parsing: "1925-26..2024-25")
        #expect(range.years.count == YearRange.maximumYears)
    }
}
