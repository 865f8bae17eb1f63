import Cleaning
import PipelineModel
import Testing
import TestSupport

@Suite struct DateParserTests {
    private func day(_ text: String) -> Day? { withField(text.utf8) { DateParser.day($0) } }
    private func parse(_ text: String) -> DateParser.Parsed? { withField(text.utf8) { DateParser.parse($0) } }

    @Test(arguments: [
        "03/04/2019", "3/4/2019", "03/4/2019", "3/04/2019", "2019-04-03", "2019-04-03T10:22:31",
        "2019-04-03T10:22:31Z", "2019-04-03T10:22:31+01:00", "2019-04-03T10:22:31.123456",
        "2019-04-03T10:22:31.5Z", "2019-04-03 10:22:31", "2019-04-03T10:22", " 2019-04-03 ", "\t03/04/2019",
    ])
    func everyFormatOfTheSpecIsTheThirdOfApril(text: String) {
        #expect(day(text) == Day.on(2019, 4, 3))
    }

    @Test func slashedDatesAreDayFirst() {
        #expect(day("12/01/2020") == Day.on(2020, 1, 12))
        #expect(day("1/12/2020") == Day.on(2020, 12, 1))
    }

    @Test(arguments: [
        "31/02/2020", "30/02/2020", "29/02/2019", "31/04/2019", "31/06/2019", "2021-02-29", "2019-13-01",
        "2019-00-10", "2019-04-00", "00/04/2019", "32/01/2019", "01/13/2019", "1900-02-29",
    ])
    func impossibleDatesAreRejectedNotRolledOver(text: String) {
        #expect(day(text) == nil)
    }

    @Test func twentyNinthOfFebruaryInALeapYearIsAccepted() {
        #expect(day("29/02/2020") == Day.on(2020, 2, 29))
        #expect(day("2000-02-29") == Day.on(2000, 2, 29))
    }

    /// Shapes outside the spec's list are rejected rather than guessed at: `2019-4-3` (ISO dates
    /// need two-digit months and days), two-digit years, `yyyy/mm/dd`, `dd-mm-yyyy`, words.
    @Test(arguments: [
        "", "garbage", "2019-4-3", "2019-04-3", "3/4/19", "03/04/19", "2019/04/03", "03-04-2019", "03.04.2019",
        "2019-04-03x", "2019-04-03T", "2019-04-03T25:00:00", "2019-04-03T10:60:00", "2019-04-03T10:22:31+1",
        "2019-04-03T10:22:31+25:00", "2019-04-03T1:22:31", "2019-04-03T10:22:31.", "20190403", "123/04/2019",
        "3 April 2019", "0000-01-01", "03/04/2019 garbage",
    ])
    func otherShapesAreRejected(text: String) {
        #expect(parse(text) == nil)
    }

    @Test func timestampsCountSecondsFrom1970InUTC() throws {
        #expect(try #require(parse("2019-04-03T10:22:31")).secondsSinceEpoch == 1_554_286_951)
        #expect(try #require(parse("2019-04-03T10:22:31Z")).secondsSinceEpoch == 1_554_286_951)
        #expect(try #require(parse("2019-04-03T10:22:31.999")).secondsSinceEpoch == 1_554_286_951)
        #expect(try #require(parse("2019-04-03")).secondsSinceEpoch == 1_554_249_600)
        #expect(try #require(parse("2020-02-01T10:22:31")).secondsSinceEpoch == 1_580_552_551)
    }

    @Test func offsetsMoveTheInstantButNotTheDateAsWritten() throws {
        let summer = try #require(parse("2019-04-03T00:30:00+01:00"))
        #expect(summer.day == Day.on(2019, 4, 3))
        #expect(summer.secondsSinceEpoch == 1_554_247_800) // 2019-04-02T23:30:00Z
        let west = try #require(parse("2019-04-03T10:22:31-05:30"))
        #expect(west.secondsSinceEpoch == 1_554_286_951 + 5 * 3600 + 30 * 60)
        #expect(try #require(parse("2019-04-03T10:22:31+0100")).secondsSinceEpoch == 1_554_286_951 - 3600)
    }
}
