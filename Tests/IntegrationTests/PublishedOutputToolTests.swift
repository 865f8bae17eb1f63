import Foundation
import PipelineModel
import Rendering
import Testing
import TestSupport

/// The report, letters, data package and map checked with real tools (scripts/check-report);
/// serialized because they install tools and share the machine's two cores.
@Suite(.serialized) struct PublishedOutputToolTests {
    /// Writes the sample's report (of `years`, all by default), letters (of `letterYears`) and map
    /// files into a fresh folder.
    static func sampleOutput(years: Set<String>? = nil, letterYears: Set<String> = []) throws -> TemporaryFolder {
        let all = try SampleFigures.load()
        let figures = AnnualFigures(method: all.method, years: all.years.filter { years?.contains($0.year.label) ?? true })
        let lettered = AnnualFigures(method: all.method, years: all.years.filter { letterYears.contains($0.year.label) })
        let templates = try RepositoryTemplates.load()
        let folder = try TemporaryFolder("publishing")
        let artefacts = RenderedFiles.letters(lettered, templates: templates)
            + (try ReportFixture.artefacts(figures, templates: templates))
            + RenderedFiles.mapFiles(figures)
        for artefact in artefacts {
            let url = folder.url.appendingPathComponent(artefact.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(artefact.bytes).write(to: url)
        }
        return folder
    }

    @Test func reportAndLettersPassTheHTMLChecker() throws {
        // Every report page; the letters of one year (one template, so one year shows its markup).
        let folder = try Self.sampleOutput(letterYears: ["2020-21"])
        defer { folder.remove() }
        try ExternalCheck.expectPass(["html", folder.url.path])
    }

    @Test func htmlCheckCatchesInvalidMarkupAndOutsideReferences() throws {
        let folder = try Self.sampleOutput(years: ["2023-24"])
        defer { folder.remove() }
        let index = folder.url.appendingPathComponent("report/2023-24/index.html")
        let original = try String(contentsOf: index, encoding: .utf8)
        try original.replacingOccurrences(of: "<main>", with: "<main><div><p>unclosed</span>")
            .write(to: index, atomically: true, encoding: .utf8)
        try ExternalCheck.expectFailure(["html", folder.url.path], mentioning: "HTML checker")
        for outside in [#"<main><img src="https://example.org/logo.png" alt="logo">"#,
                        #"<main><style>@import "theme.css";</style>"#] {
            try original.replacingOccurrences(of: "<main>", with: outside).write(to: index, atomically: true, encoding: .utf8)
            try ExternalCheck.expectFailure(["html", folder.url.path], mentioning: "refer to other files or addresses")
        }
    }

    @Test func htmlCheckAllowsOnlyAStyleSheetInsideTheFolder() throws {
        let folder = try Self.sampleOutput(years: ["2023-24"])
        defer { folder.remove() }
        let link = #"<link rel="stylesheet" href="style.css">"#
        let index = folder.url.appendingPathComponent("report/2023-24/index.html")
        let original = try String(contentsOf: index, encoding: .utf8)
        try #require(original.contains(link))
        // A file outside the folder, reached by `..` from the page or by a link planted in it.
        let outside = try TemporaryFolder("outside")
        defer { outside.remove() }
        let sheet = try outside.write("body { color: black; }\n", to: "style.css")
        let up = String(repeating: "../", count: folder.url.pathComponents.count + 1) + sheet.dropFirst()
        try FileManager.default.createSymbolicLink(atPath: folder.url.appendingPathComponent("report/2023-24/planted.css").path,
                                                   withDestinationPath: sheet)
        let cases: [(href: String, message: String)] = [
            ("../../../" + outside.url.lastPathComponent + "/style.css", "leaves the output folder"),
            (up, "leaves the output folder"),
            ("planted.css", "leaves the output folder"),
            ("nowhere.css", "is missing"),
            ("//example.org/style.css", "refer to other files or addresses"),
            ("https://example.org/style.css", "refer to other files or addresses"),
        ]
        for (href, message) in cases {
            try original.replacingOccurrences(of: link, with: #"<link rel="stylesheet" href="\#(href)">"#)
                .write(to: index, atomically: true, encoding: .utf8)
            try ExternalCheck.expectFailure(["html", folder.url.path], mentioning: message)
        }
        // Another kind of link is refused, however local.
        try original.replacingOccurrences(of: link, with: link + #"<link rel="icon" href="style.css">"#)
            .write(to: index, atomically: true, encoding: .utf8)
        try ExternalCheck.expectFailure(["html", folder.url.path], mentioning: "only a relative <link rel=")
        // A style sheet that loads something itself.
        try original.write(to: index, atomically: true, encoding: .utf8)
        let css = folder.url.appendingPathComponent("report/2023-24/style.css")
        let style = try String(contentsOf: css, encoding: .utf8)
        try (style + "@import url(\"print.css\");\n").write(to: css, atomically: true, encoding: .utf8)
        try ExternalCheck.expectFailure(["html", folder.url.path], mentioning: "a style sheet that imports or loads something")
        // Put back, the same folder passes: what failed above was the change.
        try style.write(to: css, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: folder.url.appendingPathComponent("report/2023-24/planted.css").path)
        try ExternalCheck.expectPass(["html", folder.url.path])
    }

    @Test func reportLoadsInHeadlessChromiumWithoutErrors() throws {
        let folder = try Self.sampleOutput()
        defer { folder.remove() }
        let shots = ExternalCheck.artefactsFolder.appendingPathComponent("report-screenshots")
        try? FileManager.default.removeItem(at: shots)
        try ExternalCheck.expectPass(["browser", folder.url.path, shots.path])
        let index = shots.appendingPathComponent("2023-24-index.png")
        let png = try [UInt8](Data(contentsOf: index))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]), "not a PNG: \(index.path)")
        Attachment.record(png, named: "2023-24-index.png")
    }

    @Test func aDraftLetterPrintsOnA4() throws {
        // Leicester's 2023-24 letter with its public reports (invented) and an addressee: the
        // longest letter of the fixtures.
        let templates = try RepositoryTemplates.load()
        let settings = LetterSettings(date: Day(year: 2024, month: 7, day: 22),
                                      contacts: ["LCE": Contact(name: "Alison Greenhill", jobTitle: "Chief Operating Officer")])
        let figures = FigureFixtures.single(FigureFixtures.leicester2023, types: [FigureFixtures.unitary2023], publicReports: FigureFixtures.leicesterReports)
        let letter = try #require(RenderedFiles.letters(figures, templates: templates, settings: settings)
            .first { $0.path.hasSuffix(".html") })
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(letter.bytes, to: "LCE.html")
        // The print rules (A4) are in the style sheet the letter links, beside it.
        let styleSheet = LetterRenderer.styleSheet(of: try #require(letter.year), templates: templates)
        try folder.write(styleSheet.bytes, to: LetterRenderer.styleSheetName)
        let shots = ExternalCheck.artefactsFolder.appendingPathComponent("letter-print")
        try ExternalCheck.expectPass(["print", path, shots.path])
        let pages = try FileManager.default.contentsOfDirectory(atPath: shots.path).filter { $0.hasSuffix(".png") }.sorted()
        #expect((2 ... 4).contains(pages.count), "\(pages)")
        for page in pages {
            Attachment.record(try [UInt8](Data(contentsOf: shots.appendingPathComponent(page))), named: page)
        }
    }

    @Test func browserCheckCatchesAScriptError() throws {
        let folder = try Self.sampleOutput(years: ["2023-24"])
        defer { folder.remove() }
        let index = folder.url.appendingPathComponent("report/2023-24/index.html")
        let html = try String(contentsOf: index, encoding: .utf8)
            .replacingOccurrences(of: "\"use strict\";", with: "\"use strict\"; notDefinedAnywhere();")
        try html.write(to: index, atomically: true, encoding: .utf8)
        let shots = try TemporaryFolder()
        defer { shots.remove() }
        try ExternalCheck.expectFailure(["browser", folder.url.path, shots.url.path], mentioning: "script errors")
    }

    @Test func mapFilesMatchTheirSchema() throws {
        let folder = try Self.sampleOutput()
        defer { folder.remove() }
        let schema = PackagePaths.root.appendingPathComponent(MapDataRenderer.schemaPath).path
        try ExternalCheck.expectPass(["map", folder.url.path, schema])
        // A file without a required member fails, so the check is real.
        let file = folder.url.appendingPathComponent("map/2023-24.json")
        let broken = try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\"code\":\"LCE\",", with: "")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        try ExternalCheck.expectFailure(["map", folder.url.path, schema], mentioning: "'code' is a required property")
    }

    @Test func dataPackageOfTheSampleOutputsValidates() throws {
        let folder = try SampleDataPackage.folder()
        defer { folder.remove() }
        try ExternalCheck.expectPass(["datapackage", folder.url.path])
    }

    @Test func frictionlessCatchesAChangedFile() throws {
        let folder = try SampleDataPackage.folder()
        defer { folder.remove() }
        // One byte changed after the descriptor was written: size is the same, the hash is not.
        let file = folder.url.appendingPathComponent("type_year.csv")
        var bytes = try [UInt8](Data(contentsOf: file))
        let i = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))
        bytes[i] = UInt8(ascii: "2")
        try Data(bytes).write(to: file)
        try ExternalCheck.expectFailure(["datapackage", folder.url.path], mentioning: "hash")
    }

    @Test func frictionlessCatchesAChangedNationalFigure() throws {
        let folder = try SampleDataPackage.folder()
        defer { folder.remove() }
        let file = folder.url.appendingPathComponent("national_year.csv")
        let original = try String(contentsOf: file, encoding: .utf8)
        var lines = original.components(separatedBy: "\n")
        var cells = lines[1].components(separatedBy: ",")
        let upholdRate = try #require(lines[0].components(separatedBy: ",").firstIndex(of: "uphold_rate"))
        // The same number of bytes, another uphold rate: the hash catches it.
        cells[upholdRate] = String(String(cells[upholdRate].reversed()))
        try #require(cells[upholdRate] != lines[1].components(separatedBy: ",")[upholdRate])
        lines[1] = cells.joined(separator: ",")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        try ExternalCheck.expectFailure(["datapackage", folder.url.path], mentioning: "hash")
        // A rate no percentage can be, with a descriptor written for the changed file: the schema
        // catches it.
        cells[upholdRate] = "150"
        lines[1] = cells.joined(separator: ",")
        let changed = Array(lines.joined(separator: "\n").utf8)
        try folder.write(changed, to: "national_year.csv")
        try folder.write(DataPackageWriter.dataPackage(resources: [("national_year.csv", changed)]).bytes,
                         to: "datapackage.json")
        try ExternalCheck.expectFailure(["datapackage", folder.url.path], mentioning: "constraint-error")
    }

    @Test func frictionlessCatchesAWrongType() throws {
        // A descriptor written for a file whose count column holds text: the schema is enforced.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var lines = String(decoding: try SampleFigures.expectedBytes("type_year.csv"), as: UTF8.self)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let authorities = try #require(lines[0].firstIndex(of: "authorities"))
        lines[1][authorities] = "many"
        let csv = Array(lines.map { $0.joined(separator: ",") + "\n" }.joined().utf8)
        try folder.write(csv, to: "type_year.csv")
        try folder.write(DataPackageWriter.dataPackage(resources: [("type_year.csv", csv)]).bytes, to: "datapackage.json")
        try ExternalCheck.expectFailure(["datapackage", folder.url.path], mentioning: "type-error")
    }

    @Test func aRealRunsDataPackagePassesFrictionless() throws {
        // The sample's publication, as the executable writes it (EndToEndTests'
        // PublishedDataPackageTests checks what its descriptor says).
        let out = try TemporaryFolder("package").path + "/out"
        let run = try ProcessRunner.run(PackagePaths.executable, ["run", PackagePaths.path("pipelines/sample.yaml"), "--out", out])
        try #require(run.status == 0, "\(run.stderr)")
        try ExternalCheck.expectPass(["datapackage", out])
    }
}
