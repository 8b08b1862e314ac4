import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

@Suite struct WrapStepTests {
    @Test func englishVerticalWrapsTo25() {
        let out = wrapped("Face? A man who lives off his wife doesn't get to talk about face.", "en-US")
        let lines = out.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count <= 25 })
    }

    @Test func englishLandscapeBreaksAfterPunctuationBottomHeavy() {
        let out = wrapped("The Mid-Autumn Festival is here. The whole family is home for the reunion.", "en-US", .landscape)
        #expect(out == "The Mid-Autumn Festival is here.\nThe whole family is home for the reunion.")
    }

    @Test func englishBalancesTwoLinesBottomHeavy() {
        // Fits on one line: kept on one line.
        #expect(wrapped("I picked these mooncakes for you myself", "en-US", .landscape) == "I picked these mooncakes for you myself")
        let two = wrapped("Your mother-in-law will never touch those cheap street-stall mooncakes", "en-US", .landscape)
        let lines = two.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].count <= lines[1].count)
        #expect(!lines[0].hasSuffix(" those") && !lines[0].hasSuffix(" the"))
    }

    @Test func neverEndsALineWithAnArticle() {
        let out = wrapped("He finally gave the jade pendant to the old woman at the gate", "en-US")
        for line in out.split(separator: "\n") {
            let last = line.split(separator: " ").last.map(String.init) ?? ""
            #expect(!["the", "a", "an", "to", "at"].contains(last), "\(out)")
        }
    }

    @Test func keepsNamesAndProtectedTermsTogether() {
        let out = wrapped("Tonight the whole family will meet Lin Zhongqiu at the Mid-Autumn banquet", "en-US")
        #expect(out.contains("Lin Zhongqiu"))
        let term = wrapped("Bring me the dragon phoenix jade now or leave this house", "en-US", config: .init(protectedTerms: ["dragon phoenix jade"]))
        #expect(term.contains("dragon phoenix jade"))
    }

    @Test func keepsManualBreakWhenItFits() {
        let text = "Mom,\nit's Zhongqiu."
        #expect(wrapped(text, "en-US") == text)
    }

    @Test func frenchNeverBreaksBeforeExclamationWithNoBreakSpace() {
        let text = "Je ne veux plus jamais te revoir dans cette maison\u{00A0}!"
        let out = wrapped(text, "fr-FR")
        for line in out.split(separator: "\n") { #expect(!line.hasPrefix("!"), "\(out)") }
        #expect(out.contains("maison\u{00A0}!"))
    }

    @Test func chineseBreaksAtWordsWithoutLineInitialComma() {
        let region = Regions["zh-Hans-CN"]
        let text = "我已经在这个家里忍了三年，今天终于可以扬眉吐气了"
        let out = wrapped(text, "zh-Hans-CN")
        let lines = out.split(separator: "\n")
        #expect(lines.count >= 2)
        for line in lines {
            #expect(!line.hasPrefix("，"))
            #expect(TextMetrics(counting: .cjk).length(line) <= Double(region.limits.vertical.maxCharsPerLine))
        }
        #expect(out.replacingOccurrences(of: "\n", with: "") == text)
        #expect(!out.contains(" "))
        // A word the dictionary knows is never cut.
        #expect(!out.contains("扬\n眉") && !out.contains("扬眉\n吐气") || out.contains("扬眉吐气"))
    }

    @Test func chinesePrefersSpaceSeparatedPhrases() {
        let out = wrapped("你这个上门女婿 也配坐主桌吗", "zh-Hans-CN")
        #expect(out == "你这个上门女婿\n也配坐主桌吗")
    }

    @Test func japaneseWrapsAtWordsWithKinsoku() {
        let out = wrapped("お母さん、今日は中秋節ですよ。家族みんなで月を見ましょう。", "ja-JP")
        for line in out.split(separator: "\n") {
            #expect(!line.hasPrefix("、") && !line.hasPrefix("。"))
        }
        #expect(out.replacingOccurrences(of: "\n", with: "") == "お母さん、今日は中秋節ですよ。家族みんなで月を見ましょう。")
    }

    @Test func thaiWrapsAtDictionaryWords() {
        let text = "วันนี้เป็นวันไหว้พระจันทร์ครอบครัวทั้งหมดกลับบ้านมาพร้อมหน้ากัน"
        let out = wrapped(text, "th-TH")
        let lines = out.split(separator: "\n")
        #expect(lines.count >= 2)
        #expect(out.replacingOccurrences(of: "\n", with: "") == text)
        #expect(lines.allSatisfy { $0.count <= 21 })
        // Dictionary boundaries: no line starts with a combining vowel or tone mark.
        for line in lines { #expect(line.unicodeScalars.first.map { $0.properties.generalCategory != .nonspacingMark } ?? true) }
    }

    @Test func koreanCountsHalfWidthAsHalfAndBreaksAtSpaces() {
        let text = "오늘은 추석이라 온 가족이 모였어요 OK"
        let out = wrapped(text, "ko-KR")
        let metrics = TextMetrics(counting: .cjk)
        for line in out.split(separator: "\n") {
            #expect(metrics.length(line) <= 10)
            #expect(!line.hasPrefix(" ") && !line.hasSuffix(" "))
        }
        #expect(out.replacingOccurrences(of: "\n", with: " ") == text)
        #expect(metrics.length("OK 추석") == 3.5)
    }

    @Test func keepsEnclosingItalicAndInnerSpans() {
        let text = CueText([.span(Span(.italic), [.text("This is a voice over that runs much too long for one line")])])
        let ctx = LocalizeContext(region: Regions["en-US"], orientation: .landscape)
        let result = WrapStep().apply(Track(cues: [Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 4000))!, text: text)]), in: ctx)
        let nodes = result.track.cues[0].text.nodes
        #expect(nodes.count == 1)
        guard case let .span(span, children) = nodes[0] else { Issue.record("span lost"); return }
        #expect(span.kind == .italic)
        #expect(children.contains(.lineBreak))
        let mixed = CueText([.text("He said "), .span(Span(.bold), [.text("never again")]), .text(" and walked out of the door for good")])
        let r2 = WrapStep().apply(Track(cues: [Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 4000))!, text: mixed)]), in: ctx)
        #expect(r2.track.cues[0].text.nodes.contains(.span(Span(.bold), [.text("never again")])))
        #expect(r2.track.cues[0].text.lines.count == 2)
    }

    @Test func reportsUnfixableAndIsIdempotent() {
        let long = String(repeating: "Really long sentence here. ", count: 6)
        let ctx = LocalizeContext(region: Regions["en-US"], orientation: .landscape)
        let first = WrapStep().apply(track([cue("1", 0, 3000, long)]), in: ctx)
        #expect(first.changes.contains { $0.kind == .unfixable })
        #expect(first.track.cues[0].text.lines.count == 2)
        let second = WrapStep().apply(first.track, in: ctx)
        #expect(second.track == first.track)
    }
}
