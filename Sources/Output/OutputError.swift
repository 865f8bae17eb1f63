// Linux only, like CFileSystem's renameat2.
import Glibc

/// Why writing or publishing the outputs failed; every case names the file or folder concerned.
package enum OutputError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A file, folder or the lock file could not be created at `path`.
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or syncing the file at `path` failed (disk full, I/O error, ...).
    case writeFailed(path: String, reason: String)
    /// A file could not be read: to hash it (configuration, the program), or to copy it from the
    /// current publication where hard links are refused.
    case readFailed(path: String, reason: String)
    /// Another run holds the lock on the same destination; `holderPID` is nil when the holder
    /// had not yet written its pid into `lockFile`.
    case locked(lockFile: String, holderPID: Int32?)
    /// The staged outputs could not be moved into `destination`; the previous outputs are intact.
    case publishFailed(destination: String, reason: String)
    /// A year of the current publication cannot be carried over: the file at `path` does not
    /// match the previous manifest, or the publication cannot be partitioned (`reason` says
    /// which). Nothing is published.
    case cannotCarryOver(path: String, reason: String)

    /// A one-line message naming the file or folder and the reason.
    package var description: String {
        switch self {
        case let .cannotCreate(path, reason):
            "cannot create \(path): \(reason)"
        case let .writeFailed(path, reason):
            "cannot write \(path): \(reason)"
        case let .readFailed(path, reason):
            "cannot read \(path): \(reason)"
        case let .locked(lockFile, pid?):
            "another run (pid \(pid)) is writing the same outputs; it holds the lock \(lockFile)"
        case let .locked(lockFile, nil):
            "another run is writing the same outputs; it holds the lock \(lockFile)"
        case let .publishFailed(destination, reason):
            "cannot publish the outputs to \(destination): \(reason)"
        case let .cannotCarryOver(path, reason):
            "cannot carry over \(path) from the current publication: \(reason); nothing was published"
        }
    }
}

/// The text of the current `errno`.
func systemReason(_ code: Int32 = errno) -> String {
    String(cString: strerror(code))
}
