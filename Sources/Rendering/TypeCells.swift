import PipelineModel

/// The cells of a year index's row that depend only on the authority's type: the type's name and
/// its three averages. Made once per page for each type (and for none) rather than once per
/// row (``MarkupRuns``).
struct TypeCells {
    /// The runs of markup a row is made of around its own values.
    enum Part: Int, CaseIterable {
        /// After the name: `</th><td>Unitary</td><td>`, opening the investigations' cell.
        case type
        /// After the uphold rate: `</td><td>79%</td><td>` (the type's average in its own cell).
        case upholdAverage
        /// After the compliance rate, the same.
        case complianceAverage
        /// After the satisfactory remedy rate: the average's cell and the row's end.
        case satisfactoryRemedyAverage
    }

    /// Every part of every kind, by `kind * parts + part`: kinds are the comparison types by
    /// raw value, then one for none (`other`, and `n/a` averages).
    private let runs: MarkupRuns

    init(_ year: YearFigures) {
        let kinds = ComparisonType.allCases.map(Optional.some) + [nil]
        let parts = Part.allCases.count
        runs = MarkupRuns(kinds.count * parts, capacity: 1024) { index, html in
            let type = kinds[index / parts], part = Part.allCases[index % parts]
            let figures = type.flatMap { year.figures(for: $0) }
            switch part {
            case .type:
                html.raw("</th><td>")
                html.raw(type?.name ?? "other")
                html.raw("</td><td>")
            case .upholdAverage, .complianceAverage, .satisfactoryRemedyAverage:
                html.raw("</td><td>")
                html.percent(part == .upholdAverage ? figures?.averageUpholdRate
                    : part == .complianceAverage ? figures?.averageComplianceRate : figures?.averageSatisfactoryRemedyRate)
                html.raw(part == .satisfactoryRemedyAverage ? "</td></tr>\n" : "</td><td>")
            }
        }
    }

    /// Appends `part` for a row of type `type`, current or not: its averages are those of
    /// ``ReportRenderer/comparedType(_:isCurrent:)``, `n/a` for none.
    func append(_ part: Part, type: ComparisonType?, isCurrent: Bool, to html: inout HTMLBuffer) {
        let none = ComparisonType.allCases.count
        let kind = (part == .type ? type : ReportRenderer.comparedType(type, isCurrent: isCurrent))?.rawValue ?? none
        runs.append(kind * Part.allCases.count + part.rawValue, to: &html)
    }
}
