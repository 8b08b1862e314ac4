import Foundation
import TextServices

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
        try InputLimit.check(url)
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw CodecError(.syntax, "cannot read file: \(UserMessage.reason(error))", at: SourceLocation(file: url.path))
        }
        return try decode(data, name: url.path, format: format, encoding: encoding, options: options)
    }

    /// Decodes bytes already in memory; `name` is used in messages and for the extension.
    ///
    /// A file that holds cue content but gives no cue (every cue invalid, binary data, stray text) throws
    /// `CodecError` at the first problem: an empty output would hide that nothing could be read. A file with
    /// nothing but a format's skeleton (a header-only or BOM-only WebVTT, an empty SRT) is a valid empty track.
    public static func decode(_ data: Data, name: String, format: String? = nil, encoding: String? = nil,
                              options: DecodeOptions = DecodeOptions()) throws -> Loaded {
        let source = try TextFileDecoder(strict: options.strict).decode(data, name: name, encoding: encoding)
        let codec = try resolveCodec(format: format, name: name, text: source.text)
        let decoded = try codec.decode(source, options: options)
        let diagnostics = source.diagnostics + decoded.diagnostics
        if decoded.track.cues.isEmpty, hasCueContent(source.text, format: codec.identifier) {
            let dropped = diagnostics.filter(\.dropsCue)
            let problems = dropped.isEmpty ? diagnostics.filter { $0.severity >= .warning } : dropped
            var why = "no cue could be read from this \(codec.identifier) file"
            if let first = problems.first {
                why += " (\(problems.count) problem\(problems.count == 1 ? "" : "s"); the first: \(first.message))"
            }
            throw CodecError(.syntax, why, at: problems.first?.location ?? SourceLocation(file: name))
        }
        return Loaded(track: decoded.track, diagnostics: diagnostics, format: codec.identifier, encoding: source.encoding)
    }

    /// Whether `text` holds more than a format's empty skeleton, so that reading no cue from it means
    /// something was lost: any SRT/ASS text, a WebVTT `-->` line, a TTML `<p`.
    static func hasCueContent(_ text: String, format: String) -> Bool {
        switch format {
        case "vtt": return text.contains("-->")
        case "ttml": return text.contains("<p") || text.contains(":p ") || text.contains(":p>")
        case "ass": return text.contains("Dialogue:")
        default: return text.contains { !$0.isWhitespace }
        }
    }

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

/// The largest subtitle file locctl reads: 512 MiB (a 10^6-cue SRT is about 60 MB), or `LOCCTL_MAX_INPUT_MB`.
/// Checked on the file's size before anything is read, so a huge or sparse file costs no memory.
public enum InputLimit {
    public static let defaultMegabytes = 512

    /// The limit in bytes from `environment` (`LOCCTL_MAX_INPUT_MB`, a positive whole number of MiB).
    public static func bytes(environment: [String: String] = ProcessInfo.processInfo.environment) -> Int {
        let megabytes = environment["LOCCTL_MAX_INPUT_MB"].flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil } ?? defaultMegabytes
        return megabytes << 20
    }

    /// Throws when `url` is a regular file larger than the limit.
    public static func check(_ url: URL, limit: Int = bytes()) throws(CodecError) {
        var st = stat()
        guard stat(url.path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) > limit else { return }
        let size = Int(st.st_size)
        throw CodecError(.unsupported, "file is \(size >> 20) MiB; the input limit is \(limit >> 20) MiB (set LOCCTL_MAX_INPUT_MB to raise it)",
                         at: SourceLocation(file: url.path))
    }
}
