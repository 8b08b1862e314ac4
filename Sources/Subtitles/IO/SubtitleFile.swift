import Foundation

/// Reading and writing subtitle files on disk through the format registry.
public enum SubtitleFile {
    /// A file read into a track, with what was detected about it.
    public struct Loaded: Sendable {
        public var track: Track
        public var diagnostics: [Diagnostic]
        public var format: String
        public var encoding: String
    }

    /// Reads a file: decodes its bytes (auto-detected or `encoding`), picks the format from `format`,
    /// the extension or the content, and parses it.
    public static func read(_ url: URL, format: String? = nil, encoding: String? = nil,
                            options: DecodeOptions = DecodeOptions()) throws -> Loaded {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CodecError(.syntax, "cannot read file: \(error.localizedDescription)", at: SourceLocation(file: url.path))
        }
        return try decode(data, name: url.path, format: format, encoding: encoding, options: options)
    }

    /// Decodes bytes already in memory; `name` is used in messages and for the extension.
    ///
    /// A file of a lenient format (SRT, WebVTT, ASS) that gives no cue although its reader skipped something
    /// (every cue invalid, or nothing but stray text) throws `CodecError` at the first problem: an empty output
    /// would hide that nothing could be read. A file with no cues and no problems (a header-only or BOM-only
    /// WebVTT, an empty SRT) is a valid empty track.
    public static func decode(_ data: Data, name: String, format: String? = nil, encoding: String? = nil,
                              options: DecodeOptions = DecodeOptions()) throws -> Loaded {
        let source = try TextFileDecoder().decode(data, name: name, encoding: encoding)
        let codec = try resolveCodec(format: format, name: name, text: source.text)
        let decoded = try codec.decode(source, options: options)
        let problems = decoded.diagnostics.filter { $0.severity >= .warning }
        if decoded.track.cues.isEmpty, skipsInvalidCues.contains(codec.identifier), let first = problems.first {
            throw CodecError(.semantics, "no cue could be read (\(problems.count) problem\(problems.count == 1 ? "" : "s"); "
                             + "the first: \(first.message))", at: first.location)
        }
        return Loaded(track: decoded.track, diagnostics: decoded.diagnostics, format: codec.identifier, encoding: source.encoding)
    }

    /// Formats whose readers skip invalid cues with a warning instead of refusing the file.
    static let skipsInvalidCues: Set<String> = ["srt", "vtt", "ass"]

    /// Encodes a track in a format and writes it atomically.
    public static func write(_ track: Track, to url: URL, format: String, options: EncodeOptions = EncodeOptions()) throws {
        guard let codec = SubtitleFormats.codec(named: format), codec.canEncode else {
            throw CodecError(.unsupported, "cannot write format '\(format)' (writable: \(SubtitleFormats.writable.joined(separator: ", ")))", at: SourceLocation(file: url.path))
        }
        let text = try codec.encode(track, options: options)
        try AtomicFile.write(text, to: url)
    }

    static func resolveCodec(format: String?, name: String, text: String) throws(CodecError) -> any SubtitleCodec {
        if let format {
            guard let codec = SubtitleFormats.codec(named: format) else {
                throw CodecError(.unknownFormat, "unknown format '\(format)'", at: SourceLocation(file: name))
            }
            return codec
        }
        let ext = (name as NSString).pathExtension
        if !ext.isEmpty, let codec = SubtitleFormats.codec(forExtension: ext) { return codec }
        return try SubtitleFormats.sniff(text, name: name)
    }
}
