package import PipelineModel

/// What `annual-review letters` is asked to make: the drafts of one year's letters of a
/// publication, as Word documents or PDFs.
package struct LetterDraftJob: Sendable {
    /// What the drafts are written as.
    package enum Format: String, Sendable, CaseIterable {
        /// `{code}.docx`, Word documents in the reference document's styles, for editing.
        case docx
        /// `{code}.pdf`, the Word documents converted by LibreOffice, for sending.
        case pdf
    }

    /// The publication's folder (the nightly run's `--out`).
    package var publication: String
    /// The year whose letters are drafted.
    package var year: ReportingYear
    /// Word or PDF.
    package var format: Format
    /// The register codes to draft, in the order given; nil for every authority of the year.
    package var authorities: [String]?
    /// The folder the drafts are written to; it must not exist or be empty.
    package var output: String
    /// The Word document whose styles and page the drafts take (pandoc's `--reference-doc`).
    package var referenceDocument: String
    /// The letters' date; nil keeps the publication's `letter-date` setting.
    package var letterDate: Day?
    /// The addressees' table (`local-authority-code,name,job-title`); nil for none.
    package var contacts: String?
    /// Who signs the letters; nil keeps the publication's `signatory` setting.
    package var signatory: Signatory?

    /// A job; see the properties.
    package init(publication: String, year: ReportingYear, format: Format, authorities: [String]? = nil,
                 output: String, referenceDocument: String, letterDate: Day? = nil, contacts: String? = nil,
                 signatory: Signatory? = nil) {
        self.publication = publication
        self.year = year
        self.format = format
        self.authorities = authorities
        self.output = output
        self.referenceDocument = referenceDocument
        self.letterDate = letterDate
        self.contacts = contacts
        self.signatory = signatory
    }
}
