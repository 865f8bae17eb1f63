import ArgumentParser
import Foundation
import Logging
import PipelineModel
import PipelineRunner

extension AnnualReview {
    /// `annual-review run`: reads exports, publishes the tables.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read decisions exports and publish the yearly authority tables.",
            discussion: """
            Reads each INPUT (gzip or plain CSV; - for standard input) in order, rows of later \
            files superseding earlier rows of the same case by the duplicate rule, and writes \
            authority_year.csv, type_year.csv, comparison.csv, rejects.csv and manifest.json into \
            the output folder, published atomically (the previous outputs stay until the new ones \
            are complete).

            \(ExitCode.documentation)
            """)

        @Option(help: ArgumentHelp("The authority register, in mySociety's layout (uk_local_authorities_current.csv).", valueName: "file"))
        var register: String

        @Option(help: ArgumentHelp("The alternative-names table (lookup_name_to_registry.csv: la-name,local-authority-code).", valueName: "file"))
        var lookup: String?

        @Option(help: ArgumentHelp("Population per authority and year (local-authority-code,year,population); the register's pop-2020 fills gaps.", valueName: "file"))
        var population: String?

        @Option(help: ArgumentHelp("How type averages are computed: pooled (sum over sum) or mean (of the authorities' rates).", valueName: "pooled|mean"))
        var method: AveragingMethod = .pooled

        @Option(help: ArgumentHelp("Reporting years to publish, 2019-20..2023-24 or one year (default: every year the data covers).", valueName: "range"))
        var years: YearRange?

        @Option(name: .customLong("decision-rules"), help: ArgumentHelp("The decision rule table.", valueName: "file"))
        var decisionRules = "pipelines/rules/decisions.yaml"

        @Option(name: .customLong("service-area-rules"), help: ArgumentHelp("The service-area rule table.", valueName: "file"))
        var serviceAreaRules = "pipelines/rules/service-areas.yaml"

        @Option(help: ArgumentHelp("The output folder; created or replaced as a whole.", valueName: "dir"))
        var out: String

        @Option(name: .customLong("batch-size"), help: ArgumentHelp("Rows per batch between stages.", valueName: "n"))
        var batchSize = 4096

        @Option(name: .customLong("max-reject-rate"), help: ArgumentHelp("The largest share of rejected rows that still publishes, as 1% or 0.01; over it the run fails with 65 and publishes nothing.", valueName: "rate"))
        var maxRejectRate: RejectRate = RejectRate(0.01)

        @Option(name: .customLong("min-rows"), help: ArgumentHelp("The fewest data rows that still publish; fewer fails with 65 (a header-only export never replaces good figures).", valueName: "n"))
        var minRows = 1

        @Argument(help: ArgumentHelp("Decisions exports (.csv.gz, .csv, or - for standard input).", valueName: "input"))
        var inputs: [String]

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give at least one input file") }
            guard batchSize > 0 else { throw ValidationError("--batch-size must be positive") }
            guard minRows >= 0 else { throw ValidationError("--min-rows must not be negative") }
        }

        func run() async throws {
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                handler.logLevel = .info
                return handler
            }
            let logger = Logger(label: "annual-review")
            let runner = PipelineRunner(configuration: RunConfiguration(
                inputs: inputs, register: register, lookup: lookup, population: population,
                decisionRules: decisionRules, serviceAreaRules: serviceAreaRules, method: method,
                years: years, outputDirectory: out, batchSize: batchSize,
                maxRejectRate: maxRejectRate.value, minRows: minRows))
            do {
                let report = try await runner.run(stoppingOn: [SIGTERM, SIGINT], logger: logger)
                let rejected = report.counts.rowsRejected
                print("annual-review: \(report.counts.rowsRead) rows read, \(report.counts.cases) cases, "
                      + "\(rejected) rejected (see \(out)/rejects.csv); outputs in \(out)/")
            } catch {
                let code = ExitCode.for(error)
                FileHandle.standardError.write(Data("annual-review: \(error)\n".utf8))
                throw ArgumentParser.ExitCode(code.rawValue)
            }
        }
    }
}

extension AveragingMethod: ExpressibleByArgument {}

extension YearRange: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

/// A share given as `1%` or `0.01`, between 0 and 1.
struct RejectRate: ExpressibleByArgument {
    let value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        let text = argument.trimmingCharacters(in: .whitespaces)
        let number = text.hasSuffix("%") ? Double(text.dropLast()).map { $0 / 100 } : Double(text)
        guard let number, (0 ... 1).contains(number) else { return nil }
        value = number
    }

    var defaultValueDescription: String { "\(value * 100)%" }
}
