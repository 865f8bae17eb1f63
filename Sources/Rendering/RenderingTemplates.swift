import Crypto
import Foundation
import PipelineModel

/// The templates of `pipelines/templates/`: the letters' wording, markup and style sheet, and
/// the report's style sheet and script, loaded and compiled once and shared by the writers.
///
/// The writers need the files of ``requiredFiles``; every `.mustache` file of the folder is
/// compiled, so that a mistake in any of them is found before a run reads data. Templates that
/// produce Markdown or other text start with the pragma `{{% CONTENT_TYPE: TEXT}}` so that
/// values are not HTML-escaped; the others escape values for HTML. The report's pages
/// themselves are markup built in Swift (``ReportRenderer``); the style sheets and the script are
/// rendered once here.
package struct RenderingTemplates: Sendable {
    /// The templates the writers render, by file name.
    package static let requiredFiles = [
        "letter.md.mustache", "letter.html.mustache", "letter.css.mustache",
        "report-style.css.mustache", "report-sort.js.mustache",
    ]

    private let templates: [String: CompiledTemplate]
    /// The report's `style.css` (`report-style.css.mustache`), rendered once.
    let reportStyleSheet: [UInt8]
    /// The HTML letters' `letter.css` with its A4 print rules (`letter.css.mustache`), rendered once.
    let letterStyleSheet: [UInt8]
    /// The year index's inline sort script, rendered once.
    let reportScript: String
    /// The sha256 (hex) of every template's name and text: a change of wording changes it, so a
    /// run renders again the years it would otherwise carry over.
    package let digest: String

    /// Loads every `.mustache` file of `folder` (not its subfolders).
    /// - Throws: ``RenderingError`` naming the file: a required template missing, a file that
    ///   cannot be read or is not UTF-8, or a template that is not valid Mustache.
    package static func load(from folder: String) throws -> RenderingTemplates {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder)
        } catch {
            throw RenderingError.templateFolderUnreadable(folder: folder, reason: Self.reason(error))
        }
        var sources: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".mustache") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RenderingError.templateUnreadable(file: path, reason: "cannot open the file")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw RenderingError.templateUnreadable(file: path, reason: "not UTF-8 text")
            }
            sources[name] = text
        }
        for required in requiredFiles where sources[required] == nil {
            throw RenderingError.templateMissing(file: (folder as NSString).appendingPathComponent(required))
        }
        return try RenderingTemplates(sources: sources, folder: folder)
    }

    /// Templates from their texts by file name (`letter.md.mustache`), for tests and callers
    /// that keep templates elsewhere; `folder` only names the files in errors.
    /// - Throws: ``RenderingError`` as ``load(from:)`` does.
    package init(sources: [String: String], folder: String = "templates") throws {
        for required in Self.requiredFiles where sources[required] == nil {
            throw RenderingError.templateMissing(file: (folder as NSString).appendingPathComponent(required))
        }
        var templates: [String: CompiledTemplate] = [:]
        var hasher = SHA256()
        for (file, text) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                templates[file] = try CompiledTemplate(text)
            } catch let error as CompiledTemplate.SyntaxError {
                throw RenderingError.templateSyntax(file: (folder as NSString).appendingPathComponent(file),
                                                     line: error.line, column: error.column, reason: error.reason)
            }
            hasher.update(data: Array("\(file.utf8.count):\(file)\(text.utf8.count):".utf8))
            hasher.update(data: Array(text.utf8))
        }
        self.templates = templates
        digest = lowercaseHex(hasher.finalize())
        reportStyleSheet = templates["report-style.css.mustache"]?.render(NoFields()) ?? []
        letterStyleSheet = templates["letter.css.mustache"]?.render(NoFields()) ?? []
        reportScript = String(decoding: templates["report-sort.js.mustache"]?.render(NoFields()) ?? [], as: UTF8.self)
    }

    /// Renders the template of file `file` (`letter.md.mustache`) with `context`.
    func render<Context: TemplateContext>(_ file: String, _ context: Context) -> [UInt8] {
        // Only files of requiredFiles are rendered, and init checks that they are all there.
        templates[file]?.render(context) ?? []
    }

    private static func reason(_ error: any Error) -> String {
        (error as? CocoaError)?.localizedDescription ?? String(describing: error)
    }
}

/// The context of a template that reads no value.
private struct NoFields: TemplateContext {
    func value(of name: TemplateName) -> TemplateValue? { nil }
}
