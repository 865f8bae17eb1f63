/// The CSV dialect of every data output (outputs.md): UTF-8, LF line ends, and RFC 4180 quoting
/// only where a field needs it.
///
/// A field is quoted when it contains a comma, a double quote, a carriage return or a line feed;
/// quotes inside a quoted field are doubled. Python's `csv.writer(lineterminator="\n")`, which
/// writes the oracle, quotes the same fields with one exception: it leaves a lone carriage return
/// unquoted (it only looks for the line terminator's characters). We quote it, as RFC 4180 asks,
/// because an unquoted CR reads as a line break in most CSV readers.
///
/// - Important: A record of exactly one empty field is written as `""`, as Python's writer does,
///   so that it does not read back as a blank line (no record at all).
package enum CSVFormat {
    /// Whether `field` must be quoted: it contains `,`, `"`, CR or LF.
    package static func needsQuoting(_ field: some Sequence<UInt8>) -> Bool {
        field.contains(where: needsQuoting)
    }

    /// Whether a field holding `byte` must be quoted: it is `,`, `"`, CR or LF (one shift of a
    /// mask of those, all below 64, rather than four comparisons for each byte of each field).
    package static func needsQuoting(_ byte: UInt8) -> Bool {
        let special: UInt64 = 1 << 0x0A | 1 << 0x0D | 1 << 0x22 | 1 << 0x2C
        return byte < 64 && special >> UInt64(byte) & 1 == 1
    }

    /// Appends `field`'s UTF-8 bytes to `buffer`, quoted only if it needs quoting.
    package static func appendField(_ field: String, to buffer: inout [UInt8]) {
        // A native string's bytes are contiguous: scanning and copying them through a buffer
        // pointer is what the per-case tables, a few cells for every case, need.
        let done: Void? = field.utf8.withContiguousStorageIfAvailable { appendField(bytes: $0, to: &buffer) }
        if done == nil { appendField(bytes: field.utf8, to: &buffer) }
    }

    /// Appends the bytes of one field to `buffer`, quoted only if it needs quoting.
    package static func appendField(bytes field: some Collection<UInt8>, to buffer: inout [UInt8]) {
        guard needsQuoting(field) else {
            buffer.append(contentsOf: field)
            return
        }
        buffer.append(UInt8(ascii: "\""))
        for byte in field {
            if byte == UInt8(ascii: "\"") { buffer.append(byte) }
            buffer.append(byte)
        }
        buffer.append(UInt8(ascii: "\""))
    }

    /// Appends one record (fields separated by commas, ended by LF) to `buffer`.
    package static func appendRecord(_ fields: [String], to buffer: inout [UInt8]) {
        if fields.count == 1, fields[0].isEmpty {
            buffer.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: "\""), 0x0A])
            return
        }
        for (i, field) in fields.enumerated() {
            if i > 0 { buffer.append(UInt8(ascii: ",")) }
            appendField(field, to: &buffer)
        }
        buffer.append(0x0A)
    }

    /// The bytes of one record, ended by LF.
    package static func record(_ fields: [String]) -> [UInt8] {
        var buffer: [UInt8] = []
        appendRecord(fields, to: &buffer)
        return buffer
    }

    /// The records of a file in this dialect, read back (the publication's own tables): fields
    /// split at commas outside quotes, `""` inside quotes read as one quote, records ended by LF.
    package static func records(_ bytes: [UInt8]) -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                records.append(fields)
                fields.removeAll(keepingCapacity: true)
            default: field.append(byte)
            }
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(String(decoding: field, as: UTF8.self))
            records.append(fields)
        }
        return records
    }

    /// Appends the decimal digits of `value` (with a leading `-` when negative) without making a
    /// `String`, for hot loops such as the rejects file.
    package static func appendDecimal(_ value: Int, to buffer: inout [UInt8]) {
        if value < 0 { buffer.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude == 0 {
            buffer.append(UInt8(ascii: "0"))
            return
        }
        let start = buffer.count
        while magnitude > 0 {
            buffer.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        }
        buffer[start...].reverse()
    }
}
