import Foundation
import PipelineConfig

/// Checks the templates folder's `.mustache` files before Rendering reads them whole: each
/// must be a plain file (a link to one is fine) of at most ``maximumBytes``, so that a template
/// linked to `/dev/zero` or a huge file is a configuration error naming it, not a run that
/// reads without end (issue 16, class 4).
enum TemplateFolderCheck {
    /// The largest template read: ours are a few KB.
    static let maximumBytes = 1 << 20

    /// - Throws: ``ConfigurationError`` naming the first template that is not a plain file or is
    ///   larger than ``maximumBytes``. A folder that cannot be listed is left to Rendering, which
    ///   says so.
    static func check(_ folder: String) throws(ConfigurationError) {
        for path in templates(in: folder) {
            var st = stat()
            // stat, not lstat: Rendering follows links, so what the link leads to is what counts.
            guard stat(path, &st) == 0 else { continue }
            guard (st.st_mode & S_IFMT) == S_IFREG else {
                throw ConfigurationError(file: path, "not a plain file; a template must be one")
            }
            guard Int(st.st_size) <= maximumBytes else {
                throw ConfigurationError(file: path, "larger than \(maximumBytes) bytes, the cap for a template")
            }
        }
    }

    /// The paths of the `.mustache` files in `folder`, sorted; none when it cannot be listed.
    static func templates(in folder: String) -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return [] }
        return names.sorted().filter { $0.hasSuffix(".mustache") }.map { (folder as NSString).appendingPathComponent($0) }
    }
}
