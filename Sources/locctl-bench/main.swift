import SymbolDB

// Usage: locctl-bench [matcher]   (build with -c release)
let arguments = Set(CommandLine.arguments.dropFirst())
if arguments.isEmpty || arguments.contains("matcher") {
    let fold = MatcherBenchmark.foldTableSeconds()
    print("matcher: fold table built in \(Int(fold * 1000)) ms (once per process)")
    print(MatcherBenchmark.run())
} else {
    print("locctl-bench: unknown benchmark(s) \(arguments.sorted()); known: matcher")
}
