import Foundation

/// Word documents to PDFs with LibreOffice headless, all of them in one `soffice` call (its
/// start costs seconds), with a profile of its own so that a LibreOffice the user has open, or a
/// read-only home folder, does not stop it.
package struct PDFConversion: Sendable {
    /// soffice.
    package let soffice: ExternalTool

    /// soffice (or libreoffice), or an error naming the package to install.
    package init() throws(LetterDraftError) {
        soffice = try ExternalTool(["soffice", "libreoffice"], package: "libreoffice-writer",
                                   neededFor: "--format pdf")
    }

    /// Converts `documents` into PDFs of the same names in `folder`, using `scratch` (an empty
    /// folder of ours) for LibreOffice's profile.
    ///
    /// soffice's exit status says nothing of the files (it exits 0 when a conversion failed), so
    /// every PDF is checked to be there and to be a PDF.
    /// - Throws: ``LetterDraftError/toolFailed(command:file:reason:)`` naming the first document
    ///   without its PDF.
    package func convert(_ documents: [String], into folder: String, scratch: String) throws(LetterDraftError) {
        guard !documents.isEmpty else { return }
        let profile = URL(fileURLWithPath: scratch).appendingPathComponent("profile").absoluteString
        let result = try soffice.run(["-env:UserInstallation=" + profile, "--headless", "--norestore", "--nologo",
                                      "--convert-to", "pdf", "--outdir", folder] + documents,
                                     environment: ["HOME": scratch])
        for document in documents {
            let name = ((document as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            let pdf = (folder as NSString).appendingPathComponent(name)
            guard let handle = FileHandle(forReadingAtPath: pdf) else {
                throw .toolFailed(command: "soffice", file: document,
                                  reason: "no PDF written (exit status \(result.status)): \(result.errors)")
            }
            let head = handle.readData(ofLength: 5)
            try? handle.close()
            guard head == Data("%PDF-".utf8) else {
                throw .toolFailed(command: "soffice", file: document, reason: "\(pdf) is not a PDF")
            }
        }
    }
}
