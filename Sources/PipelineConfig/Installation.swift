import Foundation
package import PipelineModel

/// Where the program's own files are (the default rule tables and templates) and which build
/// it is, found relative to the executable so that it runs from any working directory.
///
/// Two layouts, tried in order:
/// - installed by `scripts/install PREFIX`: the binary in `PREFIX/bin`, its files in
///   `PREFIX/share/annual-review/` (`rules/`, `templates/`, and `commit`, the git commit the
///   install built);
/// - a build tree (`swift build`): the binary under `.build/`, its files in the package's
///   `pipelines/` folder, found by walking up from the binary.
///
/// PREFIX/share rather than SwiftPM resources: on Linux a resource bundle is a folder that
/// must sit beside the binary in `bin/` (or at the build path compiled into it), which no Unix
/// layout has room for; the rule tables and templates are files an analyst reads and edits
/// (`pipelines/`), so they are installed as files where `man hier` puts read-only data.
package enum Installation {
    /// The folder holding `rules/` and `templates/`: `PREFIX/share/annual-review` or the build
    /// tree's `pipelines`; nil when neither is found beside the executable.
    package static let dataFolder: String? = findDataFolder(executable: executablePath)

    /// The program's version and commit.
    package static let build = BuildInfo(version: RunDefaults.version, commit: recordedCommit(in: dataFolder))

    /// `relative` (`rules/decisions.yaml`) in ``dataFolder``, or nil without one.
    package static func file(_ relative: String) -> String? {
        dataFolder.map { $0 + "/" + relative }
    }

    /// Where ``dataFolder`` was looked for, for the error when it was not found: the installed
    /// layout beside the binary, then a build tree's `pipelines/` above it.
    package static var placesSearched: [String] {
        guard let executable = executablePath else { return ["(the executable's path is unknown: no /proc/self/exe)"] }
        let binFolder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        return [binFolder.deletingLastPathComponent().appendingPathComponent("share/annual-review").path,
                "pipelines/ beside a Package.swift in \(binFolder.path) or a folder above it"]
    }

    /// The running executable's real path (`/proc/self/exe`, links resolved).
    static var executablePath: String? {
        guard let resolved = realpath("/proc/self/exe", nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The data folder for the executable at `executable`; see the type's summary.
    static func findDataFolder(executable: String?) -> String? {
        guard let executable else { return nil }
        let binFolder = URL(fileURLWithPath: executable).deletingLastPathComponent()
        let installed = binFolder.deletingLastPathComponent().appendingPathComponent("share/annual-review").path
        if holdsRuleTables(installed) { return installed }
        var folder = binFolder
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("pipelines").path
            if holdsRuleTables(candidate), FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return candidate
            }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    /// The commit `scripts/install` recorded in `dataFolder/commit`, or
    /// ``BuildInfo/unknownCommit``: a build tree's sources may have changed since its binary
    /// was built, so its commit is not guessed from git.
    static func recordedCommit(in dataFolder: String?) -> String {
        guard let dataFolder, let text = try? String(contentsOfFile: dataFolder + "/commit", encoding: .utf8) else {
            return BuildInfo.unknownCommit
        }
        let commit = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // 40 hex digits, maybe `-dirty`: anything else is not what the install script writes.
        let hex = commit.hasSuffix("-dirty") ? String(commit.dropLast(6)) : commit
        guard hex.count == 40, hex.allSatisfy(\.isHexDigit) else { return BuildInfo.unknownCommit }
        return commit
    }

    private static func holdsRuleTables(_ folder: String) -> Bool {
        FileManager.default.fileExists(atPath: folder + "/rules/decisions.yaml")
    }
}
