import Foundation

/// SubRip (`.srt`): a lenient reader for SRT as found in the wild and a canonical writer.
///
/// Reading keeps each cue's number in `Cue.id` (as written, trimmed), `{\anN}` in `Placement.anchor`,
/// `<i> <b> <u> <font>` as spans and `X1:… Y2:…` coordinates in `extensions["srt.coordinates"]`.
/// Every deviation from plain SRT becomes a warning with its line; `DecodeOptions.strict` turns the first
/// one into a thrown `CodecError`.
///
/// Writing produces canonical SRT:
/// - numbering: when every cue id is a decimal number they are written as they are, so read → write →
///   read keeps them (even with gaps or repeats); otherwise all cues are renumbered 1, 2, 3 …
///   (`numbering: .renumber` always renumbers);
/// - `HH:MM:SS,mmm` times (`,` before the milliseconds, more hour digits past 99 hours);
/// - `\r\n` line endings by default (what the most players and editors expect), `\n` on request;
/// - `{\anN}` at the start of the text whenever the cue has an anchor (also `{\an2}`, so round trips keep it);
/// - italic, bold, underline and font spans as tags; other spans keep their text only, ruby keeps its base
///   text followed by its annotation in parentheses (`CueText.rubyWrittenInline`), inline timestamps are
///   dropped; empty lines are left out (a blank line would end the cue);
/// - spans read from other tags (`srt.tag`, e.g. `<sub>`) get their tag back;
/// - `&` and `<` are written as `&amp;` and `&lt;` only where the reader would otherwise take them for a
///   character reference or a tag, so text reads back as it was.
public struct SRTCodec: SubtitleCodec {
    public enum LineEnding: String, Sendable {
        case crlf = "\r\n"
        case lf = "\n"
    }

    public enum Numbering: Sendable {
        /// Keep the ids when all are numbers, otherwise renumber from 1.
        case keepNumericIDs
        /// Always number cues 1, 2, 3 … in track order.
        case renumber
    }

    public var lineEnding: LineEnding
    public var numbering: Numbering

    public init(lineEnding: LineEnding = .crlf, numbering: Numbering = .keepNumericIDs) {
        self.lineEnding = lineEnding
        self.numbering = numbering
    }

    public var identifier: String { "srt" }
    public var extensions: [String] { ["srt"] }
    public var canEncode: Bool { true }

    /// True when one of the first few non-blank lines is an SRT timing line with `,` before the
    /// milliseconds and the text does not start with `WEBVTT`.
    public func sniff(_ text: String) -> Bool {
        let head = text.utf8.prefix(4096)
        var bytes = Array(head)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let start = bytes.firstIndex { $0 > 0x20 } ?? bytes.endIndex
        if bytes[start...].starts(with: Array("WEBVTT".utf8)) { return false }
        return bytes.withUnsafeBufferPointer { buf in
            var nonBlank = 0
            var lineStart = 0
            var i = 0
            while i <= buf.count && nonBlank < 12 {
                if i == buf.count || buf[i] == 0x0A || buf[i] == 0x0D {
                    let range = lineStart..<i
                    if range.contains(where: { buf[$0] > 0x20 }) {
                        nonBlank += 1
                        if let t = SRTTiming.parse(buf, range), !t.quirks.contains(SRTTiming.dotQuirk) { return true }
                    }
                    lineStart = i + 1
                }
                i += 1
            }
            return false
        }
    }

    public func decode(_ source: SourceText, options: DecodeOptions) throws(CodecError) -> Decoded {
        var text = source.text
        let result: Result<([Cue], [Diagnostic]), CodecError> = text.withUTF8 { buf in
            var reader = SRTReader(bytes: buf, name: source.name, strict: options.strict)
            do throws(CodecError) {
                let cues = try reader.read()
                return .success((cues, reader.diagnostics))
            } catch {
                return .failure(error)
            }
        }
        let (cues, diagnostics) = try result.get()
        return Decoded(track: Track(cues: cues), diagnostics: diagnostics)
    }

    public func encode(_ track: Track, options: EncodeOptions) throws(CodecError) -> String {
        let eol = lineEnding.rawValue
        let keepIDs = numbering == .keepNumericIDs && track.cues.allSatisfy { Self.isNumericID($0.id) }
        var out = ""
        out.reserveCapacity(track.cues.count * 64)
        for (index, cue) in track.cues.enumerated() {
            Self.appendCue(cue, number: keepIDs ? cue.id! : String(index + 1), eol: eol, to: &out)
        }
        return out
    }

    /// Whether `id` is kept as the cue's number when every cue of the track has such an id.
    static func isNumericID(_ id: String?) -> Bool {
        guard let id, !id.isEmpty else { return false }
        return id.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Appends one cue as canonical SRT: its number, timing line, text lines and the blank line after it.
    static func appendCue(_ cue: Cue, number: String, eol: String, to out: inout String) {
        var bytes: [UInt8] = []
        appendCue(cue, number: number, eol: eol, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `appendCue` into bytes (what the streamed conversion writes), without a `String` per line or per part.
    static func appendCue(_ cue: Cue, number: String, eol: String, to out: inout [UInt8]) {
        out.append(contentsOf: number.utf8)
        out.append(contentsOf: eol.utf8)
        appendTime(cue.start, to: &out)
        out.append(contentsOf: " --> ".utf8)
        appendTime(cue.end, to: &out)
        if let coordinates = cue.extensions["srt.coordinates"], !coordinates.isEmpty {
            out.append(0x20)
            out.append(contentsOf: coordinates.utf8)
        }
        out.append(contentsOf: eol.utf8)
        var body: [UInt8] = []
        if let anchor = cue.placement.anchor { body.append(contentsOf: "{\\an\(anchor.rawValue)}".utf8) }
        Self.render(cue.text.rubyWrittenInline.nodes, into: &body)
        // The lines between CR, LF and CR LF that hold something other than white space.
        var start = 0
        for i in 0...body.count where i == body.count || body[i] == 0x0A || body[i] == 0x0D {
            if start < i, body.withUnsafeBufferPointer({ Self.hasNonWhitespace(UnsafeBufferPointer(rebasing: $0[start..<i])) }) {
                out.append(contentsOf: body[start..<i])
                out.append(contentsOf: eol.utf8)
            }
            start = i + 1
        }
        out.append(contentsOf: eol.utf8)
    }

    /// Whether a line (UTF-8, no CR or LF) holds a character that is not white space, from its bytes where they tell.
    static func hasNonWhitespace(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        UTF8Scan.surelyHasNonWhitespace(line) || String(decoding: line, as: UTF8.self).contains { !$0.isWhitespace }
    }

    /// `time(t)` appended as bytes.
    static func appendTime(_ t: Timestamp, to out: inout [UInt8]) {
        let c = t.components
        appendPadded(c.hours, 2, to: &out)
        out.append(0x3A)
        appendPadded(c.minutes, 2, to: &out)
        out.append(0x3A)
        appendPadded(c.seconds, 2, to: &out)
        out.append(0x2C)
        appendPadded(c.milliseconds, 3, to: &out)
    }

    /// A non-negative value in decimal, zero-padded to `width` digits (more digits when it needs them), as `pad`.
    private static func appendPadded(_ value: Int64, _ width: Int, to out: inout [UInt8]) {
        if value < 1000 && (width == 2 || width == 3) {
            if width == 3 || value >= 100 { out.append(UInt8(0x30 + value / 100)) }
            out.append(UInt8(0x30 + value / 10 % 10))
            out.append(UInt8(0x30 + value % 10))
            return
        }
        let digits = String(value).utf8
        for _ in digits.count..<max(digits.count, width) { out.append(0x30) }
        out.append(contentsOf: digits)
    }

    /// `s` with `&` and `<` escaped where the reader would take them for a reference or a tag.
    static func escaped(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) else { return s }
        let bytes = Array(s.utf8)[...]
        var out: [UInt8] = []
        var scratch: [UInt8] = []
        for i in bytes.indices {
            let b = bytes[i]
            if b == 0x26, SRTInlineParser.characterReference(bytes, i, into: &scratch) != nil {
                out.append(contentsOf: "&amp;".utf8)
            } else if b == 0x3C, SRTInlineParser.scanTag(bytes, i) != nil {
                out.append(contentsOf: "&lt;".utf8)
            } else {
                out.append(b)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func time(_ t: Timestamp) -> String {
        t.formatted(separator: ",")
    }

    static func render(_ nodes: [Inline], into out: inout String) {
        var bytes: [UInt8] = []
        render(nodes, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `render` into bytes.
    static func render(_ nodes: [Inline], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case let .text(s): appendEscaped(s, to: &out)
            case .lineBreak: out.append(0x0A)
            case let .span(span, children):
                switch span.kind {
                case .italic: out.append(contentsOf: "<i>".utf8); render(children, into: &out); out.append(contentsOf: "</i>".utf8)
                case .bold: out.append(contentsOf: "<b>".utf8); render(children, into: &out); out.append(contentsOf: "</b>".utf8)
                case .underline: out.append(contentsOf: "<u>".utf8); render(children, into: &out); out.append(contentsOf: "</u>".utf8)
                case .font:
                    out.append(contentsOf: "<font".utf8)
                    let order = ["color", "face", "size"]
                    let keys = span.properties.keys.sorted { a, b in
                        (order.firstIndex(of: a) ?? 99, a) < (order.firstIndex(of: b) ?? 99, b)
                    }
                    for key in keys { out.append(contentsOf: " \(key)=\"\(span.properties[key]!)\"".utf8) }
                    out.append(0x3E)
                    render(children, into: &out)
                    out.append(contentsOf: "</font>".utf8)
                case .styled:
                    guard let tag = span.properties["srt.tag"], !tag.isEmpty,
                          tag.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x31 && $0 <= 0x33) }) else {
                        render(children, into: &out)
                        break
                    }
                    let attributes = (span.properties["srt.attributes"] ?? "").filter { $0 != "\n" && $0 != "\r" && $0 != ">" && $0 != "<" }
                    out.append(contentsOf: ("<" + tag + attributes + ">").utf8)
                    render(children, into: &out)
                    out.append(contentsOf: ("</" + tag + ">").utf8)
                default: render(children, into: &out)
                }
            case let .ruby(base, _): render(base, into: &out)
            case .timestamp: break
            }
        }
    }

    /// `escaped(s)` appended as bytes.
    static func appendEscaped(_ s: String, to out: inout [UInt8]) {
        guard s.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C }) else {
            out.append(contentsOf: s.utf8)
            return
        }
        out.append(contentsOf: escaped(s).utf8)
    }
}
