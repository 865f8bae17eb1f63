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
}
