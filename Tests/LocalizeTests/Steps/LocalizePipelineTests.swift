import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import SymbolDB
import Testing

private typealias F = SymbolFixtures

@Test func stepSelectionRunsInTheFixedOrder() throws {
    let pipeline = try LocalizePipeline(names: ["script", "glossary"])
    #expect(pipeline.names == ["glossary", "script"])
    #expect(try LocalizePipeline().names == LocalizeSteps.available)
    #expect(throws: StepSelectionError.unknown("spellcheck")) { try LocalizeSteps.make(["spellcheck"]) }
    for name in LocalizeSteps.order where LocalizeSteps.registry[name] == nil {
        #expect(throws: StepSelectionError.unavailable(name)) { try LocalizeSteps.make([name]) }
    }
}

@Test func onlySelectedStepsRun() throws {
    let track = F.track(["Mom, it's Zhongqiu."])
    let scriptOnly = try LocalizePipeline(names: ["script"]).run(track, in: F.context())
    #expect(scriptOnly.track == track && scriptOnly.changes.isEmpty)
    let both = try LocalizePipeline(names: ["glossary", "script"]).run(track, in: F.context())
    #expect(both.track.cues[0].text.plainText == "Mom, it's Mid-Autumn Festival.")
}

private func example(_ name: String) throws -> Track {
    try SubtitleFile.read(F.repoRoot.appendingPathComponent("examples/son-in-law/\(name)")).track
}

@Test func sonInLawEpisodeOneAgainstItsSource() throws {
    let target = try example("ep01.en.srt")
    let context = F.context("en-US", source: try example("ep01.zh.srt"), orientation: .vertical)
    let pipeline = try LocalizePipeline(names: ["glossary", "script"])
    let result = pipeline.run(target, in: context)
    let changed = result.changes.filter { $0.kind == .changed }
    #expect(changed.map { "\($0.cue): \($0.before ?? "") → \($0.after ?? "")" } == [
        "3: Zhongqiu → Mid-Autumn Festival",
        "14: jianghu → martial world",
        "14: xia yi → chivalry",
    ])
    let ambiguous = result.changes.filter { $0.kind == .ambiguous }
    // The literal calque of 卧薪尝胆 has no rendering of the idiom.
    #expect(ambiguous.map(\.cue) == ["7"])
    #expect(ambiguous.first?.reason.contains("wo-xin-chang-dan") == true)
    #expect(result.track.cues[2].text.plainText == "Mom, it's Mid-Autumn Festival. Let him save face.")
    #expect(result.track.cues[13].text.plainText == "In the martial world, I live by one code: chivalry.")

    // Localizing the localized track changes nothing.
    let again = pipeline.run(result.track, in: context)
    #expect(again.track == result.track)
    #expect(again.changes.filter { $0.kind == .changed }.isEmpty)
}

@Test func changeReportAsJSONAndText() throws {
    let changes = [
        Change(step: "glossary", kind: .changed, cue: "3", start: Timestamp(milliseconds: 5800),
               reason: "pinyin left in the translation (mid-autumn-festival)", before: "Zhongqiu", after: "Mid-Autumn Festival"),
        Change(step: "glossary", kind: .ambiguous, cue: "7", start: Timestamp(milliseconds: 16400), reason: "no rendering"),
    ]
    let report = ChangeReport(files: [ChangeReport.File(input: "ep01.en.srt", output: "out/ep01.en.srt", source: nil,
                                                        region: "en-US", steps: ["glossary"], changes: changes)])
    let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
    #expect(json["version"] as? Int == 1)
    let summary = try #require(json["summary"] as? [String: Any])
    #expect(summary["changed"] as? Int == 1 && summary["ambiguous"] as? Int == 1 && summary["unfixable"] as? Int == 0)
    let file = try #require((json["files"] as? [[String: Any]])?.first)
    #expect(file["input"] as? String == "ep01.en.srt" && file["region"] as? String == "en-US")
    #expect(file["source"] is NSNull)
    let entries = try #require(file["changes"] as? [[String: Any]])
    #expect(entries.count == 2)
    #expect(entries[0]["cue"] as? String == "3" && entries[0]["start"] as? String == "00:00:05.800")
    #expect(entries[0]["startMs"] as? Int == 5800 && entries[0]["step"] as? String == "glossary")
    #expect(entries[0]["kind"] as? String == "changed" && entries[0]["before"] as? String == "Zhongqiu")
    #expect(entries[0]["after"] as? String == "Mid-Autumn Festival")
    #expect(entries[1]["before"] == nil && entries[1]["kind"] as? String == "ambiguous")

    let text = report.text().split(separator: "\n").map(String.init)
    #expect(text[0] == "ep01.en.srt → out/ep01.en.srt [en-US; glossary]: 1 changed, 1 ambiguous, 0 unfixable")
    #expect(text[1] == "  3 00:00:05,800 glossary changed: pinyin left in the translation (mid-autumn-festival): \"Zhongqiu\" → \"Mid-Autumn Festival\"")
    #expect(text[2] == "  7 00:00:16,400 glossary ambiguous: no rendering")
}
