import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

/// Issue 14, timing item 5, over many dense random tracks (seeded, so a failure reproduces): the overlap and
/// gap fix never moves a cue's start later, or pulls its end earlier, by more than the region's sync
/// tolerance from the input times (it reports the overlap unfixable instead), and no cue is reported both
/// changed and unfixable for the same rule.
///
/// Only the overlap/gap fix moves a start later or an end earlier: the minimum-duration fix moves a start
/// earlier or an end later, reading speed only moves an end later, and the maximum-duration clamp never
/// applies here (every input cue is shorter than the maximum). Texts are short, so no cue is split.
@Suite struct TimingTolerancePropertyTests {
    /// A small deterministic generator (SplitMix64), independent of the standard library's seeding.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let texts = ["Mom!", "Go.", "Since when does he sit at the main table?", "Let him save face.", "Face? Never.",
                        "Hi.", "Don't bring Chang'e into this.", "Eight hundred warriors await outside."]

    func randomTrack(_ rng: inout SplitMix, count: Int) -> [Cue] {
        var cues: [Cue] = []
        var t: Int64 = 0
        for i in 0..<count {
            // Starts in order, often inside the previous cue (nested and chained overlaps), durations 0.2–6 s.
            t += Int64.random(in: 0...2500, using: &rng)
            let length = Int64.random(in: 200...6000, using: &rng)
            cues.append(cue(String(i + 1), t, t + length, Self.texts.randomElement(using: &rng)!))
        }
        return cues
    }

    /// The rule a report is about. An overlap or gap is a rule of a pair of cues: trimming a cue's end ("end
    /// trimmed") fixes its pair with the next cue; every other overlap/gap report is about its pair with the
    /// previous cue. A cue may have one pair fixed and the other left (two different overlaps).
    func rule(_ reason: String) -> String {
        if reason.contains("end trimmed") { return "overlap/gap with the next cue" }
        if reason.contains("overlap") || reason.contains("gap") { return "overlap/gap with the previous cue" }
        return ["reading speed", "minimum duration", "maximum duration", "split"].first { reason.contains($0) } ?? reason
    }

    @Test(arguments: ["en-US", "th-TH", "zh-Hant-TW"])
    func overlapFixStaysWithinToleranceAndNoRuleIsBothChangedAndUnfixable(region: String) {
        var rng = SplitMix(state: 14)
        for tolerance in [Int64(0), 250, 1000, 3000] {
            var profile = Regions[region]
            profile.limits.syncTolerance = TimeLength(milliseconds: tolerance)
            let context = LocalizeContext(region: profile, orientation: .landscape)
            for round in 0..<60 {
                let input = randomTrack(&rng, count: 12)
                let result = TimingStep().apply(track(input), in: context)
                #expect(result.track.cues.count == input.count, "no cue may be split here")
                let byID = Dictionary(uniqueKeysWithValues: result.track.cues.map { ($0.id ?? "", $0) })
                for a in input {
                    guard let b = byID[a.id ?? ""] else { Issue.record("cue \(a.id ?? "?") lost"); continue }
                    let later = b.start.milliseconds - a.start.milliseconds
                    let trimmed = a.end.milliseconds - b.end.milliseconds
                    #expect(later <= tolerance && trimmed <= tolerance,
                            "\(region) tolerance \(tolerance) round \(round): cue \(a.id!) \(a.timing) → \(b.timing) in \(input.map(\.timing))")
                }
                var seen: [String: Set<String>] = [:]
                for c in result.changes where c.kind == .changed || c.kind == .unfixable {
                    for part in c.reason.split(separator: ";") {
                        seen["\(c.cue) \(rule(String(part)))", default: []].insert(c.kind == .changed ? "changed" : "unfixable")
                    }
                }
                let both = seen.filter { $0.value.count > 1 }
                #expect(both.isEmpty, "\(region) tolerance \(tolerance) round \(round): \(both) for \(input.map(\.timing))")
            }
        }
    }
}
