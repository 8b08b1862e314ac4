/// Byte-level building blocks of the WebVTT syntax shared by the file parser, the cue settings,
/// the cue text parser and the writer: ASCII classes, timestamps and percentages.
enum WebVTTSyntax {
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let formFeed: UInt8 = 0x0C

    /// ASCII whitespace as the spec uses it: tab, LF, FF, CR, space.
    @inline(__always)
    static func isWhitespace(_ b: UInt8) -> Bool {
        b == space || b == tab || b == lf || b == formFeed || b == cr
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always)
    static func isAlphanumeric(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    /// "Collect a WebVTT timestamp" starting at `i` in `bytes[..<end]`; returns milliseconds and
    /// leaves `i` after the timestamp, or returns nil (failure). Values too large for Int64 fail too.
    static func collectTimestamp<C: RandomAccessCollection>(_ bytes: C, _ i: inout Int, end: Int) -> Int64?
    where C.Element == UInt8, C.Index == Int {
        var hoursUnits = false
        guard i < end, isDigit(bytes[i]) else { return nil }
        guard let (v1, len1) = collectDigits(bytes, &i, end: end) else { return nil }
        if len1 != 2 || v1 > 59 { hoursUnits = true }
        guard i < end, bytes[i] == 0x3A else { return nil }
        i += 1
        guard let (v2Raw, len2) = collectDigits(bytes, &i, end: end), len2 == 2 else { return nil }
        var value1 = v1, value2 = v2Raw, value3: Int64
        if hoursUnits || (i < end && bytes[i] == 0x3A) {
            guard i < end, bytes[i] == 0x3A else { return nil }
            i += 1
            guard let (v3, len3) = collectDigits(bytes, &i, end: end), len3 == 2 else { return nil }
            value3 = v3
        } else {
            value3 = value2
            value2 = value1
            value1 = 0
        }
        guard i < end, bytes[i] == 0x2E else { return nil }
        i += 1
        guard let (value4, len4) = collectDigits(bytes, &i, end: end), len4 == 3 else { return nil }
        guard value2 <= 59, value3 <= 59 else { return nil }
        let (h, o1) = value1.multipliedReportingOverflow(by: 3_600_000)
        guard !o1 else { return nil }
        let (total, o2) = h.addingReportingOverflow(value2 * 60_000 + value3 * 1000 + value4)
        return o2 ? nil : total
    }

    /// Collects ASCII digits (possibly none); nil when the value overflows Int64.
    private static func collectDigits<C: RandomAccessCollection>(_ bytes: C, _ i: inout Int, end: Int) -> (Int64, Int)?
    where C.Element == UInt8, C.Index == Int {
        var value: Int64 = 0
        var count = 0
        var overflow = false
        while i < end, isDigit(bytes[i]) {
            if !overflow {
                let (m, o1) = value.multipliedReportingOverflow(by: 10)
                let (a, o2) = m.addingReportingOverflow(Int64(bytes[i] - 0x30))
                if o1 || o2 { overflow = true } else { value = a }
            }
            count += 1
            i += 1
        }
        return overflow ? nil : (value, count)
    }

    /// A timestamp as WebVTT writes it: `HH:MM:SS.mmm` (more hour digits when needed; negatives as zero).
    static func appendTimestamp(_ milliseconds: Int64, to out: inout [UInt8]) {
        let ms = max(0, milliseconds)
        let hours = ms / 3_600_000
        if hours < 10 { out.append(0x30) }
        out.append(contentsOf: String(hours).utf8)
        out.append(0x3A)
        appendTwo((ms / 60_000) % 60, to: &out)
        out.append(0x3A)
        appendTwo((ms / 1000) % 60, to: &out)
        out.append(0x2E)
        let f = ms % 1000
        out.append(0x30 + UInt8(f / 100))
        out.append(0x30 + UInt8((f / 10) % 10))
        out.append(0x30 + UInt8(f % 10))
    }

    @inline(__always)
    private static func appendTwo(_ v: Int64, to out: inout [UInt8]) {
        out.append(0x30 + UInt8(v / 10))
        out.append(0x30 + UInt8(v % 10))
    }

    static func timestampString(_ milliseconds: Int64) -> String {
        var out: [UInt8] = []
        appendTimestamp(milliseconds, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// "Parse a percentage string": one or more digits, optionally `.` and one or more digits, then `%`;
    /// the number must lie in 0…100.
    static func parsePercentage(_ s: Substring) -> Double? {
        let u = Array(s.utf8)
        guard u.count >= 2, u.last == 0x25 else { return nil }
        var i = 0
        var intDigits = 0
        while i < u.count - 1, isDigit(u[i]) { i += 1; intDigits += 1 }
        guard intDigits > 0 else { return nil }
        if i < u.count - 1 {
            guard u[i] == 0x2E else { return nil }
            i += 1
            var fracDigits = 0
            while i < u.count - 1, isDigit(u[i]) { i += 1; fracDigits += 1 }
            guard fracDigits > 0, i == u.count - 1 else { return nil }
        }
        guard let value = Double(s.dropLast()), value >= 0, value <= 100 else { return nil }
        return value + 0.0
    }

    static func parsePercentage(_ s: String) -> Double? { parsePercentage(Substring(s)) }

    /// Splits on ASCII whitespace, dropping empty pieces.
    static func splitOnWhitespace(_ s: Substring) -> [Substring] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" || $0 == "\r" || $0 == "\r\n" })
    }

    /// Name and value of a `name:value` setting, or nil when there is no colon or the first colon is
    /// the first or last character.
    static func splitSetting(_ token: Substring) -> (name: Substring, value: Substring)? {
        guard let colon = token.firstIndex(of: ":"), colon != token.startIndex,
              token.index(after: colon) != token.endIndex else { return nil }
        return (token[..<colon], token[token.index(after: colon)...])
    }
}
