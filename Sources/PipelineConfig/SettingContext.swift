import Foundation

/// Where a setting's value was written, which decides how its paths are read: a definition's
/// relative paths are against its folder and its files are checked as it is loaded; an
/// option's paths are left as given (the working directory's) and checked when the run
/// prepares, so that a missing file is exit 66 either way.
package struct SettingContext: Sendable {
    /// The folder relative paths are resolved against; nil leaves them as given.
    let folder: URL?
    /// Whether the files a value names must exist now (and rule tables parse).
    let checkFiles: Bool
    /// Where the value was given, for an error in a file it names: `'decision-rules' in
    /// pipeline.yaml:3`, or `--decision-rules`.
    let origin: String

    /// A value of a definition in `folder`, given at `origin`.
    init(folder: URL, checkFiles: Bool, origin: String) {
        self.folder = folder
        self.checkFiles = checkFiles
        self.origin = origin
    }

    private init(origin: String) {
        folder = nil
        checkFiles = false
        self.origin = origin
    }

    /// The value of the command-line option `--option`.
    package static func commandLine(option: String) -> SettingContext { SettingContext(origin: "--" + option) }

    /// `path` made absolute against ``folder`` (`..` and `.` removed), or as given without one.
    func resolve(_ path: String) -> String {
        guard let folder else { return path }
        return URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
    }
}
