/// The run settings given, by descriptor: what a pipeline definition holds, what the command
/// line's options give, and the two merged. A setting not given is absent (its default is
/// applied by ``RunSetting/resolved(in:)``, not stored).
package struct RunSettings: Sendable, Equatable, CustomStringConvertible {
    /// The values given, by key.
    private var values: [String: any Sendable & Equatable] = [:]

    /// No setting given.
    package init() {}

    /// The value given for `setting`; nil when not given.
    package subscript<Value, Resolved>(setting: RunSetting<Value, Resolved>) -> Value? {
        get {
            guard let stored = values[setting.key] else { return nil }
            return .some(stored as! Value)
        }
        // Boxed as it is: a `Value` that is itself optional (`years: all`) is given, not absent.
        set { values[setting.key] = newValue.map { $0 as any Sendable & Equatable } }
    }

    /// The value given for the table's descriptor at `path`: `settings[\.batchSize]`.
    package subscript<Value, Resolved>(path: KeyPath<RunSettingTable, RunSetting<Value, Resolved>>) -> Value? {
        get { self[RunSettingTable.shared[keyPath: path]] }
        set { self[RunSettingTable.shared[keyPath: path]] = newValue }
    }

    /// Whether the setting with `key` was given.
    package func isGiven(_ key: String) -> Bool { values[key] != nil }

    /// The keys of the settings given.
    package var keys: Set<String> { Set(values.keys) }

    /// These settings with every one that `overrides` gives replacing this one's: the command
    /// line's options over the definition's. A list (inputs) is replaced as a whole, not appended.
    package func overriding(with overrides: RunSettings) -> RunSettings {
        var merged = self
        merged.values.merge(overrides.values) { _, new in new }
        return merged
    }

    package static func == (lhs: RunSettings, rhs: RunSettings) -> Bool {
        lhs.values.count == rhs.values.count && lhs.values.allSatisfy { key, value in
            rhs.values[key].map { equal(value, $0) } ?? false
        }
    }

    private static func equal<T: Equatable>(_ lhs: T, _ rhs: any Equatable) -> Bool { (rhs as? T) == lhs }

    package var description: String {
        "[" + values.keys.sorted().map { "\($0): \(values[$0]!)" }.joined(separator: ", ") + "]"
    }
}
