package import PipelineModel

/// What an authority's history page says beside its figures: the public reports issued about it
/// in the last nine published years, its service improvements since April 2018, and the
/// authorities it replaced or that replaced it (the register's `replaced-by`, `start-date` and
/// `end-date`).
package struct HistoryNotes: Sendable, Equatable {
    /// Another authority of the register, linked when it has a history page.
    struct Linked: Sendable, Equatable {
        let code: String, name: String
        let hasPage: Bool
    }

    /// The public reports of the nine years up to the publication's latest, by date and reference.
    var publicReports: [PublishedPublicReport] = []
    /// The first of the nine years.
    var since: ReportingYear?
    /// Its service improvements in every published year from 2018-19 (nil: none).
    var serviceImprovements: ServiceImprovements?
    /// Whether the page has the service improvements' section: the publication's latest year is
    /// 2018-19 or later.
    var showsServiceImprovements = false
    /// Whether the register calls it a council ("the Council"; else "the authority").
    var isCouncil = true
    /// The authorities it replaced, by code, and the day it started.
    var predecessors: [Linked] = []
    var startDate: Day?
    /// The authorities that replaced it, in the register's order, and the day it ended.
    var successors: [Linked] = []
    var endDate: Day?

    /// The number of years the page's public reports cover, as the Ombudsman's page does.
    static let publicReportYears = 9

    /// The notes of every authority of `register` with a history page (`published`, its codes),
    /// from every published public report (any order) and each authority's service improvements
    /// up to `latest`, the publication's latest year (``ServiceImprovements/byCode(_:upTo:)``).
    package static func byCode(register: [Authority], published: Set<String>, publicReports: [PublishedPublicReport],
                               serviceImprovements improvements: [String: ServiceImprovements] = [:],
                               latest: ReportingYear?) -> [String: HistoryNotes] {
        let since = latest.map { ReportingYear(startYear: $0.startYear - (publicReportYears - 1)) }
        let reports = Dictionary(grouping: publicReports.filter { report in since.map { report.year >= $0 } ?? true }, by: \.code)
        let byCode = Dictionary(register.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        var predecessors: [String: [Authority]] = [:]
        for authority in register {
            for successor in authority.replacedBy { predecessors[successor, default: []].append(authority) }
        }
        func linked(_ authority: Authority) -> Linked {
            Linked(code: authority.code, name: authority.officialName, hasPage: published.contains(authority.code))
        }
        var notes: [String: HistoryNotes] = [:]
        for code in published {
            guard let authority = byCode[code] else { continue }
            var note = HistoryNotes()
            note.since = since
            note.serviceImprovements = improvements[code]
            note.showsServiceImprovements = latest.map { $0 >= ServiceImprovements.firstYear } ?? false
            note.isCouncil = LetterFields.councilTypes.contains(authority.registerType)
            note.publicReports = (reports[code] ?? []).sorted { ($0.decisionDate, $0.reference) < ($1.decisionDate, $1.reference) }
            note.predecessors = (predecessors[code] ?? []).sorted { $0.code < $1.code }.map(linked)
            note.startDate = authority.startDate
            note.successors = authority.replacedBy.map { code in
                byCode[code].map(linked) ?? Linked(code: code, name: code, hasPage: false)
            }
            note.endDate = authority.endDate
            notes[code] = note
        }
        return notes
    }
}
