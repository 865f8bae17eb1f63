import Foundation
import TestSupport

/// A Python module that a test reads our files with (python-docx's `docx`): importable, or
/// installed from PyPI with pip, else from Debian (`python3-docx`) when the tests run as root.
struct PythonModule: Sendable {
    /// Whether `python3 -c "import MODULE"` works.
    let isAvailable: Bool
    /// Why it is missing, for the skipped test's comment.
    let reason: String

    /// Finds `module`, installing the PyPI `package` (or the Debian `debianPackage`) when missing.
    init(module: String, package: String, debianPackage: String) {
        func importable() -> Bool {
            (try? ProcessRunner.run("/usr/bin/env", ["python3", "-c", "import \(module)"]).status) == 0
        }
        if importable() {
            isAvailable = true
            reason = ""
            return
        }
        // Debian's Python refuses a system-wide pip install (PEP 668) unless told otherwise.
        for arguments in [["-m", "pip", "install", "--quiet", "--disable-pip-version-check", package],
                          ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--break-system-packages", package]] {
            _ = try? ProcessRunner.run("/usr/bin/env", ["python3"] + arguments)
            if importable() {
                isAvailable = true
                reason = ""
                return
            }
        }
        if getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/apt-get") {
            _ = try? ProcessRunner.run("/usr/bin/apt-get",
                                       ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "-qq", "--no-install-recommends", debianPackage],
                                       environment: ["DEBIAN_FRONTEND": "noninteractive", "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"])
        }
        isAvailable = importable()
        reason = isAvailable ? "" : "needs the python module \(module) (pip install \(package), or apt-get install \(debianPackage))"
    }
}
