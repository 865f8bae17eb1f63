import Foundation
import Glibc

// The lock that keeps a second run off the same destination: `flock` on `.<name>.lock` beside
// it, holding the holder's pid for the error another run prints.
extension OutputPublisher {

    static func lock(_ lockFile: String) throws -> Int32 {
        // O_NOFOLLOW: a symbolic link planted at the lock's name must not lead us to truncate
        // the file it points to (ELOOP then). A planted hard link or special file is refused
        // before anything is written.
        let fd = open(lockFile, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            let code = errno
            // A lock left by a run as another user (root, once) would fail every later run: it
            // holds nothing but a pid, so say that removing it is the way out.
            var existing = stat()
            let reason = switch code {
            case ELOOP: "it is a symbolic link; remove it"
            case EACCES where lstat(lockFile, &existing) == 0:
                "\(systemReason(code)); it holds no data (only the pid of a run): when no run is going, remove it "
                    + "as its owner or root with rm -- '\(lockFile)'"
            default: systemReason(code)
            }
            throw OutputError.cannotCreate(path: lockFile, reason: reason)
        }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, st.st_nlink == 1 else {
            _ = close(fd)
            throw OutputError.cannotCreate(path: lockFile, reason: "not a plain file of its own (a special file or "
                                           + "a hard link to another file); remove it")
        }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            _ = close(fd)
            if code == EWOULDBLOCK || code == EAGAIN {
                throw OutputError.locked(lockFile: lockFile, holderPID: holderPID(lockFile))
            }
            throw OutputError.cannotCreate(path: lockFile, reason: systemReason(code))
        }
        let pid = Array("\(getpid())\n".utf8)
        let wrote = ftruncate(fd, 0) == 0 && pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } == pid.count
        guard wrote else {
            let reason = systemReason()
            _ = close(fd)
            throw OutputError.writeFailed(path: lockFile, reason: reason)
        }
        return fd
    }

    /// The pid written in the lock file by its holder; retried briefly because the holder
    /// writes it just after taking the lock.
    private static func holderPID(_ lockFile: String) -> Int32? {
        for attempt in 0 ..< 20 {
            if attempt > 0 { usleep(5_000) }
            let fd = open(lockFile, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            guard fd >= 0 else { return nil }
            var bytes = [UInt8](repeating: 0, count: 32)
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            _ = close(fd)
            guard n > 0 else { continue }
            let text = String(decoding: bytes[..<n], as: UTF8.self)
            if let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) { return pid }
        }
        return nil
    }

    func releaseLock() {
        if stagingDescriptor >= 0 {
            _ = close(stagingDescriptor)
            stagingDescriptor = -1
        }
        guard lockDescriptor >= 0 else { return }
        // Clear the pid while still holding the lock, so that it never names a finished run.
        _ = ftruncate(lockDescriptor, 0)
        _ = close(lockDescriptor)
        lockDescriptor = -1
    }}
