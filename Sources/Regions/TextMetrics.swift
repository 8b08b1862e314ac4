import Subtitles
import SymbolDB
import TextServices

/// Counts characters the way a region's style guide does.
public struct TextMetrics: Sendable {
    public var counting: CharCounting

    public init(counting: CharCounting) { self.counting = counting }

    /// Length of one line: graphemes, with half-width graphemes counting 0.5 under CJK counting.
    /// Invisible format controls (bidi marks and embeddings, zero-width spaces: category Cf) count 0.
    public func length(_ line: Substring) -> Double {
        var total = 0.0
        for ch in line { total += width(of: ch) }
        return total
    }

    /// Width of one grapheme: 0 for format controls, else 1, or 0.5 for half-width under CJK counting.
    @inline(__always)
    public func width(of character: Character) -> Double {
        guard let first = character.unicodeScalars.first else { return 0 }
        let v = first.value
        // ASCII is never a format control nor East Asian Wide.
        if v < 0x80 { return counting == .full ? 1 : 0.5 }
        if v >= 0xAD, (0x200B...0x206F).contains(v) || v == 0xAD || v == 0x061C || v == 0xFEFF,
           first.properties.generalCategory == .format { return 0 }
        switch counting {
        case .full: return 1
        case .cjk: return CharacterProperties.isWide(first) ? 1 : 0.5
        }
    }

    public func length(_ line: String) -> Double { length(line[...]) }

    /// Characters counted for reading speed: every line's length; line breaks do not count.
    public func readingLength(_ text: String) -> Double {
        var total = 0.0
        for ch in text where ch != "\n" { total += width(of: ch) }
        return total
    }

    /// Characters per second over a duration (infinite for zero duration with text).
    public func charactersPerSecond(_ text: String, duration: TimeLength) -> Double {
        let chars = readingLength(text)
        guard duration.milliseconds > 0 else { return chars > 0 ? .infinity : 0 }
        return chars / duration.seconds
    }
}
