import Foundation
import Output
package import PipelineModel
package import Rendering

/// `annual-review explain DIR CODE YEAR`: an authority's three statistics of a year with the
/// cases behind each one's numerator and denominator, read from a publication (its manifest,
/// the year's partition's `authority_year.csv`, `decisions.csv` and `compliance.csv`), in the
/// words and groups of the year page (``StatisticCases``).
package struct PublicationExplanation: Sendable, Equatable {
    /// The reporting year.
    package let year: ReportingYear
    /// The authority's register code.
    package let code: String
    /// Its official name, as the year's `authority_year.csv` has it.
    package let name: String
    /// Its three statistics, in the year page's order.
    package let statistics: [StatisticCases]

    /// Why a publication cannot explain a figure.
    package enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The folder is not a publication of annual-review, or a table is not as its manifest lists it.
        case notAPublication(path: String, reason: String)
        /// The year is not one of the publication's (or not a year at all).
        case yearNotPublished(year: String, published: [String])
        /// The authority has no row in the year.
        case unknownAuthority(code: String, year: String)
        /// The year's partition was published by a version that did not write the per-case tables.
        case noCaseTables(path: String, year: String)
        /// The per-case tables do not add up to `authority_year.csv`'s counts.
        case tablesDisagree(path: String, reason: String)

        package var description: String {
            switch self {
            case let .notAPublication(path, reason): "\(path): not a publication of annual-review: \(reason)"
            case let .yearNotPublished(year, published):
                "\(year) is not a published year (published: \(published.isEmpty ? "none" : published.joined(separator: ", ")))"
            case let .unknownAuthority(code, year): "\(code) has no figures in \(year) (no row in its authority_year.csv)"
            case let .noCaseTables(path, year):
                "\(path): no decisions.csv and compliance.csv: the year was published by a version before the per-case "
                    + "tables; rerun that year (annual-review run DEFINITION --years \(year)) to add them"
            case let .tablesDisagree(path, reason): "\(path): the per-case tables disagree with authority_year.csv: \(reason)"
            }
        }
    }

    /// The explanation of `code`'s figures in `year` (a label, `2023-24`) from the publication in `folder`.
    /// - Throws: ``Failure``; ``OutputError/readFailed(path:reason:)`` naming a table, its line and
    ///   the reason when a table is not one this version writes.
    package static func explain(folder: String, code: String, year label: String) throws -> PublicationExplanation {
        let publication: CurrentPublication
        do {
            guard let read = try CurrentPublication.read(from: folder) else {
                throw Failure.notAPublication(path: folder, reason: "no such folder, or an empty one")
            }
            publication = read
        } catch let OutputError.cannotCarryOver(path, reason) {
            throw Failure.notAPublication(path: path, reason: reason)
        }
        guard let year = ReportingYear(label: label), publication.years.contains(year) else {
            throw Failure.yearNotPublished(year: label, published: publication.years.map(\.label))
        }
        let partition = CurrentPublication.partitionFolder(of: year)
        func published(_ schema: TableSchema) throws -> String? {
            let relative = partition + "/" + schema.fileName, path = folder + "/" + relative
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            guard let entry = publication.output(relative) else {
                throw Failure.notAPublication(path: path, reason: "its manifest does not list this file")
            }
            guard let digest = try? RunManifest.FileDigest(contentsOf: path, recordedAs: relative),
                  digest.sha256 == entry.sha256 else {
                throw Failure.notAPublication(path: path, reason: "the file is not as its manifest lists it (changed since published)")
            }
            return path
        }
        guard let authorityYear = try published(TableFile.authorityYear.schema) else {
            throw Failure.notAPublication(path: folder + "/" + partition, reason: "the partition has no authority_year.csv")
        }
        guard let decisionsPath = try published(TableFile.decisionsTable.schema),
              let compliancePath = try published(TableFile.complianceTable.schema) else {
            throw Failure.noCaseTables(path: folder + "/" + partition, year: year.label)
        }
        guard let data = FileManager.default.contents(atPath: authorityYear) else {
            throw OutputError.readFailed(path: authorityYear, reason: "cannot read the partition's table")
        }
        let rows = try PublishedTables.rows(of: TableFile.authorityYear.schema, [UInt8](data), path: authorityYear)
        do {
            guard let row = try rows.first(where: { try $0.text("authority_code") == code && $0.year("year") == year }) else {
                throw Failure.unknownAuthority(code: code, year: year.label)
            }
            let decisions = try PublishedTables.caseRows(TableFile.decisionsTable.schema, at: decisionsPath, PublishedTables.decidedCase)
            let compliance = try PublishedTables.caseRows(TableFile.complianceTable.schema, at: compliancePath,
                                                          PublishedTables.complianceCase)
            let cases = AuthorityYearCases(decisions: decisions.filter { $0.authorityCode == code && $0.year == year }.map(\.case),
                                           compliance: compliance.filter { $0.authorityCode == code && $0.year == year }.map(\.case))
            let statistics = StatisticCases.of(cases, upholdRate: try row.integer("uphold_rate"),
                                               complianceRate: try row.integer("compliance_rate"),
                                               satisfactoryRemedyRate: try row.integer("satisfactory_remedy_rate"))
            let counts = try PublishedTables.counts(row)
            for statistic in statistics where !statistic.accounts(for: counts) {
                let published = StatisticCases.counted(statistic.statistic, in: counts)
                throw Failure.tablesDisagree(path: folder + "/" + partition, reason:
                    "\(code)'s \(statistic.statistic.name.lowercased()) counts \(published.numerator) of \(published.denominator), "
                        + "its cases \(statistic.numerator) of \(statistic.denominator)")
            }
            return PublicationExplanation(year: year, code: code, name: try row.text("authority_name"), statistics: statistics)
        } catch let mismatch as TableRow.Mismatch {
            throw OutputError.readFailed(path: authorityYear, reason: mismatch.description)
        }
    }

    /// For people: each statistic, its figure, its summary, then each group's cases with their dates.
    package var text: String {
        var lines = ["\(name) (\(code)), \(year.label)"]
        for statistic in statistics {
            lines.append("")
            lines.append("\(statistic.statistic.name): \(statistic.rate.map { "\($0)%" } ?? "n/a")")
            lines.append(statistic.summary)
            for group in statistic.groups {
                lines.append("  \(group.label): \(group.entries.isEmpty ? "none" : String(group.entries.count))")
                for entry in group.entries {
                    lines.append("    \(CaseReference.text(entry.reference))  \(StatisticCases.dateText(entry.date))")
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// For tools: the same as JSON, keys sorted (``Document`` lists them).
    package func jsonBytes() throws -> [UInt8] {
        try PrettyJSON.bytes(Document(self))
    }

    /// The JSON's shape: `authority_code`, `authority_name`, `year`, and `statistics`, each with
    /// `statistic` (`uphold_rate`, `compliance_rate`, `satisfactory_remedy_rate`), `name`,
    /// `rate` (percent, null for no value), `numerator`, `denominator`, `summary` and `groups`,
    /// each with `key`, `label`, `in_numerator` and `cases` (`reference` as `19 012 345`,
    /// `date` ISO: the decision date, or for compliance the compliance date).
    struct Document: Encodable {
        struct Statistic: Encodable {
            let statistic: String, name: String, rate: Int?, numerator: Int, denominator: Int, summary: String
            let groups: [Group]

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(statistic, forKey: .statistic)
                try container.encode(name, forKey: .name)
                try container.encode(rate, forKey: .rate)
                try container.encode(numerator, forKey: .numerator)
                try container.encode(denominator, forKey: .denominator)
                try container.encode(summary, forKey: .summary)
                try container.encode(groups, forKey: .groups)
            }

            enum Keys: String, CodingKey { case statistic, name, rate, numerator, denominator, summary, groups }
        }

        struct Group: Encodable {
            let key: String, label: String, in_numerator: Bool
            let cases: [Case]
        }

        struct Case: Encodable {
            let reference: String, date: String
        }

        let authority_code: String, authority_name: String, year: String
        let statistics: [Statistic]

        init(_ explanation: PublicationExplanation) {
            authority_code = explanation.code
            authority_name = explanation.name
            year = explanation.year.label
            statistics = explanation.statistics.map { statistic in
                Statistic(statistic: statistic.statistic.rawValue, name: statistic.statistic.name, rate: statistic.rate,
                          numerator: statistic.numerator, denominator: statistic.denominator, summary: statistic.summary,
                          groups: statistic.groups.map { group in
                              Group(key: group.key, label: group.label, in_numerator: group.inNumerator,
                                    cases: group.entries.map { Case(reference: CaseReference.text($0.reference), date: $0.date.description) })
                          })
            }
        }
    }
}
