import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A file this process cannot remove, standing for a stale folder owned by another user: as
/// root (whom permission bits do not stop) the file is made immutable with `chattr +i`; as
/// anyone else its folder is made read-only. ``release()`` undoes it so the test can clean up.
package struct UnremovableFile: Sendable {
    /// The file.
    package let path: String
    private let immutable: Bool

    /// Whether this process can make a file unremovable here: anyone but root can; root needs
    /// chattr and a file system with the immutable flag (ext4, xfs, btrfs; not tmpfs or overlayfs).
    package static let isPossible: Bool = {
        guard geteuid() == 0 else { return true }
        guard let probe = try? TemporaryFolder("chattr-probe") else { return false }
        defer { probe.remove() }
        guard let file = try? probe.write("probe\n", to: "probe"), let made = try? UnremovableFile(file) else { return false }
        let removable = unlink(file) == 0
        made.release()
        return !removable
    }()

    /// Makes the file at `path` unremovable.
    package init(_ path: String) throws {
        self.path = path
        immutable = geteuid() == 0
        if immutable {
            try Self.chattr("+i", path)
        } else {
            guard chmod((path as NSString).deletingLastPathComponent, 0o555) == 0 else {
                throw CocoaError(.fileWriteNoPermission)
            }
        }
    }

    /// The same file after a rename moved it to `path` (a publication moved aside), so that
    /// ``release()`` reaches it there.
    package func moved(to path: String) -> UnremovableFile {
        UnremovableFile(path: path, immutable: immutable)
    }

    private init(path: String, immutable: Bool) {
        self.path = path
        self.immutable = immutable
    }

    /// Makes the file removable again.
    package func release() {
        if immutable {
            try? Self.chattr("-i", path)
        } else {
            _ = chmod((path as NSString).deletingLastPathComponent, 0o755)
        }
    }

    private static func chattr(_ flag: String, _ path: String) throws {
        guard try ProcessRunner.run("/usr/bin/chattr", [flag, path]).status == 0 else {
            throw CocoaError(.fileWriteNoPermission)
        }
    }
}
