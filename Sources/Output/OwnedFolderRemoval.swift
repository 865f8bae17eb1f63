import Glibc

extension OwnedFolder {
    /// What stopped ``remove(_:)`` from removing a whole folder.
    struct RemovalFailure: Equatable {
        /// The first file or folder that could not be removed.
        let path: String
        /// Why, as the system said it.
        let reason: String
    }

    /// Removes the folder at `path`, one of ours (a stale staging folder, or the previous outputs
    /// moved aside by a publication), as far as it can; returns the first thing that could not be
    /// removed, or nil when the folder is gone.
    ///
    /// It carries on past a failure (clean up what we can), and removes the marks of ownership
    /// (the staging marker and `manifest.json`) only once everything else is gone: a folder that
    /// cannot be emptied (another user's files, an immutable file, a mount point) stays
    /// recognisable, so the next run retries and says why instead of leaving it silently.
    static func remove(_ path: String) -> RemovalFailure? {
        var failure: RemovalFailure?
        func note(_ failed: [UInt8], _ code: Int32) {
            if failure == nil {
                failure = RemovalFailure(path: String(decoding: failed, as: UTF8.self), reason: systemReason(code))
            }
        }
        let folder = Array(path.utf8)
        let marks = [stagingMarker, "manifest.json"].map { Array($0.utf8) }
        removeContents(of: folder, keeping: Set(marks), note)
        guard failure == nil else { return failure }
        for mark in marks {
            let markPath = folder + [UInt8(ascii: "/")] + mark
            if withCString(markPath, { unlink($0) }) != 0, errno != ENOENT { note(markPath, errno) }
        }
        if withCString(folder, { rmdir($0) }) != 0, errno != ENOENT { note(folder, errno) }
        return failure
    }

    /// Removes every entry of the folder `path` except the names in `keeping`, depth first;
    /// never follows a link (a link is removed, not what it points to). Names are kept as bytes,
    /// so that a name that is not UTF-8 is removed like any other.
    private static func removeContents(of path: [UInt8], keeping: Set<[UInt8]> = [],
                                       _ note: (_ path: [UInt8], _ code: Int32) -> Void) {
        guard let dir = withCString(path, { opendir($0) }) else {
            if errno != ENOENT { note(path, errno) }
            return
        }
        var names: [[UInt8]] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            if name != [0x2E], name != [0x2E, 0x2E], !keeping.contains(name) { names.append(name) }
        }
        closedir(dir)
        for name in names {
            let child = path + [UInt8(ascii: "/")] + name
            var st = stat()
            guard withCString(child, { lstat($0, &st) }) == 0 else {
                if errno != ENOENT { note(child, errno) }
                continue
            }
            if (st.st_mode & S_IFMT) == S_IFDIR {
                removeContents(of: child, note)
                // ENOTEMPTY: what is left inside was noted already.
                if withCString(child, { rmdir($0) }) != 0, errno != ENOENT, errno != ENOTEMPTY { note(child, errno) }
            } else if withCString(child, { unlink($0) }) != 0, errno != ENOENT {
                note(child, errno)
            }
        }
    }

    private static func withCString<T>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> T) -> T {
        (path + [0]).withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
