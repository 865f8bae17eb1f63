/// Runs `body` on `bytes` as the parsers read a field: a buffer pointer into a batch's bytes.
func withField<T>(_ bytes: some Sequence<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
    Array(bytes).withUnsafeBufferPointer(body)
}
