/// A Mustache template compiled once into a list of text and tag steps, its names numbered as it
/// is compiled (``TemplateName``), rendered into a byte buffer reserved to the template's size with
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
    /// The parser's tree of a template, which ``init(_:)`` lays out as ``Step``s.
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

    /// One step of the template, in the order of the source, holding only numbers, so that
    /// reading one while rendering counts no reference.
    private enum Step: Sendable {
        /// The bytes of ``text`` in the range.
        case text(Range<Int>)
        /// The value named by ``names`` in the range, escaped or not.
        case variable(path: Range<Int>, escaped: Bool)
        /// A section over the value named by ``names`` in the range: its steps are those after
        /// this one up to `end` (not included), where rendering goes on.
        case section(path: Range<Int>, inverted: Bool, end: Int)
        case contentType(Escaping)
    }

    private let steps: [Step]
    /// Every text step's bytes, one after the other.
    private let text: [UInt8]
    /// Every tag's names (`a.b` is two), one after the other.
    private let names: [TemplateName]
    /// The capacity the output starts with: the template's own text and a quarter more for the
    /// values, so that a letter's bytes are not copied as the buffer grows.
    private let expectedSize: Int

    /// Compiles `source`.
    /// - Throws: ``SyntaxError``.
    init(_ source: String) throws {
        var steps: [Step] = []
        var text: [UInt8] = []
        var names: [TemplateName] = []
        func lay(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    steps.append(.text(text.count ..< text.count + bytes.count))
                    text.append(contentsOf: bytes)
                case .variable(let path, let escaped):
                    steps.append(.variable(path: names.count ..< names.count + path.count, escaped: escaped))
                    names.append(contentsOf: path)
                case .section(let path, let inverted, let children):
                    let index = steps.count
                    let range = names.count ..< names.count + path.count
                    names.append(contentsOf: path)
                    steps.append(.section(path: range, inverted: inverted, end: index + 1))
                    lay(children)
                    steps[index] = .section(path: range, inverted: inverted, end: steps.count)
                case .contentType(let mode):
                    steps.append(.contentType(mode))
                }
            }
        }
        lay(try Parser(Array(source.utf8)).parse())
        self.steps = steps
        self.text = text
        self.names = names
        expectedSize = text.count + text.count / 4 + 256
    }

    /// Renders the template with `context` at the bottom of the context stack.
    func render<Context: TemplateContext>(_ context: Context) -> [UInt8] {
        steps.withUnsafeBufferPointer { steps in
            text.withUnsafeBufferPointer { text in
                names.withUnsafeBufferPointer { names in
                    var run = Run<Context>(steps: steps, text: text, names: names, capacity: expectedSize)
                    run.render(0 ..< steps.count, root: context)
                    return run.output
                }
            }
        }
    }

    /// One rendering: the template's steps read in place, the root context by its own type (passed
    /// down, never copied) and the sections' contexts above it.
    private struct Run<Root: TemplateContext> {
        let steps: UnsafeBufferPointer<Step>
        let text: UnsafeBufferPointer<UInt8>
        let names: UnsafeBufferPointer<TemplateName>
        var output: [UInt8]
        /// The contexts of the sections being rendered, innermost last: read in place, each by
        /// its own type's table (a section over text or a number stands as a ``SectionValue``).
        var stack: [any TemplateContext] = []
        var escaping = Escaping.html

        init(steps: UnsafeBufferPointer<Step>, text: UnsafeBufferPointer<UInt8>, names: UnsafeBufferPointer<TemplateName>,
             capacity: Int) {
            self.steps = steps
            self.text = text
            self.names = names
            output = []
            output.reserveCapacity(capacity)
        }

        mutating func render(_ range: Range<Int>, root: Root) {
            var index = range.lowerBound
            while index < range.upperBound {
                switch steps[index] {
                case .text(let bytes):
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: text[bytes]))
                case .contentType(let mode):
                    escaping = mode
                case .variable(let path, let escaped):
                    append(lookUp(path, root: root), escaping: escaped ? escaping : .none)
                case .section(let path, let inverted, let end):
                    let children = index + 1 ..< end
                    index = end
                    let value = lookUp(path, root: root)
                    if inverted {
                        if !value.isTruthy { render(children, root: root) }
                        continue
                    }
                    switch value {
                    case .list(let items):
                        for item in 0 ..< items.count {
                            stack.append(items.item(at: item))
                            render(children, root: root)
                            stack.removeLast()
                        }
                    case .flag(let on):
                        if on { render(children, root: root) }
                    case .missing:
                        break
                    case .context(let context):
                        stack.append(context)
                        render(children, root: root)
                        stack.removeLast()
                    case .text, .number:
                        stack.append(SectionValue(sectionValue: value))
                        render(children, root: root)
                        stack.removeLast()
                    }
                    continue
                }
                index += 1
            }
        }

        /// The value of a dotted name: its first part found in the nearest context that has it,
        /// the rest within that value. `.` is the nearest value itself.
        func lookUp(_ path: Range<Int>, root: Root) -> TemplateValue {
            guard !path.isEmpty else { return stack.last.map { $0.sectionValue ?? .context($0) } ?? .context(root) }
            let first = names[path.lowerBound]
            // Each value is returned where it is found, moved rather than copied, and the frames
            // are read in place from the top.
            var frame = stack.count
            while frame > 0 {
                frame -= 1
                if let found = stack[frame].value(of: first) { return within(found, path) }
            }
            guard let found = root.value(of: first) else { return .missing }
            return within(found, path)
        }

        /// The field of `value` that the rest of `path` (after its first name) names.
        func within(_ value: consuming TemplateValue, _ path: Range<Int>) -> TemplateValue {
            guard path.count > 1 else { return value }
            var value = value
            for part in path.dropFirst() {
                guard let found = value.field(names[part]) else { return .missing }
                value = found
            }
            return value
        }

        mutating func append(_ value: TemplateValue, escaping: Escaping) {
            switch value {
            case .text(let text):
                let appended: Void? = text.utf8.withContiguousStorageIfAvailable { append($0, escaping: escaping) }
                if appended == nil {
                    var text = text
                    text.withUTF8 { append($0, escaping: escaping) }
                }
            case .number(let number):
                appendDecimal(number)
            case .flag(let on):
                output.append(contentsOf: (on ? "true" : "false").utf8)
            case .context, .list, .missing:
                break
            }
        }

        mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, escaping: Escaping) {
            guard escaping != .none else { return output.append(contentsOf: bytes) }
            MarkupEscape.runs(of: bytes, quotes: escaping == .html) { output.append(contentsOf: $0) }
        }

        /// `number` in decimal, as `String(number)` prints it, without making the string.
        mutating func appendDecimal(_ number: Int) {
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
}

/// A value a template reads by name.
protocol TemplateContext: Sendable {
    /// The field called `name`, or nil when this context has none (the look-up then goes on
    /// to the enclosing context, as Mustache's context stack does). A field this context has but
    /// that holds no value is ``TemplateValue/missing``, which ends the look-up: it never picks
    /// up an enclosing context's field of the same name.
    ///
    /// The letters' context types answer from a ``TemplateFields`` table, by the name's number.
    func value(of name: TemplateName) -> TemplateValue?

    /// The value itself when this context stands for a section over text or a number, which
    /// `{{.}}` prints inside it; nil (the default) for a context of fields.
    var sectionValue: TemplateValue? { get }
}

extension TemplateContext {
    var sectionValue: TemplateValue? { nil }
}

/// The context of a section over text or a number: no fields, the value itself for `{{.}}`.
private struct SectionValue: TemplateContext {
    let sectionValue: TemplateValue?

    func value(of name: TemplateName) -> TemplateValue? { nil }
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
