import Foundation
import Testing
import TestSupport

/// The real executable, as cron runs it: exit codes and one-line errors.
@Suite struct CommandLineTests {
    let register = PackagePaths.path("sample-data/register.csv")

    func run(_ arguments: [String]) throws -> ProcessResult {
        try ProcessRunner.run(PackagePaths.executable, arguments, currentDirectory: PackagePaths.root.path)
    }

    @Test func missingInputIsAOneLineErrorWithExit66() throws {
        let out = try TemporaryFolder("cli").path + "/out"
        let result = try run(["run", "--register", register, "--out", out, "/nonexistent/decisions.csv.gz"])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/decisions.csv.gz: no such input file"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func missingRegisterIsAOneLineErrorWithExit66() throws {
        let out = try TemporaryFolder("cli").path + "/out"
        let result = try run(["run", "--register", "/nonexistent/register.csv", "--out", out,
                              PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/register.csv: no such register file"))
    }

    @Test func aRegisterTooLargeForACaseIsAConfigurationError() throws {
        let folder = try TemporaryFolder("cli").path
        let big = folder + "/register.csv"
        var text = "local-authority-code,official-name,nice-name,gss-code,start-date,end-date,replaced-by,nation,"
            + "local-authority-type,alt-names,former-gss-codes,pop-2020\n"
        for i in 0 ... 65_536 { text += "A\(i),Authority \(i),Authority \(i),,1974-04-01,,,England,NMD,,,\n" }
        try text.write(toFile: big, atomically: true, encoding: .utf8)
        let result = try run(["run", "--register", big, "--out", folder + "/out",
                              PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(result.status == 78)
        #expect(result.stderr.contains("65537 authorities; at most 65536 are supported"), "\(result.stderr)")
    }

    @Test func badYearRangeIsAUsageError() throws {
        let result = try run(["run", "--register", register, "--years", "2019-21", "--out", "/tmp/x", "a.csv"])
        #expect(result.status == 64)
    }

    @Test(arguments: ["0", "-2", "257", "many"])
    func badParseWorkersIsAUsageError(value: String) throws {
        let result = try run(["run", "--register", register, "--parse-workers", value, "--out", "/tmp/x", "a.csv"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--parse-workers"), "\(result.stderr)")
    }

    @Test func badParseWorkersInADefinitionIsAConfigurationErrorNamingTheKey() throws {
        let folder = try TemporaryFolder("cli").path
        let definition = folder + "/pipeline.yaml"
        try "register: \(register)\noutput: out\nparse-workers: 0\n".write(toFile: definition, atomically: true, encoding: .utf8)
        let result = try run(["run", definition, PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(result.status == 78)
        #expect(result.stderr.contains("pipeline.yaml:3: 'parse-workers': expected a whole number from 1 to 256"), "\(result.stderr)")
    }

    @Test func parseWorkersGiveTheSameOutputsOnTheSample() throws {
        let folder = try TemporaryFolder("cli").path
        var outputs: [[Data]] = []
        for workers in ["1", "2", "3"] {
            let out = folder + "/out\(workers)"
            let result = try run(["run", "pipelines/sample.yaml", "--parse-workers", workers, "--piece-size", "100", "--out", out])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try ["authority_year.csv", "type_year.csv", "comparison.csv", "rejects.csv"].map {
                try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0))
            })
        }
        #expect(outputs[1] == outputs[0])
        #expect(outputs[2] == outputs[0])
    }

    @Test func helpExplainsEveryOptionAndTheExitCodes() throws {
        let result = try run(["run", "--help"])
        #expect(result.status == 0)
        for option in ["--register", "--lookup", "--population", "--method", "--years", "--out", "--decision-rules",
                       "--service-area-rules", "--parse-workers", "Exit codes", "75"] {
            #expect(result.stdout.contains(option), "help lacks \(option)")
        }
    }

    @Test func validatePrintsTheQualityReportAndPublishesNothing() throws {
        let out = try TemporaryFolder("cli").path + "/out"
        let result = try run(["validate", "--register", register, "--lookup", PackagePaths.path("sample-data/name-lookup.csv"),
                              "--max-reject-rate", "5%", "--out", out, PackagePaths.path("sample-data/decisions-sample.csv.gz")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("rows read: 3000; accepted: 2946; rejected: 54"))
        #expect(result.stdout.contains("unknown_authority: 8"))
        #expect(result.stdout.contains("unknown authorities (add an alternative name"))
        #expect(result.stdout.contains("nothing published"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func dryRunLeavesThePreviousOutputsAlone() throws {
        let out = try TemporaryFolder("cli").path + "/out"
        let arguments = ["run", "--register", register, "--max-reject-rate", "100%", "--out", out,
                         PackagePaths.path("sample-data/decisions-sample.csv.gz")]
        #expect(try run(arguments).status == 0)
        let before = try Snapshot.digests(of: out)
        #expect(try run(arguments + ["--method", "mean", "--dry-run"]).status == 0)
        #expect(try Snapshot.digests(of: out) == before)
        #expect(try Snapshot.stagingFolders(beside: out).isEmpty)
    }
}
