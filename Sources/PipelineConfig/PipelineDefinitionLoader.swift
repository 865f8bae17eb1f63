import Foundation
import PipelineModel
import Yams

extension PipelineDefinition {
    /// The keys a definition may hold (``RunSetting/all``), in the order the shipped definitions
    /// use; each matches the `run` option of the same name (`output` is `--out`).
    package static var keys: [String] { RunSetting.all.map(\.key) }

    /// Loads and validates the definition at `path`, checking that every file it names exists
    /// and that its rule tables parse.
    ///
    /// - Throws: ``ConfigurationError`` naming the definition (or rule table), the line and the
    ///   key: a file over the size cap, YAML that does not parse or holds an anchor or alias, an
    ///   unknown or repeated key, a value of the wrong type or out of range, a missing file, an
    ///   input glob that matches nothing, a rule table that does not parse.
    package static func load(path: String) throws(ConfigurationError) -> PipelineDefinition {
        try load(path: path, checkFiles: true)
    }

    /// Loads the definition at `path`; with `checkFiles` false, paths are resolved but not
    /// checked, globs are kept as (resolved) patterns and rule tables are not read: for
    /// definitions meant for another machine.
    package static func load(path: String, checkFiles: Bool) throws(ConfigurationError) -> PipelineDefinition {
        let root = try YAMLFile.compose(path, what: "pipeline definition")
        let reader = DefinitionReader(file: path, checkFiles: checkFiles)
        return try reader.read(root)
    }
}

/// Reads the nodes of one definition file into a ``PipelineDefinition``.
private struct DefinitionReader {
    let file: String
    let folder: URL
    let checkFiles: Bool

    init(file: String, checkFiles: Bool) {
        self.file = file
        self.folder = URL(fileURLWithPath: file).absoluteURL.deletingLastPathComponent()
        self.checkFiles = checkFiles
    }

    private var knownKeys: String { PipelineDefinition.keys.joined(separator: ", ") }

    func read(_ root: Node?) throws(ConfigurationError) -> PipelineDefinition {
        guard let root else {
            throw ConfigurationError(file: file, "empty: expected a mapping of settings (keys: \(knownKeys))")
        }
        guard let mapping = root.mapping else {
            throw ConfigurationError(file: file, line: root.mark?.line,
                                     "expected a mapping of settings (keys: \(knownKeys)), found \(describe(root))")
        }
        var definition = PipelineDefinition()
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string, PipelineDefinition.keys.contains(key) else {
                throw ConfigurationError(file: file, line: keyNode.mark?.line,
                                         "unknown key \(describe(keyNode)) (known keys: \(knownKeys))")
            }
            switch key {
            case "inputs": definition.inputs = try inputs(value)
            case "register": definition.register = try existingFile(value, key: key)
            case "lookup": definition.lookup = try existingFile(value, key: key)
            case "population": definition.population = try existingFile(value, key: key)
            case "decision-rules":
                let path = try existingFile(value, key: key)
                try checkRuleTable(path, key: key, line: value.mark?.line,
                                   values: Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0.name.lowercased(), $0) }),
                                   kind: "outcome")
                definition.decisionRules = path
            case "service-area-rules":
                let path = try existingFile(value, key: key)
                try checkRuleTable(path, key: key, line: value.mark?.line,
                                   values: Dictionary(uniqueKeysWithValues: ServiceArea.allCases.map { ($0.name.lowercased(), $0) }),
                                   kind: "service area")
                definition.serviceAreaRules = path
            case "remedy-rules":
                let path = try existingFile(value, key: key)
                try checkRuleTable(path, key: key, line: value.mark?.line,
                                   values: Dictionary(uniqueKeysWithValues: RemedyKind.allCases.map { ($0.name.lowercased(), $0) }),
                                   kind: "kind of remedy")
                definition.remedyRules = path
            case "method":
                let text = try scalar(value, key: key, expected: "pooled or mean")
                guard let method = AveragingMethod(rawValue: text.lowercased()) else {
                    throw wrongType(value, key: key, expected: "pooled or mean")
                }
                definition.method = method
            case "years":
                let expected = "a year range such as 2019-20..2023-24, one year such as 2023-24, or all"
                let text = try scalar(value, key: key, expected: expected)
                if text.lowercased() == "all" {
                    definition.years = nil
                } else {
                    do {
                        definition.years = try YearRange(parsing: text)
                    } catch {
                        throw ConfigurationError(file: file, line: value.mark?.line,
                                                 "'\(key)': expected \(expected), found '\(text)' (\(error.reason))")
                    }
                }
            case "templates":
                let folder = resolve(try path(value, key: key))
                if checkFiles, !isDirectory(folder) {
                    throw ConfigurationError(file: file, line: value.mark?.line, "'\(key)': no such folder: \(folder)",
                                             kind: .missingFile)
                }
                definition.templates = folder
            case "output": definition.output = resolve(try path(value, key: key))
            case "batch-size":
                definition.batchSize = try integer(value, key: key, in: PipelineDefinition.batchSizes)
            case "max-reject-rate":
                let expected = "a share between 0 and 1, written 1% or 0.01"
                let text = try scalar(value, key: key, expected: expected)
                guard let rate = PipelineDefinition.rejectRate(text) else {
                    throw wrongType(value, key: key, expected: expected)
                }
                definition.maxRejectRate = rate
            case "min-rows": definition.minRows = try integer(value, key: key, in: 0 ... Int.max)
            case "parse-workers":
                definition.parseWorkers = try integer(value, key: key, in: 1 ... PipelineDefinition.maximumParseWorkers)
            case "metrics-file":
                let path = resolve(try path(value, key: key))
                let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
                if checkFiles, !isDirectory(parent) {
                    throw ConfigurationError(file: file, line: value.mark?.line,
                                             "'\(key)': no such folder: \(parent)")
                }
                definition.metricsFile = path
            case "log-format":
                let expected = LogFormat.allCases.map(\.rawValue).joined(separator: ", ")
                let text = try scalar(value, key: key, expected: "one of \(expected)")
                guard let format = LogFormat(rawValue: text.lowercased()) else {
                    throw wrongType(value, key: key, expected: "one of \(expected)")
                }
                definition.logFormat = format
            case "contacts": definition.contacts = try existingFile(value, key: key)
            case "letter-date":
                let expected = "a date written 2020-07-22"
                let text = try scalar(value, key: key, expected: expected)
                guard let day = PipelineDefinition.letterDate(text) else { throw wrongType(value, key: key, expected: expected) }
                definition.letterDate = day
            case "signatory":
                let expected = "a name, and after a comma its title, on one line"
                let text = try scalar(value, key: key, expected: expected)
                guard let signatory = Signatory(parsing: text) else { throw wrongType(value, key: key, expected: expected) }
                definition.signatory = signatory
            default:
                // Every key of `PipelineDefinition.keys` has a case above.
                throw ConfigurationError(file: file, line: keyNode.mark?.line, "key '\(key)' is not handled")
            }
        }
        return definition
    }

    // MARK: Values

    /// The text of a scalar value; anything else (a list, a mapping, nothing) is a type error.
    private func scalar(_ node: Node, key: String, expected: String) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar, node.null == nil || scalar.style != .plain else {
            throw wrongType(node, key: key, expected: expected)
        }
        return scalar.string
    }

    private func path(_ node: Node, key: String) throws(ConfigurationError) -> String {
        let text = try scalar(node, key: key, expected: "a path")
        guard !text.isEmpty else { throw wrongType(node, key: key, expected: "a path") }
        return text
    }

    /// A whole number in `range`; one out of it (or too large for an Int) names the range.
    private func integer(_ node: Node, key: String, in range: ClosedRange<Int>) throws(ConfigurationError) -> Int {
        let expected = range.upperBound == Int.max ? "a whole number, \(range.lowerBound) or more"
            : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let text = try scalar(node, key: key, expected: expected)
        guard let value = node.int ?? Int(text), range.contains(value) else {
            throw wrongType(node, key: key, expected: expected)
        }
        return value
    }

    /// A path that must name an existing file (when files are checked).
    private func existingFile(_ node: Node, key: String) throws(ConfigurationError) -> String {
        let resolved = resolve(try path(node, key: key))
        if checkFiles, !isFile(resolved) {
            throw ConfigurationError(file: file, line: node.mark?.line, "'\(key)': no such file: \(resolved)", kind: .missingFile)
        }
        return resolved
    }

    /// The inputs: one path or a list of them, each a file or a glob, in order.
    private func inputs(_ node: Node) throws(ConfigurationError) -> [String] {
        let expected = "a list of export paths or globs"
        let items: [Node]
        if let sequence = node.sequence {
            items = Array(sequence)
        } else if node.scalar != nil {
            items = [node]
        } else {
            throw wrongType(node, key: "inputs", expected: expected)
        }
        guard !items.isEmpty else {
            throw ConfigurationError(file: file, line: node.mark?.line, "'inputs': expected at least one export")
        }
        var paths: [String] = []
        for item in items {
            let text = try path(item, key: "inputs")
            if text == "-" {
                paths.append(text)
                continue
            }
            let resolved = resolve(text)
            if Self.isGlob(text) {
                guard checkFiles else {
                    paths.append(resolved)
                    continue
                }
                let matches = Self.expand(glob: resolved).filter(isFile)
                guard !matches.isEmpty else {
                    throw ConfigurationError(file: file, line: item.mark?.line, "'inputs': no file matches \(resolved)",
                                             kind: .missingFile)
                }
                paths += matches
            } else {
                if checkFiles, !isFile(resolved) {
                    throw ConfigurationError(file: file, line: item.mark?.line, "'inputs': no such file: \(resolved)",
                                             kind: .missingFile)
                }
                paths.append(resolved)
            }
        }
        return paths
    }

    /// Parses a rule table now, so that a bad one stops the run before any data is read.
    private func checkRuleTable<Value: Sendable & Equatable>(_ path: String, key: String, line: Int?, values: [String: Value],
                                       kind: String) throws(ConfigurationError) {
        guard checkFiles else { return }
        do {
            _ = try RuleTableLoader.load(path, values: values, kind: kind)
        } catch {
            let name = URL(fileURLWithPath: file).lastPathComponent
            throw ConfigurationError(file: error.file, line: error.line,
                                     "\(error.reason) (the rule table named by '\(key)' in \(name)\(line.map { ":\($0)" } ?? ""))",
                                     kind: error.kind)
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

    // MARK: Paths

    /// `path` made absolute against the definition's folder; `..` and `.` removed.
    private func resolve(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: folder).standardizedFileURL.path
    }

    private func isFile(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && !directory.boolValue
    }

    private func isDirectory(_ path: String) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// Whether `path` holds a glob(7) wildcard.
    static func isGlob(_ path: String) -> Bool {
        path.contains { $0 == "*" || $0 == "?" || $0 == "[" }
    }

    /// The paths matching `pattern`, sorted by code point (not the locale's collation, so that
    /// the order does not depend on the environment cron gives the run).
    static func expand(glob pattern: String) -> [String] {
        var matches = glob_t()
        defer { globfree(&matches) }
        guard glob(pattern, GLOB_NOSORT, nil, &matches) == 0 else { return [] }
        var paths: [String] = []
        for i in 0 ..< Int(matches.gl_pathc) {
            if let cString = matches.gl_pathv[i] { paths.append(String(cString: cString)) }
        }
        return paths.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
    }
}
