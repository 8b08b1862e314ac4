import Foundation
@testable import Localize
import PropertyBased
@testable import Regions
@testable import Subtitles
import TestSupport
import Testing

private func pipeline(_ t: Track, _ ctx: LocalizeContext) -> (Track, [Change]) {
    var track = t
    var changes: [Change] = []
    for step in [WrapStep(), TimingStep(), BidiStep()] as [any LocalizeStep] {
        let r = step.apply(track, in: ctx)
        track = r.track
        changes += r.changes
    }
    return (track, changes)
}

@Suite struct StepCorpusTests {
    @Test(arguments: [("montagesubs/Relay_2024.web.chs.srt", "zh-Hans-CN"), ("EXAMPLE:son-in-law/ep01.en.srt", "en-US"),
                      ("EXAMPLE:son-in-law/ep01.en.srt", "ar-SA")])
    func realTracksKeepInvariants(file: String, region: String) throws {
        let url: URL
        if file.hasPrefix("EXAMPLE:") {
            var root = URL(fileURLWithPath: #filePath)
            for _ in 0..<4 { root.deleteLastPathComponent() }
            url = root.appendingPathComponent("examples").appendingPathComponent(String(file.dropFirst(8)))
        } else {
            url = TestPaths.corpus("real-zh").appendingPathComponent(file)
        }
        let input = try SubtitleFile.read(url).track
        for orientation in Orientation.allCases {
            let ctx = LocalizeContext(region: Regions[region], orientation: orientation)
            let wrap = WrapStep().apply(input, in: ctx)
            let timing = TimingStep().apply(wrap.track, in: ctx)
            let combined = StepResult(track: timing.track, changes: wrap.changes + timing.changes)
            #expect(limitViolations(combined, ctx).isEmpty, "\(limitViolations(combined, ctx).prefix(5))")
            #expect(content(timing.track) == content(input))
            let (once, _) = pipeline(input, ctx)
            let (twice, _) = pipeline(once, ctx)
            #expect(firstDifference(twice, once) == nil, "not idempotent for \(file) \(region) \(orientation): \(firstDifference(twice, once) ?? "")")
        }
    }
}

private let latinWords = ["the", "family", "Lin", "Zhongqiu", "mooncake", "is", "here.", "and,", "a", "son-in-law", "face?", "to", "reunion"]
private let chineseWords = ["上门女婿", "中秋节", "你", "今天", "，", "终于", "。", "扬眉吐气", "月饼", "一家人"]

private struct Spec: Sendable, CustomStringConvertible {
    var start: Int; var duration: Int; var chinese: Bool; var words: [Int]
    var description: String { "\(start)+\(duration) zh:\(chinese) \(words)" }
}

private let spec = zip(Gen.int(in: 0...60_000), Gen.int(in: 0...9_000), Gen.bool, Gen.int(in: 0...99).array(of: 1...30))
    .map { Spec(start: $0, duration: $1, chinese: $2, words: $3) }

/// Random cases for `wrapAndTimingOnRandomSeeds` (`LOCCTL_PROPERTY_RUNS`, which also enables it).
private let propertyRuns = ProcessInfo.processInfo.environment["LOCCTL_PROPERTY_RUNS"].flatMap(Int.init) ?? 60

@Suite struct StepPropertyTests {
    /// The shrunk counterexample a random run found: cues stacked at one instant are spread out in one pass (a
    /// second run used to move the middle one, once the first run had moved the last).
    @Test func stackedCuesAreSpreadInOnePass() {
        let ctx = LocalizeContext(region: Regions["en-US"], orientation: .vertical)
        let input = track((1...3).map { cue(String($0), 0, 0, "the") })
        let (once, _) = pipeline(input, ctx)
        #expect(firstDifference(pipeline(once, ctx).0, once) == nil)
        let starts = once.cues.map(\.start.milliseconds)
        #expect(starts == starts.sorted() && Set(starts).count == 3, "\(starts)")
    }

    /// A shrunk counterexample: a cue stacked on the first, with the next cue one millisecond later, was left
    /// in place on the first run (its move would pass that next cue) and moved on the second.
    @Test func cueStackedBeforeANearNextCueMovesOnTheFirstRun() {
        let ctx = LocalizeContext(region: Regions["en-US"], orientation: .vertical)
        let input = track([cue("1", 0, 0, "the"), cue("2", 1, 1, "the"), cue("3", 0, 0, "the")])
        let (once, _) = pipeline(input, ctx)
        #expect(firstDifference(pipeline(once, ctx).0, once) == nil)
        let starts = once.cues.map(\.start.milliseconds)
        #expect(starts == starts.sorted() && Set(starts).count == 3, "\(starts)")
    }

    /// Another shrunk counterexample (zh-Hans-CN limits, Latin text): a long cue, a cue nested in it and a
    /// zero-length cue 1 ms after that one.
    @Test func nestedCueBeforeAZeroLengthCueIsPlacedOnTheFirstRun() {
        let ctx = LocalizeContext(region: Regions["zh-Hans-CN"], orientation: .vertical)
        let long = Array(repeating: "the", count: 12).joined(separator: " ")
        let input = track([cue("1", 0, 1733, long), cue("2", 900, 1733, "the"), cue("3", 901, 901, "the")])
        let (once, _) = pipeline(input, ctx)
        let diff = firstDifference(pipeline(once, ctx).0, once)
        #expect(diff == nil, "\(diff ?? "")")
    }

    /// A third shrunk counterexample: a cue split for its text, a cue nested in its second part and a
    /// zero-length cue inside that one.
    @Test(arguments: ["en-US", "zh-Hans-CN"])
    func splitCueWithNestedCuesIsPlacedOnTheFirstRun(region: String) {
        let ctx = LocalizeContext(region: Regions[region], orientation: .vertical)
        let input = track([cue("1", 0, 1765, "Zhongqiu the son-in-law the Zhongqiu the the the the the"),
                           cue("2", 1059, 1059, "the"), cue("3", 992, 1733, "the")])
        let (once, _) = pipeline(input, ctx)
        let (twice, _) = pipeline(once, ctx)
        let diff = firstDifference(twice, once)
        // Known gap (zh-Hans-CN): cue 3, nested in part 1b, may not move past cue 2 (inside it, 1 ms long) on
        // the first run and is left overlapping; cue 2 then moves after it, and the second run moves cue 3.
        withKnownIssue("a nested cue blocked by a cue inside it moves on a second run", isIntermittent: region == "en-US") {
            #expect(diff == nil, "\(diff ?? "") once: \(once.cues.map { "\($0.id ?? "") \($0.timing)" }) twice: \(twice.cues.map { "\($0.id ?? "") \($0.timing)" })")
        }
    }

    /// 60 random tracks from a fixed seed (SplitMix64), so CI runs the same cases every time; a counterexample
    /// found by a random run is kept as a test above. `LOCCTL_PROPERTY_RUNS=N` runs
    /// ``wrapAndTimingOnRandomSeeds`` with fresh seeds and shrinking to search for more.
    @Test func wrapAndTimingKeepLimitsOrderAndText() {
        var rng = TimingTolerancePropertyTests.SplitMix(state: 2026_12_04)
        for _ in 0..<60 {
            let specs = (0..<Int.random(in: 1...12, using: &rng)).map { _ in
                Spec(start: Int.random(in: 0...60_000, using: &rng), duration: Int.random(in: 0...9_000, using: &rng),
                     chinese: Bool.random(using: &rng),
                     words: (0..<Int.random(in: 1...30, using: &rng)).map { _ in Int.random(in: 0...99, using: &rng) })
            }
            checkWrapAndTiming(specs, landscape: Bool.random(using: &rng))
        }
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["LOCCTL_PROPERTY_RUNS"] != nil))
    func wrapAndTimingOnRandomSeeds() async {
        await propertyCheck(count: propertyRuns, input: spec.array(of: 1...12), Gen.bool) { specs, landscape in
            checkWrapAndTiming(specs, landscape: landscape)
        }
    }

    /// Wrap then timing keep every limit they can, start order and the text; the whole pipeline run twice changes nothing.
    fileprivate func checkWrapAndTiming(_ specs: [Spec], landscape: Bool) {
        let cues = specs.enumerated().map { i, s -> Cue in
            let text = s.chinese ? s.words.map { chineseWords[$0 % chineseWords.count] }.joined()
                                 : s.words.map { latinWords[$0 % latinWords.count] }.joined(separator: " ")
            return cue(String(i + 1), Int64(s.start), Int64(s.start + s.duration), text)
        }
        for region in ["en-US", "zh-Hans-CN"] {
            let ctx = LocalizeContext(region: Regions[region], orientation: landscape ? .landscape : .vertical)
            let input = track(cues)
            let wrap = WrapStep().apply(input, in: ctx)
            let timing = TimingStep().apply(wrap.track, in: ctx)
            let combined = StepResult(track: timing.track, changes: wrap.changes + timing.changes)
            #expect(limitViolations(combined, ctx).isEmpty, "\(region): \(limitViolations(combined, ctx))")
            let sortedInput = track(cues.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element))
            #expect(content(timing.track) == content(sortedInput))
            let (once, _) = pipeline(input, ctx)
            let diff = firstDifference(pipeline(once, ctx).0, once)
            #expect(diff == nil, "\(region): \(diff ?? "")")
        }
    }
}
