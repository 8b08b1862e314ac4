/// Pairs the cues of a target track with the source cues they overlap in time.
public struct TrackAlignment: Sendable {
    /// For each target cue index, the source cue indices it overlaps, in time order.
    public let sourcesForTarget: [[Int]]
    /// For each source cue index, the target cue indices it overlaps.
    public let targetsForSource: [[Int]]

    /// Aligns by time overlap in one sweep over both tracks (cues sorted by start; unsorted input is sorted first).
    /// `minOverlap` is the share of the shorter cue that must overlap (0.3 by default) so that a cue
    /// touching its neighbour by a few frames is not paired with it.
    public init(source: Track, target: Track, minOverlap: Double = 0.3) {
        let s = source.cues.indices.sorted { source.cues[$0].start < source.cues[$1].start }
        let t = target.cues.indices.sorted { target.cues[$0].start < target.cues[$1].start }
        var forTarget = Array(repeating: [Int](), count: target.cues.count)
        var forSource = Array(repeating: [Int](), count: source.cues.count)
        var first = 0
        for ti in t {
            let tc = target.cues[ti].timing
            while first < s.count, source.cues[s[first]].end <= tc.start { first += 1 }
            var j = first
            while j < s.count, source.cues[s[j]].start < tc.end {
                let sc = source.cues[s[j]].timing
                let shorter = max(1, min(sc.duration.milliseconds, tc.duration.milliseconds))
                if Double(sc.overlap(with: tc)) / Double(shorter) >= minOverlap {
                    forTarget[ti].append(s[j])
                    forSource[s[j]].append(ti)
                }
                j += 1
            }
        }
        sourcesForTarget = forTarget
        targetsForSource = forSource
    }
}
