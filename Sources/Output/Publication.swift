import Foundation
import PipelineModel

/// One run's publication, from the lock to the exchange: everything the run writes goes through
/// it, and it decides what is published, in this order:
///
/// 1. `rejects.csv`, streamed by the aggregation stage while the stages run (through
///    ``rejectsFile()``), then recorded (``recordRejects(_:)``);
/// 2. the year partitions and the top-level tables (``partitions``, with the current
///    publication, ``previous``, to carry unchanged years and files over from);
/// 3. `datapackage.json`, describing the top-level tables (``writeDataPackage(_:)``);
/// 4. `manifest.json`, last, listing every file staged before it (``writeManifest(_:)``);
/// 5. ``publish()``: every byte durable, then one atomic exchange with the output folder.
///
/// A run that stops before 5 calls ``abandon()`` (or ``keepRejects(at:)`` when it failed its
/// limits): the output folder stays as it was.
///
/// Confined to the one task that publishes (not `Sendable`), like its ``OutputPublisher``.
package final class Publication {
    /// The staging folder, lock and atomic exchange.
    package let publisher: OutputPublisher
    /// The year partitions staged so far.
    package let partitions: YearPartitions
    /// The publication in the output folder now, read once; nil when there is none.
    package let previous: PreviousPublication?

    /// Takes the output folder's lock and opens the staging folder (see
    /// ``OutputPublisher/init(destination:inputs:)``) and reads the current publication's
    /// manifest.
    ///
    /// `previousRequired`: the run carries chosen years over (`--years`), so the current
    /// publication must be readable; otherwise a folder without a usable manifest is only a
    /// publication that every year is rendered anew for.
    /// - Throws: ``OutputError`` (and the lock is released).
    package init(destination: String, inputs: [String], previousRequired: Bool) throws {
        let publisher = try OutputPublisher(destination: destination, inputs: inputs)
        do {
            previous = previousRequired ? try PreviousPublication.read(from: destination)
                : (try? PreviousPublication.read(from: destination)) ?? nil
        } catch {
            publisher.abandon()
            throw error
        }
        self.publisher = publisher
        partitions = YearPartitions(publisher: publisher)
    }

    /// The path beside the output folder where a run that failed its limits keeps its rejects:
    /// `<out>.rejects.csv`.
    package static func keptRejectsPath(for outputDirectory: String) -> String {
        var path = outputDirectory
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path + ".rejects.csv"
    }

    /// A writer for the staging folder that other tasks may use: the aggregation stage opens
    /// `rejects.csv` with it (``StagedFileWriter/rejectsFile()``).
    package var concurrentWriter: StagedFileWriter { publisher.concurrentWriter }

    /// Lists the finished `rejects.csv` (its digest from ``RejectsFileWriter/finish()``).
    /// - Throws: ``OutputError`` when the publication is no longer open.
    package func recordRejects(_ digest: RunManifest.FileDigest) throws {
        try publisher.record([digest])
    }

    /// Moves `rejects.csv` to `path` (``keptRejectsPath(for:)``) and gives up the publication:
    /// the output folder stays as it was, and an operator can see why the run failed.
    package func keepRejects(at path: String) {
        publisher.keep(RejectsFileWriter.fileName, at: path)
        publisher.abandon()
    }

    /// Replaces the finished `rejects.csv` with a link to the current publication's file when
    /// it has the same bytes, so that an unchanged file keeps its inode.
    /// - Throws: ``OutputError``.
    package func reuseUnchangedRejects() throws {
        try publisher.reuseIfUnchanged(RejectsFileWriter.fileName, in: previous)
    }

    /// Writes `datapackage.json`, made by `make` from the staged top-level tables' sizes and
    /// sha256s (`tables` names them): linked from the current publication when unchanged.
    /// - Throws: ``OutputError``, or what `make` throws.
    package func writeDataPackage(describing tables: Set<String>,
                                 _ make: ([RunManifest.FileDigest]) throws -> (path: String, bytes: [UInt8])) throws {
        let package = try make(try publisher.stagedFileDigests(only: tables))
        try publisher.writeFile(package.path, package.bytes, reusing: previous)
    }

    /// Writes `manifest.json`, made by `make` from the digests of every file staged so far and
    /// the partitions' record; it is written last and does not list itself.
    /// - Throws: ``OutputError``, or what `make` throws.
    package func writeManifest(_ make: (_ outputs: [RunManifest.FileDigest], _ partitions: RunManifest.Partitions) throws
        -> RunManifest) throws {
        let manifest = try make(try publisher.stagedFileDigests(), partitions.record)
        try publisher.writeFile("manifest.json", try manifest.jsonBytes())
    }

    /// Publishes: see ``OutputPublisher/publish()``.
    /// - Throws: ``OutputError``; the previous outputs are then intact.
    package func publish() throws {
        try publisher.publish()
    }

    /// Gives up: the staging folder is removed, the lock released, the output folder untouched.
    package func abandon() {
        publisher.abandon()
    }

    /// What could not be cleaned up, for the log (``OutputPublisher/takeWarnings()``).
    package func takeWarnings() -> [String] {
        publisher.takeWarnings()
    }
}
