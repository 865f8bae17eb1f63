import Crypto
import Foundation
import Output
import PipelineModel
import Rendering

/// Where every file of a publication comes from, decided before anything is staged: carried
/// over from the current publication (a hard link, checked against its manifest entry by size
/// and modification time), written now from bytes in hand (a table, the data package), or
/// rendered now (pages, letters, maps, by ``PageRendering`` jobs).
///
/// One mechanism for every reuse: a year the run leaves alone (`--years`), a year it computes
/// and finds unchanged, an unchanged top-level table, `datapackage.json`, `rejects.csv` or
/// the whole-publication pages are all carried entries, checked when planned
/// (``CurrentPublication/difference(of:)``) and linked by ``stage(into:rendering:)`` through
/// the ``StagingFolder``, which checks the link again. An unchanged rerun is the plan whose
/// every entry is carried from the current publication at its own path: nothing to stage
/// (``UpToDateCheck``).
///
/// Every file is written once, at its published path: a year's pages, letters and map in
/// `report/{year}/`, `letters/{year}/` and `map/{year}.json`, its tables' rows in its partition
/// `years/{year}/`.
struct PublicationPlan {
    /// The publication the carried files come from.
    let current: CurrentPublication?
    /// Files carried over from ``current``, by their manifest entries.
    private(set) var carried: [RunManifest.FileDigest] = []
    /// Files written now from bytes in hand, with their digests.
    private(set) var written: [(digest: RunManifest.FileDigest, bytes: [UInt8])] = []
    /// The jobs whose pages are rendered now, in the order they run: the first job of every
    /// group (a year's, the history pages'), then the second of each, ... so that the jobs
    /// running at the same time mostly create files in different folders, and none waits for
    /// another's hold on its folder.
    var rendered: [PageRendering.Job] {
        var jobs: [PageRendering.Job] = []
        jobs.reserveCapacity(renderedGroups.reduce(0) { $0 + $1.count })
        for index in 0 ..< (renderedGroups.map(\.count).max() ?? 0) {
            for group in renderedGroups where index < group.count { jobs.append(group[index]) }
        }
        return jobs
    }
    /// The jobs rendered now, each year's (and the history pages') in a group of its own.
    private var renderedGroups: [[PageRendering.Job]] = []
    /// `rejects.csv`'s entry in ``current`` when the file the run streamed has its bytes: the
    /// streamed file is then replaced by a link, so that an unchanged file keeps its inode.
    private(set) var rejects: RunManifest.FileDigest?

    private var computed: Set<ReportingYear> = []
    private var carriedYears: [ReportingYear: RunManifest.Partitions.CarriedOver] = [:]
    /// Each published year's fingerprint (``RunManifest/Partitions/fingerprints``).
    var fingerprints: [ReportingYear: String] = [:]
    /// The whole-publication pages' fingerprint (``RunManifest/Partitions/historyFingerprint``).
    var historyFingerprint: String?

    /// An empty plan carrying files from `current`.
    init(current: CurrentPublication?) {
        self.current = current
    }

    /// Every year published, computed or carried over, in order.
    var years: [ReportingYear] { computed.union(carriedYears.keys).sorted() }

    /// The years this run computes and renders.
    var computedYears: Set<ReportingYear> { computed }

    /// The manifest's record of the years, with the pages the run rendered.
    func partitions(pagesRendered: Int) -> RunManifest.Partitions {
        RunManifest.Partitions(computed: computed.sorted().map(\.label),
                               carriedOver: carriedYears.keys.sorted().compactMap { carriedYears[$0] },
                               fingerprints: fingerprints.isEmpty ? nil
                                   : Dictionary(uniqueKeysWithValues: fingerprints.map { ($0.key.label, $0.value) }),
                               historyFingerprint: historyFingerprint, pagesRendered: pagesRendered)
    }

    /// Plans `year` as computed: its partition's tables written now and `jobs` rendered.
    mutating func compute(_ year: ReportingYear, tables: [(TableFile, [UInt8])], jobs: [PageRendering.Job]) {
        let folder = CurrentPublication.partitionFolder(of: year)
        for (table, bytes) in tables { write(folder + "/" + table.fileName, bytes) }
        if !jobs.isEmpty { renderedGroups.append(jobs) }
        computed.insert(year)
    }

    /// Plans `year` as carried over from ``current`` with `files`, its checked entries
    /// (``CurrentPublication/checkedFiles(of:)``); `unchanged`: the run computed it too and
    /// found its fingerprint unchanged.
    mutating func carry(_ year: ReportingYear, files: [RunManifest.FileDigest], unchanged: Bool) {
        guard let current else { return }
        carried += files
        var record = RunManifest.Partitions.CarriedOver(
            year: year.label, previousRunStarted: current.manifest.started,
            computedByRunStarted: current.computedByRunStarted(year))
        if unchanged { record.unchanged = true }
        carriedYears[year] = record
    }

    /// Plans `entries` of ``current`` as carried over (checked already).
    mutating func carry(_ entries: [RunManifest.FileDigest]) {
        carried += entries
    }

    /// Plans `jobs` as rendered now.
    mutating func render(_ jobs: [PageRendering.Job]) {
        if !jobs.isEmpty { renderedGroups.append(jobs) }
    }

    /// Plans `bytes` at `path`: carried from ``current`` when it lists that path with the same
    /// size and sha256 and its file matches the entry, written now otherwise. Returns the file's
    /// digest.
    @discardableResult
    mutating func write(_ path: String, _ bytes: [UInt8]) -> RunManifest.FileDigest {
        let digest = RunManifest.FileDigest(path: path, contents: bytes)
        if let current, current.output(path) == digest, current.difference(of: digest) == nil {
            carried.append(digest)
        } else {
            written.append((digest, bytes))
        }
        return digest
    }

    /// Plans the streamed `rejects.csv` (`digest`): kept, or replaced by ``current``'s file when
    /// that has the same bytes and matches its entry.
    mutating func keepRejects(_ digest: RunManifest.FileDigest) {
        if let current, current.output(digest.path) == digest, current.difference(of: digest) == nil { rejects = digest }
    }

    /// Stages the plan into `publisher`'s staging folder and lists every file staged: the
    /// carried files linked on every core, the written files, then the rendered pages, `width`
    /// jobs at a time, each job writing its own pages. Returns what rendering cost.
    /// - Throws: ``OutputError`` (``OutputError/cannotCarryOver(path:reason:)`` when a carried
    ///   file changed since it was planned), `CancellationError`.
    func stage(into publisher: OutputPublisher, rendering: PageRendering) async throws -> PageRendering.Cost {
        let staging = try publisher.staging()
        // The disk writes what is staged while the rest is rendered (the exchange's syncfs then
        // waits for little).
        publisher.startWriteBack()
        if let current, !carried.isEmpty {
            // Chunks of neighbouring paths, so that each task makes a folder once.
            let size = max(64, carried.count / (rendering.width * 8) + 1)
            let chunks = stride(from: 0, to: carried.count, by: size).map { Array(carried[$0 ..< min($0 + size, carried.count)]) }
            try await withThrowingTaskGroup(of: [RunManifest.FileDigest].self) { group in
                for chunk in chunks {
                    group.addTask {
                        try Task.checkCancellation()
                        return try staging.link(chunk, from: current)
                    }
                }
                for try await staged in group { try publisher.record(staged) }
            }
        }
        try await withThrowingTaskGroup(of: [RunManifest.FileDigest].self) { group in
            for file in written {
                group.addTask {
                    try Task.checkCancellation()
                    return try staging.write([(file.digest.path, file.bytes)])
                }
            }
            for try await staged in group { try publisher.record(staged) }
        }
        let current = current
        let cost = try await rendering.run(rendered, write: { job, pages in
            guard job.linksUnchanged, let current else { return try staging.write(pages.map { ($0.path, $0.bytes) }) }
            var digests: [RunManifest.FileDigest] = []
            for page in pages {
                let digest = RunManifest.FileDigest(path: page.path, contents: page.bytes)
                if current.output(page.path) == digest, current.difference(of: digest) == nil,
                   let linked = try? staging.link([digest], from: current) {
                    digests += linked
                } else {
                    digests += try staging.write([(page.path, page.bytes)])
                }
            }
            return digests
        }, record: { try publisher.record($0) })
        if let rejects, let current {
            try staging.replace(rejects.path, withLinkTo: rejects, from: current)
            try publisher.record([rejects])
        }
        return cost
    }
}
