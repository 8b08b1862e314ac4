import Foundation

/// SRT to WebVTT for canonical cues, straight from the bytes: no line table, no `Cue`, no `String`.
///
/// A canonical cue is a number line of 1–12 digits (one above the previous number), a timing line
/// `HH:MM:SS,mmm --> HH:MM:SS,mmm` (two hour digits, or up to nine without a leading zero; nothing after it, end not before start, start not before
/// the previous cue's), one or more text lines without `<`, `{`, `&` or a lone CR, none of which the reader
/// would take for a timing line, a broken timing line or the number of a next cue, then blank lines up to a
/// next cue's number or timing line (or the end of the bytes). Lines end with LF or CRLF. For such a cue
/// `SRTReader` gives no warning and its direct WebVTT path writes the id, the timing line with `.` for `,`, and
/// the lines with `>` escaped: exactly what is written here. At the first cue that is not canonical the scan
/// stops and the reader takes over from that cue's first line, with the numbering state handed on.
extension SRTReader {
    /// What the canonical scan carries from cue to cue, as the reader keeps it.
    struct CanonicalState {
        /// The numbering state, as the reader hands it from chunk to chunk.
        var carry: Carry
        var previousStart: Int64?
    }

    /// How far `canonicalVTT` got: bytes and lines consumed (always up to a block start), cues written.
    struct CanonicalProgress {
        var bytes = 0
        var lines = 0
        var cues = 0
    }

    /// Appends the WebVTT of the canonical cues at the start of `bytes` to `out`, stopping before the first one that
    /// is not canonical (or at the end). Blank lines before the first cue are skipped.
    static func canonicalVTT(_ bytes: UnsafeBufferPointer<UInt8>, state: inout CanonicalState, into out: inout [UInt8]) -> CanonicalProgress {
        var progress = CanonicalProgress()
        guard let base = bytes.baseAddress else { return progress }
        let n = bytes.count
        out.reserveCapacity(out.count + n + n / 16)

        /// The line starting at `start`: its content (without LF or CRLF) and where the next line starts; nil when
        /// it has no LF or holds a lone CR (the reader splits lines there).
        @inline(__always) func line(_ start: Int) -> (content: Range<Int>, next: Int)? {
            guard start < n, let found = memchr(base + start, 0x0A, n - start) else { return nil }
            let lf = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            let end = lf > start && base[lf - 1] == 0x0D ? lf - 1 : lf
            return (start..<end, lf + 1)
        }
        /// The line at `start` for the lookahead rules: as `splitLines` cuts it (the last one may lack an LF).
        @inline(__always) func anyLine(_ start: Int) -> Range<Int>? {
            guard start < n else { return nil }
            var i = start
            while i < n && base[i] != 0x0A && base[i] != 0x0D { i += 1 }
            return start..<i
        }
        @inline(__always) func next(after r: Range<Int>) -> Int {
            var i = r.upperBound
            if i < n && base[i] == 0x0D { i += 1 }
            if i < n && base[i] == 0x0A { i += 1 }
            return i
        }
        @inline(__always) func digits(_ i: Int, _ count: Int) -> Int64? {
            var v: Int64 = 0
            for k in i..<(i + count) {
                let d = base[k] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            return v
        }
        /// `HH:MM:SS,mmm` at `i` before `end` (two hour digits, or more without a leading zero, as the writer
        /// writes them): milliseconds, the offset of the `,` and where the time ends.
        @inline(__always) func time(_ i: Int, _ end: Int) -> (ms: Int64, comma: Int, next: Int)? {
            var k = i
            while k < end && k - i < 10 && SRTTiming.isDigit(base[k]) { k += 1 }
            let hourDigits = k - i
            guard hourDigits >= 2, hourDigits <= 9, hourDigits == 2 || base[i] != 0x30, k + 10 <= end,
                  base[k] == 0x3A, base[k + 3] == 0x3A, base[k + 6] == 0x2C,
                  let h = digits(i, hourDigits), let m = digits(k + 1, 2), let s = digits(k + 4, 2), let f = digits(k + 7, 3),
                  m < 60, s < 60 else { return nil }
            return (((h * 60 + m) * 60 + s) * 1000 + f, k + 6, k + 10)
        }

        var pos = 0
        // Blank lines before the first cue.
        while let l = line(pos), isBlank(bytes, l.content), !hasCR(base, l.content) {
            pos = l.next
            progress.lines += 1
        }
        progress.bytes = pos
        var local = state
        while pos < n {
            let mark = out.count
            var lines = 0
            // Number line: digits only.
            guard let numberLine = line(pos), (1...12).contains(numberLine.content.count),
                  numberLine.content.allSatisfy({ SRTTiming.isDigit(base[$0]) }),
                  let number = Int(exactly: digits(numberLine.content.lowerBound, numberLine.content.count)!) else { break }
            if let largest = local.carry.largestNumber, number <= largest { break }
            if let previous = local.carry.previousNumber, number != previous + 1 { break }
            lines += 1
            // Timing line: exactly `HH:MM:SS,mmm --> HH:MM:SS,mmm`.
            guard let timingLine = line(numberLine.next) else { break }
            let t = timingLine.content.lowerBound, tEnd = timingLine.content.upperBound
            guard let first = time(t, tEnd), first.next + 5 < tEnd, base[first.next] == 0x20, base[first.next + 1] == 0x2D,
                  base[first.next + 2] == 0x2D, base[first.next + 3] == 0x3E, base[first.next + 4] == 0x20,
                  let second = time(first.next + 5, tEnd), second.next == tEnd else { break }
            let start = first.ms, end = second.ms
            guard end >= start else { break }
            if let previousStart = local.previousStart, start < previousStart { break }
            lines += 1
            out.append(contentsOf: UnsafeBufferPointer(start: base + numberLine.content.lowerBound, count: numberLine.content.count))
            out.append(0x0A)
            let timingAt = out.count
            out.append(contentsOf: UnsafeBufferPointer(start: base + t, count: tEnd - t))
            out[timingAt + first.comma - t] = 0x2E
            out[timingAt + second.comma - t] = 0x2E
            out.append(0x0A)
            // Text lines, up to a blank line.
            var q = timingLine.next
            var textLines = 0
            var ok = true
            var separator: Int?
            while true {
                guard let l = line(q) else { ok = false; break }
                if isBlank(bytes, l.content) {
                    guard !hasCR(base, l.content) else { ok = false; break }
                    separator = q
                    break
                }
                // What the reader would take for a timing line, a broken one or a next cue's number.
                let r = l.content
                if SRTTiming.parse(bytes, r) != nil || isBrokenTiming(bytes, r) { ok = false; break }
                if isNumber(bytes, r), let following = anyLine(l.next), SRTTiming.parse(bytes, following) != nil { ok = false; break }
                if textLines > 0 { out.append(0x0A) }
                guard appendEscaped(base, r, to: &out) else { ok = false; break }
                textLines += 1
                lines += 1
                q = l.next
            }
            guard ok, textLines > 0, var j = separator else { out.removeSubrange(mark...); break }
            // Blank lines, then the end of the bytes or a next cue.
            while let l = line(j), isBlank(bytes, l.content) {
                guard !hasCR(base, l.content) else { ok = false; break }
                j = l.next
                lines += 1
            }
            if ok, j < n {
                guard let first = anyLine(j) else { ok = false; break }
                ok = SRTTiming.parse(bytes, first) != nil || anyLine(next(after: first)).map { SRTTiming.parse(bytes, $0) != nil } ?? false
            }
            guard ok else { out.removeSubrange(mark...); break }
            out.append(0x0A)
            out.append(0x0A)
            local.carry = Carry(previousNumber: number, largestNumber: number)
            local.previousStart = start
            pos = j
            progress.bytes = j
            progress.lines += lines
            progress.cues += 1
            state = local
        }
        return progress
    }

    /// Whether `r` holds a CR (a line break for the reader).
    @inline(__always) private static func hasCR(_ base: UnsafePointer<UInt8>, _ r: Range<Int>) -> Bool {
        r.isEmpty ? false : memchr(base + r.lowerBound, 0x0D, r.count) != nil
    }

    /// Appends the plain text line `r` with `>` escaped; false when it holds `<`, `{`, `&` or a CR.
    @inline(__always) private static func appendEscaped(_ base: UnsafePointer<UInt8>, _ r: Range<Int>, to out: inout [UInt8]) -> Bool {
        var run = r.lowerBound
        for i in r {
            switch base[i] {
            case 0x3C, 0x7B, 0x26, 0x0D: return false
            case 0x3E:
                out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: i - run))
                out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B]) // &gt;
                run = i + 1
            default: continue
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(start: base + run, count: r.upperBound - run))
        return true
    }
}
