import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles

/// Region profiles shipped in `regions/`, by tag.
enum Regions {
    static let all: [String: RegionProfile] = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        let profiles = (try? RegionLoader.loadDirectory(url.appendingPathComponent("regions"))) ?? []
        return Dictionary(uniqueKeysWithValues: profiles.map { ($0.tag, $0) })
    }()
    static subscript(_ tag: String) -> RegionProfile { all[tag]! }
}

func cue(_ id: String?, _ start: Int64, _ end: Int64, _ text: String) -> Cue {
    Cue(id: id, timing: TimeSpan(start: Timestamp(milliseconds: start), end: Timestamp(milliseconds: end))!, text: CueText(plain: text))
}

func track(_ cues: [Cue]) -> Track { Track(cues: cues) }

/// The one-cue text after wrapping `text` for `region` in `orientation`.
func wrapped(_ text: String, _ region: String, _ orientation: Orientation = .vertical, config: WrapStep.Config = WrapStep.Config()) -> String {
    let result = WrapStep(config: config).apply(track([cue("1", 0, 5000, text)]), in: LocalizeContext(region: Regions[region], orientation: orientation))
    return result.track.cues[0].text.plainText
}

/// Non-whitespace content of a track's cues, in order (what re-breaking and splitting must preserve).
func content(_ t: Track) -> String {
    String(t.cues.map(\.text.plainText).joined().unicodeScalars.filter { !$0.properties.isWhitespace && $0 != "\u{202B}" && $0 != "\u{202C}" })
}

/// Checks that every cue fits its region's limits unless a change reports it unfixable.
func limitViolations(_ result: StepResult, _ context: LocalizeContext) -> [String] {
    let metrics = TextMetrics(counting: context.region.limits.charCounting)
    let unfixable = Set(result.changes.filter { $0.kind == .unfixable }.map(\.cue))
    var problems: [String] = []
    for (i, c) in result.track.cues.enumerated() {
        let lines = c.text.lines
        let base = c.id.map { String($0.prefix { $0.isNumber }) } ?? String(i + 1)
        let reported = unfixable.contains(c.id ?? "") || unfixable.contains(base)
        if !reported && (lines.count > context.lineLimits.maxLines || lines.contains { metrics.length($0) > Double(context.lineLimits.maxCharsPerLine) }) {
            problems.append("cue \(c.id ?? "?") lines \(lines)")
        }
        // Overlapping cues placed differently are kept on purpose (reported ambiguous); an overlap whose fix would
        // move a cue beyond the region's sync tolerance is kept and reported unfixable.
        if i > 0 && result.track.cues[i - 1].end > c.start && result.track.cues[i - 1].placement == c.placement && !reported {
            problems.append("overlap at \(c.id ?? "?")")
        }
    }
    return problems
}

/// First differing cue of two tracks, for short failure messages.
func firstDifference(_ a: Track, _ b: Track) -> String? {
    if a == b { return nil }
    for (x, y) in zip(a.cues, b.cues) where x != y {
        return "\(x.id ?? "-") \(x.timing) \(x.text.plainText.debugDescription) ≠ \(y.id ?? "-") \(y.timing) \(y.text.plainText.debugDescription)"
    }
    return "cue counts \(a.cues.count) ≠ \(b.cues.count)"
}
