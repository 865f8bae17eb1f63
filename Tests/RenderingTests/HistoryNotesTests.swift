import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The history page's public reports over nine years and its links between merged councils
/// (``HistoryNotes``), on an invented register: the codes, names, dates and references are made
/// up for the test.
@Suite struct HistoryNotesTests {
    static let register = [
        Authority(code: "OLDA", officialName: "Old A District Council", registerType: "NMD", endDate: .on(2020, 3, 31),
                  replacedBy: ["NEWU"]),
        Authority(code: "OLDB", officialName: "Old B & C District Council", registerType: "NMD", endDate: .on(2020, 3, 31),
                  replacedBy: ["NEWU"]),
        Authority(code: "OLDC", officialName: "Old Unpublished District Council", registerType: "NMD", endDate: .on(2009, 3, 31),
                  replacedBy: ["NEWU"]),
        Authority(code: "NEWU", officialName: "New Unitary Council", registerType: "UA", startDate: .on(2020, 4, 1)),
        Authority(code: "PARK", officialName: "A National Park Authority", registerType: "NPA"),
    ]

    func row(_ code: String, _ name: String, _ year: String) -> PublishedYearRow {
        PublishedYearRow(year: .labelled(year), code: code, name: name, comparisonType: "Unitary", current: true,
                         investigations: 4, upheld: 2, upholdRate: 50, complianceRate: nil, satisfactoryRemedyRate: nil,
                         upheldPer100kTenths: nil)
    }

    func report(_ year: String, _ code: String, _ reference: String, _ day: Day) -> PublishedPublicReport {
        PublishedPublicReport(year: .labelled(year), code: code, reference: reference, decisionDate: day)
    }

    func notes(reports: [PublishedPublicReport] = [], latest: String = "2024-25") -> [String: HistoryNotes] {
        HistoryNotes.byCode(register: Self.register, published: ["OLDA", "OLDB", "NEWU", "PARK"], publicReports: reports,
                            latest: .labelled(latest))
    }

    func page(_ code: String, _ name: String, notes: [String: HistoryNotes]) -> String {
        String(decoding: ReportRenderer.historyPage([row(code, name, "2020-21"), row(code, name, "2024-25")], method: .pooled,
                                                  notes: notes[code]).bytes, as: UTF8.self)
    }

    @Test func aMergedCouncilLinksEachPredecessorWithAPageAndEachLinksForward() {
        let notes = notes()
        let successor = page("NEWU", "New Unitary Council", notes: notes)
        let replaced = "<p>On 1 April 2020 it replaced <a href=\"OLDA.html\">Old A District Council</a>, "
            + "<a href=\"OLDB.html\">Old B &amp; C District Council</a> and Old Unpublished District Council: their figures are on their own pages.</p>"
        #expect(successor.contains(replaced))
        let predecessor = page("OLDA", "Old A District Council", notes: notes)
        #expect(predecessor.contains("<p>It ended on 31 March 2020 and was replaced by <a href=\"NEWU.html\">New Unitary Council</a>.</p>"))
        #expect(!page("PARK", "A National Park Authority", notes: notes).contains("replaced"))
    }

    @Test func publicReportsOfTheLastNineYearsWithTheirYearPages() {
        let reports = [
            report("2024-25", "NEWU", "24 000 002", .on(2025, 3, 1)), report("2016-17", "NEWU", "16 000 001", .on(2016, 4, 1)),
            report("2015-16", "NEWU", "15 000 009", .on(2016, 3, 31)), report("2024-25", "OLDA", "24 000 003", .on(2025, 1, 1)),
            report("2020-21", "NEWU", "20 000 001", .on(2020, 5, 5)), report("2024-25", "NEWU", "24 000 001", .on(2025, 3, 1)),
        ]
        let page = page("NEWU", "New Unitary Council", notes: notes(reports: reports))
        let expected: [String] = [
            "<p>In the last nine years we have issued 4 public reports about the Council (decisions from 1 April 2016).</p>",
            "<ul aria-labelledby=\"reports-heading\">",
            "<li>Complaint 16 000 001, decided 1 April 2016: <a href=\"../2016-17/NEWU.html\">2016-17</a></li>",
            "<li>Complaint 20 000 001, decided 5 May 2020: <a href=\"../2020-21/NEWU.html\">2020-21</a></li>",
            "<li>Complaint 24 000 001, decided 1 March 2025: <a href=\"../2024-25/NEWU.html\">2024-25</a></li>",
            "<li>Complaint 24 000 002, decided 1 March 2025: <a href=\"../2024-25/NEWU.html\">2024-25</a></li>",
            "</ul>",
        ]
        #expect(page.contains(expected.joined(separator: "\n")))
        #expect(!page.contains("15 000 009") && !page.contains("24 000 003"))
        let park = self.page("PARK", "A National Park Authority", notes: notes(reports: [report("2024-25", "PARK", "24 000 004", .on(2024, 6, 1))]))
        #expect(park.contains("we have issued 1 public report about the authority"))
        #expect(self.page("OLDB", "Old B &amp; C District Council", notes: notes()).contains("we have issued no public reports about the Council"))
    }

    @Test func withoutNotesThePageIsAsBefore() {
        let plain = String(decoding: ReportRenderer.historyPage([row("NEWU", "New Unitary Council", "2024-25")], method: .pooled).bytes,
                           as: UTF8.self)
        #expect(!plain.contains("Public reports") && !plain.contains("replaced"))
    }

    /// Invented service improvements of NEWU (references and sub-categories made up): the
    /// history page lists the latest ten of every published year from 2018-19, each linked to
    /// its year page, with the count; one of 2017-18 is not counted.
    @Test func serviceImprovementsOfEveryPublishedYearFrom2018() throws {
        let improvements = (0 ..< 12).map { i in
            CaseRow(year: ReportingYear(startYear: 2017 + i / 2), authorityCode: "NEWU", case: ServiceImprovementCase(
                reference: 18_000_000 + UInt32(i), decisionDate: Day(daysSinceEpoch: ReportingYear(startYear: 2017 + i / 2).firstDay.daysSinceEpoch + Int32(i)),
                area: .planning, subcategory: "Invented \(i)", remedy: "Procedure or policy change/review"))
        } + [CaseRow(year: .labelled("2024-25"), authorityCode: "OLDA", case: ServiceImprovementCase(
            reference: 24_000_009, decisionDate: .on(2024, 5, 1), area: .housing, subcategory: "Other", remedy: "Training and/or guidance"))]
        let notes = HistoryNotes.byCode(register: Self.register, published: ["OLDA", "OLDB", "NEWU", "PARK"], publicReports: [],
                                        serviceImprovements: ServiceImprovements.byCode(improvements, upTo: .labelled("2024-25")),
                                        latest: .labelled("2024-25"))
        let page = page("NEWU", "New Unitary Council", notes: notes)
        #expect(page.contains("<p>Since April 2018, the Council has agreed to make the following improvements to its services as a result of our investigations.</p>"))
        #expect(page.contains("<tr><td>18 000 011</td><td>Planning and development</td><td>Invented 11</td><td><a href=\"../2022-23/NEWU.html\">2022-23</a></td></tr>"))
        #expect(page.contains("The latest 10 of 10 cases") == false && page.contains("All 10 cases from 1 April 2018 to 31 March 2025, newest first."))
        #expect(!page.contains("18 000 001") && !page.contains("24 000 009"))
        #expect(self.page("OLDB", "Old B &amp; C District Council", notes: notes).contains("has not agreed to make improvements"))
        #expect(self.page("PARK", "A National Park Authority", notes: notes).contains("Since April 2018, the authority has not agreed"))
    }
}
