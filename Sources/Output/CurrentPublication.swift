package import Foundation
import Glibc
package import PipelineModel

/// The publication in an output folder now, as its `manifest.json` describes it: what a run
/// carries files over from (years it leaves alone or finds unchanged, unchanged tables and
/// pages) and what an unchanged rerun finds up to date.
///
/// Read while the run holds the destination's lock (``OutputPublisher``), so that no other run
/// replaces it in between.
///
/// A year's files are its partition `years/{year}/` (its tables' rows) and its pages, letters
/// and map at their published paths (`letters/{year}/`, `report/{year}/`, `map/{year}.json`):
/// ``files(of:)``. A publication of the earlier layout also held a second name of each page in
/// the partition (`years/{year}/letters/{year}/LCE.md`, a hard link to `letters/{year}/LCE.md`
/// with the same manifest entry); those second names are left out, so such a year is carried
/// over in the current layout with every published path's bytes unchanged.
package struct CurrentPublication: Sendable {
    /// The output folder.
    package let folder: String
    /// Its manifest.
    package let manifest: RunManifest
    /// Its manifest's record of the years it holds.
    package let partitions: RunManifest.Partitions
    /// When `manifest.json` was last modified: every file of the publication was written
    /// before it, so a file modified later was changed since (``difference(of:)``).
    let manifestModified: ModificationTime
    /// The manifest's output entries by path.
    private let outputs: [String: RunManifest.FileDigest]

    private init(folder: String, manifest: RunManifest, partitions: RunManifest.Partitions,
                 manifestModified: ModificationTime) {
        self.folder = folder
        self.manifest = manifest
        self.partitions = partitions
        self.manifestModified = manifestModified
        outputs = Dictionary(manifest.outputs.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The manifest's entry for the output at `path` (relative to the folder), if it lists one.
    package func output(_ path: String) -> RunManifest.FileDigest? { outputs[path] }

    /// The publication in `folder`; nil when there is none yet (no folder, or an empty one).
    ///
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` when the folder holds files but
    ///   no manifest, a manifest this program cannot read, or one written before outputs were
    ///   partitioned by year (its years cannot be told apart, so none can be carried over).
    package static func read(from folder: String) throws -> CurrentPublication? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue,
              let entries = try? fm.contentsOfDirectory(atPath: folder), !entries.isEmpty else { return nil }
        let path = folder + "/manifest.json"
        // A plain file of a manifest's size: a planted FIFO or a huge file must not hang the run
        // or fill its memory.
        var st = stat()
        guard lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) <= OwnedFolder.manifestLimit,
              let bytes = fm.contents(atPath: path) else {
            throw OutputError.cannotCarryOver(path: path, reason: "the output folder holds files but no readable manifest.json "
                                              + "(a plain file of at most \(OwnedFolder.manifestLimit) bytes)")
        }
        let manifest: RunManifest
        do {
            manifest = try RunManifest.decode(bytes)
        } catch {
            throw OutputError.cannotCarryOver(path: path, reason: "not a manifest this program wrote (\(error))")
        }
        guard let partitions = manifest.partitions else {
            throw OutputError.cannotCarryOver(
                path: path, reason: "the publication predates year partitions (years/); publish every year once, without --years")
        }
        return CurrentPublication(folder: folder, manifest: manifest, partitions: partitions,
                                  manifestModified: ModificationTime(st))
    }

    /// The years it holds, in order.
    package var years: [ReportingYear] {
        partitions.years.compactMap(ReportingYear.init(label:)).sorted()
    }

    /// The folder of `year`'s partition, relative to the output folder: `years/2019-20`. It
    /// holds the year's tables (the header and that year's rows) and nothing else.
    package static func partitionFolder(of year: ReportingYear) -> String { "years/\(year.label)" }

    /// The folders that hold `year`'s files and nothing else, relative to the output folder.
    static func folders(of year: ReportingYear) -> [String] {
        [partitionFolder(of: year), "letters/\(year.label)", "report/\(year.label)"]
    }

    /// Whether `path` (relative to the output folder) is one of `year`'s published files: a
    /// table of its partition, a letter, a page of its report, its map. The earlier layout's
    /// second names in the partition are not.
    package static func isFile(_ path: String, of year: ReportingYear) -> Bool {
        let label = year.label
        if path == "map/\(label).json" || path.hasPrefix("letters/\(label)/") || path.hasPrefix("report/\(label)/") {
            return true
        }
        let partition = "years/\(label)/"
        return path.hasPrefix(partition) && !path.utf8.dropFirst(partition.utf8.count).contains(UInt8(ascii: "/"))
    }

    /// The manifest's entries for `year`'s files (``isFile(_:of:)``), paths relative to the folder.
    package func files(of year: ReportingYear) -> [RunManifest.FileDigest] {
        manifest.outputs.filter { Self.isFile($0.path, of: year) }
    }

    /// The start time of the run that computed `year`'s partition: this publication's run, or
    /// the run it was itself carried over from.
    package func computedByRunStarted(_ year: ReportingYear) -> Date {
        partitions.carriedOver.first { $0.year == year.label }?.computedByRunStarted ?? manifest.started
    }

    /// How the file `entry` names differs from it by one `lstat` (size, type, and modified no
    /// later than the manifest), or nil when it matches; ``StagingFolder/link(_:from:)`` says
    /// why that is enough to go on.
    package func difference(of entry: RunManifest.FileDigest) -> String? {
        Self.difference(of: folder + "/" + entry.path, from: entry, manifestModified: manifestModified)
    }

    /// How the file at `path` differs from `entry`, or nil when it is a regular file of
    /// `entry`'s size modified no later than `manifestModified`.
    static func difference(of path: String, from entry: RunManifest.FileDigest, manifestModified: ModificationTime) -> String? {
        var status = stat()
        guard lstat(path, &status) == 0 else {
            return errno == ENOENT ? "the previous manifest lists it but it is missing" : "(cannot check it: \(systemReason()))"
        }
        return difference(status, from: entry, manifestModified: manifestModified)
    }

    /// How the file whose `lstat` is `status` differs from `entry`, or nil when it matches.
    private static func difference(_ status: stat, from entry: RunManifest.FileDigest,
                                   manifestModified: ModificationTime) -> String? {
        guard (status.st_mode & S_IFMT) == S_IFREG else { return "(not a regular file)" }
        guard Int(status.st_size) == entry.bytes else {
            return "(\(status.st_size) bytes; the manifest says \(entry.bytes) bytes)"
        }
        let modified = ModificationTime(status)
        guard modified <= manifestModified else {
            return "(modified at \(modified), after the manifest was written at \(manifestModified))"
        }
        return nil
    }

    /// Checks that `entries` match their files (``difference(of:)``).
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the first that does not.
    package func check(_ entries: [RunManifest.FileDigest]) throws {
        for entry in entries {
            guard let difference = difference(of: entry) else { continue }
            throw OutputError.cannotCarryOver(path: folder + "/" + entry.path, reason: difference.hasPrefix("(")
                                              ? "it does not match the previous manifest " + difference : difference)
        }
    }

    /// `year`'s files, checked: its tables are listed, every file in its folders is listed (so
    /// nothing unverified is carried), and each listed file matches its entry.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the file.
    package func checkedFiles(of year: ReportingYear) throws -> [RunManifest.FileDigest] {
        let listed = files(of: year)
        let partition = Self.partitionFolder(of: year)
        for table in TableFile.allCases where output(partition + "/" + table.fileName) == nil {
            // A year published before the per-case tables existed has none of them: it cannot be
            // carried over as it is, but recomputing it once gives the year all nine.
            throw OutputError.cannotCarryOver(
                path: folder + "/" + partition + "/" + table.fileName,
                reason: table.isPartitionOnly
                    ? "the year was published by an earlier version, without the per-case tables: recompute it once "
                        + "(include \(year.label) in --years, or run without --years)"
                    : "the previous manifest does not list it")
        }
        var onDisk: Set<String> = []
        for relative in Self.folders(of: year) { try Self.regularFiles(under: folder, relative, into: &onDisk) }
        if let stray = onDisk.first(where: { outputs[$0] == nil }) {
            throw OutputError.cannotCarryOver(path: folder + "/" + stray, reason: "the previous manifest does not list it")
        }
        try check(listed)
        return listed
    }

    /// Every listed file matches its entry and the folder holds no file the manifest does not
    /// list: the publication is exactly what its manifest says (up to what the check by size
    /// and time can see). Nil when so, or the first difference found (a path and why). One
    /// walk of the folder, one `lstat` per file.
    package func firstDifference() -> (path: String, reason: String)? {
        var unseen = outputs
        do {
            try Self.walk(folder, nil) { path, status in
                if path == "manifest.json" { return }
                guard let listed = unseen.removeValue(forKey: path) else {
                    throw OutputError.cannotCarryOver(path: folder + "/" + path, reason: "the manifest does not list it")
                }
                if let difference = Self.difference(status, from: listed, manifestModified: manifestModified) {
                    throw OutputError.cannotCarryOver(path: folder + "/" + path, reason: difference)
                }
            }
        } catch let OutputError.cannotCarryOver(path, reason) {
            return (path, reason)
        } catch {
            return (folder, "\(error)")
        }
        if let missing = unseen.keys.min(by: utf8Precedes) {
            return (folder + "/" + missing, "the manifest lists it but it is missing")
        }
        return nil
    }

    /// Adds the regular files under `base/relative` (the whole of `base` when nil) to `found`, as
    /// paths relative to `base`; a missing folder adds nothing. Anything but a folder or a
    /// regular file (a symbolic link, a device) is refused, since it could not be carried over
    /// as published.
    private static func regularFiles(under base: String, _ relative: String?, into found: inout Set<String>) throws {
        try walk(base, relative) { path, status in
            guard (status.st_mode & S_IFMT) == S_IFREG else {
                throw OutputError.cannotCarryOver(path: base + "/" + path, reason: "not a regular file")
            }
            found.insert(path)
        }
    }

    /// Calls `visit` with the path (relative to `base`) and `lstat` of every entry under
    /// `base/relative` (the whole of `base` when nil) but the folders, which it descends; one
    /// `lstat` per entry. Under a `relative` folder, a missing folder has no entries.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming a folder it cannot list or
    ///   an entry it cannot `lstat`, or what `visit` throws.
    private static func walk(_ base: String, _ relative: String?, _ visit: (String, stat) throws -> Void) throws {
        var pending = [relative]
        while let next = pending.popLast() {
            let full = next.map { base + "/" + $0 } ?? base
            guard let dir = opendir(full) else {
                if errno == ENOENT, relative != nil { continue }
                throw OutputError.cannotCarryOver(path: full, reason: "cannot list it (\(systemReason()))")
            }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let path = next.map { $0 + "/" + name } ?? name
                var status = stat()
                guard lstat(base + "/" + path, &status) == 0 else {
                    throw OutputError.cannotCarryOver(path: base + "/" + path, reason: systemReason())
                }
                if (status.st_mode & S_IFMT) == S_IFDIR {
                    pending.append(path)
                } else {
                    try visit(path, status)
                }
            }
        }
    }
}
