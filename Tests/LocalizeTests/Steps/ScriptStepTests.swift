import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import SymbolDB
import Testing
import TextServices

private typealias F = SymbolFixtures

private func script(_ lines: [String], region: RegionProfile, language: String? = nil, symbols: [Symbol] = []) -> StepResult {
    ScriptStep().apply(F.track(lines, language: language), in: LocalizeContext(region: region, symbols: F.byID(symbols)))
}

private func hant(_ tag: String) -> RegionProfile {
    var r = F.region("zh-Hant-TW")
    r.tag = tag
    return r
}

@Test(arguments: [("头发", "頭髮"), ("发展", "發展"), ("干杯", "乾杯"), ("干净", "乾淨"), ("树干", "樹幹")])
func simplifiedToTraditionalByPhrase(_ input: String, _ expected: String) {
    let result = script([input], region: hant("zh-Hant"))
    #expect(result.track.cues[0].text.plainText == expected)
}

@Test func taiwanUsesTaiwanPhrasing() {
    #expect(script(["软件"], region: F.region("zh-Hant-TW")).track.cues[0].text.plainText == "軟體")
    #expect(script(["软件"], region: hant("zh-Hant")).track.cues[0].text.plainText == "軟件")
    let tw = script(["这个软件的头发"], region: F.region("zh-Hant-TW"))
    #expect(tw.track.cues[0].text.plainText == "這個軟體的頭髮")
    #expect(tw.changes.count == 1 && tw.changes[0].reason.contains("s2twp"))
    #expect(tw.track.language == "zh-Hant-TW")
}

@Test func glossaryTraditionalFormsTakePrecedence() {
    // OpenCC's s2t writes 人蔘果; the glossary lists 人參果 (Journey to the West).
    #expect(script(["偷吃人参果的头发"], region: hant("zh-Hant")).track.cues[0].text.plainText == "偷喫人蔘果的頭髮")
    let result = script(["偷吃人参果的头发"], region: hant("zh-Hant"), symbols: [F.ginsengFruit])
    #expect(result.track.cues[0].text.plainText == "偷喫人參果的頭髮")
}

@Test func traditionalToSimplifiedForSimplifiedRegions() {
    let result = script(["軟體頭髮", "已经是简体"], region: F.region("zh-Hans-CN"), language: "zh-Hant-TW")
    #expect(result.track.cues.map(\.text.plainText) == ["软体头发", "已经是简体"])
    #expect(result.changes.count == 1 && result.changes[0].reason.contains("tw2s"))
}

@Test func scriptStepIsIdempotentAndLeavesOtherRegionsAlone() {
    let once = script(["这个软件的头发，中秋节干杯"], region: F.region("zh-Hant-TW"), symbols: F.series)
    let twice = ScriptStep().apply(once.track, in: LocalizeContext(region: F.region("zh-Hant-TW"), symbols: F.byID(F.series)))
    #expect(twice.track == once.track && twice.changes.isEmpty)
    let english = F.track(["Mid-Autumn Festival"])
    #expect(ScriptStep().apply(english, in: F.context("en-US")).track == english)
}

@Test func scriptStepUsesTheInjectedConverter() {
    struct Upper: ScriptConverting { func convert(_ text: String) -> String { "<\(text)>" } }
    let step = ScriptStep(converter: { conversion in
        #expect(conversion == .s2hk)
        return Upper()
    })
    let result = step.apply(F.track(["中秋节快乐"]), in: LocalizeContext(region: hant("zh-Hant-HK"), symbols: F.byID([F.midAutumn])))
    // The symbol form is spliced from the glossary; only the rest goes through the converter.
    #expect(result.track.cues[0].text.plainText == "中秋節<快乐>")
}

// Issue 14: the project phrase table (regions/script-phrases.tsv) fixes words OpenCC gets wrong for Taiwan.
@Test(arguments: [("来，干了这一杯", "來，乾了這一杯"), ("我们干了一杯", "我們乾了一杯"), ("干杯！", "乾杯！"),
                  ("坐出租车回家", "坐計程車回家"), ("土豆炖牛肉", "馬鈴薯燉牛肉"), ("菠萝很甜", "鳳梨很甜"),
                  ("这衣服质量很好", "這衣服品質很好"), ("你干了什么", "你幹了什麼")])
func taiwanPhraseTableOverOpenCC(_ input: String, _ expected: String) {
    let result = script([input], region: F.region("zh-Hant-TW"))
    #expect(result.track.cues[0].text.plainText == expected)
    #expect(!result.changes.contains { $0.kind == .unfixable })
}

@Test func phraseTableRowsAreCheckedWithFileAndLine() throws {
    let table = try ScriptPhraseTable(parsing: "# comment\ns2twp\t土豆\t馬鈴薯\n\ns2hk\t土豆\t薯仔\n", file: "t.tsv")
    #expect(table.phrases[.s2twp]?["土豆"] == "馬鈴薯" && table.phrases[.s2hk]?["土豆"] == "薯仔")
    #expect(throws: ScriptPhraseTable.FormatError(file: "t.tsv", line: 2, message: "expected 3 tab-separated fields (conversion, phrase, replacement)")) {
        try ScriptPhraseTable(parsing: "s2twp\t土豆\t馬鈴薯\ns2twp 菠萝 鳳梨\n", file: "t.tsv")
    }
    #expect(throws: ScriptPhraseTable.FormatError.self) { try ScriptPhraseTable(parsing: "t2s\t土豆\t马铃薯\n", file: "t.tsv") }
    #expect(throws: ScriptPhraseTable.FormatError.self) { try ScriptPhraseTable(parsing: "s2twp\t土豆\ta\ns2twp\t土豆\tb\n", file: "t.tsv") }
    // The shipped table parses.
    let shipped = try ScriptPhraseTable.near(profile: F.region("zh-Hant-TW").file)
    #expect(shipped.phrases[.s2twp]?["出租车"] == "計程車")
}
