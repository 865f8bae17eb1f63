package import PipelineModel

/// What a draft letter takes from beyond the figures: its date and its addressees. (The public
/// reports it describes are the year's figures' ``YearFigures/publicReports``.)
package struct LetterSettings: Sendable {
    /// The letters' date (the `letter-date` setting, never the clock's, so that reruns stay
    /// byte-identical); nil prints a visible placeholder.
    package var date: Day?
    /// The addressee of each authority's letter, by register code; an authority without one
    /// gets a visible placeholder.
    package var contacts: [String: Contact]
    /// Who signs the letters; nil prints a visible placeholder for the name.
    package var signatory: Signatory?
    /// Settings; see the properties.
    package init(date: Day? = nil, contacts: [String: Contact] = [:], signatory: Signatory? = nil) {
        self.date = date
        self.contacts = contacts
        self.signatory = signatory
    }
}
