import Glibc
import Yams

/// Reads a YAML configuration file (a pipeline definition, a rule table) within bounds: at most
/// ``maximumBytes``, and no anchors or aliases.
///
/// Both limits keep a mistaken or hostile file (`/dev/zero`, a "billion laughs" document whose
/// aliases expand exponentially when walked) to the memory and time of an ordinary one. Our
/// files are a few KB and never need anchors.
enum YAMLFile {
    /// The largest YAML configuration file read: the shipped ones are under 4 KB.
    static let maximumBytes = 1 << 20

    /// The document at `path` (`what` names it in errors: "pipeline definition", "rule table").
    /// - Throws: ``ConfigurationError`` naming the file: unreadable, larger than
    ///   ``maximumBytes`` (and the cap), not UTF-8, not valid YAML, more than one document, or
    ///   holding an anchor or alias (with its line).
    static func compose(_ path: String, what: String) throws(ConfigurationError) -> Node? {
        let text = try read(path, what: what)
        do {
            let parser = try Parser(yaml: text)
            let root = try parser.singleRoot()
            // Yams holds anchors weakly: the parser keeps them alive while the tree is searched.
            return try withExtendedLifetime(parser) { () throws(ConfigurationError) -> Node? in
                if let root, let anchored = firstAnchored(root) {
                    throw ConfigurationError(file: path, line: anchored.mark?.line,
                                             "YAML anchors and aliases (&\(anchored.anchor?.rawValue ?? ""), "
                                             + "*\(anchored.anchor?.rawValue ?? "")) are not accepted in a \(what); "
                                             + "write the values out")
                }
                return root
            }
        } catch let error as ConfigurationError {
            throw error
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, let context) = error {
                throw ConfigurationError(file: path, line: context.mark.line,
                                         "key \(keys.map { "'\($0)'" }.joined(separator: ", ")) given more than once")
            }
            throw ConfigurationError(file: path, line: error.line, "not valid YAML: \(error.problem)")
        } catch {
            throw ConfigurationError(file: path, "not valid YAML: \(error)")
        }
    }

    /// The first node, in document order, that carries an anchor. Every alias repeats an
    /// anchored node defined earlier, so the search stops at the definition, before walking
    /// any expansion.
    private static func firstAnchored(_ node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar, .alias: return nil
        case .sequence(let sequence):
            for item in sequence { if let found = firstAnchored(item) { return found } }
        case .mapping(let mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(key) ?? firstAnchored(value) { return found }
            }
        }
        return nil
    }

    /// The file's text, read with plain reads that stop after ``maximumBytes``.
    private static func read(_ path: String, what: String) throws(ConfigurationError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ConfigurationError(file: path, "cannot read the \(what): \(String(cString: strerror(errno)))")
        }
        defer { _ = close(fd) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else {
                throw ConfigurationError(file: path, "cannot read the \(what): \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            guard count <= maximumBytes - bytes.count else {
                throw ConfigurationError(file: path, "larger than \(maximumBytes) bytes, the cap for a \(what) "
                                         + "(reading stopped there)")
            }
            bytes += buffer[..<count]
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigurationError(file: path, "cannot read the \(what): not UTF-8 text")
        }
        return text
    }
}
