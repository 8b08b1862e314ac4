@testable import Annotate
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing
import TextServices

/// The bundled example episode, annotated for every shipped region in every format.
@Suite struct ExampleEpisodeTests {
    @Test func everyShippedRegionGetsValidSidecars() throws {
        let symbols = try Fixtures.glossary()
        let regions = try Fixtures.regions()
        #expect(regions.count >= 12)
        let annotator = Annotator(symbols: symbols, targetLanguages: ["en"])
        let episode = EpisodeTracks(name: "ep01", source: try Fixtures.readExample("ep01.zh.srt"),
                                    target: try Fixtures.readExample("ep01.en.srt"), targetLanguage: "en")
        let occurrences = annotator.occurrences(episode)
        #expect(occurrences.count >= 15)
        for region in regions {
            let plan = annotator.planner(for: region).plan(episode: "ep01", occurrences: occurrences)
            // Chinese regions share most of the culture and get notes only in Chinese: they may have none.
            #expect(!plan.notes.isEmpty || region.isChinese, "\(region.tag): no notes")
            #expect(!region.isChinese || plan.notes.allSatisfy { LanguageTag.isChinese($0.glossLanguage) }, "\(region.tag): foreign note")
            #expect(plan.decisions.count == occurrences.count)
            // Policy holds: no overlap, density, min display, context.
            for (a, b) in zip(plan.notes, plan.notes.dropFirst()) { #expect(a.end <= b.start, "\(region.tag) overlap") }
            let starts = plan.notes.map(\.start.milliseconds)
            let n = region.annotation.maxPerMinute
            if starts.count > n { for i in n..<starts.count { #expect(starts[i] - starts[i - n] >= 60_000, "\(region.tag) density") } }
            #expect(plan.notes.allSatisfy { $0.end - $0.start >= region.annotation.minDisplay && $0.context >= region.annotation.minContext })
            for (format, text) in try Annotator.render(plan, formats: NoteFormat.allCases) {
                switch format {
                case .vtt, .vttVisible: #expect(text.hasPrefix("WEBVTT\n"))
                case .ttml:
                    #expect(try TTMLCodec().decode(SourceText(text: text), options: DecodeOptions()).track.cues.count == plan.notes.count)
                case .srt:
                    #expect(try SRTCodec().decode(SourceText(text: text), options: DecodeOptions()).track.cues.count == plan.notes.count)
                case .json:
                    let problem = try SchemaValidator.validate(text)
                    #expect(problem == nil, "\(region.tag): \(problem ?? "")")
                }
            }
        }
    }

    @Test func glossesComeInTheRegionLanguageWhenTheGlossaryHasThem() throws {
        let symbols = try Fixtures.glossary()
        let th = try #require(try Fixtures.regions().first { $0.tag == "th-TH" })
        let annotator = Annotator(symbols: symbols)
        let occurrences = annotator.occurrences(EpisodeTracks(name: "ep01", source: try Fixtures.readExample("ep01.zh.srt"), target: nil))
        let plan = annotator.planner(for: th).plan(episode: "ep01", occurrences: occurrences)
        let festival = try #require(plan.notes.first { $0.symbolID == "mid-autumn-festival" })
        #expect(festival.glossLanguage == "th")
        #expect(plan.notes.contains { $0.glossLanguage == "en" })   // symbols without a Thai gloss fall back
    }

    @Test func previewPageEmbedsTracksAndEscapesText() throws {
        let plan = EmitterTests.hostilePlan()
        let subtitles = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "<script>x</script> & more")], language: "en")
        let html = try PreviewPage(plan: plan, subtitles: subtitles).render()
        #expect(html.contains("<track id=\"notes\" kind=\"metadata\""))
        #expect(html.contains("<track id=\"subs\" kind=\"subtitles\""))
        #expect(html.contains("data:text/vtt;charset=utf-8;base64,"))
        #expect(!html.contains("<script>alert"))
        #expect(!html.contains("<script>x"))
        #expect(!html.contains("http:") && !html.contains("https:"))   // nothing to fetch: works offline
        let withVideo = try PreviewPage(plan: plan, subtitles: subtitles, videoPath: "../video/ep 01.mp4").render()
        #expect(withVideo.contains("src=\"../video/ep%2001.mp4\""))
    }
}

/// ttconv (the reference TTML/IMSC implementation) reads the TTML notes of every shipped region as the same cues.
@Suite struct TTMLInteropTests {
    @Test func ttconvReadsEveryRegionsNotes() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import ttconv"]
        try check.run(); check.waitUntilExit()
        guard check.terminationStatus == 0 else { return }   // ttconv not installed: scripts/interop_ttconv.py says how
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("annotate-ttconv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let annotator = Annotator(symbols: try Fixtures.glossary(), targetLanguages: ["en"])
        let occurrences = annotator.occurrences(EpisodeTracks(name: "ep01", source: try Fixtures.readExample("ep01.zh.srt"),
                                                              target: try Fixtures.readExample("ep01.en.srt"), targetLanguage: "en"))
        for region in try Fixtures.regions() {
            let plan = annotator.planner(for: region).plan(episode: "ep01", occurrences: occurrences)
            let ttml = try TTMLNotesEmitter().render(plan)
            let cues = try TTMLCodec().decode(SourceText(text: ttml), options: DecodeOptions()).track.cues
            let expected: [String: Any] = ["cues": cues.map { ["begin_ms": $0.start.milliseconds, "end_ms": $0.end.milliseconds,
                                                                "text": $0.text.plainText] }]
            try ttml.write(to: dir.appendingPathComponent("\(region.tag).ttml"), atomically: true, encoding: .utf8)
            try JSONSerialization.data(withJSONObject: expected).write(to: dir.appendingPathComponent("\(region.tag).expected.json"))
        }
        let run = Process()
        run.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        run.arguments = ["python3", Fixtures.repository.appendingPathComponent("scripts/interop_ttconv.py").path, "--from-dir", dir.path]
        let pipe = Pipe()
        run.standardOutput = pipe
        run.standardError = pipe
        try run.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        run.waitUntilExit()
        #expect(run.terminationStatus == 0, "\(output)")
        #expect(output.contains("passed"))
    }
}
