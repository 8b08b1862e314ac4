import Foundation
import TextServices

/// Turns ``TBXEntry`` values into symbols; see ``TBXConventions`` for the mapping and ``SymbolTBX/read(_:file:options:)``
/// for what happens to entries from other tools.
struct TBXReader {
    let file: String
    let options: SymbolTBX.ImportOptions
    /// The document's default language (`tbx/@xml:lang`, `martif/@xml:lang`).
    let documentLanguage: String
    private(set) var diagnostics: [GlossaryDiagnostic] = []
    private var reportedDropped = Set<String>()

    init(file: String, options: SymbolTBX.ImportOptions, documentLanguage: String) {
        self.file = file
        self.options = options
        self.documentLanguage = documentLanguage
    }

    /// A symbol under construction, with its related ids still as TBX targets.
    private struct Draft {
        var symbol: Symbol
        var entryID: String?
        var relatedTargets: [(target: String?, text: String, line: Int)]
        var line: Int
    }

    mutating func symbols(from entries: [TBXEntry], rejectedIDs: inout Set<String>) -> [LocatedSymbol] {
        var drafts: [Draft] = []
        var taken: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            guard var draft = draft(entry, index: index) else {
                if let id = entry.id { rejectedIDs.insert(TBXReader.kebab(id)) }
                continue
            }
            let base = draft.symbol.id
            if let line = taken[base] {
                var counter = 2
                while taken["\(base)-\(counter)"] != nil { counter += 1 }
                draft.symbol.id = "\(base)-\(counter)"
                warn(.duplicateID, "id '\(base)' is already used by the entry on line \(line); this one becomes '\(draft.symbol.id)'",
                     line: entry.line, id: draft.symbol.id)
            }
            taken[draft.symbol.id] = entry.line
            drafts.append(draft)
        }
        // Cross-references point at entry ids; translate them to symbol ids.
        var symbolIDs: [String: String] = [:]
        for draft in drafts { if let entryID = draft.entryID, symbolIDs[entryID] == nil { symbolIDs[entryID] = draft.symbol.id } }
        let known = Set(drafts.map(\.symbol.id))
        return drafts.map { draft in
            var symbol = draft.symbol
            for related in draft.relatedTargets {
                if let target = related.target, let id = symbolIDs[target] {
                    symbol.related.append(id)
                } else if known.contains(related.text) || (related.target == nil && Vocabulary.isValidSymbolID(related.text)) {
                    symbol.related.append(related.text)
                } else {
                    warn(.unknownRelated, "cross-reference to '\(related.target ?? related.text)' matches no entry in the file; dropped",
                         line: related.line, id: symbol.id)
                }
            }
            return LocatedSymbol(symbol: symbol, source: SymbolSource(entry: GlossaryLocation(file: file, line: draft.line)))
        }
    }

    // MARK: One entry

    private mutating func draft(_ entry: TBXEntry, index: Int) -> Draft? {
        typealias C = TBXConventions
        var explicitID: String?
        var category: Category?
        var subjectField: String?
        var context: ContextLevel?
        var priority = 2
        var status: ReviewStatus?
        var themes: [String] = []
        var gloss: [String: String] = [:]
        var analogies: [String: [String: String]] = [:]
        var sensitivity: [String: Sensitivity] = [:]
        var disambiguation: Disambiguation?
        var renderingContext: [(tag: String, kind: String, text: String)] = []
        var sharedBy: [String] = []
        var examples: [String: SenseExamples] = [:]
        var notes: [String] = []
        var related: [(target: String?, text: String, line: Int)] = []
        var wikidata: String?
        var refs: [String] = []
        var errors = 0
        func error(_ rule: GlossaryRule, _ message: String, line: Int) {
            diagnostics.append(GlossaryDiagnostic(rule, message, at: location(line), symbolID: entry.id))
            errors += 1
        }
        func setGloss(_ language: String, _ text: String) {
            if gloss[language] == nil { gloss[language] = text }
        }

        for item in entry.items {
            switch (item.element, item.type) {
            case ("descrip", "subjectField"?):
                subjectField = item.text.trimmingCharacters(in: .whitespacesAndNewlines)
            case ("descrip", "definition"?):
                setGloss(Self.glossLanguage(item.language ?? documentLanguage), item.text)
            case ("note", _):
                guard let parsed = C.parseNote(item.text) else {
                    notes.append(item.text)
                    continue
                }
                let value = parsed.value ?? ""
                switch (parsed.key, parsed.argument) {
                case ("id", nil): explicitID = value
                case ("context", nil):
                    context = ContextLevel(rawValue: value)
                    if context == nil { error(.unknownTag, "locctl:context '\(value)' is not high, medium or low", line: item.line) }
                case ("priority", nil):
                    if let number = Int(value) { priority = number } else { error(.typeMismatch, "locctl:priority '\(value)' is not an integer", line: item.line) }
                case ("status", nil):
                    status = ReviewStatus(rawValue: value)
                    if status == nil { error(.unknownTag, "locctl:status '\(value)' is not draft or reviewed", line: item.line) }
                case ("theme", nil): themes.append(value)
                case ("analogy", let frame?): analogies[frame, default: [:]][item.language ?? "en"] = value
                case ("sensitivity", let tag?):
                    let parts = value.split(separator: ":", maxSplits: 1)
                    if parts.count == 2, let severity = Sensitivity.Severity(rawValue: String(parts[0])) {
                        sensitivity[tag] = Sensitivity(severity: severity, note: String(parts[1].dropFirst(parts[1].hasPrefix(" ") ? 1 : 0)))
                    } else {
                        error(.typeMismatch, "locctl:sensitivity[\(tag)] must be 'severity: note' with severity info, warning or error", line: item.line)
                    }
                case ("disambiguation", nil): disambiguation = disambiguation ?? Disambiguation()
                case ("not-before", nil): disambiguation = disambiguation ?? Disambiguation(); disambiguation!.notBefore.append(value)
                case ("not-after", nil): disambiguation = disambiguation ?? Disambiguation(); disambiguation!.notAfter.append(value)
                case ("not-within", nil): disambiguation = disambiguation ?? Disambiguation(); disambiguation!.notWithin.append(value)
                case ("not-before", let tag?), ("not-after", let tag?), ("not-within", let tag?),
                     ("aligned-only", let tag?), ("paraphrase", let tag?), ("article", let tag?):
                    renderingContext.append((tag, parsed.key, value))
                case ("shared-by", nil): sharedBy.append(value)
                case ("sense-symbol", let form?): examples[form, default: SenseExamples()].symbol.append(value)
                case ("sense-ordinary", let form?): examples[form, default: SenseExamples()].ordinary.append(value)
                case ("notes", nil): notes.append(value)
                case ("related", nil): related.append((nil, value, item.line))
                default:
                    warn(.unknownKey, "unknown locctl note '\(item.text.prefix(40))'; kept as a plain note", line: item.line, id: entry.id)
                    notes.append(item.text)
                }
            case ("ref", "crossReference"?):
                related.append((item.target, item.text.trimmingCharacters(in: .whitespacesAndNewlines), item.line))
            case ("xref", "externalCrossReference"?):
                let target = item.target ?? item.text
                if item.text == C.wikidataLabel, target.hasPrefix(C.wikidataURLPrefix), wikidata == nil {
                    wikidata = String(target.dropFirst(C.wikidataURLPrefix.count))
                } else {
                    refs.append(target)
                }
            case ("admin", "source"?):
                refs.append(item.text)
            default:
                dropped(item)
            }
        }

        var forms = Forms(simplified: [])
        var renderings: [String: Renderings] = [:]
        for section in entry.languages where !section.terms.isEmpty || !section.items.isEmpty {
            let tag = Self.canonicalTag(section.tag)
            for item in section.items {
                switch (item.element, item.type) {
                case ("descrip", "definition"?): setGloss(Self.glossLanguage(tag), item.text)
                case ("note", _): notes.append("(\(tag)) " + item.text)
                default: dropped(item)
                }
            }
            let chinese = tag == "zh" || tag.hasPrefix("zh-")
            let pinyin = tag.hasPrefix("zh-Latn")
            let traditional = ["zh-Hant", "zh-TW", "zh-HK", "zh-MO"].contains { tag == $0 || tag.hasPrefix($0 + "-") }
            let renderingTag = options.dropRegions ? Self.glossLanguage(tag) : tag
            let explicitPreferred = section.terms.contains { Self.status(of: $0) == .preferred }
            var unmarkedSeen = false
            for term in section.terms {
                var isRendering = !chinese
                var isAlias = false
                for item in term.items {
                    switch (item.element, item.type) {
                    case ("termNote", "administrativeStatus"?), ("termNote", "normativeAuthorization"?):
                        if C.status(item.text) == nil {
                            warn(.unknownTag, "administrativeStatus '\(item.text)' is not a TBX-Basic value; the term is read as admitted", line: item.line, id: entry.id)
                        }
                    case ("termNote", "termType"?):
                        isAlias = item.text.trimmingCharacters(in: .whitespacesAndNewlines) == "variant"
                    case ("note", _) where item.text == C.note("rendering"):
                        isRendering = true
                    case ("descrip", "definition"?): setGloss(Self.glossLanguage(tag), item.text)
                    case ("descrip", "context"?): notes.append("Context (\(tag)): " + item.text)
                    case ("note", _): notes.append("(\(tag)) \(term.text): " + item.text)
                    case ("admin", "source"?): refs.append(item.text)
                    case ("xref", "externalCrossReference"?): refs.append(item.target ?? item.text)
                    default: dropped(item)
                    }
                }
                if isRendering {
                    var status = Self.status(of: term)
                    if status == nil {
                        status = !explicitPreferred && !unmarkedSeen ? .preferred : .admitted
                        unmarkedSeen = true
                    }
                    switch status! {
                    case .preferred: renderings[renderingTag, default: Renderings()].preferred.append(term.text)
                    case .admitted: renderings[renderingTag, default: Renderings()].admitted.append(term.text)
                    case .deprecated: renderings[renderingTag, default: Renderings()].deprecated.append(term.text)
                    }
                } else if pinyin {
                    forms.pinyin.append(term.text)
                } else if tag == C.aliasTag && isAlias {
                    forms.aliases.append(term.text)
                } else if traditional {
                    forms.traditional.append(term.text)
                } else {
                    forms.simplified.append(term.text)
                }
            }
        }

        for (tag, kind, text) in renderingContext {
            let canonical = Self.canonicalTag(tag)
            let renderingTag = options.dropRegions ? Self.glossLanguage(canonical) : canonical
            switch kind {
            case "not-before": renderings[renderingTag, default: Renderings()].notBefore.append(text)
            case "not-after": renderings[renderingTag, default: Renderings()].notAfter.append(text)
            case "not-within": renderings[renderingTag, default: Renderings()].notWithin.append(text)
            case "aligned-only": renderings[renderingTag, default: Renderings()].alignedOnly.append(text)
            case "paraphrase": renderings[renderingTag, default: Renderings()].paraphrases.append(text)
            default: renderings[renderingTag, default: Renderings()].article = text
            }
        }

        // Category and context: locctl's own notes, else the subject field, else the defaults.
        if let subjectField {
            category = Category(rawValue: subjectField) ?? Category(rawValue: subjectField.lowercased())
            if category == nil && options.defaultCategory != nil {
                warn(.unknownTag, "subject field '\(subjectField)' is not a locctl category; using '\(options.defaultCategory!.rawValue)'", line: entry.line, id: entry.id)
            }
        }
        category = category ?? options.defaultCategory
        if category == nil {
            error(.missingField, "no category: the subject field \(subjectField.map { "'\($0)' is not a locctl category" } ?? "is missing") and no default category was given (--category)", line: entry.line)
        }
        context = context ?? options.defaultContext
        if context == nil && errors == 0 {
            error(.missingField, "no context level: no locctl:context note and no default was given (--context high|medium|low)", line: entry.line)
        }
        if forms.chinese.isEmpty {
            error(.missingSimplified, "no Chinese term (a langSec in zh, zh-Hans, zh-CN, zh-Hant, zh-TW …); a symbol needs the forms it is matched by", line: entry.line)
        }
        let id = explicitID ?? Self.derivedID(entryID: entry.id, englishTerm: Self.englishTerm(renderings), index: index)
        guard errors == 0, let category, let context else { return nil }
        if gloss["en"] == nil {
            warn(.missingEnglishGloss, "no English definition; add gloss.en to the YAML before use", line: entry.line, id: id)
        }
        let symbol = Symbol(id: id, category: category, context: context, priority: priority, themes: themes, forms: forms,
                            gloss: gloss, renderings: renderings, analogies: analogies, related: [],
                            sources: Sources(wikidata: wikidata, refs: refs), status: status ?? .draft,
                            sensitivity: sensitivity, disambiguation: disambiguation, examples: examples,
                            sharedBy: sharedBy, notes: notes.isEmpty ? nil : notes.joined(separator: "\n"))
        return Draft(symbol: symbol, entryID: entry.id, relatedTargets: related, line: entry.line)
    }

    // MARK: Helpers

    private static func status(of term: TBXEntry.Term) -> RenderingStatus? {
        for item in term.items where item.element == "termNote"
            && (item.type == "administrativeStatus" || item.type == "normativeAuthorization") {
            return TBXConventions.status(item.text) ?? .admitted
        }
        return nil
    }

    private mutating func dropped(_ item: TBXEntry.Item) {
        let key = item.element + (item.type.map { " type=\"\($0)\"" } ?? "")
        guard reportedDropped.insert(key).inserted else { return }
        warn(.unknownKey, "<\(key)> has no place in the symbol model; skipped (reported once)", line: item.line, id: nil)
    }

    private func location(_ line: Int) -> GlossaryLocation {
        GlossaryLocation(file: file, line: line > 0 ? line : nil)
    }

    private mutating func warn(_ rule: GlossaryRule, _ message: String, line: Int, id: String?) {
        diagnostics.append(GlossaryDiagnostic(rule, message, at: location(line), symbolID: id, severity: .warning))
    }

    /// A BCP 47 tag in canonical case: `en-us` → `en-US`, `zh_hant_tw` → `zh-Hant-TW`.
    static func canonicalTag(_ tag: String) -> String {
        let parts = tag.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == "-" || $0 == "_" })
        return parts.enumerated().map { index, part in
            if index == 0 { return part.lowercased() }
            if part.count == 4 && part.allSatisfy(\.isLetter) { return part.prefix(1).uppercased() + part.dropFirst().lowercased() }
            if (part.count == 2 && part.allSatisfy(\.isLetter)) || (part.count == 3 && part.allSatisfy(\.isNumber)) { return part.uppercased() }
            return part.lowercased()
        }.joined(separator: "-")
    }

    /// The gloss language for a tag: the language, with the script for Chinese (`zh-TW` → `zh-Hant`, `es-419` → `es`).
    static func glossLanguage(_ tag: String) -> String {
        let canonical = canonicalTag(tag)
        if Vocabulary.languages.contains(canonical) { return canonical }
        let parts = canonical.split(separator: "-").map(String.init)
        guard let language = parts.first else { return canonical }
        if language == "zh" {
            if parts.contains("Hant") || parts.contains("TW") || parts.contains("HK") || parts.contains("MO") { return "zh-Hant" }
            return "zh-Hans"
        }
        return language
    }

    /// The first English preferred rendering (or the first English one).
    static func englishTerm(_ renderings: [String: Renderings]) -> String? {
        let english = renderings.filter { $0.key == "en" || $0.key.hasPrefix("en-") }.sorted { $0.key < $1.key }
        return english.lazy.compactMap { $0.value.preferred.first }.first ?? english.lazy.compactMap { $0.value.acceptable.first }.first
    }

    /// An id for an entry from another tool: its id kebab-cased when that has a letter (numeric ids such as
    /// memoQ's say nothing), else the English term kebab-cased, else `entry-` and the id or position.
    static func derivedID(entryID: String?, englishTerm: String?, index: Int) -> String {
        if let entryID {
            let id = kebab(entryID)
            if id.contains(where: \.isLetter) { return id }
        }
        if let englishTerm {
            let id = kebab(englishTerm)
            if !id.isEmpty { return id }
        }
        if let entryID, !kebab(entryID).isEmpty { return "entry-" + kebab(entryID) }
        return "entry-\(index + 1)"
    }

    /// Lowercase ASCII letters and digits, other runs replaced by one `-`; diacritics removed (`Chang'e` → `chang-e`).
    static func kebab(_ text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: Locale(identifier: "en"))
        var out = ""
        var pendingDash = false
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }
}
