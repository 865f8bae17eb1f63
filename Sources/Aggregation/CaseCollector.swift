package import PipelineModel

/// Keeps one entry per case and applies the duplicate rule: the row with the latest
/// `last_updated` is the case; a tie goes to the later row. Rows must be added in run order
/// (file order, then line), as the pipeline's single aggregation stage sees them.
///
/// Cases are held as 16-byte entries (reference, `last_updated`, ``CaseContribution``), never
/// as rows, so memory grows with the number of distinct cases and not with the size of the
/// exports (only the rare winning rows with a public report keep their texts, for
/// `public_reports.csv`); the counts per year and authority are kept up to date as rows arrive and supersede
/// each other, so the figures need no second pass over the cases.
package struct CaseCollector: Sendable {
    private var table = CaseTable()
    private var running = RunningCounts()
    /// The decision date and texts of every winning row with a public report, by reference:
    /// the case table keeps 16 bytes per case and no text, and public reports are rare.
    private var reports: [UInt32: (decided: Day, text: PublicReportText)] = [:]
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

    /// The winning row of case `reference`: its `last_updated` and contribution.
    package func winner(of reference: UInt32) -> (lastUpdated: Int64, contribution: CaseContribution)? {
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

    /// Adds case rows, in run order, resolving duplicates as they arrive; `publicReportTexts`
    /// holds the texts of the rows with a public report, by index in `records`
    /// (``CaseBatch/publicReportTexts``).
    package mutating func add(_ records: [CaseRecord], publicReportTexts: [Int: PublicReportText] = [:]) {
        warmed &+= table.warm(records.lazy.map(\.reference))
        for (i, record) in records.enumerated() {
            // Only the rare rows with a public report have texts: the others skip a look-up.
            add(record, publicReportText: record.publicReport ? publicReportTexts[i] : nil)
        }
    }

    /// Adds one case row (after every row added before it in the run), with its texts when it
    /// has a public report.
    package mutating func add(_ record: CaseRecord, publicReportText: PublicReportText? = nil) {
        accepted += 1
        let report = record.decisionDate.flatMap { day in publicReportText.map { (decided: day, text: $0) } }
        collect(record.reference, record.lastUpdated, CaseContribution(record), report: report)
    }

    private mutating func collect(_ reference: UInt32, _ lastUpdated: Int64, _ contribution: CaseContribution,
                                  report: (decided: Day, text: PublicReportText)?) {
        switch table.upsert(reference: reference, lastUpdated: lastUpdated, contribution: contribution) {
        case .inserted:
            running.apply(contribution, sign: 1)
            if contribution.publicReport, let report { reports[reference] = report }
        case .replaced(let old):
            superseded += 1
            running.apply(old, sign: -1)
            running.apply(contribution, sign: 1)
            // The winner's report replaces the superseded row's; a winner without one removes it.
            reports[reference] = contribution.publicReport ? report : nil
        case .kept:
            superseded += 1
        }
    }
}
