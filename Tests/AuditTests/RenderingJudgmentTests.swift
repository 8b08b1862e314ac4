@testable import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

@Suite("Rendering judgment")
struct RenderingJudgmentTests {
    func finds(_ term: String, _ line: String, _ language: String = "en") -> Bool {
        let m = TolerantTermMatcher(language: language)
        return m.match(term, in: m.prepare(line)) != nil
    }

    @Test("English: case, plural, possessive, articles, -ed/-ing, British spelling, irregular forms")
    func english() {
        #expect(finds("mooncake", "I'll keep the Mooncakes."))
        #expect(finds("red envelope", "Keep your red envelopes."))
        #expect(finds("Dragon King", "the Dragon King's Hall"))
        #expect(finds("fail to recognize a great man", "We failed to recognise a great man."))
        #expect(finds("sleep on firewood and taste gall", "Three years I've slept on firewood and tasted gall."))
        #expect(finds("leftover women", "You're a leftover woman!"))
    }

    @Test("content words in any order, and a generic head left out")
    func wordOrderAndHeads() {
        #expect(finds("never look down on a poor young man", "Never look down on a young man for being poor!"))
        #expect(finds("Mid-Autumn Festival", "Happy Mid-Autumn, my love."))
        #expect(!finds("Mid-Autumn Festival", "Happy festival, my love."), "the generic head alone is not the term")
        #expect(!finds("never look down on a poor young man", "Never look down."))
    }

    @Test("Spanish, Portuguese, French and German inflection and articles")
    func romanceAndGerman() {
        #expect(finds("pastel de luna", "Te traje los pasteles de luna.", "es"))
        #expect(finds("Festival de Medio Otoño", "¡Feliz Medio Otoño!", "es"))
        #expect(finds("bolo lunar", "Comprei bolos lunares.", "pt") || finds("bolo da lua", "Comprei os bolos da lua.", "pt"))
        #expect(finds("gâteau de lune", "J'ai acheté des gâteaux de lune.", "fr"))
        #expect(finds("l'enveloppe rouge", "Garde ton enveloppe rouge.", "fr"))
        #expect(finds("Mondkuchen", "Ich habe die Mondkuchen gekauft.", "de"))
        #expect(finds("roter Umschlag", "Hier ist ein roter Umschlag.", "de"))
    }

    @Test("Arabic: harakat, tatweel, alef variants and attached particles")
    func arabic() {
        #expect(finds("الأيام دول", "الأيامُ دُوَل يا صديقي", "ar"))
        #expect(finds("الأيام دول", "الايـــام دول", "ar"))
        #expect(finds("كعكة القمر", "وكعكة القمر", "ar"))
        #expect(finds("القمر", "احتفلنا بالقمر", "ar"))
        #expect(!finds("كعكة القمر", "القمر جميل", "ar"))
    }

    @Test("Thai: matched without word spaces")
    func thai() {
        #expect(finds("ขนมไหว้พระจันทร์", "แม่ซื้อขนมไหว้พระจันทร์มาให้", "th"))
        #expect(finds("ขนม ไหว้ พระจันทร์", "แม่ซื้อขนมไหว้พระจันทร์มาให้", "th"))
        #expect(!finds("ขนมไหว้พระจันทร์", "แม่ซื้อขนมมาให้", "th"))
    }

    @Test("shortened and preferred renderings are the same rendering for consistency")
    func sameRendering() {
        let m = TolerantTermMatcher(language: "en")
        #expect(m.isSameRendering("live-in son-in-law", "son-in-law"))
        #expect(m.isSameRendering("Mid-Autumn Festival", "Mid-Autumn"))
        #expect(!m.isSameRendering("Noble Consort", "Precious Consort"))
    }

    @Test("a negated source form never expects its opposite")
    func antonyms() throws {
        let symbol = Symbol(id: "filial-piety", category: .value, context: .high,
                            forms: Forms(simplified: ["孝道", "孝顺", "不孝"]), gloss: ["en": "Duty to parents."],
                            renderings: ["en": Renderings(preferred: ["filial piety"], admitted: ["filial duty", "unfilial"])])
        let renderings = try #require(ResolvedRenderings(symbol: symbol, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        #expect(RenderingJudge.isNegatedForm("不孝", of: symbol))
        #expect(!RenderingJudge.isNegatedForm("孝顺", of: symbol))
        #expect(judge.expected(renderings, form: "不孝", symbol: symbol) == "unfilial")
        #expect(judge.expected(renderings, form: "孝顺", symbol: symbol) == "filial piety")
    }

    @Test("address terms need no rendering; a missing ordinary symbol is still reported")
    func addressTerms() throws {
        let you = Symbol(id: "polite-you", category: .kinship, context: .medium, forms: Forms(simplified: ["您"]),
                         gloss: ["en": "Polite you."],
                         renderings: ["en": Renderings(preferred: ["sir", "ma'am"], alignedOnly: ["sir", "ma'am"])])
        let cake = Symbol(id: "mooncake", category: .food, context: .medium, forms: Forms(simplified: ["月饼"]),
                          gloss: ["en": "A pastry."], renderings: ["en": Renderings(preferred: ["mooncake"])])
        let source = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "妈，您吃月饼。")])
        let target = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "Mom, have some cake.")])
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: [you, cake])
        let result = auditor.audit(EpisodeInput(episode: "e", target: target, targetFile: "e.en.srt", source: source, sourceFile: "e.zh.srt"))
        let glossary = result.findings.filter { $0.rule.hasPrefix("glossary.") }
        #expect(glossary.map(\.symbolID) == ["mooncake"], "\(glossary.map(\.message))")
        #expect(!glossary.contains { $0.fix?.contains("sir") == true })
    }

    @Test("a rendering two symbols share is unexpected only when neither is in the aligned source, and once")
    func sharedRenderings() throws {
        func symbol(_ id: String, _ zh: String) -> Symbol {
            Symbol(id: id, category: .trope, context: .medium, forms: Forms(simplified: [zh]), gloss: ["en": "A title."],
                   renderings: ["en": Renderings(preferred: ["Dragon King"])])
        }
        let symbols = [symbol("longwang", "龙王"), symbol("sea-dragon-king", "海龙王")]
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: symbols)
        func glossary(_ source: String) throws -> [Finding] {
            let s = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: source)])
            let t = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "The Dragon King is here.")])
            return auditor.audit(EpisodeInput(episode: "e", target: t, targetFile: "e.en.srt", source: s, sourceFile: "e.zh.srt"))
                .findings.filter { $0.rule.hasPrefix("glossary.") }
        }
        #expect(try glossary("龙王来了。").isEmpty)
        let neither = try glossary("他来了。")
        #expect(neither.map(\.rule) == ["glossary.unexpected-symbol"])
        #expect(neither.first?.message.contains("one of longwang (龙王), sea-dragon-king (海龙王)") == true, "\(neither.map(\.message))")
    }

    @Test("register changes are consistent; a translation then a transliteration is not")
    func registerAndTransliteration() throws {
        let emperor = Symbol(id: "emperor", category: .history, context: .medium, forms: Forms(simplified: ["皇上"], pinyin: ["huangshang"]),
                             gloss: ["en": "The emperor."],
                             renderings: ["en": Renderings(preferred: ["Your Majesty", "the Emperor"], admitted: ["His Majesty"],
                                                           alignedOnly: ["Your Majesty", "His Majesty"])])
        let master = Symbol(id: "shifu", category: .kinship, context: .medium, forms: Forms(simplified: ["师父"], pinyin: ["shīfu", "shifu"]),
                            gloss: ["en": "Teacher."],
                            renderings: ["en": Renderings(preferred: ["Master"], admitted: ["Shifu", "teacher"], alignedOnly: ["Master", "teacher"])])
        let consort = Symbol(id: "guifei", category: .history, context: .medium, forms: Forms(simplified: ["贵妃"]), gloss: ["en": "Consort."],
                             renderings: ["en": Renderings(preferred: ["Noble Consort"], admitted: ["Imperial Consort"])])
        let m = TolerantTermMatcher(language: "en")
        func inconsistent(_ s: Symbol, _ a: String?, _ b: String?) throws -> Bool {
            RenderingJudge.isInconsistent(a, b, symbol: s, try #require(ResolvedRenderings(symbol: s, keys: ["en"])), m)
        }
        #expect(try !inconsistent(emperor, "His Majesty", "the Emperor"), "address and reference: a register change")
        #expect(try !inconsistent(emperor, "Your Majesty", "the Emperor"), "two preferred terms")
        #expect(try inconsistent(master, "Master", "Shifu"), "a translation, then a transliteration")
        #expect(try !inconsistent(master, "Master", "teacher"), "two everyday terms")
        #expect(try inconsistent(consort, "Noble Consort", nil), "a distinctive title, then a paraphrase")
        #expect(try inconsistent(consort, "Noble Consort", "Imperial Consort"), "two distinctive titles")
    }

    @Test("a listed term beats a calque, and a calque beats a paraphrase")
    func calqueAgainstParaphrase() throws {
        let saying = Symbol(id: "qingshan", category: .idiom, context: .medium, forms: Forms(simplified: ["青山不改"]), gloss: ["en": "Farewell."],
                            renderings: ["en": Renderings(preferred: ["our paths will cross again"], deprecated: ["green mountains"],
                                                          paraphrases: ["meet again"])])
        let r = try #require(ResolvedRenderings(symbol: saying, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        func verdict(_ line: String) -> RenderingJudge.Verdict { judge.judge(r, in: [(cue: 0, text: judge.matcher.prepare(line))]) }
        #expect(verdict("The green mountains stay. We'll meet again!") == .deprecated(term: "green mountains", cue: 0))
        #expect(verdict("Green mountains stay: our paths will cross again.") == .rendered(term: "our paths will cross again", cue: 0))
        #expect(verdict("We'll meet again!") == .rendered(term: "meet again", cue: 0))
    }

    @Test("a negated line does not render the term; 'had'/'did' meet 'have'/'do'")
    func negationAndAuxiliaries() throws {
        let m = TolerantTermMatcher(language: "en")
        #expect(m.isNegated("we'll meet again", in: m.prepare("Farewell. We'll never meet again!")))
        #expect(!m.isNegated("we'll meet again", in: m.prepare("Farewell. We'll meet again!")))
        #expect(!m.isNegated("I didn't know who you were", in: m.prepare("I didn't know who you were!")), "the term's own negation")
        #expect(finds("have eyes but not recognize Mount Tai", "I had eyes but did not recognize Mount Tai!"))
        let farewell = Symbol(id: "houhui", category: .idiom, context: .medium, forms: Forms(simplified: ["后会有期"]), gloss: ["en": "Farewell."],
                              renderings: ["en": Renderings(preferred: ["until we meet again"], admitted: ["we'll meet again"])])
        let r = try #require(ResolvedRenderings(symbol: farewell, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        #expect(judge.judge(r, in: [(cue: 0, text: m.prepare("We'll never meet again!"))]) == .missing)
    }

    @Test("pinyin listed as deprecated is a pinyin leftover, once for symbols that share it; a term in the next cue renders a reference")
    func sharedPinyinAndNeighbours() throws {
        func symbol(_ id: String, _ zh: String, _ preferred: String) -> Symbol {
            Symbol(id: id, category: .trope, context: .medium, forms: Forms(simplified: [zh], pinyin: ["Lóngwáng", "Longwang"]),
                   gloss: ["en": "A title."], renderings: ["en": Renderings(preferred: [preferred], deprecated: ["Longwang"])])
        }
        let cake = Symbol(id: "mooncake", category: .food, context: .medium, forms: Forms(simplified: ["月饼"]),
                          gloss: ["en": "A pastry."], renderings: ["en": Renderings(preferred: ["mooncake"])])
        let auditor = TrackAuditor(region: AuditFixtures.region,
                                   symbols: [symbol("longwang", "龙王", "Dragon King"), symbol("sea-dragon-king", "东海龙王", "Dragon King of the East Sea"), cake])
        func cues(_ texts: [String]) throws -> Track {
            Track(cues: try texts.enumerated().map { i, t in
                try Cue(start: Timestamp(milliseconds: Int64(i) * 2000), end: Timestamp(milliseconds: Int64(i) * 2000 + 1900), text: t)
            })
        }
        let source = try cues(["参见龙王！", "把月饼换成五仁的。", "皇上最讨厌五仁月饼了！"])
        let target = try cues(["We salute you, Longwang!", "Switch the mooncakes to five-nut.", "His Majesty hates those!"])
        let findings = auditor.audit(EpisodeInput(episode: "e", target: target, targetFile: "e.en.srt", source: source, sourceFile: "e.zh.srt"))
            .findings.filter { $0.rule.hasPrefix("glossary.") }
        #expect(findings.map(\.rule) == ["glossary.pinyin-leftover"], "\(findings.map(\.message))")
        #expect(findings.first?.symbolID == "longwang")
    }

    @Test("a rendering whose symbol's form is in the aligned source is not unexpected, even where a context rule cancels that match")
    func formInTheSourceExplainsItsRendering() throws {
        var cake = Symbol(id: "mooncake", category: .food, context: .medium, forms: Forms(simplified: ["月饼"]),
                          gloss: ["en": "A pastry."], renderings: ["en": Renderings(preferred: ["mooncake"])])
        cake.disambiguation = Disambiguation(notBefore: ["我收下"])
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: [cake])
        func cues(_ texts: [String]) throws -> Track {
            Track(cues: try texts.enumerated().map { i, t in
                try Cue(start: Timestamp(milliseconds: Int64(i) * 2000), end: Timestamp(milliseconds: Int64(i) * 2000 + 1900), text: t)
            })
        }
        let source = try cues(["月饼我收下了，红包你们自己留着。", "你们自己留着吧。"])
        let target = try cues(["I'll keep the mooncakes. Keep your red envelope.", "Keep the mooncakes."])
        let findings = auditor.audit(EpisodeInput(episode: "e", target: target, targetFile: "e.en.srt", source: source, sourceFile: "e.zh.srt"))
            .findings.filter { $0.rule == "glossary.unexpected-symbol" }
        // Cue 1 has 月饼 (cancelled by the context rule) and is explained; cue 2 has no 月饼 and stays a note.
        #expect(findings.map(\.location.cueIndex) == [1], "\(findings.map(\.message))")
    }

    @Test("a distinctive gloss word in the line is a sign of a paraphrase; a general one is not")
    func glossParaphrase() throws {
        let favour = Symbol(id: "chong-ai", category: .history, context: .medium, forms: Forms(simplified: ["圣宠"]),
                            gloss: ["en": "Being in or out of the emperor's favour; a favourite consort gains power."],
                            renderings: ["en": Renderings(preferred: ["in favour"])])
        let r = try #require(ResolvedRenderings(symbol: favour, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        let gloss = favour.gloss["en"]
        func verdict(_ line: String) -> RenderingJudge.Verdict { judge.judge(r, in: [(cue: 0, text: judge.matcher.prepare(line))], gloss: gloss) }
        #expect(verdict("She wants the Emperor all to herself.") == .paraphrased(cue: 0))
        #expect(verdict("She wants it all to herself.") == .missing)
        #expect(judge.judge(r, in: [(cue: 0, text: judge.matcher.prepare("She wants the Emperor all to herself."))]) == .missing, "without the gloss")
    }

    @Test("a word shared only through another symbol's rendering is no paraphrase: 'fake marriage' does not render 闪婚")
    func otherSymbolsWord() throws {
        let flash = Symbol(id: "shanhun", category: .trope, context: .medium, forms: Forms(simplified: ["闪婚"]), gloss: ["en": "Wedding within days."],
                           renderings: ["en": Renderings(preferred: ["flash marriage"], admitted: ["whirlwind marriage"])])
        let contract = Symbol(id: "contract-marriage", category: .trope, context: .medium, forms: Forms(simplified: ["契约婚姻"]),
                              gloss: ["en": "A sham marriage on paper."],
                              renderings: ["en": Renderings(preferred: ["contract marriage"], admitted: ["fake marriage"], alignedOnly: ["fake marriage"])])
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: [flash, contract])
        func glossary(_ line: String) throws -> [Finding] {
            let s = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "闪婚而已，不需要仪式。")])
            let t = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: line)])
            return auditor.audit(EpisodeInput(episode: "e", target: t, targetFile: "e.en.srt", source: s, sourceFile: "e.zh.srt"))
                .findings.filter { $0.rule.hasPrefix("glossary.") }
        }
        #expect(try glossary("It's a fake marriage. No need for a ceremony.").map(\.rule) == ["glossary.not-preferred"])
        #expect(try glossary("A marriage in a week? No need for a ceremony.").isEmpty, "the shared head alone is still a paraphrase sign")
        #expect(try glossary("A whirlwind marriage. No need for a ceremony.").isEmpty)
    }

    @Test("only a preferred term raises unexpected-symbol; an admitted one may render a term the glossary lacks")
    func unexpectedNeedsPreferred() throws {
        let heaven = Symbol(id: "jiuchongtian", category: .myth, context: .medium, forms: Forms(simplified: ["九重天"]), gloss: ["en": "The highest heaven."],
                            renderings: ["en": Renderings(preferred: ["Ninth Heaven"], admitted: ["Nine Heavens"])])
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: [heaven])
        func rules(_ line: String) throws -> [String] {
            let s = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: "这是九霄雷法！")])
            let t = Track(cues: [try Cue(start: .zero, end: Timestamp(milliseconds: 2000), text: line)])
            return auditor.audit(EpisodeInput(episode: "e", target: t, targetFile: "e.en.srt", source: s, sourceFile: "e.zh.srt"))
                .findings.filter { $0.rule.hasPrefix("glossary.") }.map(\.rule)
        }
        #expect(try rules("The Nine Heavens Thunder Art!").isEmpty)
        #expect(try rules("The Ninth Heaven Thunder Art!") == ["glossary.unexpected-symbol"])
    }

    /// Cues two seconds apart from `texts`.
    static func track(_ texts: [String]) throws -> Track {
        Track(cues: try texts.enumerated().map { i, t in
            try Cue(start: Timestamp(milliseconds: Int64(i) * 2000), end: Timestamp(milliseconds: Int64(i) * 2000 + 1900), text: t)
        })
    }

    static func glossaryFindings(_ symbols: [Symbol], source: [String], target: [String]) throws -> [Finding] {
        let auditor = TrackAuditor(region: AuditFixtures.region, symbols: symbols)
        return auditor.audit(EpisodeInput(episode: "e", target: try track(target), targetFile: "e.en.srt",
                                          source: try track(source), sourceFile: "e.zh.srt"))
            .findings.filter { $0.rule.hasPrefix("glossary.") }
    }

    @Test("a deprecated title after the episode's own title is one inconsistent finding; a deprecated festival name stays deprecated")
    func renamedTitle() throws {
        let consort = Symbol(id: "guifei", category: .court, context: .medium, forms: Forms(simplified: ["贵妃"]), gloss: ["en": "A consort rank."],
                             renderings: ["en": Renderings(preferred: ["Noble Consort"], deprecated: ["Precious Concubine"])])
        let festival = Symbol(id: "mid-autumn", category: .festival, context: .medium, forms: Forms(simplified: ["中秋节"]), gloss: ["en": "A festival."],
                              renderings: ["en": Renderings(preferred: ["Mid-Autumn Festival"], deprecated: ["Mooncake Festival"])])
        let title = try Self.glossaryFindings([consort], source: ["贵妃姐姐，是你吗？", "贵妃，凤印由你掌管。"],
                                              target: ["Noble Consort, was it you?", "Precious Concubine, hold the seal."])
        #expect(title.map(\.rule) == ["glossary.inconsistent"], "\(title.map(\.message))")
        #expect(title.first?.location.start == Timestamp(milliseconds: 2000))
        #expect(title.first?.expected == "Noble Consort")
        #expect(title.first?.fix?.contains("Replace 'Precious Concubine' with 'Noble Consort'") == true)
        let alone = try Self.glossaryFindings([consort], source: ["贵妃，凤印由你掌管。"], target: ["Precious Concubine, hold the seal."])
        #expect(alone.map(\.rule) == ["glossary.deprecated"], "without an earlier title it is the deprecated term")
        let feast = try Self.glossaryFindings([festival], source: ["中秋节到了。", "中秋节快乐！"],
                                              target: ["The Mid-Autumn Festival.", "Happy Mooncake Festival!"])
        #expect(feast.map(\.rule) == ["glossary.deprecated"], "\(feast.map(\.message))")
    }

    @Test("a referent the episode has named may be called 'her' or left out later; an idiom or a shared wrong word may not")
    func condensedReferent() throws {
        let consort = Symbol(id: "shufei", category: .court, context: .high, forms: Forms(simplified: ["淑妃"]), gloss: ["en": "A consort title."],
                             renderings: ["en": Renderings(preferred: ["Consort Shu"])])
        let named = try Self.glossaryFindings([consort], source: ["皇上翻了淑妃的牌子。", "又是她？", "淑妃仗着太后撑腰。"],
                                              target: ["His Majesty summoned Consort Shu.", "Her again?", "And the old lady backs her."])
        #expect(named.isEmpty, "\(named.map(\.message))")
        let first = try Self.glossaryFindings([consort], source: ["你好。", "又是她？", "淑妃仗着太后撑腰。"],
                                              target: ["Hello.", "Her again?", "And the old lady backs her."])
        #expect(first.map(\.rule) == ["glossary.not-preferred"], "not named before: the line drops it")
        let idiom = Symbol(id: "wo-xin", category: .idiom, context: .high, forms: Forms(simplified: ["卧薪尝胆"]), gloss: ["en": "Endure hardship for revenge."],
                           renderings: ["en": Renderings(preferred: ["bide one's time"])])
        let saying = try Self.glossaryFindings([idiom], source: ["他卧薪尝胆。", "后来呢？", "我也要卧薪尝胆。"],
                                               target: ["He bided his time.", "And then?", "Me too, then."])
        #expect(saying.map(\.rule) == ["glossary.not-preferred"], "an idiom's sense belongs to its own line")
        let flash = Symbol(id: "shanhun", category: .history, context: .medium, forms: Forms(simplified: ["闪婚"]), gloss: ["en": "Wedding within days."],
                           renderings: ["en": Renderings(preferred: ["whirlwind marriage"])])
        let wrong = try Self.glossaryFindings([flash], source: ["他们闪婚了。", "真的？", "闪婚而已。"],
                                              target: ["They had a whirlwind marriage.", "Really?", "It's a fake marriage."])
        #expect(wrong.map(\.rule) == ["glossary.inconsistent"] || wrong.map(\.rule) == ["glossary.not-preferred"],
                "a line sharing a word with the term is judged, not passed as condensed: \(wrong.map(\.message))")
    }

    @Test("pinyin read from the source characters is a leftover in any spelling; not for a place or a pinyin the glossary admits")
    func pinyinByReading() throws {
        let kitchen = Symbol(id: "yushanfang", category: .court, context: .medium, forms: Forms(simplified: ["御膳房"]), gloss: ["en": "Imperial kitchen."],
                             renderings: ["en": Renderings(preferred: ["imperial kitchen"])])
        let found = try Self.glossaryFindings([kitchen], source: ["去御膳房。"], target: ["Go to the Yu Shan Fang."])
        #expect(found.map(\.rule) == ["glossary.pinyin-leftover"], "\(found.map(\.message))")
        #expect(found.first?.text == "Yu Shan Fang")
        #expect(found.first?.fix == "Replace 'Yu Shan Fang' with 'imperial kitchen'.")
        #expect(try Self.glossaryFindings([kitchen], source: ["去御膳房。"], target: ["Go to the imperial kitchen."]).isEmpty)
        let city = Symbol(id: "jiangcheng", category: .place, context: .low, forms: Forms(simplified: ["江城"]), gloss: ["en": "A city."],
                          renderings: ["en": Renderings(preferred: ["this city"])])
        #expect(try Self.glossaryFindings([city], source: ["江城是我的。"], target: ["Jiangcheng is mine."]).allSatisfy { $0.rule != "glossary.pinyin-leftover" })
        let moon = Symbol(id: "chang-e", category: .myth, context: .medium, forms: Forms(simplified: ["嫦娥"]), gloss: ["en": "Moon goddess."],
                          renderings: ["en": Renderings(preferred: ["Chang'e"])])
        #expect(try Self.glossaryFindings([moon], source: ["嫦娥在月亮上。"], target: ["Chang-e is on the moon."]).isEmpty)
        #expect(PinyinReading.leftover(of: "御膳房", in: "Yushanfang!") == "Yushanfang")
        #expect(PinyinReading.leftover(of: "御膳房", in: "You shan't find it.") == nil)
    }

    @Test("a calque is found by the words of its literal reading in any wording; the literal words are no paraphrase sign")
    func calqueByLiteralWords() throws {
        let basin = Symbol(id: "jin-pen", category: .idiom, context: .high, forms: Forms(simplified: ["金盆洗手"]),
                           gloss: ["en": "Lit. 'wash one's hands in a golden basin': retire from the martial world for good."],
                           renderings: ["en": Renderings(preferred: ["retire from the martial world"], admitted: ["hang up his sword"])])
        let r = try #require(ResolvedRenderings(symbol: basin, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        let gloss = basin.gloss["en"]
        func verdict(_ line: String) -> RenderingJudge.Verdict { judge.judge(r, in: [(cue: 0, text: judge.matcher.prepare(line))], gloss: gloss) }
        #expect(verdict("Tomorrow he washes his hands in the golden basin.") == .calque(words: ["basin", "golden", "hand", "wash"], cue: 0))
        #expect(verdict("Tomorrow he retires from the martial world.") == .rendered(term: "retire from the martial world", cue: 0))
        #expect(verdict("Tomorrow he'll wash his hands of it.") == .missing, "half the literal words are no calque, nor a paraphrase")
        let parts = RenderingJudge.glossParts(gloss ?? "")
        #expect(parts.literal == "wash one's hands in a golden basin")
        #expect(parts.sense.contains("retire") && !parts.sense.contains("basin"))
        #expect(RenderingJudge.glossParts("'Green tea': a fake-innocent schemer.").literal == "Green tea")
        #expect(RenderingJudge.glossParts("Duty to parents.").literal == nil)
        let found = try Self.glossaryFindings([basin], source: ["萧盟主明日金盆洗手。"], target: ["Xiao washes his hands in a gold basin tomorrow."])
        #expect(found.map(\.rule) == ["glossary.deprecated"], "\(found.map(\.message))")
        #expect(found.first?.fix?.contains("retire from the martial world") == true)
    }

    @Test("a title written with a name is carried by the name in the line; without the name it is still missing")
    func titleCarriedByName() throws {
        let leader = Symbol(id: "mengzhu", category: .martial, context: .high, forms: Forms(simplified: ["盟主"]), gloss: ["en": "Alliance chief."],
                            renderings: ["en": Renderings(preferred: ["Alliance Leader"])])
        #expect(try Self.glossaryFindings([leader], source: ["萧盟主明日退隐。"], target: ["Xiao retires tomorrow."]).isEmpty)
        #expect(try Self.glossaryFindings([leader], source: ["萧盟主明日退隐。"], target: ["He retires tomorrow."]).map(\.rule) == ["glossary.not-preferred"])
        #expect(PinyinReading.nameBeside("总", in: "顾总，您来了。", isIn: "Mr. Gu, you're here."))
        #expect(!PinyinReading.nameBeside("总", in: "顾总，您来了。", isIn: "Boss, you're here."))
    }

    @Test("Chinese left in the line names the symbol and its rendering in the fix")
    func chineseLeftNamesRendering() throws {
        let core = Symbol(id: "jindan", category: .cultivation, context: .high, forms: Forms(simplified: ["金丹"]), gloss: ["en": "Golden core realm."],
                          renderings: ["en": Renderings(preferred: ["Golden Core"])])
        let found = try Self.glossaryFindings([core], source: ["他已到金丹期。"], target: ["He's reached the 金丹 stage."])
        let chinese = try #require(found.first { $0.rule == "glossary.untranslated-chinese" })
        #expect(chinese.expected == "Golden Core")
        #expect(chinese.fix == "Replace '金丹' with 'Golden Core'.")
        #expect(chinese.symbolID == "jindan")
    }

    @Test("the expected term of a symbol covering several named titles is the one spelling this form's name")
    func expectedNamedTitle() throws {
        let consorts = Symbol(id: "sifei", category: .court, context: .high, forms: Forms(simplified: ["淑妃", "华妃"]), gloss: ["en": "Consort titles."],
                              renderings: ["en": Renderings(preferred: ["Consort Hua", "Consort Shu"])])
        let r = try #require(ResolvedRenderings(symbol: consorts, keys: ["en"]))
        let judge = RenderingJudge(language: "en")
        #expect(judge.expected(r, form: "淑妃", symbol: consorts) == "Consort Shu")
        #expect(judge.expected(r, form: "华妃", symbol: consorts) == "Consort Hua")
    }

    @Test("a referent named before and called by a new name here is not passed as condensed")
    func renamedReferentIsJudged() throws {
        let consort = Symbol(id: "guifei", category: .court, context: .medium, forms: Forms(simplified: ["贵妃"]), gloss: ["en": "A consort rank."],
                             renderings: ["en": Renderings(preferred: ["Noble Consort"])])
        let renamed = try Self.glossaryFindings([consort], source: ["贵妃姐姐，是你吗？", "不是我。", "贵妃，凤印由你掌管。"],
                                                target: ["Noble Consort, was it you?", "It wasn't me.", "Now then, Lady Hua, you hold the seal."])
        #expect(!renamed.isEmpty, "'Lady Hua' may be the consort renamed")
        let implicit = try Self.glossaryFindings([consort], source: ["贵妃姐姐，是你吗？", "不是我。", "贵妃，凤印由你掌管。"],
                                                 target: ["Noble Consort, was it you?", "It wasn't me.", "Now then, you hold the seal."])
        #expect(implicit.isEmpty, "\(implicit.map(\.message))")
    }

    @Test("a word that is the pinyin of the aligned source's own characters is no unexpected symbol")
    func pinyinOfSourceIsNotUnexpected() throws {
        let qi = Symbol(id: "qi", category: .cultivation, context: .medium, forms: Forms(simplified: ["真气"]), gloss: ["en": "Vital energy."],
                        renderings: ["en": Renderings(preferred: ["Qi"])])
        #expect(try Self.glossaryFindings([qi], source: ["今天是七夕。"], target: ["Today is Qi Xi."]).isEmpty)
        #expect(try Self.glossaryFindings([qi], source: ["今天是情人节。"], target: ["Today my Qi is strong."]).map(\.rule) == ["glossary.unexpected-symbol"])
        #expect(PinyinReading.spells("Qi", in: ["今天是七夕。"]))
        #expect(!PinyinReading.spells("Qi", in: ["今天是情人节。"]))
    }

    @Test("a form with an honorific is compared with its core form for consistency; two named forms stay apart")
    func consistencyAcrossHonorificForms() throws {
        let prince = Symbol(id: "crown-prince", category: .history, context: .medium, forms: Forms(simplified: ["太子", "太子殿下", "皇太子"]),
                            gloss: ["en": "Heir to the throne."], renderings: ["en": Renderings(preferred: ["crown prince"], admitted: ["heir apparent"])])
        #expect(GlossaryRules.coreForm("太子殿下", of: prince) == "太子")
        #expect(GlossaryRules.coreForm("太子", of: prince) == "太子")
        let found = try Self.glossaryFindings([prince], source: ["太子殿下回宫了。", "那又如何？", "太子，您请。"],
                                              target: ["The Crown Prince is back.", "So what?", "After you, Prince Successor."])
        #expect(found.map(\.rule) == ["glossary.inconsistent"], "\(found.map(\.message))")
        let consorts = Symbol(id: "sifei", category: .court, context: .high, forms: Forms(simplified: ["淑妃", "华妃"]), gloss: ["en": "Consort titles."],
                              renderings: ["en": Renderings(preferred: ["Consort Shu", "Consort Hua"], admitted: ["Virtuous Consort"])])
        #expect(GlossaryRules.coreForm("华妃", of: consorts) == "华妃")
        let two = try Self.glossaryFindings([consorts], source: ["淑妃来了。", "那又如何？", "华妃也来了。"],
                                            target: ["Consort Shu is here.", "So what?", "The Virtuous Consort too."])
        #expect(!two.contains { $0.rule == "glossary.inconsistent" }, "\(two.map(\.message))")
    }
}
