import PipelineModel

/// The counts per reporting year and authority of the cases collected so far, kept up to date
/// as cases arrive and are superseded, so that the end of a run never walks the cases again.
///
/// Dense: a year's counts are one array indexed by register index, made on the year's first
/// case, so an update is two array indexings and no hashing.
struct RunningCounts: Sendable {
    /// Indexed by a year's start year minus ``firstYear``; nil for a year with no case yet.
    private var years: [[AuthorityYearCounts]?] = []
    private let firstYear = 1800

    /// Adds (`sign` 1) or takes away (`sign` -1) one case's contribution.
    mutating func apply(_ c: CaseContribution, sign: Int) {
        let a = Int(c.authority)
        update(c.receivedYear, a) { $0.received[c.area.rawValue] += sign }
        if let decided = c.decisionYear {
            let outcome = c.outcome
            let remedy = outcome == .upheld && c.satisfactoryRemedy ? sign : 0
            let report = c.publicReport ? sign : 0
            let upheld = outcome == .upheld ? sign : 0
            let notUpheld = outcome == .notUpheld ? sign : 0
            update(decided, a) {
                $0.outcomes[outcome.rawValue] += sign
                $0.satisfactoryRemedies += remedy
                $0.publicReports += report
                $0.decidedByArea[c.area.rawValue].decisions += sign
                $0.decidedByArea[c.area.rawValue].upheld += upheld
                $0.decidedByArea[c.area.rawValue].notUpheld += notUpheld
                $0.decidedByArea[c.area.rawValue].satisfactoryRemedies += remedy
                $0.decidedByArea[c.area.rawValue].publicReports += report
            }
        }
        if let recorded = c.complianceYear {
            switch c.compliance {
            case .complied: update(recorded, a) { $0.complied += sign }
            case .compliedLate: update(recorded, a) { $0.compliedLate += sign }
            case .notComplied: update(recorded, a) { $0.notComplied += sign }
            case .awaiting: break
            }
        }
    }

    /// Every (year, authority) with anything counted.
    var counts: [YearAuthority: AuthorityYearCounts] {
        var result: [YearAuthority: AuthorityYearCounts] = [:]
        for (offset, year) in years.enumerated() {
            for (a, counts) in (year ?? []).enumerated() where !counts.isEmpty {
                result[YearAuthority(ReportingYear(startYear: offset + firstYear), Int32(a))] = counts
            }
        }
        return result
    }

    private mutating func update(_ year: ReportingYear, _ authority: Int, _ change: (inout AuthorityYearCounts) -> Void) {
        let y = year.startYear - firstYear
        if y >= years.count { years += Array(repeating: nil, count: y + 1 - years.count) }
        if years[y] == nil { years[y] = [] }
        if authority >= years[y]!.count {
            years[y]! += Array(repeating: AuthorityYearCounts(), count: authority + 1 - years[y]!.count)
        }
        change(&years[y]![authority])
    }
}
