@testable import Annotate
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

/// Emitters produce valid files; hostile glossary text cannot break them.
@Suite struct EmitterTests {
    typealias F = Fixtures

    /// A plan whose text tries every trick: cue-timing arrows, blank lines, markup, quotes, line separators.
    static func hostilePlan() -> AnnotationPlan {
        let evil = F.symbol("evil", gloss: ["en": "Uses --> arrows\n\nand <b>tags</b> & \"quotes\" \u{2028} and 'apostrophes'."],
                            analogies: ["greco-roman": ["en": "Like </script><script>alert(1)</script>."]], rendering: "A -> B <i>")
        let plain = F.symbol("plain", rendering: "Plain")
        return F.plan(F.region(frames: ["greco-roman"], cps: 40), [evil, plain],
                      [F.occurrence("evil", 1000, 3000), F.occurrence("plain", 20000, 22000, cue: 4)])
    }

    @Test func webVTTMetadataHasHeaderAndOneJSONObjectPerCue() throws {
        let plan = Self.hostilePlan()
        let text = try WebVTTMetadataEmitter().render(plan)
        #expect(text.hasPrefix("WEBVTT\n"))
        #expect(text.contains("kind=metadata"))
        let blocks = text.components(separatedBy: "\n\n").filter { $0.contains("-->") }
        #expect(blocks.count == plan.notes.count)
        for block in blocks {
            let lines = block.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3)            // id, timing, one payload line
            let payload = String(lines[2])
            #expect(!payload.contains("-->"))
            #expect(!payload.contains("<") && !payload.contains(">"))
            let object = try #require(try JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any])
            for key in ["symbol", "term", "gloss", "analogy", "category", "lang", "position", "status"] {
                #expect(object.keys.contains(key), "missing \(key)")
            }
        }
        let first = try JSONSerialization.jsonObject(with: Data(String(blocks[0].split(separator: "\n")[2]).utf8)) as! [String: Any]
        #expect(first["gloss"] as? String == "Uses --> arrows\n\nand <b>tags</b> & \"quotes\" \u{2028} and 'apostrophes'.")
        #expect(first["position"] as? String == "top")
    }

    @Test func visibleWebVTTUsesPerCueSettingsAndEscapesText() throws {
        let text = try WebVTTVisibleEmitter().render(Self.hostilePlan())
        #expect(text.hasPrefix("WEBVTT\n"))
        #expect(!text.contains("REGION"))
        #expect(text.contains("00:00:01.000 --> 00:00:03.875 line:5% position:50% size:90% align:center\n"))
        #expect(text.contains("A -&gt; B &lt;i&gt; — Uses --&gt; arrows  and &lt;b&gt;tags&lt;/b&gt; &amp;"))
        // Only timing lines hold "-->"; no blank line inside a cue.
        for block in text.components(separatedBy: "\n\n") where block.contains("-->") {
            let lines = block.split(separator: "\n")
            #expect(lines.filter { $0.contains("-->") }.count == 1)
            #expect(lines[1].contains("-->"))
        }
    }

    @Test func ttmlParsesWithTTMLCodecAndUsesATopRegionInPercent() throws {
        let plan = Self.hostilePlan()
        let text = try TTMLNotesEmitter().render(plan)
        #expect(!text.contains("px"))
        let track = try TTMLCodec().decode(SourceText(text: text), options: DecodeOptions()).track
        #expect(track.cues.count == plan.notes.count)
        let region = try #require(track.regions.first { $0.id == "notesTop" })
        #expect(region.properties["tts:origin"] == "5% 3%")
        #expect(track.cues.allSatisfy { $0.placement.regionID == "notesTop" })
        #expect(track.cues[0].text.plainText.hasPrefix("A -> B <i> — Uses --> arrows"))
        #expect(track.cues.map(\.start) == plan.notes.map(\.start))
    }

    @Test func srtParsesWithSRTCodecAndCarriesAn8() throws {
        let plan = Self.hostilePlan()
        let text = try SRTNotesEmitter().render(plan)
        #expect(text.components(separatedBy: "{\\an8}").count - 1 == plan.notes.count)
        let track = try SRTCodec().decode(SourceText(text: text), options: DecodeOptions()).track
        #expect(track.cues.count == plan.notes.count)
        #expect(track.cues.allSatisfy { $0.placement.anchor == .topCenter })
        #expect(track.cues.map(\.end) == plan.notes.map(\.end))
    }

    @Test func jsonDocumentValidatesAgainstTheSchema() throws {
        let plan = Self.hostilePlan()
        let text = JSONNotesEmitter().render(plan)
        #expect(try SchemaValidator.validate(text) == nil)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? String == "1.1")
        let notes = try #require(object["notes"] as? [[String: Any]])
        #expect(notes.count == plan.notes.count)
        #expect(notes[0]["startMs"] as? Int == 1000)
        // The schema rejects what it must.
        #expect(try SchemaValidator.validate(text.replacingOccurrences(of: "\"schemaVersion\": \"1.1\"", with: "\"schemaVersion\": \"2.0\"")) != nil)
        #expect(try SchemaValidator.validate(JSONNotesEmitter().render(AnnotationPlan(episode: "e", region: "en-US", notes: [], decisions: []))) == nil)
    }

    @Test func outputNamesFollowTheLayout() {
        #expect(NoteFormat.episodeName(fileName: "ep01.en.srt") == "ep01")
        #expect(NoteFormat.episodeName(fileName: "ep01.zh-Hans.srt") == "ep01")
        #expect(NoteFormat.episodeName(fileName: "ep01.srt") == "ep01")
        #expect(NoteFormat.episodeName(fileName: "my.show.e02.ttml") == "my.show.e02")
        #expect(NoteFormat.vtt.fileName(episode: "ep01", region: "th-TH") == "ep01.th-TH.notes.vtt")
        #expect(NoteFormat.vttVisible.fileName(episode: "ep01", region: "th-TH") == "ep01.th-TH.notes.visible.vtt")
        #expect(EpisodeFiles.language(ofFileName: "ep01.es-419.srt") == "es-419")
        #expect(EpisodeFiles.language(ofFileName: "ep01.srt") == nil)
    }
}
