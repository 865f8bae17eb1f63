/// A configuration file that cannot be used: the run stops before any data is read.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of fault it is, for the exit code.
    package enum Kind: Sendable, Equatable {
        /// The file is there but wrong (exit 78).
        case invalid
        /// A file to read is missing (exit 66), whether it was named on the command line or in a
        /// pipeline definition: the same fault whichever route named it.
        case missingFile
    }

    /// The file at fault.
    package let file: String
    /// The line, when known (1-based).
    package let line: Int?
    /// What is wrong, naming the key or value.
    package let reason: String
    /// Whether the file is wrong or missing.
    package let kind: Kind

    /// An error in `file` at `line`.
    package init(file: String, line: Int? = nil, _ reason: String, kind: Kind = .invalid) {
        self.file = file
        self.line = line
        self.reason = reason
        self.kind = kind
    }

    package var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}
