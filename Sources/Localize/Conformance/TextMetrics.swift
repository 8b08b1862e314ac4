import TextServices

/// Counts characters the way a region's style guide does.
public struct TextMetrics: Sendable {
    public var counting: CharCounting

    public init(counting: CharCounting) { self.counting = counting }

    /// Length of one line: graphemes, with half-width graphemes counting 0.5 under CJK counting.
    public func length(_ line: Substring) -> Double {
        switch counting {
        case .full:
            return Double(line.count)
        case .cjk:
            var total = 0.0
            for ch in line {
                guard let first = ch.unicodeScalars.first else { continue }
                total += CharacterProperties.isWide(first) ? 1 : 0.5
            }
            return total
        }
    }

    public func length(_ line: String) -> Double { length(line[...]) }

    /// Characters counted for reading speed: every line's length; line breaks do not count.
    public func readingLength(_ text: String) -> Double {
        text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { $0 + length($1) }
    }

    /// Characters per second over a duration (infinite for zero duration with text).
    public func charactersPerSecond(_ text: String, duration: Duration) -> Double {
        let chars = readingLength(text)
        guard duration.milliseconds > 0 else { return chars > 0 ? .infinity : 0 }
        return chars / duration.seconds
    }
}
