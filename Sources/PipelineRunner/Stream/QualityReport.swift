import Operations
package import PipelineModel

/// What an analyst needs to judge an export: rejects by reason with examples, the authority
/// names nobody recognised with their counts, the remedy texts no rule knows, and the run's counts.
package struct QualityReport: Sendable {
    /// How many examples are kept per reason.
    package static let examplesPerReason = 3
    /// How many distinct unknown remedy texts are kept with their counts; the others are only
    /// counted (a free-text column could otherwise fill memory with one text per row).
    package static let unknownRemediesKept = 100
    /// How many of them the text lists, the most frequent first.
    package static let unknownRemediesListed = 20

    /// Rejected rows by reason.
    package private(set) var rejectsByReason: [RejectReason: Int] = [:]
    /// The first rejects of each reason, in file order.
    package private(set) var examples: [RejectReason: [Reject]] = [:]
    /// Unknown authority names and codes (as the reject detail gives them) with their counts.
    package private(set) var unknownAuthorities: [String: Int] = [:]
    /// Rows with a decision whose category no service-area rule knows: rejected rows already,
    /// counted apart because each is a decision missing from `area_year.csv`.
    package var decisionsWithoutKnownArea = 0
    /// Remedy texts (one `;`-separated part of a `remedy` field) no rule knows, with the number
    /// of accepted rows that have each: at most ``unknownRemediesKept`` texts.
    package private(set) var unknownRemedies: [String: Int] = [:]
    /// Accepted rows' unknown remedy texts in all, those beyond the ones kept included.
    package private(set) var unknownRemedyCount = 0

    /// Authorities with a letter but no addressee in the contacts table (`LCE Leicester City
    /// Council`), when a contacts table is given: their letters carry a placeholder.
    package private(set) var missingContacts: [String] = []

    /// An empty report.
    package init() {}

    /// Takes note of the authorities whose letters have no addressee.
    mutating func noteMissingContacts(_ authorities: [String]) {
        missingContacts = authorities
    }

    /// Takes note of a batch's unknown remedy texts (``CaseBatch/unknownRemedies``).
    package mutating func add(unknownRemedies texts: [String: Int]) {
        for (text, count) in texts {
            unknownRemedyCount += count
            if unknownRemedies[text] != nil || unknownRemedies.count < Self.unknownRemediesKept {
                unknownRemedies[text, default: 0] += count
            }
        }
    }

    /// Takes note of a batch's rejects.
    package mutating func add(_ rejects: [Reject]) {
        for reject in rejects {
            rejectsByReason[reject.reason, default: 0] += 1
            if examples[reject.reason, default: []].count < Self.examplesPerReason {
                examples[reject.reason, default: []].append(reject)
            }
            if reject.reason == .unknownAuthority {
                unknownAuthorities[reject.detail, default: 0] += 1
            }
        }
    }

    /// The report as text, for `annual-review validate`; control characters from the inputs
    /// are shown as `\xHH` escapes (``TerminalText``).
    package func text(counts: RunCounts, inputs: [InputFileSummary]) -> String {
        var lines: [String] = []
        for input in inputs {
            var line = "\(input.path): \(input.records) rows, \(input.bytes) bytes\(input.compressed ? " (gzip)" : "")"
            if input.hadByteOrderMark { line += ", byte-order mark" }
            if !input.unknownColumns.isEmpty { line += ", unknown columns ignored: \(input.unknownColumns.joined(separator: ", "))" }
            lines.append(line)
        }
        lines.append("rows read: \(counts.rowsRead); accepted: \(counts.rowsAccepted); rejected: \(counts.rowsRejected); "
                     + "superseded duplicates: \(counts.duplicatesSuperseded); cases: \(counts.cases); "
                     + "re-encoded from Windows-1252: \(counts.rowsReencoded)")
        lines.append("decisions with no service area the rule table knows (rejected, so in no table): "
                     + "\(decisionsWithoutKnownArea)")
        for reason in RejectReason.allCases {
            guard let count = rejectsByReason[reason], count > 0 else { continue }
            lines.append("  \(reason.rawValue): \(count)")
            for example in examples[reason] ?? [] {
                lines.append("    e.g. \(example.file):\(example.line) \(example.reference.isEmpty ? "" : "[\(example.reference)] ")\(example.detail)")
            }
        }
        if !unknownAuthorities.isEmpty {
            lines.append("unknown authorities (add an alternative name to the register or lookup table):")
            for (name, count) in unknownAuthorities.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
                lines.append("  \(count) x \(name)")
            }
        }
        if unknownRemedyCount > 0 {
            lines.append("remedy texts no rule knows (counted, not rejected; add them to the remedy rule table): "
                         + "\(unknownRemedyCount) in \(unknownRemedies.count == Self.unknownRemediesKept ? "at least " : "")"
                         + "\(unknownRemedies.count) distinct texts")
            let listed = unknownRemedies.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(Self.unknownRemediesListed)
            for (text, count) in listed { lines.append("  \(count) x \(text)") }
            if unknownRemedies.count > listed.count {
                lines.append("  ... and \(unknownRemedies.count - listed.count) more")
            }
        }
        if !missingContacts.isEmpty {
            lines.append("letters without an addressee (add them to the contacts table): \(missingContacts.count)")
            for authority in missingContacts { lines.append("  \(authority)") }
        }
        // Names, references and details come from the exports: escaped line by line so that no
        // control sequence in them reaches the analyst's terminal or forges a line.
        return lines.map(TerminalText.escaped).joined(separator: "\n")
    }
}
