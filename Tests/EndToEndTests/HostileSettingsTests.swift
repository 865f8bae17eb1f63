import Foundation
import Glibc
import Testing
import TestSupport

/// Operators' slips and hostile configuration through the executable (issue 16, classes 4, 5
/// and 6): each ends with the documented exit code (64 for an option, 78 for a file) naming the
/// setting, within seconds and a normal run's memory, with the publication byte-identical.
@Suite(.serialized) struct HostileSettingsTests {
    // MARK: - Class 4: unbounded configuration

    @Test func aRegisterThatNeverEndsIsCutAtTheCap() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let result = try setting.run(["--register", "/dev/zero", "--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 78)
        #expect(result.errorLines.contains { $0.contains("/dev/zero") && $0.contains("larger than 8388608 bytes") },
                "\(result.stderr)")
    }

    @Test func aBillionLaughsDefinitionIsRefusedAtItsFirstAnchor() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        var lines = ["output: out", "inputs: [\(setting.sample)]", "register: \(setting.register)",
                     "a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1 ..< 24 { lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]") }
        let definition = try setting.write("laughs.yaml", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try setting.run([definition])
        try setting.expectEnded(result, status: 78, seconds: 5, mebibytes: 128)
        #expect(result.errorLines.contains { $0.contains("laughs.yaml:4") && $0.contains("anchors and aliases") },
                "\(result.stderr)")
    }

    @Test func aDefinitionThatNeverEndsIsCutAtTheCap() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let definition = setting.base + "/zero.yaml"
        try FileManager.default.createSymbolicLink(atPath: definition, withDestinationPath: "/dev/zero")
        let result = try setting.run([definition])
        try setting.expectEnded(result, status: 78, seconds: 5, mebibytes: 128)
        #expect(result.errorLines.contains { $0.contains("zero.yaml") && $0.contains("larger than 1048576 bytes") },
                "\(result.stderr)")
    }

    @Test func aTemplateLinkedToADeviceOrTooLargeIsRefusedNamingIt() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let templates = setting.base + "/templates"
        try FileManager.default.copyItem(atPath: PackagePaths.path("pipelines/templates"), toPath: templates)
        try FileManager.default.removeItem(atPath: templates + "/report-sort.js.mustache")
        try FileManager.default.createSymbolicLink(atPath: templates + "/report-sort.js.mustache", withDestinationPath: "/dev/zero")
        let linked = try setting.run(["--templates", templates, "--out", setting.out, setting.sample])
        try setting.expectEnded(linked, status: 78, seconds: 5)
        #expect(linked.errorLines.contains { $0.contains("report-sort.js.mustache: not a plain file") }, "\(linked.stderr)")

        try FileManager.default.removeItem(atPath: templates + "/report-sort.js.mustache")
        try Data(count: (1 << 20) + 1).write(to: URL(fileURLWithPath: templates + "/report-sort.js.mustache"))
        let large = try setting.run(["--templates", templates, "--out", setting.out, setting.sample])
        try setting.expectEnded(large, status: 78, seconds: 5)
        #expect(large.errorLines.contains { $0.contains("report-sort.js.mustache: larger than 1048576 bytes") }, "\(large.stderr)")
    }

    // MARK: - Class 5: crashes from settings

    @Test(arguments: [
        (["--years", "2019-20..9999-00"], "'9999-00' is not a reporting year"),
        (["--years", "1900-01..2999-00"], "a range spans at most 100"),
        (["--batch-size", "99999999999"], "--batch-size: expected a whole number from 1 to 1000000"),
        (["--batch-size", "99999999999999999999999"], "--batch-size"),
        (["--min-rows", "99999999999999999999999"], "--min-rows"),
        (["--max-reject-rate", "nan"], "--max-reject-rate"),
    ])
    func anOptionOutOfRangeIsAUsageErrorNamingIt(options: [String], phrase: String) throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let result = try setting.run(options + ["--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 64)
        #expect(result.stderr.contains(phrase), "\(result.stderr)")
    }

    @Test func yearsOutOfRangeInADefinitionNameTheKeyAndLine() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let definition = try setting.write("reprocess.yaml", Array("""
            inputs: [\(setting.sample)]
            register: \(setting.register)
            output: out
            years: 2019-20..9999-00
            batch-size: 4096

            """.utf8))
        let result = try setting.run([definition])
        try setting.expectEnded(result, status: 78)
        #expect(result.errorLines.contains { $0.contains("reprocess.yaml:4: 'years'") && $0.contains("9999-00") },
                "\(result.stderr)")
    }

    @Test func aHugePopulationIsAConfigurationErrorNamingTheRow() throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        let population = try setting.write("population.csv", Array("""
            local-authority-code,year,population
            LCE,2019-20,9223372036854775807

            """.utf8))
        let result = try setting.run(["--population", population, "--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 78)
        #expect(result.errorLines.contains { $0.contains("population.csv:2") }, "\(result.stderr)")
    }

    // MARK: - Class 6: register codes become file names

    @Test(arguments: [("a/b", "may hold only letters"), ("index", "reserved"), ("../../x", "may hold only letters"),
                      ("lce", "appears twice")])
    func aRegisterCodeThatCannotBeAFileNameIsRefusedNamingItsRow(code: String, phrase: String) throws {
        let setting = try HostileSetting("hostile-settings")
        defer { setting.remove() }
        var lines = try String(contentsOfFile: setting.register, encoding: .utf8).split(separator: "\n").map(String.init)
        let row = try #require(lines.firstIndex { $0.hasPrefix("LCE,") })
        lines.append(lines[row].replacingOccurrences(of: "LCE,", with: "\"\(code)\","))
        let register = try setting.write("register.csv", Array((lines.joined(separator: "\n") + "\n").utf8))
        let before = try Data(contentsOf: URL(fileURLWithPath: register))

        let result = try setting.run(["--register", register, "--lookup", setting.lookup, "--max-reject-rate", "5%",
                                      "--out", setting.out, setting.sample])
        try setting.expectEnded(result, status: 78)
        #expect(result.errorLines.contains { $0.contains("register.csv:\(lines.count)") && $0.contains(phrase) },
                "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: register)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: setting.base).sorted()
                == [".out.last-run.json.spare", ".out.lock", "out", "out.last-run.json", "register.csv"])
    }
}
