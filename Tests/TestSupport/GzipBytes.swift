import CZlib

/// Gzip files made in memory for the tests of what reads them (``member(_:)``; several members
/// concatenated are one multi-member file).
package enum GzipBytes {
    /// One gzip member holding `data`, made with zlib.
    package static func member(_ data: [UInt8]) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer {
            deflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
        }
        // deflateInit2 is a macro; its function takes the version and struct size explicitly.
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
                                   Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK)
        var input = data
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        input.withUnsafeMutableBufferPointer { inBuf in
            stream.pointee.next_in = inBuf.baseAddress
            stream.pointee.avail_in = uInt(inBuf.count)
            var result: Int32 = Z_OK
            while result != Z_STREAM_END {
                chunk.withUnsafeMutableBufferPointer { outBuf in
                    stream.pointee.next_out = outBuf.baseAddress
                    stream.pointee.avail_out = uInt(outBuf.count)
                    result = deflate(stream, Z_FINISH)
                    output.append(contentsOf: outBuf[0 ..< (outBuf.count - Int(stream.pointee.avail_out))])
                }
            }
        }
        return output
    }
}
