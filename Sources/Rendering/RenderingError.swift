/// What stops publishing: a template that is missing, unreadable or not valid Mustache.
///
/// Each case names the file, so that the analyst who edited `pipelines/templates/` knows where
/// to look; the command line maps these to exit code 78 (bad configuration).
package enum RenderingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The templates folder cannot be listed.
    case templateFolderUnreadable(folder: String, reason: String)
    /// A template the writers need is not in the folder.
    case templateMissing(file: String)
    /// A template file cannot be read, or is not UTF-8.
    case templateUnreadable(file: String, reason: String)
    /// A template is not valid Mustache.
    case templateSyntax(file: String, line: Int, column: Int, reason: String)

    package var description: String {
        switch self {
        case let .templateFolderUnreadable(folder, reason):
            "cannot read the templates folder \(folder): \(reason)"
        case let .templateMissing(file):
            "template \(file) is missing"
        case let .templateUnreadable(file, reason):
            "cannot read template \(file): \(reason)"
        case let .templateSyntax(file, line, column, reason):
            "template \(file), line \(line), column \(column): \(reason)"
        }
    }
}
