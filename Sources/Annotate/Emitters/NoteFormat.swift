import Subtitles

/// The sidecar formats `annotate` writes.
public enum NoteFormat: String, CaseIterable, Hashable, Sendable {
    /// WebVTT `kind="metadata"` track, one JSON object per cue.
    case vtt
    /// WebVTT visible notes at the top of a 9:16 screen.
    case vttVisible = "vtt-visible"
    /// TTML / IMSC 1.1 Text with a top region.
    case ttml
    /// SRT with `{\an8}`.
    case srt
    /// The versioned JSON document (`schemas/annotations.schema.json`).
    case json

    /// The file name ending after `.notes.`: `OUT/<episode>.<region>.notes.<ext>`.
    public var fileExtension: String {
        switch self {
        case .vtt: return "vtt"
        case .vttVisible: return "visible.vtt"
        case .ttml: return "ttml"
        case .srt: return "srt"
        case .json: return "json"
        }
    }

    /// The emitter for this format.
    public var emitter: any NoteEmitter {
        switch self {
        case .vtt: return WebVTTMetadataEmitter()
        case .vttVisible: return WebVTTVisibleEmitter()
        case .ttml: return TTMLNotesEmitter()
        case .srt: return SRTNotesEmitter()
        case .json: return JSONNotesEmitter()
        }
    }

    /// `OUT/<episode>.<region>.notes.<ext>` file name.
    public func fileName(episode: String, region: String) -> String {
        "\(episode).\(region).notes.\(fileExtension)"
    }

    /// The episode name of an input file: its name without extension and language suffix
    /// (`ep01.en.srt` → `ep01`, `ep01.zh-Hans.srt` → `ep01`, `ep01.srt` → `ep01`).
    public static func episodeName(fileName: String) -> String { EpisodeNaming.episodeKey(fileName) }
}

/// Renders a plan as the text of one sidecar file.
public protocol NoteEmitter: Sendable {
    var format: NoteFormat { get }
    func render(_ plan: AnnotationPlan) throws -> String
}
