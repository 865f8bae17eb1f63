/// A setting's value as written: one scalar (a definition's `batch-size: 2048`, an option's
/// `--batch-size 2048`) or a definition's list of scalars (`inputs: [a.csv.gz, b.csv.gz]`).
package enum SettingInput: Sendable, Equatable {
    /// One scalar's text.
    case text(String)
    /// A list's items' texts, in order.
    case list([String])

    /// The items: a scalar is a list of one.
    var items: [String] {
        switch self {
        case .text(let text): [text]
        case .list(let items): items
        }
    }
}
