/// An upheld case with a service-improvement remedy: a row of `service_improvements.csv`
/// without the year and authority. It keeps the winning row's free texts, which the run reads
/// only for these cases (as for public reports).
package struct ServiceImprovementCase: Sendable, Equatable {
    /// The reference's eight digits as a number.
    package let reference: UInt32
    /// The decision date.
    package let decisionDate: Day
    /// The case's service area (the table's `category`).
    package let area: ServiceArea
    /// The `subcategory` field as recorded.
    package let subcategory: String
    /// The `remedy` field as recorded (every remedy, `;`-separated).
    package let remedy: String

    /// A service improvement; see the properties.
    package init(reference: UInt32, decisionDate: Day, area: ServiceArea, subcategory: String, remedy: String) {
        self.reference = reference
        self.decisionDate = decisionDate
        self.area = area
        self.subcategory = subcategory
        self.remedy = remedy
    }
}
