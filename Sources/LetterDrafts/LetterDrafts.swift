import Foundation

/// `annual-review letters`: the drafts of one year's letters of a publication, written into a
/// staging folder beside the output folder and renamed into place at the end, so that a failure
/// half-way leaves nothing behind.
package enum LetterDrafts {
    /// What was written.
    package struct Summary: Sendable {
        /// The output folder.
        package let folder: String
        /// The files written, by name (`LCE.docx`), in the order of the letters.
        package let files: [String]
    }

    /// Makes the drafts `job` asks for.
    ///
    /// Order: the publication and the arguments are checked and every letter rendered first,
    /// then the programs found, then the files made; nothing is in `job.output` until all are.
    /// - Throws: ``LetterDraftError``.
    package static func make(_ job: LetterDraftJob) throws(LetterDraftError) -> Summary {
        let output = (job.output as NSString).standardizingPath
        try checkOutput(output)
        let letters = try PublishedLetters(job).letters
        guard FileManager.default.isReadableFile(atPath: job.referenceDocument) else {
            throw .configuration("\(job.referenceDocument): the reference document (--reference-doc) cannot be read")
        }
        let word = try WordConversion(referenceDocument: job.referenceDocument)
        let pdf = job.format == .pdf ? try PDFConversion() : nil

        let staging = try makeStaging(beside: output)
        do throws(LetterDraftError) {
            let work = staging + "/.work"
            try createFolder(work)
            let documents = job.format == .docx ? staging : work
            var pairs: [(markdown: String, docx: String)] = []
            for letter in letters {
                let markdown = work + "/" + letter.code + ".md"
                guard FileManager.default.createFile(atPath: markdown, contents: Data(letter.markdown)) else {
                    throw .cannotCreate(path: markdown, reason: "cannot write the file")
                }
                pairs.append((markdown, documents + "/" + letter.code + ".docx"))
            }
            try word.convert(pairs)
            if let pdf {
                try pdf.convert(pairs.map(\.docx), into: staging, scratch: work)
            }
            try? FileManager.default.removeItem(atPath: work)
            // rename(2) replaces an empty folder, and fails on one that gained files since the check.
            guard rename(staging, output) == 0 else {
                throw .cannotCreate(path: output, reason: String(cString: strerror(errno)))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
        let suffix = job.format == .docx ? ".docx" : ".pdf"
        return Summary(folder: output, files: letters.map { $0.code + suffix })
    }

    /// The output folder must not exist, or be an empty folder, and its parent must exist.
    private static func checkOutput(_ output: String) throws(LetterDraftError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw .cannotCreate(path: output, reason: "it is a file, not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: output)) ?? ["?"]
            guard entries.isEmpty else {
                throw .cannotCreate(path: output, reason: "the folder holds files already; name a new or empty folder")
            }
        }
        let parent = (output as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: parent.isEmpty ? "." : parent, isDirectory: &isFolder),
              isFolder.boolValue else {
            throw .cannotCreate(path: output, reason: "its parent folder does not exist")
        }
    }

    /// `.{name}.staging-{pid}` beside `output`, on the same file system so that it can be renamed.
    private static func makeStaging(beside output: String) throws(LetterDraftError) -> String {
        let parent = (output as NSString).deletingLastPathComponent
        let name = "." + (output as NSString).lastPathComponent + ".staging-\(getpid())"
        let staging = parent.isEmpty ? name : parent + "/" + name
        try? FileManager.default.removeItem(atPath: staging)
        try createFolder(staging)
        return staging
    }

    private static func createFolder(_ path: String) throws(LetterDraftError) {
        guard mkdir(path, 0o755) == 0 else {
            throw .cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
