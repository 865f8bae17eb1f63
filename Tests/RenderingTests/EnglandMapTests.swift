import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The year index's maps (``EnglandMap``), on invented authorities: names, codes, grid
/// references and figures are made up for the test, not the register's.
@Suite struct EnglandMapTests {
    let templates: RenderingTemplates

    init() throws { templates = try RepositoryTemplates.load() }

    func authority(_ code: String, _ name: String, _ type: String, _ point: (Int, Int)?, endDate: Day? = nil) -> Authority {
        Authority(code: code, officialName: name, registerType: type, endDate: endDate,
                  gridReference: point.map { GridReference(easting: $0.0, northing: $0.1) })
    }

    /// Outcomes with `upheld` upheld and `notUpheld` not upheld.
    func row(_ authority: Authority, upheld: Int, notUpheld: Int, current: Bool = true) -> AuthorityYearFigures {
        FigureFixtures.row(authority, "2023-24", current: current, outcomes: [0, 0, 0, 0, notUpheld, upheld], remedies: 0,
                           population: 100_000)
    }

    /// The invented year: the unitary average is 70% and the London Borough's 60%.
    func year(_ rows: [AuthorityYearFigures]) -> YearFigures {
        YearFigures.summing(year: .labelled("2023-24"), authorities: rows, types: FigureFixtures.types("2023-24", [
            FigureFixtures.type(.unitary, "2023-24", uphold: 70, remedy: 10, compliance: 100, per100kTenths: 40),
            FigureFixtures.type(.londonBorough, "2023-24", uphold: 60, remedy: 10, compliance: 100, per100kTenths: 40),
        ]))
    }

    func page(_ year: YearFigures) -> String {
        String(decoding: ReportRenderer.yearIndex(year, method: .pooled, templates: templates).bytes, as: UTF8.self)
    }

    /// The map section of a page: from its heading to the table of all authorities.
    func section(_ page: String) throws -> Substring {
        let start = try #require(page.range(of: "<h2 id=\"map-heading\">")), end = try #require(page.range(of: "<h2 id=\"authorities-heading\">"))
        return page[start.lowerBound ..< end.lowerBound]
    }

    @Test(arguments: [
        (79, 70, EnglandMap.Band.above), (80, 70, .farAbove), (72, 70, .near), (68, 70, .near), (67, 70, .below),
        (61, 70, .below), (60, 70, .farBelow), (0, 100, .farBelow), (100, 0, .farAbove),
    ])
    func bandsArePointsFromTheAverage(rate: Int, average: Int, band: EnglandMap.Band) {
        #expect(EnglandMap.Band(rate: rate, average: average) == band)
    }

    @Test func noRateOrNoAverageIsGrey() {
        #expect(EnglandMap.Band(rate: nil, average: 70) == .none)
        #expect(EnglandMap.Band(rate: 70, average: nil) == .none)
        #expect(EnglandMap.Band.none.cssClass == "na")
    }

    @Test func eachCurrentAuthorityIsALinkedDotWithItsFiguresOrListedBeside() throws {
        let rows = [
            row(authority("AAU", "Alpha City Council", "UA", (459_000, 304_000)), upheld: 8, notUpheld: 2),  // 80%: far above 70%
            row(authority("BBU", "Beta & Co Council", "UA", (90_000, 13_000)), upheld: 0, notUpheld: 0),  // n/a
            row(authority("CCL", "Gamma London Borough Council", "LBO", (530_000, 180_000)), upheld: 3, notUpheld: 7),  // 30%
            row(authority("DDU", "Delta Council", "UA", nil), upheld: 1, notUpheld: 1),
            row(authority("EEU", "Epsilon Council", "UA", (300_000, 900_000)), upheld: 1, notUpheld: 1),
            row(authority("FFU", "Zeta Council", "UA", (400_000, 400_000), endDate: .on(2023, 6, 1)), upheld: 1, notUpheld: 0,
                current: false),
            row(authority("GGC", "Eta Combined Authority", "COMB", (400_000, 300_000)), upheld: 1, notUpheld: 1),
        ]
        let map = try section(page(year(rows)))
        #expect(!map.contains("<script"))
        #expect(map.contains("<svg class=\"map\" aria-hidden=\"true\" focusable=\"false\""))
        // Unitary, London Borough and the authorities of no type: one map each, in that order.
        let captions = ["Unitary (2)", "London Borough (1)", "Other authorities (no type average) (1)"]
        let positions = captions.compactMap { map.range(of: "<figcaption>\($0)</figcaption>")?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        #expect(!map.contains("<figcaption>County"))
        // A dot: its link, out of the tab order (the table below has every link), its title, its band.
        #expect(map.contains("<a href=\"AAU.html\" tabindex=\"-1\"><title>Alpha City Council: uphold rate 80% (8 of 10 detailed investigations), Unitary average 70%</title><circle class=\"a2\" cx=\"1995\" cy=\"1580\" r=\"35\"></circle></a>"))
        #expect(map.contains("<title>Beta &amp; Co Council: uphold rate n/a (0 of 0 detailed investigations), Unitary average 70%</title><circle class=\"na\""))
        // London's borough is drawn in the inset beside the map, 4 times larger.
        #expect(map.contains("<title>Gamma London Borough Council: uphold rate 30% (3 of 10 detailed investigations), London Borough average 60%</title>"))
        #expect(map.contains("<circle class=\"b2\" cx=\"\(EnglandMap.insetLeft + 600)\" cy=\"\(EnglandMap.insetTop + 500)\""))
        #expect(map.contains(">London</text>"))
        #expect(map.contains("<title>Eta Combined Authority: uphold rate 50% (1 of 2 detailed investigations), no type average</title><circle class=\"na\""))
        // Not current at the end of the year: not drawn, not listed.
        #expect(!map.contains("FFU.html") && !map.contains("Zeta Council"))
        // The two it cannot place, listed beside the maps with their figures.
        #expect(map.contains("<li><a href=\"DDU.html\">Delta Council</a>: no grid reference in the register; uphold rate 50% (1 of 2 detailed investigations), Unitary average 70%</li>"))
        #expect(map.contains("<li><a href=\"EEU.html\">Epsilon Council</a>: its grid reference is outside England;"))
        #expect(!map.contains("<a href=\"DDU.html\" tabindex") && !map.contains("<a href=\"EEU.html\" tabindex"))
        // The legend names every band.
        for band in EnglandMap.Band.allCases {
            #expect(map.contains("<li><span class=\"swatch \(band.cssClass)\"></span>\(band.legend)</li>"))
        }
        // The faint shape of England behind every map is drawn once and reused.
        #expect(map.components(separatedBy: "<path id=\"map-context-2023-24\"").count == 2)
        #expect(map.components(separatedBy: "<use href=\"#map-context-2023-24\"></use>").count == 4)
    }

    /// Every dot lies inside its map's drawing, whatever the authority's grid reference.
    @Test func noDotIsOutsideItsMap() throws {
        var generator = SeededGenerator(seed: 25)
        let rows = (0 ..< 300).map { i -> AuthorityYearFigures in
            let point = (Int.random(in: 0 ... 800_000, using: &generator), Int.random(in: 0 ... 800_000, using: &generator))
            return row(authority("A\(1000 + i)", "Authority \(i)", i % 3 == 0 ? "LBO" : "UA", point), upheld: i % 5,
                       notUpheld: 2)
        }
        let map = try section(page(year(rows)))
        var drawn = 0
        for svg in map.components(separatedBy: "<svg ").dropFirst() {
            let widthText = svg.split(separator: "viewBox=\"0 0 ").dropFirst().first?.split(separator: " ").first
            let width = try #require(widthText.flatMap { Int($0) })
            for circle in svg.components(separatedBy: "<circle ").dropFirst() {
                func value(_ name: String) throws -> Int {
                    let text = circle.components(separatedBy: " \(name)=\"").dropFirst().first?.split(separator: "\"").first
                    return try #require(text.flatMap { Int($0) })
                }
                let (x, y) = (try value("cx"), try value("cy"))
                #expect(x >= 0 && x <= width && y >= 0 && y <= EnglandMap.mapHeight, "\(x) \(y) in \(width)")
                drawn += 1
            }
        }
        let listed = map.components(separatedBy: "its grid reference is outside England").count - 1
        #expect(drawn + listed == 300 && listed > 0 && drawn > 0)
    }

    @Test func aRegisterWithoutGridReferencesSaysThereIsNoMap() throws {
        let map = try section(page(year([row(authority("AAU", "Alpha City Council", "UA", nil), upheld: 1, notUpheld: 1)])))
        #expect(map.contains("No map: the register gives no grid reference"))
        #expect(!map.contains("<svg") && !map.contains("AAU.html"))
    }
}
