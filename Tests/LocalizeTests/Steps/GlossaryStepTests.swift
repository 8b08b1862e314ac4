import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import SymbolDB
import Testing

private typealias F = SymbolFixtures

private func glossary(_ lines: [String], source: [String]? = nil, region: String = "en-US", symbols: [Symbol] = F.series,
                      inlineGloss: GlossaryStep.InlineGloss = .none) -> (lines: [String], changes: [Change], track: Track) {
    let context = F.context(region, symbols: symbols, source: source.map { F.track($0, language: "zh") })
    let result = GlossaryStep(inlineGloss: inlineGloss).apply(F.track(lines), in: context)
    return (result.track.cues.map(\.text.plainText), result.changes, result.track)
}

@Test func deprecatedRenderingIsReplacedKeepingPunctuation() {
    let r = glossary(["We love the Mooncake Festival!"])
    #expect(r.lines == ["We love the Mid-Autumn Festival!"])
    #expect(r.changes.count == 1)
    #expect(r.changes[0].kind == .changed && r.changes[0].before == "Mooncake Festival" && r.changes[0].after == "Mid-Autumn Festival")
    #expect(r.changes[0].cue == "1")
}

@Test func caseIsPreserved() {
    let r = glossary(["HAPPY ZHONGQIU!", "moon cakes for everyone.", "Buy the Moon Cakes, then.", "«Yuebing», she said."])
    #expect(r.lines == ["HAPPY MID-AUTUMN FESTIVAL!", "Mooncakes for everyone.", "Buy the mooncakes, then.", "«Mooncake», she said."])
}

@Test func leftoverPinyinIsReplacedWithTheSourceSymbol() {
    let r = glossary(["Let him save face, it's Zhongqiu."], source: ["给他留点面子吧，今天是中秋。"])
    #expect(r.lines == ["Let him save face, it's Mid-Autumn Festival."])
    #expect(r.changes.map(\.kind) == [.changed])
    #expect(r.changes[0].reason.contains("pinyin"))
}

@Test func leftoverChineseIsReplaced() {
    let r = glossary(["Happy 中秋节, everyone."])
    #expect(r.lines == ["Happy Mid-Autumn Festival, everyone."])
}

@Test func admittedRenderingsAreLeftAlone() {
    let r = glossary(["Happy Moon Festival!", "Chang'e, the Moon Goddess."], source: ["中秋快乐！", "嫦娥。"])
    #expect(r.lines == ["Happy Moon Festival!", "Chang'e, the Moon Goddess."])
    #expect(r.changes.isEmpty)
}

@Test func missingRenderingOfASourceSymbolIsAmbiguous() {
    let r = glossary(["The moon is full tonight."], source: ["今晚嫦娥都该下凡了。"])
    #expect(r.lines == ["The moon is full tonight."])
    #expect(r.changes.count == 1)
    #expect(r.changes[0].kind == .ambiguous && r.changes[0].reason.contains("chang-e"))
}

@Test func severalPreferredRenderingsAreAmbiguousUnlessTheTrackUsesOne() {
    let tea = F.symbol("gongfu-tea", .custom, simplified: ["功夫茶"], pinyin: ["gongfu cha"],
                       renderings: ["en": Renderings(preferred: ["gongfu tea", "kung fu tea"], deprecated: ["fighting tea"])])
    let alone = glossary(["Some fighting tea?"], symbols: [tea])
    #expect(alone.lines == ["Some fighting tea?"])
    #expect(alone.changes.map(\.kind) == [.ambiguous])
    let chosen = glossary(["Some fighting tea?", "I love kung fu tea."], symbols: [tea])
    #expect(chosen.lines == ["Some kung fu tea?", "I love kung fu tea."])
}

@Test func deprecatedStringOfTwoSymbolsIsAmbiguousWithoutEvidence() {
    let newYearMoney = F.symbol("ya-sui-qian", .custom, simplified: ["压岁钱"], pinyin: ["yasuiqian"],
                                renderings: ["en": Renderings(preferred: ["New Year money"], deprecated: ["lucky money"])])
    let symbols = [F.redEnvelope, newYearMoney]
    let blind = glossary(["Here's your lucky money."], symbols: symbols)
    #expect(blind.lines == ["Here's your lucky money."])
    #expect(blind.changes.map(\.kind) == [.ambiguous])
    #expect(blind.changes[0].reason.contains("red-envelope") && blind.changes[0].reason.contains("ya-sui-qian"))
    let sourced = glossary(["Here's your lucky money."], source: ["这是你的压岁钱。"], symbols: symbols)
    #expect(sourced.lines == ["Here's your New Year money."])
}

@Test func deprecatedRenderingWithoutItsSymbolInTheSourceIsReportedNotReplaced() {
    let r = glossary(["Here's your lucky money."], source: ["拿着吧。"])
    #expect(r.lines == ["Here's your lucky money."])
    #expect(r.changes.map(\.kind) == [.ambiguous])
}

@Test func regionTagRenderingBeatsLanguage() {
    let latam = glossary(["Es el Zhongqiu.", "Feliz Festival del Medio Otoño."], region: "es-419")
    #expect(latam.lines == ["Es el Festival de la Luna.", "Feliz Festival del Medio Otoño."])
    // Without an es-419 entry the language's preferred rendering is used.
    var spain = F.region("es-419")
    spain.tag = "es-ES"
    let context = LocalizeContext(region: spain, symbols: F.byID(F.series))
    let result = GlossaryStep().apply(F.track(["Es el Zhongqiu."]), in: context)
    #expect(result.track.cues[0].text.plainText == "Es el Festival del Medio Otoño.")
}

@Test func glossaryStepIsIdempotent() {
    let lines = ["MOONCAKE FESTIVAL!", "Mom, it's Zhongqiu.", "In the jianghu, I live by one code: xia yi.", "Even Chang'e came."]
    let first = glossary(lines, inlineGloss: .first)
    let context = F.context()
    let second = GlossaryStep(inlineGloss: .first).apply(first.track, in: context)
    #expect(second.track == first.track)
    #expect(second.changes.filter { $0.kind == .changed }.isEmpty)
}

@Test func inlineGlossOnlyWhenItFits() {
    let r = glossary(["Even Chang'e came.", "Chang'e again."], inlineGloss: .first)
    #expect(r.lines == ["Even Chang'e (Moon goddess) came.", "Chang'e again."])
    // First occurrence too long for the line limits: skipped silently, later occurrences get nothing.
    let long = "Look how full the moon is tonight, even Chang'e would come down to earth to see it."
    let skipped = glossary([long, "Chang'e again."], inlineGloss: .first)
    #expect(skipped.lines == [long, "Chang'e again."])
    #expect(skipped.changes.isEmpty)
}

@Test func styledCuesAreRewrittenInsideTextNodes() {
    let cue = Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 2000))!,
                  text: CueText([.span(Span(.italic), [.text("The Mooncake Festival")]), .text(" is here."), .lineBreak,
                                 .text("ZHONGQIU!")]))
    let result = GlossaryStep().apply(Track(cues: [cue]), in: F.context())
    #expect(result.track.cues[0].text.nodes == [.span(Span(.italic), [.text("The Mid-Autumn Festival")]), .text(" is here."),
                                                .lineBreak, .text("MID-AUTUMN FESTIVAL!")])
}

@Test func chineseRegionsAreLeftToTheScriptStep() {
    let track = F.track(["中秋节快乐"])
    #expect(GlossaryStep().apply(track, in: F.context("zh-Hant-TW")).track == track)
}

@Test func replacementTakesTheArticleItsRenderingNeeds() {
    var festival = F.midAutumn
    festival.renderings["en"]?.article = "the"
    let symbols = F.series.filter { $0.id != festival.id } + [festival]
    let r = glossary(["Let him save face, it's Zhongqiu.", "Zhongqiu is here.", "We love the Mooncake Festival!",
                      "Happy Zhongqiu, everyone.", "ZHONGQIU!"],
                     source: ["给他留点面子吧，今天是中秋。", "中秋到了。", "我们爱中秋节！", "中秋快乐。", "中秋！"], symbols: symbols)
    #expect(r.lines == ["Let him save face, it's the Mid-Autumn Festival.", "The Mid-Autumn Festival is here.",
                        "We love the Mid-Autumn Festival!", "Happy Mid-Autumn Festival, everyone.", "THE MID-AUTUMN FESTIVAL!"])
    // Without `article` in the data nothing is added.
    #expect(glossary(["Let him save face, it's Zhongqiu."], source: ["给他留点面子吧，今天是中秋。"]).lines == ["Let him save face, it's Mid-Autumn Festival."])
}
