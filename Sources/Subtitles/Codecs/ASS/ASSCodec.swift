import Foundation

/// Advanced SubStation Alpha / SubStation Alpha (`.ass`, `.ssa`), read only.
///
/// - `[Script Info]`: `PlayResX`, `PlayResY` and `ScriptType` go to `Track.extensions` (`ass.playResX` …).
/// - `[V4+ Styles]` / `[V4 Styles]`: each style becomes a `DocumentStyle` (properties `ass.<Column>`);
///   a style's italic and bold flags apply to the cues that use it, and its `Alignment` (numpad 1–9, SSA's
///   legacy numbers converted) places them: `Placement.anchor` (nil for bottom centre), plus WebVTT
///   `line`/`position`/`align` settings from the margins (style margins, overridden by non-zero event
///   margins; percentages of `PlayResX`/`PlayResY`).
/// - `[Events]`: the `Format` line decides the column order; `Text` is the last column and keeps its commas.
///   `Dialogue` lines become cues in file order (style in `styleRefs`, layer/actor/effect in `extensions`);
///   `Comment` lines and other event types are skipped. An event that repeats an earlier one on another
///   layer (same times, text and anchor: a stacked border or glow) is merged into it; an event that is
///   only a drawing is dropped; both with a note.
/// - Text: `\N` and `\n` are line breaks, `\h` a no-break space; override blocks `{…}` are removed,
///   keeping `\anN` (and legacy SSA `\aN`) as `Placement.anchor` and `\i`/`\b` as italic/bold spans;
///   text drawn in drawing mode (`\p1` …) is dropped.
public struct ASSCodec: SubtitleCodec {
    public init() {}

    public var identifier: String { "ass" }
    public var extensions: [String] { ["ass", "ssa"] }
    public var canEncode: Bool { false }

    /// True when the first non-blank line is `[Script Info]`.
    public func sniff(_ text: String) -> Bool {
        var head = text.prefix(512)[...]
        while let c = head.first, c.isWhitespace || c == "\u{FEFF}" { head = head.dropFirst() }
        return head.prefix(13).lowercased() == "[script info]"
    }

    public func decode(_ source: SourceText, options: DecodeOptions) throws(CodecError) -> Decoded {
        var reader = ASSReader(name: source.name, strict: options.strict)
        return try reader.read(source.text)
    }

    public func encode(_ track: Track, options: EncodeOptions) throws(CodecError) -> String {
        throw CodecError(.unsupported, "ASS/SSA files can be read but not written")
    }
}
