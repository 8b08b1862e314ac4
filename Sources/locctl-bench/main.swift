import Audit
import Foundation
import Localize
import SymbolDB

// Usage: locctl-bench [matcher] [audit]   (build with -c release)
// audit: needs `python3 shared/bench/gen_corpus.py --out DIR`; DIR from $LOCCTL_BENCH_CORPUS (default /tmp/bc).
let arguments = Set(CommandLine.arguments.dropFirst())
let known: Set = ["matcher", "audit"]
if arguments.isEmpty || arguments.contains("matcher") {
    let fold = MatcherBenchmark.foldTableSeconds()
    print("matcher: fold table built in \(Int(fold * 1000)) ms (once per process)")
    print(MatcherBenchmark.run())
}
if arguments.isEmpty || arguments.contains("audit") {
    let corpus = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LOCCTL_BENCH_CORPUS"] ?? "/tmp/bc")
    do {
        let zh = try SubtitleFile.read(corpus.appendingPathComponent("series.zh.srt")).track
        let en = try SubtitleFile.read(corpus.appendingPathComponent("series.en.srt")).track
        let terms = try String(contentsOf: corpus.appendingPathComponent("symbols.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let regions = Array(try RegionLoader.loadDirectory(RegionLocator.locate(explicit: nil)).filter { !$0.tag.hasPrefix("zh") }.prefix(12))
        let symbols = AuditBenchmark.symbols(terms: terms)
        let fold = MatcherBenchmark.foldTableSeconds()
        print("audit: fold table built in \(Int(fold * 1000)) ms (once per process)")
        for _ in 0..<2 {   // the first pass warms caches
            print(AuditBenchmark.run(sources: AuditBenchmark.split(zh, into: 80), targets: AuditBenchmark.split(en, into: 80),
                                     regions: regions, symbols: symbols))
        }
    } catch {
        print("audit: cannot run (\(error)); generate the corpus with gen_corpus.py --out \(corpus.path)")
    }
}
if !arguments.isSubset(of: known) {
    print("locctl-bench: unknown benchmark(s) \(arguments.subtracting(known).sorted()); known: \(known.sorted().joined(separator: ", "))")
}
