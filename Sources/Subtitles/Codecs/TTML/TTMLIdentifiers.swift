/// The `xml:id`s of one written TTML document: unique NCNames made from the model's ids, with the
/// style and region references translated to them.
///
/// - An id is sanitised to an NCName: characters other than ASCII letters, digits, `-`, `.`, `_` and the
///   letters every XML 1.0 edition accepts (Latin-1 letters, CJK ideographs U+4E00–U+9FA5, kana, bopomofo,
///   Hangul syllables) become `_`; a prefix (`s` style, `r` region, `c` cue) goes before an id that does not
///   start with a letter or `_` (`1` → `c1`, `Chs Subtitle` → `Chs_Subtitle`).
/// - The document has one id space: an id already taken gets `-2`, `-3` … (duplicate SRT numbers `1`, `1`
///   become `c1`, `c1-2`).
/// - References go to the first style or region defined with that model id; references to ids the track
///   does not define are dropped, so every `style` and `region` attribute resolves.
/// - The model id is kept beside a changed `xml:id` as `locctl:id` (``originalIDAttribute``), which
///   `TTMLReader` reads back into `Cue.id`.
struct TTMLIdentifiers {
    /// Namespace of locctl's own attributes in TTML (foreign attributes, allowed by TTML2 and IMSC).
    static let namespace = "urn:locctl:ttml"
    /// The qualified name of the attribute holding a model id that had to change to become an `xml:id`.
    static let originalIDAttribute = "locctl:id"

    enum Kind: String {
        case style = "s", region = "r", cue = "c"
    }

    private var used: Set<String> = []
    private var styles: [String: String] = [:]
    private var regions: [String: String] = [:]

    /// A fresh unique `xml:id` for an element whose model id is `original`.
    mutating func claim(_ original: String, kind: Kind) -> String {
        let base = Self.ncName(original, prefix: kind.rawValue)
        var id = base
        var k = 2
        while used.contains(id) {
            id = base + "-" + String(k)
            k += 1
        }
        used.insert(id)
        switch kind {
        case .style: if styles[original] == nil { styles[original] = id }
        case .region: if regions[original] == nil { regions[original] = id }
        case .cue: break
        }
        return id
    }

    /// The written ids of the styles `refs` name, in order, without unknown ids and repeats.
    func styleRefs(_ refs: [String]) -> [String] {
        var out: [String] = []
        for r in refs { if let id = styles[r], !out.contains(id) { out.append(id) } }
        return out
    }

    /// `styleRefs` of a raw IDREFS attribute value (kept from a read document), joined again; nil when none resolve.
    func styleAttribute(_ raw: String?) -> String? {
        guard let raw else { return nil }
        let refs = styleRefs(raw.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }).map(String.init))
        return refs.isEmpty ? nil : refs.joined(separator: " ")
    }

    /// The written id of the region the model calls `id`, nil when the track does not define it.
    func region(_ id: String?) -> String? { id.flatMap { regions[$0] } }

    /// `id` as an NCName: unsupported characters as `_`, `prefix` in front unless it starts with a letter or `_`.
    static func ncName(_ id: String, prefix: String) -> String {
        var out = String.UnicodeScalarView()
        for c in id.unicodeScalars { out.append(isNameChar(c) ? c : "_") }
        let name = String(out)
        guard let first = name.unicodeScalars.first, isNameStart(first) else { return prefix + name }
        return name
    }

    private static func isNameStart(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x5F: return true
        case 0x00...0x7F: return false
        default: return isNameChar(c)
        }
    }

    /// NCName characters in every XML 1.0 edition (the 4th edition's tables are the narrower ones).
    private static func isNameChar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F: return true
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0xFF: return true
        case 0x4E00...0x9FA5, 0x3007, 0x3021...0x3029: return true
        case 0x3041...0x3094, 0x30A1...0x30FA, 0x3105...0x312C, 0xAC00...0xD7A3: return true
        default: return false
        }
    }
}
