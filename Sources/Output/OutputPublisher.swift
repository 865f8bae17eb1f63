import CFileSystem
import Crypto
import Foundation
import Glibc
import PipelineModel

/// One run's publication, from the lock to the exchange: the one owner of the lock, the list
/// of staged files that becomes the manifest, and the atomic exchange that publishes them.
///
/// Everything is written into a staging folder `.<name>.staging-<pid>` beside the destination
/// (so on the same file system) through its ``StagingFolder``, from any task; ``publish()``
/// makes every staged byte durable in one pass (`syncfs`, not one `fsync` per file: 15,000
/// files cost seconds one after another), swaps the staging folder with the destination in one
/// `renameat2(RENAME_EXCHANGE)` (a plain `rename` when the destination does not exist yet),
/// syncs the parent folder and removes the previous outputs.
///
/// A lock, `flock` on `.<name>.lock` beside the destination, keeps a second run off the same
/// destination: its initializer throws ``OutputError/locked(lockFile:holderPID:)`` at once. The
/// kernel frees the lock when the holder dies, and the next run removes the staging folders a
/// killed run left behind (one it cannot remove is skipped, and named by ``takeWarnings()``).
/// The lock file lives beside the folder, not in it, so that it survives the exchange. The
/// publication in the folder now, ``current``, is read under the lock.
///
/// Usage: stage the files (``staging()``, then ``record(_:)`` what was staged); write
/// `manifest.json` last (``writeManifest(_:)``); then ``publish()``. On any error, or when
/// there is nothing to publish (the current publication is up to date), ``abandon()`` (or let
/// the publisher go): the previous outputs stay byte-identical.
///
/// Confined to the one task that publishes (not `Sendable`); its ``StagingFolder`` is.
package final class OutputPublisher {
    /// The file that marks a staging folder as a run's own until it is published: a folder
    /// named like a stale staging folder is removed only with it (or with our manifest).
    package static let stagingMarker = OwnedFolder.stagingMarker

    /// The destination folder, as given (without trailing slashes).
    package let destination: String
    /// The staging folder the outputs are written into before ``publish()`` (once made: see
    /// ``init(destination:inputs:currentRequired:stage:)``).
    package private(set) var stagingDirectory: String
    /// The lock file beside the destination.
    package let lockFile: String
    /// The publication in the destination now, read under the lock; nil when there is none
    /// (or, unless it was required, when it cannot be read).
    package let current: CurrentPublication?
    /// Warnings not yet taken by ``takeWarnings()``.
    private var warnings: [String] = []

    private let parent: String
    var lockDescriptor: Int32
    var state = State.open
    var stagingMade = false
    /// The background write-back of the staged bytes, once started (``startWriteBack()``).
    var writeBack: WriteBack?
    /// The size and sha256 of every file staged, by relative path: taken from the bytes as they
    /// are written (or from the manifest entry of a file linked), so no staged file is read back.
    var files: [String: RunManifest.FileDigest] = [:]
    /// The staging folder, open for `syncfs` from before the first write, so that a write-back
    /// error of any staged file is reported when publishing.
    var stagingDescriptor: Int32 = -1

    enum State { case open, published, abandoned }

    /// Takes the lock on `destination`, checks that the folder is empty or one of our
    /// publications, reads the publication there, removes stale staging folders and (when
    /// `stage`) creates a new one; without `stage`, ``staging()`` creates it when first asked.
    ///
    /// `inputs` are the paths the run reads (exports, register, tables, templates): a
    /// destination that holds one of them is refused, since publishing replaces the whole folder.
    /// `currentRequired`: the run carries chosen years over (`--years`), so the current
    /// publication must be readable; otherwise a folder without a usable manifest is only a
    /// publication that every file is made anew for.
    ///
    /// - Throws: ``OutputError/locked(lockFile:holderPID:)`` when another run holds the lock;
    ///   ``OutputError/cannotCreate(path:reason:)`` when the lock file or staging folder cannot be
    ///   created, the destination exists and is not a folder, is a folder that is neither empty
    ///   nor a publication of annual-review, or holds one of `inputs`;
    ///   ``OutputError/cannotCarryOver(path:reason:)`` when the current publication is required
    ///   and cannot be read. Nothing is touched then.
    package init(destination: String, inputs: [String] = [], currentRequired: Bool = false, stage: Bool = true) throws {
        var dest = destination
        while dest.count > 1, dest.hasSuffix("/") { dest.removeLast() }
        let (parent, name) = Self.split(dest)
        guard !name.isEmpty, name != ".", name != "..", name != "/" else {
            throw OutputError.cannotCreate(path: destination, reason: "not a usable output folder name")
        }
        let lockFile = Self.join(parent, ".\(name).lock")

        var st = stat()
        if lstat(dest, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR {
            throw OutputError.cannotCreate(path: dest, reason: "exists and is not a folder")
        }

        let fd = try Self.lock(lockFile)
        var warnings: [String] = []
        let current: CurrentPublication?
        do {
            // Checked under the lock, so that no other run publishes in between.
            try OwnedFolder.checkReplaceable(dest, inputs: inputs)
            current = currentRequired ? try CurrentPublication.read(from: dest)
                : (try? CurrentPublication.read(from: dest)) ?? nil
            warnings = try Self.removeStaleStaging(in: parent, prefix: ".\(name).staging-")
        } catch {
            // Closing the descriptor releases the lock.
            _ = close(fd)
            throw error
        }
        self.destination = dest
        self.parent = parent
        self.lockFile = lockFile
        self.current = current
        self.stagingDirectory = Self.join(parent, ".\(name).staging-\(getpid())")
        self.lockDescriptor = fd
        self.warnings = warnings
        if stage { _ = try staging() }
    }

    /// The staging folder, created (and marked as ours) when first asked for.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` (the publisher is then abandoned),
    ///   ``OutputError/publishFailed(destination:reason:)`` when it is no longer open.
    package func staging() throws -> StagingFolder {
        try checkOpen()
        if !stagingMade {
            do {
                stagingDirectory = try Self.makeStaging(stagingDirectory)
                stagingMade = true
                try OwnedFolder.markStaging(stagingDirectory)
                stagingDescriptor = open(stagingDirectory, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
                guard stagingDescriptor >= 0 else {
                    throw OutputError.cannotCreate(path: stagingDirectory, reason: systemReason())
                }
            } catch {
                abandon()
                throw error
            }
        }
        return StagingFolder(path: stagingDirectory)
    }

    /// Creates the staging folder `preferred`, or, when a stale one of that name (same pid, an
    /// earlier run) could not be removed, the first free `<preferred>1`, `<preferred>2`, ...
    /// (still digits after `staging-`, so a later run recognises it as stale).
    private static func makeStaging(_ preferred: String) throws -> String {
        for attempt in 0 ..< 100 {
            let path = attempt == 0 ? preferred : preferred + "\(attempt)"
            if mkdir(path, 0o755) == 0 { return path }
            guard errno == EEXIST else { throw OutputError.cannotCreate(path: path, reason: systemReason()) }
        }
        throw OutputError.cannotCreate(path: preferred, reason: "it and 99 variants of its name exist; remove the stale "
                                       + "staging folders beside the output folder")
    }

    deinit {
        abandon()
    }

    /// What the publisher could not clean up since the last call (a stale staging folder, or the
    /// previous outputs after ``publish()``), each naming the folder, what blocks its removal and
    /// the command that removes it. The run carries on, since failing would fail every later run
    /// too; call after the initializer and after ``publish()`` to log them.
    package func takeWarnings() -> [String] {
        defer { warnings.removeAll() }
        return warnings
    }

    /// Writes a whole file into the staging folder at `relativePath` (such as
    /// `letters/2019-20/LCE.md`), creating its folders, and lists it.
    /// - Throws: ``OutputError/cannotCreate(path:reason:)`` or ``OutputError/writeFailed(path:reason:)``.
    package func writeFile(_ relativePath: String, _ bytes: [UInt8]) throws {
        try record(try staging().write([(relativePath, bytes)]))
    }

    /// Lists files staged through the ``StagingFolder``, so that the manifest and ``publish()``
    /// know them.
    /// - Throws: ``OutputError/publishFailed(destination:reason:)`` when the publisher is no
    ///   longer open.
    package func record(_ digests: [RunManifest.FileDigest]) throws {
        try checkOpen()
        for digest in digests { files[digest.path] = digest }
    }

    /// Writes `manifest.json`, made by `make` from the digests of every file staged so far
    /// (sorted by path); it is written last and does not list itself.
    /// - Throws: ``OutputError``, or what `make` throws.
    package func writeManifest(_ make: (_ outputs: [RunManifest.FileDigest]) throws -> RunManifest) throws {
        let manifest = try make(try stagedFileDigests())
        try writeFile("manifest.json", try manifest.jsonBytes())
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
        guard stagingMade, rename(Self.join(stagingDirectory, relativePath), path) == 0 else { return false }
        files[relativePath] = nil
        return true
    }

    /// The size and sha256 of every file staged so far, by relative path, sorted by path;
    /// taken from the bytes as they were written, so no file is read back.
    ///
    /// Call it just before writing `manifest.json`, which is written last and does not list itself.
    /// - Throws: ``OutputError/publishFailed(destination:reason:)`` when the publisher is closed.
    ///
    /// `only`, when given, limits the digests to those paths (the data package describes the
    /// top-level data files, not every letter).
    package func stagedFileDigests(only: Set<String>? = nil) throws -> [RunManifest.FileDigest] {
        try checkOpen()
        let chosen = only.map { wanted in files.filter { wanted.contains($0.key) } } ?? files
        return Self.sortedByPath(Array(chosen.values))
    }

    /// `digests` sorted by path, in the order of ``utf8Precedes(_:_:)``: the paths' bytes put
    /// in one buffer once and compared there, rather than each comparison taking hold of two
    /// strings, since the manifest's entries (one per file, 15,000 for a full register) are
    /// sorted on one core at the end of every run.
    static func sortedByPath(_ digests: [RunManifest.FileDigest]) -> [RunManifest.FileDigest] {
        var bytes: [UInt8] = []
        var bounds: [(start: Int, count: Int)] = []
        bounds.reserveCapacity(digests.count)
        for digest in digests {
            var path = digest.path
            path.withUTF8 { utf8 in
                bounds.append((bytes.count, utf8.count))
                bytes.append(contentsOf: utf8)
            }
        }
        let order = bytes.withUnsafeBufferPointer { all in
            bounds.withUnsafeBufferPointer { bounds in
                digests.indices.sorted { a, b in
                    let (x, y) = (bounds[a], bounds[b])
                    let common = min(x.count, y.count)
                    let order = common == 0 ? 0 : memcmp(all.baseAddress! + x.start, all.baseAddress! + y.start, common)
                    return order != 0 ? order < 0 : x.count < y.count
                }
            }
        }
        return order.map { digests[$0] }
    }

    /// Makes the staged outputs the destination's contents in one atomic step and releases the lock.
    ///
    /// Syncs the staging folder's file system, exchanges the
    /// staging folder with the destination (or renames it there when there is none yet), syncs
    /// the parent folder, then removes the previous outputs.
    /// - Throws: ``OutputError/writeFailed(path:reason:)`` or
    ///   ``OutputError/publishFailed(destination:reason:)``; the previous outputs are then intact
    ///   and the publisher is still open, to ``abandon()``.
    package func publish() throws {
        try checkOpen()
        guard stagingMade else {
            throw OutputError.publishFailed(destination: destination, reason: "nothing was staged")
        }
        // The marker tells a stale staging folder from a folder that is not ours; a
        // publication is recognised by its manifest instead.
        try OwnedFolder.unmarkStaging(stagingDirectory)
        stopWriteBack()
        // Every file and folder written so far reaches the disk in one pass, and a write-back
        // error of any of them since the staging folder was opened is reported here (Linux
        // 5.8+): nothing is published before every byte is durable.
        guard CFileSystem_syncfs(stagingDescriptor) == 0 else {
            throw OutputError.writeFailed(path: stagingDirectory, reason: systemReason())
        }

        var st = stat()
        let exists = lstat(destination, &st) == 0
        if exists {
            guard (st.st_mode & S_IFMT) == S_IFDIR else {
                throw OutputError.publishFailed(destination: destination, reason: "exists and is not a folder")
            }
            guard CFileSystem_renameExchange(stagingDirectory, destination) == 0 else {
                let code = errno
                let reason = code == EINVAL || code == ENOSYS
                    ? "the file system cannot exchange folders atomically (renameat2 RENAME_EXCHANGE): \(systemReason(code))"
                    : systemReason(code)
                throw OutputError.publishFailed(destination: destination, reason: reason)
            }
        } else {
            guard rename(stagingDirectory, destination) == 0 else {
                throw OutputError.publishFailed(destination: destination, reason: systemReason())
            }
        }
        state = .published
        // The new outputs are in place from here on: a failure to sync the parent is reported
        // but must not lead anyone to think the old outputs are still there.
        defer { releaseLock() }
        let syncError: (any Error)?
        do { try Self.syncFolder(parent); syncError = nil } catch { syncError = error }
        if exists, let failure = OwnedFolder.remove(stagingDirectory) {
            // The previous outputs now sit at the staging path. What cannot be removed keeps its
            // manifest, so the next run recognises it as stale, retries, and warns again.
            warnings.append(Self.cannotRemove(stagingDirectory, failure, what: "the previous outputs, moved aside to"))
        }
        if let syncError { throw syncError }
    }

    /// Drops the staged outputs (if any) and releases the lock; the destination is untouched. Does
    /// nothing after ``publish()`` or a previous ``abandon()``.
    package func abandon() {
        guard state == .open else { return }
        state = .abandoned
        stopWriteBack()
        // Our own new files: nothing here can resist removal that did not resist creation; a
        // folder left anyway is marked, and the next run removes it or says why.
        if stagingMade { _ = OwnedFolder.remove(stagingDirectory) }
        releaseLock()
    }

    // MARK: - Staging

    func checkOpen() throws {
        guard state == .open else {
            throw OutputError.publishFailed(destination: destination,
                                            reason: state == .published ? "already published" : "abandoned")
        }
    }
}
