import Logging
import Output
import PipelineModel
import Rendering

/// Stages everything a run publishes beside its manifest: each year's partition (rendered, or
/// carried over from the current publication when nothing it is made from has changed or the
/// run was not asked to compute it), the top-level tables, and the whole-publication pages (the
/// report's index, England's history and every authority's history, with `report/style.css`),
/// rendered from the published tables.
struct PublicationStaging {
    let configuration: RunConfiguration
    let templates: RenderingTemplates?
    /// The letters' date, addressees and public reports.
    let letters: LetterSettings
    /// The register's authorities: who replaced whom, for the history pages.
    let register: [Authority]
    let logger: Logger

    /// A computed year with its tables' bytes (as its partition holds them).
    typealias YearTables = (figures: YearFigures, tables: [(TableFile, [UInt8])])

    /// Stages `figures` into `publication`; returns the top-level tables' bytes.
    func stage(_ figures: AnnualFigures, into publication: Publication) async throws -> [TableFile: [UInt8]] {
        let (publisher, partitions, previous) = (publication.publisher, publication.partitions, publication.previous)
        let base = templates.map { templates in
            var base = Fingerprint(program: Fingerprint.program, templates: templates.digest, method: figures.method)
            base.add(letters: letters)
            return base
        }
        // A year whose fingerprint is the current publication's is carried over (its files
        // linked and checked, every year at once); the others, and any whose files turn out
        // not to match the manifest, are rendered.
        var rendered: [YearTables] = []
        var unchanged: [YearTables] = []
        for year in figures.years {
            try Task.checkCancellation()
            let tables = TableFile.allCases.map { ($0, $0.render(year)) }
            if let base {
                let fingerprint = Fingerprint.year(year, tables: tables, base: base)
                partitions.fingerprints[year.year] = fingerprint
                if previous?.partitions.fingerprints?[year.year.label] == fingerprint {
                    unchanged.append((year, tables))
                    continue
                }
            }
            rendered.append((year, tables))
        }
        if let previous {
            rendered += try await carryOver(unchanged, from: previous, into: partitions, writer: publisher.concurrentWriter)
        }
        let rendering = PageRendering()
        var jobs: [PageRendering.Job] = []
        var cost = PageRendering.Cost()
        // The year indexes' row openings, made once for every year rendered (their CPU time is
        // the year indexes').
        let heads = templates == nil ? nil : cost.measureWork(.yearIndex) { AuthorityRowHeads(rendered.map(\.figures)) }
        for (year, tables) in rendered.sorted(by: { $0.figures.year < $1.figures.year }) {
            try partitions.stageTables(of: year.year, tables)
            if let templates, let heads {
                jobs += PageRendering.yearJobs(year, method: figures.method, templates: templates, letters: letters,
                                               heads: heads)
            }
        }
        let writer = publisher.concurrentWriter
        cost.add(try await rendering.run(jobs, write: { year, pages in
            guard let year else { return [] }
            return try YearPartitions.writeFiles(of: year, pages.map { ($0.path, $0.bytes) }, with: writer)
        }, record: partitions.record))
        // Without --years a run recomputes every year the data covers and replaces the whole
        // publication; with it, the years it leaves alone must stay as published.
        if configuration.years != nil, let previous {
            try partitions.carryOver(from: previous, method: configuration.method)
        }
        let tables = try partitions.writeTables(reusing: previous)
        if let templates, let base, let authorityYear = tables[.authorityYear], let comparison = tables[.comparison],
           let national = tables[.nationalYear] {
            let publicReports = tables[.publicReports] ?? []
            // The history pages show the public reports and who replaced whom too.
            var notesBase = base
            notesBase.add(TableFile.publicReports.fileName, publicReports)
            notesBase.add("succession", register.filter { !$0.replacedBy.isEmpty }
                .map { "\($0.code)>\($0.replacedBy.joined(separator: ",")) \($0.startDate.map(String.init(describing:)) ?? "")-\($0.endDate.map(String.init(describing:)) ?? "")" }
                .joined(separator: ";"))
            let fingerprint = Fingerprint.history(authorityYear: authorityYear, comparison: comparison,
                                                  nationalYear: national, base: notesBase)
            partitions.historyFingerprint = fingerprint
            let unchanged = previous?.partitions.historyFingerprint == fingerprint
            if try !unchanged || !carryOverHistory(from: previous, into: publisher) {
                // Every published year's figures: this run's from memory, the years only carried
                // over read from their partitions.
                let history = try PublishedTables.history(of: partitions.years, computed: figures.years,
                                                          currentFolder: previous?.folder)
                let notes = HistoryNotes.byCode(register: register, published: Set(history.authorities.map(\.code)),
                                                publicReports: history.publicReports, latest: history.authorities.map(\.year).max())
                let historyJobs = PageRendering.historyJobs(history.authorities, national: history.national,
                                                            method: figures.method, templates: templates, notes: notes)
                // Few pages, each linked instead when the current publication has its bytes:
                // written by the task that owns the staging folder.
                cost.add(try await rendering.run(historyJobs, write: { $1 }, record: { pages in
                    for page in pages { try publisher.writeFile(page.path, page.bytes, reusing: previous) }
                }))
            }
        }
        partitions.pagesRendered = cost.total
        logger.info("pages rendered", metadata: [
            "stage": "publication", "pages": .stringConvertible(cost.total),
            "years_rendered": .stringConvertible(partitions.record.computed.count),
            "years_carried_over": .stringConvertible(partitions.record.carriedOver.count),
        ].merging(cost.fields, uniquingKeysWith: { $1 }))
        return tables
    }

    /// Carries `years` over from `previous`, all at once (linking and checking on every core);
    /// returns those whose files did not match `previous`'s manifest, with nothing of them
    /// staged, to be rendered instead (they are recomputed anyway).
    private func carryOver(_ years: [YearTables], from previous: PreviousPublication, into partitions: YearPartitions,
                           writer: StagedFileWriter) async throws -> [YearTables] {
        var mismatched: [YearTables] = []
        let linked = try await Self.linkYears(years.map(\.figures.year), from: previous, with: writer)
        for (index, staged) in linked.enumerated() {
            let year = years[index].figures.year
            if let staged {
                try partitions.recordCarriedOver(year, from: previous, staged)
                partitions.markUnchanged(year)
            } else {
                logger.info("files differ from the manifest: rendering the year again", metadata: [
                    "year": "\(year.label)",
                ])
                mismatched.append(years[index])
            }
        }
        return mismatched
    }

    /// Stages each of `years`' partition from `previous` (``YearPartitions/linkYear(_:from:with:)``),
    /// every year at once on every core; in `years`' order, each year's staged files, or nil
    /// (nothing of it staged) when a file does not match `previous`'s manifest.
    static func linkYears(_ years: [ReportingYear], from previous: PreviousPublication,
                          with writer: StagedFileWriter) async throws -> [[RunManifest.FileDigest]?] {
        try await withThrowingTaskGroup(of: (Int, [RunManifest.FileDigest]?).self) { group in
            for (index, year) in years.enumerated() {
                group.addTask {
                    try Task.checkCancellation()
                    do {
                        return (index, try YearPartitions.linkYear(year, from: previous, with: writer))
                    } catch is OutputError {
                        return (index, nil)
                    }
                }
            }
            var linked = [[RunManifest.FileDigest]?](repeating: nil, count: years.count)
            for try await (index, staged) in group { linked[index] = staged }
            return linked
        }
    }

    /// Links the current publication's whole-publication pages and their style sheet when their
    /// fingerprint is this run's, each checked as a carried-over year's file is (by its size and
    /// time, not read: ``OutputPublisher/carryOver(_:from:)``); false (nothing staged) when one
    /// of them does not match its manifest entry, or its manifest lacks the report's index,
    /// England's history or the style sheet.
    private func carryOverHistory(from previous: PreviousPublication?, into publisher: OutputPublisher) throws -> Bool {
        guard let previous else { return false }
        let prefix = "report/\(ReportWriter.historyFolder)/"
        let single = ["report/index.html", "report/" + ReportWriter.nationalHistoryPath, "report/" + ReportWriter.styleSheetName]
        let entries = previous.manifest.outputs.filter { single.contains($0.path) || $0.path.hasPrefix(prefix) }
        // The pages link each other and the style sheet: never carry over a part of them.
        guard single.allSatisfy({ path in entries.contains { $0.path == path } }) else { return false }
        for entry in entries {
            guard try publisher.carryOver(entry, from: previous) else {
                try publisher.discardStaged(under: prefix)
                for path in single { try publisher.discardStaged(under: path) }
                return false
            }
        }
        return true
    }
}
