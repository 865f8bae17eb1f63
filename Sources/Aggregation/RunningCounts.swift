import PipelineModel

/// The counts per reporting year and authority of the cases collected so far, kept up to date
/// as cases arrive and are superseded, so that the end of a run never walks the cases again.
///
/// Flat: every counter of every (year, authority) is one `Int` of one array, a block of
/// ``Field/count`` counters per authority, a block of authorities per year (made on the year's
/// first case). An update is index arithmetic and one uniqueness check of that array; the
/// nested arrays of ``AuthorityYearCounts`` (each checked for uniqueness on every write) are
/// built once, at the end.
struct RunningCounts: Sendable {
    /// Where each counter of one (year, authority) lies in its block.
    private enum Field {
        static let areas = ServiceArea.allCases.count
        /// Received, by area raw value.
        static let received = 0
        /// Decisions, by outcome raw value.
        static let outcome = received + areas
        static let satisfactoryRemedies = outcome + Outcome.allCases.count
        static let publicReports = satisfactoryRemedies + 1
        static let complied = publicReports + 1
        static let compliedLate = complied + 1
        static let notComplied = compliedLate + 1
        /// Decisions by area: ``perArea`` counters per area raw value, in ``AreaDecisionCounts``'s order.
        static let decidedByArea = notComplied + 1
        static let perArea = 5
        static let count = decidedByArea + areas * perArea
    }

    /// 32-bit: half the memory of `Int` (1.7 MB for the full register over fourteen years), so
    /// more of it stays in cache; a count would need two billion cases of one authority in one
    /// year to overflow (which traps).
    private var counters: [Int32] = []
    /// By a year's start year minus ``firstYear``: where its block starts in ``counters``, or
    /// -1 for a year with no case yet.
    private var yearStart: [Int] = []
    /// Authorities per year block: more than the largest register index counted so far.
    private var authorities = 0
    private let firstYear = 1800

    /// Adds (`sign` 1) or takes away (`sign` -1) one case's contribution.
    mutating func apply(_ c: CaseContribution, sign: Int) {
        let sign = Int32(sign)
        let a = Int(c.authority)
        // Before any offset is taken: widening moves every block.
        if a >= authorities { widen(to: a + 1) }
        let area = c.area.rawValue
        let received = block(c.receivedYear, a)
        let decided = c.decisionYear.map { block($0, a) }
        let compliance: Int? = switch c.compliance {
        case .complied: Field.complied
        case .compliedLate: Field.compliedLate
        case .notComplied: Field.notComplied
        case .awaiting: nil
        }
        let recorded = compliance.flatMap { field in c.complianceYear.map { block($0, a) + field } }
        counters.withUnsafeMutableBufferPointer { counter in
            counter[received + Field.received + area] += sign
            if let decided {
                let outcome = c.outcome
                let remedy = outcome == .upheld && c.satisfactoryRemedy ? sign : 0
                let report = c.publicReport ? sign : 0
                counter[decided + Field.outcome + outcome.rawValue] += sign
                counter[decided + Field.satisfactoryRemedies] += remedy
                counter[decided + Field.publicReports] += report
                let byArea = decided + Field.decidedByArea + area * Field.perArea
                counter[byArea] += sign
                counter[byArea + 1] += outcome == .notUpheld ? sign : 0
                counter[byArea + 2] += outcome == .upheld ? sign : 0
                counter[byArea + 3] += remedy
                counter[byArea + 4] += report
            }
            if let recorded { counter[recorded] += sign }
        }
    }

    /// Every (year, authority) with anything counted.
    var counts: [YearAuthority: AuthorityYearCounts] {
        var result: [YearAuthority: AuthorityYearCounts] = [:]
        for (offset, start) in yearStart.enumerated() where start >= 0 {
            let year = ReportingYear(startYear: offset + firstYear)
            for a in 0 ..< authorities {
                let first = start + a * Field.count
                let block = counters[first ..< first + Field.count]
                guard block.contains(where: { $0 != 0 }) else { continue }
                result[YearAuthority(year, Int32(a))] = Self.counts(block)
            }
        }
        return result
    }

    /// One (year, authority)'s block as counts.
    private static func counts(_ block: ArraySlice<Int32>) -> AuthorityYearCounts {
        let b = block.startIndex
        var counts = AuthorityYearCounts()
        for area in 0 ..< Field.areas {
            counts.received[area] = Int(block[b + Field.received + area])
            let at = b + Field.decidedByArea + area * Field.perArea
            counts.decidedByArea[area].decisions = Int(block[at])
            counts.decidedByArea[area].notUpheld = Int(block[at + 1])
            counts.decidedByArea[area].upheld = Int(block[at + 2])
            counts.decidedByArea[area].satisfactoryRemedies = Int(block[at + 3])
            counts.decidedByArea[area].publicReports = Int(block[at + 4])
        }
        for outcome in counts.outcomes.indices { counts.outcomes[outcome] = Int(block[b + Field.outcome + outcome]) }
        counts.satisfactoryRemedies = Int(block[b + Field.satisfactoryRemedies])
        counts.publicReports = Int(block[b + Field.publicReports])
        counts.complied = Int(block[b + Field.complied])
        counts.compliedLate = Int(block[b + Field.compliedLate])
        counts.notComplied = Int(block[b + Field.notComplied])
        return counts
    }

    /// Where `authority`'s block of `year` starts (made with the year's block on its first case);
    /// `authority` is below ``authorities``.
    private mutating func block(_ year: ReportingYear, _ authority: Int) -> Int {
        let y = year.startYear - firstYear
        if y >= yearStart.count { yearStart += repeatElement(-1, count: y + 1 - yearStart.count) }
        if yearStart[y] < 0 {
            yearStart[y] = counters.count
            counters += repeatElement(0, count: authorities * Field.count)
        }
        return yearStart[y] + authority * Field.count
    }

    /// Makes room for `needed` authorities per year (at least twice as many as now, so that a
    /// register's indices arriving in any order move the blocks a few times only).
    private mutating func widen(to needed: Int) {
        let wider = max(needed, authorities * 2, 64)
        var moved = [Int32](repeating: 0, count: counters.count / max(authorities, 1) * wider)
        let (oldSize, newSize) = (authorities * Field.count, wider * Field.count)
        for y in yearStart.indices where yearStart[y] >= 0 {
            let ordinal = yearStart[y] / oldSize
            moved[ordinal * newSize ..< ordinal * newSize + oldSize] = counters[yearStart[y] ..< yearStart[y] + oldSize]
            yearStart[y] = ordinal * newSize
        }
        counters = moved
        authorities = wider
    }
}
