import Foundation
import Yams

/// Writes symbols as a glossary source file in the schema of `glossaries/README.md`.
public enum SymbolYAML {
    /// A glossary file: `category` is the file default when every symbol shares it.
    public static func write(_ symbols: [Symbol], header: String? = nil) throws -> String {
        let categories = Set(symbols.map(\.category))
        let fileCategory = categories.count == 1 ? categories.first : nil
        var pairs: [(Node, Node)] = []
        if let fileCategory { pairs.append((key("category"), text(fileCategory.rawValue))) }
        pairs.append((key("symbols"), Node(symbols.map { entry($0, omitCategory: fileCategory != nil) }, .implicit, .block)))
        let body = try Yams.serialize(node: Node(pairs, .implicit, .block), indent: 2, width: -1, allowUnicode: true)
        let comment = header.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "# \($0)" }.joined(separator: "\n") + "\n" } ?? ""
        return comment + body
    }

    static func entry(_ symbol: Symbol, omitCategory: Bool) -> Node {
        var pairs: [(Node, Node)] = [(key("id"), text(symbol.id))]
        if !omitCategory { pairs.append((key("category"), text(symbol.category.rawValue))) }
        pairs.append((key("context"), text(symbol.context.rawValue)))
        if symbol.priority != 2 { pairs.append((key("priority"), Node(String(symbol.priority)))) }
        if !symbol.themes.isEmpty { pairs.append((key("themes"), list(symbol.themes))) }

        var forms: [(Node, Node)] = [(key("simplified"), list(symbol.forms.simplified))]
        if !symbol.forms.traditional.isEmpty { forms.append((key("traditional"), list(symbol.forms.traditional))) }
        if !symbol.forms.pinyin.isEmpty { forms.append((key("pinyin"), list(symbol.forms.pinyin))) }
        if !symbol.forms.aliases.isEmpty { forms.append((key("aliases"), list(symbol.forms.aliases))) }
        pairs.append((key("forms"), mapping(forms)))

        if !symbol.gloss.isEmpty {
            pairs.append((key("gloss"), mapping(ordered(symbol.gloss).map { (key($0.key), text($0.value)) })))
        }
        if !symbol.renderings.isEmpty {
            pairs.append((key("renderings"), mapping(ordered(symbol.renderings).map { tag, terms in
                var statuses: [(Node, Node)] = []
                if !terms.preferred.isEmpty { statuses.append((key("preferred"), list(terms.preferred))) }
                if !terms.admitted.isEmpty { statuses.append((key("admitted"), list(terms.admitted))) }
                if !terms.deprecated.isEmpty { statuses.append((key("deprecated"), list(terms.deprecated))) }
                if !terms.notBefore.isEmpty { statuses.append((key("not-before"), list(terms.notBefore))) }
                if !terms.notAfter.isEmpty { statuses.append((key("not-after"), list(terms.notAfter))) }
                if !terms.notWithin.isEmpty { statuses.append((key("not-within"), list(terms.notWithin))) }
                return (key(tag), mapping(statuses))
            })))
        }
        if !symbol.analogies.isEmpty {
            pairs.append((key("analogies"), mapping(symbol.analogies.sorted { $0.key < $1.key }.map { frame, texts in
                if texts.count == 1, let english = texts["en"] { return (key(frame), text(english)) }
                return (key(frame), mapping(ordered(texts).map { (key($0.key), text($0.value)) }))
            })))
        }
        if !symbol.related.isEmpty { pairs.append((key("related"), list(symbol.related))) }
        if symbol.sources.wikidata != nil || !symbol.sources.refs.isEmpty {
            var sources: [(Node, Node)] = []
            if let wikidata = symbol.sources.wikidata { sources.append((key("wikidata"), text(wikidata))) }
            if !symbol.sources.refs.isEmpty { sources.append((key("refs"), list(symbol.sources.refs))) }
            pairs.append((key("sources"), mapping(sources)))
        }
        pairs.append((key("status"), text(symbol.status.rawValue)))
        if !symbol.sensitivity.isEmpty {
            pairs.append((key("sensitivity"), mapping(symbol.sensitivity.sorted { $0.key < $1.key }.map { tag, note in
                (key(tag), Node([(key("severity"), text(note.severity.rawValue)), (key("note"), text(note.note))], .implicit, .flow))
            })))
        }
        if let disambiguation = symbol.disambiguation {
            pairs.append((key("disambiguation"), mapping([
                (key("not-before"), list(disambiguation.notBefore)),
                (key("not-after"), list(disambiguation.notAfter)),
                (key("not-within"), list(disambiguation.notWithin)),
            ])))
        }
        if let notes = symbol.notes { pairs.append((key("notes"), text(notes))) }
        return mapping(pairs)
    }

    /// English first, then by tag.
    static func ordered<Value>(_ values: [String: Value]) -> [(key: String, value: Value)] {
        values.sorted { ($0.key == "en" ? 0 : 1, $0.key) < ($1.key == "en" ? 0 : 1, $1.key) }
    }

    static func key(_ name: String) -> Node { Node(name) }

    static func mapping(_ pairs: [(Node, Node)]) -> Node { Node(pairs, .implicit, .block) }

    static func list(_ values: [String]) -> Node { Node(values.map(text), .implicit, .flow) }

    /// A string scalar, quoted when a YAML reader could take it for something else (null, bool, number).
    static func text(_ value: String) -> Node {
        let ambiguous: Set<String> = ["", "~", "null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE",
                                      "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N"]
        if ambiguous.contains(value) || Double(value) != nil {
            return Node(value, .implicit, .singleQuoted)
        }
        return Node(value)
    }
}
