import Foundation
import TextServices

/// Turns a subtitle file's bytes into `SourceText`, finding the encoding when it is not given.
///
/// The order of evidence:
/// 1. an explicit `encoding` always wins;
/// 2. byte order marks (UTF-8, UTF-16LE/BE, UTF-32LE/BE); repeated or stacked BOMs are all removed and
///    the last one decides;
/// 3. strictly valid UTF-8 (unless step 4's NUL pattern is present: NUL is valid UTF-8, but no UTF-8
///    subtitle has a NUL in every other byte);
/// 4. UTF-16 without BOM, recognised by NUL bytes at odd (LE) or even (BE) positions;
/// 5. ICU's detector, restricted to the charsets subtitles are really written in. GB2312 and GBK are read
///    as their superset **GB18030** (reported as `GB18030`); Big5 falls back to Big5-HKSCS when plain Big5
///    cannot decode the bytes.
///
/// A file with valid multi-byte UTF-8 lines and lines that are not UTF-8 is decoded line by line
/// (``LineEncodingScan``): lines that decode as CJK text in GB18030 or Big5 are read so (mixed encodings),
/// other bad bytes become U+FFFD; each case is a warning in `SourceText.diagnostics`, or a
/// `CodecError(.encoding)` with the line when `strict`. A single-byte charset (windows-1252, KOI8-R, …) is
/// never guessed for bytes that decode as CJK text in a CJK charset, UTF-16/32 are never guessed without a
/// BOM or the NUL pattern, and bytes full of control codes are refused as binary data. An explicit
/// `encoding` is strict: bytes invalid in it are an error with the line number.
///
///     let source = try TextFileDecoder().decode(data, name: "ep01.srt")
///     source.encoding   // "GB18030"
public struct TextFileDecoder: Sendable {
    /// Charsets accepted from ICU's detector (after mapping GB2312/GBK to GB18030). Others (EBCDIC,
    /// ISO-2022 without escape bytes, …) are never guessed for a subtitle file.
    public var allowedGuesses: Set<String>

    public static let defaultAllowedGuesses: Set<String> = [
        "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE",
        "GB18030", "Big5", "Shift_JIS", "EUC-JP", "EUC-KR",
        "ISO-8859-1", "windows-1252", "ISO-8859-2", "windows-1250", "ISO-8859-5", "windows-1251", "KOI8-R",
        "ISO-8859-7", "windows-1253", "ISO-8859-9", "windows-1254",
    ]

    /// Refuse damaged bytes and mixed encodings instead of decoding them with a warning.
    public var strict: Bool

    public init(allowedGuesses: Set<String> = TextFileDecoder.defaultAllowedGuesses, strict: Bool = false) {
        self.allowedGuesses = allowedGuesses
        self.strict = strict
    }

    /// Reads a file from disk.
    public func decode(contentsOf url: URL, encoding: String? = nil) throws(CodecError) -> SourceText {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CodecError(.encoding, "cannot read file: \(UserMessage.reason(error))", at: SourceLocation(file: url.path))
        }
        return try decode(data, name: url.path, encoding: encoding)
    }

    /// Decodes `data`; `encoding` (an ICU charset name or alias) overrides detection.
    public func decode(_ data: Data, name: String = "<memory>", encoding: String? = nil) throws(CodecError) -> SourceText {
        let bytes = [UInt8](data)
        // Byte order marks, possibly several in a row; the last one decides.
        var offset = 0
        var lastBOM: ByteOrderMark?
        bytes.withUnsafeBufferPointer { buf in
            while let bom = ByteOrderMark.at(buf, offset: offset) {
                lastBOM = bom
                offset += bom.bytes.count
            }
        }
        let bomEncoding = lastBOM?.encoding
        let body = bytes[offset...]

        if let encoding {
            let charset = Self.canonicalName(encoding)
            let text = try transcode(body, charset: charset, name: name)
            return SourceText(name: name, data: data, text: Self.strippingLeadingBOMs(text), encoding: charset)
        }
        if let bom = lastBOM, bom == .utf16LE || bom == .utf16BE, Self.hasLinesWithoutNULs(body) {
            // FF FE or FE FF before text with line breaks but no NUL bytes: not UTF-16 (a line break there is 0A 00).
            let mark = bom.bytes.map { String(format: "%02X", $0) }.joined(separator: " ")
            let at = SourceLocation(file: name, line: 1)
            if strict {
                throw CodecError(.encoding, "the file starts with a \(bom.encoding) byte order mark (\(mark)) but its text is not \(bom.encoding); remove the mark", at: at)
            }
            var decoded = try detect(body, data: data, name: name)
            decoded.diagnostics.insert(Diagnostic(.warning, "the file starts with a \(bom.encoding) byte order mark (\(mark)) but its text is not \(bom.encoding); the mark was ignored and the text read as \(decoded.encoding)", at: at), at: 0)
            return decoded
        }
        if let bomEncoding {
            if bomEncoding == "UTF-8", String(validating: body, as: UTF8.self) == nil {
                return try lineByLine(LineEncodingScan(body), data: data, name: name)
            }
            let text = try transcode(body, charset: bomEncoding, name: name)
            return SourceText(name: name, data: data, text: Self.strippingLeadingBOMs(text), encoding: bomEncoding)
        }
        return try detect(body, data: data, name: name)
    }

    /// Finds the encoding of `body`, which has no byte order mark (steps 3–5 above).
    private func detect(_ body: ArraySlice<UInt8>, data: Data, name: String) throws(CodecError) -> SourceText {
        // NUL is valid UTF-8, so UTF-16 of Latin text also passes validation: the NUL pattern decides first.
        let utf16 = Self.utf16WithoutBOM(body)
        if utf16 == nil, let text = String(validating: body, as: UTF8.self) {
            return SourceText(name: name, data: data, text: text, encoding: "UTF-8")
        }
        if let utf16 {
            let text = try transcode(body, charset: utf16, name: name)
            return SourceText(name: name, data: data, text: Self.strippingLeadingBOMs(text), encoding: utf16)
        }
        if let controls = Self.binaryControlCount(body) {
            throw CodecError(.encoding, "this is binary data, not a text file (\(controls) control bytes in the first 4 KiB)",
                             at: SourceLocation(file: name))
        }
        // Some lines are valid multi-byte UTF-8: a damaged UTF-8 file, or one with pasted GB18030/Big5 lines.
        let scan = LineEncodingScan(body)
        if scan.isUTF8Based {
            return try lineByLine(scan, data: data, name: name)
        }
        return try guess(body, data: data, name: name)
    }

    /// Decodes a scanned file line by line (see ``LineEncodingScan``), warning about (or, when `strict`, refusing)
    /// lines in another encoding and bad bytes.
    private func lineByLine(_ scan: LineEncodingScan, data: Data, name: String) throws(CodecError) -> SourceText {
        let encoding = "UTF-8"
        var diagnostics: [Diagnostic] = []
        let cjkLines = scan.cjkLines
        if !cjkLines.isEmpty {
            let charsets = scan.cjkCharsetsFound.joined(separator: "/")
            let numbers = Self.lineList(cjkLines.map(\.number))
            let at = SourceLocation(file: name, line: cjkLines[0].number)
            if strict {
                throw CodecError(.encoding, "mixed text encodings: line\(cjkLines.count == 1 ? "" : "s") \(numbers) \(cjkLines.count == 1 ? "is" : "are") \(charsets), the rest UTF-8; convert the file to one encoding", at: at)
            }
            diagnostics.append(Diagnostic(.warning, "mixed text encodings: line\(cjkLines.count == 1 ? "" : "s") \(numbers) decoded as \(charsets), the rest as UTF-8", at: at))
        }
        for line in scan.lines {
            guard case let .damaged(column, bytes) = line.kind else { continue }
            let at = SourceLocation(file: name, line: line.number, column: column)
            if strict { throw CodecError(.encoding, "bytes \(bytes) are not valid UTF-8 text", at: at) }
            diagnostics.append(Diagnostic(.warning, "bytes \(bytes) are not valid UTF-8 text; replaced with U+FFFD", at: at))
        }
        let reported = cjkLines.isEmpty ? encoding : "\(encoding)+\(scan.cjkCharsetsFound.joined(separator: "+"))"
        return SourceText(name: name, data: data, text: Self.strippingLeadingBOMs(scan.text), encoding: reported, diagnostics: diagnostics)
    }

    /// `3, 5, 9` (at most ten numbers, then `…`).
    static func lineList(_ numbers: [Int]) -> String {
        let shown = numbers.prefix(10).map(String.init).joined(separator: ", ")
        return numbers.count > 10 ? shown + ", … (\(numbers.count) lines)" : shown
    }

    /// The number of C0 control bytes (other than tab, LF, FF, CR and ESC) and DEL in the first 4 KiB,
    /// when there are more than 2 and more than 1% of the bytes: text files do not hold them.
    static func binaryControlCount(_ body: ArraySlice<UInt8>) -> Int? {
        let sample = body.prefix(4096)
        let controls = sample.reduce(0) { n, b in
            (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0C && b != 0x0D && b != 0x1B) || b == 0x7F ? n + 1 : n
        }
        return controls > 2 && controls * 100 > sample.count ? controls : nil
    }

    // MARK: - Detection

    private func guess(_ body: ArraySlice<UInt8>, data: Data, name: String) throws(CodecError) -> SourceText {
        let candidates = CharsetDetector.candidates(for: Data(body))
        var tried: [String] = []
        var firstError: CodecError?
        // Text that decodes as CJK in a CJK charset is never read as a single-byte charset (KOI8-R, windows-1252).
        let cjk = Self.cjkDecoding(body, preferring: candidates.map { Self.canonicalName($0.name) })
        for candidate in candidates {
            let charset = Self.canonicalName(candidate.name)
            // UTF-16/32 without a BOM are recognised by their NULs above, never guessed.
            guard allowedGuesses.contains(charset), !charset.hasPrefix("UTF-"), !tried.contains(charset) else { continue }
            if let cjk, Self.singleByteCharsets.contains(charset) {
                return SourceText(name: name, data: data, text: cjk.text, encoding: cjk.charset)
            }
            tried.append(charset)
            let fallbacks = charset == "Big5" ? ["Big5", "Big5-HKSCS"] : [charset]
            for attempt in fallbacks {
                do {
                    let text = try transcode(body, charset: attempt, name: name)
                    return SourceText(name: name, data: data, text: text, encoding: attempt)
                } catch {
                    if firstError == nil { firstError = error }
                }
            }
        }
        if let cjk { return SourceText(name: name, data: data, text: cjk.text, encoding: cjk.charset) }
        if let firstError { throw firstError }
        // Nothing plausible: report where UTF-8 breaks.
        _ = try transcode(body, charset: "UTF-8", name: name)
        throw CodecError(.encoding, "cannot determine the text encoding", at: SourceLocation(file: name))
    }

    /// Charsets with one byte per character, which decode any byte sequence.
    static let singleByteCharsets: Set<String> = [
        "ISO-8859-1", "windows-1252", "ISO-8859-2", "windows-1250", "ISO-8859-5", "windows-1251", "KOI8-R",
        "ISO-8859-7", "windows-1253", "ISO-8859-9", "windows-1254",
    ]

    /// The first CJK charset (detector's order first, then GB18030, Big5, Shift_JIS, EUC-KR) in which
    /// `body` decodes strictly to mostly CJK text.
    static func cjkDecoding(_ body: ArraySlice<UInt8>, preferring order: [String]) -> (charset: String, text: String)? {
        let cjkCharsets = ["GB18030", "Big5", "Shift_JIS", "EUC-KR", "EUC-JP"]
        var seen = Set<String>()
        for charset in order.filter(cjkCharsets.contains) + cjkCharsets where seen.insert(charset).inserted {
            if let text = try? Transcoder.decode(body, from: charset), LineEncodingScan.isMostlyCJK(text) {
                return (charset, text)
            }
        }
        return nil
    }

    /// The name locctl decodes with and reports for an ICU name or alias.
    public static func canonicalName(_ name: String) -> String {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "gb2312", "gbk", "gb18030", "cp936", "windows-936", "euc-cn", "x-gbk", "hz-gb-2312": return "GB18030"
        case "big5", "big-5", "cp950", "windows-950", "x-big5": return "Big5"
        case "big5-hkscs", "big5hkscs", "big5hk": return "Big5-HKSCS"
        case "utf-8", "utf8": return "UTF-8"
        case "utf-16le": return "UTF-16LE"
        case "utf-16be": return "UTF-16BE"
        case "utf-32le": return "UTF-32LE"
        case "utf-32be": return "UTF-32BE"
        case "shift-jis", "sjis", "cp932", "windows-31j": return "Shift_JIS"
        default: return name
        }
    }

    /// UTF-16 without BOM: at least a third of the even or odd bytes in the first 4 KiB are NUL
    /// (Latin characters, digits, spaces and line breaks of an SRT have a zero high byte).
    static func utf16WithoutBOM(_ body: ArraySlice<UInt8>) -> String? {
        let sample = body.prefix(4096)
        guard sample.count >= 4 else { return nil }
        var even = 0, odd = 0
        for (i, byte) in sample.enumerated() where byte == 0 {
            if i % 2 == 0 { even += 1 } else { odd += 1 }
        }
        let pairs = sample.count / 2
        if odd * 3 >= pairs && even * 10 < odd { return "UTF-16LE" }
        if even * 3 >= pairs && odd * 10 < even { return "UTF-16BE" }
        return nil
    }

    /// Whether the first 4 KiB have a line break (LF or CR) and no NUL byte: never UTF-16, where every
    /// line break is `0A 00` or `00 0A`.
    static func hasLinesWithoutNULs(_ body: ArraySlice<UInt8>) -> Bool {
        let sample = body.prefix(4096)
        return !sample.contains(0) && sample.contains { $0 == 0x0A || $0 == 0x0D }
    }

    static func strippingLeadingBOMs(_ text: String) -> String {
        guard text.unicodeScalars.first == "\u{FEFF}" else { return text }
        return String(text.unicodeScalars.drop { $0 == "\u{FEFF}" })
    }

    // MARK: - Conversion

    private func transcode(_ body: ArraySlice<UInt8>, charset: String, name: String) throws(CodecError) -> String {
        if charset == "UTF-8" {
            if let text = String(validating: body, as: UTF8.self) { return text }
        }
        do {
            return try Transcoder.decode(body, from: charset)
        } catch {
            switch error {
            case .unknownCharset(let c):
                throw CodecError(.encoding, "unknown text encoding '\(c)'", at: SourceLocation(file: name))
            case .failed(let c):
                throw CodecError(.encoding, "could not decode the file as \(c)", at: SourceLocation(file: name))
            case let .invalidInput(c, offset):
                let start = body.startIndex
                let bad = body[(start + offset)...].prefix(4).map { String(format: "%02X", $0) }.joined(separator: " ")
                let (line, column) = Self.position(of: offset, in: body, charset: c)
                throw CodecError(.encoding, "bytes \(bad) are not valid \(c) text",
                                 at: SourceLocation(file: name, line: line, column: column))
            }
        }
    }

    /// 1-based line and column of the byte at `offset`, found by decoding the valid text before it.
    static func position(of offset: Int, in body: ArraySlice<UInt8>, charset: String) -> (Int, Int) {
        let prefix = body.prefix(offset)
        let text = (try? Transcoder.decode(prefix, from: charset)) ?? String(decoding: prefix, as: UTF8.self)
        var line = 1, column = 1
        var previousCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                if !previousCR { line += 1 }
                column = 1
                previousCR = false
            case "\r":
                line += 1
                column = 1
                previousCR = true
            default:
                column += 1
                previousCR = false
            }
        }
        return (line, column)
    }
}
