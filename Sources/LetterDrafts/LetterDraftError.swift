/// Why `annual-review letters` wrote nothing; every case names the file, folder, year, code or
/// program concerned and what to do.
package enum LetterDraftError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The folder is not a publication of annual-review, or a file of it is not the one its
    /// manifest records.
    case notAPublication(path: String, reason: String)
    /// The publication holds no partition for the year.
    case yearNotPublished(year: String, folder: String, published: [String])
    /// The year's tables have no row for the code.
    case unknownAuthority(code: String, year: String)
    /// The register or a template the publication was made from is gone or has other bytes
    /// since: the letters would not have the publication's words.
    case sourceChanged(path: String, reason: String)
    /// A letter rendered from the tables is not the publication's Markdown letter.
    case wordsDiffer(path: String, reason: String)
    /// The contacts table or the templates cannot be used.
    case configuration(String)
    /// A program the drafts need is not installed.
    case toolMissing(command: String, package: String, needed: String)
    /// A program failed on a file.
    case toolFailed(command: String, file: String, reason: String)
    /// The output folder holds files already, or cannot be made.
    case cannotCreate(path: String, reason: String)

    package var description: String {
        switch self {
        case let .notAPublication(path, reason):
            "\(path): not a publication of annual-review: \(reason)"
        case let .yearNotPublished(year, folder, published):
            "\(folder): the publication holds no year \(year) (it holds \(published.isEmpty ? "none" : published.joined(separator: ", ")))"
        case let .unknownAuthority(code, year):
            "--authorities: \(code) has no row in \(year)'s authority_year.csv (codes are the register's, as in the letters' file names)"
        case let .sourceChanged(path, reason):
            "\(path): \(reason); the letters would not have the publication's words"
        case let .wordsDiffer(path, reason):
            "\(path): \(reason)"
        case let .configuration(reason):
            reason
        case let .toolMissing(command, package, needed):
            "\(command) is not installed; \(needed) needs it: install the Debian package \(package) (apt-get install \(package))"
        case let .toolFailed(command, file, reason):
            "\(command) failed on \(file): \(reason)"
        case let .cannotCreate(path, reason):
            "\(path): cannot write the letters there: \(reason)"
        }
    }
}
