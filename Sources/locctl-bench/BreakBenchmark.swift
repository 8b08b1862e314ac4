import Foundation
import Localize
import Regions
import Subtitles
import TextServices

/// `locctl-bench breaks`: re-breaks texts with the wrap step and with a greedy baseline, for
/// `scripts/break_eval.py`. Reads lines `region-tag TAB max-chars TAB max-lines TAB text` (text with `\n`
/// written as a backslash and `n`) from standard input; writes `wrapped TAB greedy` per line, escaped alike.
/// `--weights balance=…,wrongHeavy=…,widow=…,fill=…` overrides the line-shape weights (tuning on the dev half only).
enum BreakBenchmark {
    static func run(regionsDirectory: URL) throws {
        var weights = BreakWeights.standard
        if let spec = option("--weights") {
            guard let parsed = BreakWeights.parse(spec) else { fail("--weights: expected balance=N,wrongHeavy=N,widow=N,fill=N, got '\(spec)'") }
            weights = parsed
        }
        let step = WrapStep(config: WrapStep.Config(weights: weights))
        let profiles = Dictionary(uniqueKeysWithValues: try RegionLoader.loadDirectory(regionsDirectory).map { ($0.tag, $0) })
        while let line = readLine(strippingNewline: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4, var region = profiles[fields[0]], let cpl = Int(fields[1]), let lines = Int(fields[2]) else {
                print("\t"); continue
            }
            let text = fields[3].replacingOccurrences(of: "\\n", with: "\n")
            region.limits.landscape = LineLimits(maxCharsPerLine: cpl, maxLines: lines)
            region.limits.commasAsSpaces = false
            let context = LocalizeContext(region: region, orientation: .landscape)
            let cue = Cue(timing: TimeSpan(start: .zero, end: Timestamp(milliseconds: 5000))!, text: CueText(plain: text))
            let out = step.apply(Track(cues: [cue]), in: context).track.cues[0].text.plainText
            let greedy = greedyBreak(text, locale: region.language, cpl: Double(cpl), metrics: TextMetrics(counting: region.limits.charCounting))
            print(escape(out) + "\t" + escape(greedy))
        }
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: "\\n") }

    /// First-fit over UAX #14 line-break opportunities (the baseline): each line takes as much as fits.
    static func greedyBreak(_ text: String, locale: String, cpl: Double, metrics: TextMetrics) -> String {
        let joined = text.replacingOccurrences(of: "\n", with: " ")
        guard metrics.length(joined) > cpl, let breaker = try? TextBreaker(kind: .line, locale: locale) else { return joined }
        let units = Array(joined.utf16)
        let bounds = breaker.boundaries(in: joined).filter { $0 > 0 && $0 < units.count }
        func piece(_ a: Int, _ b: Int) -> String {
            String(decoding: units[a..<b], as: UTF16.self).trimmingCharacters(in: .whitespaces)
        }
        var lines: [String] = []
        var start = 0
        var lastFit: Int? = nil
        for b in bounds {
            if metrics.length(piece(start, b)) <= cpl { lastFit = b; continue }
            if let fit = lastFit { lines.append(piece(start, fit)); start = fit; lastFit = metrics.length(piece(start, b)) <= cpl ? b : nil }
        }
        lines.append(piece(start, units.count))
        return lines.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}
