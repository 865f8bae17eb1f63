import ArgumentParser
import Foundation
import LetterDrafts
import Operations
import PipelineConfig
import PipelineModel
import PipelineRunner

extension AnnualReview {
    /// `annual-review letters PUBLICATION --year Y --format docx|pdf --out DIR`: the year's
    /// draft letters as Word documents or PDFs, from a publication, without running the pipeline.
    struct Letters: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a year's draft letters as Word documents or PDFs, from a publication.",
            discussion: """
            A once-a-year job, not part of the nightly run. Reads the publication in PUBLICATION \
            (the folder a run wrote with --out): the year's tables, the register and the letter \
            templates its manifest.json names (each must still have the sha256 recorded there), \
            and renders each authority's Markdown letter as the run did, so that a draft has the \
            words of the published letters/YEAR/CODE.md. Rendered with the run's own settings, \
            every letter is checked to be the published one. \
            Each letter then becomes DIR/CODE.docx through pandoc, in the styles and on the page \
            of the reference document (--reference-doc; the default is the office's, installed \
            as share/annual-review/letters/reference.docx): headings and paragraphs in named \
            styles, the two tables as Word tables that never break across pages, A4. With \
            --format pdf, LibreOffice converts every document in one headless call and DIR holds \
            CODE.pdf only. \
            DIR must not exist or be empty; the files are made in a folder beside it and renamed \
            into place at the end, so a failure leaves nothing behind. \
            Needs the Debian packages pandoc, and libreoffice-writer for PDFs. \
            Exit codes: 0 written; 64 usage (a malformed year, code or date); 65 PUBLICATION is \
            not a publication of annual-review, does not hold the year or an authority, its \
            register or templates changed since it was made, or a letter is not the published \
            one; 69 pandoc or LibreOffice is not installed (the message names the package); \
            70 pandoc or LibreOffice failed on a letter; 73 DIR holds files or cannot be made; \
            78 a bad contacts table, reference document or template.
            """)

        @Argument(help: ArgumentHelp("The publication's folder (a run's --out).", valueName: "publication"))
        var publication: String

        @Option(help: ArgumentHelp("The reporting year whose letters are drafted, 2023-24.", valueName: "year"),
                transform: Self.year)
        var year: ReportingYear

        @Option(help: ArgumentHelp("docx (Word documents to edit) or pdf (to send).", valueName: "docx|pdf"))
        var format: LetterDraftJob.Format

        @Option(help: ArgumentHelp("Only these authorities, by register code, comma-separated (LCE,KEN). Default: every authority of the year.", valueName: "codes"),
                transform: Self.codes)
        var authorities: [String]?

        @Option(help: ArgumentHelp("The folder the drafts are written to (CODE.docx or CODE.pdf); it must not exist or be empty.", valueName: "dir"))
        var out: String

        @Option(name: .customLong("reference-doc"), help: ArgumentHelp("The Word document whose styles and page the drafts take (edit a copy of the default in Word). Default: share/annual-review/letters/reference.docx, or pipelines/letters/reference.docx in a build tree.", valueName: "file"))
        var referenceDoc: String?

        @Option(name: .customLong("letter-date"), help: ArgumentHelp("The date the letters carry, 2024-07-22. Default: the publication's letter-date setting, or a visible placeholder.", valueName: "date"),
                transform: RunOptions.transform(\.letterDate))
        var letterDate: Day?

        @Option(help: ArgumentHelp("The letters' addressees (local-authority-code,name,job-title), as for run; give the run's table to get its addressees. Default: none (visible placeholders).", valueName: "file"))
        var contacts: String?

        @Option(help: ArgumentHelp("Who signs the letters: a name, and after the first comma its title. Default: the publication's signatory setting, or a visible placeholder name.", valueName: "name[, title]"),
                transform: RunOptions.transform(\.signatory))
        var signatory: Signatory?

        func run() throws {
            let job = LetterDraftJob(
                publication: publication, year: year, format: format, authorities: authorities, output: out,
                referenceDocument: referenceDoc ?? Installation.file("letters/reference.docx") ?? "pipelines/letters/reference.docx",
                letterDate: letterDate, contacts: contacts, signatory: signatory)
            do {
                let summary = try LetterDrafts.make(job)
                print(TerminalText.escaped("annual-review: \(summary.files.count) \(format.rawValue) letters of \(year.label) in \(summary.folder)"))
            } catch {
                FileHandle.standardError.write(Data("annual-review: \(TerminalText.escaped(error.description))\n".utf8))
                throw ArgumentParser.ExitCode(ExitCode.for(error).rawValue)
            }
        }

        static func year(_ text: String) throws -> ReportingYear {
            guard let year = ReportingYear(label: text) else {
                throw ValidationError("--year must be a reporting year written 2023-24, not '\(text)'")
            }
            return year
        }

        static func codes(_ text: String) throws -> [String] {
            let codes = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            for code in codes {
                if let problem = RegisterCode.problem(with: code) { throw ValidationError("--authorities: \(problem)") }
            }
            return codes
        }
    }
}

extension LetterDraftJob.Format: ExpressibleByArgument {}
