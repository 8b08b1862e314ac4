/// A parsed SRT timing line: `00:01:02,500 --> 00:01:04,000 [X1:… X2:… Y1:… Y2:…]`.
struct SRTTiming {
    var start: Int64
    var end: Int64
    /// Byte range of whatever follows the end time, trimmed (coordinates or garbage); empty when nothing.
    var rest: Range<Int>
    /// Deviations from canonical SRT that were accepted (shown as warnings).
    var quirks: [String]

    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// Parses the timing line `bytes[range]`; nil when it is not one.
    /// Accepts `,` or `.` before the milliseconds, 1–3 millisecond digits, any number of hour digits,
    /// missing hours (`MM:SS,mmm`) and spaces around the arrow.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> SRTTiming? {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end && isSpace(bytes[i]) { i += 1 }
        // Fast rejection: a timing line starts with a digit.
        guard i < end, isDigit(bytes[i]) else { return nil }
        var quirks: [String] = []
        guard let start = time(bytes, &i, end, &quirks) else { return nil }
        while i < end && isSpace(bytes[i]) { i += 1 }
        guard i + 3 <= end, bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x3E else { return nil } // -->
        i += 3
        while i < end && isSpace(bytes[i]) { i += 1 }
        guard let stop = time(bytes, &i, end, &quirks) else { return nil }
        var restStart = i
        var restEnd = end
        while restStart < restEnd && (isSpace(bytes[restStart]) || bytes[restStart] < 0x20) { restStart += 1 }
        while restEnd > restStart && (isSpace(bytes[restEnd - 1]) || bytes[restEnd - 1] < 0x20) { restEnd -= 1 }
        // A time must not run straight into more text ("00:00:01,000 --> 00:00:02,0001").
        if restStart == i && restStart < restEnd { return nil }
        return SRTTiming(start: start, end: stop, rest: restStart..<restEnd, quirks: quirks)
    }

    private static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> (value: Int64, digits: Int)? {
        var value: Int64 = 0
        var digits = 0
        while i < end && isDigit(bytes[i]) && digits < 12 {
            value = value * 10 + Int64(bytes[i] - 0x30)
            digits += 1
            i += 1
        }
        return digits == 0 ? nil : (value, digits)
    }

    private static func time(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int, _ quirks: inout [String]) -> Int64? {
        // Up to three fields (h:m:s or m:s), in a fixed-size tuple: no allocation per timestamp.
        var parts: (a: (value: Int64, digits: Int), b: (value: Int64, digits: Int), c: (value: Int64, digits: Int))
            = ((0, 0), (0, 0), (0, 0))
        var count = 0
        guard let first = number(bytes, &i, end) else { return nil }
        parts.a = first
        count = 1
        while count < 3 && i < end && bytes[i] == 0x3A { // :
            i += 1
            guard let next = number(bytes, &i, end), next.digits <= 2 else { return nil }
            if count == 1 { parts.b = next } else { parts.c = next }
            count += 1
        }
        guard count >= 2 else { return nil }
        var hours: Int64 = 0, minutes: Int64, seconds: Int64
        if count == 3 {
            hours = parts.a.value; minutes = parts.b.value; seconds = parts.c.value
        } else {
            guard parts.a.digits <= 2 else { return nil }
            minutes = parts.a.value; seconds = parts.b.value
            quirks.append("the time has no hours")
        }
        guard minutes < 60, seconds < 60 else { return nil }
        var ms: Int64 = 0
        if i < end && (bytes[i] == 0x2C || bytes[i] == 0x2E) { // , or .
            if bytes[i] == 0x2E, !quirks.contains(dotQuirk) { quirks.append(dotQuirk) }
            i += 1
            guard let frac = number(bytes, &i, end) else { return nil }
            switch frac.digits {
            case 3: ms = frac.value
            case 2: ms = frac.value * 10; quirks.append("milliseconds should have 3 digits")
            case 1: ms = frac.value * 100; quirks.append("milliseconds should have 3 digits")
            default: return nil
            }
        } else {
            quirks.append("the time has no milliseconds")
        }
        return ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms
    }

    static let dotQuirk = "'.' instead of ',' before the milliseconds"
}
