import Foundation
@testable import Rendering
import Testing
import TestSupport

@Suite struct TemplateTests {
    @Test func repositoryTemplatesLoad() throws {
        _ = try RepositoryTemplates.load()
    }

    @Test func missingTemplateIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, text) in try RepositoryTemplates.sources() where name != "letter.html.mustache" {
            try folder.write(text, to: name)
        }
        #expect(throws: RenderingError.templateMissing(file: folder.url.appendingPathComponent("letter.html.mustache").path)) {
            try RenderingTemplates.load(from: folder.url.path)
        }
    }

    @Test func syntaxErrorNamesTheFileAndLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, text) in try RepositoryTemplates.sources() {
            try folder.write(name == "letter.md.mustache" ? "line one\n{{#uphold}}\nnever closed\n" : text, to: name)
        }
        do {
            _ = try RenderingTemplates.load(from: folder.url.path)
            Issue.record("a template with an unclosed section loaded")
        } catch let RenderingError.templateSyntax(file, _, _, reason) {
            #expect(file.hasSuffix("/letter.md.mustache"))
            #expect(reason == "a section is never closed")
        }
    }

    @Test func nonUTF8TemplateIsNamed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (name, text) in try RepositoryTemplates.sources() { try folder.write(text, to: name) }
        try folder.write([0x66, 0xFF, 0xFE], to: "report-style.css.mustache")
        #expect(throws: RenderingError.templateUnreadable(
            file: folder.url.appendingPathComponent("report-style.css.mustache").path, reason: "not UTF-8 text")) {
            try RenderingTemplates.load(from: folder.url.path)
        }
    }

    @Test func missingFolderIsNamed() {
        #expect {
            try RenderingTemplates.load(from: "/nonexistent/templates")
        } throws: { error in
            guard case let RenderingError.templateFolderUnreadable(folder, _) = error else { return false }
            return folder == "/nonexistent/templates"
        }
    }

    @Test func errorsDescribeThemselves() {
        #expect(RenderingError.templateSyntax(file: "t/letter.md.mustache", line: 3, column: 1, reason: "x").description
            == "template t/letter.md.mustache, line 3, column 1: x")
        #expect(RenderingError.templateMissing(file: "t/a.mustache").description == "template t/a.mustache is missing")
    }
}
