import Foundation
import Glibc
import PipelineModel

/// Writes new files into a publisher's staging folder from any task, so that rendering jobs on
/// every core create their own pages' files instead of queueing them for one task: creating
/// 15,000 files one after another was most of a full publication's time.
///
/// The files are created as ``OutputPublisher`` creates them (O_EXCL and O_NOFOLLOW, folders
/// checked), hashed while written, and made durable by the publisher's `syncfs` with the rest;
/// the publisher lists them only once they are recorded (``OutputPublisher/record(_:)``) on the
/// task that owns it, so the manifest holds exactly the files written.
///
/// Obtain one from ``OutputPublisher/concurrentWriter``; use it only while the publisher is open
/// (before ``OutputPublisher/publish()`` or ``OutputPublisher/abandon()``).
package struct StagedFileWriter: Sendable {
    /// The staging folder the files go into.
    let stagingDirectory: String

    /// Writes each of `files` at its relative path, with a hard link to it at `alsoAt` when
    /// given (a year's file in its partition and at its outputs.md path); returns the digests
    /// of every path written or linked, in order.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` or ``OutputError/writeFailed(path:reason:)``.
    package func write(_ files: [(path: String, bytes: [UInt8], alsoAt: String?)]) throws -> [RunManifest.FileDigest] {
        var known: Set<String> = []
        var digests: [RunManifest.FileDigest] = []
        digests.reserveCapacity(files.count * 2)
        for file in files {
            let full = try OutputPublisher.makeParents(of: file.path, in: stagingDirectory, known: &known)
            let sink = try FileSink(creating: full)
            try OutputPublisher.writeWhole(file.bytes, to: sink)
            let digest = sink.digest(recordedAs: file.path)
            digests.append(digest)
            guard let other = file.alsoAt else { continue }
            try addLink(to: file.path, at: other, known: &known)
            digests.append(RunManifest.FileDigest(path: other, bytes: digest.bytes, sha256: digest.sha256))
        }
        return digests
    }
}

extension StagedFileWriter {
    /// Opens `rejects.csv` in the staging folder for the task that aggregates, which owns it
    /// from then on; ``RejectsFileWriter/finish()`` gives the digest to record.
    /// - Throws: ``OutputError``.
    package func rejectsFile() throws -> RejectsFileWriter {
        var known: Set<String> = []
        let path = try OutputPublisher.makeParents(of: RejectsFileWriter.fileName, in: stagingDirectory, known: &known)
        return try RejectsFileWriter(sink: try FileSink(creating: path))
    }

    /// Hard-links `source` at `target`; false when the file system refuses hard links there
    /// (EXDEV, EPERM, EMLINK, ENOTSUP, ...), for the caller to copy the file instead: the
    /// same bytes, only the disk space differs.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when `source` is missing or
    ///   `target` exists, which a copy would not mend.
    static func hardLink(_ source: String, at target: String) throws -> Bool {
        if Glibc.link(source, target) == 0 { return true }
        let code = errno
        guard code != ENOENT, code != EEXIST else {
            throw OutputError.cannotCreate(path: target, reason: "cannot link \(source): \(systemReason(code))")
        }
        return false
    }

    /// Copies `source` to the new file `target`, hashed while written; returns its digest
    /// recorded under `relativePath`.
    /// - Throws: ``OutputError/readFailed(path:reason:)``, ``OutputError/cannotCreate(path:reason:)``
    ///   or ``OutputError/writeFailed(path:reason:)``.
    static func copy(_ source: String, to target: String, recordedAs relativePath: String) throws -> RunManifest.FileDigest {
        let bytes: Data
        do {
            bytes = try Data(contentsOf: URL(fileURLWithPath: source))
        } catch {
            throw OutputError.readFailed(path: source, reason: "\(error)")
        }
        let sink = try FileSink(creating: target)
        try OutputPublisher.writeWhole(bytes, to: sink)
        return sink.digest(recordedAs: relativePath)
    }

    /// Puts the staged file `staged` at `relativePath` too, as a hard link (a copy where links
    /// are refused), without reading it: its digest is the staged file's.
    /// - Throws: ``OutputError``.
    package func addLink(to staged: String, at relativePath: String, known: inout Set<String>) throws {
        let target = try OutputPublisher.makeParents(of: relativePath, in: stagingDirectory, known: &known)
        let source = OutputPublisher.join(stagingDirectory, staged)
        if try !Self.hardLink(source, at: target) { _ = try Self.copy(source, to: target, recordedAs: relativePath) }
    }

    /// Removes staged files (paths relative to the staging folder) that a failed step wrote
    /// before they were recorded.
    package func remove(_ relativePaths: [String]) {
        for path in relativePaths { _ = unlink(OutputPublisher.join(stagingDirectory, path)) }
    }
}

extension OutputPublisher {
    /// A writer for files staged from other tasks (``StagedFileWriter``).
    package var concurrentWriter: StagedFileWriter {
        StagedFileWriter(stagingDirectory: stagingDirectory)
    }

    /// Lists files a ``StagedFileWriter`` wrote, so that the manifest and ``publish()`` know them.
    /// - Throws: ``OutputError/publishFailed(destination:reason:)`` when the publisher is no
    ///   longer open.
    package func record(_ digests: [RunManifest.FileDigest]) throws {
        try checkOpen()
        for digest in digests { files[digest.path] = digest }
    }
}
