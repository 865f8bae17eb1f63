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
        var known: Set<String> = [stagingDirectory]
        var digests: [RunManifest.FileDigest] = []
        digests.reserveCapacity(files.count * 2)
        for file in files {
            let full = try OutputPublisher.makeParents(of: file.path, in: stagingDirectory, known: &known)
            let sink = try FileSink(creating: full)
            do {
                try sink.write(file.bytes)
                try sink.close()
            } catch {
                sink.discard()
                throw error
            }
            let digest = sink.digest(recordedAs: file.path)
            digests.append(digest)
            guard let other = file.alsoAt else { continue }
            let target = try OutputPublisher.makeParents(of: other, in: stagingDirectory, known: &known)
            if link(full, target) != 0 {
                // A file system that refuses hard links gets a second copy: the same bytes.
                let copy = try FileSink(creating: target)
                do {
                    try copy.write(file.bytes)
                    try copy.close()
                } catch {
                    copy.discard()
                    throw error
                }
            }
            digests.append(RunManifest.FileDigest(path: other, bytes: digest.bytes, sha256: digest.sha256))
        }
        return digests
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
