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
    private var table: CaseTable
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

    /// An empty collector, its case table sized for about `expectedCases` (0 when unknown):
    /// a guess, which only costs memory when too high and growths when too low.
    package init(expectedCases: Int = 0) {
        table = CaseTable(expectedCases: expectedCases)
    }

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
    ///
    /// Made in `parts` shares of the lists side by side (each share on a core of its own, when
    /// there are enough): the lists are made after the last row, when nothing else can run.
    package func cases(inParts parts: Int = 1) async -> [YearAuthority: AuthorityYearCases] {
        let counts = running.counts
        guard parts > 1 else { return cases(share: 0, of: 1, counts: counts) }
        return await withTaskGroup(of: [YearAuthority: AuthorityYearCases].self) { group in
            for share in 0 ..< parts { group.addTask { self.cases(share: share, of: parts, counts: counts) } }
            var all: [YearAuthority: AuthorityYearCases] = [:]
            all.reserveCapacity(counts.count)
            for await listed in group { all.merge(listed, uniquingKeysWith: { first, _ in first }) }
            return all
        }
    }

    /// The lists of ``cases(inParts:)`` whose dense index (year, then authority) is `share`
    /// modulo `shares` (every other authority of each year for two shares, so that the shares
    /// hold about as many cases), given the ``counts``.
    private func cases(share: Int, of shares: Int, counts: [YearAuthority: AuthorityYearCounts])
        -> [YearAuthority: AuthorityYearCases] {
        guard !counts.isEmpty else { return [:] }
        // The lists by a dense index of (year, authority) over the years and authorities
        // counted, rather than a dictionary hashed once or twice per case.
        let years = counts.keys.map(\.year.startYear)
        let (firstYear, lastYear) = (years.min()!, years.max()!)
        let authorities = Int(counts.keys.map(\.authority).max()!) + 1
        func index(_ year: ReportingYear, _ authority: Int32) -> Int {
            (year.startYear - firstYear) * authorities + Int(authority)
        }
        // Each decision and compliance outcome as one word that sorts as its list must (date,
        // then reference: a reference is one case, so no two words tie) and holds the rest
        // of the row, so that sorting moves and compares words rather than structs.
        var decisions = [[UInt64]](repeating: [], count: (lastYear - firstYear + 1) * authorities)
        var compliance = decisions
        var listed = [Bool](repeating: false, count: decisions.count)
        for (key, counts) in counts where counts.decisionsTotal > 0 || counts.complianceOutcomes > 0 {
            let i = index(key.year, key.authority)
            guard i % shares == share else { continue }
            listed[i] = true
            decisions[i].reserveCapacity(counts.decisionsTotal)
            compliance[i].reserveCapacity(counts.complianceOutcomes)
        }
        var improvementLists: [Int: [ServiceImprovementCase]] = [:]
        table.forEach { reference, contribution, detail in
            if let year = contribution.decisionYear, let decided = detail.decisionDate,
               case let i = index(year, contribution.authority), i % shares == share {
                listed[i] = true
                decisions[i].append(Self.sortWord(decided, reference) | UInt64(contribution.area.rawValue) << 6
                    | UInt64(contribution.outcome.rawValue) << 3 | (contribution.satisfactoryRemedy ? 4 : 0)
                    | (contribution.publicReport ? 2 : 0) | (detail.serviceImprovement ? 1 : 0))
                if detail.serviceImprovement, let text = improvements[reference] {
                    improvementLists[i, default: []].append(ServiceImprovementCase(
                        reference: reference, decisionDate: decided, area: contribution.area,
                        subcategory: text.subcategory, remedy: text.remedy))
                }
            }
            if let year = contribution.complianceYear, contribution.compliance.isOutcome, let recorded = detail.complianceDate,
               case let i = index(year, contribution.authority), i % shares == share {
                listed[i] = true
                compliance[i].append(Self.sortWord(recorded, reference) | UInt64(contribution.compliance.rawValue))
            }
        }
        var cases: [YearAuthority: AuthorityYearCases] = [:]
        cases.reserveCapacity(counts.count / shares + 1)
        for i in listed.indices where listed[i] {
            decisions[i].sort()
            compliance[i].sort()
            var list = AuthorityYearCases()
            list.decisions = decisions[i].map { word in
                let (day, reference) = Self.dayAndReference(word)
                return DecidedCase(reference: reference, decisionDate: day, area: ServiceArea(rawValue: Int(word >> 6 & 0xF))!,
                                   outcome: Outcome(rawValue: Int(word >> 3 & 0x7))!, satisfactoryRemedy: word & 4 != 0,
                                   publicReport: word & 2 != 0, serviceImprovement: word & 1 != 0)
            }
            list.compliance = compliance[i].map { word in
                let (day, reference) = Self.dayAndReference(word)
                return ComplianceCase(reference: reference, complianceDate: day,
                                      outcome: ComplianceOutcome(rawValue: Int(word & 0x3))!)
            }
            // Freed list by list: the words and the cases are never all held at once.
            (decisions[i], compliance[i]) = ([], [])
            if var improvements = improvementLists[i] {
                improvements.sort { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) }
                list.serviceImprovements = improvements
            }
            cases[YearAuthority(ReportingYear(startYear: firstYear + i / authorities), Int32(i % authorities))] = list
        }
        return cases
    }

    /// Days since 1970 offset so that every day a case holds (1900-2999) is positive in 21 bits.
    private static let dayBias: Int64 = 1 << 20

    /// The high bits of a list's sort word: the day (21 bits), then the reference (27 bits),
    /// above the 15 bits of the row's other fields.
    private static func sortWord(_ day: Day, _ reference: UInt32) -> UInt64 {
        UInt64(Int64(day.daysSinceEpoch) + dayBias) << 42 | UInt64(reference) << 15
    }

    /// The day and reference of a sort word.
    private static func dayAndReference(_ word: UInt64) -> (Day, UInt32) {
        (Day(daysSinceEpoch: Int32(Int64(word >> 42) - dayBias)), UInt32(truncatingIfNeeded: word >> 15 & 0x7FF_FFFF))
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
