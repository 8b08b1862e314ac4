@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

@Suite struct TimingStepTests {
    func run(_ cues: [Cue], _ region: String = "en-US", fps: FrameRate? = nil) -> StepResult {
        TimingStep().apply(track(cues), in: LocalizeContext(region: Regions[region], frameRate: fps))
    }

    @Test func gapInFramesAtCommonRates() {
        // 2 frames: 30 fps → 67 ms, 25 fps → 80 ms, 30000/1001 → 67 ms (66.73 rounded up).
        for (fps, gap) in [(FrameRate.fps30, Int64(67)), (.fps25, 80), (.ntsc2997, 67)] {
            let out = run([cue("1", 0, 2000, "Hello."), cue("2", 2000, 4000, "Bye.")], fps: fps).track
            #expect(out.cues[0].end.milliseconds == 2000 - gap)
            #expect(out.cues[1].start.milliseconds == 2000)
        }
    }

    @Test func overlapTrimsEarlierOrShiftsLater() {
        let out = run([cue("1", 0, 3000, "Hello there."), cue("2", 2500, 5000, "Bye.")])
        #expect(out.track.cues[0].end.milliseconds == 2500 - 67)
        #expect(out.changes.contains { $0.cue == "1" && $0.reason.contains("overlap") })
        // The earlier cue cannot shrink below 833 ms: the later one starts later instead.
        let shifted = run([cue("1", 0, 900, "Hi."), cue("2", 500, 3000, "Bye.")]).track
        #expect(shifted.cues[0].end.milliseconds == 833)
        #expect(shifted.cues[1].start.milliseconds == 900)
    }

    @Test func differentlyPlacedOverlapIsAmbiguous() {
        var top = cue("2", 500, 3000, "SIGN: Lin Family")
        top.placement = Placement(anchor: .topCenter)
        let out = run([cue("1", 0, 3000, "Hello."), top])
        #expect(out.changes.contains { $0.kind == .ambiguous })
        #expect(out.track.cues[0].end.milliseconds == 3000)
    }

    @Test func minAndMaxDuration() {
        let out = run([cue("1", 0, 300, "Hi."), cue("2", 5000, 15000, "Okay.")]).track
        #expect(out.cues[0].duration.milliseconds == 833)
        #expect(out.cues[1].duration.milliseconds == 7000)
        // No room: reported.
        let tight = run([cue("1", 0, 300, "Hi."), cue("2", 400, 3000, "Bye.")])
        #expect(tight.track.cues[0].end <= tight.track.cues[1].start)
    }

    @Test func readingSpeedExtendsIntoFreeTimeElseUnfixable() {
        // 40 characters in 1 s at 20 cps needs 2 s.
        let text = "This line is forty characters long, yes."
        let out = run([cue("1", 0, 1000, text), cue("2", 10000, 12000, "Bye.")])
        #expect(out.track.cues[0].end.milliseconds == 2000)
        let tight = run([cue("1", 0, 1000, text), cue("2", 1100, 3000, "Bye.")])
        #expect(tight.changes.contains { $0.kind == .unfixable && $0.reason.contains("reading speed") })
    }

    @Test func splitsLongTextProportionallyAtSentences() {
        // Landscape en-US: 42 × 2. This does not fit; it splits at the sentence end.
        let a = "The Mid-Autumn Festival is here at last, my dear."
        let b = "The whole family is home for the reunion dinner tonight, all of us."
        let ctx = LocalizeContext(region: Regions["en-US"], orientation: .landscape)
        let out = TimingStep().apply(track([cue("7", 0, 8000, a + " " + b)]), in: ctx)
        #expect(out.track.cues.map(\.id) == ["7a", "7b"])
        let first = out.track.cues[0], second = out.track.cues[1]
        #expect(first.text.plainText.replacingOccurrences(of: "\n", with: " ") == a)
        #expect(second.text.plainText.replacingOccurrences(of: "\n", with: " ") == b)
        #expect(second.start.milliseconds - first.end.milliseconds == 67)
        // Proportional: the longer part gets the longer time.
        let ratio = Double(first.duration.milliseconds) / Double(second.duration.milliseconds)
        #expect(abs(ratio - Double(a.count) / Double(b.count)) < 0.05)
        #expect(second.end.milliseconds == 8000)
        // Chinese splits at a clause comma.
        let zh = TimingStep().apply(track([cue(nil, 0, 6000, "我在这个家里已经忍了整整三年的时间，今天终于可以扬眉吐气，让所有人都看看我的本事")]),
                                   in: LocalizeContext(region: Regions["zh-Hans-CN"], orientation: .landscape))
        #expect(zh.track.cues.count >= 2)
        #expect(zh.track.cues.allSatisfy { $0.id == nil })
        #expect(zh.track.cues[0].text.plainText.replacingOccurrences(of: "\n", with: "").hasSuffix("，"))
    }
}

// Issue 14: the overlap fix stays within the sync tolerance, and no rule is reported both changed and unfixable.
@Suite struct TimingToleranceTests {
    func run(_ cues: [Cue], region: String = "en-US", tolerance: Int64? = nil) -> StepResult {
        var profile = Regions[region]
        if let tolerance { profile.limits.syncTolerance = TimeLength(milliseconds: tolerance) }
        return TimingStep().apply(track(cues), in: LocalizeContext(region: profile, orientation: .landscape))
    }

    @Test func nestedCueIsNotMovedAwayFromItsSpeech() {
        // Cue 2 sits inside cue 1: trimming 1 to before 2 or pushing 2 after 1 moves a cue by 4 s.
        let out = run([cue("1", 0, 6000, "Since when does he sit at the main table?"), cue("2", 2000, 4000, "Mom!")])
        #expect(out.track.cues[1].start.milliseconds == 2000 && out.track.cues[0].end.milliseconds == 6000)
        #expect(out.changes.contains { $0.kind == .unfixable && $0.cue == "2" && $0.reason.contains("sync tolerance") })
        #expect(!out.changes.contains { $0.kind == .changed && $0.reason.contains("overlap") })
        // Every start and end moved by at most the tolerance, for any tolerance.
        for tolerance in [Int64(0), 300, 1000, 5000] {
            let input = [cue("1", 0, 6000, "Since when does he sit at the main table?"), cue("2", 2000, 4000, "Mom!"),
                         cue("3", 3900, 7000, "Let him save face."), cue("4", 6900, 9000, "Face? Never.")]
            let r = run(input, tolerance: tolerance)
            for (a, b) in zip(input, r.track.cues) {
                #expect(abs(a.start.milliseconds - b.start.milliseconds) <= max(tolerance, 0) || r.changes.contains { $0.cue == a.id && $0.reason.contains("minimum duration") },
                        "tolerance \(tolerance): \(a.timing) → \(b.timing)")
            }
        }
    }

    @Test func smallOverlapIsStillFixed() {
        let out = run([cue("1", 0, 3000, "Hello there."), cue("2", 2500, 5000, "Bye.")], tolerance: 1000)
        #expect(out.track.cues[0].end.milliseconds == 2433)
        #expect(!out.changes.contains { $0.kind == .unfixable })
    }

    @Test func noCueIsBothChangedAndUnfixableForOneRule() {
        // Too fast to read even after extending into the free time: one unfixable report, with the new times.
        let fast = run([cue("1", 0, 1000, "Sir! Eight hundred warriors of the Dragon King's Hall await your orders outside!"),
                        cue("2", 1500, 3000, "Go.")])
        let first = fast.changes.filter { $0.cue == "1" }
        #expect(first.contains { $0.kind == .unfixable && $0.reason.contains("reading speed") && $0.after != nil })
        #expect(!first.contains { $0.kind == .changed && $0.reason.contains("reading speed") }, "\(first)")
        // Over the example-like corpus: no (cue, rule) pair is both changed and unfixable.
        var cues: [Cue] = []
        for i in 0..<40 {
            let start = Int64(i * 900)
            let length: Int64 = i % 3 == 0 ? 2500 : 700
            let text = i % 2 == 0 ? "A man who lives off his wife doesn't get to talk about face." : "Hi."
            cues.append(cue(String(i + 1), start, start + length, text))
        }
        let r = run(cues)
        func rule(_ reason: String) -> String {
            ["reading speed", "minimum duration", "overlap", "gap", "maximum duration", "split"].first { reason.contains($0) } ?? reason
        }
        var seen: [String: Set<String>] = [:]
        for c in r.changes where c.kind == .changed || c.kind == .unfixable {
            let kind = c.kind == Change.Kind.changed ? "changed" : "unfixable"
            for part in c.reason.split(separator: ";") { seen["\(c.cue) \(rule(String(part)))", default: []].insert(kind) }
        }
        #expect(seen.filter { $0.value.count > 1 }.isEmpty, "\(seen.filter { $0.value.count > 1 })")
    }
}
