import PipelineModel

/// What a draft letter takes from beyond the figures: its date, its addressees and the public
/// reports issued about each authority in each year.
public struct LetterSettings: Sendable {
    /// The letters' date (the `letter-date` setting, never the clock's, so that reruns stay
    /// byte-identical); nil prints a visible placeholder.
    public var date: Day?
    /// The addressee of each authority's letter, by register code; an authority without one
    /// gets a visible placeholder.
    public var contacts: [String: Contact]
    /// The public reports of each authority and year (key: ``key(_:_:)``).
    public var publicReports: [String: [PublicReportSummary]]

    /// Settings; see the properties.
    public init(date: Day? = nil, contacts: [String: Contact] = [:], publicReports: [String: [PublicReportSummary]] = [:]) {
        self.date = date
        self.contacts = contacts
        self.publicReports = publicReports
    }

    /// The key of `code`'s public reports in `year`: `2023-24/LCE`.
    public static func key(_ year: ReportingYear, _ code: String) -> String { "\(year.label)/\(code)" }

    /// What the letters print of one public report.
    public struct PublicReportSummary: Sendable, Equatable {
        /// `19 012 345`.
        public let reference: String
        /// The service area's published name.
        public let serviceArea: String
        /// What the case was about, as the case system records it.
        public let summary: String
        /// What the authority agreed to do, as recorded (may be empty).
        public let remedy: String

        /// A summary; see the properties.
        public init(reference: String, serviceArea: String, summary: String, remedy: String) {
            self.reference = reference
            self.serviceArea = serviceArea
            self.summary = summary
            self.remedy = remedy
        }
    }
}
