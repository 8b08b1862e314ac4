import Foundation
import TextServices

/// Decodes a file that is not valid UTF-8 as a whole line by line: each line is UTF-8 when it validates,
/// else a CJK encoding when it decodes there as CJK text, else UTF-8 with its bad bytes replaced by U+FFFD.
///
/// Used when a file has some valid multi-byte UTF-8 lines and some lines that are not UTF-8: a damaged
/// UTF-8 file, or one where lines in GB18030 (or Big5) were pasted into UTF-8 text.
struct LineEncodingScan {
    /// How one line was decoded.
    enum Kind: Equatable {
        /// ASCII only: every encoding agrees.
        case ascii
        /// Valid UTF-8 with at least one multi-byte sequence, and not CJK text in a CJK charset.
        case utf8
        /// Valid UTF-8 and also CJK text in `charset` (UTF-8 Chinese often decodes as GBK mojibake).
        case ambiguous(String)
        /// Not UTF-8, decoded as CJK text in this charset.
        case cjk(String)
        /// Not valid in any candidate: UTF-8 with bad bytes replaced; the 1-based column and bytes of the first.
        case damaged(column: Int, bytes: String)
    }

    struct Line {
        var number: Int
        var kind: Kind
        var text: String
        /// The line decoded in the CJK charset, for `.ambiguous` lines.
        var cjkText: String?
    }

    /// CJK charsets tried, in order, for a line that is not UTF-8.
    static let cjkCharsets = ["GB18030", "Big5"]

    private(set) var lines: [Line] = []
    /// Lines only UTF-8 explains, lines only a CJK charset explains.
    private(set) var utf8Only = 0, cjkOnly = 0

    /// Splits `body` at LF (a CR before it stays with the line) and classifies each line; ambiguous lines
    /// then go with the majority (UTF-8 on a tie).
    init(_ body: ArraySlice<UInt8>) {
        var number = 1
        var start = body.startIndex
        while start < body.endIndex {
            var end = start
            while end < body.endIndex && body[end] != 0x0A { end += 1 }
            if end < body.endIndex { end += 1 }   // keep the LF
            let line = Self.decodeLine(body[start..<end], number: number)
            if case .utf8 = line.kind { utf8Only += 1 }
            if case .cjk = line.kind { cjkOnly += 1 }
            lines.append(line)
            number += 1
            start = end
        }
    }

    /// Whether UTF-8 explains the file: some line is only UTF-8, and such lines are at least a twentieth of
    /// the lines only a CJK charset explains (a GB18030 file has a few short lines that happen to be UTF-8).
    var isUTF8Based: Bool { utf8Only > 0 && utf8Only * 20 >= cjkOnly }

    /// The text, ambiguous lines read as the majority encoding.
    var text: String {
        let cjkWins = cjkOnly > utf8Only
        return lines.map { line in
            if cjkWins, case .ambiguous = line.kind, let cjk = line.cjkText { return cjk }
            return line.text
        }.joined()
    }

    /// The lines read in a CJK charset: those only it explains, and the ambiguous ones when it is the majority.
    var cjkLines: [Line] {
        let cjkWins = cjkOnly > utf8Only
        return lines.filter { line in
            switch line.kind {
            case .cjk: return true
            case .ambiguous: return cjkWins
            default: return false
            }
        }
    }

    /// The CJK charsets of `cjkLines`, most lines first.
    var cjkCharsetsFound: [String] {
        var counts: [String: Int] = [:]
        for line in cjkLines {
            switch line.kind {
            case let .cjk(charset), let .ambiguous(charset): counts[charset, default: 0] += 1
            default: break
            }
        }
        return counts.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map(\.key)
    }

    static func decodeLine(_ bytes: ArraySlice<UInt8>, number: Int) -> Line {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return Line(number: number, kind: .ascii, text: String(decoding: bytes, as: UTF8.self))
        }
        var cjk: (String, String)?
        for charset in cjkCharsets {
            if let text = try? Transcoder.decode(bytes, from: charset), isMostlyCJK(text) { cjk = (charset, text); break }
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            if let cjk { return Line(number: number, kind: .ambiguous(cjk.0), text: text, cjkText: cjk.1) }
            return Line(number: number, kind: .utf8, text: text)
        }
        if let cjk { return Line(number: number, kind: .cjk(cjk.0), text: cjk.1) }
        let (column, bad) = firstInvalidUTF8(bytes)
        return Line(number: number, kind: .damaged(column: column, bytes: bad), text: String(decoding: bytes, as: UTF8.self))
    }

    /// Whether at least 80% of the non-ASCII characters of `text` are Han, kana, Hangul or CJK punctuation.
    static func isMostlyCJK(_ text: String) -> Bool {
        var cjk = 0, other = 0
        for scalar in text.unicodeScalars where scalar.value >= 0x80 {
            if isCJK(scalar) { cjk += 1 } else { other += 1 }
        }
        return cjk > 0 && cjk >= 4 * other
    }

    static func isCJK(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF,
             0xF900...0xFAFF, 0xFF00...0xFFEF, 0x20000...0x3134F, 0x2000...0x206F:
            return true
        default:
            return false
        }
    }

    /// 1-based column (in characters) and hex of the first run of bytes that are not UTF-8 (at most four shown).
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> (Int, String) {
        var column = 1
        var i = bytes.startIndex
        func validLength(at i: Int) -> Int? {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC2 && b <= 0xDF ? 2 : 0
            guard length > 0, i + length <= bytes.endIndex, String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil else { return nil }
            return length
        }
        while i < bytes.endIndex {
            if let length = validLength(at: i) {
                i += length
                column += 1
                continue
            }
            var bad: [UInt8] = []
            while i < bytes.endIndex, bad.count < 4, validLength(at: i) == nil {
                bad.append(bytes[i])
                i += 1
            }
            return (column, bad.map { String(format: "%02X", $0) }.joined(separator: " "))
        }
        return (column, "")
    }
}
