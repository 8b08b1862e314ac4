import Foundation

/// The 1-based line where each cue starts in a text subtitle file (SRT, WebVTT), found by its timing line.
public enum CueLines {
    /// For each timing line (`-->`), the line of the cue's number or id when one is on the line before,
    /// else the timing line. Returns nil when the count differs from `cueCount` (a reader that skipped or
    /// merged cues, or a format without timing lines), so callers never point at the wrong cue.
    public static func locate(in text: String, cueCount: Int) -> [Int]? {
        var text = text
        return text.withUTF8 { locate(utf8: $0, cueCount: cueCount) }
    }

    /// ``locate(in:cueCount:)`` on the file's bytes, read as UTF-8, without making a string of the file or an
    /// array of its lines (a 10^6-cue file has 4 × 10^6 lines).
    public static func locate(in data: Data, cueCount: Int) -> [Int]? {
        data.withUnsafeBytes { locate(utf8: $0.bindMemory(to: UInt8.self), cueCount: cueCount) }
    }

    static func locate(utf8 bytes: UnsafeBufferPointer<UInt8>, cueCount: Int) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(cueCount)
        var previousHasText = false
        var lineNumber = 0
        var start = 0
        let count = bytes.count
        func line(_ from: Int, _ to: Int) {
            lineNumber += 1
            let isTiming = contains(bytes, from, to)
            if isTiming { result.append(previousHasText ? lineNumber - 1 : lineNumber) }
            previousHasText = !isTiming && hasText(bytes, from, to)
        }
        var i = 0
        while i < count {
            let b = bytes[i]
            if b == 0x0A || b == 0x0D {
                line(start, i)
                if b == 0x0D, i + 1 < count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        line(start, count)   // the last line (empty after a final line break), as split(omittingEmptySubsequences: false)
        return result.count == cueCount ? result : nil
    }

    /// Whether bytes `from..<to` hold `-->`.
    private static func contains(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var i = from
        while i + 2 < to {
            if bytes[i] == 0x2D, bytes[i + 1] == 0x2D, bytes[i + 2] == 0x3E { return true }
            i += 1
        }
        return false
    }

    /// Whether the line has a character that is not whitespace or a BOM (ASCII lines by byte, others as text).
    private static func hasText(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        var ascii = true
        for i in from..<to {
            let b = bytes[i]
            if b >= 0x80 { ascii = false; break }
            if !(b == 0x20 || (0x09...0x0D).contains(b)) { return true }
        }
        if ascii { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        return text.contains { !($0.isWhitespace || $0 == "\u{FEFF}") }
    }
}
