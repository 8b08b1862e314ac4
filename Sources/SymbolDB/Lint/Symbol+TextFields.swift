extension Symbol {
    /// Every text a symbol holds, with its field path (the paths ``SymbolSource`` records), in a stable order.
    public var textFields: [(path: String, text: String)] {
        var fields: [(path: String, text: String)] = [("id", id)]
        func list(_ path: String, _ values: [String]) {
            for (index, value) in values.enumerated() { fields.append(("\(path).\(index)", value)) }
        }
        list("themes", themes)
        list("forms.simplified", forms.simplified)
        list("forms.traditional", forms.traditional)
        list("forms.pinyin", forms.pinyin)
        list("forms.aliases", forms.aliases)
        for language in gloss.keys.sorted() { fields.append(("gloss.\(language)", gloss[language]!)) }
        for tag in renderings.keys.sorted() {
            let terms = renderings[tag]!
            list("renderings.\(tag).preferred", terms.preferred)
            list("renderings.\(tag).admitted", terms.admitted)
            list("renderings.\(tag).deprecated", terms.deprecated)
            list("renderings.\(tag).not-before", terms.notBefore)
            list("renderings.\(tag).not-after", terms.notAfter)
            list("renderings.\(tag).not-within", terms.notWithin)
        }
        for frame in analogies.keys.sorted() {
            for (language, text) in analogies[frame]!.sorted(by: { $0.key < $1.key }) {
                fields.append(("analogies.\(frame).\(language)", text))
            }
        }
        list("related", related)
        if let wikidata = sources.wikidata { fields.append(("sources.wikidata", wikidata)) }
        list("sources.refs", sources.refs)
        for tag in sensitivity.keys.sorted() { fields.append(("sensitivity.\(tag).note", sensitivity[tag]!.note)) }
        if let disambiguation {
            list("disambiguation.not-before", disambiguation.notBefore)
            list("disambiguation.not-after", disambiguation.notAfter)
            list("disambiguation.not-within", disambiguation.notWithin)
        }
        if let notes { fields.append(("notes", notes)) }
        return fields
    }
}
