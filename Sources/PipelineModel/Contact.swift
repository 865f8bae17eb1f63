/// The person an authority's annual review letter is addressed to (its chief executive or chief
/// operating officer), from the contacts table an analyst keeps.
public struct Contact: Sendable, Equatable {
    /// `Alison Greenhill`.
    public let name: String
    /// `Chief Operating Officer`.
    public let jobTitle: String

    /// A contact; see the properties.
    public init(name: String, jobTitle: String) {
        self.name = name
        self.jobTitle = jobTitle
    }
}
