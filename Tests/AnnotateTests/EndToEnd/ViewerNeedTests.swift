@testable import Annotate
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing
import TextServices

/// Planning by need and readable cards, on the real example episode with the shipped glossary.
@Suite struct ViewerNeedTests {
    /// The shipped glossary (`glossaries/`), loaded once.
    static let shipped: [Symbol] = {
        (try? GlossaryLoader().load(directory: Fixtures.repository.appendingPathComponent("glossaries")).symbols.map(\.symbol)) ?? []
    }()

    static func episode() throws -> EpisodeTracks {
        EpisodeTracks(name: "ep01", source: try Fixtures.readExample("ep01.zh.srt"),
                      target: try Fixtures.readExample("ep01.en.srt"), targetLanguage: "en")
    }

    static func plan(_ tag: String) throws -> AnnotationPlan {
        let region = try #require(try Fixtures.regions().first { $0.tag == tag })
        return Annotator(symbols: shipped, targetLanguages: ["en"]).plan(try episode(), region: region)
    }

    @Test func readsHowTheTranslationRendersEachTerm() throws {
        #expect(Self.shipped.count > 500)
        let occurrences = Annotator(symbols: Self.shipped, targetLanguages: ["en"]).occurrences(try Self.episode())
        func rendering(_ id: String) -> TargetRendering? { occurrences.first { $0.symbolID == id }?.rendering }
        #expect(rendering("wo-xin-chang-dan") == .calque)      // "slept on firewood and tasted gall"
        #expect(rendering("jianghu") == .rendered)             // "the jianghu" is an approved (romanized) rendering
        #expect(rendering("xiayi") == .pinyin)
        #expect(rendering("zhuixu") == .rendered)              // "live-in son-in-law"
        #expect(rendering("men-dang-hu-dui") == .paraphrased)  // "a match of equals"
        #expect(rendering("chang-e") == .rendered)             // the approved name, not a pinyin leftover
        let changE = try #require(Self.shipped.first { $0.id == "chang-e" })
        #expect(NoteNeed.of(changE, rendering: .rendered, renderedText: "Chang'e") == .named)
        let zhuixu = try #require(Self.shipped.first { $0.id == "zhuixu" })
        #expect(NoteNeed.of(zhuixu, rendering: .rendered, renderedText: "live-in son-in-law") == .opaque)
        #expect(NoteNeed.of(zhuixu, rendering: .pinyin, renderedText: "zhuixu") == .missed)
    }

    @Test func enUSGetsTheNotesItsViewersNeed() throws {
        let plan = try Self.plan("en-US")
        let ids = Set(plan.notes.map(\.symbolID))
        #expect(ids.contains("wo-xin-chang-dan"))
        #expect(ids.contains("zhuixu"))
        #expect(ids.contains("jianghu") || ids.contains("xiayi"))
        #expect(!ids.contains("men-dang-hu-dui"))
        #expect(plan.notes.allSatisfy { $0.glossLanguage == "en" })
    }

    @Test func chineseRegionsGetNoForeignLanguageNote() throws {
        let cn = try Self.plan("zh-Hans-CN")
        #expect(cn.notes.allSatisfy { LanguageTag.isChinese($0.glossLanguage) })
        #expect(!cn.notes.contains { $0.glossLanguage == "en" })
        let tw = try Self.plan("zh-Hant-TW")
        #expect(tw.notes.allSatisfy { $0.glossLanguage == "zh-Hant" })
        // 中秋 is shared by Taiwan: no note, and the decision says why.
        let festival = try #require(tw.decisions.first { $0.occurrence.symbolID == "mid-autumn-festival" })
        #expect(festival.outcome == .dropped(.sharedCulture(region: "zh-Hant-TW")))
        // No gloss in a Chinese region's languages means no note, not an English one.
        let region = try #require(try Fixtures.regions().first { $0.tag == "zh-Hans-CN" })
        let englishOnly = Fixtures.symbol("only-english", gloss: ["en": "English only."])
        let plan = Fixtures.plan(region, [englishOnly], [Fixtures.occurrence("only-english", 1000, 3000)])
        #expect(plan.notes.isEmpty)
        #expect(Fixtures.reason(plan, "only-english", at: 1000) == .noGloss)
    }

    @Test func everyCardFitsItsDisplayTimeAndTheEpisode() throws {
        let end = try #require(try Self.episode().end)
        for region in try Fixtures.regions() {
            let plan = try Self.plan(region.tag)
            let metrics = TextMetrics(counting: region.limits.charCounting)
            for note in plan.notes {
                let cps = metrics.charactersPerSecond(note.cardText, duration: note.end - note.start)
                #expect(cps <= region.limits.maxCharsPerSecond + 0.01, "\(region.tag) \(note.symbolID): \(cps) chars/s")
                #expect(note.end <= end, "\(region.tag) \(note.symbolID) runs past the episode")
                #expect(!NoteContent.fold(note.gloss).hasPrefix(NoteContent.fold(note.term)), "\(region.tag) \(note.symbolID): head repeated")
                #expect(note.teaser.count <= NoteContent.teaserLimit && !note.teaser.isEmpty)
                #expect(note.direction == region.direction)
            }
        }
    }

    @Test func everyEmitterShowsTheSameCard() throws {
        for tag in ["en-US", "ar-SA", "ko-KR", "ja-JP"] {
            let plan = try Self.plan(tag)
            let visible = try WebVTTCodec().decode(SourceText(text: try WebVTTVisibleEmitter().render(plan)), options: DecodeOptions()).track
            let srt = try SRTCodec().decode(SourceText(text: try SRTNotesEmitter().render(plan)), options: DecodeOptions()).track
            let ttml = try TTMLCodec().decode(SourceText(text: try TTMLNotesEmitter().render(plan)), options: DecodeOptions()).track
            let metadata = try WebVTTCodec().decode(SourceText(text: try WebVTTMetadataEmitter().render(plan)), options: DecodeOptions()).track
            for (i, note) in plan.notes.enumerated() {
                let lines = [note.headline] + (note.cardAnalogy.map { [$0] } ?? [])
                #expect(visible.cues[i].text.lines == lines, "\(tag) visible")
                #expect(srt.cues[i].text.lines == lines, "\(tag) srt")
                #expect(ttml.cues[i].text.lines == lines, "\(tag) ttml")
                let payload = try #require(try JSONSerialization.jsonObject(with: Data(metadata.cues[i].text.plainText.utf8)) as? [String: Any])
                #expect(payload["term"] as? String == note.term && payload["gloss"] as? String == note.gloss)
                #expect((payload["analogy"] as? String) == note.cardAnalogy, "\(tag) metadata analogy")
                #expect(payload["teaser"] as? String == note.teaser)
                #expect(payload["dir"] as? String == (tag == "ar-SA" ? "rtl" : "ltr"))
                #expect((ttml.cues[i].properties["tts:direction"] == "rtl") == (tag == "ar-SA"), "\(tag) TTML direction")
            }
        }
    }

    @Test func cardsThatDoNotFitLoseTheAnalogyOrStayLonger() {
        let region = Fixtures.region(frames: ["greco-roman"], minDisplayMs: 2000, cps: 20)
        let analogy = ["greco-roman": ["en": String(repeating: "a", count: 40)]]
        let fits = Fixtures.symbol("fits", gloss: ["en": String(repeating: "g", count: 60)], analogies: analogy, rendering: "T")
        let long = Fixtures.symbol("long", gloss: ["en": String(repeating: "g", count: 200)], analogies: analogy, rendering: "T")
        let plan = Fixtures.plan(region, [fits, long], [Fixtures.occurrence("fits", 0, 1000), Fixtures.occurrence("long", 30000, 31000, cue: 1)])
        // "T — " + 60 + analogy 40 = 104 chars → 5.2 s with the analogy.
        #expect(plan.notes[0].showsAnalogy && plan.notes[0].end.milliseconds == 5200)
        // 204 chars with the gloss alone: no analogy, 10.2 s (longer than maxDisplay, never faster than 20 chars/s).
        #expect(!plan.notes[1].showsAnalogy && plan.notes[1].end.milliseconds == 30000 + 10200)
        // Clipped to the episode: a card that cannot be read before the end is dropped, not squeezed.
        let clipped = AnnotationPlanner(region: region, symbols: [long]).plan(
            episode: "ep01", occurrences: [Fixtures.occurrence("long", 30000, 31000)], end: Timestamp(milliseconds: 35000))
        #expect(clipped.notes.isEmpty)
        #expect(Fixtures.reason(clipped, "long", at: 30000) == .episodeEnd(Timestamp(milliseconds: 35000)))
    }

    @Test func glossNeverRepeatsTheHead() {
        #expect(NoteContent.glossWithoutTerm("'Môn đăng hộ đối': kết hôn với người cùng địa vị.", term: "môn đăng hộ đối")
                == "Kết hôn với người cùng địa vị.")
        #expect(NoteContent.glossWithoutTerm("«الصبر انتظارًا للثأر»: تحمّل المشقة", term: "الصبر انتظارًا للثأر") == "تحمّل المشقة")
        #expect(NoteContent.glossWithoutTerm("A man who married in.", term: "live-in son-in-law") == "A man who married in.")
    }

    @Test func teaserIsOneShortLine() {
        #expect(NoteContent.teaser(term: "chivalry", seen: "xia yi") == "xia yi — chivalry")
        #expect(NoteContent.teaser(term: "chivalry", seen: "Chivalry") == "chivalry")
        let long = NoteContent.teaser(term: "never look down on a poor young man for he will rise", seen: nil)
        #expect(long.count <= 40 && long.hasSuffix("…"))
    }

    @Test func previewPageInlinesThePlayerPlugin() throws {
        let onDisk = try String(contentsOf: Fixtures.repository.appendingPathComponent("player/locctl-notes.js"), encoding: .utf8)
        #expect(PreviewPage.playerModule + "\n" == onDisk, "run scripts/embed_player.py after editing player/locctl-notes.js")
        #expect(!PreviewPage.playerModule.lowercased().contains("</script"))
        let html = try PreviewPage(plan: try Self.plan("ar-SA"), subtitles: try Fixtures.readExample("ep01.en.srt")).render()
        #expect(html.contains("<script type=\"module\">"))
        #expect(html.contains("export function attachNotes"))
        #expect(html.contains("attachNotes(media"))
        #expect(html.components(separatedBy: "</script>").count == 2)   // one script, the plug-in plus its bootstrap
    }
}
