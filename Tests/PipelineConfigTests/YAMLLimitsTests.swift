import PipelineConfig
import PipelineModel
import Testing
import TestSupport

/// YAML configuration is read within a size cap and without anchors or aliases, so that a
/// "billion laughs" file or `/dev/zero` costs no more than an ordinary file (issue 16, class 4).
@Suite struct YAMLLimitsTests {
    /// A document whose aliases expand to 10^20 scalars when walked; a few hundred bytes as text.
    static let billionLaughs: String = {
        var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        for i in 1 ..< 20 {
            lines.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    private func definitionError(_ text: String) throws -> ConfigurationError {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(text, to: "pipeline.yaml")
        do {
            let loaded = try PipelineDefinition.load(path: path, checkFiles: false)
            Issue.record("loaded: \(loaded)")
            return ConfigurationError(file: path, "loaded")
        } catch {
            return error
        }
    }

    private func ruleTableError(_ text: String) throws -> ConfigurationError {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(text, to: "decisions.yaml")
        do {
            _ = try RuleTableLoader.load(decisions: path, serviceAreas: PackagePaths.serviceAreaRules)
            Issue.record("loaded")
            return ConfigurationError(file: path, "loaded")
        } catch {
            return error
        }
    }

    @Test func billionLaughsIsRefusedAtItsFirstAnchor() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let e = try definitionError(Self.billionLaughs)
        #expect(clock.now - started < .seconds(5))
        #expect(e.line == 1)
        #expect(e.reason.contains("anchors and aliases"), "\(e.reason)")
        #expect(e.reason.contains("&a0"))
    }

    // Issue 23: Yams' composer hashed the expanded key before any check of ours could run.
    @Test func anAliasUsedAsAKeyIsRefusedBeforeAnythingIsComposed() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let definition = try definitionError(HostileYAML.aliasAsKey)
        let table = try ruleTableError(HostileYAML.aliasAsKey)
        #expect(clock.now - started < .seconds(1))
        for e in [definition, table] {
            #expect(e.line == 2)
            #expect(e.kind == .invalid)
            #expect(e.reason.hasPrefix("YAML anchors and aliases (&l0, *l0) are not accepted in a "), "\(e.reason)")
        }
        #expect(definition.file.hasSuffix("/pipeline.yaml"))
        #expect(table.file.hasSuffix("/decisions.yaml"))
    }

    // The fuzzer's finding: 1,450 bytes of nested `[` ran over a second in libyaml's scanner.
    @Test func nestingDeeperThanTheLimitIsRefusedAtOnce() throws {
        let clock = ContinuousClock()
        let started = clock.now
        // libyaml's own limit (1,000 levels) stops its look-ahead first here.
        let huge = try definitionError("a: " + String(repeating: "[", count: 100_000) + "\n")
        #expect(clock.now - started < .seconds(1))
        #expect(huge.line == 1)
        #expect(huge.reason.lowercased().contains("nest"), "\(huge.reason)")
        let e = try definitionError("a:\n  b: " + String(repeating: "[", count: 40) + "\n")
        #expect(e.line == 2)
        #expect(e.reason == "lists and mappings nested more than 32 deep (ours nest two or three)", "\(e.reason)")
        let rules = try ruleTableError("Upheld:\n  - " + String(repeating: "[", count: 40) + "\n")
        #expect(rules.line == 2)
        #expect(rules.reason.hasPrefix("lists and mappings nested more than 32 deep"))
    }

    @Test func aSyntaxErrorBeforeAnyAnchorIsStillReportedWithItsLine() throws {
        let e = try definitionError("method: pooled: mean\nbatch-size: &b 10\n")
        #expect(e.reason.hasPrefix("not valid YAML: "), "\(e.reason)")
        #expect(e.line == 1)
    }

    @Test(arguments: [
        ("Upheld: &u\n  - Upheld\nNot upheld: *u\n", 1),
        ("Upheld:\n  - &text Upheld\n  - Upheld in part\n", 2),
        ("&key Upheld:\n  - Upheld\n", 1),
    ])
    func ruleTablesRefuseAnchorsAndAliases(text: String, line: Int) throws {
        let e = try ruleTableError(text)
        #expect(e.file.hasSuffix("/decisions.yaml"))
        #expect(e.line == line)
        #expect(e.reason.contains("anchor") || e.reason.contains("alias"), "\(e.reason)")
    }

    @Test func anAmpersandInsideATextIsNotAnAnchor() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("Planning and development:\n  - \"Planning & building control\"\n  - Fees & charges\n",
                                    to: "areas.yaml")
        let decisions = PackagePaths.decisionRules
        let rules = try RuleTableLoader.load(decisions: decisions, serviceAreas: path)
        #expect(rules.areas.map(\.text) == ["Planning & building control", "Fees & charges"])
    }

    @Test func aDefinitionOverTheCapNamesTheFileAndTheCap() throws {
        let e = try definitionError("# " + String(repeating: "x", count: 1 << 20) + "\nmethod: pooled\n")
        #expect(e.file.hasSuffix("/pipeline.yaml"))
        #expect(e.reason.contains("larger than 1048576 bytes"), "\(e.reason)")
    }

    @Test func aRuleTableOverTheCapNamesTheFileAndTheCap() throws {
        let e = try ruleTableError("Upheld:\n" + String(repeating: "  - Upheld\n", count: 100_000))
        #expect(e.file.hasSuffix("/decisions.yaml"))
        #expect(e.reason.contains("larger than 1048576 bytes"), "\(e.reason)")
    }
}
