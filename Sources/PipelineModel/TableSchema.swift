/// What a published CSV table is (outputs.md): its file, its columns with their types and
/// descriptions, and its primary and foreign keys.
///
/// The one description of a table: the CSV writer takes its header from it, the data package
/// its fields and keys, the reader of published tables its cells' types, and `diff` its key.
/// ``TableDefinition`` pairs it with how each column's cell is computed.
package struct TableSchema: Sendable, Equatable {
    /// One column.
    package struct Column: Sendable, Equatable {
        /// The header's name of the column (`uphold_rate`).
        package let name: String
        /// What its cells hold.
        package let type: ColumnType
        /// What it means, for the data package (outputs.md's wording).
        package let description: String

        /// A column; see the properties.
        package init(_ name: String, _ type: ColumnType, _ description: String) {
            self.name = name
            self.type = type
            self.description = description
        }
    }

    /// Columns whose values name a row of another table of the publication.
    package struct ForeignKey: Sendable, Equatable {
        /// The columns, in this table and in the other (they have the same names).
        package let columns: [String]
        /// The other table's ``TableSchema/name`` (`authority_year`).
        package let table: String

        /// A key; see the properties.
        package init(_ columns: [String], to table: String) {
            self.columns = columns
            self.table = table
        }
    }

    /// The file name in the output folder and in each year's partition (`authority_year.csv`).
    package let fileName: String
    /// One line on what a row is, the data package's title of the table.
    package let title: String
    /// The columns, in the header's order.
    package let columns: [Column]
    /// The columns whose values name one row.
    package let primaryKey: [String]
    /// Keys into other tables.
    package let foreignKeys: [ForeignKey]
    private let positions: [String: Int]

    /// A schema; see the properties.
    /// - Important: Column names must be distinct, and the keys' columns must be among them.
    package init(fileName: String, title: String, columns: [Column], primaryKey: [String], foreignKeys: [ForeignKey] = []) {
        self.fileName = fileName
        self.title = title
        self.columns = columns
        self.primaryKey = primaryKey
        self.foreignKeys = foreignKeys
        positions = Dictionary(columns.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The table's name: its file name without `.csv` (the data package's resource name).
    package var name: String { fileName.hasSuffix(".csv") ? String(fileName.dropLast(4)) : fileName }

    /// The header row's column names, in order.
    package var columnNames: [String] { columns.map(\.name) }

    /// The position of the column `name` in the header; nil when the table has no such column.
    package func position(of name: String) -> Int? { positions[name] }
}

extension TableSchema {
    /// `rejects.csv`: every row of the exports that could not be used, with the reason. Its
    /// rows are streamed as they are found (`RejectsFileWriter`), not computed from figures.
    package static let rejects = TableSchema(
        fileName: "rejects.csv", title: "Every row of the exports that could not be used, with the reason",
        columns: [
            Column("file", .text, "The input file as given to the run"),
            Column("line", .line, "Physical line where the record starts, the header being line 1"),
            Column("reference", .text, "The case reference as written, empty when there was none"),
            Column("reason", .oneOf(RejectReason.allCases.map(\.rawValue)), "Why the row was rejected"),
            Column("detail", .text, "What was wrong, naming the offending value"),
        ],
        // One reject per record, and a record starts on one line of one file.
        primaryKey: ["file", "line"])
}
