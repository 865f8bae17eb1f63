import Foundation
import Testing
import TestSupport

/// Issue 23 through the executable: a YAML bomb is refused at once, every configuration error
/// names the file it is about, and a missing file is exit 66 whichever route named it.
@Suite(.serialized) struct ConfigurationErrorTests {
    let register = PackagePaths.path("sample-data/register.csv")
    let lookup = PackagePaths.path("sample-data/name-lookup.csv")
    let sample = PackagePaths.path("sample-data/decisions-sample.csv.gz")

    func run(_ arguments: [String], currentDirectory: String? = nil, executable: String = PackagePaths.executable)
        throws -> ProcessResult {
        try ProcessRunner.run(executable, arguments, currentDirectory: currentDirectory ?? PackagePaths.root.path,
                              timeout: 30)
    }

    /// Runs `arguments` under bash's `time`, which reports the program's own CPU time (user and
    /// system), and returns the result (bash's report the last line of its standard error) and
    /// the CPU milliseconds.
    ///
    /// A correctness bound, not a benchmark: composed, the bomb ran for minutes at full CPU. The
    /// program's CPU time is the bound (100 ms): its wall-clock time on this shared machine,
    /// with the whole suite running in parallel, reached 170 ms for runs whose CPU time was a
    /// fraction of that, so the wall clock is bounded at 5 s, which a runaway exceeds too.
    func timed(_ arguments: [String]) throws -> (result: ProcessResult, cpuMilliseconds: Double) {
        let result = try ProcessRunner.run("/bin/bash", ["-c", "TIMEFORMAT='cpu-seconds %3U %3S'; time \"$0\" \"$@\"",
                                                         PackagePaths.executable] + arguments,
                                           currentDirectory: PackagePaths.root.path, timeout: 30)
        var lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        while lines.last?.isEmpty == true { lines.removeLast() }
        let report = lines.popLast().map(String.init) ?? ""
        let fields = report.split(separator: " ")
        #expect(fields.count == 3 && fields[0] == "cpu-seconds", "no time report: \(result.stderr)")
        let cpu = fields.dropFirst().compactMap { Double($0) }.reduce(0, +) * 1000
        #expect(result.seconds < 5, "took \(result.seconds) s")
        return (result, cpu)
    }

    @Test func theAliasAsKeyDefinitionIsRefusedWithin100Milliseconds() throws {
        let folder = try TemporaryFolder("bomb")
        defer { folder.remove() }
        #expect(HostileYAML.aliasAsKey.utf8.count == 474)
        let path = try folder.write(HostileYAML.aliasAsKey, to: "bomb.yaml")
        let message = "annual-review: \(path):2: YAML anchors and aliases (&l0, *l0) are not accepted in a pipeline definition"
        let (result, milliseconds) = try timed(["run", path, "--out", folder.path + "/out", "--log-format", "text"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(milliseconds < 100, "took \(milliseconds) ms of CPU")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theSameBombAsARuleTableIsRefusedWithin100Milliseconds() throws {
        let folder = try TemporaryFolder("bomb")
        defer { folder.remove() }
        let path = try folder.write(HostileYAML.aliasAsKey, to: "decisions.yaml")
        let message = "annual-review: \(path):2: YAML anchors and aliases (&l0, *l0) are not accepted in a rule table"
        let (result, milliseconds) = try timed(["run", "--register", register, "--decision-rules", path,
                                                "--out", folder.path + "/out", "--log-format", "text", sample])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(milliseconds < 100, "took \(milliseconds) ms of CPU")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func theBombNamedByADefinitionIsRefusedUnderTheRuleTablesName() throws {
        let folder = try TemporaryFolder("bomb")
        defer { folder.remove() }
        let rules = try folder.write(HostileYAML.aliasAsKey, to: "areas.yaml")
        let definition = try folder.write("inputs: [\(sample)]\nregister: \(register)\nservice-area-rules: areas.yaml\n",
                                          to: "pipeline.yaml")
        let result = try run(["run", definition, "--out", folder.path + "/out", "--log-format", "text"])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("annual-review: \(rules):2: YAML anchors and aliases"), "\(result.stderr)")
        #expect(result.stderr.contains("(the rule table named by 'service-area-rules' in pipeline.yaml:3)"), "\(result.stderr)")
    }

    @Test func aServiceAreaConflictNamesTheServiceAreaTable() throws {
        let folder = try TemporaryFolder("conflict")
        defer { folder.remove() }
        let areas = try folder.write("Housing:\n  - Schools\nOther:\n  - Roads\n  - schools\n", to: "service-areas.yaml")
        let result = try run(["run", "--register", register, "--service-area-rules", areas, "--out", folder.path + "/out",
                              "--log-format", "text", sample])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("annual-review: \(areas):5: 'schools' is already classified differently at "
                                       + "service-areas.yaml:2"), "\(result.stderr)")
        #expect(!result.stderr.contains("decisions.yaml"), "\(result.stderr)")
    }

    @Test func aDecisionConflictNamesTheDecisionTable() throws {
        let folder = try TemporaryFolder("conflict")
        defer { folder.remove() }
        let decisions = try folder.write("Upheld:\n  - Upheld\nNot upheld:\n  - upheld\n", to: "decisions.yaml")
        let result = try run(["run", "--register", register, "--decision-rules", decisions, "--out", folder.path + "/out",
                              "--log-format", "text", sample])
        #expect(result.status == 78, "\(result.stderr)")
        #expect(result.stderr.contains("annual-review: \(decisions):4: 'upheld' is already classified differently at "
                                       + "decisions.yaml:2"), "\(result.stderr)")
    }

    /// The binary copied alone, run where there is no `pipelines/`: the error names each place
    /// it looked for its rule tables and the ways out.
    @Test func aBinaryCopiedAloneSaysWhereItLookedAndWhatToDo() throws {
        let folder = try TemporaryFolder("alone")
        defer { folder.remove() }
        let bin = folder.path + "/opt/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: PackagePaths.executable, toPath: bin + "/annual-review")
        let work = folder.path + "/work"
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        let result = try run(["run", "--register", register, "--out", work + "/out", "--log-format", "text", sample],
                             currentDirectory: work, executable: bin + "/annual-review")
        #expect(result.status == 66, "\(result.stderr)")
        for expected in ["pipelines/rules/decisions.yaml: no such decision rule table file",
                         "\(folder.path)/opt/share/annual-review", "pipelines/ beside a Package.swift in \(bin)",
                         "\(work)/pipelines (the working directory)", "scripts/install PREFIX",
                         "--decision-rules", "--service-area-rules", "--templates"] {
            #expect(result.stderr.contains(expected), "\(expected) not in: \(result.stderr)")
        }
    }

    /// A missing file is exit 66 given as an option and named in a definition, for every file
    /// setting; the definition's error names its line.
    @Test(arguments: ["register", "lookup", "population", "contacts", "decision-rules", "service-area-rules", "inputs"])
    func aMissingFileIsExit66EitherWay(key: String) throws {
        let folder = try TemporaryFolder("missing")
        defer { folder.remove() }
        let missing = folder.path + "/missing.file"
        var given: [String: String] = ["register": register, "lookup": lookup, "inputs": sample]
        given[key] = missing

        var options = ["run", "--out", folder.path + "/out", "--log-format", "text", "--max-reject-rate", "5%"]
        for (name, path) in given where name != "inputs" { options += ["--\(name)", path] }
        let byOption = try run(options + [given["inputs"]!])
        #expect(byOption.status == 66, "\(key) as an option: \(byOption.stderr)")
        #expect(byOption.stderr.contains(missing), "\(byOption.stderr)")

        let text = given.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: "\n") + "\n"
        let definition = try folder.write(text, to: "pipeline.yaml")
        let line = given.keys.sorted().firstIndex(of: key)! + 1
        let byDefinition = try run(["run", definition, "--out", folder.path + "/out", "--log-format", "text"])
        #expect(byDefinition.status == 66, "\(key) in a definition: \(byDefinition.stderr)")
        #expect(byDefinition.stderr.contains("annual-review: \(definition):\(line): '\(key)': no such file: \(missing)"),
                "\(byDefinition.stderr)")
    }
}
