import Foundation
import Output
import PipelineConfig
import PipelineModel
import Rendering

/// The Markdown letters of one year of a publication, rendered again from what the publication
/// records: its tables, the register and the templates its manifest names (each checked against
/// the sha256 recorded there), with the run's letter settings. The same code as the run's
/// (``LetterRenderer/markdown(_:in:templates:settings:)``), so the words are those published.
package struct PublishedLetters: Sendable {
    /// One letter: the authority's code and the Markdown's bytes.
    package struct Letter: Sendable {
        /// The register code, the draft's file name.
        package let code: String
        /// `letters/{year}/{code}.md` as rendered.
        package let markdown: [UInt8]
    }

    /// The letters, by code (or in the order asked for).
    package let letters: [Letter]

    /// Renders the letters `job` asks for.
    /// - Throws: ``LetterDraftError`` when the folder is not a publication, does not hold the
    ///   year or an authority, its register or templates changed since, or a letter rendered
    ///   with the publication's own settings is not the published one.
    package init(_ job: LetterDraftJob) throws(LetterDraftError) {
        let folder = job.publication
        let publication: CurrentPublication
        do {
            guard let found = try CurrentPublication.read(from: folder) else {
                throw LetterDraftError.notAPublication(path: folder, reason: "no such folder, or an empty one")
            }
            publication = found
        } catch let error as LetterDraftError {
            throw error
        } catch {
            throw .notAPublication(path: folder, reason: "\(error)")
        }
        let label = job.year.label
        guard publication.years.contains(job.year) else {
            throw .yearNotPublished(year: label, folder: folder, published: publication.years.map(\.label))
        }
        let configuration = publication.manifest.configuration

        let registerPath = configuration.register.path
        try Self.checkUnchanged(registerPath, recorded: configuration.register, what: "the register")
        let register: AuthorityRegister
        do {
            register = try ReferenceTableLoader.load(register: registerPath)
        } catch {
            throw .configuration("\(error)")
        }
        let authorities = Dictionary(register.authorities.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

        // The templates as the run read them: every file its manifest records, unchanged.
        guard let recorded = configuration.templates,
              let letterTemplate = recorded.first(where: { $0.path.hasSuffix("/letter.md.mustache") }) else {
            throw .notAPublication(path: folder + "/manifest.json", reason: "it records no letter templates")
        }
        for file in recorded { try Self.checkUnchanged(file.path, recorded: file, what: "a template") }
        let templates: RenderingTemplates
        do {
            templates = try RenderingTemplates.load(from: (letterTemplate.path as NSString).deletingLastPathComponent)
        } catch {
            throw .configuration("\(error)")
        }

        var tables: [TableFile: [UInt8]] = [:]
        for table in [TableFile.authorityYear, .typeYear, .nationalYear, .areaYear, .publicReports] {
            tables[table] = try Self.table(table, of: job.year, in: publication)
        }
        let figures: YearFigures
        do {
            figures = try PublishedTables.year(
                job.year,
                PublishedTables.YearTables(authorityYear: tables[.authorityYear]!, typeYear: tables[.typeYear]!,
                                           nationalYear: tables[.nationalYear]!, areaYear: tables[.areaYear]!,
                                           publicReports: tables[.publicReports]!),
                authorities: authorities)
        } catch {
            throw .notAPublication(path: folder + "/" + CurrentPublication.partitionFolder(of: job.year), reason: "\(error)")
        }

        var contacts: [String: Contact] = [:]
        if let path = job.contacts {
            do {
                contacts = try ReferenceTableLoader.loadContacts(path, register: register)
            } catch {
                throw .configuration("\(error)")
            }
        }
        let recordedDate = configuration.settings["letter-date"].flatMap(RunSettingTable.shared.letterDate.value(parsing:))
        // The run's signatory, as its manifest records it ("none": the placeholder).
        let recordedSignatory = configuration.settings["signatory"].flatMap { $0 == "none" ? nil : Signatory(parsing: $0) }
        let settings = LetterSettings(date: job.letterDate ?? recordedDate, contacts: contacts,
                                      signatory: job.signatory ?? recordedSignatory)

        let rows: [AuthorityYearFigures]
        if let codes = job.authorities {
            let byCode = Dictionary(figures.authorities.map { ($0.authority.code, $0) }, uniquingKeysWith: { first, _ in first })
            rows = try codes.map { code throws(LetterDraftError) in
                guard let row = byCode[code] else { throw .unknownAuthority(code: code, year: label) }
                return row
            }
        } else {
            rows = figures.authorities
        }
        letters = try rows.map { row throws(LetterDraftError) in
            let markdown = LetterRenderer.markdown(row, in: figures, templates: templates, settings: settings)
            // Rendered with the run's own settings, a letter must be the published one byte for
            // byte: a difference means the settings (a contacts table the run was given) or the
            // code differ from the run's, and the drafts would not say what was published.
            if job.letterDate == nil, job.contacts == nil, job.signatory == nil {
                let path = "letters/\(label)/\(row.authority.code).md"
                if let published = publication.output(path),
                   RunManifest.FileDigest(path: path, contents: markdown) != published {
                    throw .wordsDiffer(path: folder + "/" + path, reason: "the letter rendered from the publication's "
                                       + "tables is not the published one; if the run was given a contacts table, give "
                                       + "it again with --contacts")
                }
            }
            return Letter(code: row.authority.code, markdown: markdown)
        }
    }

    /// The bytes of `table` for `year`: the partition's, else the top-level table's, checked
    /// against the sha256 the manifest records.
    private static func table(_ table: TableFile, of year: ReportingYear,
                              in publication: CurrentPublication) throws(LetterDraftError) -> [UInt8] {
        let partition = CurrentPublication.partitionFolder(of: year) + "/" + table.fileName
        let path = publication.output(partition) != nil ? partition : table.fileName
        let full = publication.folder + "/" + path
        guard let recorded = publication.output(path) else {
            throw .notAPublication(path: full, reason: "its manifest lists no \(table.fileName)")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw .notAPublication(path: full, reason: "listed in its manifest but cannot be read")
        }
        let bytes = [UInt8](data)
        guard RunManifest.FileDigest(path: path, contents: bytes) == recorded else {
            throw .notAPublication(path: full, reason: "its sha256 is not the one its manifest records")
        }
        return bytes
    }

    private static func checkUnchanged(_ path: String, recorded: RunManifest.FileDigest,
                                       what: String) throws(LetterDraftError) {
        let now: RunManifest.FileDigest
        do {
            now = try RunManifest.FileDigest(contentsOf: path)
        } catch {
            throw .sourceChanged(path: path, reason: "\(what) the publication was made from cannot be read (\(error))")
        }
        guard now.sha256 == recorded.sha256 else {
            throw .sourceChanged(path: path, reason: "\(what) has changed since the publication was made "
                                 + "(its sha256 is not the one the manifest records)")
        }
    }
}
