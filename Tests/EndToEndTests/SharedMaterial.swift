import Foundation
import Testing

/// Where the project and the shared material (`../shared`: make-export, the full register)
/// are, for tests that need them. CI always has `../shared`; a clone elsewhere may not, and
/// the tests that need it are then skipped with that reason.
enum SharedMaterial {
    /// The package root (this file is Tests/EndToEndTests/SharedMaterial.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder: `$ANNUAL_REVIEW_SHARED`, else `../shared` beside the package.
    static let root: URL = {
        if let path = ProcessInfo.processInfo.environment["ANNUAL_REVIEW_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    static var makeExport: String { root.appendingPathComponent("tools/make-export").path }
    static var register: String { root.appendingPathComponent("reference/uk_local_authorities_current.csv").path }
    static var lookup: String { root.appendingPathComponent("reference/lookup_name_to_registry.csv").path }

    /// Whether make-export, the register and python3 are all there.
    static let isAvailable: Bool = {
        let fm = FileManager.default
        return fm.fileExists(atPath: makeExport) && fm.fileExists(atPath: register)
            && fm.fileExists(atPath: lookup) && fm.fileExists(atPath: "/usr/bin/python3")
    }()

    /// The reason given when the tests that need the shared material are skipped.
    static let skipReason: Comment = "needs ../shared (make-export and the full register), not found at \(root.path)"

    static func path(_ relative: String) -> String { packageRoot.appendingPathComponent(relative).path }
}
