import Foundation
import Output
import PipelineModel

/// What changed between two publications: the files added, removed and changed by their
/// manifests' sha256, and for each data table the rows added and removed and the cells changed,
/// row by row by primary key.
///
/// Files whose manifest entries have the same sha256 are never read: comparing two nightly
/// publications reads only what changed.
package struct PublicationDiff: Sendable, Equatable, Codable {
    /// Output files only the new publication has, by path.
    package var addedFiles: [String]
    /// Output files only the old publication has.
    package var removedFiles: [String]
    /// Output files both have, with different contents.
    package var changedFiles: [String]
    /// The changes of each data table that changed, in the order of ``TableFile``.
    package var tables: [TableDiff]

    /// Whether the publications hold the same files with the same bytes (their manifests'
    /// times and run identifiers aside).
    package var isEqual: Bool { addedFiles.isEmpty && removedFiles.isEmpty && changedFiles.isEmpty }

    /// The changes of one table.
    package struct TableDiff: Sendable, Equatable, Codable {
        /// The table's file, `authority_year.csv`.
        package var file: String
        /// The primary key's columns.
        package var key: [String]
        /// Columns only the new table has.
        package var addedColumns: [String]
        /// Columns only the old table has.
        package var removedColumns: [String]
        /// Rows whose key only the new table has: column to value.
        package var addedRows: [[String: String]]
        /// Rows whose key only the old table has.
        package var removedRows: [[String: String]]
        /// Rows whose key both have, with the cells that differ.
        package var changedRows: [RowChange]

        enum CodingKeys: String, CodingKey {
            case file, key
            case addedColumns = "added_columns"
            case removedColumns = "removed_columns"
            case addedRows = "added_rows"
            case removedRows = "removed_rows"
            case changedRows = "changed_rows"
        }
    }

    /// One row present in both tables with different cells.
    package struct RowChange: Sendable, Equatable, Codable {
        /// The primary key's values, column to value.
        package var key: [String: String]
        /// The cells that differ, in the new table's column order.
        package var cells: [CellChange]

        /// A change; see the properties.
        package init(key: [String: String], cells: [CellChange]) {
            self.key = key
            self.cells = cells
        }
    }

    /// One cell's old and new value.
    package struct CellChange: Sendable, Equatable, Codable {
        /// The column.
        package var column: String
        /// The old value.
        package var old: String
        /// The new value.
        package var new: String

        /// A change; see the properties.
        package init(column: String, old: String, new: String) {
            self.column = column
            self.old = old
            self.new = new
        }
    }

    enum CodingKeys: String, CodingKey {
        case equal
        case addedFiles = "added_files"
        case removedFiles = "removed_files"
        case changedFiles = "changed_files"
        case tables
    }

    /// A diff; see the properties.
    package init(addedFiles: [String], removedFiles: [String], changedFiles: [String], tables: [TableDiff]) {
        self.addedFiles = addedFiles
        self.removedFiles = removedFiles
        self.changedFiles = changedFiles
        self.tables = tables
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(addedFiles: try container.decode([String].self, forKey: .addedFiles),
                  removedFiles: try container.decode([String].self, forKey: .removedFiles),
                  changedFiles: try container.decode([String].self, forKey: .changedFiles),
                  tables: try container.decode([TableDiff].self, forKey: .tables))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(isEqual, forKey: .equal)
        try container.encode(addedFiles, forKey: .addedFiles)
        try container.encode(removedFiles, forKey: .removedFiles)
        try container.encode(changedFiles, forKey: .changedFiles)
        try container.encode(tables, forKey: .tables)
    }
}

/// A folder that is not a publication (no folder, no manifest, a manifest this program did not
/// write, or a table that does not match its manifest entry).
package struct NotAPublication: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder or file at fault.
    package let path: String
    /// Why it is not one.
    package let reason: String

    package var description: String { "\(path): not a publication of annual-review: \(reason)" }
}

extension PublicationDiff {
    /// Compares the publications in the folders `old` and `new`.
    /// - Throws: ``NotAPublication`` when either folder is not one.
    package static func compare(old: String, new: String) throws(NotAPublication) -> PublicationDiff {
        let before = try publication(old), after = try publication(new)
        var added: [String] = [], removed: [String] = [], changed: [String] = []
        let paths = Set(before.manifest.outputs.map(\.path)).union(after.manifest.outputs.map(\.path))
        for path in paths.sorted(by: utf8Precedes) {
            switch (before.output(path), after.output(path)) {
            case (nil, _?): added.append(path)
            case (_?, nil): removed.append(path)
            case let (was?, now?) where was.sha256 != now.sha256 || was.bytes != now.bytes: changed.append(path)
            default: break
            }
        }
        var tables: [TableDiff] = []
        for table in TableFile.allCases where changed.contains(table.fileName) {
            tables.append(try compareTable(table.fileName, key: table.schema.primaryKey, old: before, new: after))
        }
        return PublicationDiff(addedFiles: added, removedFiles: removed, changedFiles: changed, tables: tables)
    }

    private static func publication(_ folder: String) throws(NotAPublication) -> CurrentPublication {
        let publication: CurrentPublication?
        do {
            publication = try CurrentPublication.read(from: folder)
        } catch {
            throw NotAPublication(path: folder, reason: "\(error)")
        }
        guard let publication else { throw NotAPublication(path: folder, reason: "no such folder, or an empty one") }
        return publication
    }

    /// The rows of `file` in both publications, compared by `key`.
    private static func compareTable(_ file: String, key: [String], old: CurrentPublication,
                                     new: CurrentPublication) throws(NotAPublication) -> TableDiff {
        let (oldColumns, oldRows) = try rows(of: file, in: old, key: key)
        let (newColumns, newRows) = try rows(of: file, in: new, key: key)
        var diff = TableDiff(file: file, key: key, addedColumns: newColumns.filter { !oldColumns.contains($0) },
                             removedColumns: oldColumns.filter { !newColumns.contains($0) },
                             addedRows: [], removedRows: [], changedRows: [])
        for (rowKey, row) in newRows.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            guard let was = oldRows[rowKey] else {
                diff.addedRows.append(row)
                continue
            }
            let cells = newColumns.compactMap { column -> CellChange? in
                let before = was[column] ?? "", after = row[column] ?? ""
                return before == after ? nil : CellChange(column: column, old: before, new: after)
            }
            if !cells.isEmpty {
                diff.changedRows.append(RowChange(key: Dictionary(uniqueKeysWithValues: zip(key, rowKey)), cells: cells))
            }
        }
        diff.removedRows = oldRows.filter { newRows[$0.key] == nil }
            .sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }).map(\.value)
        return diff
    }

    /// The table `file` of `publication`: its columns, and its rows by primary key. The bytes
    /// must be those its manifest records: a diff of files changed behind the manifest's back
    /// would describe neither publication.
    private static func rows(of file: String, in publication: CurrentPublication,
                             key: [String]) throws(NotAPublication) -> ([String], [[String]: [String: String]]) {
        let path = publication.folder + "/" + file
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NotAPublication(path: path, reason: "listed in its manifest but cannot be read")
        }
        let bytes = [UInt8](data)
        guard RunManifest.FileDigest(path: file, contents: bytes) == publication.output(file) else {
            throw NotAPublication(path: path, reason: "its sha256 is not the one its manifest records")
        }
        let records = CSVFormat.records(bytes)
        guard let columns = records.first else { return ([], [:]) }
        let keyIndexes = key.compactMap { columns.firstIndex(of: $0) }
        guard keyIndexes.count == key.count else {
            throw NotAPublication(path: path, reason: "its header lacks the primary key \(key.joined(separator: ","))")
        }
        var rows: [[String]: [String: String]] = [:]
        for record in records.dropFirst() {
            let values = Dictionary(zip(columns, record), uniquingKeysWith: { first, _ in first })
            rows[keyIndexes.map { $0 < record.count ? record[$0] : "" }] = values
        }
        return (columns, rows)
    }
}

extension PublicationDiff {
    /// The diff for people: changed files, then each table's rows (`+` added, `-` removed, `~`
    /// changed with its cells), then a summary line.
    package var text: String {
        var lines: [String] = []
        lines += addedFiles.map { "+ \($0)" }
        lines += removedFiles.map { "- \($0)" }
        lines += changedFiles.map { "~ \($0)" }
        for table in tables {
            lines.append("")
            lines.append("\(table.file): \(table.addedRows.count) rows added, \(table.removedRows.count) removed, "
                         + "\(table.changedRows.count) changed")
            if !table.addedColumns.isEmpty { lines.append("  columns added: " + table.addedColumns.joined(separator: ", ")) }
            if !table.removedColumns.isEmpty { lines.append("  columns removed: " + table.removedColumns.joined(separator: ", ")) }
            func keyText(_ row: [String: String]) -> String {
                table.key.map { "\($0)=\(row[$0] ?? "")" }.joined(separator: " ")
            }
            lines += table.addedRows.map { "  + " + keyText($0) }
            lines += table.removedRows.map { "  - " + keyText($0) }
            for change in table.changedRows {
                let cells = change.cells.map { "\($0.column) \($0.old) -> \($0.new)" }.joined(separator: ", ")
                lines.append("  ~ " + keyText(change.key) + ": " + cells)
            }
        }
        let count = addedFiles.count + removedFiles.count + changedFiles.count
        if !lines.isEmpty { lines.append("") }
        lines.append(isEqual ? "the publications are equal" : "\(count) files differ")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON: `equal`, the files added, removed and changed, and each table's changes.
    package func jsonBytes() throws -> [UInt8] {
        try PrettyJSON.bytes(self)
    }
}
