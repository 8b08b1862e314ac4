import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import SymbolDB

/// In-memory symbols and region profiles for step tests (the YAML glossary is not needed).
enum SymbolFixtures {
    static func symbol(_ id: String, _ category: SymbolDB.Category = .festival, simplified: [String], traditional: [String] = [],
                       pinyin: [String] = [], gloss: String = "Fixture gloss, long enough not to be used inline here.",
                       renderings: [String: Renderings] = [:]) -> Symbol {
        Symbol(id: id, category: category, context: .high,
               forms: Forms(simplified: simplified, traditional: traditional, pinyin: pinyin),
               gloss: ["en": gloss], renderings: renderings)
    }

    static let midAutumn = symbol("mid-autumn-festival", simplified: ["中秋节", "中秋"], traditional: ["中秋節", "中秋"],
                                  pinyin: ["Zhōngqiū Jié", "Zhongqiu Jie", "Zhongqiu"],
                                  renderings: ["en": Renderings(preferred: ["Mid-Autumn Festival"], admitted: ["Moon Festival", "Mid-Autumn"],
                                                                deprecated: ["Mooncake Festival"]),
                                               "es": Renderings(preferred: ["Festival del Medio Otoño"], deprecated: ["Fiesta de la Luna"]),
                                               "es-419": Renderings(preferred: ["Festival de la Luna"])])
    static let mooncake = symbol("mooncake", .food, simplified: ["月饼"], traditional: ["月餅"], pinyin: ["yuèbǐng", "yuebing"],
                                 renderings: ["en": Renderings(preferred: ["mooncake"], deprecated: ["moon cake"])])
    static let changE = symbol("chang-e", .myth, simplified: ["嫦娥"], pinyin: ["Cháng'é", "Chang'e"], gloss: "Moon goddess.",
                               renderings: ["en": Renderings(preferred: ["Chang'e"], admitted: ["Moon Goddess"])])
    static let houYi = symbol("hou-yi", .myth, simplified: ["后羿"], traditional: ["后羿"], pinyin: ["Hòu Yì", "Hou Yi"],
                              renderings: ["en": Renderings(preferred: ["Hou Yi"], admitted: ["the archer Hou Yi"])])
    static let jianghu = symbol("jianghu", .value, simplified: ["江湖"], pinyin: ["jiānghú", "jianghu"],
                                renderings: ["en": Renderings(preferred: ["martial world"], admitted: ["underworld of heroes"])])
    static let xiayi = symbol("xiayi", .value, simplified: ["侠义"], traditional: ["俠義"], pinyin: ["xiáyì", "xia yi", "xiayi"],
                              renderings: ["en": Renderings(preferred: ["chivalry"], admitted: ["honour"])])
    static let sonInLaw = symbol("live-in-son-in-law", .trope, simplified: ["赘婿"], traditional: ["贅婿"], pinyin: ["zhuìxù", "zhuixu"],
                                 renderings: ["en": Renderings(preferred: ["live-in son-in-law"], deprecated: ["house husband"])])
    static let dragonKing = symbol("dragon-king", .myth, simplified: ["龙王"], traditional: ["龍王"], pinyin: ["Lóngwáng", "Longwang"],
                                   renderings: ["en": Renderings(preferred: ["Dragon King"])])
    static let redEnvelope = symbol("red-envelope", .custom, simplified: ["红包"], traditional: ["紅包"], pinyin: ["hóngbāo", "hongbao"],
                                    renderings: ["en": Renderings(preferred: ["red envelope"], admitted: ["red packet"], deprecated: ["lucky money"])])
    /// Glossary override for the script step: OpenCC's s2t writes 人蔘果, the glossary 人參果.
    static let ginsengFruit = symbol("ginseng-fruit", .myth, simplified: ["人参果"], traditional: ["人參果"], pinyin: ["rénshēnguǒ"],
                                     renderings: ["en": Renderings(preferred: ["ginseng fruit"])])
    static let woxin = symbol("wo-xin-chang-dan", .idiom, simplified: ["卧薪尝胆"], traditional: ["臥薪嚐膽"], pinyin: ["wòxīn chángdǎn"],
                              renderings: ["en": Renderings(preferred: ["biding one's time"])])

    /// The son-in-law example series' symbols.
    static let series: [Symbol] = [midAutumn, mooncake, changE, houYi, jianghu, xiayi, sonInLaw, dragonKing, redEnvelope, woxin, ginsengFruit]

    static func byID(_ symbols: [Symbol]) -> [String: Symbol] { Dictionary(uniqueKeysWithValues: symbols.map { ($0.id, $0) }) }

    static let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func region(_ tag: String) -> RegionProfile {
        try! RegionLoader.loadFile(repoRoot.appendingPathComponent("regions/\(tag).yaml"))
    }

    static func context(_ tag: String = "en-US", symbols: [Symbol] = series, source: Track? = nil,
                        orientation: Orientation = .landscape) -> LocalizeContext {
        LocalizeContext(region: region(tag), orientation: orientation, source: source, symbols: byID(symbols))
    }

    /// A track of one-line cues, two seconds each, back to back.
    static func track(_ lines: [String], language: String? = nil) -> Track {
        Track(cues: lines.enumerated().map { i, line in
            try! Cue(start: Timestamp(milliseconds: Int64(i) * 2000), end: Timestamp(milliseconds: Int64(i) * 2000 + 2000), text: line)
        }, language: language)
    }
}
