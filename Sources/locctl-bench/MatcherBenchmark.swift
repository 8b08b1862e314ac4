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

// MARK: - Latency: store open, matcher build vs snapshot load, matching MB/s, one episode end to end vs convert

extension MatcherBenchmark {
    /// `locctl-bench latency`: what one-episode commands cost beyond process start-up (issue 18 item 2, issue 11).
    ///
    /// In process (shipped glossary, a fresh cache directory): store build and open, sense-model decoding, each
    /// matcher built vs loaded from its snapshot, and matching MB/s of the built and the loaded matcher and of one
    /// without sense models, on corpus lines with no ambiguous form. Then, as processes: `convert`, `annotate` and
    /// `audit` of one episode for one region, best of `runs`, with matcher snapshots and without
    /// (`LOCCTL_MATCHER_SNAPSHOTS=0`), and optionally an older `locctl` binary, each as a ratio to `convert`.
    public static func latency(corpus: URL?, locctl: URL, baseline: URL?, region: String = "en-US", runs: Int = 5) throws -> [String: Any] {
        var report: [String: Any] = [:]
        let glossary = try DataDirectoryLocator(.glossaries).locate()
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-latency-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let cache = scratch.appendingPathComponent("cache")
        func ms(_ seconds: Double) -> Double { (seconds * 1e5).rounded() / 100 }
        func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
            let t0 = DispatchTime.now().uptimeNanoseconds
            let value = try body()
            return (value, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
        }

        // Store: built once, then opened as every command opens it.
        let (_, build) = try timed { try SymbolStore.open(glossaryDirectory: glossary, cacheDirectory: cache, forceRebuild: true) }
        var open = Double.infinity
        var store: SymbolStore!
        for _ in 0..<max(1, runs) {
            let (opened, seconds) = try timed { try SymbolStore.open(glossaryDirectory: glossary, cacheDirectory: cache) }
            store = opened
            open = min(open, seconds)
        }
        report["store_build_ms"] = ms(build)
        report["store_open_ms"] = ms(open)
        report["symbols"] = store.allSymbols.count
        report["sense_models"] = store.senseModels.count

        // Before: every model decoded from the store's JSON (what opening used to do), then each matcher built.
        let (_, decode) = timed { store.senseModels.all.count }
        report["sense_models_decode_ms"] = ms(decode)
        var englishOptions = SymbolMatcher.Options.target(language: region)
        englishOptions.alignedOnlyTerms = .marked
        let configurations: [(String, SymbolMatcher.Options)] = [("chinese", .chinese), ("target_\(region)", englishOptions)]
        var matchers: [String: Any] = [:]
        for (name, options) in configurations {
            let (_, built) = timed { SymbolMatcher.building(symbols: store.allSymbols, options: options, senses: store.senseModels) }
            _ = SymbolMatcher(symbols: store.allSymbols, options: options)     // builds and writes the snapshot
            var load = Double.infinity
            var loaded: SymbolMatcher?
            for _ in 0..<max(1, runs) {
                let (matcher, seconds) = timed { store.loadMatcherSnapshot(options: options) }
                loaded = matcher
                load = min(load, seconds)
            }
            matchers[name] = ["build_ms": ms(built), "snapshot_load_ms": loaded == nil ? -1 : ms(load),
                              "patterns": loaded?.patternCount ?? 0, "sense_models": loaded?.senseModelCount ?? 0]
        }
        report["matchers"] = matchers
        report["snapshot_bytes"] = store.matcherSnapshotFiles.reduce(0) {
            $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? NSNumber)?.intValue ?? 0)
        }

        // Matching MB/s on corpus lines (or synthetic dialogue) with no ambiguous form, about 4 MB.
        let built = SymbolMatcher.building(symbols: store.allSymbols, options: .chinese, senses: store.senseModels)
        let withoutModels = SymbolMatcher.building(symbols: store.allSymbols, options: .chinese, senses: .empty)
        let loaded = store.loadMatcherSnapshot(options: .chinese) ?? built
        let source = corpus.flatMap { try? String(contentsOf: $0.appendingPathComponent("series.zh.txt"), encoding: .utf8) }
            ?? syntheticText(bytes: 400_000)
        let plainLines = source.split(separator: "\n").map(String.init).filter { line in
            let analysis = built.analyse(line)
            return analysis.rejected.isEmpty && analysis.matches.allSatisfy { $0.sense == nil }
        }
        var text = ""
        while text.utf8.count < 4_000_000 && !plainLines.isEmpty { text += plainLines.joined(separator: "\n") + "\n" }
        func throughput(_ matcher: SymbolMatcher) -> (mbps: Double, matches: Int) {
            var count = matcher.countMatches(in: text)
            let t0 = threadCPUSeconds()
            for _ in 0..<3 { count = matcher.countMatches(in: text) }
            return (Double(text.utf8.count) * 3 / (threadCPUSeconds() - t0) / 1e6, count)
        }
        let (b, l, w) = (throughput(built), throughput(loaded), throughput(withoutModels))
        report["matching"] = ["text_mb": Double(text.utf8.count) / 1e6, "text": corpus == nil ? "synthetic" : "series.zh.txt lines without ambiguous forms",
                              "built_with_models_mb_s": b.mbps.rounded(), "snapshot_with_models_mb_s": l.mbps.rounded(),
                              "without_models_mb_s": w.mbps.rounded(), "matches_built": b.matches, "matches_snapshot": l.matches,
                              "matches_without_models": w.matches]

        // One episode, one region, as processes.
        let episode: (zh: URL, en: URL)
        if let corpus {
            episode = (corpus.appendingPathComponent("episode.zh.srt"), corpus.appendingPathComponent("episode.en.srt"))
        } else {
            let example = glossary.deletingLastPathComponent().appendingPathComponent("examples/son-in-law")
            episode = (example.appendingPathComponent("ep01.zh.srt"), example.appendingPathComponent("ep01.en.srt"))
        }
        let out = scratch.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let commands: [(String, [String])] = [
            ("convert", ["convert", episode.en.path, "-o", out.appendingPathComponent("o.vtt").path, "-q", "--force"]),
            ("annotate", ["annotate", episode.en.path, "--source", episode.zh.path, "--region", region, "--out-dir", out.path, "-q",
                          "--glossary", glossary.path]),
            ("audit", ["audit", episode.en.path, "--source", episode.zh.path, "--region", region, "--glossary", glossary.path]),
        ]
        func best(_ binary: URL, _ arguments: [String], snapshots: Bool, cacheDirectory: URL) -> Double {
            var environment = ProcessInfo.processInfo.environment
            environment["LOCCTL_CACHE_DIR"] = cacheDirectory.path
            environment["LOCCTL_MATCHER_SNAPSHOTS"] = snapshots ? "1" : "0"
            var fastest = Double.infinity
            for run in 0...max(1, runs) {
                let process = Process()
                process.executableURL = binary
                process.arguments = arguments
                process.environment = environment
                process.currentDirectoryURL = glossary.deletingLastPathComponent()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                let t0 = DispatchTime.now().uptimeNanoseconds
                guard (try? process.run()) != nil else { return -1 }
                process.waitUntilExit()
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
                if run > 0 { fastest = min(fastest, seconds) }      // the first run warms the cache
            }
            return fastest
        }
        var endToEnd: [String: Any] = ["episode": episode.en.path, "region": region, "runs": runs]
        var variants: [(String, URL, Bool)] = [("snapshots", locctl, true), ("no_snapshots", locctl, false)]
        if let baseline { variants.append(("baseline_binary", baseline, true)) }
        var summary: [String] = []
        for (variant, binary, snapshots) in variants {
            let variantCache = scratch.appendingPathComponent("cache-\(variant)")
            var times: [String: Double] = [:]
            for (name, arguments) in commands { times[name] = best(binary, arguments, snapshots: snapshots, cacheDirectory: variantCache) }
            let convert = times["convert"] ?? 0
            let annotateRatio = (times["annotate"] ?? 0) / convert, auditRatio = (times["audit"] ?? 0) / convert
            endToEnd[variant] = ["convert_ms": ms(convert), "annotate_ms": ms(times["annotate"] ?? 0), "audit_ms": ms(times["audit"] ?? 0),
                                 "annotate_vs_convert": (annotateRatio * 100).rounded() / 100, "audit_vs_convert": (auditRatio * 100).rounded() / 100]
            summary.append(String(format: "%@: convert %.1f ms, annotate %.1f ms (%.2f×), audit %.1f ms (%.2f×)", variant,
                                  convert * 1000, (times["annotate"] ?? 0) * 1000, annotateRatio, (times["audit"] ?? 0) * 1000, auditRatio))
        }
        report["end_to_end"] = endToEnd
        if let snapshots = endToEnd["snapshots"] as? [String: Any] { report["seconds"] = (snapshots["annotate_ms"] as? Double ?? 0) / 1000 }
        let zh = matchers["chinese"] as? [String: Any] ?? [:]
        report["note"] = String(format: "store open %.1f ms; Chinese matcher build %.1f ms vs snapshot load %.1f ms; matching %.0f MB/s built, %.0f MB/s loaded, %.0f MB/s without models; ",
                                open * 1000, zh["build_ms"] as? Double ?? 0, zh["snapshot_load_ms"] as? Double ?? 0, b.mbps, l.mbps, w.mbps)
            + summary.joined(separator: "; ")
        return report
    }
}
