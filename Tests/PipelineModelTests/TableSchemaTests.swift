import PipelineModel
import Testing
import TestSupport

@Suite struct TableSchemaTests {
    static let schemas = TableFile.allCases.map(\.schema) + [TableSchema.rejects]

    @Test func columnNamesAreDistinctAndKeysAreAmongThem() {
        for schema in Self.schemas {
            #expect(Set(schema.columnNames).count == schema.columns.count, "\(schema.fileName)")
            #expect(!schema.primaryKey.isEmpty && schema.primaryKey.allSatisfy(schema.columnNames.contains), "\(schema.fileName)")
            for (position, name) in schema.columnNames.enumerated() {
                #expect(schema.position(of: name) == position)
            }
            #expect(schema.position(of: "no_such_column") == nil)
        }
    }

    @Test func foreignKeysNameTablesThatHoldTheirColumns() throws {
        for schema in Self.schemas {
            for key in schema.foreignKeys {
                let target = try #require(Self.schemas.first { $0.name == key.table }, "\(schema.fileName) -> \(key.table)")
                #expect(key.columns.allSatisfy(schema.columnNames.contains) && key.columns.allSatisfy(target.columnNames.contains))
            }
        }
    }

    @Test func everyCellReadsBackAsItWasComputed() {
        var cells = 0
        for year in FigureFixtures.annual.years {
            for table in TableFile.allCases {
                for row in table.rows(of: year) {
                    #expect(row.count == table.columns.count)
                    for (column, value) in zip(table.schema.columns, row) {
                        // An empty text reads back as no value: the same empty cell.
                        let expected = value.text.isEmpty ? TableValue.empty : value
                        #expect(column.type.value(of: value.text) == expected, "\(table.fileName) \(column.name) \(value)")
                        cells += 1
                    }
                }
            }
        }
        #expect(cells > 300)
    }

    @Test(arguments: [
        (ColumnType.count, "abc"), (.count, "-1"), (.count, "1.0"), (.count, " 1"), (.percent, "101"), (.line, "0"),
        (.per100k, "4.85"), (.per100k, "4"), (.per100k, ".5"), (.per100k, "-4.8"), (.year, "2019-2"), (.year, "2019-21"),
        (.boolean, "True"), (.oneOf(["pooled", "mean"]), "median"),
    ])
    func textsNotOfTheTypeAreRefused(type: ColumnType, text: String) {
        #expect(type.value(of: text) == nil)
    }

    @Test func emptyCellsAreNoValueInEveryType() {
        for type in [ColumnType.year, .text, .date, .boolean, .count, .line, .percent, .per100k, .oneOf(["a"]), .pattern("x")] {
            #expect(type.value(of: "") == .empty)
        }
    }

    @Test func rowsAskedForAMissingColumnOrAnotherTypeThrow() throws {
        let row = TableFile.nationalYearTable.row(FigureFixtures.annual.years[0].national)
        #expect(try row.year("year") == FigureFixtures.annual.years[0].year)
        #expect(throws: TableRow.Mismatch.self) { try row.count("no_such_column") }
        #expect(throws: TableRow.Mismatch.self) { try row.boolean("received_total") }
        #expect(throws: TableRow.Mismatch.self) { try row.tenths("year") }
    }
}
