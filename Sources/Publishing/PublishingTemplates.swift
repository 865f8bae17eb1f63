import Crypto
import Foundation
import Mustache

/// The Mustache templates of `pipelines/templates/`: the letters' wording and markup, and the
/// report's style sheet and script, loaded once and shared by the writers.
///
/// Every `.mustache` file of the folder is loaded and can be used as a partial by its name
/// without `.mustache`; the writers need the files of ``requiredFiles``. The report's pages
/// themselves are markup built in Swift (``ReportWriter``); their style sheet and script are
/// rendered once here. Templates that produce Markdown or SVG-free text start with the pragma
/// `{{% CONTENT_TYPE: TEXT}}` so that values are not HTML-escaped; the others escape values for
/// HTML, Mustache's default.
public struct PublishingTemplates: Sendable {
    /// The templates the writers render or include, by file name.
    public static let requiredFiles = [
        "letter.md.mustache", "letter.html.mustache",
        "report-style.css.mustache", "report-sort.js.mustache",
    ]

    let library: MustacheLibrary
    /// The report pages' inline style sheet, rendered once.
    let reportStyle: String
    /// The year index's inline sort script, rendered once.
    let reportScript: String
    /// The sha256 (hex) of every template's name and text: a change of wording changes it, so a
    /// run renders again the years it would otherwise carry over.
    public let digest: String

    private init(library: MustacheLibrary, digest: String) {
        self.library = library
        self.digest = digest
        reportStyle = library.render((), withTemplate: "report-style.css") ?? ""
        reportScript = library.render((), withTemplate: "report-sort.js") ?? ""
    }

    /// Loads every `.mustache` file of `folder` (not its subfolders).
    /// - Throws: ``PublishingError`` naming the file: a required template missing, a file that
    ///   cannot be read or is not UTF-8, or a template that is not valid Mustache.
    public static func load(from folder: String) throws -> PublishingTemplates {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw PublishingError.templateFolderUnreadable(folder: folder, reason: Self.reason(error))
        }
        var sources: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw PublishingError.templateUnreadable(file: path, reason: "cannot open the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw PublishingError.templateUnreadable(file: path, reason: "not UTF-8 text")
            }
            sources[name] = text
        }
        for required in requiredFiles where sources[required] == nil {
            throw PublishingError.templateMissing(file: (folder as NSString).appendingPathComponent(required))
        }
        return try PublishingTemplates(sources: sources, folder: folder)
    }

    /// Templates from their texts by file name (`letter.md.mustache`), for tests and callers
    /// that keep templates elsewhere; `folder` only names the files in errors.
    /// - Throws: ``PublishingError`` as ``load(from:)`` does.
    public init(sources: [String: String], folder: String = "templates") throws {
        var library = MustacheLibrary()
        for required in Self.requiredFiles where sources[required] == nil {
            throw PublishingError.templateMissing(file: (folder as NSString).appendingPathComponent(required))
        }
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            let path = (folder as NSString).appendingPathComponent(file)
            do {
                library.register(try MustacheTemplate(string: text), named: Self.templateName(file))
            } catch let error as MustacheTemplate.ParserError {
                throw PublishingError.templateSyntax(
                    file: path, line: error.context.lineNumber, column: error.context.columnNumber,
                    reason: Self.reason(error.error))
            } catch {
                throw PublishingError.templateSyntax(file: path, line: 0, column: 0, reason: Self.reason(error))
            }
        }
        var hasher = SHA256()
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            hasher.update(data: Array("\(file.utf8.count):\(file)\(text.utf8.count):".utf8))
            hasher.update(data: Array(text.utf8))
        }
        self.init(library: library, digest: hasher.finalize().map { String($0, radix: 16).leftPadded(to: 2) }.joined())
    }

    /// Renders the template of file `file` (`letter.md.mustache`) with `view`.
    func render(_ file: String, _ view: Any) -> String {
        // Only files of requiredFiles are rendered, and init checks that they are all there.
        library.render(view, withTemplate: Self.templateName(file)) ?? ""
    }

    /// The name a file is registered under: its name without `.mustache`.
    static func templateName(_ file: String) -> String {
        file.hasSuffix(".mustache") ? String(file.dropLast(".mustache".count)) : file
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case let e as MustacheTemplate.Error:
            switch e {
            case .sectionCloseNameIncorrect: "a section is closed with another name than it was opened with"
            case .unfinishedName: "a tag is not finished"
            case .expectedSectionEnd: "a section is never closed"
            case .invalidSetDelimiter: "bad set-delimiter tag"
            case .transformAppliedToInheritanceSection: "a transform on an inherited section"
            case .illegalTokenInsideInheritSection: "a tag inside an inherited partial that is not a block"
            case .textInsideInheritSection: "text inside an inherited partial"
            case .invalidConfigVariableSyntax: "bad pragma syntax ({{% NAME: value}})"
            case .unrecognisedConfigVariable: "unknown pragma (only CONTENT_TYPE: TEXT or HTML)"
            }
        case let e as CocoaError:
            e.localizedDescription
        default:
            String(describing: error)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
