/// Why a setting's value was refused, for its reader (the definition loader, the command line)
/// to report with the file and line, or the option, it came from.
package enum SettingProblem: Error, Sendable, Equatable {
    /// The value (or the list's item at `item`) is not written as ``RunSetting/syntax`` expects;
    /// `detail` says more (`'9999-00' is not a reporting year ...`).
    case notExpected(detail: String? = nil, item: Int? = nil)
    /// The value is written right but cannot be used (`no such file: /srv/register.csv`); `item`
    /// is the list's item at fault.
    case unusable(String, kind: ConfigurationError.Kind = .invalid, item: Int? = nil)
    /// A file the value names is wrong (a rule table that does not parse): its own error, naming
    /// that file and where it was named.
    case inFile(ConfigurationError)
}
