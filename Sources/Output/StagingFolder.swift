import Foundation
import Glibc
import PipelineModel

/// The folder a publication is staged in, for every write and every link, from any task: the
/// rendering jobs on every core create their own pages' files, and carry-over links files of the
/// current publication on every core.
///
/// Files are created with O_EXCL and O_NOFOLLOW (nothing planted is followed or overwritten),
/// their folders checked, hashed while written, and made durable by the publisher's `syncfs`
/// with the rest. Each call returns the digests of what it staged; the publisher lists them
/// only once recorded (``OutputPublisher/record(_:)``) on the task that owns it, so the
/// manifest holds exactly the files staged.
///
/// Obtain it from ``OutputPublisher/staging()``; use it only while the publisher is open.
///
/// Carrying a file of the current publication over is a hard link checked by its size and
/// modification time, not read: a full-register rerun does not read and hash again the
/// thousands of files it carries over. Why that is enough to go on: every file of a publication
/// is written (or linked, which keeps its mtime) before its manifest.json, so a file nobody
/// touched has an mtime no later than the manifest's. A file edited in place or replaced
/// afterwards, as editors save, gets a later mtime, and one of another length another size.
/// What the check cannot see, and would then publish under the manifest's old sha256: an edit
/// that keeps the size and puts the mtime back before the manifest's (`touch -r`, `cp -p`,
/// `rsync -a` of another file of that size), one made while the clock was set back, or one
/// within the same file-system clock tick as the manifest was written. Where links are refused,
/// the copy is hashed as it is written and the sha256 compared. A publication copied without
/// its times (`cp -r`) has files newer than its manifest: those are refused, which errs on the
/// safe side.
package struct StagingFolder: Sendable {
    /// The staging folder's full path.
    package let path: String

    /// Writes each of `files` at its relative path, creating its folders; returns their
    /// digests, in order.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` or ``OutputError/writeFailed(path:reason:)``.
    package func write(_ files: [(path: String, bytes: [UInt8])]) throws -> [RunManifest.FileDigest] {
        var known: Set<String> = []
        var digests: [RunManifest.FileDigest] = []
        digests.reserveCapacity(files.count)
        // A job's pages are mostly in one or two folders: a file in the same folder as the one
        // before needs only its name checked, not its folders made again.
        var lastFolder: Substring = ""
        for file in files {
            let target: String
            if !lastFolder.isEmpty, file.path.utf8.starts(with: lastFolder.utf8), Self.isPlainName(file.path.utf8.dropFirst(lastFolder.utf8.count)) {
                target = OutputPublisher.join(path, file.path)
            } else {
                target = try Self.makeParents(of: file.path, in: path, known: &known)
                lastFolder = file.path.lastIndex(of: "/").map { file.path[...$0] } ?? ""
            }
            digests.append(try Self.create(target, with: file.bytes, recordedAs: file.path))
        }
        return digests
    }

    /// Whether `name` is one path component that stays in its folder: not empty, `.` or `..`,
    /// without `/` or NUL.
    private static func isPlainName(_ name: Substring.UTF8View) -> Bool {
        guard !name.isEmpty, !name.elementsEqual(".".utf8), !name.elementsEqual("..".utf8) else { return false }
        return !name.contains { $0 == UInt8(ascii: "/") || $0 == 0 }
    }

    /// Creates the new file `target` holding `bytes` (O_EXCL, O_NOFOLLOW: nothing planted is
    /// followed or overwritten), in one write from the bytes in hand; returns its digest
    /// recorded under `relativePath`. On failure the file is left for the staging folder's
    /// removal.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` or ``OutputError/writeFailed(path:reason:)``.
    static func create(_ target: String, with bytes: [UInt8], recordedAs relativePath: String) throws -> RunManifest.FileDigest {
        let fd = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError.cannotCreate(path: target, reason: systemReason()) }
        do {
            try bytes.withUnsafeBytes { try writeFully(fd, $0, path: target) }
        } catch {
            _ = close(fd)
            throw error
        }
        // close(2) can report a delayed write error (NFS); it must fail the run too.
        guard close(fd) == 0 else { throw OutputError.writeFailed(path: target, reason: systemReason()) }
        return RunManifest.FileDigest(path: relativePath, contents: bytes)
    }

    /// Carries each of `entries` over from `current` to the same path: a hard link (a copy
    /// where links are refused), checked; returns the entries, the staged files' digests.
    ///
    /// What is checked is the staged link, the very file that will be published: a regular
    /// file of the entry's size modified no later than `current`'s manifest. A copy is hashed
    /// while written and compared with the entry's size and sha256.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` naming the current
    ///   publication's file when one does not match its entry (what this call staged is then
    ///   removed again); other ``OutputError``s when one cannot be linked or copied.
    package func link(_ entries: [RunManifest.FileDigest], from current: CurrentPublication) throws -> [RunManifest.FileDigest] {
        var known: Set<String> = []
        var staged: [String] = []
        staged.reserveCapacity(entries.count)
        do {
            for entry in entries {
                let target = try Self.makeParents(of: entry.path, in: path, known: &known)
                try Self.link(entry, from: current, at: target)
                staged.append(target)
            }
        } catch {
            for target in staged { _ = unlink(target) }
            throw error
        }
        return entries
    }

    /// Replaces the staged file at `relativePath` (a closed streaming file such as
    /// `rejects.csv`) with a link to `current`'s file `entry`, checked as ``link(_:from:)``
    /// checks; the staged file is kept when the check fails.
    /// - Throws: ``OutputError/cannotCarryOver(path:reason:)`` when it does not match; other
    ///   ``OutputError``s.
    package func replace(_ relativePath: String, withLinkTo entry: RunManifest.FileDigest,
                         from current: CurrentPublication) throws {
        let candidate = OutputPublisher.join(path, relativePath + ".current")
        try Self.link(entry, from: current, at: candidate)
        guard rename(candidate, OutputPublisher.join(path, relativePath)) == 0 else {
            let reason = systemReason()
            _ = unlink(candidate)
            throw OutputError.writeFailed(path: candidate, reason: reason)
        }
    }

    /// Opens `rejects.csv` in the staging folder for the task that aggregates, which owns it
    /// from then on; ``RejectsFileWriter/finish()`` gives the digest to record.
    /// - Throws: ``OutputError``.
    package func rejectsFile() throws -> RejectsFileWriter {
        var known: Set<String> = []
        let file = try Self.makeParents(of: RejectsFileWriter.fileName, in: path, known: &known)
        return try RejectsFileWriter(sink: try FileSink(creating: file))
    }

    /// Hard-links (or, where links are refused, copies) `current`'s file `entry` at `target`, a
    /// full path whose folder exists, and checks what is there.
    static func link(_ entry: RunManifest.FileDigest, from current: CurrentPublication, at target: String) throws {
        let source = current.folder + "/" + entry.path
        let difference: String?
        let linked: Bool
        do {
            linked = try hardLink(source, at: target)
        } catch {
            // A listed file that is gone does not match its entry either. Looked at only when
            // linking failed, so that the links of a carry-over cost no extra call.
            var status = stat()
            guard lstat(source, &status) != 0, errno == ENOENT else { throw error }
            throw OutputError.cannotCarryOver(path: source, reason: "the previous manifest lists it but it is missing")
        }
        if linked {
            difference = CurrentPublication.difference(of: target, from: entry, manifestModified: current.manifestModified)
        } else {
            let copied = try copy(source, to: target, recordedAs: entry.path)
            difference = copied.bytes == entry.bytes && copied.sha256 == entry.sha256 ? nil
                : "(\(copied.bytes) bytes, sha256 \(copied.sha256); the manifest says \(entry.bytes) bytes, sha256 \(entry.sha256))"
        }
        guard let difference else { return }
        // Gone again, so that what is staged instead can be created anew.
        _ = unlink(target)
        throw OutputError.cannotCarryOver(path: source, reason: "it does not match the previous manifest " + difference)
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
        try writeWhole(bytes, to: sink)
        return sink.digest(recordedAs: relativePath)
    }

    /// Writes `bytes` through `sink` and closes it; on failure the file is left for the
    /// staging folder's removal.
    static func writeWhole(_ bytes: some Collection<UInt8>, to sink: FileSink) throws {
        do {
            try sink.write(bytes)
            try sink.close()
        } catch {
            sink.discard()
            throw error
        }
    }

    /// `relativePath`'s full path in `staging`, after checking that it stays inside (no empty,
    /// `.` or `..` component) and creating its missing folders; `known` holds folders already
    /// made, so that each is made once. A component that exists as anything but a folder (a
    /// planted link) is refused.
    static func makeParents(of relativePath: String, in staging: String, known: inout Set<String>) throws -> String {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.isEmpty,
              components.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." && !$0.contains("\0") })
        else {
            throw OutputError.cannotCreate(path: OutputPublisher.join(staging, relativePath),
                                           reason: "not a relative path inside the output folder")
        }
        var folder = staging
        for component in components.dropLast() {
            folder = OutputPublisher.join(folder, String(component))
            if known.contains(folder) { continue }
            if mkdir(folder, 0o755) == 0 {
                known.insert(folder)
                continue
            }
            let code = errno
            var st = stat()
            guard code == EEXIST, lstat(folder, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError.cannotCreate(path: folder, reason: systemReason(code == EEXIST ? ENOTDIR : code))
            }
            known.insert(folder)
        }
        return OutputPublisher.join(staging, relativePath)
    }
}
