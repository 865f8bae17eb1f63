/// A Mustache template compiled once into a tree of text and tags, its names numbered as it is
/// compiled (``TemplateName``), rendered into a byte buffer reserved to the template's size with
/// values looked up by ``TemplateContext``: each type answers from a table by the name's number
/// (``TemplateFields``), with no dynamic cast and no string comparison.
///
/// Why not swift-mustache, which the project used before: its per-tag look-ups go through
/// dynamic casts (`as? MustacheParent`, `as? MustacheCustomRenderable`, ...), `String(describing:)`
/// and per-`Character` escaping, which measured 120 µs per letter page on the full register
/// (`scripts/bench --publication`), against a budget of 50 µs; a letter rendered here costs a
/// few microseconds. The wording stays in Mustache files an analyst edits.
///
/// The subset of Mustache the letters need, with the specification's rules: variables
/// (`{{name}}`, `{{a.b}}`, escaped for HTML unless `{{{name}}}` or `{{&name}}`), sections and
/// inverted sections over flags, lists and values, comments, the standalone-line rule (a line
/// holding only a section, comment or pragma tag is removed with its line break), and the pragma
/// `{{% CONTENT_TYPE: TEXT}}` (values not escaped from there on) of swift-mustache's dialect,
/// plus `{{% CONTENT_TYPE: MARKDOWN}}`: only `<`, `>` and `&` become entities, so that a value
/// can never be HTML in a Markdown file and its apostrophes and quotes stay as written.
/// Partials, set-delimiter tags, lambdas and transforms are refused when the template is
/// compiled, naming the line and column.
struct CompiledTemplate: Sendable {
    enum Node: Sendable {
        case text([UInt8])
        case variable(path: [TemplateName], escaped: Bool)
        case section(path: [TemplateName], inverted: Bool, children: [Node])
        case contentType(Escaping)
    }

    /// Why a template cannot be compiled, with its position (1-based).
    struct SyntaxError: Error, Sendable, Equatable {
        let line: Int
        let column: Int
        let reason: String
    }

    /// How values are escaped: for HTML (Mustache's default), for Markdown, or not at all.
    enum Escaping: Sendable {
        case html, markdown, none
    }

    let nodes: [Node]
    /// The capacity the output starts with: the template's own text and a quarter more for the
    /// values, so that a letter's bytes are not copied as the buffer grows.
    private let expectedSize: Int

    /// Compiles `source`.
    /// - Throws: ``SyntaxError``.
    init(_ source: String) throws {
        nodes = try Parser(Array(source.utf8)).parse()
        let text = Self.textSize(nodes)
        expectedSize = text + text / 4 + 256
    }

    private static func textSize(_ nodes: [Node]) -> Int {
        var size = 0
        for node in nodes {
            switch node {
            case .text(let bytes): size += bytes.count
            case .section(_, _, let children): size += textSize(children)
            case .variable, .contentType: break
            }
        }
        return size
    }

    /// Renders the template with `context` at the bottom of the context stack.
    func render(_ context: any TemplateContext) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(expectedSize)
        var escaping = Escaping.html
        var stack: [TemplateValue] = [.context(context)]
        Self.render(nodes, stack: &stack, escaping: &escaping, into: &output)
        return output
    }

    private static func render(_ nodes: [Node], stack: inout [TemplateValue], escaping: inout Escaping,
                               into output: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                output.append(contentsOf: bytes)
            case .contentType(let mode):
                escaping = mode
            case .variable(let path, let escaped):
                append(lookUp(path, in: stack), escaping: escaped ? escaping : .none, into: &output)
            case .section(let path, let inverted, let children):
                let value = lookUp(path, in: stack)
                if inverted {
                    if !value.isTruthy { render(children, stack: &stack, escaping: &escaping, into: &output) }
                    continue
                }
                switch value {
                case .list(let items):
                    for index in 0 ..< items.count {
                        stack.append(.context(items.item(at: index)))
                        render(children, stack: &stack, escaping: &escaping, into: &output)
                        stack.removeLast()
                    }
                case .flag(let on):
                    if on { render(children, stack: &stack, escaping: &escaping, into: &output) }
                case .missing:
                    break
                default:
                    stack.append(value)
                    render(children, stack: &stack, escaping: &escaping, into: &output)
                    stack.removeLast()
                }
            }
        }
    }

    /// The value of a dotted name: its first part found in the nearest context that has it, the
    /// rest within that value. `.` is the nearest value itself.
    private static func lookUp(_ path: [TemplateName], in stack: [TemplateValue]) -> TemplateValue {
        guard !path.isEmpty else { return stack.last ?? .missing }
        var value = TemplateValue.missing
        // By index from the top, so that no frame is copied but the one that answers.
        var frame = stack.count
        while frame > 0 {
            frame -= 1
            if let found = stack[frame].field(path[0]) {
                value = found
                break
            }
        }
        for part in path.dropFirst() {
            guard let found = value.field(part) else { return .missing }
            value = found
        }
        return value
    }

    private static func append(_ value: TemplateValue, escaping: Escaping, into output: inout [UInt8]) {
        switch value {
        case .text(let text):
            var text = text
            text.withUTF8 { bytes in
                guard escaping != .none else { return output.append(contentsOf: bytes) }
                let html = escaping == .html
                // Runs between the characters to escape are appended whole, not a byte at a time.
                var run = 0
                for i in bytes.indices {
                    let entity: StaticString
                    switch bytes[i] {
                    case UInt8(ascii: "<"): entity = "&lt;"
                    case UInt8(ascii: ">"): entity = "&gt;"
                    case UInt8(ascii: "&"): entity = "&amp;"
                    case UInt8(ascii: "\"") where html: entity = "&quot;"
                    case UInt8(ascii: "'") where html: entity = "&#39;"
                    default: continue
                    }
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run ..< i]))
                    output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                    run = i + 1
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            }
        case .number(let number):
            appendDecimal(number, into: &output)
        case .flag(let on):
            output.append(contentsOf: (on ? "true" : "false").utf8)
        case .context, .list, .missing:
            break
        }
    }

    /// `number` in decimal, as `String(number)` prints it, without making the string.
    private static func appendDecimal(_ number: Int, into output: inout [UInt8]) {
        if number < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = number.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var end = buffer.count
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: buffer[end...])
        }
    }
}

/// A value a template reads by name.
protocol TemplateContext: Sendable {
    /// The field called `name`, or nil when this context has none (the look-up then goes on
    /// to the enclosing context, as Mustache's context stack does). A field this context has but
    /// that holds no value is ``TemplateValue/missing``, which ends the look-up: it never picks
    /// up an enclosing context's field of the same name.
    ///
    /// A context type answers through its ``TemplateFields`` table, by the name's number.
    func value(of name: TemplateName) -> TemplateValue?
}

/// The items of a list field, read by index: the typed array itself, so that a section over it
/// makes no array of existentials.
protocol TemplateList: Sendable {
    /// How many items the section renders.
    var count: Int { get }
    /// The item at `index` (0 ..< count), the context of one pass through the section.
    func item(at index: Int) -> any TemplateContext
}

extension Array: TemplateList where Element: TemplateContext {
    func item(at index: Int) -> any TemplateContext { self[index] }
}

/// What a template field holds.
enum TemplateValue: Sendable {
    /// Text, printed (escaped for HTML unless the tag or the template says otherwise).
    case text(String)
    /// A whole number, printed in decimal.
    case number(Int)
    /// A flag: a section renders when it is on, an inverted one when it is off.
    case flag(Bool)
    /// A nested value whose fields a section reads.
    case context(any TemplateContext)
    /// A list: a section renders once per item, an inverted one when it is empty.
    case list(any TemplateList)
    /// No value (a field that is nil): sections skip, inverted sections render.
    case missing

    /// A nested value, or ``missing`` for nil.
    static func optional(_ context: (any TemplateContext)?) -> TemplateValue {
        context.map { .context($0) } ?? .missing
    }

    /// The field `name` of this value when it is a context; nil otherwise.
    func field(_ name: TemplateName) -> TemplateValue? {
        guard case .context(let context) = self else { return nil }
        return context.value(of: name)
    }

    var isTruthy: Bool {
        switch self {
        case .flag(let on): on
        case .list(let items): items.count > 0
        case .missing: false
        case .text, .number, .context: true
        }
    }
}
