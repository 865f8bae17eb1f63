/// A published table's schema together with how each column's cell is computed from one row of
/// figures (`Row`): the one place a column is defined.
///
/// Adding a column is one ``Column`` in the table's definition (`TableFile+Definitions.swift`):
/// its name, type, description and cell. The CSV writer (``appendRecord(of:to:year:)``), the data
/// package, the reader of published tables and `diff` all follow from it.
package struct TableDefinition<Row>: Sendable {
    /// How a column's cell is computed from a row: what it is (a date, a reference, a boolean,
    /// text, any ``TableValue``) and the function giving it.
    ///
    /// A typed cell writes its bytes straight into the record (``appendRecord(of:to:year:)``); its
    /// ``TableValue`` (``values(of:)``) is the same text, for readers and the data package.
    package enum Cell: Sendable {
        /// Any value, written through its ``TableValue/text`` (integers through their digits).
        case value(@Sendable (Row) -> TableValue)
        /// Text, quoted only where it needs it.
        case text(@Sendable (Row) -> String)
        /// A reporting year's label (`2019-20`).
        case year(@Sendable (Row) -> ReportingYear)
        /// A date in ISO 8601 (`2020-07-22`).
        case day(@Sendable (Row) -> Day)
        /// A case reference (`19 012 345`).
        case reference(@Sendable (Row) -> UInt32)
        /// `true` or `false`; nil is an empty cell.
        case boolean(@Sendable (Row) -> Bool?)
        /// One of the column's ``Column/labels`` (a vocabulary's names), by its position there:
        /// each label's field bytes are made once, with the table.
        case label(@Sendable (Row) -> Int)

        /// The cell of `row` as a typed value, `labels` the column's: what the bytes
        /// ``appendRecord(of:to:year:)`` writes read back as.
        func value(of row: Row, labels: [String]) -> TableValue {
            switch self {
            case let .label(index): .text(labels[index(row)])
            case let .value(value): value(row)
            case let .text(text): .text(text(row))
            case let .year(year): .text(year(row).label)
            case let .day(day): .text(day(row).description)
            case let .reference(reference): .text(CaseReference.text(reference(row)))
            case let .boolean(boolean): boolean(row).map { .boolean($0) } ?? .empty
            }
        }
    }

    /// One column and its cell.
    package struct Column: Sendable {
        /// The column as the schema describes it.
        package let column: TableSchema.Column
        /// Its cell in a row.
        package let cell: Cell
        /// The texts a ``Cell/label(_:)`` cell chooses from; empty for other cells.
        package let labels: [String]

        /// A column `name` of `type`, described by `description`, whose cell is `cell`.
        package init(_ name: String, _ type: ColumnType, _ description: String, cell: Cell) {
            column = TableSchema.Column(name, type, description)
            self.cell = cell
            labels = []
        }

        /// A column `name` of `type`, described by `description`, whose cell is the text of
        /// `labels` at the position `index` gives (a vocabulary's names, by raw value).
        package init(_ name: String, _ type: ColumnType, _ description: String, labels: [String],
                     index: @escaping @Sendable (Row) -> Int) {
            column = TableSchema.Column(name, type, description)
            cell = .label(index)
            self.labels = labels
        }

        /// A column `name` of `type`, described by `description`, whose cell is `value`.
        package init(_ name: String, _ type: ColumnType, _ description: String,
                     value: @escaping @Sendable (Row) -> TableValue) {
            self.init(name, type, description, cell: .value(value))
        }
    }

    /// The table's schema.
    package let schema: TableSchema
    private let cells: [Cell]
    /// Each column's labels (empty unless its cell is a label).
    private let labels: [[String]]
    /// Every label's field bytes, one after another, ``labelBounds`` apart.
    private let labelBytes: [UInt8]
    /// Where each label's bytes start in ``labelBytes``, and where the last ends: a column's
    /// labels from its ``labelBase`` on.
    private let labelBounds: [Int]
    /// Each column's first label in ``labelBounds``, and after the last column's, their number.
    private let labelBase: [Int]

    /// A table; see ``TableSchema/init(fileName:title:columns:primaryKey:foreignKeys:)``.
    package init(fileName: String, title: String, primaryKey: [String], foreignKeys: [TableSchema.ForeignKey] = [],
                 columns: [Column]) {
        schema = TableSchema(fileName: fileName, title: title, columns: columns.map(\.column), primaryKey: primaryKey,
                             foreignKeys: foreignKeys)
        cells = columns.map(\.cell)
        labels = columns.map(\.labels)
        var bytes: [UInt8] = [], bounds = [0], base: [Int] = []
        for column in columns {
            base.append(bounds.count - 1)
            for label in column.labels {
                CSVFormat.appendField(label, to: &bytes)
                bounds.append(bytes.count)
            }
        }
        base.append(bounds.count - 1)
        labelBytes = bytes
        labelBounds = bounds
        labelBase = base
    }

    /// The cells of `row`, in the schema's column order.
    package func values(of row: Row) -> [TableValue] {
        // Borrowed from the arrays, as in appendRecord: a zip copied every cell's function and
        // labels per row, which made the history pages' rows cost more than their pages.
        cells.withUnsafeBufferPointer { cells in
            labels.withUnsafeBufferPointer { labels in
                [TableValue](unsafeUninitializedCapacity: cells.count) { values, initialized in
                    for index in cells.indices {
                        (values.baseAddress! + index).initialize(to: cells[index].value(of: row, labels: labels[index]))
                    }
                    initialized = cells.count
                }
            }
        }
    }

    /// `row` as a typed row of the table.
    package func row(_ row: Row) -> TableRow {
        TableRow(schema, values(of: row))
    }

    /// Appends `row` to `buffer` as one record in ``CSVFormat``, ended by LF: each cell's bytes
    /// written as they are computed, text quoted only where it needs it, labels copied from their
    /// bytes. The bytes are those of ``values(of:)``'s texts; `year` holds the last year label
    /// written, which a table's rows mostly share.
    package func appendRecord(of row: Row, to buffer: inout CSVRecordBuffer, year: inout YearLabelCache) {
        let start = buffer.count
        // Borrowed from the arrays, so that no cell's function is retained and released per row.
        cells.withUnsafeBufferPointer { cells in
            labelBytes.withUnsafeBufferPointer { labelBytes in
                labelBounds.withUnsafeBufferPointer { labelBounds in
                    for index in cells.indices {
                        if index > 0 { buffer.append(UInt8(ascii: ",")) }
                        switch cells[index] {
                        case let .value(value):
                            switch value(row) {
                            case let .integer(number): buffer.appendDecimal(number)
                            case .empty: break
                            case let .text(text): buffer.appendField(text)
                            case let other: buffer.appendField(other.text)
                            }
                        case let .text(text): buffer.appendField(text(row))
                        case let .year(label): year.append(label(row), to: &buffer)
                        case let .day(day): day(row).appendISO(to: &buffer)
                        case let .reference(reference): CaseReference.append(reference(row), to: &buffer)
                        case let .boolean(boolean):
                            switch boolean(row) {
                            case true?: buffer.appendASCII("true")
                            case false?: buffer.appendASCII("false")
                            case nil: break
                            }
                        case let .label(label):
                            let position = label(row)
                            let first = labelBase[index] + position
                            precondition(position >= 0 && first < labelBase[index + 1],
                                         "\(schema.columns[index].name) has no label \(position)")
                            buffer.append(field: UnsafeBufferPointer(rebasing: labelBytes[labelBounds[first] ..< labelBounds[first + 1]]))
                        }
                    }
                }
            }
        }
        // A record of one empty field would read back as a blank line (CSVFormat.appendRecord).
        if cells.count == 1, buffer.count == start { buffer.appendASCII("\"\"") }
        buffer.append(0x0A)
    }
}
