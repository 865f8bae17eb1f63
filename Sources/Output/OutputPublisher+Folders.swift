import Foundation
import Glibc

// Paths and folders beside the destination: the staging folder's name, the stale staging
// folders an earlier (killed) run left, and syncing a folder.
extension OutputPublisher {
    /// Removes every `<prefix><pid>` entry of `parent` that a run of ours left: called with the
    /// lock held, so none of them belongs to a live run on this destination. Returns a warning
    /// for each that could not be removed (owned by another user, an immutable file, a mount
    /// point): the run carries on with a staging folder of another name, since failing here
    /// would fail every later run too, until someone removed the folder.
    static func removeStaleStaging(in parent: String, prefix: String) throws -> [String] {
        guard let dir = opendir(parent) else {
            throw OutputError.cannotCreate(path: parent, reason: systemReason())
        }
        var stale: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix) else { continue }
            let suffix = name.dropFirst(prefix.count)
            // Digits only: `.out.staging-1.staging-7` belongs to a destination named `out.staging-1`.
            if !suffix.isEmpty, suffix.allSatisfy({ $0.isASCII && $0.isNumber }) { stale.append(name) }
        }
        closedir(dir)
        var warnings: [String] = []
        for name in stale.sorted() {
            let path = join(parent, name)
            // Only what a run of ours left: a staging folder (its marker) or the previous
            // outputs moved aside by a publication (their manifest). Anything else with that
            // name, a link included, is left alone.
            guard OwnedFolder.isStaleStaging(path) else { continue }
            if let failure = OwnedFolder.remove(path) {
                warnings.append(cannotRemove(path, failure, what: "the stale staging folder"))
            }
        }
        return warnings
    }

    /// The warning for a folder of ours that could not be removed: which, what blocks it, and
    /// how to remove it by hand.
    static func cannotRemove(_ path: String, _ failure: OwnedFolder.RemovalFailure, what: String) -> String {
        "cannot remove \(what) \(path): \(failure.path): \(failure.reason). Runs carry on without it (each stages "
            + "under a new name) and retry its removal, but it takes disk space: remove it as its owner or as root with "
            + "rm -rf -- '\(path)' (if that says 'Operation not permitted', look for immutable files with "
            + "lsattr -R and clear them with chattr -i, or a mount point inside it)"
    }

    static func syncFolder(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw OutputError.writeFailed(path: path, reason: systemReason()) }
        defer { _ = close(fd) }
        guard fsync(fd) == 0 else { throw OutputError.writeFailed(path: path, reason: systemReason()) }
    }

    /// The staging folder this process uses for `destination`: `.<name>.staging-<pid>` beside it.
    ///
    /// For a last-resort clean-up when the publisher's own task cannot run any more (a stage
    /// stuck in a blocking read when the process must stop).
    /// - Note: When an unremovable stale folder held this name, the publisher staged under
    ///   `<name>1` (or later) instead; that folder is then left for the next run, which removes
    ///   it as a stale staging folder (it is marked).
    package static func stagingDirectory(forDestination destination: String) -> String {
        var dest = destination
        while dest.count > 1, dest.hasSuffix("/") { dest.removeLast() }
        let (parent, name) = split(dest)
        return join(parent, ".\(name).staging-\(getpid())")
    }

    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }}
