/// A JSON value with object keys in a chosen order, written as pretty-printed UTF-8 by hand, so
/// that the same values always give the same bytes and numbers are written exactly (a
/// per-100,000 figure `4.8` never goes through binary floating point).
indirect enum JSONText: Sendable, Equatable {
    case object([(String, JSONText)])
    case array([JSONText])
    case string(String)
    case integer(Int)
    /// A number already written as JSON text (`4.8`).
    case number(String)
    case bool(Bool)
    case null

    static func == (a: JSONText, b: JSONText) -> Bool { a.bytes() == b.bytes() }

    /// An integer, or null.
    static func integer(_ value: Int?) -> JSONText { value.map { .integer($0) } ?? .null }

    /// A string, or null.
    static func string(_ value: String?) -> JSONText { value.map { .string($0) } ?? .null }

    /// A one-decimal number from tenths (48 -> `4.8`, 110 -> `11.0`), or null.
    static func tenths(_ value: Int?) -> JSONText {
        value.map { .number(NumberText.decimal(tenths: $0)) } ?? .null
    }

    /// The value as UTF-8, two-space indented, ending with a line feed.
    func bytes() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case let .object(members):
            if members.isEmpty { out += Array("{}".utf8); return }
            out += Array("{\n".utf8)
            for (i, (key, value)) in members.enumerated() {
                out += [UInt8](repeating: 0x20, count: indent + 2)
                Self.writeString(key, to: &out)
                out += Array(": ".utf8)
                value.write(to: &out, indent: indent + 2)
                out += Array((i < members.count - 1 ? ",\n" : "\n").utf8)
            }
            out += [UInt8](repeating: 0x20, count: indent)
            out.append(UInt8(ascii: "}"))
        case let .array(elements):
            if elements.isEmpty { out += Array("[]".utf8); return }
            // Arrays of scalars stay on one line: primary keys, missing values, enums.
            if elements.allSatisfy(\.isScalar) {
                out.append(UInt8(ascii: "["))
                for (i, element) in elements.enumerated() {
                    if i > 0 { out += Array(", ".utf8) }
                    element.write(to: &out, indent: indent)
                }
                out.append(UInt8(ascii: "]"))
                return
            }
            out += Array("[\n".utf8)
            for (i, element) in elements.enumerated() {
                out += [UInt8](repeating: 0x20, count: indent + 2)
                element.write(to: &out, indent: indent + 2)
                out += Array((i < elements.count - 1 ? ",\n" : "\n").utf8)
            }
            out += [UInt8](repeating: 0x20, count: indent)
            out.append(UInt8(ascii: "]"))
        case let .string(text):
            Self.writeString(text, to: &out)
        case let .integer(value):
            out += Array(String(value).utf8)
        case let .number(text):
            out += Array(text.utf8)
        case let .bool(value):
            out += Array((value ? "true" : "false").utf8)
        case .null:
            out += Array("null".utf8)
        }
    }

    private var isScalar: Bool {
        switch self {
        case .object, .array: false
        default: true
        }
    }

    /// Appends `text` as a JSON string: `"` and `\\` escaped, line feed, carriage return and
    /// tab as `\\n \\r \\t`, other control characters as `\\u00XX`, the rest as it is.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            // Runs between the bytes to escape are appended whole, not a byte at a time.
            var run = 0
            for i in utf8.indices {
                let byte = utf8[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run ..< i]))
                run = i + 1
                switch byte {
                case UInt8(ascii: "\""): out += Array("\\\"".utf8)
                case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
                case 0x0A: out += Array("\\n".utf8)
                case 0x0D: out += Array("\\r".utf8)
                case 0x09: out += Array("\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    out += Array("\\u00".utf8)
                    out.append(hex[Int(byte >> 4)])
                    out.append(hex[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
