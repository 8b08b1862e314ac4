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
        out += number
        out += eol
        out += Self.time(cue.start)
        out += " --> "
        out += Self.time(cue.end)
        if let coordinates = cue.extensions["srt.coordinates"], !coordinates.isEmpty {
            out += " " + coordinates
        }
        out += eol
        var body = ""
        if let anchor = cue.placement.anchor { body += "{\\an\(anchor.rawValue)}" }
        Self.render(cue.text.rubyWrittenInline.nodes, into: &body)
        for line in lines(body) where line.contains(where: { !$0.isWhitespace }) {
            out += line
            out += eol
        }
        out += eol
    }

    /// The non-empty lines of `s` between CR, LF and CR LF, split on their bytes: a character holding CR or LF is
    /// only ever CR, LF or CR LF, so this is the split on those characters, without walking every character.
    private static func lines(_ s: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = s.utf8
        var start = utf8.startIndex
        var i = start
        while i != utf8.endIndex {
            let b = utf8[i]
            if b == 0x0A || b == 0x0D {
                if start != i { lines.append(s[start..<i]) }
                start = utf8.index(after: i)
            }
            i = utf8.index(after: i)
        }
        if start != utf8.endIndex { lines.append(s[start..<utf8.endIndex]) }
        return lines
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
        for node in nodes {
            switch node {
            case let .text(s): out += escaped(s)
            case .lineBreak: out += "\n"
            case let .span(span, children):
                switch span.kind {
                case .italic: out += "<i>"; render(children, into: &out); out += "</i>"
                case .bold: out += "<b>"; render(children, into: &out); out += "</b>"
                case .underline: out += "<u>"; render(children, into: &out); out += "</u>"
                case .font:
                    out += "<font"
                    let order = ["color", "face", "size"]
                    let keys = span.properties.keys.sorted { a, b in
                        (order.firstIndex(of: a) ?? 99, a) < (order.firstIndex(of: b) ?? 99, b)
                    }
                    for key in keys { out += " \(key)=\"\(span.properties[key]!)\"" }
                    out += ">"
                    render(children, into: &out)
                    out += "</font>"
                case .styled:
                    guard let tag = span.properties["srt.tag"], !tag.isEmpty,
                          tag.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x31 && $0 <= 0x33) }) else {
                        render(children, into: &out)
                        break
                    }
                    let attributes = (span.properties["srt.attributes"] ?? "").filter { $0 != "\n" && $0 != "\r" && $0 != ">" && $0 != "<" }
                    out += "<" + tag + attributes + ">"
                    render(children, into: &out)
                    out += "</" + tag + ">"
                default: render(children, into: &out)
                }
            case let .ruby(base, _): render(base, into: &out)
            case .timestamp: break
            }
        }
    }
}
