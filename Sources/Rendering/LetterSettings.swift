import PipelineModel

/// What a draft letter takes from beyond the figures: its date and its addressees. (The public
/// reports it describes are the year's figures' ``YearFigures/publicReports``.)
public struct LetterSettings: Sendable {
    /// The letters' date (the `letter-date` setting, never the clock's, so that reruns stay
    /// byte-identical); nil prints a visible placeholder.
    public var date: Day?
    /// The addressee of each authority's letter, by register code; an authority without one
    /// gets a visible placeholder.
    public var contacts: [String: Contact]
    /// Settings; see the properties.
    public init(date: Day? = nil, contacts: [String: Contact] = [:]) {
        self.date = date
        self.contacts = contacts
    }
}
