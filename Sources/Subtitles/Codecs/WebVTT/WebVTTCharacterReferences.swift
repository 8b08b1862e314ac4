/// HTML character references as WebVTT cue text uses them: numeric ones (with HTML's replacement
/// rules) and the named ones subtitles actually meet. The full HTML table (2,231 names) is not
/// included; an unknown name is left as literal text, as the spec does for any unmatched `&`.
enum WebVTTCharacterReferences {
    /// Names that must be followed by `;`.
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
        "lrm": "\u{200E}", "rlm": "\u{200F}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{AD}",
        "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}",
        "copy": "©", "reg": "®", "trade": "™", "hellip": "…", "mdash": "—", "ndash": "–",
        "lsquo": "‘", "rsquo": "’", "sbquo": "‚", "ldquo": "“", "rdquo": "”", "bdquo": "„",
        "laquo": "«", "raquo": "»", "lsaquo": "‹", "rsaquo": "›", "bull": "•", "middot": "·",
        "deg": "°", "times": "×", "divide": "÷", "plusmn": "±", "micro": "µ", "para": "¶", "sect": "§",
        "euro": "€", "yen": "¥", "pound": "£", "cent": "¢", "iexcl": "¡", "iquest": "¿",
        "frac12": "½", "frac14": "¼", "frac34": "¾", "sup1": "¹", "sup2": "²", "sup3": "³",
        "larr": "←", "rarr": "→", "uarr": "↑", "darr": "↓", "harr": "↔", "hearts": "♥", "spades": "♠",
        "clubs": "♣", "diams": "♦", "star": "☆", "starf": "★", "check": "✓", "cross": "✗", "dagger": "†",
        "Dagger": "‡", "prime": "′", "Prime": "″", "minus": "−", "infin": "∞", "ne": "≠", "le": "≤", "ge": "≥",
        "tilde": "˜", "circ": "ˆ", "acute": "´", "uml": "¨", "ordf": "ª", "ordm": "º", "not": "¬",
        "agrave": "à", "aacute": "á", "eacute": "é", "egrave": "è", "ecirc": "ê", "iacute": "í",
        "oacute": "ó", "uacute": "ú", "ntilde": "ñ", "ccedil": "ç", "auml": "ä", "ouml": "ö", "uuml": "ü",
        "Auml": "Ä", "Ouml": "Ö", "Uuml": "Ü", "szlig": "ß", "Eacute": "É",
    ]

    /// Legacy names HTML also accepts without the `;`.
    static let legacy: Set<String> = ["amp", "lt", "gt", "quot", "nbsp", "copy", "reg", "AMP", "LT", "GT", "QUOT", "COPY", "REG"]
    static let legacyValues: [String: String] = ["AMP": "&", "LT": "<", "GT": ">", "QUOT": "\"", "COPY": "©", "REG": "®"]

    /// Windows-1252 replacements HTML applies to numeric references 0x80…0x9F.
    static let c1: [UInt32: UInt32] = [
        0x80: 0x20AC, 0x82: 0x201A, 0x83: 0x0192, 0x84: 0x201E, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
        0x88: 0x02C6, 0x89: 0x2030, 0x8A: 0x0160, 0x8B: 0x2039, 0x8C: 0x0152, 0x8E: 0x017D, 0x91: 0x2018,
        0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02DC,
        0x99: 0x2122, 0x9A: 0x0161, 0x9B: 0x203A, 0x9C: 0x0153, 0x9E: 0x017E, 0x9F: 0x0178,
    ]

    /// Tries to consume a character reference at `bytes[i]` (which is `&`). On success appends the
    /// replacement's UTF-8 to `out`, moves `i` past the reference and returns true; otherwise leaves
    /// `i` alone and returns false (the `&` is then literal text).
    static func consume(_ bytes: [UInt8], _ i: inout Int, end: Int, inAttribute: Bool, into out: inout [UInt8]) -> Bool {
        var j = i + 1
        guard j < end else { return false }
        if bytes[j] == 0x23 { // '#'
            j += 1
            var hex = false
            if j < end, bytes[j] == 0x78 || bytes[j] == 0x58 { hex = true; j += 1 }
            var value: UInt32 = 0
            var digits = 0
            while j < end {
                let b = bytes[j]
                var d: UInt32
                if WebVTTSyntax.isDigit(b) { d = UInt32(b - 0x30) }
                else if hex, b >= 0x61, b <= 0x66 { d = UInt32(b - 0x61 + 10) }
                else if hex, b >= 0x41, b <= 0x46 { d = UInt32(b - 0x41 + 10) }
                else { break }
                value = min(value &* (hex ? 16 : 10) &+ d, 0x110000)
                digits += 1
                j += 1
            }
            guard digits > 0 else { return false }
            if j < end, bytes[j] == 0x3B { j += 1 }
            if let mapped = c1[value] { value = mapped }
            let scalar: Unicode.Scalar
            if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                scalar = "\u{FFFD}"
            } else {
                scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
            }
            out.append(contentsOf: String(Character(scalar)).utf8)
            i = j
            return true
        }
        var k = j
        while k < end, k - j < 32, WebVTTSyntax.isAlphanumeric(bytes[k]) { k += 1 }
        guard k > j else { return false }
        let name = String(decoding: bytes[j..<k], as: UTF8.self)
        if k < end, bytes[k] == 0x3B, let value = named[name] ?? legacyValues[name] {
            out.append(contentsOf: value.utf8)
            i = k + 1
            return true
        }
        // Legacy reference without `;`: the longest legacy name that prefixes the run.
        var len = min(name.utf8.count, 4)
        while len >= 2 {
            let prefix = String(name.prefix(len))
            if legacy.contains(prefix) {
                let after = j + len
                if inAttribute, after < end, WebVTTSyntax.isAlphanumeric(bytes[after]) || bytes[after] == 0x3D { return false }
                out.append(contentsOf: (named[prefix] ?? legacyValues[prefix]!).utf8)
                i = after
                return true
            }
            len -= 1
        }
        return false
    }
}
