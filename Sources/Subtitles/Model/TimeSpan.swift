/// A start and an end on the timeline; the end never precedes the start.
public struct TimeSpan: Hashable, Sendable, Codable {
    public let start: Timestamp
    public let end: Timestamp

    /// Returns nil when `end` precedes `start`.
    public init?(start: Timestamp, end: Timestamp) {
        guard end >= start else { return nil }
        self.start = start
        self.end = end
    }

    /// Throws `TrackError.endBeforeStart` when `end` precedes `start`.
    public static func checked(start: Timestamp, end: Timestamp) throws(TrackError) -> TimeSpan {
        guard let span = TimeSpan(start: start, end: end) else { throw .endBeforeStart(start: start, end: end) }
        return span
    }

    public var duration: TimeLength { end - start }

    public func overlaps(_ other: TimeSpan) -> Bool { start < other.end && other.start < end }

    /// Milliseconds shared with another span (0 when disjoint).
    public func overlap(with other: TimeSpan) -> Int64 {
        Swift.max(0, Swift.min(end, other.end).milliseconds - Swift.max(start, other.start).milliseconds)
    }
}

/// Errors raised by the model when asked to hold something it cannot.
public enum TrackError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A cue's end time precedes its start time.
    case endBeforeStart(start: Timestamp, end: Timestamp)

    public var description: String {
        switch self {
        case let .endBeforeStart(start, end): return "end time \(end) is before start time \(start)"
        }
    }
}
