import Foundation
import Mustache
import PipelineModel
@testable import Rendering
import Testing
import TestSupport

/// The letters' renderer (``CompiledTemplate``) against swift-mustache, whose output it must
/// reproduce byte for byte for the repository's templates, and against the Mustache rules it
/// implements.
@Suite struct CompiledTemplateTests {
    /// A context as swift-mustache reads it: every field through `child(named:)`.
    struct MustacheView: MustacheParent {
        let context: any TemplateContext

        func child(named name: String) -> Any? {
            switch context.value(of: TemplateName(name)) {
            case .text(let text)?: text
            case .number(let number)?: number
            case .flag(let flag)?: flag
            case .context(let nested)?: MustacheView(context: nested)
            case .list(let items)?: (0 ..< items.count).map { MustacheView(context: items.item(at: $0)) }
            case .missing?, nil: nil
            }
        }
    }

    /// `template` rendered by both engines. swift-mustache has no Markdown escaping: it renders
    /// such a template as plain text, the same bytes for values without `<`, `>` or `&`.
    func both(_ template: String, _ context: any TemplateContext) throws -> (ours: String, theirs: String) {
        let ours = String(decoding: try CompiledTemplate(template).render(context), as: UTF8.self)
        let theirs = try MustacheTemplate(string: template.replacingOccurrences(of: "CONTENT_TYPE: MARKDOWN", with: "CONTENT_TYPE: TEXT"))
            .render(MustacheView(context: context))
        return (ours, theirs)
    }

    @Test func everyLetterOfTheSampleIsSwiftMustachesOutput() throws {
        let sources = try RepositoryTemplates.sources()
        let figures = try SampleFigures.load()
        var letters = 0
        for file in ["letter.md.mustache", "letter.html.mustache"] {
            let template = try #require(sources[file])
            for year in figures.years {
                for row in year.authorities {
                    let settings = LetterSettings(date: Day(year: 2024, month: 7, day: 22),
                                                  contacts: [row.authority.code: Contact(name: "A Person", jobTitle: "Chief Executive")])
                    let (ours, theirs) = try both(template, LetterFields(row, types: year, settings: settings))
                    #expect(ours == theirs, "\(file) \(year.year.label) \(row.authority.code)")
                    letters += 1
                }
            }
        }
        #expect(letters > 400)
    }

    @Test func theStyleSheetsAndScriptAreSwiftMustachesOutput() throws {
        let sources = try RepositoryTemplates.sources()
        for file in ["report-style.css.mustache", "report-sort.js.mustache", "letter.css.mustache"] {
            let template = try #require(sources[file])
            let (ours, theirs) = try both(template, Fields([:]))
            #expect(ours == theirs, "\(file)")
        }
    }

    /// A context of plain values, for the rules below.
    struct Fields: TemplateContext {
        let values: [TemplateName: TemplateValue]
        init(_ values: [String: TemplateValue]) {
            self.values = Dictionary(uniqueKeysWithValues: values.map { (TemplateName($0.key), $0.value) })
        }
        func value(of name: TemplateName) -> TemplateValue? { values[name] }
    }

    static let cases: [(template: String, expected: String)] = [
        ("a {{name}} b", "a R&amp;D &lt;x&gt; &quot;q&quot; &#39;s&#39; b"),
        ("{{{name}}}|{{&name}}", "R&D <x> \"q\" 's'|R&D <x> \"q\" 's'"),
        ("{{% CONTENT_TYPE: TEXT}}\n{{name}}", "R&D <x> \"q\" 's'"),
        ("{{% CONTENT_TYPE: MARKDOWN}}\n{{count}} {{nested.label}}", "3 inner"),
        ("{{count}} {{missing}}.", "3 ."),
        ("{{zero}} {{negative}} {{smallest}} {{largest}}", "0 -12 -9223372036854775808 9223372036854775807"),
        ("{{#on}}yes{{/on}}{{^on}}no{{/on}}{{#off}}yes{{/off}}{{^off}}no{{/off}}", "yesno"),
        ("{{#rows}}[{{label}}:{{count}}]{{/rows}}{{^none}}empty{{/none}}", "[a:3][b:3]empty"),
        ("{{#nested}}{{label}} in {{count}}{{/nested}}{{#missing}}x{{/missing}}{{^missing}}none{{/missing}}", "inner in 3none"),
        ("{{nested.label}}", "inner"),
        ("{{#name}}[{{.}}]{{/name}}", "[R&amp;D &lt;x&gt; &quot;q&quot; &#39;s&#39;]"),
        ("x\n  {{#on}}  \n  y\n  {{/on}}\nz\n", "x\n  y\nz\n"),
        ("  {{! a comment\n that spans lines }}\nline\n", "line\n"),
        ("{{#on}}a{{/on}} {{#on}}b{{/on}}\n", "a b\n"),
        ("a\r\n{{#on}}\r\nb\r\n{{/on}}\r\n", "a\r\nb\r\n"),
    ]

    @Test(arguments: cases)
    func mustacheRules(template: String, expected: String) throws {
        let context = Fields([
            "name": .text("R&D <x> \"q\" 's'"), "count": .number(3), "on": .flag(true), "off": .flag(false),
            "rows": .list([Fields(["label": .text("a")]), Fields(["label": .text("b")])]), "none": .list([Fields]()),
            "nested": .context(Fields(["label": .text("inner")])), "missing": .missing,
            "zero": .number(0), "negative": .number(-12), "smallest": .number(.min), "largest": .number(.max),
        ])
        let (ours, theirs) = try both(template, context)
        #expect(ours == expected)
        #expect(ours == theirs, "swift-mustache renders it otherwise")
    }

    @Test func markdownEscapesOnlyWhatCouldBecomeHTML() throws {
        let rendered = try CompiledTemplate("{{% CONTENT_TYPE: MARKDOWN}}\n{{name}}")
            .render(Fields(["name": .text("R&D <x> \"q\" 's'")]))
        #expect(String(decoding: rendered, as: UTF8.self) == "R&amp;D &lt;x&gt; \"q\" 's'")
    }

    @Test(arguments: [
        ("{{#a}}x", 1, 1, "never closed"),
        ("ok\n{{#a}}x{{/b}}", 2, 8, "closed with another name"),
        ("{{> partial}}", 1, 1, "not supported"),
        ("x {{name", 1, 3, "not finished"),
        ("{{% CONTENT_TYPE: XML}}", 1, 1, "unknown pragma"),
        ("{{last()}}", 1, 1, "transforms"),
    ] as [(String, Int, Int, String)])
    func syntaxErrorsNameTheLineAndColumn(template: String, line: Int, column: Int, reason: String) {
        #expect {
            try CompiledTemplate(template)
        } throws: { error in
            guard let error = error as? CompiledTemplate.SyntaxError else { return false }
            return error.line == line && error.column == column && error.reason.contains(reason)
        }
    }

    @Test func everyStoredFieldOfTheLetterAnswersUnderItsName() throws {
        let year = try #require(FigureFixtures.annual.years.last)
        for row in year.authorities {
            let letter = LetterFields(row, types: year)
            for child in Mirror(reflecting: letter).children {
                guard let name = child.label else { continue }
                #expect(letter.value(of: TemplateName(name)) != nil, "LetterFields.\(name) is not readable by the templates")
            }
        }
        let per100k = LetterFields.Per100kLines(value: "4.8", average: "n/a")
        #expect(Mirror(reflecting: per100k).children.allSatisfy { per100k.value(of: TemplateName($0.label ?? "")) != nil })
        let row = LetterFields.CountRow(label: "Housing", count: 2)
        #expect(Mirror(reflecting: row).children.allSatisfy { row.value(of: TemplateName($0.label ?? "")) != nil })
        #expect(LetterFields(FigureFixtures.leicester2023, types: FigureFixtures.single(FigureFixtures.leicester2023).years[0]).value(of: TemplateName("nope")) == nil)
    }

    /// A name numbered after a type's table was built (a template compiled later) is none of the
    /// type's fields, whatever its number: the look-up goes past the table's end.
    @Test func aNameFirstMetAfterATableWasBuiltIsNoneOfTheTypesFields() throws {
        let row = LetterFields.CountRow(label: "Housing", count: 2)
        #expect(row.value(of: TemplateName("label")) != nil)
        let late = "late\(UInt32.random(in: 0 ... .max))"
        #expect(row.value(of: TemplateName(late)) == nil)
        let rendered = try CompiledTemplate("[{{label}}|{{\(late)}}|{{count}}]").render(row)
        #expect(String(decoding: rendered, as: UTF8.self) == "[Housing||2]")
        #expect(TemplateName(late) == TemplateName(late))
    }
}
