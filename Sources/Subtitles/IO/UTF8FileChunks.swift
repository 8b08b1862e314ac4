import Foundation
import TextServices

/// A file's bytes a chunk at a time (for `XMLStreamReader`), each chunk checked to be UTF-8 without NUL; a
/// character cut by a chunk's end goes with the next chunk. Holds one chunk, never the file.
final class UTF8FileChunks {
    /// Why the last chunk could not be given (`.notUTF8`, `.readFailed`); nil while all went well.
    private(set) var failure: StreamingConversion.Fallback?
    private let fd: Int32
    private let name: String
    private let chunkSize: Int
    /// The bytes of a character the previous chunk ended inside.
    private var carry: [UInt8] = []

    /// Opens `path`; nil when it cannot be read.
    init?(path: String, chunkSize: Int = 64 << 10) {
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        name = path
        self.chunkSize = max(chunkSize, 16)
    }

    deinit { close(fd) }

    /// The next chunk of whole, valid characters; empty at the end of the file.
    func next() throws(XMLParseError) -> [UInt8] {
        while true {
            var chunk = carry
            carry = []
            let have = chunk.count
            chunk.reserveCapacity(have + chunkSize)
            var got = 0
            chunk.append(contentsOf: repeatElement(0, count: chunkSize))
            repeat {
                got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress! + have, chunkSize) }
            } while got < 0 && errno == EINTR
            guard got >= 0 else { throw fail(.readFailed, "the file cannot be read") }
            chunk.removeLast(chunkSize - got)
            if got == 0 {
                // The end: a character left incomplete is not UTF-8.
                guard chunk.isEmpty else { throw fail(.notUTF8, "the file ends inside a UTF-8 character") }
                return []
            }
            let cut = Self.completeCharacters(chunk)
            guard chunk.withUnsafeBufferPointer({ UTF8Scan.isValidWithoutNUL(UnsafeBufferPointer(rebasing: $0[..<cut])) }) else {
                throw fail(.notUTF8, "the file is not UTF-8")
            }
            carry = Array(chunk[cut...])
            chunk.removeLast(chunk.count - cut)
            if !chunk.isEmpty { return chunk }
        }
    }

    /// Where the last character that is complete in `bytes` ends (the end, unless a multi-byte one is cut).
    static func completeCharacters(_ bytes: [UInt8]) -> Int {
        var k = bytes.count
        while k > 0, bytes.count - k < 3, bytes[k - 1] & 0xC0 == 0x80 { k -= 1 }
        guard k > 0 else { return bytes.count }
        let lead = bytes[k - 1]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        return bytes.count - (k - 1) < length ? k - 1 : bytes.count
    }

    private func fail(_ why: StreamingConversion.Fallback, _ message: String) -> XMLParseError {
        failure = why
        return XMLParseError(.malformed, message, file: name)
    }
}
