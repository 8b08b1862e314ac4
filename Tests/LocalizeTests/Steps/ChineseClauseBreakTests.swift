import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

/// Chinese clause boundaries without a comma (`BreakScoring.chineseClause`). Every line is a real one-line
/// cue of the development half of scripts/break_eval.py (zh-sp), its two phrases joined; the expected break is
/// the professional's space, at the cue's own limits (its longer phrase's length, two lines). Before these
/// rules each of them broke elsewhere (shown as "was"); the last test guards that a written space still wins.
@Suite struct ChineseClauseBreakTests {
    /// `text` wrapped for `tag` at `cpl` characters, two lines.
    private func broken(_ text: String, _ cpl: Int, _ tag: String = "zh-Hans-CN") -> String {
        var region = Regions[tag]
        region.limits.landscape = LineLimits(maxCharsPerLine: cpl, maxLines: 2)
        region.limits.commasAsSpaces = false
        let context = LocalizeContext(region: region, orientation: .landscape)
        return WrapStep().apply(track([cue("1", 0, 5000, text)]), in: context).track.cues[0].text.plainText
    }

    @Test func breaksAfterASentenceFinalParticle() {
        // was 你能提供虛無的 / 歡愉嗎那有可能嗎
        #expect(broken("你能提供虛無的歡愉嗎那有可能嗎", 10, "zh-Hant-TW") == "你能提供虛無的歡愉嗎\n那有可能嗎")
    }

    @Test func breaksAfterSentenceFinalLeBeforeAConjunction() {
        // was 我来这了所以 / 不是你希望的那样
        #expect(broken("我来这了所以不是你希望的那样", 10) == "我来这了\n所以不是你希望的那样")
    }

    @Test func breaksBeforeASubjectPronoun() {
        // was 我们得定个 / 计划我们需要钱
        #expect(broken("我们得定个计划我们需要钱", 7) == "我们得定个计划\n我们需要钱")
    }

    @Test func aPronounBeforeAnotherPronounIsTheObject() {
        // was 天亮前他们就能查出 / 我们我们得赶紧跑路
        #expect(broken("天亮前他们就能查出我们我们得赶紧跑路", 11) == "天亮前他们就能查出我们\n我们得赶紧跑路")
    }

    @Test func breaksBeforeAConjunctionNotAfterIt() {
        // was 我们都很讨厌条子但 / 不得不承认他们很聪明
        #expect(broken("我们都很讨厌条子但不得不承认他们很聪明", 11) == "我们都很讨厌条子\n但不得不承认他们很聪明")
        // was 我从没见过慈父但我 / 听过很多他的英勇事迹.
        #expect(broken("我从没见过慈父但我听过很多他的英勇事迹.", 13) == "我从没见过慈父\n但我听过很多他的英勇事迹.")
    }

    @Test func aPersonVerbKeepsItsPronounObject() {
        // was 那帮人叫我别告诉 / 你但我必须说
        #expect(broken("那帮人叫我别告诉你但我必须说", 9) == "那帮人叫我别告诉你\n但我必须说")
    }

    @Test func breaksBeforeAClauseOpeningPreposition() {
        // was 你應該離開趁 / 帝國還未得知此事
        #expect(broken("你應該離開趁帝國還未得知此事", 9, "zh-Hant-TW") == "你應該離開\n趁帝國還未得知此事")
    }

    @Test func breaksAfterAnAdverbialClauseOfTime() {
        // was 警员倒下时公众 / 什么都没看到.
        #expect(broken("警员倒下时公众什么都没看到.", 9) == "警员倒下时\n公众什么都没看到.")
    }

    @Test func aLeadingConnectiveIsAClauseOfItsOwn() {
        // was 也就是说打仗时十个士兵 / 里只有三个真正在战斗
        #expect(broken("也就是说打仗时十个士兵里只有三个真正在战斗", 17) == "也就是说\n打仗时十个士兵里只有三个真正在战斗")
    }

    @Test func keepsANumeralClassifierAndItsNounTogether() {
        // was 曼哈顿有21座 / 桥全部封锁
        #expect(broken("曼哈顿有21座桥全部封锁", 7) == "曼哈顿有21座桥\n全部封锁")
        // was 在视觉酒店发生了一场 / 袭击听起来是特鲁希略做的 (ICU's word is 了一|场)
        #expect(broken("在视觉酒店发生了一场袭击听起来是特鲁希略做的", 12) == "在视觉酒店发生了一场袭击\n听起来是特鲁希略做的")
        // was 她的母親創辦了一所 / 插花學校目前已關閉了 (aspect 了 before its object)
        #expect(broken("她的母親創辦了一所插花學校目前已關閉了", 13, "zh-Hant-TW") == "她的母親創辦了一所插花學校\n目前已關閉了")
    }

    @Test func aTrailingNameIsAVocative() {
        // was 别把我丢在 / 这儿雷吉纳德 (ICU cuts the unknown name into 雷|吉|纳|德)
        #expect(broken("别把我丢在这儿雷吉纳德", 7) == "别把我丢在这儿\n雷吉纳德")
    }

    @Test func aTrailingAddressTermIsAVocative() {
        // RickAndMorty.S05E10 (dev) writes 总统已经特赦你了，先生; without the comma it was 总统已经 / 特赦你了先生.
        #expect(broken("总统已经特赦你了先生", 8) == "总统已经特赦你了\n先生")
    }

    @Test func spacesStillWinOverClauseRules() {
        // A phrase space is the subtitler's own pause: it beats a pronoun or particle boundary.
        #expect(broken("我们走吧你 先回去", 6) == "我们走吧你\n先回去")
    }
}
