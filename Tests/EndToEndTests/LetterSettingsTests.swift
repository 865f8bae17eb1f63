import Foundation
import Testing
import TestSupport

/// The draft letters' settings through the executable: `--letter-date` / `letter-date:` and
/// `--contacts` / `contacts:`, their placeholders and their errors.
@Suite struct LetterSettingsTests {
    let sample = PackagePaths.path("pipelines/sample.yaml")

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, arguments, currentDirectory: PackagePaths.root.path)
    }

    /// A contacts table for Leicester only (invented names).
    func contacts(in folder: String, _ text: String = "local-authority-code,name,job-title\nLCE,A Person,Chief Executive\n")
        throws -> String {
        let path = folder + "/contacts.csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func theDateAndTheAddresseeComeFromTheSettingsAndMissingOnesAreListed() throws {
        let folder = try TemporaryFolder("letters").path
        let out = folder + "/out"
        let result = try run(["run", sample, "--out", out, "--contacts", try contacts(in: folder), "--letter-date", "2024-07-22",
                              "--quality-report"])
        #expect(result.status == 0, "\(result.stderr)")
        let leicester = try String(contentsOfFile: out + "/letters/2023-24/LCE.md", encoding: .utf8)
        #expect(leicester.hasPrefix("22 July 2024\n\nA Person  \nChief Executive  \nLeicester City Council\n"))
        let bury = try String(contentsOfFile: out + "/letters/2023-24/BUR.md", encoding: .utf8)
        #expect(bury.hasPrefix("22 July 2024\n\n[Name of the chief executive]  \n[Job title]  \n"))
        #expect(result.stdout.contains("letters without an addressee (add them to the contacts table):"))
        #expect(result.stdout.contains("  BUR Bury Metropolitan Borough Council"))
        #expect(!result.stdout.contains("  LCE Leicester City Council"))
    }

    @Test func aRerunIsByteIdentical() throws {
        let folder = try TemporaryFolder("letters").path
        let first = folder + "/first", second = folder + "/second"
        let contactsTable = try contacts(in: folder)
        for out in [first, second] {
            #expect(try run(["run", sample, "--out", out, "--contacts", contactsTable, "--letter-date", "2024-07-22"]).status == 0)
        }
        for path in ["letters/2023-24/LCE.md", "letters/2023-24/LCE.html", "letters/2019-20/BUR.md"] {
            #expect(FileManager.default.contents(atPath: first + "/" + path) == FileManager.default.contents(atPath: second + "/" + path))
        }
    }

    @Test(arguments: ["2024-13-01", "22/07/2024", "tomorrow"])
    func aBadLetterDateOptionIsAUsageError(date: String) throws {
        let result = try run(["run", sample, "--out", "/tmp/never", "--letter-date", date])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--letter-date"))
    }

    @Test func aBadLetterDateInADefinitionIsAConfigurationErrorNamingTheKey() throws {
        let folder = try TemporaryFolder("letters").path
        let definition = folder + "/letters.yaml"
        try "register: \(PackagePaths.path("sample-data/register.csv"))\nletter-date: 22 July 2024\n"
            .write(toFile: definition, atomically: true, encoding: .utf8)
        let result = try run(["run", definition, "--out", folder + "/out", PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(result.status == 78)
        #expect(result.stderr.contains("letter-date"), "\(result.stderr)")
    }

    @Test func aContactsTableNamingAnUnknownAuthorityIsAConfigurationError() throws {
        let folder = try TemporaryFolder("letters").path
        let table = try contacts(in: folder, "local-authority-code,name,job-title\nZZZ,A Person,Chief Executive\n")
        let result = try run(["run", sample, "--out", folder + "/out", "--contacts", table])
        #expect(result.status == 78)
        #expect(result.stderr.contains("contacts.csv"), "\(result.stderr)")
        #expect(result.stderr.contains("unknown local-authority-code ZZZ"), "\(result.stderr)")
    }
}
