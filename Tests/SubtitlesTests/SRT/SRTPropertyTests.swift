import Foundation
import PropertyBased
@testable import Subtitles
import Testing

private let firstCharacters = Array("abcxyzABC019你好世界字幕中文！？。，'-…\"")
private let characters = firstCharacters + [" ", " "]

private let word: Generator<String, _> = zip(
    Gen.int(in: 0...(firstCharacters.count - 1)),
    Gen.int(in: 0...(characters.count - 1)).map { characters[$0] }.string(of: 0...6)
).map { String(firstCharacters[$0]) + $1 }

/// A line: segments of text, each plain (0), italic (1), bold (2) or bold-italic (3).
private let line = zip(Gen.int(in: 0...3), word).array(of: 1...3)

private struct CueSpec: Sendable, CustomStringConvertible {
    var start: Int
    var duration: Int
    var lines: [[(Int, String)]]
    var anchor: Int
    var wholeItalic: Bool
    var description: String { "\(start)+\(duration) a\(anchor) i\(wholeItalic) \(lines)" }
}

private let cueSpec = zip(
    zip(Gen.int(in: 0...400_000_000), Gen.int(in: 0...20_000)),
    line.array(of: 0...3),
    Gen.int(in: 0...9),
    Gen.bool
).map { times, lines, anchor, italic in
    CueSpec(start: times.0, duration: times.1, lines: lines, anchor: anchor, wholeItalic: italic)
}

private func makeTrack(_ specs: [CueSpec]) -> Track {
    var cues: [Cue] = []
    for (index, spec) in specs.enumerated() {
        var nodes: [Inline] = []
        func add(_ node: Inline) {
            if case let .text(new) = node, case let .text(old)? = nodes.last {
                nodes[nodes.count - 1] = .text(old + new)
            } else {
                nodes.append(node)
            }
        }
        for (n, segments) in spec.lines.enumerated() {
            if n > 0 { add(.lineBreak) }
            for (style, text) in segments {
                switch style {
                case 1: add(.span(Span(.italic), [.text(text)]))
                case 2: add(.span(Span(.bold), [.text(text)]))
                case 3: add(.span(Span(.bold), [.span(Span(.italic), [.text(text)])]))
                default: add(.text(text))
                }
            }
        }
        if spec.wholeItalic && !nodes.isEmpty { nodes = [.span(Span(.italic), nodes)] }
        let start = Timestamp(milliseconds: Int64(spec.start))
        cues.append(Cue(id: String(index + 1),
                        timing: TimeSpan(start: start, end: start + TimeLength(milliseconds: Int64(spec.duration)))!,
                        text: CueText(nodes),
                        placement: Placement(anchor: Placement.Anchor(rawValue: spec.anchor))))
    }
    return Track(cues: cues)
}

@Test func randomTracksRoundTripThroughSRT() async {
    await propertyCheck(count: 200, input: cueSpec.array(of: 0...12)) { specs in
        let track = makeTrack(specs)
        let back = try srtRoundTrip(track)
        #expect(back == track)
        let backLF = try srtRoundTrip(track, codec: SRTCodec(lineEnding: .lf))
        #expect(backLF == track)
    }
}
