import Foundation
import Testing

/// The project's shared folder (the spec, the full register, make-export), which is not part of
/// the repository: `$ANNUAL_REVIEW_SHARED` when set, else `shared` beside the package root
/// (`../shared`, as CI lays it out).
///
/// A test that needs its files names them in ``requires(_:programs:)``; where one is missing
/// the test is skipped, saying what was not found where.
package enum SharedFolder {
    /// The folder, whether or not it exists.
    package static let url: URL = {
        if let path = ProcessInfo.processInfo.environment["ANNUAL_REVIEW_SHARED"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        return PackagePaths.root.deletingLastPathComponent().appendingPathComponent("shared")
    }()

    /// How ``url`` was chosen, for the reason a test is skipped.
    private static var origin: String {
        ProcessInfo.processInfo.environment["ANNUAL_REVIEW_SHARED"].map { !$0.isEmpty } == true
            ? "the shared folder from $ANNUAL_REVIEW_SHARED"
            : "../shared beside the package; set $ANNUAL_REVIEW_SHARED to look elsewhere"
    }

    /// `tools/make-export`, the independent oracle: writes an export and the outputs it must give.
    package static var makeExport: String { path("tools/make-export") }

    /// `reference/uk_local_authorities_current.csv`, the full register (mySociety's layout).
    package static var register: String { path("reference/uk_local_authorities_current.csv") }

    /// `reference/lookup_name_to_registry.csv`, the register's table of other names.
    package static var lookup: String { path("reference/lookup_name_to_registry.csv") }

    /// The path of `relative` in the folder, whether or not it exists.
    package static func path(_ relative: String) -> String {
        url.appendingPathComponent(relative).path
    }

    /// Why a test that needs `files` (paths in the folder) and `programs` (absolute paths)
    /// cannot run: the first that is missing and where it was looked for; nil when all are there.
    package static func missing(_ files: [String], programs: [String] = []) -> String? {
        if let file = files.first(where: { !FileManager.default.fileExists(atPath: path($0)) }) {
            return "needs \(file) of the shared folder: not found at \(path(file)) (\(origin))"
        }
        if let program = programs.first(where: { !FileManager.default.isExecutableFile(atPath: $0) }) {
            return "needs \(program): not found"
        }
        return nil
    }

    /// Runs a test or suite only when the folder holds every one of `files` (paths in it) and
    /// every one of `programs` (absolute paths) is there; otherwise it is skipped, saying which
    /// was not found where.
    package static func requires(_ files: String..., programs: [String] = []) -> ConditionTrait {
        let reason = missing(files, programs: programs)
        return .enabled(if: reason == nil, Comment(rawValue: reason ?? ""))
    }

    /// What the tests against make-export need: make-export, the full register with its other
    /// names, and `/usr/bin/python3` to run it.
    package static var requiresMakeExport: ConditionTrait {
        requires("tools/make-export", "reference/uk_local_authorities_current.csv",
                 "reference/lookup_name_to_registry.csv", programs: ["/usr/bin/python3"])
    }
}
