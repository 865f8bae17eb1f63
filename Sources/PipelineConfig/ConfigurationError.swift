/// A configuration file that cannot be used: the run stops before any data is read.
package struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault.
    package let file: String
    /// The line, when known (1-based).
    package let line: Int?
    /// What is wrong, naming the key or value.
    package let reason: String

    /// An error in `file` at `line`.
    package init(file: String, line: Int? = nil, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    package var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}
