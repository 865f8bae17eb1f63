/// Which program made a publication or a run's records: its version and the git commit it was
/// built from.
package struct BuildInfo: Sendable, Equatable, Codable {
    /// The program's version (``RunDefaults/version`` for this build).
    package var version: String
    /// The git commit the binary was built from (40 hex digits, `-dirty` when the work tree had
    /// changes), or ``unknownCommit`` for a development build that nobody recorded one for.
    package var commit: String

    /// What a binary says when no commit was recorded for it (`swift build` in a work tree).
    package static let unknownCommit = "unknown"

    /// A build; see the properties.
    package init(version: String, commit: String) {
        self.version = version
        self.commit = commit
    }
}
