/// One run setting, described once: its pipeline-definition key (also its name in the manifest),
/// its command-line option, the help both document, the syntax its value is written in (which
/// parses and checks a definition's value and an option's alike: type, range, files that must
/// exist), its default, and what the manifest records of it.
///
/// `Value` is what a definition or an option gives (`Int` for `batch-size`); `Resolved` is what
/// a run reads once the defaults are applied: `Value` for a setting with a default or one a run
/// cannot do without, `Value?` for one a run may go without (`lookup`). Every descriptor is a
/// property of ``RunSettingTable``; the definition loader, the override merge
/// (``RunSettings/overriding(with:)``), the command line and the manifest all go through it.
package struct RunSetting<Value: Sendable & Equatable, Resolved: Sendable>: Sendable {
    /// The definition key (`batch-size`), also the setting's name in the manifest.
    package let key: String
    /// The long option, without `--` (`batch-size`; `out` for `output`); nil for a setting given
    /// as arguments (`inputs`).
    package let option: String?
    /// The value's name in the help (`file`, `n`).
    package let valueName: String
    /// What it does, and its default: the option's help, and the documentation of the key.
    package let help: String
    /// A value the definition and the option both accept, for the tests and the documentation.
    package let example: String
    /// How a value is written, parsed and checked.
    package let syntax: SettingSyntax<Value>
    /// The name a run without this setting reports it missing under (`--register`); nil for a
    /// setting a run can do without.
    package let requiredAs: String?
    /// The value a run uses, from the value given (nil: not given) and every setting given
    /// (a default may depend on another setting, as the templates' on the rule tables').
    let resolve: @Sendable (Value?, RunSettings) -> Resolved
    /// The manifest's text for the value a run used; nil for a setting the manifest does not record.
    let manifestText: (@Sendable (Resolved) -> String)?

    /// The value parsed from `text` as an option gives it; nil when it does not parse
    /// (`letter-date: none` in a manifest).
    package func value(parsing text: String) -> Value? {
        try? syntax.parse(.text(text), .commandLine(option: option ?? key))
    }

    /// The value a run uses when `settings` are given.
    package func resolved(in settings: RunSettings) -> Resolved { resolve(settings[self], settings) }
}

extension RunSetting {
    /// A setting a run may go without: nil when not given.
    package init(key: String, option: String?, valueName: String, help: String, example: String,
                 syntax: SettingSyntax<Value>, manifest: (@Sendable (Resolved) -> String)? = nil) where Resolved == Value? {
        self.init(key: key, option: option, valueName: valueName, help: help, example: example, syntax: syntax,
                  requiredAs: nil, resolve: { value, _ in value }, manifestText: manifest)
    }

    /// A setting with a default: `defaultValue` when not given.
    package init(key: String, option: String?, valueName: String, help: String, example: String,
                 syntax: SettingSyntax<Value>, default defaultValue: Value,
                 manifest: (@Sendable (Resolved) -> String)? = nil) where Resolved == Value {
        self.init(key: key, option: option, valueName: valueName, help: help, example: example, syntax: syntax,
                  requiredAs: nil, resolve: { value, _ in value ?? defaultValue }, manifestText: manifest)
    }

    /// A setting whose default depends on where the program runs or on the other settings.
    package init(key: String, option: String?, valueName: String, help: String, example: String,
                 syntax: SettingSyntax<Value>, default defaultValue: @escaping @Sendable (RunSettings) -> Value,
                 manifest: (@Sendable (Resolved) -> String)? = nil) where Resolved == Value {
        self.init(key: key, option: option, valueName: valueName, help: help, example: example, syntax: syntax,
                  requiredAs: nil, resolve: { value, settings in value ?? defaultValue(settings) }, manifestText: manifest)
    }

    /// A setting a run cannot do without: ``RunConfiguration`` reports it missing as `requiredAs`
    /// before any value is resolved.
    package init(key: String, option: String?, valueName: String, help: String, example: String,
                 syntax: SettingSyntax<Value>, requiredAs: String,
                 manifest: (@Sendable (Resolved) -> String)? = nil) where Resolved == Value {
        let key = key
        self.init(key: key, option: option, valueName: valueName, help: help, example: example, syntax: syntax,
                  requiredAs: requiredAs, resolve: { value, _ in
                      guard let value else { preconditionFailure("'\(key)' is required: check isMissing first") }
                      return value
                  }, manifestText: manifest)
    }
}

/// A run setting whatever its value's type: what the table's loops (the definition loader, the
/// override merge, the manifest, `--help`) need of each descriptor.
package protocol AnyRunSetting: Sendable {
    /// The definition key, also the manifest's name.
    var key: String { get }
    /// The long option without `--`; nil for the inputs (arguments).
    var option: String? { get }
    /// The value's name in the help.
    var valueName: String { get }
    /// The help.
    var help: String { get }
    /// A value both a definition and the option accept.
    var example: String { get }
    /// How a value is written, in errors.
    var expected: String { get }
    /// How one item of a list is written; nil for a setting whose value is one scalar.
    var itemExpected: String? { get }
    /// The name a missing required setting is reported under; nil for an optional one.
    var requiredAs: String? { get }
    /// What its path names for the run to read; nil for a value that is no such path.
    var reads: PathRead? { get }
    /// Whether the manifest records the setting.
    var recordedInManifest: Bool { get }
    /// Parses `input` and stores its value in `settings`.
    func read(_ input: SettingInput, context: SettingContext, into settings: inout RunSettings) throws(SettingProblem)
    /// The value a run uses when `settings` are given, whatever its type.
    func resolvedValue(in settings: RunSettings) -> any Sendable
    /// The manifest's text for `resolved` (a value ``resolvedValue(in:)`` returned); nil when the
    /// manifest does not record the setting.
    func manifestText(of resolved: any Sendable) -> String?
}

extension RunSetting: AnyRunSetting {
    /// How a value is written.
    package var expected: String { syntax.expected }
    /// How one item of a list is written.
    package var itemExpected: String? { syntax.itemExpected }
    /// Whether the manifest records the setting.
    package var recordedInManifest: Bool { manifestText != nil }
    /// What its path names for the run to read.
    package var reads: PathRead? { syntax.reads }

    package func read(_ input: SettingInput, context: SettingContext, into settings: inout RunSettings) throws(SettingProblem) {
        if let value = try syntax.parse(input, context) { settings[self] = value }
    }

    package func resolvedValue(in settings: RunSettings) -> any Sendable { resolved(in: settings) }

    package func manifestText(of resolved: any Sendable) -> String? {
        guard let manifestText, let value = resolved as? Resolved else { return nil }
        return manifestText(value)
    }
}
