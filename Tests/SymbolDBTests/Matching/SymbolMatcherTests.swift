@testable import SymbolDB
import Testing

private func ids(_ matches: [SymbolMatch]) -> [String] { matches.map(\.symbolID) }

@Suite struct SymbolMatcherChineseTests {
    let matcher = MatcherFixtures.chinese

    @Test func findsSymbolsInSimplifiedDialogue() {
        let found = matcher.matches(in: "中秋节快乐！嫦娥今晚也在看月亮，奶奶给你包了红包。")
        #expect(ids(found) == ["mid-autumn-festival", "chang-e", "red-envelope"])
        #expect(found[0].matchedText == "中秋节")
        #expect(found[0].formKind == .simplified)
        #expect(found[0].characterRange == 0..<3)
        #expect(found[1].characterRange == 6..<8)
        #expect(found[2].utf16Range == 22..<24)
    }

    @Test func leftmostLongestPrefersTheLongerForm() {
        #expect(matcher.matches(in: "中秋节").map(\.matchedText) == ["中秋节"])
        #expect(matcher.matches(in: "中秋到了").map(\.matchedText) == ["中秋"])
        #expect(ids(matcher.matches(in: "东海龙王来了")) == ["dragon-king"])
        #expect(ids(matcher.matches(in: "一条龙飞过")) == ["dragon"])
        #expect(matcher.matches(in: "七夕节快乐").map(\.matchedText) == ["七夕节"])
    }

    @Test func leftmostWinsOverALongerLaterOverlap() {
        // 霸总 starts before 总裁 would; 霸道总裁 is longest from the same start.
        #expect(matcher.matches(in: "霸道总裁").map(\.matchedText) == ["霸道总裁"])
        #expect(ids(matcher.matches(in: "中秋节团圆饭")) == ["mid-autumn-festival", "reunion"])
    }

    @Test func traditionalFormsMatchListedAndUnlisted() {
        let listed = matcher.matches(in: "中秋節快樂")
        #expect(ids(listed) == ["mid-autumn-festival"])
        #expect(listed[0].formKind == .traditional)
        #expect(listed[0].form == "中秋節")
        // 龍王 is not listed: found through the character fold, reported as Traditional.
        let unlisted = matcher.matches(in: "東海龍王")
        #expect(ids(unlisted) == ["dragon-king"])
        #expect(unlisted[0].matchedText == "龍王")
        #expect(unlisted[0].form == "龙王")
        #expect(unlisted[0].formKind == .traditional)
        #expect(unlisted[0].characterRange == 2..<4)
        #expect(matcher.matches(in: "孫大聖").first?.formKind == .alias)
    }

    @Test func singleCharacterFormsNeedDisambiguation() {
        // 义 has no disambiguation entry: skipped when building, so 行侠仗义 and 义务 stay quiet.
        #expect(matcher.skippedForms.contains { $0.symbolID == "righteousness" && $0.form == "义" })
        #expect(matcher.matches(in: "行侠仗义，这是我的义务").isEmpty)
        #expect(ids(matcher.matches(in: "你真讲义气")) == ["righteousness"])
        // 孝 has one: it matches, except where the context cancels it.
        #expect(ids(matcher.matches(in: "百善孝为先")) == ["filial-piety"])
        #expect(matcher.matches(in: "他在守孝").isEmpty)
        #expect(matcher.matches(in: "一身孝服").isEmpty)
    }

    @Test func disambiguationCancelsNearMisses() {
        #expect(matcher.matches(in: "整个村子被一片火红包围着").isEmpty)
        #expect(ids(matcher.matches(in: "老板发红包啦")) == ["red-envelope"])
        #expect(matcher.matches(in: "恐龙、龙虾、龙井、水龙头、龙卷风").isEmpty)
        #expect(matcher.matches(in: "水龍頭壞了，小龍蝦也沒了").isEmpty)
        #expect(matcher.matches(in: "嫦娥五号成功着陆").isEmpty)
        #expect(ids(matcher.matches(in: "嫦娥五号和嫦娥")) == ["chang-e"])
        #expect(matcher.matches(in: "清明上河图、政治清明").isEmpty)
    }

    @Test func offsetsCountSurrogatePairsAndGraphemeClusters() {
        let text = "😭👨‍👩‍👧 中秋节 🥮月饼"
        let found = matcher.matches(in: text)
        #expect(ids(found) == ["mid-autumn-festival", "mooncake"])
        // 😭 = 2 UTF-16 units, the family = 8 units but one Character.
        #expect(found[0].utf16Range == 11..<14)
        #expect(found[0].characterRange == 3..<6)
        #expect(found[1].utf16Range == 17..<19)
        #expect(found[1].characterRange == 8..<10)
        let utf16 = Array(text.utf16)
        for match in found {
            #expect(String(decoding: utf16[match.utf16Range], as: UTF16.self) == match.matchedText)
            let characters = Array(text)
            #expect(String(characters[match.characterRange]) == match.matchedText)
        }
    }

    @Test func emptyAndSymbolFreeTextGiveNothing() {
        #expect(matcher.matches(in: "").isEmpty)
        #expect(matcher.matches(in: "合同已经签好了，明天上午十点见。").isEmpty)
        #expect(matcher.matches(in: "Mid-Autumn Festival").isEmpty)   // Latin forms are off for source tracks
    }

    @Test func symbolsSharingAFormAreAllReported() {
        let a = Symbol(id: "a", category: .value, context: .low, forms: Forms(simplified: ["江湖"]), gloss: [:])
        let b = Symbol(id: "b", category: .place, context: .low, forms: Forms(simplified: ["江湖"]), gloss: [:])
        let found = SymbolMatcher(symbols: [a, b]).matches(in: "人在江湖")
        #expect(ids(found) == ["a", "b"])
        #expect(found.allSatisfy { $0.utf16Range == 2..<4 })
    }

    @Test func matcherIsSharedAcrossTasks() async {
        let line = "过年了，奶奶给每个孙子都包了红包。"
        let expected = matcher.matches(in: line)
        await withTaskGroup(of: [SymbolMatch].self) { group in
            for _ in 0..<16 { group.addTask { MatcherFixtures.chinese.matches(in: line) } }
            for await result in group { #expect(result == expected) }
        }
    }
}

@Suite struct SymbolMatcherLatinTests {
    let matcher = MatcherFixtures.english

    @Test func findsRenderingsAndPinyinInEnglish() {
        let found = matcher.matches(in: "Happy Mid-Autumn Festival! Chang'e is watching, and the hongbao is on the table.")
        #expect(ids(found) == ["mid-autumn-festival", "chang-e", "red-envelope"])
        #expect(found[0].formKind == .rendering)
        #expect(found[0].renderingStatus == .preferred)
        #expect(found[2].formKind == .pinyin)
        #expect(found[2].matchedText == "hongbao")
    }

    @Test func isCaseDiacriticAndApostropheInsensitive() {
        for line in ["CHANG'E", "chang’e", "Cháng'é", "Changʼe"] {
            #expect(ids(matcher.matches(in: "I saw \(line) tonight")) == ["chang-e"], "\(line)")
        }
        #expect(ids(matcher.matches(in: "ZHŌNGQIŪ JIÉ")) == ["mid-autumn-festival"])
        #expect(ids(matcher.matches(in: "mid autumn festival")) == ["mid-autumn-festival"])
    }

    @Test func respectsWordBoundaries() {
        #expect(matcher.matches(in: "Change is hard. Let's exchange numbers.").isEmpty)
        #expect(ids(matcher.matches(in: "the Qixing formation")) == ["qixing"])
        #expect(ids(matcher.matches(in: "Happy Qixi!")) == ["qixi"])
        #expect(matcher.matches(in: "It was a long day").isEmpty)   // single-syllable pinyin "lóng" is skipped
        #expect(ids(matcher.matches(in: "two mooncakes and Chang'e's palace")) == ["mooncake", "chang-e"])
    }

    @Test func reportsDeprecatedRenderings() {
        let found = matcher.matches(in: "Don't forget the lucky money.")
        #expect(found.first?.renderingStatus == .deprecated)
        let preferredOnly = SymbolMatcher(symbols: MatcherFixtures.symbols,
                                          options: .target(language: "en", includePinyin: false, renderingStatuses: [.preferred]))
        #expect(preferredOnly.matches(in: "Don't forget the lucky money, Zhongqiu is coming.").isEmpty)
    }

    @Test func regionTagsUseTheirLanguage() {
        let british = SymbolMatcher(symbols: MatcherFixtures.symbols, options: .forTrack(language: "en-GB"))
        #expect(ids(british.matches(in: "a red envelope")) == ["red-envelope"])
        #expect(SymbolMatcher.Options.forTrack(language: "zh-Hant-TW") == .chinese)
    }

    @Test func latinOffsetsAfterEmoji() {
        let text = "🥮🥮 Happy Zhongqiu"
        let found = matcher.matches(in: text)
        #expect(found.first?.utf16Range == 11..<19)
        #expect(found.first?.characterRange == 9..<17)
    }
}
