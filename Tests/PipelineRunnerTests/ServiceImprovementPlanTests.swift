import Foundation
import Output
@testable import PipelineRunner
import PipelineModel
import Testing
import TestSupport

/// A year page lists the service improvements of the years before it: the plan gives each
/// year's pages those up to the year, its fingerprint covers them, and a `--years` run that
/// would leave a later year's pages out of date stops. On the sample's first two years
/// (2018-19, 2019-20) with invented cases (``CaseFixtures``: references, dates and
/// sub-categories made up, their numbers following the sample's counts).
@Suite(.serialized) struct ServiceImprovementPlanTests {
    /// The sample's first two years, each authority with `improvements` of its upheld cases
    /// (at most) with a service improvement; in the first year only unless `laterToo`.
    static func figures(improvements: Int, laterToo: Bool = true) throws -> AnnualFigures {
        let sample = try PublicationPlanTests.figures()
        return AnnualFigures(method: sample.method, years: sample.years.enumerated().map { i, year in
            CaseFixtures.withCases(year, improvements: i == 0 || laterToo ? improvements : 0)
        })
    }

    /// The first authority of the first year with a service improvement, and its first one.
    static func improved(_ figures: AnnualFigures) throws -> (code: String, reference: String) {
        let row = try #require(figures.years[0].authorities.first { !$0.cases.serviceImprovements.isEmpty })
        return (row.authority.code, CaseReference.text(row.cases.serviceImprovements[0].reference))
    }

    static func page(_ out: String, _ path: String) throws -> String {
        String(decoding: try Data(contentsOf: URL(fileURLWithPath: out + "/" + path)), as: UTF8.self)
    }

    @Test func aYearPageAndTheHistoryPageListTheEarlierYearsServiceImprovements() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out"), figures = try Self.figures(improvements: 1, laterToo: false)
        try await PublicationPlanTests.publish(figures, to: out)
        let (code, reference) = try Self.improved(figures)
        let later = figures.years[1].year.label
        let page = try Self.page(out, "report/\(later)/\(code).html")
        #expect(page.contains("<tr><td>\(reference)</td>"))
        #expect(page.contains("has agreed to make the following improvements"))
        let history = try Self.page(out, "report/authorities/\(code).html")
        #expect(history.contains("<tr><td>\(reference)</td>"))
    }

    @Test func aChangeOfAnEarlierYearsServiceImprovementsRendersTheLaterYearAgain() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        let before = try Self.figures(improvements: 1, laterToo: false), after = try Self.figures(improvements: 2, laterToo: false)
        let first = try await PublicationPlanTests.publish(before, to: out)
        let second = try await PublicationPlanTests.publish(after, to: out, .init(started: PublicationPlanTests.first + 60))
        let later = before.years[1].year.label
        #expect(first.plan.fingerprints[before.years[1].year] != second.plan.fingerprints[after.years[1].year])
        #expect(second.plan.computedYears.contains(after.years[1].year))
        let (code, _) = try Self.improved(after)
        let row = try #require(after.years[0].authorities.first { $0.authority.code == code })
        let page = try Self.page(out, "report/\(later)/\(code).html")
        for improvement in row.cases.serviceImprovements {
            #expect(page.contains("<tr><td>\(CaseReference.text(improvement.reference))</td>"))
        }
        // The same figures again: every year carried over.
        let third = try await PublicationPlanTests.publish(after, to: out, .init(started: PublicationPlanTests.first + 120))
        #expect(third.plan.computedYears.isEmpty)
    }

    /// `--years` for the first year only, with other service improvements: the second year's
    /// pages would list the old ones, so nothing is published.
    @Test func aYearsRunThatWouldLeaveALaterYearsPagesOutOfDateStops() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let out = folder.file("out")
        try await PublicationPlanTests.publish(try Self.figures(improvements: 1), to: out)
        let changed = try Self.figures(improvements: 2)
        let first = AnnualFigures(method: changed.method, years: [changed.years[0]])
        await #expect {
            try await PublicationPlanTests.publish(first, to: out, .init(carriesOtherYears: true, started: PublicationPlanTests.first + 60))
        } throws: { error in
            guard case let OutputError.cannotCarryOver(path, reason) = error else { return false }
            return path.hasSuffix("years/\(changed.years[1].year.label)")
                && reason.contains("include \(changed.years[1].year.label) in --years, or run without --years")
        }
    }
}
