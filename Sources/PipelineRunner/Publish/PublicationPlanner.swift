import Aggregation
import Dispatch
import Foundation
import Logging
import Output
import PipelineModel
import Rendering

/// Decides a run's ``PublicationPlan`` from its figures and the current publication, before
/// anything is staged:
///
/// - each computed year: carried over when its fingerprint is the current publication's and
///   its files match their manifest entries (the run then renders nothing of it), rendered
///   otherwise; with `--years`, every other year of the current publication carried over as
///   published (a file that does not match is an error: nothing may then be published);
/// - the top-level tables: every year's partition rows under one header, carried when the
///   current publication has the same bytes (the per-case tables have none:
///   ``TableFile/isPartitionOnly``);
/// - the whole-publication entries (``planHistory(_:of:into:)``): the history pages from every
///   published year's figures, carried when their fingerprint is unchanged.
struct PublicationPlanner {
    /// The run's averaging method.
    let method: AveragingMethod
    /// Whether the run computes chosen years only (`--years`) and carries the others over.
    let carriesOtherYears: Bool
    let templates: RenderingTemplates?
    /// The letters' date, addressees and public reports.
    let letters: LetterSettings
    /// The register: who replaced whom, for the history pages.
    let register: [Authority]
    let logger: Logger

    /// What the year pages' and the history pages' fingerprints share: the program, the
    /// templates, the method and the letters' settings; nil without templates (no pages).
    func base(method: AveragingMethod) -> Fingerprint? {
        templates.map { templates in
            var base = Fingerprint(program: Fingerprint.program, templates: templates.digest, method: method)
            base.add(letters: letters)
            return base
        }
    }

    /// Every year a plan of `figures` publishes: those it computes and, with `--years`, the
    /// current publication's others, which it carries over.
    func publishedYears(of figures: AnnualFigures, current: CurrentPublication?) -> [ReportingYear] {
        Set(figures.years.map(\.year)).union(carriesOtherYears ? current?.years ?? [] : []).sorted()
    }

    /// Every service improvement of the publication the run makes (the computed years' from
    /// `figures`, and with `--years` the years it carries over from their partitions in
    /// `current`), with the lists its pages show up to each published year, sorted once for the
    /// year pages, the history pages and their fingerprints.
    func serviceImprovements(_ figures: AnnualFigures, current: CurrentPublication?) throws -> PlannedServiceImprovements {
        let computed = Set(figures.years.map(\.year))
        let years = publishedYears(of: figures, current: current)
        let rows = try PublishedTables.serviceImprovements(of: years.filter { !computed.contains($0) }, computed: figures.years,
                                                           currentFolder: current?.folder)
        return PlannedServiceImprovements(rows: rows, listed: ServiceImprovements.byYear(rows, years: years))
    }

    /// A publication's service improvements: every row, and what the pages list of them.
    struct PlannedServiceImprovements: Sendable {
        /// Every row, any order.
        let rows: [CaseRow<ServiceImprovementCase>]
        /// Each authority's lists up to each published year (``ServiceImprovements/byYear(_:years:)``).
        let listed: [ReportingYear: [String: ServiceImprovements]]

        /// None: a run without service improvements.
        static let none = PlannedServiceImprovements(rows: [], listed: [:])

        /// Each authority's list up to `year`, by code.
        func upTo(_ year: ReportingYear) -> [String: ServiceImprovements] { listed[year] ?? [:] }
    }

    /// The plan of `figures`' years and of the top-level tables, carrying from `current`;
    /// returns it with the top-level tables' bytes. `serviceImprovements` are every year's
    /// (``serviceImprovements(_:current:)``): a year's authority pages list those up to the
    /// year, so the year's fingerprint covers them.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` when a year the run must carry
    ///   over does not match the current publication's manifest, was averaged by another
    ///   method, or lists service improvements of an earlier year that the run changes;
    ///   `CancellationError`.
    func plan(_ figures: AnnualFigures, current: CurrentPublication?,
              serviceImprovements: PlannedServiceImprovements = .none) throws
        -> (plan: PublicationPlan, tables: [TableFile: [UInt8]]) {
        var plan = PublicationPlan(current: current)
        let base = base(method: figures.method)
        var partitionTables: [ReportingYear: [(TableFile, [UInt8])]] = [:]
        var rendered: [YearFigures] = []
        // A year's pages list the service improvements of the years before it too.
        let bases = figures.years.map { year in
            base.map { base in
                var base = base
                base.add("service-improvements", ServiceImprovements.fingerprintText(serviceImprovements.upTo(year.year)))
                return base
            }
        }
        for (year, (tables, fingerprint)) in zip(figures.years, Self.tablesAndFingerprints(of: figures.years, bases: bases)) {
            try Task.checkCancellation()
            partitionTables[year.year] = tables
            if let fingerprint {
                plan.fingerprints[year.year] = fingerprint
                if let current, current.partitions.fingerprints?[year.year.label] == fingerprint {
                    do {
                        plan.carry(year.year, files: try current.checkedFiles(of: year.year), unchanged: true)
                        continue
                    } catch let OutputError.cannotCarryOver(path, reason) {
                        logger.info("files differ from the manifest: rendering the year again", metadata: [
                            "year": "\(year.year.label)", "file": "\(path)", "reason": "\(reason)",
                        ])
                    }
                }
            }
            rendered.append(year)
        }
        // The year indexes' row openings, made once for every year rendered.
        let heads = templates == nil || rendered.isEmpty ? nil : AuthorityRowHeads(rendered)
        for year in rendered {
            let jobs = templates.flatMap { templates in
                heads.map { PageRendering.yearJobs(year, method: figures.method, templates: templates, letters: letters,
                                                   heads: $0, improvements: serviceImprovements.upTo(year.year)) }
            } ?? []
            plan.compute(year.year, tables: partitionTables[year.year] ?? [], jobs: Self.caseTableJobs(year) + jobs)
        }
        // Without --years a run recomputes every year the data covers and replaces the whole
        // publication; with it, the years it leaves alone stay as published.
        if carriesOtherYears, let current {
            let others = publishedYears(of: figures, current: current).filter { partitionTables[$0] == nil }
            if !others.isEmpty, current.manifest.configuration.method != method {
                throw OutputError.cannotCarryOver(
                    path: current.folder + "/manifest.json",
                    reason: "its years were averaged by the \(current.manifest.configuration.method.rawValue) method and "
                        + "this run uses \(method.rawValue): recompute every year, or use the same method")
            }
            try checkServiceImprovements(of: others, computed: figures.years.map(\.year), now: serviceImprovements,
                                         current: current)
            for year in others {
                try Task.checkCancellation()
                plan.carry(year, files: try current.checkedFiles(of: year), unchanged: false)
                if let fingerprint = current.partitions.fingerprints?[year.label] { plan.fingerprints[year] = fingerprint }
                partitionTables[year] = try TableFile.topLevel.map { ($0, try Self.read(year, $0, of: current)) }
            }
        }
        var tables: [TableFile: [UInt8]] = [:]
        for table in TableFile.topLevel {
            let parts = plan.years.compactMap { year in
                partitionTables[year]?.first { $0.0 == table }
                    .map { (path: CurrentPublication.partitionFolder(of: year) + "/" + table.fileName, bytes: $0.1) }
            }
            let bytes = try table.concatenating(partitions: parts)
            plan.write(table.fileName, bytes)
            tables[table] = bytes
        }
        return (plan, tables)
    }

    /// Stops a `--years` run that would carry over a year (of `carried`) whose authority pages
    /// list service improvements of an earlier year the run recomputes (of `computed`) with
    /// other results (`now`'s lists): those pages would be out of date.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the first such year.
    private func checkServiceImprovements(of carried: [ReportingYear], computed: [ReportingYear],
                                          now: PlannedServiceImprovements, current: CurrentPublication) throws {
        guard let first = computed.min() else { return }
        let later = carried.filter { $0 > first && $0 >= ServiceImprovements.firstYear }.sorted()
        guard !later.isEmpty else { return }
        let published = ServiceImprovements.byYear(
            try PublishedTables.serviceImprovements(of: current.years, computed: [], currentFolder: current.folder), years: later)
        for year in later where (published[year] ?? [:]) != now.upTo(year) {
            throw OutputError.cannotCarryOver(
                path: current.folder + "/" + CurrentPublication.partitionFolder(of: year),
                reason: "its pages list the service improvements of the years before it, which this run changes: "
                    + "include \(year.label) in --years, or run without --years")
        }
    }

    /// Plans the whole-publication pages (the report's index, England's history, every
    /// authority's history, `report/style.css`) from the top-level `tables`: carried over from
    /// the current publication when their fingerprint is unchanged and every one of them
    /// matches its entry, rendered otherwise (each page the current publication has with the
    /// same bytes then linked from it).
    /// `jobs`: the history pages' jobs made beforehand (``historyJobs(_:current:serviceImprovements:)``,
    /// while the plan was made); made here when not given.
    func planHistory(_ tables: [TableFile: [UInt8]], of figures: AnnualFigures,
                     serviceImprovements: PlannedServiceImprovements = .none,
                     jobs: Result<[PageRendering.Job], any Error>? = nil, into plan: inout PublicationPlan) throws {
        guard let base = base(method: figures.method), let authorityYear = tables[.authorityYear],
              let comparison = tables[.comparison], let national = tables[.nationalYear] else { return }
        let improvements = plan.years.max().map(serviceImprovements.upTo) ?? [:]
        let fingerprint = Fingerprint.history(authorityYear: authorityYear, comparison: comparison, nationalYear: national,
                                              publicReports: tables[.publicReports] ?? [],
                                              serviceImprovements: ServiceImprovements.fingerprintText(improvements),
                                              register: register, base: base)
        plan.historyFingerprint = fingerprint
        if let current = plan.current, current.partitions.historyFingerprint == fingerprint,
           let entries = Self.historyFiles(of: current) {
            plan.carry(entries)
            return
        }
        let made = jobs ?? historyJobs(figures, current: plan.current, serviceImprovements: serviceImprovements)
        plan.render(try made?.get() ?? [])
    }

    /// The jobs of the history pages of the years a plan of `figures` publishes
    /// (``publishedYears(of:current:)``): this run's figures from memory, the years only carried
    /// over read from their partitions in `current`. They need no plan, so that they can be made
    /// on one core while the plan's tables are made on the other; nil without templates.
    func historyJobs(_ figures: AnnualFigures, current: CurrentPublication?,
                     serviceImprovements: PlannedServiceImprovements) -> Result<[PageRendering.Job], any Error>? {
        guard let templates else { return nil }
        return Result {
            let history = try PublishedTables.history(of: publishedYears(of: figures, current: current), computed: figures.years,
                                                      currentFolder: current?.folder)
            let latest = history.authorities.map(\.year).max()
            let notes = HistoryNotes.byCode(register: register, published: Set(history.authorities.map(\.code)),
                                            publicReports: history.publicReports,
                                            serviceImprovements: latest.map(serviceImprovements.upTo) ?? [:], latest: latest)
            return PageRendering.historyJobs(history.authorities, national: history.national, method: figures.method,
                                             templates: templates, notes: notes)
        }
    }

    /// The current publication's whole-publication pages, each matching its entry; nil when
    /// one does not, or its manifest lacks the report's index, England's history or the style
    /// sheet (the pages link each other and the style sheet: never carry over a part of them).
    static func historyFiles(of current: CurrentPublication) -> [RunManifest.FileDigest]? {
        let prefix = "report/\(ReportRenderer.historyFolder)/"
        let single = ["report/index.html", "report/" + ReportRenderer.nationalHistoryPath, "report/" + ReportRenderer.styleSheetName]
        let entries = current.manifest.outputs.filter { single.contains($0.path) || $0.path.hasPrefix(prefix) }
        guard single.allSatisfy({ path in entries.contains { $0.path == path } }),
              entries.allSatisfy({ current.difference(of: $0) == nil }) else { return nil }
        return entries
    }

    /// Each of `years`' partition tables with a top-level file and, given its base in `bases`, its
    /// fingerprint: the years side by side on every core, each made from its own figures alone.
    /// (The per-case tables are rendered when staged, as jobs (``caseTableJobs(_:)``): a row per
    /// case, they are most of a year's bytes, and the fingerprint reads the cases instead.)
    static func tablesAndFingerprints(of years: [YearFigures], bases: [Fingerprint?])
        -> [(tables: [(TableFile, [UInt8])], fingerprint: String?)] {
        // The base is only copied by each year (its hasher's copy is the year's own once
        // updated), and each year's slot is written once, under the lock.
        nonisolated(unsafe) let bases = bases
        nonisolated(unsafe) var made = [(tables: [(TableFile, [UInt8])], fingerprint: String?)](repeating: ([], nil),
                                                                                               count: years.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: years.count) { index in
            let tables = TableFile.topLevel.map { ($0, $0.render(years[index])) }
            let fingerprint = bases[index].map { Fingerprint.year(years[index], tables: tables, base: $0) }
            lock.withLock { made[index] = (tables, fingerprint) }
        }
        return made
    }

    /// The jobs writing `year`'s per-case tables into its partition, one a table, each rendered
    /// on its own core and its bytes freed once written.
    static func caseTableJobs(_ year: YearFigures) -> [PageRendering.Job] {
        TableFile.allCases.filter(\.isPartitionOnly).map { table in
            PageRendering.Job { _ in
                [Artefact(path: CurrentPublication.partitionFolder(of: year.year) + "/" + table.fileName, bytes: table.render(year))]
            }
        }
    }

    /// The bytes of `year`'s `table` in `current`'s partition (checked against its entry already).
    private static func read(_ year: ReportingYear, _ table: TableFile, of current: CurrentPublication) throws -> [UInt8] {
        let path = current.folder + "/" + CurrentPublication.partitionFolder(of: year) + "/" + table.fileName
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw OutputError.readFailed(path: path, reason: "cannot read the partition's table")
        }
        return [UInt8](bytes)
    }
}
