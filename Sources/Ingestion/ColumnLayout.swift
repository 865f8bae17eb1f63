import CSV
import PipelineModel

/// How a file's header maps its fields onto the ``ExportColumn`` slots.
struct ColumnLayout: Equatable {
    /// The slot of each field by position, nil for a cell that names no known column.
    let columns: [ExportColumn?]
    /// Header cells that name no known column, as written, in file order.
    let unknownColumns: [String]

    /// A layout already matched (a ``FileHeader`` carried to another reader).
    init(columns: [ExportColumn?], unknownColumns: [String]) {
        self.columns = columns
        self.unknownColumns = unknownColumns
    }

    /// Matches the header `cells` of `file`; throws on a duplicated or missing required column.
    init(file: String, cells: [String]) throws {
        var columns: [ExportColumn?] = []
        var unknown: [String] = []
        var seen = Set<ExportColumn>()
        for cell in cells {
            if let column = ExportColumn(header: cell) {
                // Two cells for one column would leave it unclear which value a row means.
                guard seen.insert(column).inserted else {
                    throw CSVFileError.duplicateColumn(file: file, name: column.name)
                }
                columns.append(column)
            } else {
                unknown.append(cell)
                columns.append(nil)
            }
        }
        if let missing = ExportColumn.allCases.first(where: { $0.isRequired && !seen.contains($0) }) {
            throw CSVFileError.missingColumn(file: file, name: missing.name)
        }
        self.columns = columns
        self.unknownColumns = unknown
    }
}
