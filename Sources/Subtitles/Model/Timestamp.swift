/// A point on a track's timeline in integer milliseconds; never floating-point seconds.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public init(hours: Int64 = 0, minutes: Int64 = 0, seconds: Int64 = 0, milliseconds: Int64 = 0) {
        self.milliseconds = ((hours * 60 + minutes) * 60 + seconds) * 1000 + milliseconds
    }

    public static let zero = Timestamp(milliseconds: 0)

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.milliseconds < b.milliseconds }
    public static func + (a: Timestamp, b: TimeLength) -> Timestamp { Timestamp(milliseconds: a.milliseconds + b.milliseconds) }
    public static func - (a: Timestamp, b: TimeLength) -> Timestamp { Timestamp(milliseconds: a.milliseconds - b.milliseconds) }
    public static func - (a: Timestamp, b: Timestamp) -> TimeLength { TimeLength(milliseconds: a.milliseconds - b.milliseconds) }

    /// Hours, minutes, seconds and milliseconds of a non-negative timestamp.
    public var components: (hours: Int64, minutes: Int64, seconds: Int64, milliseconds: Int64) {
        let ms = Swift.max(0, milliseconds)
        return (ms / 3_600_000, (ms / 60_000) % 60, (ms / 1000) % 60, ms % 1000)
    }

    /// `HH:MM:SS.mmm` with the given separator before the milliseconds (`,` for SRT, `.` for WebVTT).
    public func formatted(separator: Character = ".") -> String {
        let c = components
        return pad(c.hours, 2) + ":" + pad(c.minutes, 2) + ":" + pad(c.seconds, 2) + String(separator) + pad(c.milliseconds, 3)
    }

    public var description: String { formatted() }
}

/// A signed length of time in integer milliseconds.
public struct TimeLength: Hashable, Comparable, Sendable, Codable {
    public var milliseconds: Int64
    public init(milliseconds: Int64) { self.milliseconds = milliseconds }
    public static func < (a: TimeLength, b: TimeLength) -> Bool { a.milliseconds < b.milliseconds }
    public var seconds: Double { Double(milliseconds) / 1000 }
}

@inline(__always)
func pad(_ value: Int64, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
