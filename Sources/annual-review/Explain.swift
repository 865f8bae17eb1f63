import ArgumentParser
import Foundation
import Operations
import Output
import PipelineRunner

extension AnnualReview {
    /// `annual-review explain DIR CODE YEAR`: the cases behind an authority's figures of a year.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the cases behind an authority's uphold, compliance and satisfactory remedy rates of a year.",
            discussion: """
            Reads the publication in DIR (its manifest.json, and the year's partition: \
            years/YEAR/authority_year.csv, decisions.csv and compliance.csv, each checked against \
            the manifest's sha256) and prints, for the authority, each statistic, its figure, and \
            the references behind its numerator and denominator with their dates, grouped as the \
            year page groups them. \
            --format json gives the same for tools: an object with authority_code, authority_name, \
            year and statistics; each statistic has statistic (uphold_rate, compliance_rate, \
            satisfactory_remedy_rate), name, rate (percent, null for no value), numerator, \
            denominator, summary and groups; each group has key (upheld, not_upheld, complied, \
            complied_late, not_complied, satisfactory_remedy, no_satisfactory_remedy), label, \
            in_numerator and cases, each with reference (19 012 345) and date (ISO: the decision \
            date, or the compliance date). \
            Exit codes: 0 printed; 64 usage; 65 DIR is not a publication (no manifest.json, a \
            table not as its manifest lists it, or one this version does not read or cannot \
            read), YEAR is not \
            one of its years, CODE has no row in the year, or the tables disagree; 66 the year's \
            partition has no per-case tables (published by a version before them: rerun that \
            year with run --years YEAR).
            """)

        /// How the explanation is written.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(help: ArgumentHelp("text (for people) or json (for tools; keys as the discussion lists them).",
                                   valueName: "text|json"))
        var format: Format = .text

        @Argument(help: ArgumentHelp("The publication's folder (a run's --out).", valueName: "dir"))
        var folder: String

        @Argument(help: ArgumentHelp("The authority's register code (LCE).", valueName: "code"))
        var code: String

        @Argument(help: ArgumentHelp("The reporting year (2023-24).", valueName: "year"))
        var year: String

        func run() throws {
            let explanation: PublicationExplanation
            do {
                explanation = try PublicationExplanation.explain(folder: folder, code: code, year: year)
            } catch {
                FileHandle.standardError.write(Data("annual-review: \(TerminalText.escaped(String(describing: error)))\n".utf8))
                throw ArgumentParser.ExitCode(Self.exitCode(for: error).rawValue)
            }
            switch format {
            // Names come from the tables: escaped, since the text goes to a terminal.
            case .text:
                let lines = explanation.text.split(separator: "\n", omittingEmptySubsequences: false)
                    .map { TerminalText.escaped(String($0)) }
                FileHandle.standardOutput.write(Data(lines.joined(separator: "\n").utf8))
            case .json: FileHandle.standardOutput.write(Data(try explanation.jsonBytes()))
            }
        }

        /// The exit code of a failure (ExitCode's meanings).
        static func exitCode(for error: any Error) -> ExitCode {
            switch error {
            case let failure as PublicationExplanation.Failure:
                if case .noCaseTables = failure { return .noInput }
                return .dataError
            // A table of the publication that this version cannot read is bad input, not a failed write.
            case OutputError.readFailed:
                return .dataError
            default:
                return ExitCode.for(error)
            }
        }
    }
}
