/// The 1-based line where each cue starts in a text subtitle file (SRT, WebVTT), found by its timing line.
public enum CueLines {
    /// For each timing line (`-->`), the line of the cue's number or id when one is on the line before,
    /// else the timing line. Returns nil when the count differs from `cueCount` (a reader that skipped or
    /// merged cues, or a format without timing lines), so callers never point at the wrong cue.
    public static func locate(in text: String, cueCount: Int) -> [Int]? {
        var result: [Int] = []
        result.reserveCapacity(cueCount)
        var previousHasText = false
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            let isTiming = line.contains("-->")
            if isTiming { result.append(previousHasText ? lineNumber - 1 : lineNumber) }
            previousHasText = !isTiming && line.contains { !($0.isWhitespace || $0 == "\u{FEFF}") }
        }
        return result.count == cueCount ? result : nil
    }
}
