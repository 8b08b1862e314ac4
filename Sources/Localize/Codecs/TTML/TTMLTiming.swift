/// An exact non-negative-denominator fraction used while resolving TTML times; rounded to
/// milliseconds only when a cue is built.
struct TTMLTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    private(set) var num: Int64
    private(set) var den: Int64

    init(_ num: Int64, _ den: Int64 = 1) {
        precondition(den != 0)
        var n = num, d = den
        if d < 0 { n = -n; d = -d }
        let g = TTMLTime.gcd(Swift.abs(n), d)
        self.num = g > 1 ? n / g : n
        self.den = g > 1 ? d / g : d
    }

    static let zero = TTMLTime(0)

    private static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var a = a, b = b
        while b != 0 { (a, b) = (b, a % b) }
        return Swift.max(a, 1)
    }

    static func + (a: TTMLTime, b: TTMLTime) -> TTMLTime {
        let g = gcd(a.den, b.den)
        return TTMLTime(a.num * (b.den / g) + b.num * (a.den / g), a.den / g * b.den)
    }
    static func - (a: TTMLTime, b: TTMLTime) -> TTMLTime { a + TTMLTime(-b.num, b.den) }
    static func * (a: TTMLTime, b: TTMLTime) -> TTMLTime {
        let g1 = gcd(Swift.abs(a.num), b.den), g2 = gcd(Swift.abs(b.num), a.den)
        return TTMLTime((a.num / g1) * (b.num / g2), (a.den / g2) * (b.den / g1))
    }
    static func / (a: TTMLTime, b: TTMLTime) -> TTMLTime { a * TTMLTime(b.den, b.num) }
    static func < (a: TTMLTime, b: TTMLTime) -> Bool {
        a.num.multipliedFullWidth(by: b.den) < b.num.multipliedFullWidth(by: a.den)
    }

    /// Rounded to the nearest millisecond, halves away from zero.
    var milliseconds: Int64 {
        let scaled = num * 1000
        let q = scaled / den, r = scaled % den
        return 2 * Swift.abs(r) >= den ? q + (scaled < 0 ? -1 : 1) : q
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
            var total = TTMLTime(h * 3600 + m * 60)
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
            return total
        }
        let metrics: [(String, (TTMLTime) -> TTMLTime)] = [
            ("ms", { $0 / TTMLTime(1000) }), ("h", { $0 * TTMLTime(3600) }), ("m", { $0 * TTMLTime(60) }),
            ("s", { $0 }), ("f", { $0 / effectiveFrameRate }), ("t", { $0 / tickRate }),
        ]
        for (suffix, convert) in metrics where s.hasSuffix(suffix) {
            guard let n = TTMLTime(decimal: s.dropLast(suffix.count)) else { return nil }
            return convert(n)
        }
        return nil
    }
}

extension String {
    /// The string without leading and trailing XML whitespace (space, tab, CR, LF).
    func trimmingWhitespace() -> String {
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
