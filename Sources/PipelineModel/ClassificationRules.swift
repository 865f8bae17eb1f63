/// The rule tables an analyst edits (`pipelines/rules/*.yaml`): recorded texts mapped to
/// decision outcomes, service areas and kinds of remedy.
package struct ClassificationRules: Sendable, Equatable {
    /// One rule: a recorded text and what it means.
    package struct Rule<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The text as the rule table writes it.
        package let text: String
        /// What the text classifies as.
        package let value: Value
        /// Where the rule was written (`decisions.yaml:12`), for error messages.
        package let origin: String

        /// A rule; see the properties.
        package init(text: String, value: Value, origin: String = "") {
            self.text = text
            self.value = value
            self.origin = origin
        }
    }

    /// Decision texts to outcomes.
    package let outcomes: [Rule<Outcome>]
    /// Category texts to service areas.
    package let areas: [Rule<ServiceArea>]
    /// Remedy texts (each of a `remedy` field's `;`-separated parts) to kinds of remedy.
    package let remedies: [Rule<RemedyKind>]

    /// Rule tables; see the properties.
    package init(outcomes: [Rule<Outcome>], areas: [Rule<ServiceArea>], remedies: [Rule<RemedyKind>] = []) {
        self.outcomes = outcomes
        self.areas = areas
        self.remedies = remedies
    }
}
