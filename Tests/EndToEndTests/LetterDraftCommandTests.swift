import Foundation
import Testing
import TestSupport

/// `annual-review letters` on bad input: each case exits 64, 65, 69 or 73 with a message naming
/// what is wrong, and writes nothing (no output folder, no staging folder beside it). Needs
/// neither pandoc nor LibreOffice: every case fails before either runs (IntegrationTests'
/// LetterDraftToolTests make real drafts).
@Suite struct LetterDraftCommandTests {
    func letters(_ arguments: [String], path: String? = nil) throws -> ProcessResult {
        let environment: [String: String?] = path.map { ["PATH": $0] } ?? [:]
        return try ProcessRunner.run(PackagePaths.executable, ["letters"] + arguments, environment: environment,
                                     currentDirectory: PackagePaths.root.path)
    }

    /// Runs `letters` with `arguments` into a new folder's `drafts` and checks the exit status,
    /// the message and that the folder holds nothing afterwards.
    func expectNothingWritten(_ arguments: [String], status: Int32, mentioning text: String, path: String? = nil,
                              sourceLocation: SourceLocation = #_sourceLocation) throws {
        let parent = try TemporaryFolder("drafts")
        defer { parent.remove() }
        let result = try letters(arguments + ["--out", parent.file("drafts")], path: path)
        #expect(result.status == status, "\(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stderr.contains(text), "expected \(text) in: \(result.stderr)", sourceLocation: sourceLocation)
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == [], sourceLocation: sourceLocation)
    }

    @Test func badPublicationsYearsAndCodesExit65Or64AndWriteNothing() throws {
        let publication = try SamplePublication.make()
        let notOurs = try TemporaryFolder("not-ours")
        try notOurs.write("year,authority_code\n", to: "authority_year.csv")
        try expectNothingWritten([notOurs.path, "--year", "2023-24", "--format", "docx"], status: 65,
                                 mentioning: "not a publication of annual-review")
        try expectNothingWritten([notOurs.file("missing"), "--year", "2023-24", "--format", "docx"], status: 65,
                                 mentioning: "no such folder")
        try expectNothingWritten([publication, "--year", "2031-32", "--format", "docx"], status: 65,
                                 mentioning: "holds no year 2031-32 (it holds 2018-19, 2019-20")
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "pdf", "--authorities", "LCE,ZZZ"], status: 65,
                                 mentioning: "ZZZ has no row in 2023-24")
        try expectNothingWritten([publication, "--year", "2023", "--format", "docx"], status: 64, mentioning: "--year")
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "odt"], status: 64, mentioning: "--format")
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx", "--authorities", "LCE,../x"],
                                 status: 64, mentioning: "--authorities")
        // A table changed behind the manifest's back is not the publication's.
        let table = publication + "/years/2023-24/type_year.csv"
        let original = try Data(contentsOf: URL(fileURLWithPath: table))
        try (original + Data("\n".utf8)).write(to: URL(fileURLWithPath: table))
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx"], status: 65,
                                 mentioning: "type_year.csv: not a publication of annual-review: its sha256")
    }

    @Test func aRunWithContactsNeedsThemAgainForTheSameWords() throws {
        let folder = try TemporaryFolder("contacts")
        let contacts = try folder.write("local-authority-code,name,job-title\nLCE,A Person,Chief Executive\n", to: "contacts.csv")
        let publication = try SamplePublication.make(["--contacts", contacts])
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx", "--authorities", "LCE"], status: 65,
                                 mentioning: "give it again with --contacts")
    }

    @Test func theRunsSignatoryIsTakenFromItsManifest() throws {
        // The letters were signed by the run (an invented name): drafted without the option,
        // they have the published words (so the command gets as far as looking for pandoc); a
        // draft signed by someone else has other words, which is what --signatory is for.
        let publication = try SamplePublication.make(["--signatory", "A. N. Ombudsman, Acting Ombudsman"])
        let bin = try TemporaryFolder("bin")
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx", "--authorities", "LCE"], status: 69,
                                 mentioning: "install the Debian package pandoc", path: bin.path)
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx", "--authorities", "LCE",
                                  "--signatory", "B. Person"], status: 69,
                                 mentioning: "install the Debian package pandoc", path: bin.path)
    }

    @Test func withoutPandocOrLibreOfficeTheCommandExits69NamingThePackage() throws {
        let publication = try SamplePublication.make()
        let bin = try TemporaryFolder("bin")
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx"], status: 69,
                                 mentioning: "install the Debian package pandoc", path: bin.path)
        // A pandoc that is never run: the PDF's program is looked for before any file is made.
        let pandoc = try bin.write("#!/bin/sh\nexit 1\n", to: "pandoc")
        #expect(chmod(pandoc, 0o755) == 0)
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "pdf"], status: 69,
                                 mentioning: "install the Debian package libreoffice-writer", path: bin.path)
    }

    @Test func anOutputFolderHoldingFilesIsRefused() throws {
        let publication = try SamplePublication.make()
        let out = try TemporaryFolder("full")
        try out.write("a letter edited by hand\n", to: "LCE.docx")
        let result = try letters([publication, "--year", "2023-24", "--format", "docx", "--out", out.path])
        #expect(result.status == 73, "\(result.stderr)")
        #expect(result.stderr.contains("holds files already"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["LCE.docx"])
    }

    @Test func aFailingPandocLeavesNoDraftsBehind() throws {
        let publication = try SamplePublication.make()
        let bin = try TemporaryFolder("bin")
        let pandoc = try bin.write("#!/bin/sh\necho 'pandoc: out of cheese' >&2\nexit 1\n", to: "pandoc")
        #expect(chmod(pandoc, 0o755) == 0)
        try expectNothingWritten([publication, "--year", "2023-24", "--format", "docx", "--authorities", "LCE,KEN"],
                                 status: 70, mentioning: "out of cheese", path: bin.path)
    }
}
