import Dispatch
import Foundation
import Synchronization

/// Markdown letters to Word documents with pandoc (`--reference-doc`): headings, paragraphs and
/// the two tables in the reference document's named styles, on its page.
///
/// pandoc rather than Office Open XML written here through ZIPFoundation: pandoc reads the very
/// Markdown the run publishes, so a draft has the letter's words by construction and the
/// letter's wording stays in one template; writing document.xml here would mean a second
/// rendering of the letter (or a Markdown reader of our own), which is what pandoc provides. The
/// PDFs need LibreOffice in any case, so the drafts depend on Debian packages either way.
package struct WordConversion: Sendable {
    /// pandoc.
    package let pandoc: ExternalTool
    /// The Word document whose styles, page and headers the drafts take.
    package let referenceDocument: String

    /// The Markdown the letters are written in: CommonMark with pipe tables, and no "smart"
    /// punctuation, so that an apostrophe stays the letter's apostrophe.
    static let inputFormat = "commonmark+pipe_tables"

    /// pandoc, or an error naming its package.
    package init(referenceDocument: String) throws(LetterDraftError) {
        pandoc = try ExternalTool(["pandoc"], package: "pandoc", neededFor: "annual-review letters")
        self.referenceDocument = referenceDocument
    }

    /// Converts each `(markdown, docx)` pair, on every core (one pandoc process each).
    /// - Throws: ``LetterDraftError/toolFailed(command:file:reason:)`` for the first file that failed.
    package func convert(_ files: [(markdown: String, docx: String)]) throws(LetterDraftError) {
        let failure = Mutex<LetterDraftError?>(nil)
        DispatchQueue.concurrentPerform(iterations: files.count) { i in
            guard failure.withLock({ $0 == nil }) else { return }
            let (markdown, docx) = files[i]
            do throws(LetterDraftError) {
                let result = try pandoc.run(["--from", Self.inputFormat, "--to", "docx",
                                             "--reference-doc", referenceDocument, "--output", docx, markdown])
                guard result.status == 0 else {
                    throw .toolFailed(command: "pandoc", file: markdown, reason: "exit status \(result.status): \(result.errors)")
                }
            } catch {
                failure.withLock { if $0 == nil { $0 = error } }
            }
        }
        if let error = failure.withLock({ $0 }) { throw error }
    }
}
