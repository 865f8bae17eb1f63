import Aggregation
import PipelineModel
import Testing
import TestSupport

/// England's figures (`national_year.csv`, `area_year.csv`): every authority's counts summed.
@Suite struct NationalFigureTests {
    let builder = FigureBuilder(register: RegisterFixture.register, method: .pooled)

    private func decided(_ code: String, _ outcome: Outcome?, area: ServiceArea = .housing, received: Day = .on(2019, 5, 1),
                         decided: Day = .on(2019, 10, 1), satisfactory: Bool = false, publicReport: Bool = false,
                         compliance: ComplianceOutcome? = nil, complianceDate: Day? = nil) -> CaseRecord {
        CaseRecord(reference: 0, lastUpdated: 0, authority: RegisterFixture.index(code), received: received, area: area,
                   decisionDate: outcome == nil ? nil : decided, outcome: outcome, satisfactoryRemedy: satisfactory,
                   publicReport: publicReport, compliance: compliance, complianceDate: complianceDate)
    }

    private func year(_ label: String, _ cases: [CaseRecord]) throws -> YearFigures {
        try #require(builder.figures(from: builder.counts(of: cases), years: YearRange(label)).years.first)
    }

    @Test func nationalSumsEveryAuthorityCurrentOrNotOfAnyKind() throws {
        // 2020-21: Buckinghamshire County Council ended on 1 April 2020 (not current), the combined
        // authority and Cardiff have no comparison type; Leicester is an ordinary unitary.
        let year = try self.year("2020-21", [
            decided("BKM", .upheld, received: .on(2020, 3, 1), decided: .on(2020, 5, 1), satisfactory: true),
            decided("GMCA", .notUpheld, area: .planning, received: .on(2020, 6, 1), decided: .on(2020, 7, 1)),
            decided("CRF", .upheld, area: .adultCare, received: .on(2020, 6, 1), decided: .on(2020, 7, 1),
                    publicReport: true),
            decided("LCE", .adviceGiven, received: .on(2020, 6, 1), decided: .on(2020, 7, 1),
                    compliance: .compliedLate, complianceDate: .on(2020, 8, 1)),
            decided("LCE", nil, area: .adultCare, received: .on(2020, 6, 1), compliance: .complied,
                    complianceDate: .on(2020, 9, 1)),
        ])
        let bkm = try #require(year.authorities.first { $0.authority.code == "BKM" })
        #expect(!bkm.isCurrent)
        let n = year.national
        #expect(n.year == .labelled("2020-21"))
        #expect(n.counts.receivedTotal == 4) // BKM's case was received in 2019-20
        #expect(n.counts.decisionsTotal == 4)
        #expect(n.counts.investigations == 3)
        #expect(n.counts.upheld == 2)
        #expect(n.upholdRate == 67) // 2 of 3
        #expect(n.counts.satisfactoryRemedies == 1)
        #expect(n.satisfactoryRemedyRate == 50)
        #expect(n.counts.publicReports == 1)
        #expect(n.counts.complianceOutcomes == 2)
        #expect(n.complianceRate == 100)
        #expect(n.lateComplianceRate == 50)
        // The national row is exactly the sum of the authority rows.
        var sum = AuthorityYearCounts()
        for row in year.authorities { sum.add(row.counts) }
        #expect(n.counts == sum)
    }

    @Test func areasCountDecisionsByDecisionDateAndReceivedByReceivedDate() throws {
        let year = try self.year("2020-21", [
            // Received in 2019-20, decided in 2020-21: a decision of 2020-21 only.
            decided("LCE", .upheld, area: .housing, received: .on(2020, 3, 1), decided: .on(2020, 4, 2), satisfactory: true,
                    publicReport: true),
            decided("LCE", .notUpheld, area: .housing, received: .on(2020, 5, 1), decided: .on(2020, 6, 1)),
            decided("BKM", .upheld, area: .planning, received: .on(2020, 5, 1), decided: .on(2020, 6, 1)),
            decided("GMCA", .closedAfterInitialEnquiries, area: .planning, received: .on(2020, 5, 1), decided: .on(2020, 6, 1)),
            // Received in 2020-21, still open.
            decided("CRF", nil, area: .adultCare, received: .on(2020, 5, 1)),
        ])
        #expect(year.areas.map(\.area) == ServiceArea.allCases)
        #expect(year.areas.allSatisfy { $0.year == year.year })
        let housing = year.areas[ServiceArea.housing.rawValue]
        #expect(housing.received == 1)
        #expect(housing.decisions.decisions == 2)
        #expect(housing.decisions.upheld == 1 && housing.decisions.notUpheld == 1 && housing.decisions.investigations == 2)
        #expect(housing.upholdRate == 50)
        #expect(housing.decisions.satisfactoryRemedies == 1)
        #expect(housing.decisions.publicReports == 1)
        #expect(housing.shareOfInvestigations == 67) // 2 of 3
        let planning = year.areas[ServiceArea.planning.rawValue]
        #expect(planning.received == 2)
        #expect(planning.decisions.decisions == 2)
        #expect(planning.decisions.investigations == 1)
        #expect(planning.upholdRate == 100)
        #expect(planning.shareOfInvestigations == 33)
        let adult = year.areas[ServiceArea.adultCare.rawValue]
        #expect(adult.received == 1 && adult.decisions == AreaDecisionCounts())
        #expect(adult.upholdRate == nil)
        #expect(adult.shareOfInvestigations == 0)
        // Areas add up to the national row.
        #expect(year.areas.map(\.received).reduce(0, +) == year.national.counts.receivedTotal)
        #expect(year.areas.map(\.decisions.decisions).reduce(0, +) == year.national.counts.decisionsTotal)
        #expect(year.areas.map(\.decisions.upheld).reduce(0, +) == year.national.counts.upheld)
    }

    @Test func aYearWithNoInvestigationsHasEmptyRates() throws {
        let year = try self.year("2019-20", [
            decided("LCE", .adviceGiven), decided("GMCA", .referredBack, area: .planning), decided("BUR", nil),
        ])
        let n = year.national
        #expect(n.counts.decisionsTotal == 2 && n.counts.investigations == 0)
        #expect(n.upholdRate == nil && n.satisfactoryRemedyRate == nil)
        #expect(n.complianceRate == nil && n.lateComplianceRate == nil)
        #expect(year.areas.allSatisfy { $0.upholdRate == nil && $0.shareOfInvestigations == nil })
        #expect(year.areas[ServiceArea.planning.rawValue].decisions.decisions == 1)
    }

    @Test func aYearWithNothingHasAZeroRow() throws {
        let year = try #require(builder.figures(from: [:], years: YearRange("2019-20")).years.first)
        #expect(year.national.counts == AuthorityYearCounts())
        #expect(year.areas.count == ServiceArea.allCases.count)
        #expect(year.publicReports.isEmpty)
    }

    @Test func supersededRowsLeaveTheAreaCounts() throws {
        // The case moves from housing, not upheld, to planning, upheld: only the winner counts.
        var collector = CaseCollector()
        let lce = RegisterFixture.index("LCE")
        collector.add([
            CaseRecord(reference: 1, lastUpdated: 1, authority: lce, received: .on(2019, 5, 1), area: .housing,
                       decisionDate: .on(2019, 6, 1), outcome: .notUpheld),
            CaseRecord(reference: 1, lastUpdated: 2, authority: lce, received: .on(2019, 5, 1), area: .planning,
                       decisionDate: .on(2019, 6, 1), outcome: .upheld),
        ])
        let year = try #require(builder.figures(from: collector.counts, years: YearRange("2019-20")).years.first)
        #expect(year.areas[ServiceArea.housing.rawValue].decisions == AreaDecisionCounts())
        #expect(year.areas[ServiceArea.planning.rawValue].decisions.upheld == 1)
        #expect(year.national.counts.decidedByArea.map(\.decisions).reduce(0, +) == 1)
    }
}
