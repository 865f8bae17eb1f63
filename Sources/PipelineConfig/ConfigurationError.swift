/// A configuration file that cannot be used: the run stops before any data is read.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file at fault.
    public let file: String
    /// The line, when known (1-based).
    public let line: Int?
    /// What is wrong, naming the key or value.
    public let reason: String

    /// An error in `file` at `line`.
    public init(file: String, line: Int? = nil, _ reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    public var description: String {
        "\(file)\(line.map { ":\($0)" } ?? ""): \(reason)"
    }
}
