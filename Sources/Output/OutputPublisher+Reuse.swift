import Crypto
import Foundation
import Glibc
import PipelineModel

// Staging files that already exist: hard links to the current publication's unchanged files
// (carry-over), to files staged earlier (a year's file at its outputs.md path), and moving a
// staged file out of the folder (kept rejects). Each staged path's digest is recorded without
// reading a linked file twice.
extension OutputPublisher {
    /// Puts the existing file at `source` into the staging folder at `relativePath` as a hard
    /// link: the same bytes without a copy (a year's partition carried over from the current
    /// publication, or a letter at its outputs.md path beside its partition's copy).
    ///
    /// Falls back to a copy, synced like any staged file, where the file system refuses a hard
    /// link (EXDEV, EPERM, EMLINK, ENOTSUP, ...): the published bytes are the same, only the
    /// disk space differs.
    /// - Important: Published files are never modified in place (every run replaces the whole
    ///   folder), so a file linked from the current publication keeps its bytes after that
    ///   folder is removed, and two linked paths never drift apart.
    /// - Returns: the size and sha256 of the staged file, read once from it: what is checked
    ///   is what will be published.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)``, ``OutputError/readFailed(path:reason:)``
    ///   or ``OutputError/writeFailed(path:reason:)``.
    @discardableResult
    package func linkFile(_ relativePath: String, from source: String) throws -> RunManifest.FileDigest {
        let digest = try StagedFileWriter.link(source, at: try prepare(relativePath), recordedAs: relativePath)
        files[relativePath] = digest
        return digest
    }

    /// Removes every staged file whose path starts with `prefix` (`years/2019-20/`): what a
    /// carry-over linked before it found a file that did not match.
    /// - Throws: ``OutputError/writeFailed(path:reason:)`` when a file cannot be removed.
    package func discardStaged(under prefix: String) throws {
        for path in files.keys where path.hasPrefix(prefix) { try removeStaged(path) }
    }

    func removeStaged(_ path: String) throws {
        let full = Self.join(stagingDirectory, path)
        guard unlink(full) == 0 || errno == ENOENT else {
            throw OutputError.writeFailed(path: full, reason: systemReason())
        }
        files[path] = nil
    }

    /// Stages `bytes` at `relativePath`, as a hard link to `previous`'s file when that file's
    /// size and sha256 (per its manifest) are those of `bytes`, checked after linking; written
    /// anew otherwise. A file that has not changed thus keeps its inode from one publication
    /// to the next, and costs no write.
    /// - Throws: as ``writeFile(_:_:)`` and ``linkFile(_:from:)``.
    package func writeFile(_ relativePath: String, _ bytes: [UInt8], reusing previous: PreviousPublication?) throws {
        if let previous, let listed = previous.output(relativePath), listed.bytes == bytes.count {
            var hasher = SHA256()
            hasher.update(data: bytes)
            if lowercaseHex(hasher.finalize()) == listed.sha256 {
                let linked = try linkFile(relativePath, from: Self.join(previous.folder, relativePath))
                if linked.sha256 == listed.sha256, linked.bytes == listed.bytes { return }
                try removeStaged(relativePath)
            }
        }
        try writeFile(relativePath, bytes)
    }

    /// Replaces the staged file at `relativePath` (a closed streaming file such as `rejects.csv`)
    /// with a hard link to `previous`'s file when their sizes and sha256s are the same, so that
    /// an unchanged file keeps its inode; the link is checked before it replaces the staged file.
    /// - Throws: ``OutputError``.
    package func reuseIfUnchanged(_ relativePath: String, in previous: PreviousPublication?) throws {
        guard let previous, let staged = files[relativePath], let listed = previous.output(relativePath),
              listed.bytes == staged.bytes, listed.sha256 == staged.sha256 else { return }
        let candidate = relativePath + ".previous"
        let linked = try linkFile(candidate, from: Self.join(previous.folder, relativePath))
        files[candidate] = nil
        let from = Self.join(stagingDirectory, candidate)
        guard linked.bytes == staged.bytes, linked.sha256 == staged.sha256 else {
            _ = unlink(from)
            return
        }
        guard rename(from, Self.join(stagingDirectory, relativePath)) == 0 else {
            throw OutputError.writeFailed(path: from, reason: systemReason())
        }
    }


    /// Moves the staged file at `relativePath` out of the staging folder to `path` (the rejects
    /// of a run that failed its limits, kept beside the output folder so that an operator can
    /// see why); the output folder itself is untouched.
    ///
    /// rename(2): it replaces an earlier file (or a link at that name, not what it points to)
    /// in one step and refuses a folder, so nothing that is not ours is removed.
    /// - Returns: whether the file was moved (false when it was not staged or rename failed).
    @discardableResult
    package func keep(_ relativePath: String, at path: String) -> Bool {
        guard rename(Self.join(stagingDirectory, relativePath), path) == 0 else { return false }
        files[relativePath] = nil
        return true
    }
}
