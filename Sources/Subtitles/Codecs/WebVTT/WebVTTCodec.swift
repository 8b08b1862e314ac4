import Foundation

/// WebVTT (`.vtt`): reads with the W3C file parsing algorithm, writes valid WebVTT.
///
/// See `WebVTTParser` for what is kept in extensions, `WebVTTCueTextParser` for the cue text
/// mapping and `WebVTTWriter` for how the writer keeps its output valid.
public struct WebVTTCodec: SubtitleCodec {
    public init() {}

    public var identifier: String { "vtt" }
    public var extensions: [String] { ["vtt", "webvtt"] }
    public var canEncode: Bool { true }

    /// True when the text starts (after an optional BOM) with `WEBVTT` followed by a space, tab,
    /// line break or the end of the text.
    public func sniff(_ text: String) -> Bool {
        var u = Substring(text).utf8
        if u.starts(with: [0xEF, 0xBB, 0xBF]) { u = u.dropFirst(3) }
        guard u.starts(with: "WEBVTT".utf8) else { return false }
        guard let next = u.dropFirst(6).first else { return true }
        return next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0D
    }

    /// Throws a `CodecError` (`.syntax`, at line 1) when the signature is missing (a file of only a byte order
    /// mark is an empty track); in strict mode the
    /// first warning (ignored block, invalid timings, end before start) is thrown as an error too.
    public func decode(_ source: SourceText, options: DecodeOptions) throws(CodecError) -> Decoded {
        // A file that is only a byte order mark: an empty track, as browsers load it.
        if source.text.isEmpty || source.text == "\u{FEFF}", source.data.elementsEqual([0xEF, 0xBB, 0xBF]) {
            return Decoded(track: Track(), diagnostics: [Diagnostic(.note, "file holds only a byte order mark: an empty track",
                                                                    at: SourceLocation(file: source.name, line: 1))])
        }
        var parser = WebVTTParser(bytes: Array(source.text.utf8), name: source.name, strict: options.strict)
        return try parser.parse()
    }

    public func encode(_ track: Track, options: EncodeOptions) throws(CodecError) -> String {
        WebVTTWriter.write(track, compatible: options.webVTTCompatible)
    }

    /// Cue text as WebVTT writes it (markup and escapes), e.g. for the raw text of a cue.
    public static func cueTextSource(_ text: CueText) -> String {
        var out: [UInt8] = []
        WebVTTWriter.appendInlines(text.nodes, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
