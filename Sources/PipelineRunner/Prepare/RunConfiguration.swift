import Foundation
import Ingestion
package import PipelineConfig
package import PipelineModel

/// Everything a run needs to know, after the command line (and pipeline definition) are read:
/// every run setting's value, defaults applied, read by its descriptor
/// (`configuration[\.batchSize]`), and what the run does beyond its settings.
package struct RunConfiguration: Sendable {
    /// The settings as given (a definition overridden by the command line), before defaults.
    package let given: RunSettings
    /// Every setting's value the run uses, by key (each of its descriptor's `Resolved` type).
    private var values: [String: any Sendable]

    /// Do everything except publication (staging is removed, the output folder untouched).
    package var dryRun = false
    /// Compute and publish even when the sources (exports, configuration files, settings,
    /// program) are those the current publication records, which a run otherwise publishes
    /// again without reading the exports' rows (``RunManifest/sourceFingerprint``).
    package var recompute = false
    /// With several parse workers, the smallest piece of CSV bytes handed to one (see
    /// ``PieceCutter``); tests make it tiny so that every record boundary is a cut.
    package var pieceSize = PieceCutter.defaultPieceSize
    /// With several parse workers, the largest piece before one is handed on without waiting
    /// for a record boundary.
    package var maxPieceBytes = PieceCutter.defaultMaxPieceBytes
    /// Bytes read, and inflated, per step of decompression.
    package var chunkSize = RunDefaults.chunkSize

    /// The run's identifier (as on its log lines), recorded in the manifest; nil records none.
    package var runID: String?
    /// The pipeline definition the settings came from, if any: its sha256 goes in the manifest.
    package var definition: String?
    /// The program, recorded in the manifest.
    package var build = Installation.build

    /// The value the run uses for the table's setting at `path`; setting it replaces it for
    /// this run (tests without templates, a validation's scratch output).
    package subscript<Value, Resolved>(path: KeyPath<RunSettingTable, RunSetting<Value, Resolved>>) -> Resolved {
        get { values[RunSettingTable.shared[keyPath: path].key]! as! Resolved }
        // Boxed as it is, so that nil (no templates) stays a value rather than removing the entry.
        set { values[RunSettingTable.shared[keyPath: path].key] = .some(newValue as any Sendable) }
    }

    /// The keys of the settings that took their default because none was given (the rule
    /// tables and templates then are the program's own, so that a missing one says where they
    /// were looked for).
    package var defaulted: Set<String> { Set(RunSettingTable.all.map(\.key)).subtracting(given.keys) }
}

extension RunConfiguration {
    /// What a run cannot do without, missing from both the command line and the definition.
    package struct MissingSettings: Error, Sendable, CustomStringConvertible {
        /// The settings missing, as the command line names them (`--register`, `an input file`).
        package let names: [String]

        package var description: String {
            "missing \(names.joined(separator: ", ")) (on the command line or in the pipeline definition)"
        }
    }

    /// The configuration `settings` (a definition overridden by the command line) resolve to:
    /// every setting not given takes its descriptor's default (``RunSetting/resolved(in:)``).
    /// - Throws: ``MissingSettings`` naming every required setting not given (a register, an
    ///   output folder, an input).
    package init(resolving settings: RunSettings) throws(MissingSettings) {
        let missing = RunSettingTable.all.filter { $0.requiredAs != nil && !settings.isGiven($0.key) }
        guard missing.isEmpty else { throw MissingSettings(names: missing.compactMap(\.requiredAs)) }
        given = settings
        values = Dictionary(uniqueKeysWithValues: RunSettingTable.all.map { ($0.key, $0.resolvedValue(in: settings)) })
    }

    /// The paths the settings name for the run to read, other than the exports (the
    /// configuration files, the templates folder), each with its setting, in the table's order.
    package var pathsRead: [(setting: any AnyRunSetting, path: String)] {
        RunSettingTable.all.compactMap { setting in
            guard setting.reads != nil, let path = values[setting.key] as? String else { return nil }
            return (setting, path)
        }
    }

    /// The configuration files among ``pathsRead``.
    package var filesRead: [(setting: any AnyRunSetting, path: String)] {
        pathsRead.filter { $0.setting.reads?.kind == .file }
    }

    /// The settings the manifest records (those whose descriptors say how), by their keys, with
    /// the values the run used (defaults included).
    var manifestSettings: [String: String] {
        var recorded: [String: String] = [:]
        for setting in RunSettingTable.all {
            if let value = values[setting.key], let text = setting.manifestText(of: value) { recorded[setting.key] = text }
        }
        return recorded
    }
}
