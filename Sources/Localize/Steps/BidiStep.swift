import Regions
import Subtitles
import TextServices

/// Keeps punctuation and embedded Latin or number runs in place in right-to-left subtitles.
///
/// Approach (one of the two the Netflix Arabic and Hebrew guides accept): every line that holds a strong
/// right-to-left character is wrapped in U+202B RIGHT-TO-LEFT EMBEDDING … U+202C POP DIRECTIONAL
/// FORMATTING. The embedding makes the line's base direction RTL even on players that default to LTR or
/// that take the direction from the first strong character (a line opening with "OK" or "3"), so
/// sentence-final punctuation and dialogue dashes stay at the line's left/right ends while Latin and
/// number runs keep their own order inside. Lines without RTL letters are left alone.
/// Idempotent: an existing leading RLE and trailing PDF are recognised and not doubled.
/// A no-op for left-to-right regions.
public struct BidiStep: LocalizeStep {
    public static let embedding: Character = "\u{202B}"
    public static let pop: Character = "\u{202C}"

    public var name: String { "bidi" }
    public init() {}

    public func apply(_ track: Track, in context: LocalizeContext) -> StepResult {
        guard context.region.direction == .rtl else { return StepResult(track: track) }
        var out = track
        var changes: [Change] = []
        for (index, cue) in track.cues.enumerated() {
            let edits = Self.edits(for: cue.text.plainText)
            guard !edits.isEmpty else { continue }
            let text = cue.text.applying(edits)
            guard text != cue.text else { continue }
            out.cues[index].text = text
            changes.append(Change(step: name, kind: .changed, cue: track.cueLabel(index), start: cue.start,
                                  reason: "wrapped right-to-left lines in RLE…PDF", before: cue.text.plainText, after: text.plainText))
        }
        return StepResult(track: out, changes: changes)
    }

    /// Per line: insert RLE at the start and PDF at the end of lines with RTL letters, unless already there.
    static func edits(for plain: String) -> [TextEdit] {
        var edits: [TextEdit] = []
        var offset = 0
        for line in plain.split(separator: "\n", omittingEmptySubsequences: false) {
            let length = line.utf16.count
            defer { offset += length + 1 }
            guard line.unicodeScalars.contains(where: { CharacterProperties.isStrongRTL($0) }) else { continue }
            if line.first != embedding { edits.append(TextEdit(offset..<offset, .text(String(embedding)))) }
            if line.last != pop || line.count < 2 { edits.append(TextEdit((offset + length)..<(offset + length), .text(String(pop)))) }
        }
        return edits
    }
}
