import Foundation
import LetterDrafts
import PipelineModel
import Rendering
import Testing
import TestSupport

/// `annual-review letters` with the real programs: pandoc writes the Word drafts, python-docx
/// reads them back, LibreOffice converts them, pdftotext and pdftoppm read the PDFs. Each tool is
/// installed when missing (root and apt-get, or pip); a test whose tool cannot be had is skipped
/// with the reason. Serialized: LibreOffice is heavy, and the machine's cores are shared.
@Suite(.serialized) struct LetterDraftToolTests {
    static let pandoc = DebianTool(command: "pandoc", package: "pandoc")
    static let soffice = DebianTool(command: "soffice", package: "libreoffice-writer-nogui")
    static let pdftotext = DebianTool(command: "pdftotext", package: "poppler-utils")
    static let docx = PythonModule(module: "docx", package: "python-docx", debianPackage: "python3-docx")

    static var wordTools: String? {
        [pandoc.path == nil ? pandoc.reason : nil, docx.isAvailable ? nil : docx.reason].compactMap { $0 }.first
    }
    static var pdfTools: String? {
        [pandoc, soffice, pdftotext].first { $0.path == nil }?.reason
    }

    /// Runs `annual-review letters` and requires it to succeed.
    static func letters(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(PackagePaths.executable, ["letters"] + arguments, currentDirectory: PackagePaths.root.path)
        try #require(result.status == 0, "\(result.stderr)")
    }

    /// What python-docx reads from each draft: its paragraphs and table cells in document order,
    /// each paragraph's style, the tables, the page size and whether every table paragraph keeps
    /// with the next.
    static let readBack = """
    import docx, json, sys
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    out = {}
    for path in sys.argv[1:]:
        d = docx.Document(path)
        blocks, styles, keeps = [], [], []
        for child in d.element.body.iterchildren():
            if child.tag == qn('w:p'):
                p = Paragraph(child, d)
                blocks.append(p.text); styles.append(p.style.name)
            elif child.tag == qn('w:tbl'):
                for row in Table(child, d).rows:
                    for cell in row.cells:
                        blocks.append(cell.text); styles.append('table cell')
                        keeps += [bool(p.style.paragraph_format.keep_with_next) for p in cell.paragraphs]
        s = d.sections[0]
        out[path] = {'blocks': blocks, 'styles': styles, 'tables': len(d.tables), 'keeps': all(keeps),
                     'page': [s.page_width.mm, s.page_height.mm]}
    print(json.dumps(out))
    """

    struct Draft: Decodable {
        let blocks: [String]
        let styles: [String]
        let tables: Int
        let keeps: Bool
        let page: [Double]
    }

    @Test func everyWordDraftHasTheWordsOfItsMarkdownLetterInNamedStylesOnA4() throws {
        if let reason = Self.wordTools { try Test.cancel("skipped: \(reason)") }
        let publication = try SamplePublication.make()
        // The wording differs by year: "detailed investigations" up to 2022-23, the per-100,000
        // lines from 2022-23.
        for year in ["2020-21", "2023-24"] {
            let out = try TemporaryFolder("drafts").file(year)
            try Self.letters([publication, "--year", year, "--format", "docx", "--out", out])
            let markdownFolder = publication + "/letters/" + year
            let codes = try FileManager.default.contentsOfDirectory(atPath: markdownFolder)
                .filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
            #expect(codes.count > 30, "\(year): \(codes)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == codes.map { $0 + ".docx" })
            let paths = codes.map { out + "/" + $0 + ".docx" }
            let result = try ProcessRunner.run("/usr/bin/env", ["python3", "-c", Self.readBack] + paths)
            try #require(result.status == 0, "\(result.stderr)")
            let drafts = try JSONDecoder().decode([String: Draft].self, from: Data(result.stdout.utf8))
            for (code, path) in zip(codes, paths) {
                let draft = try #require(drafts[path])
                let markdown = try String(contentsOfFile: markdownFolder + "/" + code + ".md", encoding: .utf8)
                let words = draft.blocks.map(MarkdownText.collapsed).filter { !$0.isEmpty }
                #expect(words == MarkdownText.blocks(markdown), "\(year) \(code)")
                #expect(draft.tables == 2, "\(year) \(code)")
                #expect(draft.keeps, "\(year) \(code): a table paragraph that does not keep with the next")
                #expect(abs(draft.page[0] - 210) < 0.5 && abs(draft.page[1] - 297) < 0.5, "\(year) \(code): \(draft.page)")
                #expect(draft.styles.first { $0.hasPrefix("Heading 1") } != nil)
                #expect(draft.styles.filter { $0 == "Heading 2" }.count >= 5, "\(year) \(code): \(draft.styles)")
                #expect(Set(draft.styles).isSubset(of: ["Heading 1", "Heading 2", "First Paragraph", "Body Text", "Compact",
                                                        "table cell"]), "\(year) \(code): \(Set(draft.styles))")
            }
        }
    }

    @Test func pdfsHoldTheYearsStatisticsSentencesOnA4Pages() throws {
        if let reason = Self.pdfTools { try Test.cancel("skipped: \(reason)") }
        let publication = try SamplePublication.make(["--letter-date", "2024-07-22"])
        let codes = ["LCE", "KEN", "BUR", "BIR", "GMCA"]
        let out = try TemporaryFolder("pdf").file("2023-24")
        try Self.letters([publication, "--year", "2023-24", "--format", "pdf", "--authorities", codes.joined(separator: ","),
                          "--out", out])
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == codes.map { $0 + ".pdf" }.sorted())
        for code in codes {
            let text = try PDFText(out + "/" + code + ".pdf")
            #expect(!text.pages.isEmpty && text.pages.count <= 3, "\(code): \(text.pages.count) pages")
            #expect(text.pageSizes.allSatisfy { $0.contains("595.") && $0.contains("841.") && $0.contains("A4") }, "\(code): \(text.pageSizes)")
            let markdown = try String(contentsOfFile: publication + "/letters/2023-24/" + code + ".md", encoding: .utf8)
            let statistics = MarkdownText.statisticsSentences(markdown)
            #expect(statistics.count >= 9, "\(code): \(statistics)")
            let all = MarkdownText.collapsed(text.pages.joined(separator: " "))
            for sentence in statistics {
                #expect(all.contains(sentence), "\(code): not in the PDF: \(sentence)")
            }
            #expect(all.hasPrefix("22 July 2024"), "\(code)")
        }
    }

    @Test func aLongPublicReportParagraphLeavesEachTableOnOnePage() throws {
        if let reason = Self.pdfTools { try Test.cancel("skipped: \(reason)") }
        let folder = try TemporaryFolder("keep")
        let templates = try RepositoryTemplates.load()
        let year = FigureFixtures.single(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023]).years[0]
        // Invented paragraphs of growing length, so that the tables fall at every height of a page.
        var pairs: [(markdown: String, docx: String)] = []
        var control: [(markdown: String, docx: String)] = []
        for n in stride(from: 0, through: 36, by: 4) {
            let report = FigureFixtures.leicesterReports[0]
            let text = PublicReportText(subcategory: report.text.subcategory, decision: report.text.decision, remedy: report.text.remedy,
                                        summary: String(repeating: "The Council delayed the repairs and did not tell the tenant why. ",
                                                        count: 30 + n))
            let invented = YearFigures(year: year.year, authorities: year.authorities, types: year.types, national: year.national,
                                       areas: year.areas, publicReports: [PublicReportCase(
                                           year: report.year, authority: report.authority, reference: report.reference,
                                           decisionDate: report.decisionDate, area: report.area, text: text)])
            let markdown = try folder.write(LetterRenderer.markdown(year.authorities[0], in: invented, templates: templates),
                                            to: "long-\(n).md")
            pairs.append((markdown, folder.file("long-\(n).docx")))
            control.append((markdown, folder.file("control-\(n).docx")))
        }
        try WordConversion(referenceDocument: PackagePaths.path("pipelines/letters/reference.docx")).convert(pairs)
        // pandoc's own reference document, without the keeps: the same letters split a table,
        // which shows that the check below sees a split.
        let defaultReference = folder.file("pandoc-reference.docx")
        _ = try ProcessRunner.run("/bin/sh", ["-c", "\"$0\" --print-default-data-file reference.docx > \"$1\"",
                                              try #require(Self.pandoc.path), defaultReference])
        try WordConversion(referenceDocument: defaultReference).convert(control)
        // Seven documents a call: three calls, as a full register's letters take.
        try PDFConversion(documentsPerCall: 7).convert((pairs + control).map(\.docx), into: folder.path, scratch: folder.file("soffice"))
        var controlSplits = 0
        for (docx, isControl) in pairs.map({ ($0.docx, false) }) + control.map({ ($0.docx, true) }) {
            let pdf = String(docx.dropLast(5)) + ".pdf"
            let text = try PDFText(pdf)
            for (header, last) in [("Service area", "Other"), ("Outcome", "Upheld")] {
                let pages = try text.pagesOfTable(header: header, lastRow: last)
                if isControl {
                    if pages.count > 1 { controlSplits += 1 }
                } else {
                    #expect(pages.count == 1, "\(pdf): the table headed \(header) is on pages \(pages)")
                }
            }
        }
        #expect(controlSplits > 0, "no letter split a table without the reference document's keeps: the lengths test nothing")
    }

    @Test func theCommittedReferenceDocumentIsTheScriptsOutput() throws {
        if let reason = Self.pandoc.path == nil ? Self.pandoc.reason : nil { try Test.cancel("skipped: \(reason)") }
        let result = try ProcessRunner.run("/usr/bin/env", ["python3", PackagePaths.path("scripts/make-reference-docx"), "--check"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func thePagesOfOneLetterRenderAsImages() throws {
        if let reason = Self.pdfTools { try Test.cancel("skipped: \(reason)") }
        guard let pdftotext = Self.pdftotext.path else { return }
        let pdftoppm = (pdftotext as NSString).deletingLastPathComponent + "/pdftoppm"
        let publication = try SamplePublication.make(["--letter-date", "2024-07-22"])
        let out = try TemporaryFolder("pages").file("pdf")
        try Self.letters([publication, "--year", "2023-24", "--format", "pdf", "--authorities", "LCE", "--out", out])
        let images = ExternalCheck.artefactsFolder.appendingPathComponent("letter-pages")
        try? FileManager.default.removeItem(at: images)
        try FileManager.default.createDirectory(at: images, withIntermediateDirectories: true)
        let result = try ProcessRunner.run(pdftoppm, ["-png", "-r", "60", out + "/LCE.pdf", images.appendingPathComponent("LCE-2023-24").path])
        #expect(result.status == 0, "\(result.stderr)")
        let pages = try FileManager.default.contentsOfDirectory(atPath: images.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect(!pages.isEmpty)
        for page in pages {
            let png = try [UInt8](Data(contentsOf: images.appendingPathComponent(page)))
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG: \(page)")
            Attachment.record(png, named: page)
        }
    }
}
