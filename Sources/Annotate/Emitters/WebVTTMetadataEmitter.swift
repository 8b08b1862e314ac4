import Localize
import Regions
import Subtitles

/// WebVTT `kind="metadata"` track: one cue per note whose payload is a single-line JSON object, as HTML5
/// players (video.js, Shaka, hls.js) deliver custom cue data to their UI.
public struct WebVTTMetadataEmitter: NoteEmitter {
    public init() {}
    public var format: NoteFormat { .vtt }

    public func render(_ plan: AnnotationPlan) -> String {
        var out = "WEBVTT\n\n"
        out += "NOTE\n"
        out += WebVTTText.noteLine("kind=metadata: cultural pop-up notes for \(plan.region), episode \(plan.episode).") + "\n"
        out += "Each cue payload is one JSON object: symbol, term, matched, gloss, analogy, frame, category,\n"
        out += "context, lang, position, status (see schemas/annotations.schema.json). Load with <track kind=\"metadata\">.\n\n"
        out.reserveCapacity(out.utf8.count + plan.notes.count * 400)
        for (i, note) in plan.notes.enumerated() {
            out += "note-\(i + 1)\n"
            out += WebVTTText.timing(note.timing)
            out += "\n"
            // JSONText escapes line terminators and `>`: the payload is one line and never holds `-->`.
            out += note.cuePayload
            out += "\n\n"
        }
        return out
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
    public static func cueSettings(_ position: AnnotationPolicy.ScreenPosition) -> String {
        switch position {
        case .top: return "line:5% position:50% size:90% align:center"
        case .bottom: return "line:70% position:50% size:90% align:center"
        }
    }

    public func render(_ plan: AnnotationPlan) -> String {
        var out = "WEBVTT\n\n"
        out += "NOTE\n"
        out += WebVTTText.noteLine("Cultural notes for \(plan.region), episode \(plan.episode); shown at the top of a 9:16 frame.") + "\n\n"
        for (i, note) in plan.notes.enumerated() {
            out += "note-\(i + 1)\n"
            out += WebVTTText.timing(note.timing) + " " + Self.cueSettings(note.position) + "\n"
            out += WebVTTText.escape(note.headline) + "\n"
            if note.showsAnalogy, let analogy = note.analogy { out += WebVTTText.escape(analogy) + "\n" }
            out += "\n"
        }
        return out
    }
}

enum WebVTTText {
    static func timing(_ span: TimeSpan) -> String {
        span.start.formatted(separator: ".") + " --> " + span.end.formatted(separator: ".")
    }

    /// Cue text: `&`, `<`, `>` as character references; line breaks and blank lines become spaces.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\n", "\r", "\u{2028}", "\u{2029}": out += " "
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// NOTE text on one line with no `-->`.
    static func noteLine(_ s: String) -> String {
        escape(s).replacingOccurrences(of: "-->", with: "->")
    }
}
