import Foundation
package import PipelineModel
import Yams

/// Reads the analyst's rule tables (`pipelines/rules/decisions.yaml`, `service-areas.yaml`,
/// `remedies.yaml`): a mapping from each outcome, service-area or remedy-kind name to the list
/// of texts recorded for it.
package enum RuleTableLoader {
    /// Loads the tables into rules (no remedy rules without `remedies`: every remedy text is
    /// then unknown); errors name the file, the line and the key.
    package static func load(decisions: String, serviceAreas: String, remedies: String? = nil) throws(ConfigurationError)
        -> ClassificationRules {
        let outcomes = try load(decisions, values: Dictionary(uniqueKeysWithValues: Outcome.allCases.map { ($0.name.lowercased(), $0) }),
                                kind: "outcome")
        let areas = try load(serviceAreas, values: Dictionary(uniqueKeysWithValues: ServiceArea.allCases.map { ($0.name.lowercased(), $0) }),
                             kind: "service area")
        let kinds = try remedies.map { path throws(ConfigurationError) in
            try load(path, values: Dictionary(uniqueKeysWithValues: RemedyKind.allCases.map { ($0.name.lowercased(), $0) }),
                     kind: "kind of remedy")
        }
        return ClassificationRules(outcomes: outcomes, areas: areas, remedies: kinds ?? [])
    }

    /// Loads one table whose keys name values of `values` (compared case-insensitively).
    static func load<Value>(_ path: String, values: [String: Value], kind: String) throws(ConfigurationError)
        -> [ClassificationRules.Rule<Value>] {
        let root = try YAMLFile.compose(path, what: "rule table")
        guard let mapping = root?.mapping else {
            throw ConfigurationError(file: path, line: root?.mark?.line, "expected a mapping from \(kind) names to lists of texts")
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        var rules: [ClassificationRules.Rule<Value>] = []
        for (key, list) in mapping {
            guard let keyText = key.string, let value = values[keyText.lowercased()] else {
                let known = values.keys.sorted().joined(separator: "; ")
                throw ConfigurationError(file: path, line: key.mark?.line,
                                         "unknown \(kind) '\(key.string ?? "?")' (known, in any case: \(known))")
            }
            guard let texts = list.sequence else {
                throw ConfigurationError(file: path, line: list.mark?.line, "'\(keyText)': expected a list of texts")
            }
            for item in texts {
                guard let scalar = item.scalar, !scalar.string.isEmpty else {
                    throw ConfigurationError(file: path, line: item.mark?.line, "'\(keyText)': every entry must be a non-empty text")
                }
                rules.append(.init(text: scalar.string, value: value, origin: "\(name):\(item.mark?.line ?? 0)"))
            }
        }
        return rules
    }
}

extension YamlError {
    /// The line the error points at, when it has one.
    var line: Int? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _): mark.line
        default: nil
        }
    }

    /// The problem without the quoted document.
    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _): problem
        default: "\(self)"
        }
    }
}
