@testable import Annotate
import Localize
import Regions
import Subtitles
import SymbolDB
import Testing

/// One test per planning rule of `AnnotationPlanner`.
@Suite struct PlanningRuleTests {
    typealias F = Fixtures

    @Test func densityLimitKeepsAtMostMaxPerMinuteInAnySixtySecondWindow() {
        let symbols = (1...6).map { F.symbol("s\($0)") }
        let occurrences = (0..<6).map { F.occurrence("s\($0 + 1)", Int64($0) * 8000, Int64($0) * 8000 + 3000, cue: $0) }
        let plan = F.plan(F.region(maxPerMinute: 3), symbols, occurrences)
        #expect(plan.notes.map(\.symbolID) == ["s1", "s2", "s3"])
        #expect(F.reason(plan, "s4", at: 24000) == .density(maxPerMinute: 3))
        // A later note outside the window is allowed again.
        let later = occurrences + [F.occurrence("s6", 61_000, 63_000, cue: 9)]
        let plan2 = F.plan(F.region(maxPerMinute: 3), symbols, later)
        #expect(plan2.notes.map(\.symbolID) == ["s1", "s2", "s3", "s6"])
        for i in plan2.notes.indices.dropFirst(3) {
            #expect(plan2.notes[i].start.milliseconds - plan2.notes[i - 3].start.milliseconds >= 60_000)
        }
    }

    @Test func firstOccurrencePerEpisode() {
        let symbols = [F.symbol("a")]
        let occurrences = [F.occurrence("a", 1000, 3000, cue: 0), F.occurrence("a", 20000, 22000, cue: 5)]
        let plan = F.plan(F.region(occurrence: .episode), symbols, occurrences)
        #expect(plan.notes.count == 1)
        #expect(plan.notes[0].start.milliseconds == 1000)
        #expect(F.reason(plan, "a", at: 20000) == .duplicate(firstAt: Timestamp(milliseconds: 1000), episode: nil))
        // A new episode planned on its own notes the symbol again.
        let next = F.plan(F.region(occurrence: .episode), symbols, [F.occurrence("a", 5000, 7000)])
        #expect(next.notes.count == 1)
    }

    @Test func firstOccurrencePerSeriesCarriesHistoryAcrossEpisodes() {
        let symbols = [F.symbol("a"), F.symbol("b")]
        let planner = AnnotationPlanner(region: F.region(occurrence: .episode), symbols: symbols, options: .init(occurrence: .series))
        var history = AnnotationHistory()
        let ep1 = planner.plan(episode: "ep01", occurrences: [F.occurrence("a", 1000, 3000)], history: &history)
        let ep2 = planner.plan(episode: "ep02", occurrences: [F.occurrence("a", 1000, 3000), F.occurrence("b", 9000, 11000, cue: 3)],
                               history: &history)
        #expect(ep1.notes.map(\.symbolID) == ["a"])
        #expect(ep2.notes.map(\.symbolID) == ["b"])
        #expect(F.reason(ep2, "a", at: 1000) == .duplicate(firstAt: Timestamp(milliseconds: 1000), episode: "ep01"))
        #expect(history.contains("b"))
        // The region's own `series` policy does the same without an override.
        let own = AnnotationPlanner(region: F.region(occurrence: .series), symbols: symbols)
        var h2 = AnnotationHistory()
        _ = own.plan(episode: "ep01", occurrences: [F.occurrence("a", 1000, 3000)], history: &h2)
        #expect(own.plan(episode: "ep02", occurrences: [F.occurrence("a", 1000, 3000)], history: &h2).notes.isEmpty)
    }

    @Test func everyPolicyNotesEachOccurrence() {
        let plan = F.plan(F.region(occurrence: .every), [F.symbol("a")],
                          [F.occurrence("a", 1000, 3000), F.occurrence("a", 20000, 22000, cue: 5)])
        #expect(plan.notes.count == 2)
    }

    @Test func notesNeverOverlapAndDeferWithinTheScene() {
        let symbols = [F.symbol("first", priority: 1), F.symbol("second", priority: 2), F.symbol("third", priority: 3)]
        // Display time is the 2 s minimum; "second" starts 1 s into "first" and is deferred to 3000;
        // "third" at 1500 in a short cue cannot start before 5000 (> cue end 2000 + 1500 window) and is dropped.
        let plan = F.plan(F.region(), symbols, [
            F.occurrence("first", 1000, 2500, cue: 0),
            F.occurrence("second", 2000, 4000, cue: 1),
            F.occurrence("third", 1500, 2000, cue: 2),
        ])
        #expect(F.outcome(plan, "second", at: 2000) == .deferred(from: Timestamp(milliseconds: 2000),
                                                                to: TimeSpan(start: Timestamp(milliseconds: 3000), end: Timestamp(milliseconds: 5000))!))
        #expect(F.reason(plan, "third", at: 1500) == .overlap(symbolID: "second", until: Timestamp(milliseconds: 5000)))
        for (a, b) in zip(plan.notes, plan.notes.dropFirst()) { #expect(a.end <= b.start) }
    }

    @Test func minimumContextDropsSymbolsBelowTheRegionLevel() {
        let symbols = [F.symbol("low", context: .low), F.symbol("mid", context: .medium)]
        let plan = F.plan(F.region(minContext: .medium), symbols,
                          [F.occurrence("low", 1000, 3000), F.occurrence("mid", 10000, 12000, cue: 2)])
        #expect(plan.notes.map(\.symbolID) == ["mid"])
        #expect(F.reason(plan, "low", at: 1000) == .contextBelowMinimum(.low, minimum: .medium))
    }

    @Test func glossFollowsTheFallbackChainThenEnglish() {
        let both = F.symbol("both", gloss: ["en": "English.", "es": "Español."])
        let english = F.symbol("english", gloss: ["en": "Only English."])
        let region = F.region(glossLanguages: ["pt", "es"])
        let plan = F.plan(region, [both, english], [F.occurrence("both", 1000, 3000), F.occurrence("english", 10000, 12000, cue: 1)])
        #expect(plan.notes.map(\.gloss) == ["Español.", "Only English."])
        #expect(plan.notes.map(\.glossLanguage) == ["es", "en"])
    }

    @Test func analogyComesFromTheFirstFrameTheSymbolHas() {
        let s = F.symbol("s", analogies: [
            "greco-roman": ["en": "Greek.", "es": "Griego."],
            "hispanic": ["en": "Hispanic (English only)."],
            "japanese": ["es": "Japonés."],
        ])
        let region = F.region(glossLanguages: ["es", "en"], frames: ["korean", "hispanic", "greco-roman"])
        let note = F.plan(region, [s], [F.occurrence("s", 1000, 3000)]).notes[0]
        #expect(note.analogyFrame == "hispanic")
        #expect(note.analogy == "Hispanic (English only).")
        #expect(note.analogyLanguage == "en")
        let none = F.plan(F.region(frames: ["korean"]), [s], [F.occurrence("s", 1000, 3000)]).notes[0]
        #expect(none.analogy == nil && none.analogyFrame == nil)
    }

    @Test func emphasisThemesWinAConflictBetweenEqualSymbols() {
        let plain = F.symbol("plain", themes: ["cuisine"])
        let chivalrous = F.symbol("chivalrous", themes: ["chivalry"])
        // Same cue, same context and priority: only one fits (no deferral room in a 500 ms cue).
        let occurrences = [F.occurrence("plain", 1000, 1200, cue: 0), F.occurrence("chivalrous", 1000, 1200, cue: 0)]
        let emphasised = F.plan(F.region(emphasis: ["chivalry"]), [plain, chivalrous], occurrences)
        #expect(emphasised.notes.map(\.symbolID) == ["chivalrous"])
        #expect(F.reason(emphasised, "plain", at: 1000) == .overlap(symbolID: "chivalrous", until: Timestamp(milliseconds: 3000)))
        let neutral = F.plan(F.region(emphasis: []), [plain, chivalrous], occurrences)
        #expect(neutral.notes.map(\.symbolID) == ["plain"])
    }

    @Test func higherContextThenLowerPriorityNumberWin() {
        let medium = F.symbol("medium", context: .medium, priority: 1)
        let high = F.symbol("high", context: .high, priority: 3)
        let p1 = F.symbol("p1", context: .medium, priority: 1)
        let p2 = F.symbol("p2", context: .medium, priority: 2)
        let plan = F.plan(F.region(maxPerMinute: 1), [medium, high],
                          [F.occurrence("medium", 1000, 3000), F.occurrence("high", 5000, 7000, cue: 1)])
        #expect(plan.notes.map(\.symbolID) == ["high"])
        #expect(F.reason(plan, "medium", at: 1000) == .density(maxPerMinute: 1))
        let byPriority = F.plan(F.region(maxPerMinute: 1), [p1, p2],
                                [F.occurrence("p2", 1000, 3000), F.occurrence("p1", 5000, 7000, cue: 1)])
        #expect(byPriority.notes.map(\.symbolID) == ["p1"])
    }

    @Test func reviewedOnlyDropsDraftsOtherwiseTheyAreMarked() {
        let symbols = [F.symbol("draft", status: .draft), F.symbol("ok")]
        let occurrences = [F.occurrence("draft", 1000, 3000), F.occurrence("ok", 10000, 12000, cue: 1)]
        let marked = F.plan(F.region(), symbols, occurrences)
        #expect(marked.notes.map(\.status) == [.draft, .reviewed])
        #expect(marked.notes[0].cuePayload.contains("\"status\":\"draft\""))
        let reviewed = F.plan(F.region(), symbols, occurrences, options: .init(reviewedOnly: true))
        #expect(reviewed.notes.map(\.symbolID) == ["ok"])
        #expect(F.reason(reviewed, "draft", at: 1000) == .draft)
    }

    @Test func displayTimeFollowsReadingSpeedBetweenMinimumAndMaximum() {
        let short = F.symbol("short", gloss: ["en": "Hi."], rendering: "S")
        let long = F.symbol("long", gloss: ["en": String(repeating: "x", count: 100)], rendering: "L")
        let huge = F.symbol("huge", gloss: ["en": String(repeating: "y", count: 400)], rendering: "H")
        let plan = F.plan(F.region(minDisplayMs: 2500, cps: 20), [short, long, huge], [
            F.occurrence("short", 0, 1000), F.occurrence("long", 20000, 21000, cue: 1), F.occurrence("huge", 40000, 41000, cue: 2),
        ])
        let durations = plan.notes.map { $0.end.milliseconds - $0.start.milliseconds }
        // "S — Hi." = 7 chars → 350 ms → minimum 2500; "L — " + 100 = 104 chars / 20 cps = 5200 ms; huge: 404 chars
        // take 20.2 s — a card stays as long as it takes to read (maxDisplay only limits cards with an analogy).
        #expect(durations == [2500, 5200, 20200])
    }

    @Test func analogyIsShownOnlyWhenItFitsTheDisplayTime() {
        let s = F.symbol("s", gloss: ["en": String(repeating: "g", count: 100)],
                         analogies: ["greco-roman": ["en": String(repeating: "a", count: 60)]], rendering: "T")
        let note = F.plan(F.region(frames: ["greco-roman"], cps: 20), [s], [F.occurrence("s", 0, 1000)]).notes[0]
        #expect(note.analogy != nil && !note.showsAnalogy)
        #expect(note.end.milliseconds == 5200)
    }

    @Test func aDroppedFirstOccurrenceMayBeNotedLater() {
        let symbols = [F.symbol("big", priority: 1), F.symbol("small", priority: 3)]
        let plan = F.plan(F.region(), symbols, [
            F.occurrence("big", 1000, 1200, cue: 0), F.occurrence("small", 1000, 1200, cue: 0),
            F.occurrence("small", 30000, 32000, cue: 8),
        ])
        #expect(plan.notes.map(\.symbolID) == ["big", "small"])
        #expect(plan.notes[1].start.milliseconds == 30000)
    }
}
