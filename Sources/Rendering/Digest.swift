import Crypto

/// sha256 of `bytes` as lower-case hex, as the manifest and the data package record it.
func sha256Hex(_ bytes: [UInt8]) -> String {
    let hex = Array("0123456789abcdef")
    var text = ""
    text.reserveCapacity(64)
    for byte in SHA256.hash(data: bytes) {
        text.append(hex[Int(byte >> 4)])
        text.append(hex[Int(byte & 0xF)])
    }
    return text
}
