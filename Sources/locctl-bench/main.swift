import Annotate
import Audit
import Foundation
import Localize
import Regions
import Subtitles
import SymbolDB

// In-process benchmarks, run by scripts/bench.py next to the Python peers. Build with -c release.
//   locctl-bench parse FILE                         read+parse a subtitle file
//   locctl-bench matcher TEXT --dictionary DICT      match a text file against a word list (one term per line)
//   locctl-bench matcher-synthetic                   synthetic throughput test (thread CPU time)
//   locctl-bench senses                              throughput without and with sense models, same run
//   locctl-bench store                               open the compiled store + build the matcher (shipped glossary)
//   locctl-bench latency [--corpus DIR] [--locctl BIN] [--baseline OLD_BIN] [--region R] [--runs N]
//                                                    one episode end to end vs convert, matcher snapshot vs build
//   locctl-bench breaks [--regions DIR] < TSV              re-break texts (scripts/break_eval.py)
//   locctl-bench localize|annotate|audit --corpus DIR   the 80-episode series of gen_corpus.py with the shipped
//                                                    glossary and region profiles
// Each prints one JSON object with "seconds".

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// CPU time of the calling thread (not disturbed by other processes on a shared core).
func threadCPUTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

func emit(_ object: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}

func option(_ name: String) -> String? {
    let args = CommandLine.arguments
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let args = Array(CommandLine.arguments.dropFirst())
switch args.first {
case "parse":
    guard args.count >= 2 else { fail("usage: locctl-bench parse FILE") }
    let start = now()
    let loaded = try SubtitleFile.read(URL(fileURLWithPath: args[1]))
    emit(["seconds": now() - start, "cues": loaded.track.cues.count, "encoding": loaded.encoding])

case "matcher":
    // --dictionary DICT: a word list; --glossary: the shipped glossary (Chinese matcher).
    guard args.count >= 2, option("--dictionary") != nil || args.contains("--glossary") else {
        fail("usage: locctl-bench matcher TEXT --dictionary DICT | --glossary")
    }
    let symbols: [Symbol]
    if let dict = option("--dictionary") {
        let words = try String(contentsOfFile: dict, encoding: .utf8).split(separator: "\n")
            .map { String($0.split(separator: "\t").first ?? "") }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
        symbols = words.enumerated().map { i, w in
            Symbol(id: "w\(i)", category: .value, context: .medium,
                   forms: Forms(simplified: [w], traditional: [], pinyin: [], aliases: []), gloss: ["en": "-"],
                   disambiguation: w.count == 1 ? Disambiguation() : nil)
        }
    } else {
        symbols = try SymbolStore.open(glossaryDirectory: DataDirectoryLocator(.glossaries).locate()).allSymbols
    }
    let text = try String(contentsOfFile: args[1], encoding: .utf8)
    let lines = text.split(separator: "\n").map(String.init)
    let t0 = now()
    let matcher = SymbolMatcher(symbols: symbols)
    let build = now() - t0
    var matches = 0
    let t1 = now()
    let c1 = threadCPUTime()
    for line in lines { matches += matcher.matches(in: line).count }
    let cpu = threadCPUTime() - c1
    let seconds = now() - t1
    let mb = Double(text.utf8.count) / 1_000_000
    emit(["seconds": seconds, "build_ms": build * 1000, "megabytes": mb, "mb_per_s": mb / seconds,
          "cpu_seconds": cpu, "cpu_mb_per_s": mb / cpu, "patterns": matcher.patternCount, "matches": matches])

case "matcher-synthetic":
    print(MatcherBenchmark.run())

case "senses":
    print(SenseBenchmark.run())

case "store":
    let directory = try DataDirectoryLocator(.glossaries).locate()
    _ = try SymbolStore.open(glossaryDirectory: directory)        // make sure the cache is up to date
    let t0 = now()
    let store = try SymbolStore.open(glossaryDirectory: directory)
    let open = now() - t0
    // The Chinese matcher (source tracks) and the English one (target tracks); the English one opens ICU's
    // word breaker on its first Latin candidate, timed here as the first match.
    let t1 = now()
    let chinese = SymbolMatcher(symbols: store.allSymbols, options: .chinese, senses: store.senseModels)
    let t2 = now()
    let english = SymbolMatcher(symbols: store.allSymbols, options: .forTrack(language: "en"), senses: store.senseModels)
    let t3 = now()
    let firstEnglish = english.matches(in: "The Mid-Autumn Festival is coming.").count
    let t4 = now()
    _ = (chinese, firstEnglish)
    let zh = t2 - t1, en = t3 - t2, firstMatch = t4 - t3
    emit(["seconds": open + zh + en + firstMatch, "open_ms": open * 1000, "chinese_matcher_ms": zh * 1000,
          "english_matcher_ms": en * 1000, "english_first_match_ms": firstMatch * 1000, "matchers_ms": (zh + en) * 1000,
          "symbols": store.allSymbols.count, "sense_models": store.senseModels.all.count,
          "note": String(format: "open %.1f ms + Chinese matcher %.1f ms + English matcher %.1f ms (+ first English match %.1f ms), %d symbols, %d sense models",
                         open * 1000, zh * 1000, en * 1000, firstMatch * 1000, store.allSymbols.count, store.senseModels.all.count)])

case "localize", "annotate", "audit":
    guard let dir = option("--corpus") else { fail("usage: locctl-bench \(args[0]) --corpus DIR") }
    let corpus = URL(fileURLWithPath: dir)
    let zh = try SubtitleFile.read(corpus.appendingPathComponent("series.zh.srt")).track
    let en = try SubtitleFile.read(corpus.appendingPathComponent("series.en.srt")).track
    let symbols = try SymbolStore.open(glossaryDirectory: DataDirectoryLocator(.glossaries).locate()).allSymbols
    let all = try RegionLoader.loadDirectory(DataDirectoryLocator(.regions).locate())
    let twelve = Array(all.filter { !$0.tag.hasPrefix("zh") }.prefix(12))
    switch args[0] {
    case "localize":
        // Every shipped region, all steps, on the English series (glossary step aligned with the Chinese source).
        let steps = try LocalizePipeline(names: nil, options: LocalizeSteps.Options(matchers: SymbolMatchers(symbols: symbols)))
        let byID = Dictionary(symbols.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // --dump FILE: every region's output track and changes, to check that outputs stay identical.
        let dump = option("--dump")
        var dumped = ""
        let t0 = now()
        var changes = 0
        var perStep: [String: Double] = [:]
        var perStepCPU: [String: Double] = [:]
        let c0 = threadCPUTime()
        for region in all {
            let input = region.language.hasPrefix("zh") ? zh : en
            let context = LocalizeContext(region: region, source: region.language.hasPrefix("zh") ? nil : zh, symbols: byID)
            var current = input
            var regionChanges: [Change] = []
            for step in steps.steps {
                let s0 = now(), sc = threadCPUTime()
                let result = step.apply(current, in: context)
                perStep[step.name, default: 0] += now() - s0
                perStepCPU[step.name, default: 0] += threadCPUTime() - sc
                current = result.track
                regionChanges += result.changes
            }
            changes += regionChanges.count
            if dump != nil {
                dumped += "=== \(region.tag)\n"
                for cue in current.cues {
                    dumped += "\(cue.id ?? "-") \(cue.start.formatted()) \(cue.end.formatted()) \(cue.text)\n"
                }
                for c in regionChanges { dumped += "\(c)\n" }
            }
        }
        let seconds = now() - t0
        let cpu = threadCPUTime() - c0
        if let dump { try dumped.write(toFile: dump, atomically: true, encoding: .utf8) }
        emit(["seconds": seconds, "cpu_seconds": cpu, "steps": perStep, "steps_cpu": perStepCPU,
              "note": "\(all.count) regions × \(en.cues.count) cues, \(changes) changes"])
    case "annotate":
        let result = AnnotateBenchmark.run(source: zh, target: en, targetLanguage: "en", regions: twelve, symbols: symbols, episodes: 80)
        emit(["seconds": result.setupSeconds + result.annotateSeconds, "note": "\(result)"])
    default:
        let result = AuditBenchmark.run(sources: AuditBenchmark.split(zh, into: 80), targets: AuditBenchmark.split(en, into: 80),
                                        regions: twelve, symbols: symbols)
        emit(["seconds": result.totalSeconds, "note": "\(result)"])
    }

case "latency":
    // One episode end to end vs convert, store open, matcher build vs snapshot load, MB/s (MatcherBenchmark.latency).
    let sibling = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("locctl")
    emit(try MatcherBenchmark.latency(corpus: option("--corpus").map { URL(fileURLWithPath: $0) },
                                      locctl: option("--locctl").map { URL(fileURLWithPath: $0) } ?? sibling,
                                      baseline: option("--baseline").map { URL(fileURLWithPath: $0) },
                                      region: option("--region") ?? "en-US", runs: Int(option("--runs") ?? "") ?? 5))

case "breaks":
    // Re-break texts read from standard input (see BreakBenchmark); --regions DIR defaults to ./regions.
    try BreakBenchmark.run(regionsDirectory: URL(fileURLWithPath: option("--regions") ?? "regions"))

default:
    fail("usage: locctl-bench parse|matcher|matcher-synthetic|store … (see the source for arguments)")
}
