import Foundation
import PipelineModel
import Rendering
import Testing
import TestSupport

/// The year pages' cases behind their figures and service improvements, and the history pages'
/// service improvements, through the Nu HTML checker and axe-core's WCAG 2.2 A and AA rules in
/// Chromium (scripts/check-report), on the sample's figures with invented cases
/// (``CaseFixtures``: references, dates and sub-categories made up, their numbers following the
/// sample's counts), since a run does not fill them on this branch. Screenshots are kept in the
/// artefacts folder (`cases/`).
@Suite struct CasePagesToolTests {
    @Test func pagesWithCasesAndServiceImprovementsPassTheCheckers() throws {
        let sample = try SampleFigures.load()
        let figures = AnnualFigures(method: sample.method, years: sample.years.map { CaseFixtures.withCases($0, improvements: 3) })
        let register = Dictionary(figures.years.flatMap { $0.authorities.map { ($0.authority.code, $0.authority) } },
                                  uniquingKeysWith: { first, _ in first }).values.sorted { $0.code < $1.code }
        let folder = try TemporaryFolder("case-pages")
        defer { folder.remove() }
        let out = folder.path + "/out"
        let pages = try ReportFixture.pagesWithNotes(figures, register: register, templates: try RepositoryTemplates.load())
        for page in pages {
            let path = out + "/" + page.path
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(page.bytes).write(to: URL(fileURLWithPath: path))
        }
        // The latest year's page of the authority with the most investigations, and its history.
        let latest = try #require(figures.years.last)
        let row = try #require(latest.authorities.max { $0.counts.investigations < $1.counts.investigations })
        let yearPage = "report/\(latest.year.label)/\(row.authority.code).html"
        let historyPage = "report/authorities/\(row.authority.code).html"
        let text = try String(contentsOfFile: out + "/" + yearPage, encoding: .utf8)
        #expect(text.contains("<details") && text.contains("has agreed to make the following improvements"))
        // The same page with every list open, so that axe-core sees the lists too.
        let opened = "report/\(latest.year.label)/\(row.authority.code)-open.html"
        try Data(text.replacingOccurrences(of: "<details ", with: "<details open ").utf8).write(to: URL(fileURLWithPath: out + "/" + opened))
        try ExternalCheck.expectPass(["html", out])
        let shots = ExternalCheck.artefactsFolder.appendingPathComponent("cases").path
        try ExternalCheck.expectPass(["axe", shots] + [yearPage, opened, historyPage].map { out + "/" + $0 })
    }
}
