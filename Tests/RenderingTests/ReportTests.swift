import Foundation
import PipelineModel
@testable import Rendering
import Testing
import TestSupport

@Suite struct ReportTests {
    let templates: RenderingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    /// Every file of the report of `figures` by path: each year's pages and style sheet, then the
    /// history pages built from the rows the published tables would hold, and their style sheet.
    func pages(_ figures: AnnualFigures) throws -> [String: String] {
        let artefacts = try ReportFixture.artefacts(figures, templates: templates)
        return Dictionary(uniqueKeysWithValues: artefacts.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func anIndexAndAPagePerAuthorityForEveryYearAndAHistoryPerAuthority() throws {
        let artefacts = try ReportFixture.artefacts(FigureFixtures.annual, templates: templates)
        #expect(artefacts.map(\.path) == [
            "report/2019-20/index.html", "report/2019-20/england.html", "report/2019-20/BUR.html", "report/2019-20/style.css",
            "report/2020-21/index.html", "report/2020-21/england.html", "report/2020-21/BKM.html", "report/2020-21/style.css",
            "report/2023-24/index.html", "report/2023-24/england.html", "report/2023-24/BUR.html",
            "report/2023-24/GMCA.html", "report/2023-24/LCE.html", "report/2023-24/STN.html", "report/2023-24/style.css",
            "report/index.html", "report/authorities/BKM.html", "report/authorities/BUR.html",
            "report/authorities/GMCA.html", "report/authorities/LCE.html", "report/authorities/STN.html",
            "report/england.html", "report/style.css",
        ])
        // A year's pages and style sheet belong to its partition; the whole-publication pages and
        // theirs to none.
        #expect(artefacts.allSatisfy { ($0.year == nil) == !$0.path.dropFirst("report/".count).hasPrefix("20") })
    }

    @Test func pagesLoadNothingButTheStyleSheetOfTheirFolder() throws {
        let files = try pages(SampleFigures.load())
        for (path, text) in files {
            #expect(!text.contains("http://") && !text.contains("https://"), "\(path) names an address")
            // url(#id) is a chart's pattern, in the page itself.
            #expect(!text.contains(" src=") && !text.replacingOccurrences(of: "url(#", with: "").contains("url("),
                    "\(path) loads a file")
            #expect(!text.contains("@import"), "\(path) imports a style sheet")
            #expect(!text.contains("{{") && !text.contains("}}"), "\(path) has an unrendered tag")
            guard path.hasSuffix(".html") else {
                #expect(path.hasSuffix("/style.css") && text.contains("body {"), "\(path)")
                continue
            }
            #expect(text.hasPrefix("<!DOCTYPE html>\n"), "\(path)")
            // One link, to the style sheet of the page's year (a year's page) or of the whole
            // publication (the others), which the report holds.
            #expect(text.components(separatedBy: "<link ").count == 2 && !text.contains("<style"), "\(path)")
            let link = #"<link rel="stylesheet" href=""#
            let start = try #require(text.range(of: link), "\(path)").upperBound
            let href = text[start...].prefix { $0 != "\"" }
            #expect(text[start...].dropFirst(href.count).hasPrefix("\">\n</head>\n"), "\(path)")
            let target = URL(fileURLWithPath: "/" + path).deletingLastPathComponent().appendingPathComponent(String(href))
                .standardized.path.dropFirst()
            let year = path.split(separator: "/")[1]
            #expect(target == (year.first?.isNumber == true ? "report/\(year)/style.css" : "report/style.css"), "\(path)")
            #expect(files[String(target)] != nil, "\(path) links \(href), which is missing")
        }
    }

    @Test func aYearsPagesDoNotDependOnOtherYears() throws {
        // The same year rendered alone and among others gives the same bytes: what lets a run
        // carry a year over while other years change.
        let figures = try SampleFigures.load()
        let year = try #require(figures.years.last)
        let alone = ReportFixture.yearPages(year, method: figures.method, templates: templates)
        let among = try ReportFixture.artefacts(figures, templates: templates).filter { $0.year == year.year }
        #expect(alone == among)
    }

    @Test func pageSizesDoNotGrowWithTheNumberOfYears() throws {
        let figures = try SampleFigures.load()
        let last = try #require(figures.years.last)
        let page = try #require(ReportFixture.yearPages(last, method: figures.method, templates: templates)
            .first { $0.path.hasSuffix("/LCE.html") })
        // Every year's figures live once, on the history page, not on every year's page.
        #expect(page.bytes.count < 12_000, "\(page.bytes.count) bytes")
        for other in figures.years.dropLast() {
            #expect(!String(decoding: page.bytes, as: UTF8.self).contains(">\(other.year.label)<"))
        }
    }

    @Test func indexShowsTheThreeKeyStatisticsBesideTheTypeAverage() throws {
        let index = try #require(try pages(FigureFixtures.annual)["report/2023-24/index.html"])
        let leicester = try #require(index.components(separatedBy: "<tr>").first { $0.contains(">Leicester City Council<") })
        // The cells the sort script reads as shown: investigations, then each rate beside its
        // type's average (uphold, compliance, satisfactory remedy).
        #expect(leicester.contains(#"<td>Unitary</td><td>21</td><td>86%</td><td>79%</td><td>100%</td><td>100%</td><td>11%</td><td>13%</td></tr>"#))
        // An empty base has no value, which sorts last.
        let bury = try #require(index.components(separatedBy: "<tr>").first { $0.contains(">Bury Metropolitan Borough Council<") })
        #expect(bury.contains(#"<td>Metropolitan</td><td>0</td><td>n/a</td><td>70%</td>"#))
        // Every column sorts: a key per heading, and the script.
        for key in ["name", "type", "investigations", "uphold_rate", "avg_uphold_rate", "compliance_rate",
                    "avg_compliance_rate", "satisfactory_remedy_rate", "avg_satisfactory_remedy_rate"] {
            #expect(index.contains(#"data-key="\#(key)""#), "no sortable column \(key)")
        }
        #expect(index.contains("function sortBy(index, descending)"))
        #expect(index.contains(#"<a href="../index.html">All years</a>"#))
        // Rows come by name.
        let names = ["Bury Metropolitan Borough Council", "Greater Manchester Combined Authority", "Leicester City Council",
                     "London Borough of Sutton"]
        let positions = names.compactMap { index.range(of: ">\($0)</a>")?.lowerBound }
        #expect(positions.count == 4 && positions == positions.sorted())
    }

    @Test func englandPageOfAYearHoldsItsTotalsAndServiceAreas() throws {
        let figures = try SampleFigures.load()
        let year = try #require(figures.years.last)
        let page = try #require(try pages(figures)["report/\(year.year.label)/england.html"])
        let n = year.national
        #expect(page.contains("<h1>England \(year.year.label)</h1>"))
        #expect(page.contains(#"<tr><th scope="row">Complaints and enquiries received</th><td class="n">\#(n.counts.receivedTotal)</td></tr>"#))
        #expect(page.contains(#"<tr><th scope="row">Uphold rate</th><td class="n">\#(ReportPage.percent(n.upholdRate))</td></tr>"#))
        // Both charts: a title, a description, and the table of the same numbers.
        for id in ["uphold", "share"] {
            #expect(page.contains(#"<title id="\#(id)-title">"#) && page.contains(#"<desc id="\#(id)-desc">"#), "\(id)")
        }
        let housing = year.areas[ServiceArea.housing.rawValue]
        #expect(page.contains("Housing: Uphold rate \(ReportPage.percent(housing.upholdRate))."))
        #expect(page.contains(#"<tr><th scope="row">Housing</th><td class="n">\#(housing.received)</td><td class="n">\#(housing.decisions.decisions)</td>"#))
        #expect(page.contains(#"<a href="../england.html">England over the years</a>"#))
        // The year alone: no other year's label on its England page.
        for other in figures.years.dropLast() {
            #expect(!page.contains(other.year.label), "\(other.year.label)")
        }
        let index = try #require(try pages(figures)["report/\(year.year.label)/index.html"])
        #expect(index.contains(#"<a href="england.html">England \#(year.year.label)</a>"#))
    }

    @Test func englandOverTheYearsComparesEachYearWithThePreviousOne() throws {
        let figures = try SampleFigures.load()
        let pages = try pages(figures)
        let page = try #require(pages["report/england.html"])
        let years = figures.years
        let (previous, last) = (years[years.count - 2], years[years.count - 1])
        let change = last.national.counts.receivedTotal - previous.national.counts.receivedTotal
        let changeText = change > 0 ? "+\(change)" : change < 0 ? "−\(-change)" : "0"
        #expect(page.contains(#"<tr><th scope="row"><a href="\#(last.year.label)/england.html">\#(last.year.label)</a></th><td class="n">\#(last.national.counts.receivedTotal)</td><td class="n">\#(changeText)</td>"#))
        // The first year has nothing to compare with.
        #expect(page.contains(#"<a href="\#(years[0].year.label)/england.html">\#(years[0].year.label)</a></th><td class="n">\#(years[0].national.counts.receivedTotal)</td><td class="n">n/a</td>"#))
        for id in ["uphold", "compliance", "remedy"] {
            #expect(page.contains(#"<title id="\#(id)-title">"#) && page.contains(#"<desc id="\#(id)-desc">"#), "\(id)")
        }
        #expect(page.contains("\(last.year.label): England \(ReportPage.percent(last.national.upholdRate))"))
        let index = try #require(pages["report/index.html"])
        #expect(index.contains(#"<a href="england.html">England over the years</a>"#))
        for year in years {
            #expect(index.contains(#"<a href="\#(year.year.label)/england.html">England \#(year.year.label)</a>"#))
        }
    }

    @Test func nationalChartOfUpholdRatesByType() throws {
        let index = try #require(try pages(FigureFixtures.annual)["report/2023-24/index.html"])
        #expect(index.contains(#"<title id="national-title">Average uphold rate by type of authority, 2023-24</title>"#))
        #expect(index.contains("<desc id=\"national-desc\">"))
        #expect(index.contains("Unitary 79%; London Borough 74%"))
        // The table equivalent.
        #expect(index.contains(#"<tr><th scope="row">Unitary</th><td class="n">10</td><td class="n">200</td><td class="n">150</td><td class="n">79%</td>"#))
    }

    @Test func authorityYearPageShowsTheYearBesideTheTypeAverageAndLinksItsHistory() throws {
        let figures = try SampleFigures.load()
        let page = try #require(try pages(figures)["report/2023-24/LCE.html"])
        let row = try #require(figures.years.last?.authorities.first { $0.authority.code == "LCE" })
        #expect(page.contains("<td>\(row.counts.upheld) upheld of \(row.counts.investigations) detailed investigations</td>"))
        #expect(page.contains(#"<a href="../../letters/2023-24/LCE.html">"#))
        #expect(page.contains(#"<a href="../authorities/LCE.html">Leicester City Council over every published year</a>"#))
        #expect(page.contains(#"<a href="index.html">Council performance 2023-24: all authorities</a>"#))
        #expect(!page.contains("<svg"), "a year's page has no history charts")
    }

    @Test func authorityYearPageListsItsPublicReports() throws {
        let figures = FigureFixtures.single(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023], publicReports: FigureFixtures.leicesterReports)
        let page = String(decoding: try #require(ReportFixture.yearPages(figures.years[0], method: .pooled, templates: templates)
            .first { $0.path.hasSuffix("/LCE.html") }).bytes, as: UTF8.self)
        #expect(page.contains("<h2 id=\"reports-heading\">Public reports, 2023-24</h2>"))
        #expect(page.contains("<li><strong>Complaint 23 001 234 (Housing).</strong> The Council delayed for a year in placing a "
            + "homeless family in suitable accommodation. The authority agreed to: apologise, pay £1,500 and review its temporary "
            + "accommodation procedures</li>"))
        #expect(page.contains("<li><strong>Complaint 23 004 567 (Adult care services).</strong>"))
    }

    @Test func historyPageChartsEveryPublishedYearAgainstTheTypeAverage() throws {
        let figures = try SampleFigures.load()
        let page = try #require(try pages(figures)["report/authorities/LCE.html"])
        let years = figures.years.filter { $0.authorities.contains { $0.authority.code == "LCE" } }.map(\.year.label)
        #expect(years.count == 6)
        for chart in ["uphold", "compliance", "remedy"] {
            #expect(page.contains(#"aria-labelledby="\#(chart)-title \#(chart)-desc""#), "no \(chart) chart")
            #expect(page.contains(#"<pattern id="\#(chart)-hatch""#), "no hatching in the \(chart) chart")
        }
        #expect(page.contains("<title id=\"uphold-title\">Uphold rate of Leicester City Council and the Unitary average, by year</title>"))
        #expect(page.components(separatedBy: #"<text class="group""#).count - 1 == 3 * years.count)
        for year in years {
            #expect(page.contains(#"<tr><th scope="row">\#(year)</th><td class="n">"#), "no chart table row for \(year)")
            #expect(page.contains(#"<a href="../\#(year)/LCE.html">\#(year)</a>"#), "no link to \(year)")
        }
        // The legend names both series; the average is hatched, the authority solid.
        #expect(page.contains("<text x=\"70\" y=\"18\">Leicester City Council</text>"))
        #expect(page.contains("<text x=\"70\" y=\"38\">Unitary average</text>"))
        #expect(page.contains(#"<th scope="col" class="n">Leicester City Council</th><th scope="col" class="n">Unitary average</th>"#))
    }

    @Test func reportIndexListsEveryYearAndEveryAuthority() throws {
        let index = try #require(try pages(FigureFixtures.annual)["report/index.html"])
        for year in ["2019-20", "2020-21", "2023-24"] {
            #expect(index.contains(#"<a href="\#(year)/index.html">\#(year)</a>"#))
        }
        #expect(index.contains(#"<a href="authorities/LCE.html">Leicester City Council</a>"#))
        #expect(index.contains(#"<a href="authorities/BKM.html">Buckinghamshire County Council</a>"#))
    }

    @Test func abolishedAuthorityPageHasNoAverages() throws {
        let all = try pages(FigureFixtures.annual)
        let page = try #require(all["report/2020-21/BKM.html"])
        #expect(page.contains("Abolished before 31 March 2021"))
        #expect(page.contains("Replaced by BUC."))
        #expect(!page.contains("68%"))
        // Its history has the average series (the type exists) with no value in a year it was not current.
        let history = try #require(all["report/authorities/BKM.html"])
        #expect(history.contains("2020-21: Buckinghamshire County Council 100%, County average n/a."))
    }

    @Test func authorityNotYetEstablishedIsNotCalledAbolished() throws {
        // Buckinghamshire Council starts on 1 April 2020; a case named by its code can still fall in 2019-20.
        let row = FigureFixtures.row(RegisterFixture.buckinghamshire, "2019-20", current: false, outcomes: [0, 0, 0, 1, 0, 0],
                               remedies: 0, population: nil)
        let pages = try pages(FigureFixtures.single(row))
        #expect(try #require(pages["report/2019-20/BUC.html"]).contains("Not yet established on 31 March 2020"))
        #expect(try #require(pages["report/2019-20/index.html"]).contains(#"<span class="tag">not yet established</span>"#))
    }

    @Test func authorityOfNoTypeHasOneSeries() throws {
        let all = try pages(FigureFixtures.annual)
        #expect(try #require(all["report/2023-24/GMCA.html"]).contains("No comparison type"))
        let history = try #require(all["report/authorities/GMCA.html"])
        #expect(!history.contains(" average</text>"))
        #expect(!history.contains("-hatch)\""))
    }

    @Test func chartGeometry() {
        let chart = BarChart(id: "c", groupLabels: ["2022-23", "2023-24"], series: [
            .init(name: "A", isAverage: false, values: [100, nil]),
            .init(name: "T", isAverage: true, values: [0, 50]),
        ])
        #expect(chart.plotTop == 60 && chart.plotBottom == 240)
        let full = chart.groups[0].bars[0]
        #expect(full.hasValue && full.y == chart.plotTop && full.height == 180 && full.valueText == "100%")
        let none = chart.groups[1].bars[0]
        #expect(!none.hasValue && none.valueText == "n/a" && none.height == 0)
        let zero = chart.groups[0].bars[1]
        #expect(zero.hasValue && zero.height == 0 && zero.valueText == "0%")
        #expect(chart.groups[1].bars[1].height == 90)
        // Bars of a group do not overlap, groups stay in the plot.
        #expect(chart.groups[0].bars[0].x + chart.groups[0].bars[0].width < chart.groups[0].bars[1].x)
        #expect(chart.groups[1].bars[1].x + chart.groups[1].bars[1].width <= chart.plotRight)
    }
}
