/// The two kinds of remedy the Ombudsman counts (statistics.md, "Remedies and service
/// improvements"), the keys of the remedy rule table (`pipelines/rules/remedies.yaml`).
package enum RemedyKind: Int, CaseIterable, Sendable, Codable {
    /// A remedy that puts things right for the person (an apology, financial redress, ...).
    case putRight
    /// A change to how the authority works for everyone (a procedure changed, training).
    case serviceImprovement

    /// The kind's name in the rule table.
    package var name: String {
        switch self {
        case .putRight: "Put right for the person"
        case .serviceImprovement: "Service improvement"
        }
    }
}
