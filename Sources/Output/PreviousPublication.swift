package import Foundation
package import PipelineModel

/// The publication currently in an output folder, as its `manifest.json` describes it: where a
/// run that recomputes some years takes the other years' partitions from.
///
/// Read while the run holds the destination's lock (after ``OutputPublisher`` is made), so that
/// no other run replaces it in between.
package struct PreviousPublication: Sendable {
    /// The output folder.
    package let folder: String
    /// Its manifest.
    package let manifest: RunManifest
    /// Its manifest's record of the years it holds.
    package let partitions: RunManifest.Partitions
    /// When `manifest.json` was last modified: every file of the publication was written
    /// before it, so a file modified later was changed since (see
    /// ``StagedFileWriter/carryOver(_:from:known:)``).
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
    package static func read(from folder: String) throws -> PreviousPublication? {
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
        return PreviousPublication(folder: folder, manifest: manifest, partitions: partitions,
                                   manifestModified: ModificationTime(st))
    }

    /// The years it holds, in order.
    package var years: [ReportingYear] {
        partitions.years.compactMap(ReportingYear.init(label:)).sorted()
    }

    /// The manifest's entries for the files of `year`'s partition, paths relative to the folder.
    package func files(of year: ReportingYear) -> [RunManifest.FileDigest] {
        let prefix = YearPartitions.folder(of: year) + "/"
        return manifest.outputs.filter { $0.path.hasPrefix(prefix) }
    }

    /// The start time of the run that computed `year`'s partition: this publication's run, or
    /// the run it was itself carried over from.
    package func computedByRunStarted(_ year: ReportingYear) -> Date {
        partitions.carriedOver.first { $0.year == year.label }?.computedByRunStarted ?? manifest.started
    }
}
