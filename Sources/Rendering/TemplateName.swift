import Foundation

/// A field name of a template (`uphold`, a part of `a.b`) as a number, given when a template is
/// compiled, so that a look-up while rendering indexes a table (``TemplateFields``) instead of
/// comparing strings. The same name has the same number in every template of the process.
struct TemplateName: Sendable, Hashable {
    /// The name's number: the order in which the process first met it.
    let id: Int

    /// The number of `text`, given now if no template or context type has named it before.
    init(_ text: String) {
        id = Self.names.number(of: text)
    }

    private static let names = Names()

    /// The numbers given so far, shared by every thread that compiles a template or builds a
    /// table; read while rendering only through the tables built from them.
    private final class Names: @unchecked Sendable {
        private let lock = NSLock()
        private var numbers: [String: Int] = [:]

        func number(of text: String) -> Int {
            lock.withLock {
                if let number = numbers[text] { return number }
                let number = numbers.count
                numbers[text] = number
                return number
            }
        }
    }
}
