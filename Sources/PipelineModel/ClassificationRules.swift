/// The rule tables an analyst edits (`pipelines/rules/*.yaml`): recorded texts mapped to
/// decision outcomes and service areas.
public struct ClassificationRules: Sendable, Equatable {
    /// One rule: a recorded text and what it means.
    public struct Rule<Value: Sendable & Equatable>: Sendable, Equatable {
        /// The text as the rule table writes it.
        public let text: String
        /// What the text classifies as.
        public let value: Value
        /// Where the rule was written (`decisions.yaml:12`), for error messages.
        public let origin: String

        /// A rule; see the properties.
        public init(text: String, value: Value, origin: String = "") {
            self.text = text
            self.value = value
            self.origin = origin
        }
    }

    /// Decision texts to outcomes.
    public let outcomes: [Rule<Outcome>]
    /// Category texts to service areas.
    public let areas: [Rule<ServiceArea>]

    /// Rule tables; see the properties.
    public init(outcomes: [Rule<Outcome>], areas: [Rule<ServiceArea>]) {
        self.outcomes = outcomes
        self.areas = areas
    }
}
