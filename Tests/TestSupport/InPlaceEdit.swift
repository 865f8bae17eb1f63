import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Edits a published file the way the carry-over check by size and modification time must
/// (or, by design, cannot) notice: one byte changed through the file itself (its inode, so
/// every hard link to it sees the change), the size kept, and the modification time either put
/// back or set after the publication's manifest was written.
package enum InPlaceEdit {
    /// What the edited file's modification time becomes.
    package enum Time {
        /// Its time before the edit, to the nanosecond: the edit the check cannot see.
        case putBack
        /// A second after the manifest of the publication in that folder was written. A person
        /// edits later than that; an edit within the same file-system clock tick as the
        /// manifest (a few milliseconds) keeps a time the check cannot tell from the manifest's.
        case afterTheManifest(inFolder: String)
    }

    /// Flips one bit of the second-last byte of the file at `path`, through the file, and sets
    /// its time; returns the bytes it then holds and its inode (unchanged).
    @discardableResult
    package static func flipAByte(of path: String, time: Time) throws -> (bytes: [UInt8], inode: UInt) {
        let before = try status(path)
        var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        bytes[bytes.count - 2] ^= 1
        try overwrite(path, with: bytes)
        try setModified(path, time, before: before.st_mtim)
        return (bytes, UInt(before.st_ino))
    }

    /// Sets `path`'s modification time as `time` says (`before`: its time before an edit).
    package static func setModified(_ path: String, _ time: Time, before: timespec) throws {
        switch time {
        case .putBack:
            try setModified(path, to: before)
        case .afterTheManifest(let folder):
            var later = try status(folder + "/manifest.json").st_mtim
            later.tv_sec += 1
            try setModified(path, to: later)
        }
    }

    /// The `lstat` of `path`.
    package static func status(_ path: String) throws -> stat {
        var st = stat()
        guard lstat(path, &st) == 0 else { throw CocoaError(.fileNoSuchFile) }
        return st
    }

    /// Sets `path`'s modification time to `time`, to the nanosecond (a `Date` would round it).
    package static func setModified(_ path: String, to time: timespec) throws {
        let accessed = try status(path).st_atim
        guard utimensat(AT_FDCWD, path, [accessed, time], 0) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    /// Replaces the bytes of the file at `path` through the file itself, as a program that
    /// rewrites a file in place does.
    package static func overwrite(_ path: String, with bytes: [UInt8]) throws {
        let fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC)
        guard fd >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { _ = close(fd) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == bytes.count else { throw CocoaError(.fileWriteUnknown) }
    }
}
