import Foundation
import Glibc
package import PipelineModel

/// A run's outputs split by reporting year, so that a run can recompute some years and carry
/// the others over byte-identical from the current publication.
///
/// Layout of the published folder:
/// - `years/{year}/` is the year's partition: its three tables (the header and that year's rows
///   only) and every file that belongs to the year, at its outputs.md path inside the partition
///   (`years/2019-20/letters/2019-20/LCE.md`, `years/2019-20/report/2019-20/index.html`,
///   `years/2019-20/map/2019-20.json`). A partition is thus a slice of the published layout,
///   and the links between a year's pages work inside it too.
/// - Each of those files is also at its outputs.md path (`letters/2019-20/LCE.md`) as a hard link
///   to the partition's file: one copy on disk, and the two can never differ (published files
///   are never modified in place; every run replaces the whole folder). Readers of outputs.md's
///   paths see no change.
/// - The top-level tables are the header followed by every partition's rows in year order:
///   byte for byte what `TableFile.render(_:)` writes for all the years at once.
///
/// Usage: for every computed year, either ``stageTables(of:_:)`` and ``stageFiles(of:_:)`` (or
/// ``writeFiles(of:_:with:)`` from rendering jobs, then ``record(_:)``) as its files are
/// rendered, or ``linkYear(_:from:with:)`` then ``recordCarriedOver(_:from:_:)`` and
/// ``markUnchanged(_:)`` when its fingerprint equals the current publication's;
/// ``carryOver(from:method:)`` when only some years were computed;
/// ``writeTables()``; then record ``record`` in the manifest.
///
/// Confined to the task that writes the outputs, like its publisher.
package final class YearPartitions {
    private let publisher: OutputPublisher
    private var computed: Set<ReportingYear> = []
    /// The computed years' table bytes as staged, so that ``writeTables()`` reads back only the
    /// carried-over years' tables (a few MB in all).
    private var computedTables: [String: [UInt8]] = [:]
    private var carried: [ReportingYear: RunManifest.Partitions.CarriedOver] = [:]
    /// Each staged year's fingerprint (``RunManifest/Partitions/fingerprints``).
    package var fingerprints: [ReportingYear: String] = [:]
    /// The whole-publication pages' fingerprint (``RunManifest/Partitions/historyFingerprint``).
    package var historyFingerprint: String?
    /// The pages rendered by this run.
    package var pagesRendered = 0

    /// Partitions staged into `publisher`'s staging folder.
    package init(publisher: OutputPublisher) {
        self.publisher = publisher
    }

    /// The folder of `year`'s partition, relative to the output folder: `years/2019-20`.
    package static func folder(of year: ReportingYear) -> String { "years/\(year.label)" }

    /// Every year staged so far, computed or carried over, in order.
    package var years: [ReportingYear] { (computed.union(carried.keys)).sorted() }

    /// What the manifest records: the years computed and the years carried over, with their origin.
    package var record: RunManifest.Partitions {
        RunManifest.Partitions(computed: computed.sorted().map(\.label),
                               carriedOver: carried.keys.sorted().compactMap { carried[$0] },
                               fingerprints: fingerprints.isEmpty ? nil
                                   : Dictionary(uniqueKeysWithValues: fingerprints.map { ($0.key.label, $0.value) }),
                               historyFingerprint: historyFingerprint, pagesRendered: pagesRendered)
    }

    /// Stages a year computed by this run, with each of `files` (see ``stageFiles(of:_:)``).
    /// - Throws: ``OutputError``.
    package func stage(_ year: YearFigures, files: [(path: String, bytes: [UInt8])]) throws {
        try stageTables(of: year.year, TableFile.allCases.map { ($0, $0.render(year)) })
        try stageFiles(of: year.year, files)
    }

    /// Stages the tables of a year computed by this run (each table's partition bytes, as
    /// ``TableFile/render(_:)-(YearFigures)`` gives them).
    /// - Throws: ``OutputError``.
    package func stageTables(of year: ReportingYear, _ tables: [(TableFile, [UInt8])]) throws {
        let folder = Self.folder(of: year)
        for (table, bytes) in tables {
            try publisher.writeFile(folder + "/" + table.fileName, bytes)
            computedTables[folder + "/" + table.fileName] = bytes
        }
        computed.insert(year)
    }

    /// Stages files of a computed year (paths as outputs.md gives them: `letters/2019-20/LCE.md`)
    /// in the year's partition, each with a hard link at its own path.
    /// - Throws: ``OutputError``.
    package func stageFiles(of year: ReportingYear, _ files: [(path: String, bytes: [UInt8])]) throws {
        try record(try Self.writeFiles(of: year, files, with: publisher.concurrentWriter))
    }

    /// ``stageFiles(of:_:)`` from any task (a rendering job): writes the files, each in the
    /// year's partition with its link at its own path, and returns their digests for
    /// ``record(_:)`` on the task that owns the partitions.
    /// - Throws: ``OutputError``.
    package static func writeFiles(of year: ReportingYear, _ files: [(path: String, bytes: [UInt8])],
                                   with writer: StagedFileWriter) throws -> [RunManifest.FileDigest] {
        let folder = folder(of: year)
        return try writer.write(files.map { (path: folder + "/" + $0.path, bytes: $0.bytes, alsoAt: $0.path) })
    }

    /// Lists the files ``writeFiles(of:_:with:)`` wrote.
    /// - Throws: ``OutputError`` when the publisher is no longer open.
    package func record(_ digests: [RunManifest.FileDigest]) throws {
        try publisher.record(digests)
    }

    /// Carries over every year of `previous` that this run did not compute: hard links to its
    /// files (no copy), each checked against its entry in `previous`'s manifest without being
    /// read (``StagedFileWriter/carryOver(_:from:known:)``), plus the links at outputs.md's paths.
    ///
    /// - Returns: the years carried over, in order.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the file when a partition
    ///   differs from the manifest (a file changed, missing or not listed) or was averaged by
    ///   another method than `method` (the top-level tables would mix them); nothing may then
    ///   be published.
    @discardableResult
    package func carryOver(from previous: PreviousPublication, method: AveragingMethod) throws -> [ReportingYear] {
        let others = previous.years.filter { !computed.contains($0) && carried[$0] == nil }
        guard !others.isEmpty else { return [] }
        if previous.manifest.configuration.method != method {
            throw OutputError.cannotCarryOver(
                path: previous.folder + "/manifest.json",
                reason: "its years were averaged by the \(previous.manifest.configuration.method.rawValue) method and "
                    + "this run uses \(method.rawValue): recompute every year, or use the same method")
        }
        for year in others {
            try carryOver(year, from: previous)
            if let fingerprint = previous.partitions.fingerprints?[year.label] { fingerprints[year] = fingerprint }
        }
        return others
    }

    private func carryOver(_ year: ReportingYear, from previous: PreviousPublication) throws {
        try recordCarriedOver(year, from: previous, try Self.linkYear(year, from: previous, with: publisher.concurrentWriter))
    }

    /// Stages `year`'s files from `previous` from any task (carry-over on every core): each file
    /// of the partition linked and checked against `previous`'s manifest (by its size and
    /// modification time, not read: ``StagedFileWriter/carryOver(_:from:known:)``), then its
    /// link at its outputs.md path; returns the digests for ``recordCarriedOver(_:from:_:)`` on
    /// the task that owns the partitions. On an error, what it staged is removed again.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the file when the partition
    ///   differs from the manifest (a file changed, missing or not listed); other ``OutputError``s.
    package static func linkYear(_ year: ReportingYear, from previous: PreviousPublication,
                                 with writer: StagedFileWriter) throws -> [RunManifest.FileDigest] {
        let folder = folder(of: year)
        let listed = previous.files(of: year)
        for table in TableFile.allCases where !listed.contains(where: { $0.path == folder + "/" + table.fileName }) {
            throw OutputError.cannotCarryOver(path: previous.folder + "/" + folder + "/" + table.fileName,
                                              reason: "the previous manifest does not list it")
        }
        // Every file on disk must be one the manifest lists, so nothing unverified is published.
        let onDisk = try files(under: previous.folder, folder)
        let listedPaths = Set(listed.map(\.path))
        if let stray = onDisk.subtracting(listedPaths).sorted().first {
            throw OutputError.cannotCarryOver(path: previous.folder + "/" + stray, reason: "the previous manifest does not list it")
        }
        var staged: [RunManifest.FileDigest] = []
        staged.reserveCapacity(listed.count * 2)
        var known: Set<String> = []
        do {
            for entry in listed {
                guard onDisk.contains(entry.path) else {
                    throw OutputError.cannotCarryOver(path: previous.folder + "/" + entry.path,
                                                      reason: "the previous manifest lists it but it is missing")
                }
                staged.append(try writer.carryOver(entry, from: previous, known: &known))
            }
            let tables = Set(TableFile.allCases.map { folder + "/" + $0.fileName })
            for entry in listed where !tables.contains(entry.path) {
                let path = String(entry.path.dropFirst(folder.count + 1))
                try writer.addLink(to: entry.path, at: path, known: &known)
                staged.append(RunManifest.FileDigest(path: path, bytes: entry.bytes, sha256: entry.sha256))
            }
        } catch {
            writer.remove(staged.map(\.path))
            throw error
        }
        return staged
    }

    /// Records `year` as carried over from `previous`, with the files ``linkYear(_:from:with:)``
    /// staged.
    /// - Throws: ``OutputError`` when the publisher is no longer open.
    package func recordCarriedOver(_ year: ReportingYear, from previous: PreviousPublication,
                                   _ staged: [RunManifest.FileDigest]) throws {
        try publisher.record(staged)
        carried[year] = RunManifest.Partitions.CarriedOver(
            year: year.label, previousRunStarted: previous.manifest.started,
            computedByRunStarted: previous.computedByRunStarted(year))
    }

    /// Marks a carried-over year as one this run computed and found unchanged.
    package func markUnchanged(_ year: ReportingYear) {
        carried[year]?.unchanged = true
    }

    /// Writes the top-level tables: each the concatenation of the staged partitions' tables in
    /// year order, under one header.
    ///
    /// - Returns: each table's bytes, as written.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` when a partition's table has
    ///   another header than this version writes (a partition from an older version with other
    ///   columns); ``OutputError`` when a file cannot be read or written.
    ///
    /// A table whose bytes are those `previous` published is linked to its file instead (see
    /// ``OutputPublisher/writeFile(_:_:reusing:)``).
    @discardableResult
    package func writeTables(reusing previous: PreviousPublication? = nil) throws -> [TableFile: [UInt8]] {
        var written: [TableFile: [UInt8]] = [:]
        for table in TableFile.allCases {
            var parts: [(path: String, bytes: [UInt8])] = []
            for year in years {
                let path = Self.folder(of: year) + "/" + table.fileName
                if let bytes = computedTables[path] {
                    parts.append((path, bytes))
                    continue
                }
                let staged = try publisher.stagedPath(path)
                guard let bytes = FileManager.default.contents(atPath: staged) else {
                    throw OutputError.readFailed(path: staged, reason: "cannot read the staged partition")
                }
                parts.append((path, [UInt8](bytes)))
            }
            let bytes = try Self.concatenate(table, partitions: parts)
            try publisher.writeFile(table.fileName, bytes, reusing: previous)
            written[table] = bytes
        }
        return written
    }

    /// `table`'s top-level file from its partitions' files (in year order): the header, then
    /// each partition's rows without its header.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the partition whose first
    ///   line is not `table`'s header.
    package static func concatenate(_ table: TableFile, partitions: [(path: String, bytes: [UInt8])]) throws -> [UInt8] {
        let header = table.header
        var buffer = header
        for part in partitions {
            guard part.bytes.starts(with: header) else {
                throw OutputError.cannotCarryOver(
                    path: part.path, reason: "its header differs from \(table.fileName)'s in this version: recompute that year too")
            }
            buffer.append(contentsOf: part.bytes[header.count...])
        }
        return buffer
    }

    /// The regular files under `base/relative`, as paths relative to `base`; anything else
    /// (a symbolic link, a device) is refused, since it could not be carried over as published.
    private static func files(under base: String, _ relative: String) throws -> Set<String> {
        var found: Set<String> = []
        var pending = [relative]
        while let folder = pending.popLast() {
            let names: [String]
            do {
                names = try FileManager.default.contentsOfDirectory(atPath: base + "/" + folder)
            } catch {
                throw OutputError.cannotCarryOver(path: base + "/" + folder, reason: "cannot list the partition (\(error))")
            }
            for name in names {
                let path = folder + "/" + name
                var st = stat()
                guard lstat(base + "/" + path, &st) == 0 else {
                    throw OutputError.cannotCarryOver(path: base + "/" + path, reason: systemReason())
                }
                switch st.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: found.insert(path)
                default: throw OutputError.cannotCarryOver(path: base + "/" + path, reason: "not a regular file")
                }
            }
        }
        return found
    }
}
