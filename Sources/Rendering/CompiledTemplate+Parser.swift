import PipelineModel

extension CompiledTemplate {
    /// Turns a template's bytes into nodes, applying the standalone-line rule of the Mustache
    /// specification: a line holding nothing but white space and one section, inverted-section,
    /// closing, comment or pragma tag is removed whole, line break included.
    struct Parser {
        private let source: [UInt8]

        init(_ source: [UInt8]) { self.source = source }

        private enum Kind: Equatable {
            case variable(escaped: Bool), section, inverted, close, comment, pragma
            var canStandAlone: Bool { self != .variable(escaped: true) && self != .variable(escaped: false) }
        }

        private struct Tag {
            var start: Int
            var end: Int
            let kind: Kind
            let name: String
        }

        func parse() throws -> [Node] {
            var tags = try scan()
            var removed: [Range<Int>] = []
            for i in tags.indices where tags[i].kind.canStandAlone {
                let lineStart = (source[..<tags[i].start].lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0
                var lineEnd = source[tags[i].end...].firstIndex(of: 0x0A) ?? source.count
                guard source[lineStart ..< tags[i].start].allSatisfy(isBlank),
                      source[tags[i].end ..< lineEnd].allSatisfy({ isBlank($0) || $0 == 0x0D }),
                      !tags.indices.contains(where: { $0 != i && tags[$0].start < lineEnd && tags[$0].end > lineStart })
                else { continue }
                if lineEnd < source.count { lineEnd += 1 }
                removed.append(lineStart ..< tags[i].start)
                removed.append(tags[i].end ..< lineEnd)
            }
            return try build(&tags, removed: removed)
        }

        private func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

        /// Every tag with its position and kind.
        private func scan() throws -> [Tag] {
            var tags: [Tag] = []
            var i = 0
            let open: [UInt8] = Array("{{".utf8)
            while let start = find(open, from: i) {
                var contentStart = start + 2
                var closing: [UInt8] = Array("}}".utf8)
                if contentStart < source.count, source[contentStart] == UInt8(ascii: "{") {
                    closing = Array("}}}".utf8)
                    contentStart += 1
                }
                guard let close = find(closing, from: contentStart) else {
                    throw error(at: start, "a tag is not finished")
                }
                let content = String(decoding: source[contentStart ..< close], as: UTF8.self)
                let end = close + closing.count
                tags.append(try tag(content, triple: closing.count == 3, start: start, end: end))
                i = end
            }
            return tags
        }

        private func tag(_ content: String, triple: Bool, start: Int, end: Int) throws -> Tag {
            let trimmed = content.trimmingSpaces
            if triple { return Tag(start: start, end: end, kind: .variable(escaped: false), name: trimmed) }
            guard let sigil = trimmed.first else { throw error(at: start, "an empty tag") }
            let rest = String(trimmed.dropFirst()).trimmingSpaces
            switch sigil {
            case "#": return Tag(start: start, end: end, kind: .section, name: try name(rest, at: start))
            case "^": return Tag(start: start, end: end, kind: .inverted, name: try name(rest, at: start))
            case "/": return Tag(start: start, end: end, kind: .close, name: try name(rest, at: start))
            case "!": return Tag(start: start, end: end, kind: .comment, name: "")
            case "&": return Tag(start: start, end: end, kind: .variable(escaped: false), name: try name(rest, at: start))
            case "%":
                let setting = rest.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces }
                guard setting.count == 2, setting[0] == "CONTENT_TYPE", ["TEXT", "HTML", "MARKDOWN"].contains(setting[1]) else {
                    throw error(at: start, "unknown pragma (only CONTENT_TYPE: TEXT, HTML or MARKDOWN)")
                }
                return Tag(start: start, end: end, kind: .pragma, name: setting[1])
            case ">", "<", "$", "=":
                throw error(at: start, "partials, blocks and set-delimiter tags are not supported in these templates")
            default:
                return Tag(start: start, end: end, kind: .variable(escaped: true), name: try name(trimmed, at: start))
            }
        }

        private func name(_ text: String, at position: Int) throws -> String {
            guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "(" || $0 == ")" || $0 == "{" || $0 == "}" })
            else { throw error(at: position, "bad tag name '\(text)' (transforms and lambdas are not supported)") }
            return text
        }

        /// Nodes from the tags, with the text between them less the removed ranges.
        private func build(_ tags: inout [Tag], removed: [Range<Int>]) throws -> [Node] {
            var stack: [(name: String, inverted: Bool, start: Int, nodes: [Node])] = [("", false, 0, [])]
            var position = 0
            func text(upTo end: Int) {
                var bytes: [UInt8] = []
                var i = position
                while i < end {
                    if let range = removed.first(where: { $0.contains(i) }) {
                        i = range.upperBound
                        continue
                    }
                    bytes.append(source[i])
                    i += 1
                }
                if !bytes.isEmpty { stack[stack.count - 1].nodes.append(.text(bytes)) }
            }
            for tag in tags {
                text(upTo: tag.start)
                position = tag.end
                switch tag.kind {
                case .variable(let escaped):
                    stack[stack.count - 1].nodes.append(.variable(path: Self.path(tag.name), escaped: escaped))
                case .section, .inverted:
                    stack.append((tag.name, tag.kind == .inverted, tag.start, []))
                case .close:
                    guard stack.count > 1, let open = stack.last, open.name == tag.name else {
                        throw error(at: tag.start, "a section is closed with another name than it was opened with")
                    }
                    stack.removeLast()
                    stack[stack.count - 1].nodes.append(.section(path: Self.path(open.name), inverted: open.inverted,
                                                                 children: open.nodes))
                case .comment:
                    break
                case .pragma:
                    let escaping: Escaping = tag.name == "HTML" ? .html : tag.name == "MARKDOWN" ? .markdown : .none
                    stack[stack.count - 1].nodes.append(.contentType(escaping))
                }
            }
            text(upTo: source.count)
            guard stack.count == 1 else { throw error(at: stack[stack.count - 1].start, "a section is never closed") }
            return stack[0].nodes
        }

        private static func path(_ name: String) -> [TemplateName] {
            name == "." ? [] : name.split(separator: ".", omittingEmptySubsequences: false).map { TemplateName(String($0)) }
        }

        private func find(_ needle: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + needle.count <= source.count {
                if source[i] == needle[0], source[i ..< i + needle.count].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }

        private func error(at position: Int, _ reason: String) -> SyntaxError {
            let before = source[..<min(position, source.count)]
            let line = before.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            let column = position - ((before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0) + 1
            return SyntaxError(line: line, column: column, reason: reason)
        }
    }
}
