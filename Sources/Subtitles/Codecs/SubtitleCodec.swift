import Foundation

/// A subtitle file's bytes and its decoded text, as handed to a codec.
public struct SourceText: Sendable {
    /// Name used in diagnostics (usually the path).
    public var name: String
    public var data: Data
    /// The decoded text with any BOM removed; line endings are left as found.
    public var text: String
    /// The encoding the text was decoded from (e.g. `UTF-8`, `GB18030`), as reported to the user.
    public var encoding: String
    /// Problems met while decoding the bytes (replaced bad bytes, mixed encodings).
    public var diagnostics: [Diagnostic]

    public init(name: String, data: Data, text: String, encoding: String, diagnostics: [Diagnostic] = []) {
        self.name = name
        self.data = data
        self.text = text
        self.encoding = encoding
        self.diagnostics = diagnostics
    }

    /// Text already in memory (tests, pipes), treated as UTF-8.
    public init(name: String = "<memory>", text: String) {
        self.init(name: name, data: Data(text.utf8), text: text, encoding: "UTF-8")
    }
}

/// How strictly to read.
public struct DecodeOptions: Sendable {
    /// Turn warnings from lenient formats (SRT) into errors.
    public var strict: Bool
    public init(strict: Bool = false) { self.strict = strict }
}

/// What a reader produced: the track and the recoverable problems it met.
public struct Decoded: Sendable {
    public var track: Track
    public var diagnostics: [Diagnostic]
    public init(track: Track, diagnostics: [Diagnostic] = []) {
        self.track = track
        self.diagnostics = diagnostics
    }
}

/// Writer options shared by all formats.
public struct EncodeOptions: Sendable {
    /// Frame rate for formats that write frames, when the track has none.
    public var frameRate: FrameRate?
    /// WebVTT: leave out STYLE and REGION blocks, which old players (Debian's ffmpeg 5.1) stop at; a cue's region
    /// placement becomes cue settings.
    public var webVTTCompatible: Bool
    public init(frameRate: FrameRate? = nil, webVTTCompatible: Bool = false) {
        self.frameRate = frameRate
        self.webVTTCompatible = webVTTCompatible
    }
}

/// A subtitle format: reads bytes into a `Track`, writes a `Track` back.
public protocol SubtitleCodec: Sendable {
    /// Short name used on the command line (`srt`, `vtt`, `ttml`, `ass`).
    var identifier: String { get }
    /// File extensions without the dot, lowercase.
    var extensions: [String] { get }
    /// Whether the text looks like this format (used when the extension is unknown).
    func sniff(_ text: String) -> Bool
    func decode(_ source: SourceText, options: DecodeOptions) throws(CodecError) -> Decoded
    /// Returns nil for read-only formats.
    var canEncode: Bool { get }
    func encode(_ track: Track, options: EncodeOptions) throws(CodecError) -> String
}
