/// How locctl's symbol model maps onto TBX-Basic (ISO 30042:2019, TBX v3, DCA style).
///
/// TBX-Basic has no data category for most of the model, so everything without one travels in
/// concept-level `note` elements whose text starts with a machine-readable `locctl:` prefix — the only
/// place TBX-Basic lets free data live at the entry level. CAT tools show them as ordinary notes.
///
/// | model | TBX |
/// |---|---|
/// | `id` | `conceptEntry/@id` (ids that are not XML names get a leading `_` and a `locctl:id` note) |
/// | `category` | `descrip type="subjectField"` on the `conceptEntry` |
/// | `context`, `priority`, `status` | `note`: `locctl:context: high`, `locctl:priority: 1`, `locctl:status: reviewed` |
/// | `themes` | one `note` each: `locctl:theme: family` |
/// | Simplified forms | `langSec xml:lang="zh-Hans"`, one `termSec` each, in order |
/// | Traditional forms | `langSec xml:lang="zh-Hant"` |
/// | aliases | `langSec xml:lang="zh"`, each `termSec` with `termNote type="termType"` = `variant` |
/// | pinyin | `langSec xml:lang="zh-Latn-pinyin"` (BCP 47 variant `pinyin`), one `termSec` each |
/// | `gloss[L]` | `descrip type="definition"` first in `langSec xml:lang="L"`; when that language has no terms, on the `conceptEntry` with `xml:lang="L"` |
/// | `renderings[T]` | `langSec xml:lang="T"` — a region tag (`es-419`, `pt-BR`) is its own `langSec` — one `termSec` per term with `termNote type="administrativeStatus"` = `preferredTerm-admn-sts` / `admittedTerm-admn-sts` / `deprecatedTerm-admn-sts`; a rendering in a Chinese `langSec` also carries `note` `locctl:rendering` |
/// | `analogies[frame][L]` | `note xml:lang="L"`: `locctl:analogy[frame]: text` |
/// | `related` | `ref type="crossReference" target="other-id"` (`note` `locctl:related: id` when the target is not in the file) |
/// | `sources.wikidata` | `xref type="externalCrossReference" target="https://www.wikidata.org/wiki/Q…"` with text `Wikidata` |
/// | `sources.refs` | URLs: `xref type="externalCrossReference"` (text = URL); other text: `admin type="source"` |
/// | `sensitivity[T]` | `note`: `locctl:sensitivity[T]: warning: text` |
/// | `disambiguation` | `note`s: `locctl:disambiguation`, then `locctl:not-before: x`, `locctl:not-after: x`, `locctl:not-within: x` per item |
/// | `renderings[T].not-before` / `not-after` / `not-within` | `note`s: `locctl:not-before[T]: x`, `locctl:not-after[T]: x`, `locctl:not-within[T]: x` per item |
/// | `renderings[T].aligned-only` / `paraphrases` / `article` | `note`s: `locctl:aligned-only[T]: x`, `locctl:paraphrase[T]: x`, `locctl:article[T]: the` |
/// | `shared-by` | one `note` each: `locctl:shared-by: zh-Hant-TW` |
/// | `examples[form]` | `note`s: `locctl:sense-symbol[form]: line`, `locctl:sense-ordinary[form]: line` per line |
/// | `notes` | a plain `note` (prefixed `locctl:notes: ` only if the text itself starts with `locctl:`) |
enum TBXConventions {
    /// The TBX v3 namespace (ISO 30042:2019).
    static let namespace = "urn:iso:std:iso:30042:ed-2"
    /// The namespace used by pre-publication TBX v3 drafts and some tools; accepted when reading.
    static let draftNamespace = "urn:iso:std:iso:30042:ed:3.0"

    static let simplifiedTag = "zh-Hans"
    static let traditionalTag = "zh-Hant"
    static let aliasTag = "zh"
    static let pinyinTag = "zh-Latn-pinyin"

    static let notePrefix = "locctl:"
    static let wikidataLabel = "Wikidata"
    static let wikidataURLPrefix = "https://www.wikidata.org/wiki/"

    /// `administrativeStatus` values for each rendering status.
    static let preferred = "preferredTerm-admn-sts"
    static let admitted = "admittedTerm-admn-sts"
    static let deprecated = "deprecatedTerm-admn-sts"

    /// Maps an `administrativeStatus` (or TBX v2 `normativeAuthorization`) value to a rendering status.
    static func status(_ value: String) -> RenderingStatus? {
        switch value.trimmingCharacters(in: .whitespacesAndNewlines) {
        case preferred, "standardizedTerm-admn-sts", "preferred", "preferredTerm": return .preferred
        case admitted, "admitted", "admittedTerm", "legalTerm-admn-sts", "regulatedTerm-admn-sts": return .admitted
        case deprecated, "supersededTerm-admn-sts", "deprecated", "deprecatedTerm", "obsoleteTerm-admn-sts": return .deprecated
        default: return nil
        }
    }

    /// A `locctl:key[argument]: value` note, split; nil when `text` is not one.
    static func parseNote(_ text: String) -> (key: String, argument: String?, value: String?)? {
        guard text.hasPrefix(notePrefix) else { return nil }
        let rest = text.dropFirst(notePrefix.count)
        let head: Substring
        var value: String?
        if let separator = rest.range(of: ": ") {
            head = rest[..<separator.lowerBound]
            value = String(rest[separator.upperBound...])
        } else if rest.hasSuffix(":") {
            head = rest.dropLast()
            value = ""
        } else {
            head = rest
        }
        if let open = head.firstIndex(of: "["), head.last == "]" {
            return (String(head[..<open]), String(head[head.index(after: open)..<head.index(before: head.endIndex)]), value)
        }
        return (String(head), nil, value)
    }

    static func note(_ key: String, _ argument: String? = nil, _ value: String? = nil) -> String {
        notePrefix + key + (argument.map { "[\($0)]" } ?? "") + (value.map { ": " + $0 } ?? "")
    }

    /// The `conceptEntry/@id` (an XML NCName) for a symbol id: the id itself when it is a valid symbol id
    /// starting with a letter, else `_` and the id with characters outside `[A-Za-z0-9._-]` replaced by `-`.
    static func entryID(_ symbolID: String) -> String {
        if Vocabulary.isValidSymbolID(symbolID), let first = symbolID.unicodeScalars.first, ("a"..."z").contains(first) {
            return symbolID
        }
        var name = "_"
        for scalar in symbolID.unicodeScalars {
            let allowed = ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "." || scalar == "_"
            name.unicodeScalars.append(allowed ? scalar : "-")
        }
        return name
    }
}
