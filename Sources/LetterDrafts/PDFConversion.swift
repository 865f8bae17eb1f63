import Foundation

/// Word documents to PDFs with LibreOffice headless, all of them in one `soffice` call (its
/// start costs seconds), with a profile of its own so that a LibreOffice the user has open, or a
/// read-only home folder, does not stop it.
package struct PDFConversion: Sendable {
    /// soffice.
    package let soffice: ExternalTool

    /// The most documents given to one soffice call.
    package let documentsPerCall: Int

    /// soffice (or libreoffice), or an error naming the package to install; `documentsPerCall`
    /// documents at most to each of its calls.
    package init(documentsPerCall: Int = PDFConversion.defaultDocumentsPerCall) throws(LetterDraftError) {
        self.documentsPerCall = max(1, documentsPerCall)
        soffice = try ExternalTool(["soffice", "libreoffice"], package: "libreoffice-writer",
                                   neededFor: "--format pdf")
    }

    /// The documents given to one soffice call by default: LibreOffice 7.4 stopped silently,
    /// exiting 0, after about 245 letters of one call.
    package static let defaultDocumentsPerCall = 100

    /// Converts `documents` into PDFs of the same names in `folder`, using `scratch` (an empty
    /// folder of ours) for LibreOffice's profile.
    ///
    /// soffice's exit status says nothing of the files (it exits 0 when a conversion failed or
    /// when it stopped half-way), so every PDF is checked to be there and to be a PDF; documents
    /// left without one are given to a second call once.
    /// - Throws: ``LetterDraftError/toolFailed(command:file:reason:)`` naming the first document
    ///   without its PDF.
    package func convert(_ documents: [String], into folder: String, scratch: String) throws(LetterDraftError) {
        let profile = URL(fileURLWithPath: scratch).appendingPathComponent("profile").absoluteString
        func pdf(of document: String) -> String {
            let name = ((document as NSString).lastPathComponent as NSString).deletingPathExtension + ".pdf"
            return (folder as NSString).appendingPathComponent(name)
        }
        func isPDF(_ path: String) -> Bool {
            guard let handle = FileHandle(forReadingAtPath: path) else { return false }
            defer { try? handle.close() }
            return handle.readData(ofLength: 5) == Data("%PDF-".utf8)
        }
        func call(_ batch: ArraySlice<String>) throws(LetterDraftError) -> (status: Int32, errors: String) {
            try soffice.run(["-env:UserInstallation=" + profile, "--headless", "--norestore", "--nologo",
                             "--convert-to", "pdf", "--outdir", folder] + batch, environment: ["HOME": scratch])
        }
        var missing: [String] = []
        var last = (status: Int32(0), errors: "")
        for start in stride(from: 0, to: documents.count, by: documentsPerCall) {
            let batch = documents[start ..< min(start + documentsPerCall, documents.count)]
            last = try call(batch)
            missing += batch.filter { !isPDF(pdf(of: $0)) }
        }
        if !missing.isEmpty {
            last = try call(missing[...])
        }
        if let document = missing.first(where: { !isPDF(pdf(of: $0)) }) {
            throw .toolFailed(command: "soffice", file: document,
                              reason: "no PDF written (exit status \(last.status)): \(last.errors)")
        }
    }
}
