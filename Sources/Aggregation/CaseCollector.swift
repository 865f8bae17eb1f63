package import PipelineModel

/// Keeps one entry per case and applies the duplicate rule: the row with the latest
/// `last_updated` is the case; a tie goes to the later row. Rows must be added in run order
/// (file order, then line), as the pipeline's single aggregation stage sees them.
///
/// Cases are held as 24-byte entries (reference, `last_updated`, ``CaseContribution``,
/// ``CaseDetail``), never as rows, so memory grows with the number of distinct cases and not
/// with the size of the exports (only the rare winning rows with a public report or a service
/// improvement keep their texts, for `public_reports.csv` and `service_improvements.csv`); the
/// counts per year and authority are kept up to date as rows arrive and supersede each other,
/// so the figures need no second pass over the cases.
package struct CaseCollector: Sendable {
    private var table = CaseTable()
    private var running = RunningCounts()
    /// The decision date and texts of every winning row with a public report, by reference:
    /// the case table keeps no text, and public reports are rare.
    private var reports: [UInt32: (decided: Day, text: PublicReportText)] = [:]
    /// The texts of every winning row that is a service improvement, by reference (as ``reports``).
    private var improvements: [UInt32: ServiceImprovementText] = [:]
    /// Accepted rows that lost to another row of the same case.
    package private(set) var superseded = 0
    /// Accepted rows added.
    package private(set) var accepted = 0
    /// What ``CaseTable/warm(_:)`` read, kept so that its reads are made.
    private var warmed: UInt64 = 0

    /// An empty collector.
    package init() {}

    /// Distinct cases so far.
    package var caseCount: Int { table.count }

    /// The counts per reporting year and authority of the winning rows, for ``FigureBuilder``.
    package var counts: [YearAuthority: AuthorityYearCounts] { running.counts }

    /// The winning row of case `reference`: its `last_updated`, contribution and detail.
    package func winner(of reference: UInt32) -> (lastUpdated: Int64, contribution: CaseContribution, detail: CaseDetail)? {
        table.winner(of: reference)
    }

    /// Every winning row with a public report (a decided case whose winner says so), with its
    /// decision date and texts, in no particular order: one per case, so that their number per
    /// authority and year is the `public_reports` count of ``counts``.
    package var publicReports: [CollectedPublicReport] {
        reports.compactMap { reference, report in
            table.winner(of: reference).map {
                CollectedPublicReport(reference: reference, contribution: $0.contribution, decided: report.decided,
                                      text: report.text)
            }
        }
    }

    /// The winning rows behind the counts, per reporting year and authority, for the per-case
    /// tables: each decision in its decision's year, each compliance outcome in its own year,
    /// each service improvement (with its texts) in its decision's year; every list sorted by
    /// date, then reference. Counted by kind, they are ``counts``.
    package var cases: [YearAuthority: AuthorityYearCases] {
        var cases: [YearAuthority: AuthorityYearCases] = [:]
        // Each list sized by its counts, so that none holds the spare half of a grown array.
        for (key, counts) in running.counts where counts.decisionsTotal > 0 || counts.complianceOutcomes > 0 {
            var list = AuthorityYearCases()
            list.decisions.reserveCapacity(counts.decisionsTotal)
            list.compliance.reserveCapacity(counts.complianceOutcomes)
            cases[key] = list
        }
        table.forEach { reference, contribution, detail in
            if let year = contribution.decisionYear, let decided = detail.decisionDate {
                let key = YearAuthority(year, contribution.authority)
                cases[key, default: .none].decisions.append(DecidedCase(
                    reference: reference, decisionDate: decided, area: contribution.area, outcome: contribution.outcome,
                    satisfactoryRemedy: contribution.satisfactoryRemedy, publicReport: contribution.publicReport,
                    serviceImprovement: detail.serviceImprovement))
                if detail.serviceImprovement, let text = improvements[reference] {
                    cases[key, default: .none].serviceImprovements.append(ServiceImprovementCase(
                        reference: reference, decisionDate: decided, area: contribution.area,
                        subcategory: text.subcategory, remedy: text.remedy))
                }
            }
            if let year = contribution.complianceYear, contribution.compliance.isOutcome, let recorded = detail.complianceDate {
                cases[YearAuthority(year, contribution.authority), default: .none].compliance.append(ComplianceCase(
                    reference: reference, complianceDate: recorded, outcome: contribution.compliance))
            }
        }
        for key in cases.keys {
            cases[key]!.decisions.sort { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) }
            cases[key]!.compliance.sort { ($0.complianceDate, $0.reference) < ($1.complianceDate, $1.reference) }
            cases[key]!.serviceImprovements.sort { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) }
        }
        return cases
    }

    /// Adds case rows, in run order, resolving duplicates as they arrive; `publicReportTexts`
    /// and `serviceImprovementTexts` hold the texts of the rows with a public report and of the
    /// service improvements, by index in `records` (``CaseBatch/publicReportTexts``,
    /// ``CaseBatch/serviceImprovementTexts``).
    package mutating func add(_ records: [CaseRecord], publicReportTexts: [Int: PublicReportText] = [:],
                              serviceImprovementTexts: [Int: ServiceImprovementText] = [:]) {
        warmed &+= table.warm(records.lazy.map(\.reference))
        for (i, record) in records.enumerated() {
            // Only the rare rows with a public report or a service improvement have texts: the
            // others skip a look-up.
            add(record, publicReportText: record.publicReport ? publicReportTexts[i] : nil,
                serviceImprovementText: record.serviceImprovement ? serviceImprovementTexts[i] : nil)
        }
    }

    /// Adds one case row (after every row added before it in the run), with its texts when it
    /// has a public report or is a service improvement.
    package mutating func add(_ record: CaseRecord, publicReportText: PublicReportText? = nil,
                              serviceImprovementText: ServiceImprovementText? = nil) {
        accepted += 1
        let report = record.decisionDate.flatMap { day in publicReportText.map { (decided: day, text: $0) } }
        let contribution = CaseContribution(record), detail = CaseDetail(record)
        switch table.upsert(reference: record.reference, lastUpdated: record.lastUpdated, contribution: contribution,
                            detail: detail) {
        case .inserted:
            running.apply(contribution, sign: 1)
            if contribution.publicReport, let report { reports[record.reference] = report }
            if detail.serviceImprovement, let serviceImprovementText { improvements[record.reference] = serviceImprovementText }
        case .replaced(let old):
            superseded += 1
            running.apply(old, sign: -1)
            running.apply(contribution, sign: 1)
            // The winner's texts replace the superseded row's; a winner without them removes them.
            reports[record.reference] = contribution.publicReport ? report : nil
            improvements[record.reference] = detail.serviceImprovement ? serviceImprovementText : nil
        case .kept:
            superseded += 1
        }
    }
}
