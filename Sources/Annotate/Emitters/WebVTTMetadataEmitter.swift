import Localize
import Regions
import Subtitles

/// WebVTT `kind="metadata"` track: one cue per note whose payload is a single-line JSON object, as HTML5
/// players (video.js, Shaka, hls.js) deliver custom cue data to their UI. Written through the WebVTT codec;
/// payloads hold no raw `&`, `<` or `>` (``JSONText`` escapes them), so the codec's escaping leaves them intact.
public struct WebVTTMetadataEmitter: NoteEmitter {
    public init() {}
    public var format: NoteFormat { .vtt }

    public func render(_ plan: AnnotationPlan) throws -> String {
        var track = Track()
        track.cues = plan.notes.enumerated().map { i, note in
            Cue(id: "note-\(i + 1)", timing: note.timing, text: CueText(plain: note.cuePayload))
        }
        track.setLeadingNote("""
            NOTE
            kind=metadata: cultural pop-up notes for \(plan.region), episode \(plan.episode).
            Each cue payload is one JSON object: symbol, term, teaser, matched, gloss, analogy, frame, category,
            context, lang, dir, need, position, status (see schemas/annotations.schema.json).
            Load with <track kind="metadata">; player/locctl-notes.js shows them.
            """)
        return try WebVTTCodec().encode(track, options: EncodeOptions())
    }
}

/// Visible WebVTT notes placed with per-cue settings at the top (or bottom) of a 9:16 frame.
///
/// Per-cue `line`/`position`/`size`/`align` settings are used rather than REGION blocks, which common native
/// players ignore.
public struct WebVTTVisibleEmitter: NoteEmitter {
    public init() {}
    public var format: NoteFormat { .vttVisible }

    /// Cue settings by screen position.
    public static func cueSettings(_ position: AnnotationPolicy.ScreenPosition) -> [String: String] {
        switch position {
        case .top: return ["line": "5%", "position": "50%", "size": "90%", "align": "center"]
        case .bottom: return ["line": "70%", "position": "50%", "size": "90%", "align": "center"]
        }
    }

    public func render(_ plan: AnnotationPlan) throws -> String {
        var track = NotesTrack.make(plan, language: nil) { note in Placement(cueSettings: Self.cueSettings(note.position)) }
        for i in track.cues.indices { track.cues[i].id = "note-\(i + 1)" }
        track.setLeadingNote("NOTE\nCultural notes for \(plan.region), episode \(plan.episode); shown at the top of a 9:16 frame.")
        return try WebVTTCodec().encode(track, options: EncodeOptions())
    }
}

extension Track {
    /// A WebVTT NOTE block before the first cue (or alone, when there are none); the writer sanitises it.
    mutating func setLeadingNote(_ note: String) {
        let text = note.replacingOccurrences(of: "-->", with: "->")
        if cues.isEmpty { extensions["webvtt.trailingNotes"] = text } else { cues[0].extensions["webvtt.notes"] = text }
    }
}
