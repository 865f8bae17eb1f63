import PipelineModel

/// A value cell of the report: the text shown and the key the sort script orders by (empty for
/// no value, which sorts last in either direction).
struct ReportCell: Sendable, Equatable {
    /// `86%`, or `n/a` for no value.
    let text: String
    /// `86`, or empty.
    let sort: String

    /// A percentage cell.
    static func percent(_ value: Int?) -> ReportCell {
        ReportCell(text: value.map { "\($0)%" } ?? "n/a", sort: value.map(String.init) ?? "")
    }

    /// A per-100,000 cell from tenths (`4.8`, `11`).
    static func per100k(_ tenths: Int?) -> ReportCell {
        ReportCell(text: tenths.map { NumberText.per100k(tenths: $0) } ?? "n/a",
                   sort: tenths.map { NumberText.decimal(tenths: $0) } ?? "")
    }
}

/// A link to another year's page.
struct YearLink: Sendable, Equatable {
    /// `2022-23`.
    let label: String
    /// The relative address, `../2022-23/index.html`.
    let href: String
    /// Whether it is the page's own year (not a link then).
    let isCurrentPage: Bool
}

/// The view of `report/{year}/index.html`.
struct ReportIndexView: Sendable {
    let year: String
    let y1: String
    let y2: String
    /// `pooled` or `mean`.
    let method: String
    let methodIsPooled: Bool
    /// Rows of the index, by name.
    let rows: [IndexRow]
    let authorityCount: Int
    /// The national chart: each type's average uphold rate in the year.
    let nationalChart: BarChart
    /// The types' sums and averages in the year (the chart's text equivalent and more).
    let types: [TypeRow]
    /// Every year of the report.
    let years: [YearLink]

    /// One authority of the index.
    struct IndexRow: Sendable {
        let code: String
        let name: String
        let href: String
        /// The comparison type's name, or empty for other kinds.
        let typeName: String
        let hasType: Bool
        let current: Bool
        /// Not current because it ended before the year's last day (else it had not started yet).
        let abolished: Bool
        let investigations: Int
        let uphold: ReportCell
        let upholdAverage: ReportCell
        let compliance: ReportCell
        let complianceAverage: ReportCell
        let remedy: ReportCell
        let remedyAverage: ReportCell
    }

    /// One comparison type in the year.
    struct TypeRow: Sendable {
        let typeName: String
        let authorities: Int
        let investigations: Int
        let upheld: Int
        let uphold: ReportCell
        let compliance: ReportCell
        let remedy: ReportCell
        let per100k: ReportCell
    }
}

/// The view of `report/{year}/{code}.html`.
struct ReportAuthorityView: Sendable {
    let year: String
    let y1: String
    let y2: String
    let code: String
    let name: String
    let typeName: String
    let hasType: Bool
    let current: Bool
    /// Not current because it ended before the year's last day (else it had not started yet).
    let abolished: Bool
    /// Successor codes for an authority that is not current, with links where they have a page.
    let successors: [Successor]
    let hasSuccessors: Bool
    /// The year's figures beside the type's averages.
    let headline: Headline
    /// The authority's rates and its type's averages in every year it has figures.
    let upholdChart: BarChart
    let complianceChart: BarChart
    let remedyChart: BarChart
    /// The letter's values (counts by service area and outcome, printed rates).
    let letter: LetterFields
    /// `../../letters/2023-24/LCE.html`.
    let letterHref: String
    /// The years in which the authority has a page.
    let years: [YearLink]
    let method: String

    /// A successor authority.
    struct Successor: Sendable {
        let successorCode: String
        let successorHref: String
        let hasPage: Bool
    }

    /// The headline table of the year.
    struct Headline: Sendable {
        let uphold: ReportCell
        let upholdAverage: ReportCell
        let investigations: Int
        let upheld: Int
        let compliance: ReportCell
        let complianceAverage: ReportCell
        let complianceOutcomes: Int
        let compliant: Int
        let remedy: ReportCell
        let remedyAverage: ReportCell
        let satisfactoryRemedies: Int
        let per100k: ReportCell
        let per100kAverage: ReportCell
        let population: String
        let hasPopulation: Bool
        let publicReports: Int
    }
}
