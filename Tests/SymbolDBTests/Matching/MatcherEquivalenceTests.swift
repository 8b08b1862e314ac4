import Foundation
@testable import SymbolDB
@testable import locctl_bench
import Testing
import TextServices

/// The optimized matcher must give exactly the results of the reference implementation (the matcher before
/// the performance work, in `Reference/`): same symbols, forms, kinds, statuses, UTF-16 and Character ranges.
enum MatcherEquivalence {
    static let optionSets: [(String, SymbolMatcher.Options)] = [
        ("chinese", .chinese),
        ("en", .forTrack(language: "en")),
        ("en+zh", .target(language: "en", includePinyin: true, includeChinese: true)),
    ]

    /// Text that stresses offsets, folding and context checks around every form of `symbols`.
    static func stressLines(for symbols: [Symbol]) -> [String] {
        let glue = ["", "，", " ", "的", "了", "\u{301}", "e\u{301}", "👍🏽", "🇨🇳", "\r\n", "\u{200D}", "ｶﾞ", "한국", "‘", "’s", "s", "es",
                    "-", "\u{FE0F}", "。", "\t", "𠀀", "a"]
        var lines: [String] = []
        var counter = 0
        for symbol in symbols {
            var forms = symbol.forms.simplified + symbol.forms.traditional + symbol.forms.aliases + symbol.forms.pinyin
            forms += symbol.forms.simplified.map { HanScriptFoldBench.traditional($0) }
            for renderings in symbol.renderings.values { forms += renderings.preferred + renderings.admitted + renderings.deprecated }
            let context = (symbol.disambiguation?.notBefore ?? []) + (symbol.disambiguation?.notAfter ?? [])
                + (symbol.disambiguation?.notWithin ?? [])
            for form in forms {
                let a = glue[counter % glue.count], b = glue[(counter / 3 + 5) % glue.count]
                counter += 1
                lines.append(form)
                lines.append("\(a)\(form)\(b)")
                lines.append("他说\(a)\(form.uppercased())\(b)\(forms.first ?? "")吗？")
                lines.append(form.decomposedStringWithCanonicalMapping + b + form)
                for extra in context.prefix(3) { lines.append("\(extra)\(form)\(extra)") }
            }
            for extra in context { lines.append(extra) }
        }
        return lines
    }

    /// `symbols` with every rendering context list emptied.
    static func withoutRenderingContext(_ symbols: [Symbol]) -> [Symbol] {
        symbols.map { symbol in
            var symbol = symbol
            for key in symbol.renderings.keys {
                symbol.renderings[key]!.notBefore = []
                symbol.renderings[key]!.notAfter = []
                symbol.renderings[key]!.notWithin = []
            }
            return symbol
        }
    }

    static func compare(_ symbols: [Symbol], lines: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Int {
        var compared = 0
        for (name, options) in optionSets {
            // The reference has no sense models: compare the form matching itself.
            let fast = SymbolMatcher(symbols: symbols, options: options, senses: .empty)
            let reference = ReferenceSymbolMatcher(symbols: symbols, options: options)
            #expect(fast.patternCount == reference.patternCount, "\(name)", sourceLocation: sourceLocation)
            #expect(fast.skippedForms.map { "\($0.symbolID)|\($0.form)|\($0.reason)" }
                    == reference.skippedForms.map { "\($0.symbolID)|\($0.form)|\($0.reason)" }, "\(name)", sourceLocation: sourceLocation)
            var differences = 0
            for line in lines {
                let got = fast.matches(in: line)
                let expected = reference.matches(in: line)
                compared += expected.count
                if got != expected {
                    differences += 1
                    if differences <= 5 {
                        Issue.record("\(name): \(line.debugDescription)\n got \(got)\n expected \(expected)", sourceLocation: sourceLocation)
                    }
                }
            }
            #expect(differences == 0, "\(name): \(differences) lines differ", sourceLocation: sourceLocation)
        }
        return compared
    }
}

@Test func matcherEquivalenceOnShippedGlossary() throws {
    let symbols = try GlossaryLoader().load(directory: RealGlossaryEvaluation.glossaries).symbols.map(\.symbol)
    var lines = try RealGlossaryEvaluation.labelledLines().map(\.text)
    lines += MatcherEquivalence.stressLines(for: symbols)
    // The reference matcher predates Latin-script rendering context rules (renderings.<tag>.not-before,
    // not-after, not-within): without them the results must be identical …
    let compared = MatcherEquivalence.compare(MatcherEquivalence.withoutRenderingContext(symbols), lines: lines)
    #expect(compared > 1000)
    // … and with them, identical on every line where no context entry occurs (folded) at all.
    var contexts: [String] = []
    for symbol in symbols {
        for renderings in symbol.renderings.values {
            for entry: String in renderings.notBefore + renderings.notAfter + renderings.notWithin {
                // The first word: a line without it cannot hold the entry.
                if let word = LatinFold.fold(entry).split(separator: " ").first { contexts.append(String(word)) }
            }
        }
    }
    try #require(!contexts.isEmpty)
    let untouched = lines.filter { line in
        let folded = LatinFold.fold(line)
        return !contexts.contains { folded.contains($0) }
    }
    // Enough lines stay free of every context word for the second comparison to mean something (a third: the
    // 1,318-symbol glossary has many more rendering context entries than when this was a half).
    #expect(untouched.count > lines.count / 3)
    _ = MatcherEquivalence.compare(symbols, lines: untouched)
}

@Test func matcherEquivalenceOnFixtureSymbols() throws {
    let url = MatcherFixtures.directory.appendingPathComponent("matcher-eval.tsv")
    var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        .map { String($0.split(separator: "\t", omittingEmptySubsequences: false)[1]) }
    lines += MatcherEquivalence.stressLines(for: MatcherFixtures.symbols)
    _ = MatcherEquivalence.compare(MatcherFixtures.symbols, lines: lines)
}

@Test func matcherEquivalenceOnSyntheticText() {
    let symbols = MatcherBenchmark.syntheticSymbols(count: 300)
    let text = MatcherBenchmark.syntheticText(bytes: 60_000)
    var lines = text.split(separator: "\n").map(String.init)
    lines.append(text)   // one long text
    _ = MatcherEquivalence.compare(symbols, lines: lines)
}

/// Set LOCCTL_EQUIVALENCE_CORPUS to a `gen_corpus.py` output directory to compare on its series and word list.
@Test(.enabled(if: ProcessInfo.processInfo.environment["LOCCTL_EQUIVALENCE_CORPUS"] != nil))
func matcherEquivalenceOnCorpus() throws {
    let directory = URL(fileURLWithPath: ProcessInfo.processInfo.environment["LOCCTL_EQUIVALENCE_CORPUS"]!)
    let shipped = try GlossaryLoader().load(directory: RealGlossaryEvaluation.glossaries).symbols.map(\.symbol)
    var lines: [String] = []
    for name in ["series.zh.txt", "series.en.srt"] {
        lines += try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }
    #expect(MatcherEquivalence.compare(shipped, lines: lines) > 0)
    let words = try String(contentsOf: directory.appendingPathComponent("symbols.txt"), encoding: .utf8).split(separator: "\n")
        .map { String($0.split(separator: "\t").first ?? "") }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    let dictionary = words.enumerated().map { i, w in
        Symbol(id: "w\(i)", category: .value, context: .medium,
               forms: Forms(simplified: [w], traditional: [], pinyin: [], aliases: []), gloss: ["en": "-"],
               disambiguation: w.count == 1 ? Disambiguation() : nil)
    }
    #expect(MatcherEquivalence.compare(dictionary, lines: lines) > 0)
}

/// The automaton built with flat arrays is the one the reference built with per-state arrays.
@Test func patternAutomatonMatchesReferenceLayout() {
    var random = SystemRandomNumberGenerator()
    let alphabet: [UInt32] = Array(0x4E00...0x4E20) + [0x41, 0x42, 0x20, 0x1F600, 0x20000]
    for round in 0..<20 {
        var patterns: [[UInt32]] = []
        var seen = Set<[UInt32]>()
        while patterns.count < 50 + round * 10 {
            let length = Int.random(in: 1...6, using: &random)
            let pattern = (0..<length).map { _ in alphabet.randomElement(using: &random)! }
            if seen.insert(pattern).inserted { patterns.append(pattern) }
        }
        let variants: [UInt32: UInt32] = [0x5000: 0x4E00, 0x5001: 0x4E01, 0x4E02: 0x4E03, 0x5002: 0x9999]
        let fast = PatternAutomaton(patterns: patterns, variants: variants)
        let reference = ReferencePatternAutomaton(patterns: patterns, variants: variants)
        #expect(fast.bmpClass.array == reference.bmpClass)
        #expect(fast.astralClass == reference.astralClass)
        #expect(fast.rootNext.array == reference.rootNext)
        #expect(fast.childStart.array == reference.childStart)
        #expect(fast.childClass.array == reference.childClass)
        #expect(fast.childTarget.array == reference.childTarget)
        #expect(fast.fail.array == reference.fail)
        #expect(fast.outputStart.array == reference.outputStart)
        #expect(fast.outputs.array == reference.outputs)
        #expect(fast.patternLength.array == reference.patternLength)
        #expect(fast.maximumLength == reference.maximumLength)
    }
}
