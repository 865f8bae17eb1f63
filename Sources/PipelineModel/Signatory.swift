import Foundation

/// Who signs the annual review letters (the `signatory` setting): a name, and the title printed
/// under it, written `Amerdeep Somal, Local Government and Social Care Ombudsman` (the first
/// comma ends the name; without one, the title is the Ombudsman's).
package struct Signatory: Sendable, Equatable {
    /// `Amerdeep Somal`.
    package let name: String
    /// `Local Government and Social Care Ombudsman`.
    package let title: String

    /// The title the letters print when the setting gives none.
    package static let defaultTitle = "Local Government and Social Care Ombudsman"

    /// A signatory; see the properties.
    package init(name: String, title: String = Signatory.defaultTitle) {
        self.name = name
        self.title = title
    }

    /// Parses `NAME` or `NAME, TITLE`; nil when the name is empty, or either holds a control
    /// character or a line break (each is one line of the letter).
    package init?(parsing text: String) {
        let parts = text.split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        let title = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : Signatory.defaultTitle
        guard !name.isEmpty, !title.isEmpty,
              !(name + title).unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return nil }
        self.init(name: name, title: title)
    }

    /// `NAME, TITLE`, as the setting is written (and the manifest records it).
    package var description: String { name + ", " + title }
}
