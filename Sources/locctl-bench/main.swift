import Annotate
import Foundation
import Localize
import SymbolDB

// Usage: locctl-bench [matcher] [annotate]   (build with -c release)
// annotate reads $BENCH_CORPUS (default /tmp/bc, from `python3 ../shared/bench/gen_corpus.py --out /tmp/bc`).
let arguments = Set(CommandLine.arguments.dropFirst())
let known: Set = ["matcher", "annotate"]
if arguments.isEmpty || arguments.contains("matcher") {
    let fold = MatcherBenchmark.foldTableSeconds()
    print("matcher: fold table built in \(Int(fold * 1000)) ms (once per process)")
    print(MatcherBenchmark.run())
}
if arguments.isEmpty || arguments.contains("annotate") {
    let corpus = URL(fileURLWithPath: ProcessInfo.processInfo.environment["BENCH_CORPUS"] ?? "/tmp/bc")
    do {
        let source = try SubtitleFile.read(corpus.appendingPathComponent("series.zh.srt")).track
        let target = try SubtitleFile.read(corpus.appendingPathComponent("series.en.srt")).track
        let forms = try String(contentsOf: corpus.appendingPathComponent("symbols.txt"), encoding: .utf8).split(separator: "\n").map(String.init)
        var regions = try RegionLoader.loadDirectory(try RegionLocator().locate())
        regions = Array(regions.filter { !$0.tag.hasPrefix("zh") }.prefix(12))
        let symbols = AnnotateBenchmark.symbols(forms: forms, count: Int(ProcessInfo.processInfo.environment["BENCH_SYMBOLS"] ?? "") ?? 250)
        print("annotate: \(source.cues.count) source cues, \(target.cues.count) target cues, \(symbols.count) symbols, regions \(regions.map(\.tag).joined(separator: " "))")
        print(AnnotateBenchmark.run(source: source, target: target, targetLanguage: "en", regions: regions, symbols: symbols, episodes: 80))
    } catch {
        print("annotate: \(error)")
    }
}
if !arguments.subtracting(known).isEmpty {
    print("locctl-bench: unknown benchmark(s) \(arguments.subtracting(known).sorted()); known: matcher, annotate")
}
