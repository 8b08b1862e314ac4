/// A pre-parse guard against YAML nested deep enough to exhaust the stack of the recursive composer.
///
/// Counts `[`/`{` nesting (outside quotes and comments) and, per line, the block nesting its start can
/// open: indentation plus `- `, `? ` and `: ` indicators (anchors and tags between them are skipped), as
/// in `- - - - x`. Either exceeding its limit stops the file before Yams sees it.
public enum YAMLNesting {
    /// The first 1-based line where flow nesting exceeds `flowLimit` or a line's block prefix exceeds
    /// `blockLimit` columns; nil when the text is within both.
    public static func firstLineExceeding(_ yaml: String, flowLimit: Int = 64, blockLimit: Int = 256) -> Int? {
        var depth = 0, line = 1
        var quote: UInt8? = nil
        var comment = false
        var previous: UInt8 = 10
        // Block prefix of the current line: nil once the first content character is seen.
        var prefix: Int? = 0
        var skippingProperty = false
        for byte in yaml.utf8 {
            if byte == 10 {
                line += 1; comment = false; prefix = 0; skippingProperty = false
                if quote == nil { previous = byte; continue }
            }
            if var width = prefix, quote == nil {
                if skippingProperty {
                    if byte == 32 || byte == 9 { skippingProperty = false; width += 1 }
                } else {
                    switch byte {
                    case 32, 9, UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"): width += 1
                    case UInt8(ascii: "&"), UInt8(ascii: "!"): skippingProperty = true
                    default: prefix = nil
                    }
                }
                if prefix != nil {
                    if width > blockLimit { return line }
                    prefix = width
                }
            }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
            } else {
                switch byte {
                case UInt8(ascii: "#") where previous == 32 || previous == 10 || previous == 9: comment = true
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if depth > 0 || previous == 32 || previous == 10 { quote = byte }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                    if depth > flowLimit { return line }
                case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
                default: break
                }
            }
            previous = byte
        }
        return nil
    }
}
