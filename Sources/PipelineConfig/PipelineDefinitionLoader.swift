import Foundation
import Yams

extension PipelineDefinition {
    /// Loads and validates the definition at `path`, checking that every file it names exists
    /// and that its rule tables parse.
    ///
    /// - Throws: ``ConfigurationError`` naming the definition (or rule table), the line and the
    ///   key: a file over the size cap, YAML that does not parse or holds an anchor or alias, an
    ///   unknown or repeated key, a value of the wrong type or out of range, a missing file
    ///   (``ConfigurationError/Kind/missingFile``, as for an option), an input glob that matches
    ///   nothing, a rule table that does not parse.
    package static func load(path: String) throws(ConfigurationError) -> RunSettings {
        try load(path: path, checkFiles: true)
    }

    /// Loads the definition at `path` with the keys of `settings` (the table's, or a test's);
    /// with `checkFiles` false, paths are resolved but not checked, globs are kept as (resolved)
    /// patterns and rule tables are not read: for definitions meant for another machine.
    package static func load(path: String, checkFiles: Bool,
                             settings: [any AnyRunSetting] = RunSettingTable.all) throws(ConfigurationError) -> RunSettings {
        let root = try YAMLFile.compose(path, what: "pipeline definition")
        let reader = DefinitionReader(file: path, checkFiles: checkFiles, settings: settings)
        return try reader.read(root)
    }
}

/// Reads the nodes of one definition file into ``RunSettings``: each key's value parsed and
/// checked by its descriptor's syntax, errors given the definition's file and line.
private struct DefinitionReader {
    let file: String
    let folder: URL
    let checkFiles: Bool
    /// The settings a key may name.
    let settings: [any AnyRunSetting]

    init(file: String, checkFiles: Bool, settings: [any AnyRunSetting]) {
        self.file = file
        self.folder = URL(fileURLWithPath: file).absoluteURL.deletingLastPathComponent()
        self.checkFiles = checkFiles
        self.settings = settings
    }

    private var knownKeys: String { settings.map(\.key).joined(separator: ", ") }

    func read(_ root: Node?) throws(ConfigurationError) -> RunSettings {
        guard let root else {
            throw ConfigurationError(file: file, "empty: expected a mapping of settings (keys: \(knownKeys))")
        }
        guard let mapping = root.mapping else {
            throw ConfigurationError(file: file, line: root.mark?.line,
                                     "expected a mapping of settings (keys: \(knownKeys)), found \(describe(root))")
        }
        var loaded = RunSettings()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, let setting = settings.first(where: { $0.key == key }) else {
                throw ConfigurationError(file: file, line: keyNode.mark?.line,
                                         "unknown key \(describe(keyNode)) (known keys: \(knownKeys))")
            }
            let items = try items(value, of: setting)
            let input: SettingInput = value.sequence == nil ? .text(items[0].text) : .list(items.map(\.text))
            let name = URL(fileURLWithPath: file).lastPathComponent
            let context = SettingContext(folder: folder, checkFiles: checkFiles,
                                         origin: "'\(key)' in \(name)\(value.mark.map { ":\($0.line)" } ?? "")")
            do {
                try setting.read(input, context: context, into: &loaded)
            } catch {
                throw configurationError(error, of: setting, value: value, items: items.map(\.node))
            }
        }
        return loaded
    }

    /// The scalars `node` holds for `setting`: itself, or a list's items when the setting takes
    /// a list; anything else (a mapping, nothing, a list of lists) is a type error.
    private func items(_ node: Node, of setting: any AnyRunSetting) throws(ConfigurationError) -> [(node: Node, text: String)] {
        if let sequence = node.sequence {
            guard let itemExpected = setting.itemExpected else {
                throw wrongType(node, key: setting.key, expected: setting.expected)
            }
            var items: [(node: Node, text: String)] = []
            for item in sequence {
                guard let text = scalar(item) else { throw wrongType(item, key: setting.key, expected: itemExpected) }
                items.append((item, text))
            }
            return items
        }
        guard let text = scalar(node) else { throw wrongType(node, key: setting.key, expected: setting.expected) }
        return [(node, text)]
    }

    /// The text of a scalar value; nil for a list, a mapping or nothing.
    private func scalar(_ node: Node) -> String? {
        guard let scalar = node.scalar, node.null == nil || scalar.style != .plain else { return nil }
        return scalar.string
    }

    /// `problem` as an error naming the definition, the line of the value (or of the list's
    /// item at fault) and the key.
    private func configurationError(_ problem: SettingProblem, of setting: any AnyRunSetting, value: Node,
                                    items: [Node]) -> ConfigurationError {
        switch problem {
        case let .notExpected(detail, item):
            let node = item.map { items[$0] } ?? value
            let expected = item == nil ? setting.expected : setting.itemExpected ?? setting.expected
            return ConfigurationError(file: file, line: node.mark?.line,
                                      "'\(setting.key)': expected \(expected), found \(describe(node))"
                                      + (detail.map { " (\($0))" } ?? ""))
        case let .unusable(reason, kind, item):
            let node = item.map { items[$0] } ?? value
            return ConfigurationError(file: file, line: node.mark?.line, "'\(setting.key)': \(reason)", kind: kind)
        case let .inFile(error):
            return error
        }
    }

    private func wrongType(_ node: Node, key: String, expected: String) -> ConfigurationError {
        ConfigurationError(file: file, line: node.mark?.line, "'\(key)': expected \(expected), found \(describe(node))")
    }

    private func describe(_ node: Node) -> String {
        if node.sequence != nil { return "a list" }
        if node.mapping != nil { return "a mapping" }
        if let scalar = node.scalar {
            if node.null != nil, scalar.style == .plain { return "nothing" }
            return "'\(scalar.string)'"
        }
        return "an alias"
    }
}
