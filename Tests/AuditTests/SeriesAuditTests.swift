import Audit
import Foundation
import Localize
import Regions
import Subtitles
import Testing

@Suite("Series")
struct SeriesAuditTests {
    static func track(_ texts: [String]) throws -> Track {
        Track(cues: try texts.enumerated().map { i, text in
            try Cue(id: String(i + 1), start: Timestamp(milliseconds: Int64(i) * 3000), end: Timestamp(milliseconds: Int64(i) * 3000 + 2500), text: text)
        })
    }

    @Test("episode keys strip the extension and a last language-like part")
    func episodeKeys() {
        #expect(EpisodeNaming.episodeKey("series/ep01.en.srt") == "ep01")
        #expect(EpisodeNaming.episodeKey("ep01.zh-Hans.ttml") == "ep01")
        #expect(EpisodeNaming.episodeKey("ep01.es-419.srt") == "ep01")
        #expect(EpisodeNaming.episodeKey("ep01.srt") == "ep01")
        #expect(EpisodeNaming.episodeKey("my.show.ep01.srt") == "my.show.ep01")
        #expect(EpisodeNaming.episodeKey("ep01.final.srt") == "ep01.final")
        #expect(EpisodeNaming.isSourceCandidate("d/ep01.zh.srt") && EpisodeNaming.isSourceCandidate("ep01.zh-Hant.ttml"))
        #expect(EpisodeNaming.isSourceCandidate("ep01.srt"))
        #expect(!EpisodeNaming.isSourceCandidate("d/ep01.en.srt"))
    }

    @Test("targets pair with sources by key; a lone pair always pairs")
    func pairing() {
        let (pairs, unpaired) = EpisodeNaming.pair(targets: ["en/ep01.en.srt", "en/ep02.en.srt", "en/ep03.en.srt"],
                                                   sources: ["zh/ep02.zh.srt", "zh/ep01.zh.srt", "zh/ep09.zh.srt"])
        #expect(pairs.map(\.source) == ["zh/ep01.zh.srt", "zh/ep02.zh.srt", nil])
        #expect(unpaired == ["zh/ep09.zh.srt"])
        #expect(EpisodeNaming.pair(targets: ["a.srt"], sources: ["b.srt"]).pairs.first?.source == "b.srt")
        #expect(EpisodeNaming.naturalOrder("ep2", "ep10"))
    }

    @Test("the same symbol rendered differently across episodes is reported once, in the later episode")
    func seriesConsistency() throws {
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: AuditFixtures.symbols)
        let zh = try Self.track(["中秋节到了。", "中秋节快乐。"])
        let ep1 = auditor.audit(EpisodeInput(episode: "ep01", target: try Self.track(["The Mid-Autumn Festival.", "Mid-Autumn Festival joy."]),
                                             targetFile: "ep01.en.srt", source: zh, sourceFile: "ep01.zh.srt"))
        let ep2 = auditor.audit(EpisodeInput(episode: "ep02", target: try Self.track(["The Moon Festival.", "Moon Festival joy."]),
                                             targetFile: "ep02.en.srt", source: zh, sourceFile: "ep02.zh.srt"))
        #expect(ep1.findings.isEmpty && ep2.findings.isEmpty)
        let report = SeriesAudit.combine([ep2, ep1], context: auditor.context)
        #expect(report.findings.map(\.rule) == ["glossary.inconsistent"])
        #expect(report.findings.first?.episode == "ep02")
        #expect(report.findings.first?.location.cueID == "1")
        #expect(report.files.map(\.episode) == ["ep01", "ep02"])
    }

    @Test("coverage findings are reported once per symbol for the series")
    func coverageOncePerSeries() throws {
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: AuditFixtures.symbols)
        let zh = try Self.track(["龙王来了。"])
        let en = try Self.track(["The Dragon King is here."])
        let results = (1...3).map { auditor.audit(EpisodeInput(episode: "ep0\($0)", target: en, targetFile: "ep0\($0).en.srt", source: zh)) }
        #expect(results.allSatisfy { $0.findings.map(\.rule) == ["coverage.draft"] })
        let report = SeriesAudit.combine(results, context: auditor.context)
        #expect(report.findings.map(\.rule) == ["coverage.draft"])
        #expect(report.findings.first?.episode == "ep01")
    }

    @Test("cue lines come from the timing lines and are dropped when the count differs")
    func cueLines() {
        let srt = "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:03,000 --> 00:00:04,000\nB\n"
        #expect(CueLines.locate(in: srt, cueCount: 2) == [1, 5])
        #expect(CueLines.locate(in: srt, cueCount: 3) == nil)
        #expect(CueLines.locate(in: "WEBVTT\n\n00:01.000 --> 00:02.000\nA\n", cueCount: 1) == [3])
    }
}
