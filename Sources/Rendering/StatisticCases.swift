package import PipelineModel

/// The cases behind one of an authority's three statistics in a year, sorted into the groups
/// that make up its numerator and denominator: what the year page lists in one `<details>` per
/// statistic and what `annual-review explain` prints, in the same words.
///
/// Every case of the denominator is in exactly one group; the numerator is the groups marked
/// ``Group/inNumerator``.
package struct StatisticCases: Sendable, Equatable {
    /// The three statistics, in the order the year page shows them.
    package enum Statistic: String, CaseIterable, Sendable {
        case upholdRate = "uphold_rate"
        case complianceRate = "compliance_rate"
        case satisfactoryRemedyRate = "satisfactory_remedy_rate"

        /// `Uphold rate`.
        package var name: String {
            switch self {
            case .upholdRate: "Uphold rate"
            case .complianceRate: "Compliance rate"
            case .satisfactoryRemedyRate: "Satisfactory remedy rate"
            }
        }

        /// What the numerator's cases are, after their count: `12 upheld`.
        var numeratorWords: String {
            switch self {
            case .upholdRate: "upheld"
            case .complianceRate: "complied"
            case .satisfactoryRemedyRate: "satisfactorily remedied"
            }
        }

        /// What the denominator's cases are, after their count: `31 investigated cases`.
        func denominatorWords(_ count: Int) -> String {
            switch self {
            case .upholdRate: count == 1 ? "investigated case" : "investigated cases"
            case .complianceRate: count == 1 ? "compliance outcome" : "compliance outcomes"
            case .satisfactoryRemedyRate: count == 1 ? "upheld case" : "upheld cases"
            }
        }
    }

    /// One case of a group: its reference and the date it is counted by (the decision date, or
    /// for compliance the compliance date).
    package struct Entry: Sendable, Equatable {
        /// The reference's eight digits (``CaseReference`` writes them).
        package let reference: UInt32
        /// The decision or compliance date.
        package let date: Day
    }

    /// The cases of one kind (upheld, not upheld, complied late, ...), by date and reference.
    package struct Group: Sendable, Equatable {
        /// A stable key for tools (`upheld`, `not_upheld`, `complied_late`, ...).
        package let key: String
        /// What the group is, for people (`Not upheld`).
        package let label: String
        /// Whether its cases count in the numerator (all of them count in the denominator).
        package let inNumerator: Bool
        /// Its cases.
        package let entries: [Entry]
    }

    /// The statistic.
    package let statistic: Statistic
    /// The published figure (percent), nil for no value.
    package let rate: Int?
    /// The groups, numerator's first.
    package let groups: [Group]

    /// The number of cases in the numerator.
    package var numerator: Int { groups.filter(\.inNumerator).reduce(0) { $0 + $1.entries.count } }
    /// The number of cases in the denominator.
    package var denominator: Int { groups.reduce(0) { $0 + $1.entries.count } }

    /// `The 12 upheld and 31 investigated cases`: what the `<details>` summary says.
    package var summary: String {
        "The \(numerator) \(statistic.numeratorWords) and \(denominator) \(statistic.denominatorWords(denominator))"
    }

    /// A case's date as the page and `explain` print it: `14 July 2023`.
    package static func dateText(_ day: Day) -> String { LetterFields.longDate(day) }

    /// The three statistics of `row` from its cases (``AuthorityYearFigures/cases``) with its
    /// published rates; nil when the cases do not account for the row's counts (a row whose
    /// cases were not kept, such as one read back from `authority_year.csv`).
    package static func of(_ row: AuthorityYearFigures) -> [StatisticCases]? {
        let all = of(row.cases, upholdRate: row.upholdRate, complianceRate: row.complianceRate,
                     satisfactoryRemedyRate: row.satisfactoryRemedyRate)
        return all.allSatisfy { $0.accounts(for: row.counts) } ? all : nil
    }

    /// The numerator and denominator that `counts` (a row of `authority_year.csv`) publish for `statistic`.
    package static func counted(_ statistic: Statistic, in counts: AuthorityYearCounts) -> (numerator: Int, denominator: Int) {
        switch statistic {
        case .upholdRate: (counts.upheld, counts.investigations)
        case .complianceRate: (counts.compliant, counts.complianceOutcomes)
        case .satisfactoryRemedyRate: (counts.satisfactoryRemedies, counts.upheld)
        }
    }

    /// Whether the cases are as many as `counts` publish, in the numerator and in the denominator.
    package func accounts(for counts: AuthorityYearCounts) -> Bool {
        let published = Self.counted(statistic, in: counts)
        return published.numerator == numerator && published.denominator == denominator
    }

    /// The three statistics from the cases of an authority's year and its published rates.
    package static func of(_ cases: AuthorityYearCases, upholdRate: Int?, complianceRate: Int?,
                           satisfactoryRemedyRate: Int?) -> [StatisticCases] {
        var upheld: [Entry] = [], notUpheld: [Entry] = [], remedied: [Entry] = [], notRemedied: [Entry] = []
        for decision in cases.decisions {
            let entry = Entry(reference: decision.reference, date: decision.decisionDate)
            switch decision.outcome {
            case .upheld:
                upheld.append(entry)
                if decision.satisfactoryRemedy { remedied.append(entry) } else { notRemedied.append(entry) }
            case .notUpheld: notUpheld.append(entry)
            default: continue
            }
        }
        var complied: [Entry] = [], late: [Entry] = [], notComplied: [Entry] = []
        for outcome in cases.compliance {
            let entry = Entry(reference: outcome.reference, date: outcome.complianceDate)
            switch outcome.outcome {
            case .complied: complied.append(entry)
            case .compliedLate: late.append(entry)
            case .notComplied: notComplied.append(entry)
            case .awaiting: continue
            }
        }
        return [
            StatisticCases(statistic: .upholdRate, rate: upholdRate, groups: [
                Group(key: "upheld", label: "Upheld", inNumerator: true, entries: upheld),
                Group(key: "not_upheld", label: "Not upheld", inNumerator: false, entries: notUpheld),
            ]),
            StatisticCases(statistic: .complianceRate, rate: complianceRate, groups: [
                Group(key: "complied", label: "Complied", inNumerator: true, entries: complied),
                Group(key: "complied_late", label: "Complied late", inNumerator: true, entries: late),
                Group(key: "not_complied", label: "Not complied", inNumerator: false, entries: notComplied),
            ]),
            StatisticCases(statistic: .satisfactoryRemedyRate, rate: satisfactoryRemedyRate, groups: [
                Group(key: "satisfactory_remedy", label: "Upheld with a satisfactory remedy already provided",
                      inNumerator: true, entries: remedied),
                Group(key: "no_satisfactory_remedy", label: "Upheld without a satisfactory remedy", inNumerator: false, entries: notRemedied),
            ]),
        ]
    }
}
