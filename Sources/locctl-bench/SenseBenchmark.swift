import Foundation
import SymbolDB

/// Matching throughput with and without sense models, in one run, on synthetic Chinese dialogue.
///
/// The synthetic glossary of ``MatcherBenchmark`` gets 30 more symbols whose forms have sense examples, written
/// with characters outside the dialogue pool: on the plain text no candidate is ambiguous (the cost of carrying
/// models), and on a second text they occur about once per 200 bytes (the cost of deciding).
public enum SenseBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var models: Int
        public var buildWithoutModelsSeconds: Double
        public var buildWithModelsSeconds: Double
        public var textBytes: Int
        /// MB/s on text with no ambiguous form: the matcher without sense models, then with them.
        public var plainWithout: Double
        public var plainWith: Double
        /// MB/s on text where ambiguous forms occur, with the models deciding.
        public var ambiguousWith: Double
        public var ambiguousCandidates: Int

        public var description: String {
            String(format: "senses: %d models; build %.1f ms without / %.1f ms with (training included); %.1f MB text with no ambiguous form: %.1f MB/s without models, %.1f MB/s with; text with %d ambiguous candidates: %.1f MB/s",
                   models, buildWithoutModelsSeconds * 1000, buildWithModelsSeconds * 1000, Double(textBytes) / 1_000_000,
                   plainWithout, plainWith, ambiguousCandidates, ambiguousWith)
        }
    }

    /// Characters outside ``MatcherBenchmark``'s dialogue pool, for the ambiguous forms.
    static let rarePool = Array("甥舅侄婶姨叔伯嫂姊妹媳婿姬嫔妃卿侯爵阁殿宸阙陛銮辇玺诏谕旨敕禅佛仙妖魔鬼怪灵狐凰麟鹤")

    /// 30 symbols with sense examples (10 of each sense), forms from ``rarePool``.
    static func ambiguousSymbols(seed: UInt64 = 99) -> [Symbol] {
        var random = SplitMix(seed: seed)
        let common = Array(MatcherBenchmark.commonCharacters)
        func pick(_ pool: [Character]) -> Character { pool[Int(random.next() % UInt64(pool.count))] }
        func filler(_ count: Int) -> String { String((0..<count).map { _ in pick(common) }) }
        return (0..<30).map { i in
            let form = String([rarePool[(2 * i) % rarePool.count], rarePool[(2 * i + 1 + i / 20) % rarePool.count]])
            let symbolLines = (0..<10).map { _ in filler(4) + form + "到了" + filler(3) }
            let ordinaryLines = (0..<10).map { _ in filler(3) + "这" + form + filler(5) }
            return Symbol(id: "ambiguous-\(i)", category: .trope, context: .medium,
                          forms: Forms(simplified: [form]), gloss: ["en": "Synthetic."],
                          examples: [form: SenseExamples(symbol: symbolLines, ordinary: ordinaryLines)])
        }
    }

    public static func run(iterations: Int = 5) -> Result {
        let symbols = MatcherBenchmark.syntheticSymbols() + ambiguousSymbols()
        let plain = MatcherBenchmark.syntheticText()
        _ = MatcherBenchmark.foldTableSeconds()
        var start = Date()
        let without = SymbolMatcher(symbols: symbols, options: .chinese, senses: .empty)
        let buildWithout = Date().timeIntervalSince(start)
        start = Date()
        let with = SymbolMatcher(symbols: symbols, options: .chinese)
        let buildWith = Date().timeIntervalSince(start)

        var random = SplitMix(seed: 5)
        let forms = ambiguousSymbols().map { $0.forms.simplified[0] }
        var ambiguous = ""
        ambiguous.reserveCapacity(plain.utf8.count / 4 + 64)
        for line in plain.prefix(plain.count / 4).split(separator: "\n") {
            ambiguous += line
            if random.next() % 4 == 0 { ambiguous += forms[Int(random.next() % UInt64(forms.count))] + "到了" }
            ambiguous += "\n"
        }
        func throughput(_ matcher: SymbolMatcher, _ text: String) -> Double {
            _ = matcher.countMatches(in: text)
            let t0 = MatcherBenchmark.threadCPUSeconds()
            for _ in 0..<iterations { _ = matcher.countMatches(in: text) }
            return Double(text.utf8.count) / ((MatcherBenchmark.threadCPUSeconds() - t0) / Double(iterations)) / 1_000_000
        }
        let analysis = with.analyse(ambiguous)
        return Result(models: with.senseModelCount, buildWithoutModelsSeconds: buildWithout, buildWithModelsSeconds: buildWith,
                      textBytes: plain.utf8.count, plainWithout: throughput(without, plain), plainWith: throughput(with, plain),
                      ambiguousWith: throughput(with, ambiguous),
                      ambiguousCandidates: analysis.matches.filter { $0.sense != nil }.count + analysis.rejected.count)
    }
}
