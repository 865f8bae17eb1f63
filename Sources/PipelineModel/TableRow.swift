/// One row of a published table, its cells typed by the table's schema: made from the figures
/// (``TableDefinition/row(_:)``) or read back from a published file.
///
/// Cells are asked for by column name and type; a name the schema lacks, or a cell of another
/// type, is a ``Mismatch`` rather than a crash.
package struct TableRow: Sendable, Equatable {
    /// The table's schema.
    package let schema: TableSchema
    /// The cells, in the schema's column order.
    package let values: [TableValue]
    /// The line of the file the row was read from (where its record starts); nil for a row made
    /// from the figures.
    package let line: Int?

    /// A row of `schema`, read from `line` of its file (nil: made from the figures).
    /// - Important: `values` has one value per column of `schema`, in its order.
    package init(_ schema: TableSchema, _ values: [TableValue], line: Int? = nil) {
        self.schema = schema
        self.values = values
        self.line = line
    }

    /// A cell asked for by a name the table lacks or as a type it is not.
    package struct Mismatch: Error, Sendable, Equatable, CustomStringConvertible {
        /// The table's file name.
        package let table: String
        /// The row's line in the file (``TableRow/line``).
        package let line: Int?
        /// The column asked for.
        package let column: String
        /// What is wrong.
        package let reason: String

        package var description: String { "\(table): \(line.map { "line \($0): " } ?? "")column \(column): \(reason)" }
    }

    /// The cell of column `name`.
    /// - Throws: ``Mismatch`` when the table has no such column.
    package func value(_ name: String) throws(Mismatch) -> TableValue {
        guard let position = schema.position(of: name), position < values.count else {
            throw Mismatch(table: schema.fileName, line: line, column: name, reason: "no such column")
        }
        return values[position]
    }

    /// The text of column `name`; an empty cell is "".
    /// - Throws: ``Mismatch`` when there is no such column or it holds something else.
    package func text(_ name: String) throws(Mismatch) -> String {
        switch try value(name) {
        case let .text(text): return text
        case .empty: return ""
        default: throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not text")
        }
    }

    /// The reporting year of column `name`.
    /// - Throws: ``Mismatch`` when the cell is no year's label.
    package func year(_ name: String) throws(Mismatch) -> ReportingYear {
        guard case let .text(label) = try value(name), let year = ReportingYear(label: label) else {
            throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not a reporting year")
        }
        return year
    }

    /// The day of column `name`, an ISO date (`2023-07-14`).
    /// - Throws: ``Mismatch`` when the cell is no such date.
    package func day(_ name: String) throws(Mismatch) -> Day {
        let text = try self.text(name)
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let date = Int(parts[2]),
              let day = Day(year: year, month: month, day: date) else {
            throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not a date: \(text)")
        }
        return day
    }

    /// The whole number of column `name`, nil for an empty cell.
    /// - Throws: ``Mismatch`` when the cell holds something else.
    package func integer(_ name: String) throws(Mismatch) -> Int? {
        switch try value(name) {
        case let .integer(value): return value
        case .empty: return nil
        default: throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not a whole number")
        }
    }

    /// The whole number of column `name`, which must not be empty (a count).
    /// - Throws: ``Mismatch`` when the cell is empty or holds something else.
    package func count(_ name: String) throws(Mismatch) -> Int {
        guard let value = try integer(name) else { throw Mismatch(table: schema.fileName, line: line, column: name, reason: "empty") }
        return value
    }

    /// The tenths of column `name` (`4.8` is 48), nil for an empty cell.
    /// - Throws: ``Mismatch`` when the cell holds something else.
    package func tenths(_ name: String) throws(Mismatch) -> Int? {
        switch try value(name) {
        case let .tenths(value): return value
        case .empty: return nil
        default: throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not a one-decimal figure")
        }
    }

    /// The boolean of column `name`.
    /// - Throws: ``Mismatch`` when the cell is empty or holds something else.
    package func boolean(_ name: String) throws(Mismatch) -> Bool {
        guard case let .boolean(value) = try value(name) else {
            throw Mismatch(table: schema.fileName, line: line, column: name, reason: "not true or false")
        }
        return value
    }
}
