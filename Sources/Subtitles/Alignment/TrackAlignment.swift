/// Pairs the cues of a target track with the source cues they overlap in time.
public struct TrackAlignment: Sendable {
    /// For each target cue index, the source cue indices it overlaps, in time order.
    public let sourcesForTarget: IndexLists
    /// For each source cue index, the target cue indices it overlaps.
    public let targetsForSource: IndexLists

    /// Aligns by time overlap in one sweep over both tracks (cues sorted by start; unsorted input is sorted first).
    /// `minOverlap` is the share of the shorter cue that must overlap (0.3 by default) so that a cue
    /// touching its neighbour by a few frames is not paired with it.
    public init(source: Track, target: Track, minOverlap: Double = 0.3) {
        self.init(sourceTimings: source.cues.map(\.timing), targetTimings: target.cues.map(\.timing), minOverlap: minOverlap)
    }

    /// Aligns cue timings given in cue order (see ``init(source:target:minOverlap:)``).
    public init(sourceTimings source: [TimeSpan], targetTimings target: [TimeSpan], minOverlap: Double = 0.3) {
        let s = source.indices.sorted { source[$0].start < source[$1].start }
        let t = target.indices.sorted { target[$0].start < target[$1].start }
        // The pairs in sweep order; grouped by target and by source below (a stable grouping keeps that order in each list).
        var pairTargets: [Int] = [], pairSources: [Int] = []
        var first = 0
        for ti in t {
            let tc = target[ti]
            while first < s.count, source[s[first]].end <= tc.start { first += 1 }
            var j = first
            while j < s.count, source[s[j]].start < tc.end {
                let sc = source[s[j]]
                let shorter = max(1, min(sc.duration.milliseconds, tc.duration.milliseconds))
                if Double(sc.overlap(with: tc)) / Double(shorter) >= minOverlap {
                    pairTargets.append(ti)
                    pairSources.append(s[j])
                }
                j += 1
            }
        }
        sourcesForTarget = IndexLists(grouping: pairSources, by: pairTargets, count: target.count)
        targetsForSource = IndexLists(grouping: pairTargets, by: pairSources, count: source.count)
    }
}

/// For each target or source cue, the indices of the cues of the other track it is aligned with.
public typealias IndexLists = FlatLists<Int>

/// A list of elements for each index `0..<count`, kept as one flat array and the start of each list in it
/// (two allocations for a whole track instead of one per cue).
public struct FlatLists<Element>: RandomAccessCollection, ExpressibleByArrayLiteral, CustomStringConvertible {
    /// `starts[i]..<starts[i + 1]` is list `i` in `values`.
    private var starts: [Int]
    private var values: [Element]

    /// `values[k]` goes to list `keys[k]`, in the order given.
    init(grouping values: [Element], by keys: [Int], count: Int) {
        var starts = Array(repeating: 0, count: count + 1)
        for key in keys { starts[key + 1] += 1 }
        for i in 0..<count { starts[i + 1] += starts[i] }
        var next = starts
        var grouped: [Element?] = Array(repeating: nil, count: values.count)
        for (value, key) in zip(values, keys) {
            grouped[next[key]] = value
            next[key] += 1
        }
        self.starts = starts
        self.values = grouped.map { $0! }
    }

    public init(_ lists: [[Element]] = []) {
        starts = [0]
        values = []
        for list in lists { append(list) }
    }

    public init(arrayLiteral lists: [Element]...) { self.init(lists) }

    /// Adds a list at the end.
    public mutating func append<S: Sequence<Element>>(_ list: S) {
        values.append(contentsOf: list)
        starts.append(values.count)
    }

    public mutating func reserveCapacity(lists: Int, elements: Int) {
        starts.reserveCapacity(lists + 1)
        values.reserveCapacity(elements)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }
    public subscript(position: Int) -> ArraySlice<Element> { values[starts[position]..<starts[position + 1]] }

    public var description: String { "\(map(Array.init))" }
}

extension FlatLists: Equatable where Element: Equatable {
    public static func == (a: Self, b: Self) -> Bool { a.starts == b.starts && a.values == b.values }
}

extension FlatLists: Hashable where Element: Hashable {
    public func hash(into hasher: inout Hasher) {
        hasher.combine(starts)
        hasher.combine(values)
    }
}

extension FlatLists: Sendable where Element: Sendable {}
