/// A run-level failure that is not a bad row: the executable maps each to an exit code.
public enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file does not exist.
    case inputMissing(path: String)
    /// A configuration file (register, lookup, population, rule table) is missing.
    case configurationMissing(path: String, what: String)

    public var description: String {
        switch self {
        case .inputMissing(let path): "\(path): no such input file"
        case .configurationMissing(let path, let what): "\(path): no such \(what) file"
        }
    }
}
