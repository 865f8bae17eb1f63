import PipelineModel

/// The cells of a year index's row that depend only on the authority's type: the type's name and
/// its three averages. Made once per page for each type (and for none) rather than once per
/// row, and kept in one array, so that a row appends them without retaining anything.
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

    /// Every part of every kind, one after another: kinds are the comparison types by raw value,
    /// then one for none (`other`, and `n/a` averages).
    private let bytes: [UInt8]
    /// Where each kind's part starts in ``bytes``, by `kind * parts + part`, and the end.
    private let starts: [Int]

    init(_ year: YearFigures) {
        var html = HTMLBuffer(capacity: 1024)
        var starts: [Int] = []
        for type in ComparisonType.allCases.map(Optional.some) + [nil] {
            let figures = type.flatMap { year.figures(for: $0) }
            for part in Part.allCases {
                starts.append(html.count)
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
        starts.append(html.count)
        bytes = html.bytes
        self.starts = starts
    }

    /// Appends `part` for a row of type `type`, current or not: its averages are `n/a` when it
    /// is not current or of no comparison type (``ReportWriter/averages(of:in:)``).
    func append(_ part: Part, type: ComparisonType?, isCurrent: Bool, to html: inout HTMLBuffer) {
        let none = ComparisonType.allCases.count
        let kind = part == .type || isCurrent ? type?.rawValue ?? none : none
        let index = kind * Part.allCases.count + part.rawValue
        bytes.withUnsafeBufferPointer { html.raw(UnsafeBufferPointer(rebasing: $0[starts[index] ..< starts[index + 1]])) }
    }
}
