/// The bytes of a table's records (``TableDefinition/appendRecord(of:to:year:)``) as they are
/// written: a scratch block that each cell writes into through a pointer, copied to the
/// table's array of bytes when full.
///
/// A table with a row per case writes ten fields on each of millions of rows; appending each
/// byte to an array checks its uniqueness and capacity each time, which cost more than the
/// bytes. Made only by ``with(_:_:)``, which owns the scratch block.
package struct CSVRecordBuffer {
    /// The bytes written before the scratch block's.
    private var bytes: [UInt8]
    private let scratch: UnsafeMutableBufferPointer<UInt8>
    private var used = 0

    private init(bytes: [UInt8], scratch: UnsafeMutableBufferPointer<UInt8>) {
        self.bytes = bytes
        self.scratch = scratch
    }

    /// Calls `body` with a buffer that appends to `bytes`, which holds every byte written once
    /// it returns.
    package static func with<Result>(_ bytes: inout [UInt8], _ body: (inout CSVRecordBuffer) -> Result) -> Result {
        let scratch = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 16_384)
        defer { scratch.deallocate() }
        var buffer = CSVRecordBuffer(bytes: [], scratch: scratch)
        swap(&buffer.bytes, &bytes)
        let result = body(&buffer)
        buffer.flush()
        swap(&buffer.bytes, &bytes)
        return result
    }

    /// The number of bytes written, before and since ``with(_:_:)`` was called.
    package var count: Int { bytes.count + used }

    /// Makes room for `count` more bytes than are written without growing the array again.
    package mutating func reserveCapacity(_ count: Int) {
        bytes.reserveCapacity(self.count + count)
    }

    /// Appends one byte.
    package mutating func append(_ byte: UInt8) {
        if used == scratch.count { flush() }
        scratch[used] = byte
        used += 1
    }

    /// Appends the `count` bytes `write` writes through the pointer it is given (a field that
    /// needs no quoting: a date, a reference), without making a `String`.
    package mutating func append(count: Int, write: (UnsafeMutablePointer<UInt8>) -> Void) {
        if count > scratch.count - used { flush() }
        write(scratch.baseAddress! + used)
        used += count
    }

    /// Appends `text`, which needs no quoting (`true`, `false`), copied from the program's own bytes.
    package mutating func appendASCII(_ text: StaticString) {
        append(field: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the decimal digits of `value` (a leading `-` when negative): ``CSVFormat/appendDecimal(_:to:)``'s.
    package mutating func appendDecimal(_ value: Int) {
        flush()
        CSVFormat.appendDecimal(value, to: &bytes)
    }

    /// Appends `field`'s UTF-8 bytes, quoted only if it needs quoting (``CSVFormat``).
    package mutating func appendField(_ field: String) {
        let done: Void? = field.utf8.withContiguousStorageIfAvailable { appendField(bytes: $0) }
        if done == nil { appendField(bytes: Array(field.utf8)) }
    }

    /// Appends the bytes of one field, quoted only if it needs quoting (``CSVFormat``).
    package mutating func appendField(bytes field: UnsafeBufferPointer<UInt8>) {
        // At worst every byte a doubled quote, and the two around them.
        let most = field.count * 2 + 2
        guard most <= scratch.count else {
            flush()
            CSVFormat.appendField(bytes: field, to: &bytes)
            return
        }
        if most > scratch.count - used { flush() }
        // Copied as it is scanned (most fields need no quotes); written again, quoted, from the
        // first byte that needs them.
        let start = scratch.baseAddress! + used
        for (i, byte) in field.enumerated() {
            if CSVFormat.needsQuoting(byte) {
                writeQuoted(field, at: start)
                return
            }
            start[i] = byte
        }
        used += field.count
    }

    /// Writes `field` quoted at `start`, the scratch block's next byte, with room for its worst case.
    private mutating func writeQuoted(_ field: UnsafeBufferPointer<UInt8>, at start: UnsafeMutablePointer<UInt8>) {
        let quote = UInt8(ascii: "\"")
        var p = start
        p.pointee = quote
        p += 1
        for byte in field {
            if byte == quote {
                p.pointee = quote
                p += 1
            }
            p.pointee = byte
            p += 1
        }
        p.pointee = quote
        p += 1
        used += p - start
    }

    private mutating func appendField(bytes field: [UInt8]) {
        field.withUnsafeBufferPointer { appendField(bytes: $0) }
    }

    /// Appends `field`, bytes that are a field already (quoted where they need it), as they are.
    package mutating func append(field: UnsafeBufferPointer<UInt8>) {
        if field.count > scratch.count - used {
            flush()
            guard field.count <= scratch.count else {
                bytes.append(contentsOf: field)
                return
            }
        }
        if let base = field.baseAddress { (scratch.baseAddress! + used).update(from: base, count: field.count) }
        used += field.count
    }

    private mutating func flush() {
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: scratch[..<used]))
        used = 0
    }
}
