/// A published table's schema together with how each column's cell is computed from one row of
/// figures (`Row`): the one place a column is defined.
///
/// Adding a column is one ``Column`` in the table's definition (`TableFile+Definitions.swift`):
/// its name, type, description and value. The CSV writer, the data package, the reader of
/// published tables and `diff` all follow from it.
package struct TableDefinition<Row>: Sendable {
    /// One column and its cell.
    package struct Column: Sendable {
        /// The column as the schema describes it.
        package let column: TableSchema.Column
        /// Its cell in a row.
        package let value: @Sendable (Row) -> TableValue

        /// A column `name` of `type`, described by `description`, whose cell is `value`.
        package init(_ name: String, _ type: ColumnType, _ description: String,
                     value: @escaping @Sendable (Row) -> TableValue) {
            column = TableSchema.Column(name, type, description)
            self.value = value
        }
    }

    /// The table's schema.
    package let schema: TableSchema
    private let cells: [@Sendable (Row) -> TableValue]

    /// A table; see ``TableSchema/init(fileName:title:columns:primaryKey:foreignKeys:)``.
    package init(fileName: String, title: String, primaryKey: [String], foreignKeys: [TableSchema.ForeignKey] = [],
                 columns: [Column]) {
        schema = TableSchema(fileName: fileName, title: title, columns: columns.map(\.column), primaryKey: primaryKey,
                             foreignKeys: foreignKeys)
        cells = columns.map(\.value)
    }

    /// The cells of `row`, in the schema's column order.
    package func values(of row: Row) -> [TableValue] {
        cells.map { $0(row) }
    }

    /// The cells of `row` in `values`, replacing what it held: one array for every row of a
    /// table with a row per case, instead of one each.
    package func values(of row: Row, into values: inout [TableValue]) {
        values.removeAll(keepingCapacity: true)
        for cell in cells { values.append(cell(row)) }
    }

    /// `row` as a typed row of the table.
    package func row(_ row: Row) -> TableRow {
        TableRow(schema, values(of: row))
    }
}
