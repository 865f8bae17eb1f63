import Foundation
import TestSupport

/// A command from a Debian package that a test checks our files with (`promtool`,
/// `systemd-analyze`): found on the path, or installed with apt-get when the tests run as root.
struct DebianTool: Sendable {
    /// The command's path; nil when it is missing and could not be installed.
    let path: String?
    /// Why it is missing, for the skipped test's comment.
    let reason: String

    /// Finds `command`, installing `package` (`apt-get install --no-install-recommends`) when
    /// it is missing, apt-get is there and the tests run as root.
    init(command: String, package: String) {
        func find() -> String? {
            ["/usr/bin/", "/usr/sbin/", "/bin/", "/usr/local/bin/"].map { $0 + command }
                .first { FileManager.default.isExecutableFile(atPath: $0) }
        }
        if let found = find() {
            path = found
            reason = ""
            return
        }
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") else {
            path = nil
            reason = "needs \(command) (Debian package \(package)); not installed, and not root to install it"
            return
        }
        // Another test process may be installing at the same time: wait for dpkg's lock.
        _ = try? ProcessRunner.run("/usr/bin/apt-get",
                                   ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "--no-install-recommends", package],
                                   environment: ["DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        path = find()
        reason = path == nil ? "needs \(command) (Debian package \(package)); apt-get install \(package) failed" : ""
    }
}
