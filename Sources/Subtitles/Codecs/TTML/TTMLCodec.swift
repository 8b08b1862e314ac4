import Foundation
import TextServices

/// TTML2 / IMSC 1.1 Text Profile subtitles (`.ttml`, `.dfxp`, `.xml`).
///
///     let decoded = try TTMLCodec().decode(SourceText(name: path, text: xml), options: .init())
///     let xml = try TTMLCodec().encode(decoded.track, options: .init())
public struct TTMLCodec: SubtitleCodec {
    /// Documents up to 512 MB: a million-cue TTML written by locctl itself is about 120 MB. Entity and DTD
    /// protections do not depend on this size limit.
    static let xmlLimits = SafeXML.Limits(maxBytes: 512 << 20, maxDepth: 1000)

    /// End given to cues that stay on screen indefinitely (no `end` anywhere above them);
    /// such cues also carry `ttml.end = indefinite` so the writer leaves `end` out again.
    public static let indefiniteEnd = Timestamp(hours: 99, minutes: 59, seconds: 59, milliseconds: 999)

    public init() {}

    public var identifier: String { "ttml" }
    public var extensions: [String] { ["ttml", "dfxp", "imsc", "xml"] }
    public var canEncode: Bool { true }

    /// XML whose root element is `tt` (any prefix) and which names the TTML namespace.
    public func sniff(_ text: String) -> Bool {
        guard text.contains(TTMLNamespace.tt) else { return false }
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            let after = rest[rest.index(after: open)...]
            if after.hasPrefix("?") || after.hasPrefix("!") {
                // declaration, comment or DOCTYPE: skip to its end
                let close = after.hasPrefix("!--") ? after.range(of: "-->")?.upperBound : after.firstIndex(of: ">").map { after.index(after: $0) }
                guard let close else { return false }
                rest = after[close...]
                continue
            }
            let name = after.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            return name == "tt" || name.hasSuffix(":tt")
        }
        return false
    }

    public func decode(_ source: SourceText, options: DecodeOptions) throws(CodecError) -> Decoded {
        let (track, diagnostics, _) = try read(source)
        if options.strict, let first = diagnostics.first(where: { $0.severity >= .warning }) {
            throw CodecError(.semantics, first.message, at: first.location)
        }
        return Decoded(track: track, diagnostics: diagnostics)
    }

    public func encode(_ track: Track, options: EncodeOptions) throws(CodecError) -> String {
        var t = track
        if t.frameRate == nil { t.frameRate = options.frameRate }
        var writer = TTMLWriter(track: t)
        return writer.write()
    }

    /// The document's significant times: every instant where an element (region, body, div, p, span,
    /// br) or an animation step begins or ends, as an ISD sequence would list them, in milliseconds.
    public func significantTimes(_ source: SourceText) throws(CodecError) -> [Timestamp] {
        let times = try read(source).times
        var out: [Timestamp] = []
        for t in times.map(\.timestamp) where out.last != t { out.append(t) }
        return out
    }

    func read(_ source: SourceText) throws(CodecError) -> (Track, [Diagnostic], times: [TTMLTime]) {
        let bytes = source.data.isEmpty ? Array(source.text.utf8) : Array(source.data)
        let doc: XMLTreeDocument
        do {
            doc = try SafeXML.parse(bytes, name: source.name, limits: Self.xmlLimits)
        } catch {
            let kind: CodecError.Kind = switch error.kind {
            case .malformed: .syntax
            case .unsafe, .tooDeep, .tooLarge: .unsafe
            }
            throw CodecError(kind, error.message, at: SourceLocation(file: source.name, line: error.line, column: error.column))
        }
        var reader = TTMLReader(name: source.name)
        let (track, times) = try reader.read(doc)
        return (track, reader.diagnostics, times)
    }
}
