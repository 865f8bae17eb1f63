import Output
import PipelineModel
import Testing
import TestSupport

@Suite struct TableFileTests {
    // Two years; a county, a unitary abolished after the first year (not current in the second,
    // yet with decisions about it), and a combined authority without a comparison type.
    static let county = Authority(code: "AAA", officialName: "Alpha County Council", registerType: "CTY")
    static let abolished = Authority(code: "BBB", officialName: "Bravo, Borough Council", registerType: "UA",
                                     endDate: Day(year: 2020, month: 6, day: 30))
    static let combined = Authority(code: "CCC", officialName: "Greater Combined Authority", registerType: "COMB")

    static func counts(received: [Int] = Array(repeating: 0, count: 9), outcomes: [Int] = Array(repeating: 0, count: 6),
                       satisfactory: Int = 0, complied: Int = 0, late: Int = 0, notComplied: Int = 0,
                       reports: Int = 0) -> AuthorityYearCounts {
        var c = AuthorityYearCounts()
        c.received = received
        c.outcomes = outcomes
        c.satisfactoryRemedies = satisfactory
        c.complied = complied
        c.compliedLate = late
        c.notComplied = notComplied
        c.publicReports = reports
        return c
    }

    static func type(_ year: ReportingYear, _ type: ComparisonType, authorities: Int = 0, investigations: Int = 0,
                     upheld: Int = 0, satisfactory: Int = 0, outcomes: Int = 0, compliant: Int = 0,
                     population: Int? = nil, uphold: Int? = nil, remedy: Int? = nil, compliance: Int? = nil,
                     per100k: Int? = nil) -> TypeYearFigures {
        TypeYearFigures(year: year, type: type, method: .pooled, authorities: authorities,
                        investigations: investigations, upheld: upheld, satisfactoryRemedies: satisfactory,
                        complianceOutcomes: outcomes, compliant: compliant, population: population,
                        averageUpholdRate: uphold, averageSatisfactoryRemedyRate: remedy,
                        averageComplianceRate: compliance, averageUpheldPer100kTenths: per100k)
    }

    static let figures: AnnualFigures = {
        let y1 = ReportingYear(startYear: 2019)
        let y2 = ReportingYear(startYear: 2020)
        let first = YearFigures.summing(year: y1, authorities: [
            AuthorityYearFigures(year: y1, authority: county, isCurrent: true,
                                 counts: counts(received: [1, 0, 2, 0, 0, 0, 3, 0, 1], outcomes: [1, 0, 2, 3, 4, 6],
                                                satisfactory: 2, complied: 3, late: 1, notComplied: 1, reports: 1),
                                 population: 125_000, upholdRate: 60, satisfactoryRemedyRate: 33,
                                 complianceRate: 80, upheldPer100kTenths: 48),
            AuthorityYearFigures(year: y1, authority: abolished, isCurrent: true,
                                 counts: counts(outcomes: [0, 0, 0, 0, 0, 11]),
                                 population: 100_000, upholdRate: 100, satisfactoryRemedyRate: 0,
                                 complianceRate: nil, upheldPer100kTenths: 110),
            AuthorityYearFigures(year: y1, authority: combined, isCurrent: true,
                                 counts: counts(received: [0, 0, 0, 0, 0, 0, 0, 0, 1]),
                                 population: nil, upholdRate: nil, satisfactoryRemedyRate: nil,
                                 complianceRate: nil, upheldPer100kTenths: nil),
        ], types: [
            type(y1, .county, authorities: 1, investigations: 10, upheld: 6, satisfactory: 2, outcomes: 5,
                 compliant: 4, population: 125_000, uphold: 60, remedy: 33, compliance: 80, per100k: 48),
            type(y1, .district),
            type(y1, .metropolitan),
            type(y1, .unitary, authorities: 1, investigations: 11, upheld: 11, population: 100_000,
                 uphold: 100, remedy: 0, per100k: 110),
            type(y1, .londonBorough),
        ])
        let second = YearFigures.summing(year: y2, authorities: [
            AuthorityYearFigures(year: y2, authority: county, isCurrent: true, counts: counts(),
                                 population: 125_000, upholdRate: nil, satisfactoryRemedyRate: nil,
                                 complianceRate: nil, upheldPer100kTenths: 0),
            AuthorityYearFigures(year: y2, authority: abolished, isCurrent: false,
                                 counts: counts(outcomes: [0, 0, 0, 0, 1, 1]),
                                 population: nil, upholdRate: 50, satisfactoryRemedyRate: 0,
                                 complianceRate: nil, upheldPer100kTenths: nil),
        ], types: [
            type(y2, .county, authorities: 1, population: 125_000, per100k: 0),
            type(y2, .district),
            type(y2, .metropolitan),
            type(y2, .unitary),
            type(y2, .londonBorough),
        ])
        return AnnualFigures(method: .pooled, years: [first, second])
    }()

    @Test func authorityYearMatchesTheOracleByteForByte() {
        let expected = """
            year,authority_code,authority_name,comparison_type,current,received_total,received_adult_care,\
            received_benefits_tax,received_corporate,received_education_children,received_environment,\
            received_highways_transport,received_housing,received_planning,received_other,decisions_total,\
            incomplete_invalid,advice_given,referred_back,closed_after_initial_enquiries,not_upheld,upheld,\
            investigations,uphold_rate,satisfactory_remedies,satisfactory_remedy_rate,compliance_outcomes,\
            complied,complied_late,not_complied,compliance_rate,public_reports,population,upheld_per_100k
            2019-20,AAA,Alpha County Council,County,true,7,1,0,2,0,0,0,3,0,1,16,1,0,2,3,4,6,10,60,2,33,5,3,1,1,80,1,125000,4.8
            2019-20,BBB,"Bravo, Borough Council",Unitary,true,0,0,0,0,0,0,0,0,0,0,11,0,0,0,0,0,11,11,100,0,0,0,0,0,0,,0,100000,11.0
            2019-20,CCC,Greater Combined Authority,,true,1,0,0,0,0,0,0,0,0,1,0,0,0,0,0,0,0,0,,0,,0,0,0,0,,0,,
            2020-21,AAA,Alpha County Council,County,true,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,,0,,0,0,0,0,,0,125000,0.0
            2020-21,BBB,"Bravo, Borough Council",Unitary,false,0,0,0,0,0,0,0,0,0,0,2,0,0,0,0,1,1,2,50,0,0,0,0,0,0,,0,,

            """
        #expect(String(decoding: TableFile.authorityYear.render(Self.figures), as: UTF8.self) == expected)
    }

    @Test func typeYearMatchesTheOracleByteForByte() {
        let expected = """
            year,comparison_type,method,authorities,investigations,upheld,satisfactory_remedies,\
            compliance_outcomes,compliant,population,avg_uphold_rate,avg_satisfactory_remedy_rate,\
            avg_compliance_rate,avg_upheld_per_100k
            2019-20,County,pooled,1,10,6,2,5,4,125000,60,33,80,4.8
            2019-20,District,pooled,0,0,0,0,0,0,,,,,
            2019-20,Metropolitan,pooled,0,0,0,0,0,0,,,,,
            2019-20,Unitary,pooled,1,11,11,0,0,0,100000,100,0,,11.0
            2019-20,London Borough,pooled,0,0,0,0,0,0,,,,,
            2020-21,County,pooled,1,0,0,0,0,0,125000,,,,0.0
            2020-21,District,pooled,0,0,0,0,0,0,,,,,
            2020-21,Metropolitan,pooled,0,0,0,0,0,0,,,,,
            2020-21,Unitary,pooled,0,0,0,0,0,0,,,,,
            2020-21,London Borough,pooled,0,0,0,0,0,0,,,,,

            """
        #expect(String(decoding: TableFile.typeYear.render(Self.figures), as: UTF8.self) == expected)
    }

    @Test func comparisonHasOneRowPerComparedAuthorityAndNoAveragesWhenNotCurrent() {
        let expected = """
            year,authority_code,authority_name,comparison_type,uphold_rate,avg_uphold_rate,\
            satisfactory_remedy_rate,avg_satisfactory_remedy_rate,compliance_rate,avg_compliance_rate,\
            upheld_per_100k,avg_upheld_per_100k
            2019-20,AAA,Alpha County Council,County,60,60,33,33,80,80,4.8,4.8
            2019-20,BBB,"Bravo, Borough Council",Unitary,100,100,0,0,,,11.0,11.0
            2020-21,AAA,Alpha County Council,County,,,,,,,0.0,0.0
            2020-21,BBB,"Bravo, Borough Council",Unitary,50,,0,,,,,

            """
        #expect(String(decoding: TableFile.comparison.render(Self.figures), as: UTF8.self) == expected)
    }

    @Test(arguments: [(48, "4.8"), (110, "11.0"), (0, "0.0"), (5, "0.5"), (12345, "1234.5")])
    func formatsTenthsWithOneDecimal(tenths: Int, expected: String) {
        #expect(TableValue.tenths(tenths).text == expected)
        #expect(ColumnType.per100k.value(of: expected) == .tenths(tenths))
    }

    @Test func emptyFiguresGiveTheHeaderOnly() {
        let empty = AnnualFigures(method: .mean, years: [])
        #expect(TableFile.typeYear.render(empty) == CSVFormat.record(TableFile.typeYear.columns))
    }

    @Test func columnCountsMatchTheSpec() {
        #expect(TableFile.authorityYear.columns.count == 34)
        #expect(TableFile.typeYear.columns.count == 14)
        #expect(TableFile.comparison.columns.count == 12)
    }

    /// Every table of each year, the per-case ones with invented cases and service improvements
    /// whose texts need quoting, is the texts of its cells (the former path) byte for byte.
    @Test func everyTableIsTheTextsOfItsCellsByteForByte() {
        let texts = ["", "Planning, enforcement", "A \"quoted\" word", "Two\nlines", "A carriage\rreturn", "Café"]
        var decisions = 0
        for plain in Self.figures.years {
            let cased = CaseFixtures.withCases(plain, improvements: 2)
            var authorities = cased.authorities
            authorities[0].cases.serviceImprovements += texts.enumerated().map { i, text in
                ServiceImprovementCase(reference: 99_000_000 + UInt32(i), decisionDate: cased.year.firstDay, area: .planning,
                                       subcategory: text, remedy: texts[(i + 1) % texts.count])
            }
            let year = YearFigures(year: cased.year, authorities: authorities, types: cased.types, national: cased.national,
                                   areas: cased.areas, publicReports: cased.publicReports)
            for table in TableFile.allCases {
                var expected = table.header
                for row in table.rows(of: year) { TableSchema.appendRecord(row, to: &expected) }
                #expect(table.render(year) == expected, "\(year.year) \(table.fileName)")
            }
            decisions += TableFile.decisions.rows(of: year).count
            #expect(TableFile.serviceImprovements.rows(of: year).count >= texts.count)
        }
        #expect(decisions > 20)
    }
}
