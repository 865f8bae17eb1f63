import PipelineModel
import Testing
import TestSupport

@Suite struct DayTests {
    @Test(arguments: [
        (2020, 2, 31), (2021, 2, 30), (2019, 4, 31), (2019, 6, 31), (2019, 9, 31), (2019, 11, 31),
        (2019, 13, 1), (2019, 0, 10), (2019, 1, 0), (2019, 1, 32), (0, 1, 1), (10000, 1, 1),
    ])
    func impossibleDatesAreNil(year: Int, month: Int, day: Int) {
        #expect(Day(year: year, month: month, day: day) == nil)
    }

    @Test(arguments: [(2020, true), (2024, true), (2000, true), (1600, true),
                      (2019, false), (2023, false), (1900, false), (2100, false)])
    func twentyNinthOfFebruaryExistsOnlyInLeapYears(year: Int, leap: Bool) {
        #expect(Day.isLeap(year) == leap)
        #expect((Day(year: year, month: 2, day: 29) != nil) == leap)
        #expect(Day(year: year, month: 2, day: 28) != nil)
        #expect(Day(year: year, month: 2, day: 30) == nil)
    }

    @Test func daysAreCountedFrom1970() throws {
        #expect(try #require(Day(year: 1970, month: 1, day: 1)).daysSinceEpoch == 0)
        #expect(try #require(Day(year: 1969, month: 12, day: 31)).daysSinceEpoch == -1)
        #expect(try #require(Day(year: 2019, month: 4, day: 3)).daysSinceEpoch == 17_989)
        #expect(try #require(Day(year: 1, month: 1, day: 1)).daysSinceEpoch == -719_162)
        #expect(try #require(Day(year: 9999, month: 12, day: 31)).daysSinceEpoch == 2_932_896)
    }

    @Test func componentsRoundTripForEveryDayOfTwoMillennia() {
        // 1000-01-01 to 2999-12-31, day by day: consecutive numbers, components that rebuild it.
        var expected = Day.on(1000, 1, 1).daysSinceEpoch
        for year in 1000 ... 2999 {
            for month in 1 ... 12 {
                for day in 1 ... Day.daysIn(month: month, year: year) {
                    guard let value = Day(year: year, month: month, day: day) else {
                        Issue.record("\(year)-\(month)-\(day) rejected")
                        return
                    }
                    let c = value.components
                    if value.daysSinceEpoch != expected || c.year != year || c.month != month || c.day != day {
                        Issue.record("\(year)-\(month)-\(day) is day \(value.daysSinceEpoch), expected \(expected); components \(c)")
                        return
                    }
                    expected += 1
                }
            }
        }
    }

    @Test func componentsRoundTripAtTheEndsOfTheRange() {
        for (y, m, d) in [(1, 1, 1), (1, 3, 1), (400, 2, 29), (9999, 12, 31)] {
            let c = Day.on(y, m, d).components
            #expect(c.year == y && c.month == m && c.day == d)
        }
    }

    @Test func descriptionIsISO8601() {
        #expect(Day.on(2019, 4, 3).description == "2019-04-03")
        #expect(Day.on(2020, 12, 31).description == "2020-12-31")
    }

    @Test func daysCompareInCalendarOrder() {
        #expect(Day.on(2020, 3, 31) < Day.on(2020, 4, 1))
        #expect(Day.on(2019, 12, 31) < Day.on(2020, 1, 1))
        #expect(!(Day.on(2020, 4, 1) < Day.on(2020, 4, 1)))
    }

    @Test func everyDayIsWrittenAsISOWithItsComponents() {
        for days in stride(from: Int32(-350_000), through: 2_900_000, by: 997) {
            let day = Day(daysSinceEpoch: days)
            let (y, m, d) = day.components
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            #expect(day.description == "\(y)-\(two(m))-\(two(d))", "\(days)")
        }
    }

    @Test func appendedBytesAreTheDescriptions() {
        for days in stride(from: Int32(-800_000), through: 2_950_000, by: 997) {
            let day = Day(daysSinceEpoch: days)
            var bytes: [UInt8] = [7]
            CSVRecordBuffer.with(&bytes) { day.appendISO(to: &$0) }
            #expect(bytes == [7] + Array(day.description.utf8), "\(days)")
        }
    }
}
