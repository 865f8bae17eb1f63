import Foundation
import PipelineConfig
import PipelineModel
import PipelineRunner
import Testing
import TestSupport

/// A run's settings resolved from the table (issue 24): what is not given takes its descriptor's
/// default, what a run cannot do without is named, and the paths it reads are every file and
/// folder setting's, in the table's order.
@Suite struct RunConfigurationTests {
    private let given = RunSettings()
        .with(\.inputs, ["/exports/a.csv.gz"]).with(\.register, "/ref/register.csv").with(\.output, "/out")
        .with(\.contacts, "/ref/contacts.csv").with(\.decisionRules, "/rules/decisions.yaml")
        .with(\.serviceAreaRules, "/rules/service-areas.yaml")
        .with(\.remedyRules, "/rules/remedies.yaml")

    @Test func whatIsNotGivenTakesItsDescriptorsDefault() throws {
        let configuration = try RunConfiguration(resolving: given)
        #expect(configuration[\.batchSize] == RunDefaults.batchSize)
        #expect(configuration[\.method] == .pooled)
        #expect(configuration[\.maxRejectRate] == 0.01)
        #expect(configuration[\.minRows] == 1)
        #expect(configuration[\.logFormat] == .auto)
        #expect(configuration[\.years] == nil)
        #expect(configuration[\.lookup] == nil)
        #expect(configuration[\.parseWorkers] >= 1)
        // The templates beside the rule tables' folder.
        #expect(configuration[\.templates] == "/templates")
        #expect(configuration.defaulted.contains("templates") && !configuration.defaulted.contains("decision-rules"))
    }

    @Test func thePathsReadAreEveryFileAndFolderSettingsInTheTablesOrder() throws {
        var configuration = try RunConfiguration(resolving: given)
        #expect(configuration.pathsRead.map(\.path) == ["/ref/register.csv", "/rules/decisions.yaml",
                                                        "/rules/service-areas.yaml", "/rules/remedies.yaml", "/templates",
                                                        "/ref/contacts.csv"])
        #expect(configuration.filesRead.map(\.setting.key) == ["register", "decision-rules", "service-area-rules", "remedy-rules",
                                                               "contacts"])
        configuration[\.templates] = nil
        #expect(configuration[\.templates] == nil)
        #expect(!configuration.pathsRead.map(\.path).contains("/templates"))
    }

    @Test func whatARunCannotDoWithoutIsNamed() {
        #expect(throws: RunConfiguration.MissingSettings.self) { try RunConfiguration(resolving: RunSettings()) }
        do {
            _ = try RunConfiguration(resolving: RunSettings().with(\.register, "/r"))
            Issue.record("resolved without inputs or an output folder")
        } catch {
            #expect(error.names == ["an input file", "--out"])
        }
    }
}
