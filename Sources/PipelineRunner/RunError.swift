/// A run-level failure that is not a bad row: the executable maps each to an exit code.
package enum RunError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An input file does not exist.
    case inputMissing(path: String)
    /// More rows were rejected than the limit allows: nothing was published.
    case rejectLimitExceeded(rejected: Int, read: Int, limit: Double, keptRejects: String)
    /// Fewer data rows were read than the minimum: nothing was published.
    case tooFewRows(read: Int, minimum: Int)

    package var description: String {
        switch self {
        case .inputMissing(let path): "\(path): no such input file"
        case .rejectLimitExceeded(let rejected, let read, let limit, let kept):
            "rejected \(rejected) of \(read) rows (\(Self.percent(rejected, read))), over the limit of "
                + "\(Self.format(limit * 100))%: nothing published (the rejects are kept in \(kept))"
        case .tooFewRows(let read, let minimum):
            "read \(read) data rows, fewer than the minimum of \(minimum): nothing published"
        }
    }

    private static func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "0%" : "\(format(Double(part) * 100 / Double(whole)))%"
    }

    private static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }
}
