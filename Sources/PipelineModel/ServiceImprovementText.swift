/// The free texts `service_improvements.csv` prints, kept only for the rows that are service
/// improvements (a case keeps no text otherwise).
package struct ServiceImprovementText: Sendable, Equatable {
    /// The `subcategory` field as recorded.
    package var subcategory: String
    /// The `remedy` field as recorded (every remedy, `;`-separated).
    package var remedy: String

    /// The texts; see the properties.
    package init(subcategory: String, remedy: String) {
        self.subcategory = subcategory
        self.remedy = remedy
    }
}
