import Foundation
@testable import Subtitles
import Testing
import TestSupport

/// Everything the TTML writer produces validates against the W3C TTML2 schema (with `xmllint`).
@Suite struct TTMLSchemaTests {
    /// Every corpus file locctl can read, converted to TTML and validated.
    @Test(.enabled(if: TTMLSchemaValidator.unavailableReason == nil, "needs xmllint (libxml2-utils) and the TTML2 schema"))
    func everyCorpusFileConvertsToValidTTML() throws {
        let extensions = Set(SubtitleFormats.all.flatMap(\.extensions))
        guard let e = FileManager.default.enumerator(at: TestPaths.corpora, includingPropertiesForKeys: nil) else {
            Issue.record("corpus not found under \(TestPaths.corpora.path)")
            return
        }
        let inputs = e.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
        #expect(inputs.count >= 500, "expected the shared corpora under \(TestPaths.corpora.path)")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ttml-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var written: [URL: URL] = [:]
        var unreadable = 0
        for (i, url) in inputs.enumerated() {
            guard let loaded = try? SubtitleFile.read(url) else { unreadable += 1; continue }
            let out = dir.appendingPathComponent("\(i)-\(url.deletingPathExtension().lastPathComponent).ttml")
            try Data(try TTMLCodec().encode(loaded.track, options: EncodeOptions()).utf8).write(to: out)
            written[out] = url
        }
        let failures = try TTMLSchemaValidator.failures(Array(written.keys))
        for (out, message) in failures.sorted(by: { $0.key < $1.key }) {
            Issue.record("\(written[URL(fileURLWithPath: out)]?.path ?? out): TTML output fails the TTML2 schema:\n\(message)")
        }
        print("[report] TTML schema: \(written.count - failures.count)/\(written.count) valid "
              + "(\(inputs.count) corpus files, \(unreadable) refused by the readers)")
    }

    /// Ids that are not NCNames, repeated SRT numbers and ASS style names with spaces or a leading digit.
    @Test(.enabled(if: TTMLSchemaValidator.unavailableReason == nil, "needs xmllint (libxml2-utils) and the TTML2 schema"))
    func oddIDsBecomeValidUniqueIDs() throws {
        let span = { (s: Int64) in TimeSpan(start: Timestamp(milliseconds: s * 1000), end: Timestamp(milliseconds: s * 1000 + 900))! }
        var track = Track(styles: [DocumentStyle(id: "Chs Subtitle", properties: ["tts:color": "yellow"]),
                                   DocumentStyle(id: "1080p"), DocumentStyle(id: "Chs_Subtitle")])
        track.cues = [
            Cue(id: "1", timing: span(1), text: CueText(plain: "a"), styleRefs: ["Chs Subtitle"]),
            Cue(id: "1", timing: span(2), text: CueText(plain: "b"), styleRefs: ["1080p", "Undefined"]),
            Cue(id: "scene 1 line 1", timing: span(3), text: CueText(plain: "c"), styleRefs: ["Chs_Subtitle"]),
            Cue(id: "c1", timing: span(4), text: CueText(plain: "d")),
        ]
        let xml = try TTMLCodec().encode(track, options: EncodeOptions())
        #expect(xml.contains(#"<style xml:id="Chs_Subtitle" locctl:id="Chs Subtitle" tts:color="yellow"/>"#))
        #expect(xml.contains(#"xml:id="Chs_Subtitle-2""#))
        #expect(xml.contains(#"xml:id="s1080p""#))
        #expect(xml.contains(#"style="Chs_Subtitle""#) && xml.contains(#"style="Chs_Subtitle-2""#))
        #expect(xml.contains(#"style="s1080p""#) && !xml.contains("Undefined"))
        #expect(xml.contains(#"xml:id="c1" locctl:id="1""#) && xml.contains(#"xml:id="c1-2" locctl:id="1""#))
        #expect(xml.contains(#"xml:id="c1-3""#), "a cue whose own id is c1 must not reuse one already taken")
        #expect(xml.contains(#"xml:id="scene_1_line_1" locctl:id="scene 1 line 1""#))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("odd-ids-\(UUID().uuidString).ttml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try TTMLSchemaValidator.failures([file]).isEmpty, "\(xml)")
        // The validator does catch the old output: an id with a space and a style IDREFS to undefined ids.
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-ids-\(UUID().uuidString).ttml")
        try Data(xml.replacingOccurrences(of: "\"Chs_Subtitle\"", with: "\"Chs Subtitle\"").utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect(try TTMLSchemaValidator.failures([bad])[bad.path] != nil)
        // Reading it back restores the model ids.
        let back = try TTMLCodec().decode(SourceText(text: xml), options: DecodeOptions()).track
        #expect(back.cues.map(\.id) == ["1", "1", "scene 1 line 1", "c1"])
    }

    /// The corpus SRT whose numbers repeat (`0` three times) gives unique ids and reads back with its numbers.
    @Test func duplicateSRTNumbersGiveUniqueIDs() throws {
        let loaded = try SubtitleFile.read(TestPaths.corpus("real-zh/universalmediaserver/chinese-big5.srt"))
        let ids = loaded.track.cues.compactMap(\.id)
        #expect(Set(ids).count < ids.count, "the corpus file is expected to repeat cue numbers")
        let xml = try TTMLCodec().encode(loaded.track, options: EncodeOptions())
        let doc = try TTMLCodec().decode(SourceText(text: xml), options: DecodeOptions()).track
        var xmlIDs: [String] = []
        var rest = Substring(xml)
        while let r = rest.range(of: " xml:id=\"") {
            let value = rest[r.upperBound...].prefix { $0 != "\"" }
            xmlIDs.append(String(value))
            rest = rest[r.upperBound...]
        }
        #expect(Set(xmlIDs).count == xmlIDs.count, "xml:id values repeat")
        #expect(doc.cues.compactMap(\.id).sorted() == ids.sorted())
    }
}
