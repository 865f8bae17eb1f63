import PipelineModel

/// The values of one authority's annual review letter for one year, computed from the figures;
/// the wording around them is in the letter templates (statistics.md, "The letter's statistics
/// section").
///
/// Properties are read by name from the templates (`{{uphold}}`), so renaming one is a change of
/// the templates too. Choices made here, each with a test:
/// - A rate with no value (denominator 0) prints `0%`, as the Ombudsman does; so does a type
///   average with nothing to average (the same rule: a rate over an empty base).
/// - Every average reads `n/a` for an authority that is not current in the year (abolished) and
///   for an authority with no comparison type (combined authorities, national parks, ...).
/// - The per-100,000 lines (``per100k``) exist only for a current authority with a known
///   population, that is with an upheld-per-100,000 figure.
/// - ``complianceLearning`` (the "should scrutinise" sentence) is set only when there were
///   compliance outcomes and the published, rounded rate is below 100%: with no outcomes there is
///   no complaint where the authority failed to comply (the `0%` printed then means "no value",
///   not a failure), and a rate that rounds up to 100% prints as 100%, which the sentence would
///   contradict.
/// - Every count has an `...IsOne` flag so that the templates choose singular or plural wording;
///   statistics.md shows singular forms only for "upheld decision" and "satisfactory remedy
///   decision", so the templates keep the "based on a total of" lines plural.
struct LetterFields: Sendable, Equatable {
    /// The register's official name.
    let name: String
    /// The register code.
    let code: String
    /// The year's label, `2023-24`.
    let year: String
    /// The year's first calendar year, `2023`.
    let y1: String
    /// The year's second calendar year, `2024`.
    let y2: String
    /// The comparison type's name (`Unitary`), nil for other kinds.
    let typeName: String?
    /// Whether the authority is current in the year.
    let current: Bool
    /// Whether it has averages to compare with (current and of a comparison type).
    let compared: Bool

    /// Uphold rate, `86%`.
    let uphold: String
    /// The type's average uphold rate, `79%` or `n/a`.
    let upholdAverage: String
    /// Upheld decisions.
    let upheld: Int
    /// Whether exactly one decision was upheld.
    let upheldIsOne: Bool
    /// The per-100,000 lines' values, nil when the lines are left out.
    let per100k: Per100kLines?
    /// Detailed investigations.
    let investigations: Int
    /// Whether there was exactly one detailed investigation.
    let investigationsIsOne: Bool

    /// Compliance rate, `100%`.
    let compliance: String
    /// The type's average compliance rate, or `n/a`.
    let complianceAverage: String
    /// Compliance outcomes.
    let complianceOutcomes: Int
    /// Whether there was exactly one compliance outcome.
    let complianceOutcomesIsOne: Bool
    /// Whether the compliance learning sentence is printed.
    let complianceLearning: Bool

    /// Satisfactory remedy rate, `11%`.
    let remedy: String
    /// The type's average satisfactory remedy rate, or `n/a`.
    let remedyAverage: String
    /// Satisfactory remedy decisions.
    let satisfactoryRemedies: Int
    /// Whether there was exactly one satisfactory remedy decision.
    let satisfactoryRemediesIsOne: Bool

    /// Complaints and enquiries received, by service area in statistics.md order.
    let received: [CountRow]
    /// Complaints and enquiries received in the year.
    let receivedTotal: Int
    /// Decisions made, by outcome in statistics.md order.
    let decisions: [CountRow]
    /// Decisions made in the year.
    let decisionsTotal: Int

    /// The values of the per-100,000 lines.
    struct Per100kLines: Sendable, Equatable {
        /// Upheld decisions per 100,000 residents, `4.8`.
        let value: String
        /// The type's average, `5.1`, or `n/a`.
        let average: String
    }

    /// One row of the received or decisions table.
    struct CountRow: Sendable, Equatable {
        /// The service area's or outcome's published name.
        let label: String
        /// The count.
        let count: Int
    }

    /// The fields of `row`, compared with `types` (the row's year's type figures).
    init(_ row: AuthorityYearFigures, types: YearFigures) {
        let counts = row.counts
        let averages = row.isCurrent ? row.authority.comparisonType.flatMap { types.figures(for: $0) } : nil
        func average(_ value: Int?) -> String {
            averages == nil ? "n/a" : NumberText.letterPercent(value)
        }
        name = row.authority.officialName
        code = row.authority.code
        year = row.year.label
        y1 = String(row.year.startYear)
        y2 = String(row.year.startYear + 1)
        typeName = row.authority.comparisonType?.name
        current = row.isCurrent
        compared = averages != nil

        uphold = NumberText.letterPercent(row.upholdRate)
        upholdAverage = average(averages?.averageUpholdRate)
        upheld = counts.upheld
        upheldIsOne = counts.upheld == 1
        if row.isCurrent, let tenths = row.upheldPer100kTenths {
            per100k = Per100kLines(
                value: NumberText.per100k(tenths: tenths),
                average: averages?.averageUpheldPer100kTenths.map { NumberText.per100k(tenths: $0) } ?? "n/a")
        } else {
            per100k = nil
        }
        investigations = counts.investigations
        investigationsIsOne = counts.investigations == 1

        compliance = NumberText.letterPercent(row.complianceRate)
        complianceAverage = average(averages?.averageComplianceRate)
        complianceOutcomes = counts.complianceOutcomes
        complianceOutcomesIsOne = counts.complianceOutcomes == 1
        complianceLearning = counts.complianceOutcomes > 0 && (row.complianceRate ?? 0) < 100

        remedy = NumberText.letterPercent(row.satisfactoryRemedyRate)
        remedyAverage = average(averages?.averageSatisfactoryRemedyRate)
        satisfactoryRemedies = counts.satisfactoryRemedies
        satisfactoryRemediesIsOne = counts.satisfactoryRemedies == 1

        received = ServiceArea.allCases.map { CountRow(label: $0.name, count: counts.received[$0.rawValue]) }
        receivedTotal = counts.receivedTotal
        decisions = Outcome.allCases.map { CountRow(label: $0.name, count: counts.outcomes[$0.rawValue]) }
        decisionsTotal = counts.decisionsTotal
    }
}
