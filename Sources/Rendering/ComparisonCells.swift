import PipelineModel

/// A year's type-average cells in the year index, each type's made once per page rather than
/// once per row: the same three values repeat on every row of the type.
struct ComparisonCells {
    /// What follows each of a row's three rates: the rate's cell closed, then its type average's
    /// cell (`</td><td>79%</td><td>`, opening the next rate's cell; the last one ends `</td>`).
    struct Cells {
        var upholdRate: [UInt8], complianceRate: [UInt8], satisfactoryRemedyRate: [UInt8]
    }

    /// By ``ComparisonType`` raw value, then one for a row with no average.
    private let byType: [Cells]

    init(_ year: YearFigures) {
        func cells(_ average: Int?, last: Bool = false) -> [UInt8] {
            var html = HTMLBuffer(capacity: 32)
            html.raw("</td><td>")
            html.percent(average)
            html.raw(last ? "</td>" : "</td><td>")
            return html.bytes
        }
        byType = (ComparisonType.allCases.map { year.figures(for: $0) } + [nil]).map { figures in
            Cells(upholdRate: cells(figures?.averageUpholdRate), complianceRate: cells(figures?.averageComplianceRate),
                  satisfactoryRemedyRate: cells(figures?.averageSatisfactoryRemedyRate, last: true))
        }
    }

    /// The cells of a row of type `type` that is current or not: `n/a` for a row that has no
    /// average, one not current or of no comparison type (``ReportWriter/averages(of:in:)``).
    func cells(for type: ComparisonType?, isCurrent: Bool) -> Cells {
        guard isCurrent, let type else { return byType[byType.count - 1] }
        return byType[type.rawValue]
    }
}
