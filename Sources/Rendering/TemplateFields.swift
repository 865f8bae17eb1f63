/// The fields a context type answers to, by ``TemplateName``: built once per type (a `static
/// let`), read by index for every tag that the type answers.
///
/// A name numbered after the table was built is none of the type's fields (the table numbers
/// all of them when it is built), so it answers nil past the table's end.
final class TemplateFields<Context>: Sendable {
    /// How one field is read from a context.
    typealias Reader = @Sendable (Context) -> TemplateValue

    private let readers: [Reader?]

    /// The table of `fields`: each name with how its value is read.
    init(_ fields: KeyValuePairs<String, Reader>) {
        let numbered = fields.map { (TemplateName($0.key).id, $0.value) }
        var readers = [Reader?](repeating: nil, count: (numbered.map(\.0).max() ?? -1) + 1)
        for (id, reader) in numbered {
            precondition(readers[id] == nil, "a template field is named twice")
            readers[id] = reader
        }
        self.readers = readers
    }

    /// The field `name` of `context`, nil when the type has no such field.
    func value(of name: TemplateName, in context: Context) -> TemplateValue? {
        guard name.id < readers.count, let reader = readers[name.id] else { return nil }
        return reader(context)
    }
}
