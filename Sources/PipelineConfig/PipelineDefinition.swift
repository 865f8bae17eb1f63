/// A pipeline described in YAML (`pipelines/nightly.yaml`): which exports to read, with which
/// reference and rule tables, and where to publish, as ``RunSettings`` keyed by
/// ``RunSettingTable``'s keys. Every setting is optional, because the command line may supply
/// or override any of them (``RunSettings/overriding(with:)``).
///
/// Paths are absolute once loaded: relative ones are resolved against the definition's folder,
/// and input globs are expanded (each pattern's matches sorted, patterns kept in order).
package enum PipelineDefinition {
    /// The keys a definition may hold (``RunSettingTable/all``), in the order the shipped
    /// definitions use; each matches the `run` option of the same name (`output` is `--out`).
    package static var keys: [String] { RunSettingTable.all.map(\.key) }

    /// Whether a command-line argument names a pipeline definition (`.yaml` or `.yml`) rather
    /// than an export, so that `annual-review run pipelines/nightly.yaml` reads the definition.
    package static func isDefinitionPath(_ argument: String) -> Bool {
        let lower = argument.lowercased()
        return lower.hasSuffix(".yaml") || lower.hasSuffix(".yml")
    }
}
