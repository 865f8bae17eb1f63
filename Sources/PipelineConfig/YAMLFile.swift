import CYaml
import Glibc
import Yams

/// Reads a YAML configuration file (a pipeline definition, a rule table) within bounds: at most
/// ``maximumBytes``, and no anchors or aliases.
///
/// Both limits keep a mistaken or hostile file (`/dev/zero`, a "billion laughs" document whose
/// aliases expand exponentially when walked or hashed) to the memory and time of an ordinary
/// one. Our files are a few KB and never need anchors. Every YAML file the program reads comes
/// through here.
enum YAMLFile {
    /// The largest YAML configuration file read: the shipped ones are under 4 KB.
    static let maximumBytes = 1 << 20

    /// The document at `path` (`what` names it in errors: "pipeline definition", "rule table").
    /// - Throws: ``ConfigurationError`` naming the file: unreadable, larger than
    ///   ``maximumBytes`` (and the cap), not UTF-8, not valid YAML, more than one document, or
    ///   holding an anchor or alias (with its line).
    static func compose(_ path: String, what: String) throws(ConfigurationError) -> Node? {
        let text = try read(path, what: what)
        // Before anything is composed: Yams' composer expands an alias used as a mapping key
        // to hash it for its duplicate-key check, which a few hundred bytes make unbounded.
        switch firstRefusal(in: text) {
        case .anchor(let name, let line):
            throw ConfigurationError(file: path, line: line,
                                     "YAML anchors and aliases (&\(name), *\(name)) are not accepted in a "
                                     + "\(what); write the values out")
        case .tooDeep(let line):
            throw ConfigurationError(file: path, line: line,
                                     "lists and mappings nested more than \(maximumDepth) deep (ours nest two or three)")
        case nil: break
        }
        do {
            return try Parser(yaml: text).singleRoot()
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

    /// The deepest nesting of lists and mappings accepted. libyaml's scanner checks every open
    /// flow level at each token, so a file of nested `[` costs the square of its depth, and
    /// Yams composes by recursion.
    static let maximumDepth = 32

    /// What the event scan refuses, with its line (1-based).
    enum Refusal: Equatable {
        /// An anchor or an alias, by name.
        case anchor(name: String, line: Int)
        /// A list or mapping nested deeper than ``maximumDepth``.
        case tooDeep(line: Int)
    }

    /// The first anchor, alias or nesting too deep in `text`, read from libyaml's parser events
    /// one at a time: time and memory linear in the text whatever the aliases would expand to.
    /// Nil when there is none, or when the text is not valid YAML before one (Yams then reports
    /// the syntax error as it finds it).
    static func firstRefusal(in text: String) -> Refusal? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer -> Refusal? in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var event = yaml_event_t()
            var depth = 0
            while yaml_parser_parse(&parser, &event) == 1 {
                defer { yaml_event_delete(&event) }
                let line = Int(event.start_mark.line) + 1
                let anchor: UnsafeMutablePointer<yaml_char_t>? = switch event.type {
                case YAML_ALIAS_EVENT: event.data.alias.anchor
                case YAML_SCALAR_EVENT: event.data.scalar.anchor
                case YAML_SEQUENCE_START_EVENT: event.data.sequence_start.anchor
                case YAML_MAPPING_START_EVENT: event.data.mapping_start.anchor
                default: nil
                }
                if let anchor { return .anchor(name: String(cString: anchor), line: line) }
                switch event.type {
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    depth += 1
                    if depth > maximumDepth { return .tooDeep(line: line) }
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT: depth -= 1
                case YAML_STREAM_END_EVENT: return nil
                default: break
                }
            }
            return nil
        }
    }

    /// The file's text, read with plain reads that stop after ``maximumBytes``.
    private static func read(_ path: String, what: String) throws(ConfigurationError) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw ConfigurationError(file: path, "cannot read the \(what): \(String(cString: strerror(errno)))",
                                     kind: errno == ENOENT ? .missingFile : .invalid)
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
