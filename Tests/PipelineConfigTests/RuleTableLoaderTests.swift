import PipelineConfig
import PipelineModel
import Testing
import TestSupport

@Suite struct RuleTableLoaderTests {
    @Test func realRuleTablesLoad() throws {
        let rules = try RuleTableLoader.load(decisions: PackagePaths.decisionRules, serviceAreas: PackagePaths.serviceAreaRules)
        #expect(rules.outcomes.count == 30)
        #expect(rules.areas.count == 22)  // statistics.md's names and variants, "Planning" and "Environment and regulation" included
        #expect(Set(rules.outcomes.map(\.value)) == Set(Outcome.allCases))
        #expect(Set(rules.areas.map(\.value)) == Set(ServiceArea.allCases))
        let first = try #require(rules.outcomes.first)
        #expect(first == .init(text: "Upheld", value: .upheld, origin: "decisions.yaml:11"))
        #expect(rules.outcomes.contains { $0.text == "Ombudsman's discretion" && $0.value == .closedAfterInitialEnquiries })
        #expect(rules.outcomes.contains { $0.text == "Maladministration, no injustice" && $0.value == .upheld })
        #expect(rules.areas.first == .init(text: "Adult care services", value: .adultCare, origin: "service-areas.yaml:8"))
        #expect(rules.areas.contains { $0.text == "Planning & building control" && $0.value == .planning })
    }

    /// Loads `decisions` text as the decision table beside the real service-area table.
    private func loadDecisions(_ text: String) throws -> ClassificationRules {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(text, to: "decisions.yaml")
        return try RuleTableLoader.load(decisions: path, serviceAreas: PackagePaths.serviceAreaRules)
    }

    /// The error of loading `text` as the decision table (and its file name), or nil.
    private func error(decisions text: String) throws -> ConfigurationError? {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write(text, to: "decisions.yaml")
        do {
            _ = try RuleTableLoader.load(decisions: path, serviceAreas: PackagePaths.serviceAreaRules)
            return nil
        } catch {
            #expect(error.file == path)
            return error
        }
    }

    @Test func outcomeKeysMatchInAnyCase() throws {
        let rules = try loadDecisions("UPHELD:\n  - Upheld\nnot upheld:\n  - No mal\nincomplete/INVALID:\n  - Invalid\n")
        #expect(rules.outcomes.map(\.value) == [.upheld, .notUpheld, .incompleteInvalid])
        #expect(rules.outcomes.map(\.origin) == ["decisions.yaml:2", "decisions.yaml:4", "decisions.yaml:6"])
    }

    @Test func unknownOutcomeIsAnErrorNamingFileLineAndKey() throws {
        let e = try #require(try error(decisions: "Upheld:\n  - Upheld\n\nPartly upheld:\n  - Partly\n"))
        #expect(e.line == 4)
        #expect(e.reason.contains("unknown outcome 'Partly upheld'"))
        #expect(e.description.hasPrefix(e.file + ":4: "))
    }

    @Test func unknownServiceAreaIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = try folder.write("Housing:\n  - Housing\nParking:\n  - Parking\n", to: "service-areas.yaml")
        #expect(throws: ConfigurationError.self) {
            try RuleTableLoader.load(decisions: PackagePaths.decisionRules, serviceAreas: path)
        }
        do {
            _ = try RuleTableLoader.load(decisions: PackagePaths.decisionRules, serviceAreas: path)
        } catch {
            #expect(error.file == path)
            #expect(error.line == 3)
            #expect(error.reason.contains("unknown service area 'Parking'"))
        }
    }

    @Test func valueThatIsNotAListIsAnError() throws {
        let e = try #require(try error(decisions: "Upheld:\n  - Upheld\nNot upheld: No mal\n"))
        #expect(e.line == 3)
        #expect(e.reason.contains("'Not upheld': expected a list of texts"))
        let nested = try #require(try error(decisions: "Upheld:\n  text: Upheld\n"))
        #expect(nested.line == 2)
    }

    @Test(arguments: ["Upheld:\n  - Upheld\n  - \"\"\n", "Upheld:\n  - Upheld\n  -\n", "Upheld:\n  - Upheld\n  - [a, b]\n"])
    func emptyOrNonTextEntryIsAnError(text: String) throws {
        let e = try #require(try error(decisions: text))
        #expect(e.line == 3)
        #expect(e.reason.contains("every entry must be a non-empty text"))
    }

    @Test(arguments: ["Upheld:\n  - Upheld\n  - [unclosed\n", "Upheld:\n  - \"unterminated\n", "Upheld:\n - a\n  - b\n\tNot: x\n"])
    func invalidYAMLIsAnErrorWithALine(text: String) throws {
        let e = try #require(try error(decisions: text))
        #expect(e.reason.hasPrefix("not valid YAML"))
        let line = try #require(e.line)
        #expect((1 ... 5).contains(line))
    }

    @Test func topLevelListIsAnError() throws {
        let e = try #require(try error(decisions: "- Upheld\n- Not upheld\n"))
        #expect(e.reason.contains("expected a mapping"))
        #expect(e.line == 1)
    }

    @Test func missingFileIsAnErrorNamingIt() {
        do {
            _ = try RuleTableLoader.load(decisions: "/nonexistent/decisions.yaml", serviceAreas: PackagePaths.serviceAreaRules)
            Issue.record("a missing file loaded")
        } catch {
            #expect(error.file == "/nonexistent/decisions.yaml")
            #expect(error.line == nil)
        }
    }
}
