/// What a setting's path names for the run to read (`name lookup`, a file; the templates, a
/// folder): every such path is checked to exist before the run reads it, hashed into the
/// manifest and the source fingerprint when it is a file, and kept apart from the output folder,
/// whichever setting names it.
package struct PathRead: Sendable, Equatable {
    /// A file or a folder.
    package enum Kind: Sendable, Equatable {
        /// A file (a table, a rule table).
        case file
        /// A folder (the templates).
        case folder
    }

    /// A file or a folder.
    package let kind: Kind
    /// What it is, for an error: `no such name lookup file`.
    package let what: String
}
