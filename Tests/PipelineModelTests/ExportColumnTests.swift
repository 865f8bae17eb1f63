import PipelineModel
import Testing

@Suite struct ExportColumnTests {
    @Test(arguments: [
        ("Decision Date", ExportColumn.decisionDate), ("decision_date", .decisionDate), (" category ", .category),
        ("authority-name", .authorityName), ("AUTHORITY_NAME", .authorityName), ("Authority Name", .authorityName),
        ("Satisfactory Remedy By Authority", .satisfactoryRemedyByAuthority), ("\tlast-updated\t", .lastUpdated),
        ("Reference", .reference),
    ])
    func headerNamesMatchIgnoringCaseSpacesAndSeparators(header: String, column: ExportColumn) {
        #expect(ExportColumn(header: header) == column)
    }

    @Test(arguments: ["decisiondate", "case reference", "notes", "", "authority name x"])
    func unknownHeadersMatchNothing(header: String) {
        #expect(ExportColumn(header: header) == nil)
    }

    @Test func everyColumnMatchesItsOwnName() {
        for column in ExportColumn.allCases {
            #expect(ExportColumn(header: column.name) == column)
            #expect(ExportColumn(header: column.name.uppercased()) == column)
        }
    }

    @Test func requiredColumnsAreThoseOfTheSpec() {
        #expect(ExportColumn.allCases.filter(\.isRequired) ==
            [.reference, .authorityName, .category, .receivedDate, .lastUpdated])
        #expect(ExportColumn.count == 15)
    }
}
