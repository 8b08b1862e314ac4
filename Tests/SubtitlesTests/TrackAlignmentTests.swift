@testable import Subtitles
import Testing

private func cue(_ s: Int64, _ e: Int64, _ text: String = "x") -> Cue {
    try! Cue(start: Timestamp(milliseconds: s), end: Timestamp(milliseconds: e), text: text)
}

@Test func alignsByOverlapIgnoringGrazingNeighbours() {
    let source = Track(cues: [cue(0, 2000), cue(2000, 4000), cue(4100, 6000)])
    // Target cue 0 spans source 0 and grazes source 1 by 100 ms (5% of 2 s): only source 0.
    // Target cue 1 was merged over sources 1 and 2.
    let target = Track(cues: [cue(0, 2100), cue(2100, 6000)])
    let a = TrackAlignment(source: source, target: target)
    #expect(a.sourcesForTarget == [[0], [1, 2]])
    #expect(a.targetsForSource == [[0], [1], [1]])
}

@Test func unsortedCuesStillAlign() {
    let source = Track(cues: [cue(4000, 5000), cue(0, 1000)])
    let target = Track(cues: [cue(0, 1000), cue(4000, 5000), cue(9000, 9500)])
    let a = TrackAlignment(source: source, target: target)
    #expect(a.sourcesForTarget == [[1], [0], []])
}
