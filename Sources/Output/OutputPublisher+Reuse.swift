import Crypto
import Foundation
import Glibc
import PipelineModel

// Staging files that already exist: hard links to the current publication's unchanged files
// (carry-over), to files staged earlier (a year's file at its outputs.md path), and moving a
// staged file out of the folder (kept rejects). A file linked from the current publication is
// checked by one lstat and listed with its manifest entry's digest, not read
// (StagedFileWriter+CarryOver.swift says why that is enough and what it cannot see).
extension OutputPublisher {
    /// Puts `previous`'s file `entry` into the staging folder at the same path as a hard link,
    /// checked without reading it and listed with `entry`'s digest, as a carried-over year's
    /// file is (``StagedFileWriter/carryOver(_:from:known:)``; a copy, hashed and compared,
    /// where links are refused).
    /// - Important: Published files are never modified in place (every run replaces the whole
    ///   folder), so a file linked from the current publication keeps its bytes after that
    ///   folder is removed, and two linked paths never drift apart.
    /// - Returns: false, with nothing staged at its path, when the file does not match `entry`
    ///   (missing, another size, modified after `previous`'s manifest, not a regular file).
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` (its path is staged already),
    ///   ``OutputError/readFailed(path:reason:)`` or ``OutputError/writeFailed(path:reason:)``.
    package func carryOver(_ entry: RunManifest.FileDigest, from previous: PreviousPublication) throws -> Bool {
        guard try stage(entry, from: previous, at: entry.path) else { return false }
        files[entry.path] = entry
        return true
    }

    /// Links `previous`'s file `entry` at `relativePath` in the staging folder, checked; false,
    /// with nothing left there, when it does not match `entry`. Not listed.
    private func stage(_ entry: RunManifest.FileDigest, from previous: PreviousPublication,
                       at relativePath: String) throws -> Bool {
        do {
            try StagedFileWriter.carryOver(entry, from: previous, at: try prepare(relativePath))
            return true
        } catch OutputError.cannotCarryOver {
            return false
        }
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

    /// Stages `bytes` at `relativePath`, as a hard link to `previous`'s file when its manifest
    /// lists that file with the size and sha256 of `bytes` and the link passes the carry-over
    /// check (``carryOver(_:from:)``); written anew otherwise. A file that has not changed thus
    /// keeps its inode from one publication to the next, and costs no write and no read.
    /// - Throws: as ``writeFile(_:_:)`` and ``carryOver(_:from:)``.
    package func writeFile(_ relativePath: String, _ bytes: [UInt8], reusing previous: PreviousPublication?) throws {
        if let previous, let listed = previous.output(relativePath), listed.bytes == bytes.count {
            var hasher = SHA256()
            hasher.update(data: bytes)
            if lowercaseHex(hasher.finalize()) == listed.sha256, try carryOver(listed, from: previous) { return }
        }
        try writeFile(relativePath, bytes)
    }

    /// Replaces the staged file at `relativePath` (a closed streaming file such as `rejects.csv`)
    /// with a hard link to `previous`'s file when its manifest lists that file with the staged
    /// file's size and sha256, so that an unchanged file keeps its inode; the link passes the
    /// carry-over check (``carryOver(_:from:)``) before it replaces the staged file, which is
    /// kept otherwise.
    /// - Throws: ``OutputError``.
    package func reuseIfUnchanged(_ relativePath: String, in previous: PreviousPublication?) throws {
        guard let previous, let staged = files[relativePath], let listed = previous.output(relativePath),
              listed.bytes == staged.bytes, listed.sha256 == staged.sha256 else { return }
        let candidate = relativePath + ".previous"
        guard try stage(listed, from: previous, at: candidate) else { return }
        let from = Self.join(stagingDirectory, candidate)
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
