import Foundation
import TextServices

/// Turns text produced by a writer into bytes for a file.
public struct TextFileEncoder: Sendable {
    /// ICU charset name (`UTF-8`, `UTF-16LE`, `GB18030`, `Big5`, …).
    public var encoding: String
    /// Whether to start the file with a byte order mark (only for UTF-8/16/32).
    public var byteOrderMark: Bool

    public init(encoding: String = "UTF-8", byteOrderMark: Bool = false) {
        self.encoding = encoding
        self.byteOrderMark = byteOrderMark
    }

    /// Encodes `text`; a character the charset cannot hold raises `CodecError(.encoding)` with its line.
    public func encode(_ text: String, name: String? = nil) throws(CodecError) -> Data {
        let charset = TextFileDecoder.canonicalName(encoding)
        var out = Data()
        if byteOrderMark, let bom = ByteOrderMark.allCases.first(where: { $0.encoding == charset }) {
            out.append(contentsOf: bom.bytes)
        }
        if charset == "UTF-8" {
            out.append(contentsOf: Array(text.utf8))
            return out
        }
        do {
            out.append(try Transcoder.encode(text, to: charset))
            return out
        } catch {
            switch error {
            case .unknownCharset(let c):
                throw CodecError(.encoding, "unknown text encoding '\(c)'", at: SourceLocation(file: name))
            case .failed(let c):
                throw CodecError(.encoding, "could not encode the text as \(c)", at: SourceLocation(file: name))
            case let .invalidInput(c, offset):
                let utf16 = text.utf16
                let index = utf16.index(utf16.startIndex, offsetBy: min(offset, utf16.count))
                let before = text[..<index]
                var line = 1
                var previousCR = false
                for scalar in before.unicodeScalars {
                    if scalar == "\r" { line += 1; previousCR = true }
                    else { if scalar == "\n" && !previousCR { line += 1 }; previousCR = false }
                }
                let character = text[index...].first.map { String($0) } ?? "?"
                throw CodecError(.encoding, "the character '\(character)' cannot be written in \(c)",
                                 at: SourceLocation(file: name, line: line))
            }
        }
    }
}
