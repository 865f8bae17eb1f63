/// The person an authority's annual review letter is addressed to (its chief executive or chief
/// operating officer), from the contacts table an analyst keeps.
package struct Contact: Sendable, Equatable {
    /// `Alison Greenhill`.
    package let name: String
    /// `Chief Operating Officer`.
    package let jobTitle: String

    /// A contact; see the properties.
    package init(name: String, jobTitle: String) {
        self.name = name
        self.jobTitle = jobTitle
    }
}
