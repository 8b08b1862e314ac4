/// An exact non-negative-denominator fraction used while resolving TTML times; rounded to
/// milliseconds only when a cue is built.
///
/// Magnitudes are capped at `limitSeconds` (about 31,700 years): arithmetic that would overflow, or
/// reach the cap, saturates there instead of trapping, and `isOutOfRange` lets the reader refuse it.
struct TTMLTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    private(set) var num: Int64
    private(set) var den: Int64

    /// Largest magnitude kept, in seconds.
    static let limitSeconds: Int64 = 1_000_000_000_000

    init(_ num: Int64, _ den: Int64 = 1) {
        precondition(den != 0)
        guard num != .min, den != .min else { self = TTMLTime.saturated(negative: (num < 0) != (den < 0)); return }
        var n = num, d = den
        if d < 0 { n = -n; d = -d }
        let g = TTMLTime.gcd(Swift.abs(n), d)
        n = g > 1 ? n / g : n
        d = g > 1 ? d / g : d
        if Swift.abs(n) / d >= TTMLTime.limitSeconds { self = TTMLTime.saturated(negative: n < 0); return }
        self.num = n
        self.den = d
    }

    private init(raw num: Int64, _ den: Int64) {
        self.num = num
        self.den = den
    }

    static func saturated(negative: Bool) -> TTMLTime { TTMLTime(raw: negative ? -limitSeconds : limitSeconds, 1) }

    /// Whether the value reached the cap (an absurd time, or an overflow on the way).
    var isOutOfRange: Bool { Swift.abs(num) / den >= TTMLTime.limitSeconds }

    static let zero = TTMLTime(0)

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return Swift.max(a, 1)
    }

    private static func checked(_ r: (partialValue: Int64, overflow: Bool)) -> Int64? { r.overflow ? nil : r.partialValue }

    static func + (a: TTMLTime, b: TTMLTime) -> TTMLTime {
        // Adding zero (a parent that begins at 0, the usual case) gives the other term as it is.
        if b.num == 0 { return a }
        if a.num == 0 { return b }
        let g = gcd(a.den, b.den)
        guard let x = checked(a.num.multipliedReportingOverflow(by: b.den / g)),
              let y = checked(b.num.multipliedReportingOverflow(by: a.den / g)),
              let n = checked(x.addingReportingOverflow(y)),
              let d = checked((a.den / g).multipliedReportingOverflow(by: b.den)) else {
            // Only same-signed terms can overflow the sum; a huge denominator is a tiny step: keep the larger term.
            if a.num.signum() == b.num.signum() { return saturated(negative: a.num < 0) }
            return Swift.abs(a.num) / a.den >= Swift.abs(b.num) / b.den ? a : b
        }
        return TTMLTime(n, d)
    }
    static func - (a: TTMLTime, b: TTMLTime) -> TTMLTime { a + TTMLTime(-b.num, b.den) }
    static func * (a: TTMLTime, b: TTMLTime) -> TTMLTime {
        let g1 = gcd(Swift.abs(a.num), b.den), g2 = gcd(Swift.abs(b.num), a.den)
        guard let n = checked((a.num / g1).multipliedReportingOverflow(by: b.num / g2)),
              let d = checked((a.den / g2).multipliedReportingOverflow(by: b.den / g1)) else {
            if a.num == 0 || b.num == 0 { return .zero }
            // A numerator overflow is a huge value; a denominator overflow alone is a value near zero.
            let hugeNumerator = (a.num / g1).multipliedReportingOverflow(by: b.num / g2).overflow
            return hugeNumerator ? saturated(negative: (a.num < 0) != (b.num < 0)) : .zero
        }
        return TTMLTime(n, d)
    }
    static func / (a: TTMLTime, b: TTMLTime) -> TTMLTime {
        guard b.num != 0 else { return saturated(negative: a.num < 0) }
        return a * TTMLTime(b.den, b.num)
    }
    static func < (a: TTMLTime, b: TTMLTime) -> Bool {
        a.num.multipliedFullWidth(by: b.den) < b.num.multipliedFullWidth(by: a.den)
    }

    /// Rounded to the nearest millisecond, halves away from zero.
    var milliseconds: Int64 {
        // |num/den| < limitSeconds, so the quotient fits; the product is taken in full width.
        let wide = num.multipliedFullWidth(by: 1000)
        let (q, r) = den.dividingFullWidth(wide)
        let negative = num < 0
        return 2 * Swift.abs(r) >= den ? q + (negative ? -1 : 1) : q
    }

    var timestamp: Timestamp { Timestamp(milliseconds: milliseconds) }

    var description: String { den == 1 ? "\(num)" : "\(num)/\(den)" }

    /// Parses a decimal such as `12`, `1.25` exactly.
    init?(decimal s: Substring) {
        guard !s.isEmpty else { return nil }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !parts[0].isEmpty || (parts.count == 2 && !parts[1].isEmpty) else { return nil }
        let whole = Int64(parts[0].isEmpty ? "0" : parts[0]) ?? -1
        guard whole >= 0 else { return nil }
        var value = TTMLTime(whole)
        if parts.count == 2, !parts[1].isEmpty {
            let digits = parts[1].prefix(12)
            guard let f = Int64(digits) else { return nil }
            var scale: Int64 = 1
            for _ in 0..<digits.count { scale *= 10 }
            value = value + TTMLTime(f, scale)
        }
        self = value
    }
}

/// The timing parameters declared on `<tt>` (TTML2 §7.2), with their defaults.
struct TTMLTimingParameters: Sendable {
    /// `ttp:frameRate` (default 30).
    var frameRate: Int64 = 30
    /// `ttp:frameRateMultiplier` (default 1:1).
    var multiplier = TTMLTime(1)
    /// `ttp:subFrameRate` (default 1).
    var subFrameRate: Int64 = 1
    /// `ttp:tickRate`; when absent, the effective frame rate if `ttp:frameRate` is given, else 1.
    var tickRate: TTMLTime = TTMLTime(1)

    var effectiveFrameRate: TTMLTime { TTMLTime(frameRate) * multiplier }

    /// Parses a TTML time expression: clock time `hh:mm:ss(.fraction | :frames(.subframes))` or
    /// offset time `<number>(h|m|s|ms|f|t)`. Returns nil when the expression is not valid.
    func parse(_ raw: String) -> TTMLTime? {
        let s = raw.trimmingWhitespace()
        if s.contains(":") {
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3 || parts.count == 4 else { return nil }
            guard parts[0].count >= 2, let h = Int64(parts[0]), h >= 0,
                  parts[1].count == 2, let m = Int64(parts[1]), (0..<60).contains(m) else { return nil }
            var total = TTMLTime(h) * TTMLTime(3600) + TTMLTime(m * 60)
            if parts.count == 3 {
                guard parts[2].prefix(while: \.isNumber).count == 2, let sec = TTMLTime(decimal: parts[2]),
                      sec < TTMLTime(61) else { return nil }
                total = total + sec
            } else {
                guard parts[2].count == 2, let sec = Int64(parts[2]), sec <= 60 else { return nil }
                total = total + TTMLTime(sec)
                let fs = parts[3].split(separator: ".", omittingEmptySubsequences: false)
                guard fs.count <= 2, fs[0].count >= 2, let frames = Int64(fs[0]), frames >= 0 else { return nil }
                total = total + TTMLTime(frames) / effectiveFrameRate
                if fs.count == 2 {
                    guard let sub = Int64(fs[1]), sub >= 0 else { return nil }
                    total = total + TTMLTime(sub) / (effectiveFrameRate * TTMLTime(subFrameRate))
                }
            }
            return total.isOutOfRange ? nil : total
        }
        let metrics: [(String, (TTMLTime) -> TTMLTime)] = [
            ("ms", { $0 / TTMLTime(1000) }), ("h", { $0 * TTMLTime(3600) }), ("m", { $0 * TTMLTime(60) }),
            ("s", { $0 }), ("f", { $0 / effectiveFrameRate }), ("t", { $0 / tickRate }),
        ]
        for (suffix, convert) in metrics where s.hasSuffix(suffix) {
            guard let n = TTMLTime(decimal: s.dropLast(suffix.count)) else { return nil }
            let value = convert(n)
            return value.isOutOfRange ? nil : value
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    package func trimmingWhitespace() -> String {
        let ws: Set<Character> = [" ", "\t", "\n", "\r", "\r\n"]
        guard let first = firstIndex(where: { !ws.contains($0) }) else { return "" }
        let last = lastIndex(where: { !ws.contains($0) })!
        return String(self[first...last])
    }

    /// Whitespace-separated tokens (XML `NMTOKENS`/`IDREFS`).
    var xmlTokens: [String] {
        split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }).map(String.init)
    }
}
