import Foundation
import Testing
import TestSupport

/// The draft letters' settings through the executable: `--letter-date` / `letter-date:` and
/// `--contacts` / `contacts:`, `--signatory` / `signatory:`, their placeholders and their errors.
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

    @Test func theSignatoryTakesThePlaceholdersPlaceAndIsRecorded() throws {
        let folder = try TemporaryFolder("letters").path
        let out = folder + "/out", definition = folder + "/signed.yaml"
        // An invented name; the definition names the sample's files and signs with a title of its own.
        let data = PackagePaths.path("sample-data")
        try """
            inputs: [\(data)/decisions-sample.csv.gz]
            register: \(data)/register.csv
            lookup: \(data)/name-lookup.csv
            population: \(data)/population.csv
            max-reject-rate: 5%
            signatory: A. N. Ombudsman, Acting Ombudsman

            """.write(toFile: definition, atomically: true, encoding: .utf8)
        let signed = try run(["run", definition, "--out", out])
        #expect(signed.status == 0, "\(signed.stderr)")
        let markdown = try String(contentsOfFile: out + "/letters/2023-24/LCE.md", encoding: .utf8)
        #expect(markdown.contains("Yours sincerely,\n\nA. N. Ombudsman  \nActing Ombudsman  \nChair, Commission for Local Administration in England"))
        #expect(!markdown.contains("[Ombudsman's name]"))
        let html = try String(contentsOfFile: out + "/letters/2023-24/LCE.html", encoding: .utf8)
        #expect(html.contains("<p>A. N. Ombudsman<br>Acting Ombudsman<br>Chair, Commission"))
        let manifest = try String(contentsOfFile: out + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"signatory\" : \"A. N. Ombudsman, Acting Ombudsman\""))

        // The option overrides the definition; without a title the Ombudsman's is printed.
        let overridden = folder + "/overridden"
        #expect(try run(["run", definition, "--out", overridden, "--signatory", "B. Person"]).status == 0)
        let other = try String(contentsOfFile: overridden + "/letters/2019-20/BUR.md", encoding: .utf8)
        #expect(other.contains("B. Person  \nLocal Government and Social Care Ombudsman  \nChair"))

        // Without the setting the placeholder stays.
        let unsigned = folder + "/unsigned"
        #expect(try run(["run", sample, "--out", unsigned]).status == 0)
        #expect(try String(contentsOfFile: unsigned + "/letters/2023-24/LCE.md", encoding: .utf8)
            .contains("[Ombudsman's name]  \nLocal Government and Social Care Ombudsman  \n"))
    }

    @Test func aSignatoryOverTwoLinesIsRefused() throws {
        let option = try run(["run", sample, "--out", "/tmp/never", "--signatory", "A Person\nInjected line"])
        #expect(option.status == 64)
        #expect(option.stderr.contains("--signatory"))
        let folder = try TemporaryFolder("letters").path
        let definition = folder + "/letters.yaml"
        try "register: \(PackagePaths.path("sample-data/register.csv"))\nsignatory: \", Ombudsman\"\n"
            .write(toFile: definition, atomically: true, encoding: .utf8)
        let file = try run(["run", definition, "--out", folder + "/out", PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(file.status == 78)
        #expect(file.stderr.contains("letters.yaml:2"))
        #expect(file.stderr.contains("'signatory'"))
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
