import Foundation
import Glibc
import Logging
import PipelineModel
import Rendering

/// The pages of a publication rendered as independent jobs on every core, a bounded number at a
/// time, each handed back as soon as it is done so that only a few jobs' pages are ever held in
/// memory. Each job checks for cancellation before it starts and is small (a few milliseconds),
/// so a stopped run stops rendering promptly and the signal watcher is never starved of a thread.
struct PageRendering {
    /// The kinds of page, for the per-kind cost the bench prints.
    enum Kind: String, CaseIterable, Sendable {
        case letter, reportPage = "report_page", yearIndex = "year_index", nationalPage = "national_page", map
        case historyPage = "history_page"
    }

    /// One job: the pages it renders, by kind, in a few milliseconds of work.
    struct Job: Sendable {
        /// Whether a page the current publication holds with the same bytes is linked from it
        /// (checked as carried files are) rather than written: the whole-publication pages,
        /// most of which a change of one year leaves as they were, keep their inodes.
        let linksUnchanged: Bool
        let render: @Sendable (inout Cost) -> [Artefact]

        init(linksUnchanged: Bool = false, render: @escaping @Sendable (inout Cost) -> [Artefact]) {
            self.linksUnchanged = linksUnchanged
            self.render = render
        }
    }

    /// Pages rendered and the CPU time they took, by kind.
    struct Cost: Sendable {
        private(set) var pages: [Kind: Int] = [:]
        private(set) var nanoseconds: [Kind: UInt64] = [:]

        /// Runs `body`, counting its pages as `kind` and its thread CPU time.
        mutating func measure(_ kind: Kind, _ body: () -> [Artefact]) -> [Artefact] {
            let pages = measureWork(kind, body)
            self.pages[kind, default: 0] += pages.count
            return pages
        }

        /// Runs `body`, counting its thread CPU time to `kind`'s pages: work done once for many
        /// pages of the kind.
        mutating func measureWork<Value>(_ kind: Kind, _ body: () -> Value) -> Value {
            let start = Self.threadCPU()
            let result = body()
            nanoseconds[kind, default: 0] += Self.threadCPU() - start
            return result
        }

        mutating func add(_ other: Cost) {
            for (kind, count) in other.pages { pages[kind, default: 0] += count }
            for (kind, ns) in other.nanoseconds { nanoseconds[kind, default: 0] += ns }
        }

        /// Every page counted.
        var total: Int { pages.values.reduce(0, +) }

        /// `letter_pages`, `letter_us_per_page`, ... for the log.
        var fields: [(String, Logger.MetadataValue)] {
            var fields: [(String, Logger.MetadataValue)] = []
            for kind in Kind.allCases {
                guard let count = pages[kind], count > 0 else { continue }
                let micros = Double(nanoseconds[kind] ?? 0) / 1000 / Double(count)
                fields.append((kind.rawValue + "_pages", .stringConvertible(count)))
                fields.append((kind.rawValue + "_us_per_page", .stringConvertible((micros * 10).rounded() / 10)))
            }
            return fields
        }

        private static func threadCPU() -> UInt64 {
            var time = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
            return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
        }
    }

    /// A test hook: `ANNUAL_REVIEW_TEST_RENDER_PAUSE_MS` makes every job block its thread that
    /// long before it renders, as a full register's rendering does, so that a test can stop a
    /// run while it renders. Unset in production.
    static let testPause: useconds_t? = ProcessInfo.processInfo.environment["ANNUAL_REVIEW_TEST_RENDER_PAUSE_MS"]
        .flatMap { UInt32($0) }.map { min($0, 10_000) * 1000 }

    /// How many jobs run at once: one per core.
    let width: Int

    init(width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.width = max(1, width)
    }

    /// Runs `jobs`, `width` at a time: each job renders its pages and passes them to `write`
    /// (in the job's own task, so that files are created on every core), and what `write`
    /// returns goes to `record` on the calling task, which owns the staging folder, as each
    /// job finishes. Returns what rendering cost.
    func run<Written: Sendable>(_ jobs: [Job], write: @escaping @Sendable (Job, [Artefact]) throws -> Written,
                                record: (Written) throws -> Void) async throws -> Cost {
        var cost = Cost()
        try await withThrowingTaskGroup(of: (Written, Cost).self) { group in
            var next = 0
            func startNext() {
                guard next < jobs.count else { return }
                let job = jobs[next]
                next += 1
                group.addTask {
                    try Task.checkCancellation()
                    if let pause = Self.testPause { usleep(pause) }
                    var cost = Cost()
                    let pages = job.render(&cost)
                    try Task.checkCancellation()
                    return (try write(job, pages), cost)
                }
            }
            for _ in 0 ..< width { startNext() }
            while let (written, jobCost) = try await group.next() {
                try Task.checkCancellation()
                try record(written)
                cost.add(jobCost)
                startNext()
            }
        }
        return cost
    }

    /// The jobs of one year's pages: letters and report pages in chunks of authorities, and the
    /// year's index with England's page, its map and the style sheets its pages and letters link.
    /// `heads` are the run's year indexes' row openings (``AuthorityRowHeads``); `improvements`
    /// each authority's service improvements up to the year (``ServiceImprovements/byCode(_:upTo:)``).
    static func yearJobs(_ year: YearFigures, method: AveragingMethod, templates: RenderingTemplates,
                         letters: LetterSettings, heads: AuthorityRowHeads,
                         improvements: [String: ServiceImprovements] = [:], chunk: Int = 32) -> [Job] {
        var jobs = [Job { cost in
            cost.measure(.yearIndex) { [ReportRenderer.yearIndex(year, method: method, templates: templates, heads: heads)] }
                + cost.measure(.nationalPage) { [ReportRenderer.nationalYearPage(year)] }
                + cost.measure(.map) { [MapDataRenderer.mapFile(year, method: method)] }
                // Rendered once per run, not pages: in every year's folders, so that a year
                // carried over keeps the style sheets its files link.
                + [ReportRenderer.styleSheet(of: year.year, templates: templates),
                   LetterRenderer.styleSheet(of: year.year, templates: templates)]
        }]
        for start in stride(from: 0, to: year.authorities.count, by: chunk) {
            let rows = year.authorities[start ..< min(start + chunk, year.authorities.count)]
            jobs.append(Job { cost in
                var pages: [Artefact] = []
                pages.reserveCapacity(rows.count * 3)
                pages += cost.measure(.letter) {
                    rows.flatMap { LetterRenderer.letters($0, in: year, templates: templates, settings: letters) }
                }
                pages += cost.measure(.reportPage) { rows.map {
                    ReportRenderer.authorityPage($0, in: year, method: method, improvements: improvements[$0.authority.code])
                } }
                return pages
            })
        }
        return jobs
    }

    /// The jobs of the whole-publication pages (the report's index, England's history and a
    /// history page per authority, and `report/style.css`, which they link), from every
    /// published year's rows.
    static func historyJobs(_ rows: [PublishedYearRow], national: [PublishedNationalRow], method: AveragingMethod,
                            templates: RenderingTemplates, notes: [String: HistoryNotes] = [:], chunk: Int = 48) -> [Job] {
        let byCode = Dictionary(grouping: rows, by: \.code)
        let codes = byCode.keys.sorted()
        var jobs = [Job(linksUnchanged: true) { cost in
            cost.measure(.historyPage) {
                [ReportRenderer.historyIndex(rows), ReportRenderer.nationalHistoryPage(national)]
            } + [ReportRenderer.styleSheet(of: nil, templates: templates)]
        }]
        for start in stride(from: 0, to: codes.count, by: chunk) {
            let histories = codes[start ..< min(start + chunk, codes.count)].compactMap { byCode[$0] }
            jobs.append(Job(linksUnchanged: true) { cost in
                cost.measure(.historyPage) {
                    histories.map { ReportRenderer.historyPage($0, method: method, notes: $0.first.flatMap { notes[$0.code] }) }
                }
            })
        }
        return jobs
    }
}
