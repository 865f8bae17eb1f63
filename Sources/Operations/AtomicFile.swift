import Foundation

/// Writes a small file that other programs read while it may be replaced (the Prometheus
/// textfile, the last-run report): they see the old whole file or the new whole file, never
/// a half-written one.
enum AtomicFile {
    /// Why a file could not be written; the previous file, if any, stays as it was.
    struct Failure: Error {
        /// What went wrong, with the system's reason.
        let reason: String
    }

    /// Refuses a path that exists and is not a plain file: the rename would replace whatever is
    /// there (`--metrics-file /dev/null`, run as root, must not replace the device, nor a
    /// folder's link be swapped for a file).
    static func checkReplaceable(_ path: String) throws(Failure) {
        var st = stat()
        if lstat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFREG {
            throw Failure(reason: "it exists and is not a plain file; name a file of its own")
        }
    }

    /// Writes `bytes` at `path`: a temporary file in the same folder (a dot name ending in
    /// `.tmp-<pid>`, so that a collector reading `*.prom` or `*.json` never reads it), fsync,
    /// rename over `path`, fsync of the folder.
    ///
    /// With `reserve`, the write also works on a full file system: each write leaves a spare
    /// file of `reserve` bytes (`.NAME.spare`) whose blocks are already allocated, and the next
    /// write fills that spare in place and renames it, so it needs no new block. A run that
    /// failed because the disk is full (exit 74) can still say so.
    static func write(_ bytes: [UInt8], to path: String, reserve: Int? = nil) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/." + url.lastPathComponent + ".tmp-\(getpid())"
        let spare = folder + "/." + url.lastPathComponent + ".spare"
        func failure(_ what: String) -> Failure {
            Failure(reason: "\(what): \(String(cString: strerror(errno)))")
        }
        defer { if let reserve { makeSpare(spare, bytes: reserve) } }
        // The spare, when there is one of ours big enough: a plain file (O_NOFOLLOW, fstat),
        // written from its start and then cut to size (cutting frees blocks, never needs one).
        if reserve != nil, let fd = openSpare(spare, fitting: bytes.count) {
            var error: Failure?
            if pwriteAll(fd, bytes) == false {
                error = failure("cannot write \(spare)")
            } else if ftruncate(fd, off_t(bytes.count)) != 0 {
                error = failure("cannot truncate \(spare)")
            } else if fsync(fd) != 0 {
                error = failure("cannot sync \(spare)")
            }
            if close(fd) != 0, error == nil { error = failure("cannot close \(spare)") }
            if error == nil, rename(spare, path) == 0 {
                syncFolder(folder)
                return
            }
            // A spare that failed is no use to anyone: the ordinary way below may still work.
            unlink(spare)
        }
        // A new file only (O_EXCL, O_NOFOLLOW): a link planted at the temporary name is never
        // followed. One left by a killed run of this pid is removed (unlink removes a link,
        // not its target) and the name tried once more.
        func create() -> Int32 { open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644) }
        var fd = create()
        if fd < 0, errno == EEXIST, unlink(temporary) == 0 { fd = create() }
        guard fd >= 0 else { throw failure("cannot create \(temporary)") }
        var error: Failure?
        if !writeAll(fd, bytes) {
            error = failure("cannot write \(temporary)")
        } else if fsync(fd) != 0 {
            error = failure("cannot sync \(temporary)")
        }
        if close(fd) != 0, error == nil { error = failure("cannot close \(temporary)") }
        if error == nil, rename(temporary, path) != 0 { error = failure("cannot rename \(temporary) to \(path)") }
        if let error {
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// The rename is durable once the folder is synced; a failure here loses nothing now.
    private static func syncFolder(_ folder: String) {
        let folderFD = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            _ = close(folderFD)
        }
    }

    /// The spare at `path` opened for writing, if it is a plain file of at least `count` bytes.
    private static func openSpare(_ path: String, fitting count: Int) -> Int32? {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= count else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Makes a spare of `bytes` zero bytes at `path` (written, not sparse: its blocks must be
    /// allocated now), unless one is there; on a full disk there is none until space returns.
    private static func makeSpare(_ path: String, bytes: Int) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        let ok = writeAll(fd, [UInt8](repeating: 0, count: bytes)) && fsync(fd) == 0
        close(fd)
        if !ok { unlink(path) }
    }

    /// Writes all of `bytes` from the file's start.
    private static func pwriteAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return true }
            var offset = 0
            while offset < buffer.count {
                let written = pwrite(fd, base + offset, buffer.count - offset, off_t(offset))
                if written > 0 {
                    offset += written
                } else if !(written < 0 && errno == EINTR) {
                    return false
                }
            }
            return true
        }
    }
}
