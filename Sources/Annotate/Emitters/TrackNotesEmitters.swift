import Localize
import Regions
import Subtitles

/// Notes as a `Track`: one cue per note, text `term — gloss` with the analogy on a second line when it fits.
enum NotesTrack {
    static let topRegionID = "notesTop"
    static let bottomRegionID = "notesBottom"

    static func make(_ plan: AnnotationPlan, language: String?, placement: (AnnotationNote) -> Placement) -> Track {
        var track = Track(language: language)
        track.cues.reserveCapacity(plan.notes.count)
        for (i, note) in plan.notes.enumerated() {
            var nodes: [Inline] = [.text(oneLine(note.headline))]
            if note.showsAnalogy, let analogy = note.analogy { nodes += [.lineBreak, .text(oneLine(analogy))] }
            track.cues.append(Cue(id: "\(i + 1)", timing: note.timing, text: CueText(nodes), placement: placement(note)))
        }
        return track
    }

    static func oneLine(_ s: String) -> String {
        s.contains(where: \.isNewline) ? String(s.map { $0.isNewline ? " " : $0 }) : s
    }
}

/// TTML / IMSC 1.1 Text: a top region in percentages of the 9:16 root container, one `<p>` per note.
public struct TTMLNotesEmitter: NoteEmitter {
    public init() {}
    public var format: NoteFormat { .ttml }

    /// The notes regions (percentages only, no pixels).
    public static let regions = [
        DocumentRegion(id: NotesTrack.topRegionID, properties: [
            "tts:origin": "5% 3%", "tts:extent": "90% 25%", "tts:displayAlign": "before", "tts:textAlign": "center",
        ]),
        DocumentRegion(id: NotesTrack.bottomRegionID, properties: [
            "tts:origin": "5% 55%", "tts:extent": "90% 25%", "tts:displayAlign": "after", "tts:textAlign": "center",
        ]),
    ]

    public func render(_ plan: AnnotationPlan) throws -> String {
        let language = plan.notes.first?.glossLanguage
        var track = NotesTrack.make(plan, language: language) { note in
            Placement(regionID: note.position == .top ? NotesTrack.topRegionID : NotesTrack.bottomRegionID)
        }
        let used = Set(plan.notes.map(\.position))
        track.regions = Self.regions.filter { r in
            (r.id == NotesTrack.topRegionID && used.contains(.top)) || (r.id == NotesTrack.bottomRegionID && used.contains(.bottom))
        }
        if track.regions.isEmpty { track.regions = [Self.regions[0]] }
        for i in track.cues.indices {
            if plan.notes[i].glossLanguage != language { track.cues[i].extensions["ttml.lang"] = plan.notes[i].glossLanguage }
            // Right-to-left regions: the paragraph's base direction, so the final "." sits at the reader's end.
            if plan.notes[i].direction == .rtl { track.cues[i].properties["tts:direction"] = "rtl" }
        }
        return try TTMLCodec().encode(track, options: EncodeOptions())
    }
}

/// SRT with `{\an8}` (top centre) for the simplest players.
public struct SRTNotesEmitter: NoteEmitter {
    public init() {}
    public var format: NoteFormat { .srt }

    public func render(_ plan: AnnotationPlan) throws -> String {
        let track = NotesTrack.make(plan, language: nil) { note in
            Placement(anchor: note.position == .top ? .topCenter : .bottomCenter)
        }
        return try SRTCodec().encode(track, options: EncodeOptions())
    }
}
