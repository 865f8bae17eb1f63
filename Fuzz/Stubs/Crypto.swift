/// A stand-in for swift-crypto's `SHA256`, so that the fuzz build compiles the real
/// Sources/Ingestion files (StoredFileReader hashes what it reads) without building
/// swift-crypto and BoringSSL. The digest is FNV-1a, not SHA-256: the fuzzer never looks at it.
public struct SHA256 {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    /// Folds `bufferPointer` into the digest.
    public mutating func update(bufferPointer: UnsafeRawBufferPointer) {
        for byte in bufferPointer {
            state = (state ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
    }

    /// The digest's bytes.
    public func finalize() -> [UInt8] {
        (0 ..< 8).map { UInt8(truncatingIfNeeded: state >> ($0 * 8)) }
    }
}
