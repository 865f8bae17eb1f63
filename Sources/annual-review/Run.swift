import ArgumentParser
import Foundation
import Logging
import Operations
import PipelineConfig
import PipelineModel
import PipelineRunner

extension AnnualReview {
    /// `annual-review run`: reads exports, publishes the tables.
    struct Run: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read decisions exports and publish the yearly authority tables.",
            usage: """
            annual-review run <pipeline.yaml> [<options>] [<input> ...]
            annual-review run --register <file> --out <dir> [<options>] <input> ...
            """,
            discussion: """
            With a pipeline definition (a .yaml file, such as pipelines/nightly.yaml) as the first \
            argument, every setting comes from it; options given here override it, and INPUTs given \
            after it replace its inputs. Paths in the definition are relative to its folder.

            Reads each INPUT (gzip or plain CSV; - for standard input) in order, rows of later \
            files superseding earlier rows of the same case by the duplicate rule, and writes \
            authority_year.csv, type_year.csv, comparison.csv, rejects.csv and manifest.json into \
            the output folder, published atomically (the previous outputs stay until the new ones \
            are complete).

            \(ExitCode.documentation)
            """)

        @Option(help: ArgumentHelp("The authority register, in mySociety's layout (uk_local_authorities_current.csv).", valueName: "file"))
        var register: String?

        @Option(help: ArgumentHelp("The alternative-names table (lookup_name_to_registry.csv: la-name,local-authority-code).", valueName: "file"))
        var lookup: String?

        @Option(help: ArgumentHelp("Population per authority and year (local-authority-code,year,population); the register's pop-2020 fills gaps.", valueName: "file"))
        var population: String?

        @Option(help: ArgumentHelp("How type averages are computed: pooled (sum over sum) or mean (of the authorities' rates). Default: pooled.", valueName: "pooled|mean"))
        var method: AveragingMethod?

        @Option(help: ArgumentHelp("Reporting years to recompute, 2019-20..2023-24 or one year; every other year already in the output folder is carried over unchanged (default: every year the data covers, replacing the whole folder).", valueName: "range"),
                transform: Self.yearRange)
        var years: YearRange?

        @Option(name: .customLong("decision-rules"), help: ArgumentHelp("The decision rule table. Default: pipelines/rules/decisions.yaml.", valueName: "file"))
        var decisionRules: String?

        @Option(help: ArgumentHelp("The Mustache templates of the letters and the report. Default: the templates folder beside the rule tables' folder (pipelines/templates).", valueName: "dir"))
        var templates: String?

        @Option(name: .customLong("service-area-rules"), help: ArgumentHelp("The service-area rule table. Default: pipelines/rules/service-areas.yaml.", valueName: "file"))
        var serviceAreaRules: String?

        @Option(help: ArgumentHelp("The letters' addressees (local-authority-code,name,job-title); an authority without one gets a visible placeholder.", valueName: "file"))
        var contacts: String?

        @Option(name: .customLong("letter-date"), help: ArgumentHelp("The date the draft letters carry, 2020-07-22 (never today's: reruns stay byte-identical). Default: a visible placeholder.", valueName: "date"),
                transform: Self.letterDate)
        var letterDate: Day?

        @Option(help: ArgumentHelp("The output folder; created or replaced as a whole.", valueName: "dir"))
        var out: String?

        @Option(name: .customLong("batch-size"), help: ArgumentHelp("Rows per batch between stages. Default: 4096.", valueName: "n"))
        var batchSize: Int?

        @Option(name: .customLong("parse-workers"), help: ArgumentHelp("Parse workers, each parsing, cleaning and classifying its share of the records with its own CSV parser; 1 runs a single parsing task. Default: one per core this process may use.", valueName: "n"))
        var parseWorkers: Int?

        // For tests: the smallest piece of CSV handed to a parse worker (1 cuts at every record).
        @Option(name: .customLong("piece-size"), help: .hidden)
        var pieceSize: Int?

        @Flag(name: .customLong("dry-run"), help: "Do everything except publication: the output folder is left as it is.")
        var dryRun = false

        @Flag(name: .customLong("quality-report"), help: "Print the quality report (rejects by reason with examples, unknown authorities) on standard output.")
        var qualityReport = false

        @Option(name: .customLong("max-reject-rate"), help: ArgumentHelp("The largest share of rejected rows that still publishes, as 1% or 0.01; over it the run fails with 65 and publishes nothing. Default: 1%.", valueName: "rate"))
        var maxRejectRate: RejectRate?

        @Option(name: .customLong("min-rows"), help: ArgumentHelp("The fewest data rows that still publish; fewer fails with 65 (a header-only export never replaces good figures). Default: 1.", valueName: "n"))
        var minRows: Int?

        @Option(name: .customLong("metrics-file"), help: ArgumentHelp("Write a Prometheus textfile-collector file here at the end of every run (duration, rows by state, exit code, last success).", valueName: "file"))
        var metricsFile: String?

        @Option(name: .customLong("log-format"), help: ArgumentHelp("Log lines on standard error: auto (text on a terminal, JSON lines otherwise), text or json. Default: auto.", valueName: "auto|text|json"))
        var logFormat: LogFormat?

        @Argument(help: ArgumentHelp("A pipeline definition (.yaml), and/or decisions exports (.csv.gz, .csv, or - for standard input).", valueName: "input"))
        var inputs: [String] = []

        func validate() throws {
            guard !inputs.isEmpty else { throw ValidationError("give a pipeline definition (.yaml) or at least one input file") }
            if let batchSize, !PipelineDefinition.batchSizes.contains(batchSize) {
                throw ValidationError("--batch-size must be from \(PipelineDefinition.batchSizes.lowerBound) "
                                      + "to \(PipelineDefinition.batchSizes.upperBound)")
            }
            if let minRows, minRows < 0 { throw ValidationError("--min-rows must not be negative") }
            if let parseWorkers, !(1 ... PipelineDefinition.maximumParseWorkers).contains(parseWorkers) {
                throw ValidationError("--parse-workers must be a whole number from 1 to \(PipelineDefinition.maximumParseWorkers)")
            }
            if let pieceSize, pieceSize <= 0 { throw ValidationError("--piece-size must be positive") }
        }

        /// The settings given as options (and inputs after the definition), as a definition
        /// that overrides the file's.
        private func options(inputs: [String]) -> PipelineDefinition {
            var options = PipelineDefinition(
                inputs: inputs.isEmpty ? nil : inputs, register: register, lookup: lookup, population: population,
                decisionRules: decisionRules, serviceAreaRules: serviceAreaRules, method: method, years: years,
                output: out, batchSize: batchSize, maxRejectRate: maxRejectRate?.value, minRows: minRows,
                metricsFile: metricsFile, logFormat: logFormat.flatMap { PipelineDefinition.LogFormat(rawValue: $0.rawValue) },
                parseWorkers: parseWorkers)
            options.contacts = contacts
            options.letterDate = letterDate
            return options
        }

        static func letterDate(_ text: String) throws -> Day {
            guard let day = PipelineDefinition.letterDate(text) else {
                throw ValidationError("--letter-date must be a date written 2020-07-22, not '\(text)'")
            }
            return day
        }

        func run() async throws {
            let started = Date()
            let runID = JSONLogHandler.newRunID()

            // The definition comes first (the log format and metrics file may be in it), but a
            // bad one is reported only once logging is set up.
            var positional = inputs
            var definition = PipelineDefinition()
            var definitionError: ConfigurationError?
            var pipeline = "command-line"
            var definitionPath: String?
            if let first = positional.first, PipelineDefinition.isDefinitionPath(first) {
                positional.removeFirst()
                definitionPath = first
                pipeline = URL(fileURLWithPath: first).deletingPathExtension().lastPathComponent
                do {
                    definition = try PipelineDefinition.load(path: first)
                } catch {
                    definitionError = error
                }
            }
            let settings = definition.overriding(with: options(inputs: positional))
            let format = LogFormat(rawValue: settings.logFormat?.rawValue ?? "auto") ?? .auto
            JSONLogHandler.bootstrap(format: format, runID: runID, level: .info)
            let json = format.resolved(isTerminal: ConsoleOutput.standardError.isTerminal) == .json
            var logger = Logger(label: "annual-review")
            logger[metadataKey: "pipeline"] = "\(pipeline)"
            let counter = ProgressCounter()

            let recorder = RunRecorder()
            // Beside the output folder, which a run that fails leaves as it was. A dry run (and
            // `validate`) publishes nothing, so it leaves the last real run's report.
            let reportPath = dryRun ? nil : settings.output.map(LastRunReport.path(forOutput:))
            let pipelineName = pipeline
            /// Writes the last-run report; a failure to is logged, and the run's outcome stands.
            @Sendable func recordLastRun(_ code: ExitCode, reason: String) {
                guard let reportPath else { return }
                let report = LastRunReport(runID: runID, pipeline: pipelineName, program: Installation.build,
                                           started: started, ended: Date(), exitCode: code.rawValue, exitReason: reason,
                                           recorder: recorder, rowsReadSoFar: counter.rows)
                do {
                    try report.write(to: reportPath)
                } catch {
                    Logger(label: "annual-review").error("\(error)", metadata: ["stage": "publication"])
                }
            }

            /// Ends the run: the metrics file and the last-run report (every run, success or
            /// not), then the exit code.
            func finish(_ code: ExitCode, error: (any Error)? = nil) throws {
                let ended = Date()
                let counts = recorder.counts
                if let path = settings.metricsFile {
                    let seconds = ended.timeIntervalSince(started)
                    var metrics = counts.map { RunMetrics(durationSeconds: seconds, counts: $0, exitCode: code.rawValue, finished: ended) }
                        ?? RunMetrics(durationSeconds: seconds, rowsRead: counter.rows, exitCode: code.rawValue, finished: ended)
                    metrics.build = Installation.build
                    do {
                        try PrometheusTextfile.write(metrics, to: path, labels: ["pipeline": pipeline])
                    } catch {
                        // The run's own outcome stands; monitoring sees a stale file.
                        logger.error("\(error)", metadata: ["stage": "metrics"])
                    }
                }
                recordLastRun(code, reason: error.map { "\($0)" } ?? "success")
                if let error {
                    if json {
                        logger.error("\(error)", metadata: ["exit_code": .stringConvertible(code.rawValue)])
                    } else {
                        // An error may quote an export's header or a table's value: escaped for the terminal.
                        FileHandle.standardError.write(Data("annual-review: \(TerminalText.escaped("\(error)"))\n".utf8))
                    }
                }
                if code != .success { throw ArgumentParser.ExitCode(code.rawValue) }
            }

            if let definitionError { return try finish(.configuration, error: definitionError) }
            guard let register = settings.register, let out = settings.output, let inputs = settings.inputs, !inputs.isEmpty else {
                let missing = [settings.register == nil ? "--register" : nil, settings.output == nil ? "--out" : nil,
                               (settings.inputs ?? []).isEmpty ? "an input file" : nil].compactMap { $0 }
                return try finish(.usage, error: ValidationError("missing \(missing.joined(separator: ", ")) (on the command line or in the pipeline definition)"))
            }
            let configuredRunner = PipelineRunner(configuration: RunConfiguration(
                inputs: inputs, register: register, lookup: settings.lookup, population: settings.population,
                decisionRules: settings.decisionRules ?? Self.defaultFile("rules/decisions.yaml"),
                serviceAreaRules: settings.serviceAreaRules ?? Self.defaultFile("rules/service-areas.yaml"),
                method: settings.method ?? .pooled, years: settings.years, outputDirectory: out,
                batchSize: settings.batchSize ?? 4096, maxRejectRate: settings.maxRejectRate ?? 0.01,
                minRows: settings.minRows ?? 1,
                templates: templates ?? Self.templatesBeside(settings.decisionRules ?? Self.defaultFile("rules/decisions.yaml"))))
            var configuration = configuredRunner.configuration
            configuration.dryRun = dryRun
            configuration.contacts = settings.contacts
            configuration.letterDate = settings.letterDate
            configuration.parseWorkers = settings.parseWorkers ?? RunConfiguration.defaultParseWorkers
            if let pieceSize {
                configuration.pieceSize = pieceSize
                configuration.maxPieceBytes = max(pieceSize, configuration.maxPieceBytes)
            }
            configuration.runID = runID
            configuration.definition = definitionPath
            logger.info("run started", metadata: ["inputs": .stringConvertible(inputs.count), "out": "\(out)",
                                                  "version": "\(Installation.build.version)",
                                                  "commit": "\(Installation.build.commit)"])

            // The output's parent may not exist yet (out/sample on a fresh clone).
            let parent = URL(fileURLWithPath: out).deletingLastPathComponent().path
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)

            let runner = PipelineRunner(configuration: configuration)
            let progress = ProgressReporter(counter: counter, totalBytes: ProgressReporter.totalBytes(of: inputs))
            progress.start()
            let report: RunReport
            do {
                report = try await runner.run(stoppingOn: [SIGTERM, SIGINT], logger: logger, progress: counter, recorder: recorder,
                                              beforeForcedExit: { recordLastRun(.temporaryFailure, reason: $0) })
            } catch {
                progress.stop()
                return try finish(ExitCode.for(error), error: error)
            }
            progress.stop()
            let rejected = report.counts.rowsRejected
            if qualityReport || dryRun { print(report.quality.text(counts: report.counts, inputs: report.inputs)) }
            if dryRun {
                print("annual-review: dry run: \(report.counts.rowsRead) rows read, \(report.counts.cases) cases, "
                      + "\(rejected) rejected; nothing published")
            } else {
                print(TerminalText.escaped("annual-review: \(report.counts.rowsRead) rows read, \(report.counts.cases) cases, "
                      + "\(rejected) rejected (see \(out)/rejects.csv); outputs in \(out)/"))
            }
            try finish(.success)
        }
    }
}

extension AveragingMethod: ExpressibleByArgument {}

extension LogFormat: ExpressibleByArgument {}

extension AnnualReview.Run {
    /// `--years`: a range, or a usage error (64) saying what is wrong with it.
    static func yearRange(_ text: String) throws -> YearRange {
        do {
            return try YearRange(parsing: text)
        } catch {
            throw ValidationError(error.reason)
        }
    }
}

/// A share given as `1%` or `0.01`, between 0 and 1.
struct RejectRate: ExpressibleByArgument {
    let value: Double

    init(_ value: Double) { self.value = value }

    init?(argument: String) {
        guard let number = PipelineDefinition.rejectRate(argument) else { return nil }
        value = number
    }

    var defaultValueDescription: String { "\(value * 100)%" }
}

extension AnnualReview.Run {
    /// `relative` (`rules/decisions.yaml`) among the files installed with the program
    /// (``Installation``), or in `pipelines/` of the working directory when none are found
    /// beside the executable (a binary copied somewhere on its own).
    static func defaultFile(_ relative: String) -> String {
        Installation.file(relative) ?? "pipelines/" + relative
    }

    /// `pipelines/templates` for rule tables in `pipelines/rules/`: the definition or the current
    /// folder places both.
    static func templatesBeside(_ ruleTable: String) -> String {
        URL(fileURLWithPath: ruleTable).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("templates").path
    }
}
