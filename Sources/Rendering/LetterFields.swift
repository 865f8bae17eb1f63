import PipelineModel

/// The values of one authority's draft annual review letter for one year, computed from the
/// figures and the letter settings; the wording around them is in the letter templates
/// (statistics.md, "The letter's statistics section" and "The rest of the annual review letter").
///
/// Properties are read by name from the templates (`{{uphold}}`), so renaming one is a change of
/// the templates too. Choices made here, each with a test:
/// - A rate with no value (denominator 0) prints `0%`, as the Ombudsman does; so does a type
///   average with nothing to average (the same rule: a rate over an empty base).
/// - Every average reads `n/a` for an authority that is not current in the year (abolished) and
///   for an authority with no comparison type (combined authorities, national parks, ...).
/// - The wording follows the year the figures were published for: "detailed investigations"
///   up to 2022-23 (``detailed``); the per-100,000 lines (``per100k``) from 2022-23, only for a
///   current authority with a known population; the complaint overview (``overview``) from
///   2024-25.
/// - ``council`` is "the Council" for councils and "the authority" for combined authorities and
///   other bodies that are not councils.
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
    /// "the Council", or "the authority" for a body that is not a council.
    let council: String
    /// Whether the year's wording says "detailed investigations" (published up to 2022-23).
    let detailed: Bool
    /// The complaint overview (published from 2024-25), nil before.
    let overview: Overview?

    /// The letter's date (`22 July 2020`), or a placeholder.
    let date: String
    /// The addressee's name, or a placeholder.
    let addresseeName: String
    /// Whether the signatory setting names who signs; the signatory's name ("" without it) and
    /// title (the Ombudsman's without it).
    let signed: Bool, signatoryName: String, signatoryTitle: String
    /// The addressee's job title, or a placeholder.
    let addresseeJobTitle: String
    /// Whether the contacts table names the addressee.
    let hasContact: Bool
    /// The public reports issued about the authority in the year, one paragraph each.
    let publicReports: [PublicReport]
    /// Whether there is at least one (the section's heading is printed once).
    let hasPublicReports: Bool

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

    /// The complaint overview's counts (statistics.md: not for us = incomplete/invalid + advice
    /// given + referred back; assessed and closed = closed after initial enquiries).
    struct Overview: Sendable, Equatable {
        /// Decisions made ("we dealt with").
        let decisions: Int
        /// Not for us or not ready for us to investigate.
        let notForUs: Int
        /// Assessed and closed.
        let closed: Int
        /// Investigated (upheld and not upheld).
        let investigations: Int
        /// Upheld.
        let upheld: Int

        /// The overview of `counts` in `year`: nil before 2024-25, when it was not published.
        /// The authority's page of the year gives it too, in the letters' wording.
        init?(_ counts: AuthorityYearCounts, in year: ReportingYear) {
            guard year.startYear >= 2024 else { return nil }
            decisions = counts.decisionsTotal
            notForUs = counts.outcomes[Outcome.incompleteInvalid.rawValue] + counts.outcomes[Outcome.adviceGiven.rawValue]
                + counts.outcomes[Outcome.referredBack.rawValue]
            closed = counts.outcomes[Outcome.closedAfterInitialEnquiries.rawValue]
            investigations = counts.investigations
            upheld = counts.upheld
        }
    }

    /// What a letter prints of one public report.
    struct PublicReport: Sendable, Equatable {
        /// `19 012 345`.
        let reference: String
        /// The service area's published name.
        let serviceArea: String
        /// What the case was about, as the case system records it.
        let summary: String
        /// What the authority agreed to do, as recorded (may be empty).
        let remedy: String
    }

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

    /// The fields of `row`, compared with `types` (the row's year's type figures), with the
    /// letter's date, addressee and public reports from `settings`.
    init(_ row: AuthorityYearFigures, types: YearFigures, settings: LetterSettings = LetterSettings()) {
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
        council = Self.councilTypes.contains(row.authority.registerType) ? "the Council" : "the authority"
        let startYear = row.year.startYear
        detailed = startYear <= 2022
        overview = Overview(counts, in: row.year)

        date = settings.date.map(Self.longDate) ?? "[Date]"
        let contact = settings.contacts[row.authority.code]
        addresseeName = contact?.name ?? "[Name of the chief executive]"
        signed = settings.signatory != nil
        signatoryName = settings.signatory?.name ?? ""
        signatoryTitle = settings.signatory?.title ?? Signatory.defaultTitle
        addresseeJobTitle = contact?.jobTitle ?? "[Job title]"
        hasContact = contact != nil
        publicReports = types.publicReports.filter { $0.authority.code == row.authority.code }.map {
            PublicReport(reference: $0.referenceText, serviceArea: $0.area.name, summary: $0.text.summary, remedy: $0.text.remedy)
        }
        hasPublicReports = !publicReports.isEmpty

        uphold = NumberText.letterPercent(row.upholdRate)
        upholdAverage = average(averages?.averageUpholdRate)
        upheld = counts.upheld
        upheldIsOne = counts.upheld == 1
        if startYear >= 2022, row.isCurrent, let tenths = row.upheldPer100kTenths {
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

        remedy = NumberText.letterPercent(row.satisfactoryRemedyRate)
        remedyAverage = average(averages?.averageSatisfactoryRemedyRate)
        satisfactoryRemedies = counts.satisfactoryRemedies
        satisfactoryRemediesIsOne = counts.satisfactoryRemedies == 1

        received = ServiceArea.allCases.map { CountRow(label: $0.name, count: counts.received[$0.rawValue]) }
        receivedTotal = counts.receivedTotal
        decisions = Outcome.allCases.map { CountRow(label: $0.name, count: counts.outcomes[$0.rawValue]) }
        decisionsTotal = counts.decisionsTotal
    }

    /// The register types of councils (authorities.md): county, district, metropolitan, unitary
    /// and London borough councils, Scottish and Northern Irish councils, Welsh principal areas and
    /// the City of London Corporation. Combined authorities (`COMB`), the Greater London
    /// Authority (`SRA`) and any other body are "the authority".
    static let councilTypes: Set<String> = ["CTY", "NMD", "MD", "UA", "LBO", "SCO", "NID", "WPA", "CC"]

    /// `22 July 2020`.
    static func longDate(_ day: Day) -> String {
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                      "November", "December"]
        let (year, month, dayOfMonth) = day.components
        return "\(dayOfMonth) \(months[month - 1]) \(year)"
    }
}
