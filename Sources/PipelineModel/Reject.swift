/// The reason codes of the rejects file (export-format.md, tools/README.md).
///
/// The order of the cases is the order in which a row's faults are looked for: a row with
/// several faults is rejected once, for the first.
package enum RejectReason: String, CaseIterable, Sendable, Codable, Comparable {
    case fieldCount = "field_count"
    case unterminatedQuote = "unterminated_quote"
    case missingRequired = "missing_required"
    case badDate = "bad_date"
    case decisionBeforeReceived = "decision_before_received"
    case unclassifiedDecision = "unclassified_decision"
    /// A category text that no service-area rule matches. Not in the spec's list, which
    /// never expects one: such a row is rejected rather than counted as "Other" in silence.
    case unclassifiedCategory = "unclassified_category"
    case decisionWithoutDate = "decision_without_date"
    case unknownAuthority = "unknown_authority"
    case ambiguousAuthority = "ambiguous_authority"
    /// The authority is not in England, outside the Ombudsman's jurisdiction (authorities.md
    /// says such cases are rejected, without naming a code).
    case outOfJurisdiction = "out_of_jurisdiction"
    case badReference = "bad_reference"
    /// A flag, compliance outcome or date combination outside its vocabulary (`Y`/`N`/...,
    /// `Complied`/..., a compliance outcome without its date). Not in the spec's list either.
    case badValue = "bad_value"

    /// The spec's order of precedence.
    package static func < (a: RejectReason, b: RejectReason) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A row that cannot be used: written to `rejects.csv` and counted, never silently dropped.
package struct Reject: Sendable, Equatable {
    /// The input file's path as given to the run.
    package let file: String
    /// The physical line on which the record starts (the header is line 1).
    package let line: Int
    /// The reference as written in the row, or empty when there was none.
    package let reference: String
    /// Why the row was rejected.
    package let reason: RejectReason
    /// A human-readable explanation naming the offending value.
    package let detail: String

    /// A reject of the row at `file`:`line`.
    package init(file: String, line: Int, reference: String, reason: RejectReason, detail: String) {
        self.file = file
        self.line = line
        self.reference = reference
        self.reason = reason
        self.detail = detail
    }
}

/// A fault found in a row before it is known to be the first one in the spec's order.
///
/// Cleaning cannot judge decision texts (Classification does), yet an unclassified decision
/// outranks an unknown authority; so Cleaning hands on its later faults for Classification
/// to rank. See ``RejectReason`` for the order.
package struct RowFault: Error, Sendable, Equatable {
    /// The reason code.
    package let reason: RejectReason
    /// The human-readable detail.
    package let detail: String

    /// A fault of the given kind.
    package init(_ reason: RejectReason, _ detail: String) {
        self.reason = reason
        self.detail = detail
    }
}
