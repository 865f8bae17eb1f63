import PipelineModel
import Testing

@Suite struct FiguresTests {
    @Test func countsDeriveTotalsInvestigationsAndCompliance() {
        var c = AuthorityYearCounts()
        #expect(c.isEmpty)
        c.received[ServiceArea.housing.rawValue] = 3
        c.received[ServiceArea.other.rawValue] = 1
        c.outcomes = [4, 2, 24, 27, 9, 6]
        c.complied = 10
        c.compliedLate = 5
        c.notComplied = 2
        #expect(!c.isEmpty)
        #expect(c.receivedTotal == 4)
        #expect(c.decisionsTotal == 72)
        #expect(c.upheld == 6)
        #expect(c.investigations == 15)
        #expect(c.complianceOutcomes == 17)
        #expect(c.compliant == 15)
    }

    @Test func addingCountsAddsEveryField() {
        var a = AuthorityYearCounts()
        a.received[0] = 1
        a.outcomes[5] = 2
        a.satisfactoryRemedies = 1
        a.publicReports = 1
        a.complied = 1
        var b = AuthorityYearCounts()
        b.received[0] = 2
        b.received[8] = 1
        b.outcomes[4] = 3
        b.compliedLate = 2
        b.notComplied = 1
        a.add(b)
        #expect(a.received == [3, 0, 0, 0, 0, 0, 0, 0, 1])
        #expect(a.outcomes == [0, 0, 0, 0, 3, 2])
        #expect(a.satisfactoryRemedies == 1 && a.publicReports == 1)
        #expect(a.complied == 1 && a.compliedLate == 2 && a.notComplied == 1)
    }

    @Test func runCountsDeriveRejectedRowsAndCases() {
        var counts = RunCounts()
        counts.rowsRead = 100
        counts.rowsAccepted = 90
        counts.rejectedByReason = [.badDate: 4, .fieldCount: 6]
        counts.duplicatesSuperseded = 5
        #expect(counts.rowsRejected == 10)
        #expect(counts.cases == 85)
    }
}

@Suite struct VocabularyTests {
    @Test func outcomesAreInTheColumnOrderOfAuthorityYear() {
        #expect(Outcome.allCases.map(\.column) ==
            ["incomplete_invalid", "advice_given", "referred_back", "closed_after_initial_enquiries", "not_upheld", "upheld"])
        #expect(Outcome.allCases.filter(\.isInvestigation) == [.notUpheld, .upheld])
    }

    @Test func serviceAreasAreInTheSpecsOrder() {
        #expect(ServiceArea.allCases.map(\.column) == [
            "received_adult_care", "received_benefits_tax", "received_corporate", "received_education_children",
            "received_environment", "received_highways_transport", "received_housing", "received_planning",
            "received_other",
        ])
        #expect(ServiceArea.environment.name == "Environmental services, public protection and regulation")
    }

    @Test func awaitingIsNotAnOutcome() {
        #expect(ComplianceOutcome.allCases.filter(\.isOutcome) == [.complied, .compliedLate, .notComplied])
    }

    @Test func comparisonTypesAreInOutputOrder() {
        #expect(ComparisonType.allCases.map(\.name) == ["County", "District", "Metropolitan", "Unitary", "London Borough"])
    }
}
