import Foundation
import TestSupport

/// A small tmpfs, for full and read-only file systems (root only).
struct TmpfsMount {
    let path: String

    static let isPossible: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let probe = try? TmpfsMount(kilobytes: 64) else { return false }
        probe.unmount()
        return true
    }()

    init(kilobytes: Int) throws {
        path = try TemporaryFolder("tmpfs").path
        let result = try ProcessRunner.run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", path])
        guard result.status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    /// Fills the file system with one file, so that the next file written to it fails (ENOSPC).
    func fill() throws {
        let filler = path + "/filler"
        _ = FileManager.default.createFile(atPath: filler, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: filler))
        while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
        try? handle.close()
    }

    func remountReadOnly() throws {
        let result = try ProcessRunner.run("/bin/mount", ["-o", "remount,ro", path])
        guard result.status == 0 else { throw CocoaError(.fileWriteNoPermission) }
    }

    func unmount() {
        _ = try? ProcessRunner.run("/bin/umount", [path])
        try? FileManager.default.removeItem(atPath: path)
    }
}
