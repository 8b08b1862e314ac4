import SymbolDB

// Usage: locctl-bench [matcher]
let arguments = Set(CommandLine.arguments.dropFirst())
if arguments.isEmpty || arguments.contains("matcher") {
    print(MatcherBenchmark.run())
} else {
    print("locctl-bench: unknown benchmark(s) \(arguments.sorted()); known: matcher")
}
