import Annotate
import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB
import TextServices

/// An in-process throughput benchmark for `SymbolMatcher` on synthetic Chinese dialogue.
///
/// The symbols are built from the same pool of common characters as the text, so many text characters
/// are in some pattern (harder than real glossaries). Call from a bench executable built with `-c release`.
public enum MatcherBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var symbols: Int
        public var patterns: Int
        /// One-time cost per process: the Traditional → Simplified table from ICU (0 when already built).
        public var foldTableSeconds: Double
        public var buildSeconds: Double
        public var textBytes: Int
        public var matchesPerPass: Int
        public var seconds: Double
        public var megabytesPerSecond: Double { Double(textBytes) / seconds / 1_000_000 }

        public var description: String {
            String(format: "matcher: %d symbols, %d patterns, build %.1f ms; %.1f MB of Chinese text, %d matches/pass: %.1f MB/s (thread CPU time)",
                   symbols, patterns, buildSeconds * 1000, Double(textBytes) / 1_000_000, matchesPerPass, megabytesPerSecond)
        }
    }

    /// `symbolCount` synthetic symbols with four forms each (Simplified, Traditional, two aliases).
    public static func syntheticSymbols(count symbolCount: Int = 300, seed: UInt64 = 42) -> [Symbol] {
        var random = SplitMix(seed: seed)
        let pool = Array(commonCharacters)
        func word(_ length: Int) -> String { String((0..<length).map { _ in pool[Int(random.next() % UInt64(pool.count))] }) }
        return (0..<symbolCount).map { i in
            let head = word(2 + Int(random.next() % 3))
            return Symbol(id: "bench-\(i)", category: .value, context: .medium,
                          forms: Forms(simplified: [head], traditional: [HanScriptFoldBench.traditional(head)],
                                       pinyin: ["bench pinyin \(i)"], aliases: [word(2 + Int(random.next() % 2)), word(3)]),
                          gloss: ["en": "Synthetic."])
        }
    }

    /// About `bytes` of synthetic dialogue lines made of common characters and punctuation.
    public static func syntheticText(bytes: Int = 8_000_000, seed: UInt64 = 7) -> String {
        var random = SplitMix(seed: seed)
        let pool = Array(commonCharacters)
        let punctuation: [Character] = ["，", "。", "！", "？", "\n"]
        var text = ""
        text.reserveCapacity(bytes + 64)
        while text.utf8.count < bytes {
            for _ in 0..<(8 + Int(random.next() % 12)) { text.append(pool[Int(random.next() % UInt64(pool.count))]) }
            text.append(punctuation[Int(random.next() % UInt64(punctuation.count))])
        }
        return text
    }

    /// Time to build the Traditional → Simplified fold table from ICU, a once-per-process cost: call first,
    /// before anything else touches the table (later calls give about 0).
    public static func foldTableSeconds() -> Double {
        let start = Date()
        _ = HanScriptFold.traditionalToSimplified.count
        return Date().timeIntervalSince(start)
    }

    /// Builds a matcher for `symbols` and times `iterations` passes over `text`.
    public static func run(symbols: [Symbol] = syntheticSymbols(), text: String = syntheticText(), iterations: Int = 5) -> Result {
        let foldTable = foldTableSeconds()
        _ = HanScriptFoldBench.warmUp()
        let buildStart = Date()
        let matcher = SymbolMatcher(symbols: symbols, options: .chinese)
        let build = Date().timeIntervalSince(buildStart)
        var matches = matcher.countMatches(in: text)   // warm-up pass
        // Thread CPU time: other processes on a shared machine do not count against the matcher.
        let start = threadCPUSeconds()
        for _ in 0..<iterations { matches = matcher.countMatches(in: text) }
        let seconds = (threadCPUSeconds() - start) / Double(iterations)
        return Result(symbols: symbols.count, patterns: matcher.patternCount, foldTableSeconds: foldTable, buildSeconds: build,
                      textBytes: text.utf8.count, matchesPerPass: matches, seconds: seconds)
    }

    static func threadCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// 500 frequent characters of Chinese dialogue.
    static let commonCharacters = """
    的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都\
    然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回\
    二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气\
    信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常\
    提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱\
    让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强\
    步完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广\
    改议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坏兴急笔精病房姐妈爸哥奶爷孙哭饭
    """.filter { !$0.isWhitespace && $0 != "\\" }
}

/// Traditional spellings for the synthetic forms (ICU's per-character fold, reversed).
enum HanScriptFoldBench {
    static let simplifiedToTraditional: [Character: Character] = {
        var map: [Character: Character] = [:]
        for (t, s) in HanScriptFold.traditionalToSimplified {
            if let ts = Unicode.Scalar(t), let ss = Unicode.Scalar(s), map[Character(ss)] == nil { map[Character(ss)] = Character(ts) }
        }
        return map
    }()
    static func warmUp() -> Int { simplifiedToTraditional.count }
    static func traditional(_ text: String) -> String { String(text.map { simplifiedToTraditional[$0] ?? $0 }) }
}

/// SplitMix64: a tiny deterministic generator for repeatable synthetic data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
