import ArgumentParser
import Foundation
import Operations
import PipelineRunner

extension AnnualReview {
    /// `annual-review diff OLD NEW`: what changed between two publications.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two publications: files changed, and table rows added, removed and changed.",
            discussion: """
            Files are compared by the sha256 their manifests record; unchanged files are not read. \
            For each changed table (authority_year.csv, type_year.csv, comparison.csv) the rows \
            added and removed and the cells changed are listed by primary key. \
            Exit codes: 0 the publications are equal, 1 they differ, 65 a folder is not a \
            publication of annual-review (no manifest.json, or a table that does not match it), \
            64 usage.
            """)

        /// How the diff is written.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(help: ArgumentHelp("text (for people and mail) or json.", valueName: "text|json"))
        var format: Format = .text

        @Argument(help: ArgumentHelp("The older publication's folder.", valueName: "old"))
        var old: String

        @Argument(help: ArgumentHelp("The newer publication's folder.", valueName: "new"))
        var new: String

        func run() throws {
            let diff: PublicationDiff
            do {
                diff = try PublicationDiff.compare(old: old, new: new)
            } catch {
                FileHandle.standardError.write(Data("annual-review: \(TerminalText.escaped(error.description))\n".utf8))
                throw ArgumentParser.ExitCode(ExitCode.dataError.rawValue)
            }
            switch format {
            // Cells come from the tables: escaped, since the text goes to a terminal or a mail.
            case .text:
                let lines = diff.text.split(separator: "\n", omittingEmptySubsequences: false).map { TerminalText.escaped(String($0)) }
                FileHandle.standardOutput.write(Data(lines.joined(separator: "\n").utf8))
            case .json: FileHandle.standardOutput.write(Data(try diff.jsonBytes()))
            }
            if !diff.isEqual { throw ArgumentParser.ExitCode(1) }
        }
    }
}
