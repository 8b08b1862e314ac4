import Foundation
import Localize
import Regions
import Subtitles

/// The JSON text shared by the WebVTT metadata track and the JSON document.
enum JSONText {
    /// A JSON string literal. Line terminators, `<`, `>` and `&` are escaped as `\uXXXX`, so a payload is
    /// always one line, never contains `-->` (its `>` is escaped) and is safe inside HTML.
    static func quote(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(scalar.value)
            default:
                if scalar.value < 0x20 { out += unicodeEscape(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        out += "\""
    }

    static func quote(_ s: String) -> String {
        var out = ""
        quote(s, into: &out)
        return out
    }

    private static func unicodeEscape(_ v: UInt32) -> String {
        let hex = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }

    /// `{"k":v,…}` from ordered pairs; values are pre-rendered JSON.
    static func object(_ pairs: [(String, String)]) -> String {
        var out = "{"
        for (i, (k, v)) in pairs.enumerated() {
            if i > 0 { out += "," }
            quote(k, into: &out)
            out += ":"
            out += v
        }
        return out + "}"
    }

    static func optional(_ s: String?) -> String { s.map(quote) ?? "null" }
}

extension AnnotationNote {
    /// The single-line JSON payload of a WebVTT metadata cue: the mark (`teaser`) and the full card (`term`,
    /// `gloss`, and `analogy` exactly when the visible formats show it), with `lang` and `dir` for layout.
    public var cuePayload: String {
        JSONText.object([
            ("symbol", JSONText.quote(symbolID)),
            ("term", JSONText.quote(term)),
            ("teaser", JSONText.quote(teaser)),
            ("matched", JSONText.quote(matchedText)),
            ("gloss", JSONText.quote(gloss)),
            ("analogy", JSONText.optional(cardAnalogy)),
            ("frame", JSONText.optional(showsAnalogy ? analogyFrame : nil)),
            ("category", JSONText.quote(category.rawValue)),
            ("context", JSONText.quote(context.rawValue)),
            ("lang", JSONText.quote(glossLanguage)),
            ("dir", JSONText.quote(direction.rawValue)),
            ("need", JSONText.quote(need.code)),
            ("position", JSONText.quote(position.rawValue)),
            ("status", JSONText.quote(status.rawValue)),
        ])
    }
}
