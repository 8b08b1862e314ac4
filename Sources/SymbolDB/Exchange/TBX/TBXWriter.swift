import Foundation
import TextServices

/// Writes symbols as a TBX-Basic v3 (ISO 30042:2019, DCA style) document; see ``TBXConventions``.
///
/// Strict: elements nest as the TBX-Basic schema requires (auxiliary information before language
/// sections, definitions before terms, term notes right after the term), only TBX-Basic data categories
/// are used at the levels TBX-Basic permits them, and every text and attribute is escaped.
struct TBXWriter {
    /// Why a document was not written.
    enum Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// A symbol has no Chinese form, pinyin or rendering: a `conceptEntry` needs at least one `langSec`.
        case noTerms(String)

        var description: String {
            switch self {
            case let .noTerms(id): return "symbol '\(id)' has no forms or renderings: TBX needs at least one term per entry"
            }
        }
    }

    static func write(_ symbols: [Symbol]) throws -> String {
        var xml = XMLWriter(declaration: false)
        xml.open("tbx", [("type", "TBX-Basic"), ("style", "dca"), ("xml:lang", "en"), ("xmlns", TBXConventions.namespace)])
        xml.open("tbxHeader")
        xml.open("fileDesc")
        xml.open("titleStmt")
        xml.element("title", text: "locctl cultural symbol glossary")
        xml.close()
        xml.open("sourceDesc")
        xml.element("p", text: "Exported by locctl (\(symbols.count) symbols). Fields without a TBX-Basic data category are notes starting with 'locctl:'; see glossaries/README.md, \"TBX exchange\".")
        xml.close()
        xml.close()
        xml.close()
        xml.open("text")
        xml.open("body")
        var entryIDs: [String: String] = [:]
        var used = Set<String>()
        for symbol in symbols where entryIDs[symbol.id] == nil {
            var candidate = TBXConventions.entryID(symbol.id)
            var counter = 2
            while used.contains(candidate) {
                candidate = TBXConventions.entryID(symbol.id) + "-\(counter)"
                counter += 1
            }
            used.insert(candidate)
            entryIDs[symbol.id] = candidate
        }
        for symbol in symbols {
            try entry(symbol, entryID: entryIDs[symbol.id]!, entryIDs: entryIDs, into: &xml)
        }
        return prolog + xml.finish()
    }

    /// The XML declaration and the `xml-model` instructions naming the TBX-Basic DCA schemas.
    static let prolog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBXcoreStructV03_TBX-Basic_integrated.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
        <?xml-model href="https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch" type="application/xml" schematypens="http://purl.oclc.org/dsdl/schematron"?>

        """

    private struct LanguageSection {
        var tag: String
        var terms: [(term: String, notes: [(String, String)], rendering: Bool)] = []
    }

    private static func entry(_ symbol: Symbol, entryID: String, entryIDs: [String: String], into xml: inout XMLWriter) throws {
        typealias C = TBXConventions
        // Language sections first, to know which glosses have a home.
        var sections: [LanguageSection] = []
        func add(_ tag: String, _ term: String, notes: [(String, String)] = [], rendering: Bool = false) {
            if let index = sections.firstIndex(where: { $0.tag == tag }) {
                sections[index].terms.append((term, notes, rendering))
            } else {
                sections.append(LanguageSection(tag: tag, terms: [(term, notes, rendering)]))
            }
        }
        for form in symbol.forms.simplified { add(C.simplifiedTag, form) }
        for form in symbol.forms.traditional { add(C.traditionalTag, form) }
        for alias in symbol.forms.aliases { add(C.aliasTag, alias, notes: [("termType", "variant")]) }
        for pinyin in symbol.forms.pinyin { add(C.pinyinTag, pinyin) }
        for (tag, terms) in SymbolYAML.ordered(symbol.renderings) {
            let chinese = tag == "zh" || tag.hasPrefix("zh-")
            for (status, list) in [(C.preferred, terms.preferred), (C.admitted, terms.admitted), (C.deprecated, terms.deprecated)] {
                for term in list { add(tag, term, notes: [("administrativeStatus", status)], rendering: chinese) }
            }
        }
        guard !sections.isEmpty else { throw Failure.noTerms(symbol.id) }
        let sectionTags = Set(sections.map(\.tag))

        xml.open("conceptEntry", [("id", entryID)])
        xml.element("descrip", [("type", "subjectField")], text: symbol.category.rawValue)
        if entryID != symbol.id { xml.element("note", text: C.note("id", nil, symbol.id)) }
        xml.element("note", text: C.note("context", nil, symbol.context.rawValue))
        xml.element("note", text: C.note("priority", nil, String(symbol.priority)))
        xml.element("note", text: C.note("status", nil, symbol.status.rawValue))
        for theme in symbol.themes { xml.element("note", text: C.note("theme", nil, theme)) }
        for (language, gloss) in SymbolYAML.ordered(symbol.gloss) where !sectionTags.contains(language) {
            xml.element("descrip", [("type", "definition"), ("xml:lang", language)], text: gloss)
        }
        for (frame, texts) in symbol.analogies.sorted(by: { $0.key < $1.key }) {
            for (language, text) in SymbolYAML.ordered(texts) {
                xml.element("note", [("xml:lang", language)], text: C.note("analogy", frame, text))
            }
        }
        for (tag, sensitivity) in symbol.sensitivity.sorted(by: { $0.key < $1.key }) {
            xml.element("note", text: C.note("sensitivity", tag, "\(sensitivity.severity.rawValue): \(sensitivity.note)"))
        }
        if let disambiguation = symbol.disambiguation {
            xml.element("note", text: C.note("disambiguation"))
            for item in disambiguation.notBefore { xml.element("note", text: C.note("not-before", nil, item)) }
            for item in disambiguation.notAfter { xml.element("note", text: C.note("not-after", nil, item)) }
            for item in disambiguation.notWithin { xml.element("note", text: C.note("not-within", nil, item)) }
        }
        for (tag, terms) in SymbolYAML.ordered(symbol.renderings) {
            for item in terms.notBefore { xml.element("note", text: C.note("not-before", tag, item)) }
            for item in terms.notAfter { xml.element("note", text: C.note("not-after", tag, item)) }
            for item in terms.notWithin { xml.element("note", text: C.note("not-within", tag, item)) }
            for item in terms.alignedOnly { xml.element("note", text: C.note("aligned-only", tag, item)) }
            for item in terms.paraphrases { xml.element("note", text: C.note("paraphrase", tag, item)) }
            if let article = terms.article { xml.element("note", text: C.note("article", tag, article)) }
        }
        for tag in symbol.sharedBy { xml.element("note", text: C.note("shared-by", nil, tag)) }
        for (form, senses) in symbol.examples.sorted(by: { $0.key < $1.key }) {
            for line in senses.symbol { xml.element("note", text: C.note("sense-symbol", form, line)) }
            for line in senses.ordinary { xml.element("note", text: C.note("sense-ordinary", form, line)) }
        }
        if let notes = symbol.notes {
            xml.element("note", text: notes.hasPrefix(C.notePrefix) ? C.note("notes", nil, notes) : notes)
        }
        for related in symbol.related {
            if let target = entryIDs[related] {
                xml.element("ref", [("type", "crossReference"), ("target", target)], text: related)
            } else {
                xml.element("note", text: C.note("related", nil, related))
            }
        }
        if let wikidata = symbol.sources.wikidata {
            xml.element("xref", [("type", "externalCrossReference"), ("target", C.wikidataURLPrefix + wikidata)], text: C.wikidataLabel)
        }
        for ref in symbol.sources.refs {
            if isWebURL(ref) {
                xml.element("xref", [("type", "externalCrossReference"), ("target", ref)], text: ref)
            } else {
                xml.element("admin", [("type", "source")], text: ref)
            }
        }
        for section in sections {
            xml.open("langSec", [("xml:lang", section.tag)])
            if let gloss = symbol.gloss[section.tag] {
                xml.element("descrip", [("type", "definition")], text: gloss)
            }
            for term in section.terms {
                xml.open("termSec")
                xml.element("term", text: term.term)
                for (type, value) in term.notes { xml.element("termNote", [("type", type)], text: value) }
                if term.rendering { xml.element("note", text: C.note("rendering")) }
                xml.close()
            }
            xml.close()
        }
        xml.close()
    }

    /// Whether `text` can be an `xref` target: an http(s) URL without whitespace.
    static func isWebURL(_ text: String) -> Bool {
        (text.hasPrefix("https://") || text.hasPrefix("http://")) && text.count > 8
            && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
    }
}
