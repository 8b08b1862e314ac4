import Foundation
@testable import Subtitles
import Testing
import TestSupport

/// What the WebVTT writer makes of every other format: time order, REGION blocks only when used, single escaping,
/// and files ffmpeg reads in full.
@Suite struct WebVTTWriterInteropTests {
    /// Every corpus file locctl reads, as WebVTT.
    static func corpusOutputs() throws -> [(source: URL, track: Track, vtt: String)] {
        let extensions = Set(SubtitleFormats.all.flatMap(\.extensions))
        guard let e = FileManager.default.enumerator(at: TestPaths.corpora, includingPropertiesForKeys: nil) else { return [] }
        let inputs = e.compactMap { $0 as? URL }.filter { extensions.contains($0.pathExtension.lowercased()) }.sorted { $0.path < $1.path }
        var out: [(URL, Track, String)] = []
        for url in inputs {
            guard let loaded = try? SubtitleFile.read(url) else { continue }
            out.append((url, loaded.track, try WebVTTCodec().encode(loaded.track, options: EncodeOptions())))
        }
        return out
    }

    @Test func corpusOutputsAreInTimeOrderWithUsedRegionsOnly() throws {
        let outputs = try Self.corpusOutputs()
        #expect(outputs.count >= 500, "expected the shared corpora under \(TestPaths.corpora.path)")
        var reordered = 0, regionBlocks = 0
        for (url, track, vtt) in outputs {
            let back = try WebVTTCodec().decode(SourceText(name: url.path, text: vtt), options: DecodeOptions()).track
            #expect(back.cues.count == track.cues.count, "\(url.path): cue count changed")
            let starts = back.cues.map(\.start)
            #expect(starts == starts.sorted(), "\(url.path): WebVTT cues out of time order")
            if track.cues.map(\.start) != track.cues.map(\.start).sorted() { reordered += 1 }
            let used = Set(back.cues.compactMap(\.placement.regionID))
            #expect(back.regions.allSatisfy { used.contains($0.id) }, "\(url.path): REGION block no cue uses")
            if !back.regions.isEmpty { regionBlocks += 1 }
        }
        print("[report] WebVTT writer: \(outputs.count) corpus files written, \(reordered) put in time order, \(regionBlocks) with used REGION blocks")
    }

    /// Cues the corpus SRT has out of order come out sorted, stable for equal starts.
    @Test func sortIsStable() throws {
        let span = { (ms: Int64) in TimeSpan(start: Timestamp(milliseconds: ms), end: Timestamp(milliseconds: ms + 500))! }
        let track = Track(cues: [Cue(id: "a", timing: span(3000), text: CueText(plain: "3")),
                                 Cue(id: "b", timing: span(1000), text: CueText(plain: "1")),
                                 Cue(id: "c", timing: span(3000), text: CueText(plain: "3 again")),
                                 Cue(id: "d", timing: span(2000), text: CueText(plain: "2"))])
        let back = try WebVTTCodec().decode(SourceText(text: try WebVTTCodec().encode(track, options: EncodeOptions())), options: DecodeOptions()).track
        #expect(back.cues.map(\.id) == ["b", "d", "a", "c"])
    }

    /// TTML regions (origin, extent) are not WebVTT regions: the cues get line settings and no REGION block.
    @Test func ttmlRegionsBecomeSettingsNotRegionBlocks() throws {
        let source = try Corpus.source("w3c-imsc-tests/imsc1/ttml/region/four-active-regions-001.ttml")
        let track = try TTMLCodec().decode(source, options: DecodeOptions()).track
        #expect(!track.regions.isEmpty && track.cues.contains { $0.placement.regionID != nil })
        let vtt = try WebVTTCodec().encode(track, options: EncodeOptions())
        #expect(!vtt.contains("REGION"), "\(vtt)")
        // A WebVTT region a cue uses is still written; one no cue uses is not.
        let src = "WEBVTT\n\nREGION\nid:used\nwidth:40%\n\nREGION\nid:unused\nwidth:30%\n\n00:00:01.000 --> 00:00:02.000 region:used\nx\n"
        let vt = try WebVTTCodec().decode(SourceText(text: src), options: DecodeOptions()).track
        let written = try WebVTTCodec().encode(vt, options: EncodeOptions())
        #expect(written.contains("id:used") && !written.contains("id:unused"))
    }

    /// By default STYLE and used REGION blocks are kept; `webVTTCompatible` leaves both out and writes the region's
    /// placement as the settings a region cue lacks, keeping every cue.
    @Test func compatibleOutputHasNoStyleOrRegionBlocks() throws {
        let src = """
            WEBVTT

            REGION
            id:top
            width:40%
            regionanchor:50%,0%
            viewportanchor:50%,5%

            STYLE
            ::cue { color: yellow }

            00:00:01.000 --> 00:00:02.000 region:top
            up

            00:00:02.000 --> 00:00:03.000 region:top align:left
            up, left

            00:00:03.000 --> 00:00:04.000 line:0
            plain

            """
        let track = try WebVTTCodec().decode(SourceText(text: src), options: DecodeOptions()).track
        let kept = try WebVTTCodec().encode(track, options: EncodeOptions())
        #expect(kept.contains("\nREGION\nid:top\n") && kept.contains("\nSTYLE\n") && kept.contains("region:top"))
        let compat = try WebVTTCodec().encode(track, options: EncodeOptions(webVTTCompatible: true))
        #expect(!compat.contains("REGION") && !compat.contains("STYLE") && !compat.contains("region:"), "\(compat)")
        #expect(compat.contains("00:00:01.000 --> 00:00:02.000 line:5%,start position:30%,line-left size:40%\nup\n"), "\(compat)")
        #expect(compat.contains("00:00:02.000 --> 00:00:03.000 line:5%,start position:30%,line-left size:40% align:left\n"), "\(compat)")
        #expect(compat.contains("00:00:03.000 --> 00:00:04.000 line:0\nplain\n"), "\(compat)")
        let back = try WebVTTCodec().decode(SourceText(text: compat), options: DecodeOptions())
        #expect(back.track.cues.map(\.text.plainText) == ["up", "up, left", "plain"])
        #expect(back.diagnostics.isEmpty, "\(back.diagnostics)")
    }

    /// `&amp;` in SRT is one `&`, written once escaped in WebVTT and TTML.
    @Test func entitiesAreEscapedOnce() throws {
        let decoded = try SRTCodec().decode(SourceText(text: "1\n00:00:01,000 --> 00:00:02,000\nTom &amp; Jerry &lt;3&nbsp;!\n"), options: DecodeOptions())
        #expect(decoded.track.cues[0].text.plainText == "Tom & Jerry <3\u{A0}!")
        let vtt = try WebVTTCodec().encode(decoded.track, options: EncodeOptions())
        #expect(vtt.contains("Tom &amp; Jerry &lt;3\u{A0}!") && !vtt.contains("&amp;amp;"))
        let ttml = try TTMLCodec().encode(decoded.track, options: EncodeOptions())
        #expect(ttml.contains("Tom &amp; Jerry &lt;3") && !ttml.contains("&amp;amp;"))
        let srt = try SRTCodec().encode(decoded.track, options: EncodeOptions())
        #expect(srt.contains("Tom & Jerry <3\u{A0}!"))
        #expect(try SRTCodec().decode(SourceText(text: srt), options: DecodeOptions()).track.cues[0].text == decoded.track.cues[0].text)
    }

    /// ffmpeg reads every WebVTT output with all its cues. Debian's ffmpeg 5.1 stops at any STYLE or REGION
    /// block (it reads 0 cues from such corpus inputs too), so outputs that keep those blocks from a WebVTT
    /// input are counted apart; what else ffmpeg leaves out by design is not expected from it (see
    /// `FFmpeg.expectedCueCount`).
    @Test(.enabled(if: FFmpeg.available, "needs ffmpeg"))
    func ffmpegReadsEveryOutput() throws {
        let outputs = try Self.corpusOutputs().filter { !$0.track.cues.isEmpty }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("vtt-ffmpeg-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var same = 0, withBlocks = 0, checked = 0
        for (i, (url, track, vtt)) in outputs.enumerated() {
            if vtt.contains("\n\nSTYLE\n") || vtt.contains("\n\nREGION\n") {
                #expect(url.pathExtension == "vtt", "\(url.path): STYLE/REGION block in WebVTT written from another format")
                withBlocks += 1
                continue
            }
            checked += 1
            let file = dir.appendingPathComponent("\(i).vtt")
            try Data(vtt.utf8).write(to: file)
            let count = FFmpeg.cueCount(file)
            let expected = FFmpeg.expectedCueCount(WebVTTWriter.cuesInTimeOrder(track.cues))
            if count == expected { same += 1 } else {
                Issue.record("\(url.path): ffmpeg read \(count.map(String.init) ?? "nothing") of \(expected) cues from the WebVTT output")
            }
        }
        print("[report] ffmpeg WebVTT: \(same)/\(checked) outputs read with every cue; "
              + "\(withBlocks) WebVTT-to-WebVTT outputs keep STYLE/REGION blocks ffmpeg 5.1 cannot read")
    }
}

/// The `ffmpeg` command line, when installed.
enum FFmpeg {
    static let available: Bool = (try? run("ffmpeg", ["-hide_banner", "-version"])) != nil

    /// How many of these cues (in file order) ffmpeg's WebVTT demuxer keeps: not those without text, not a
    /// cue whose identifier starts with `NOTE` (it skips such blocks as comments), and not a cue that repeats
    /// the times and text of the cue before it (its duplicate filter).
    static func expectedCueCount(_ cues: [Cue]) -> Int {
        var count = 0
        var previous: (Timestamp, Timestamp, String)?
        for cue in cues {
            let text = cue.text.plainText
            if text.isEmpty || (cue.id ?? "").hasPrefix("NOTE") { continue }
            if let p = previous, p.0 == cue.start, p.1 == cue.end, p.2 == text { continue }
            previous = (cue.start, cue.end, text)
            count += 1
        }
        return count
    }

    /// Cues ffmpeg reads from a subtitle file (converted to SRT), nil when it fails.
    static func cueCount(_ file: URL) -> Int? {
        guard let out = try? run("ffmpeg", ["-nostdin", "-v", "error", "-i", file.path, "-f", "srt", "-"]) else { return nil }
        return String(decoding: out, as: UTF8.self).components(separatedBy: "\n").filter { $0.contains(" --> ") }.count
    }
}
