import Aggregation
import PipelineModel
import Testing
import TestSupport

/// `public_reports.csv`: the winning row of every case with a public report, its texts kept
/// through the duplicate rule.
@Suite struct PublicReportTests {
    let builder = FigureBuilder(register: RegisterFixture.register, method: .pooled)
    let lce = RegisterFixture.index("LCE"), bur = RegisterFixture.index("BUR")

    private func row(_ reference: UInt32, updated: Int64, authority: Int32, report: Bool,
                     decided: Day = .on(2019, 10, 1)) -> CaseRecord {
        CaseRecord(reference: reference, lastUpdated: updated, authority: authority, received: .on(2019, 5, 1),
                   area: .housing, decisionDate: decided, outcome: .upheld, publicReport: report)
    }

    private func text(_ summary: String) -> PublicReportText {
        PublicReportText(subcategory: "Homelessness", decision: "Upheld: fault and injustice", remedy: "Apology",
                         summary: summary)
    }

    private func figures(_ collector: CaseCollector) throws -> YearFigures {
        try #require(builder.figures(from: collector.counts, publicReports: collector.publicReports,
                                     years: YearRange("2019-20")).years.first)
    }

    /// The report rows' count per authority equals authority_year's `public_reports`.
    private func expectCountsAgree(_ year: YearFigures) {
        for authority in year.authorities {
            #expect(year.publicReports.filter { $0.authority.code == authority.authority.code }.count
                        == authority.counts.publicReports, "\(authority.authority.code)")
        }
        #expect(year.publicReports.count == year.national.counts.publicReports)
    }

    @Test func aLaterRowReplacesTheReport() throws {
        var collector = CaseCollector()
        collector.add(row(19_012_345, updated: 1, authority: lce, report: true), publicReportText: text("first"))
        collector.add(row(19_012_345, updated: 2, authority: lce, report: true, decided: .on(2019, 11, 1)),
                      publicReportText: text("second"))
        let year = try figures(collector)
        let report = try #require(year.publicReports.first)
        #expect(year.publicReports.count == 1)
        #expect(report.text.summary == "second")
        #expect(report.decisionDate == .on(2019, 11, 1))
        #expect(report.referenceText == "19 012 345")
        #expect(report.authority.code == "LCE")
        expectCountsAgree(year)
    }

    @Test func aSupersededReportDisappears() throws {
        var collector = CaseCollector()
        collector.add(row(1, updated: 1, authority: lce, report: true), publicReportText: text("withdrawn"))
        collector.add(row(1, updated: 2, authority: lce, report: false))
        let year = try figures(collector)
        #expect(year.publicReports.isEmpty)
        expectCountsAgree(year)
    }

    @Test func anOlderRowArrivingLaterDoesNotReplaceIt() throws {
        var collector = CaseCollector()
        collector.add(row(1, updated: 5, authority: lce, report: true), publicReportText: text("current"))
        collector.add(row(1, updated: 2, authority: lce, report: true), publicReportText: text("stale"))
        #expect(try figures(collector).publicReports.map(\.text.summary) == ["current"])
    }

    @Test func rowsSortByCodeThenDateThenReference() throws {
        var collector = CaseCollector()
        collector.add(row(30, updated: 1, authority: lce, report: true, decided: .on(2019, 9, 1)), publicReportText: text("c"))
        collector.add(row(20, updated: 1, authority: lce, report: true, decided: .on(2019, 9, 1)), publicReportText: text("b"))
        collector.add(row(10, updated: 1, authority: lce, report: true, decided: .on(2019, 12, 1)), publicReportText: text("d"))
        collector.add(row(40, updated: 1, authority: bur, report: true, decided: .on(2020, 1, 1)), publicReportText: text("a"))
        let year = try figures(collector)
        #expect(year.publicReports.map(\.text.summary) == ["a", "b", "c", "d"])
        #expect(year.publicReports.map(\.referenceText) == ["00 000 040", "00 000 020", "00 000 030", "00 000 010"])
    }
}
