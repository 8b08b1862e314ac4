import Subtitles
import SymbolDB
import TextServices

/// One way a cue breaks a region's limits.
public enum LimitViolation: Hashable, Sendable {
    /// More lines than the orientation allows.
    case tooManyLines(count: Int, limit: Int)
    /// Line `line` (0-based) is longer than the orientation allows.
    case lineTooLong(line: Int, length: Double, limit: Int)
    /// More characters per second than the region's reading speed.
    case readingSpeed(charactersPerSecond: Double, limit: Double)
}

extension SubtitleLimits {
    /// The line and reading-speed limits `text` breaks over `duration` (nil: lines only), in the region's counting
    /// and for `orientation`: THE limit check that wrapping, the glossary step and the audit share.
    public func violations(ofText text: String, duration: TimeLength?, orientation: Orientation = .vertical) -> [LimitViolation] {
        let metrics = TextMetrics(counting: charCounting)
        let lineLimits = lines(for: orientation)
        var found: [LimitViolation] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count > lineLimits.maxLines {
            found.append(.tooManyLines(count: lines.count, limit: lineLimits.maxLines))
        }
        for (index, line) in lines.enumerated() {
            let length = metrics.length(line)
            if length > Double(lineLimits.maxCharsPerLine) + 1e-9 {
                found.append(.lineTooLong(line: index, length: length, limit: lineLimits.maxCharsPerLine))
            }
        }
        if let duration {
            let cps = metrics.charactersPerSecond(text, duration: duration)
            if cps > maxCharsPerSecond { found.append(.readingSpeed(charactersPerSecond: cps, limit: maxCharsPerSecond)) }
        }
        return found
    }

    /// The limits a cue's plain text breaks over its duration.
    public func violations(of cue: Cue, orientation: Orientation = .vertical) -> [LimitViolation] {
        violations(ofText: cue.text.plainText, duration: cue.duration, orientation: orientation)
    }

    /// Whether `text` fits the line limits (count and length): the allocation-free form of ``violations(ofText:duration:orientation:)``
    /// without a duration, for hot loops.
    public func linesFit(_ text: String, orientation: Orientation = .vertical) -> Bool {
        LineFit(limits: lines(for: orientation), metrics: TextMetrics(counting: charCounting)).fits(text)
    }
}

/// The line-count and line-length part of the limit check, reusable in a loop without re-deriving limits.
public struct LineFit: Sendable {
    public var limits: LineLimits
    public var metrics: TextMetrics

    public init(limits: LineLimits, metrics: TextMetrics) {
        self.limits = limits
        self.metrics = metrics
    }

    /// Whether every line of `text` fits and there are not too many lines.
    public func fits(_ text: String) -> Bool {
        let cpl = Double(limits.maxCharsPerLine) + 1e-9
        var lines = 1
        var width = 0.0
        for ch in text {
            if ch == "\n" {
                lines += 1
                width = 0
                if lines > limits.maxLines { return false }
            } else {
                width += metrics.width(of: ch)
                if width > cpl { return false }
            }
        }
        return lines <= limits.maxLines
    }
}

extension RegionProfile {
    /// Keys a symbol's renderings are looked up under, most specific first (`zh-Hant-TW`, `zh-Hant`, `zh`).
    public var renderingKeys: [String] { LanguageTag.fallbackChain(tag, language) }

    /// The symbol's renderings for this region: the one resolution localize, audit and annotate share.
    public func renderings(of symbol: Symbol) -> ResolvedRenderings? {
        ResolvedRenderings(symbol: symbol, keys: renderingKeys)
    }

    /// The Chinese script of the region's language, nil when it is not Chinese.
    public var chineseScript: ChineseScript? { isChinese ? LanguageTag.chineseScript(of: tag) : nil }

    /// Whether the region's language is Chinese.
    public var isChinese: Bool { LanguageTag.isChinese(language) }
}
