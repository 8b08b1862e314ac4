import Yams

/// Turns one `symbols:` entry into a ``LocatedSymbol``, recording where each field was written.
struct SymbolEntryReader {
    enum Outcome {
        case symbol(LocatedSymbol)
        /// Too broken to become a symbol (no id, category or context); the id when one was read.
        case rejected(String?)
    }

    static let entryKeys = ["id", "category", "context", "priority", "themes", "forms", "gloss", "renderings",
                            "analogies", "related", "sources", "status", "sensitivity", "disambiguation", "examples", "shared-by", "notes"]
    static let formKeys = ["simplified", "traditional", "pinyin", "aliases"]
    static let renderingKeys = ["preferred", "admitted", "deprecated", "not-before", "not-after", "not-within",
                                "aligned-only", "paraphrases", "article"]
    static let exampleKeys = ["symbol", "ordinary"]
    static let sourceKeys = ["wikidata", "refs"]
    static let sensitivityKeys = ["severity", "note"]
    static let disambiguationKeys = ["not-before", "not-after", "not-within"]

    private var fields: [String: GlossaryLocation] = [:]

    private mutating func record(_ path: String, _ node: Node, _ reader: YAMLNodeReader) {
        fields[path] = reader.location(node)
    }

    mutating func read(_ node: Node, defaultCategory: Category?, hasDefaultCategory: Bool,
                       reader: inout YAMLNodeReader) -> Outcome {
        fields = [:]
        reader.symbolID = nil
        defer { reader.symbolID = nil }
        guard let entry = reader.fields(node, "a symbol entry", allowed: Self.entryKeys) else { return .rejected(nil) }
        let entryLocation = reader.location(node)

        // Identity first, so every later diagnostic names the symbol.
        var id: String?
        if let idField = entry["id"] {
            id = reader.string(idField.value, "id")
            record("id", idField.value, reader)
        } else {
            reader.report(.missingField, "symbol entry has no 'id'", at: node)
        }
        reader.symbolID = id

        var category = defaultCategory
        if let field = entry["category"] {
            category = reader.enumeration(field.value, "category", as: Category.self)
            record("category", field.value, reader)
        } else if !hasDefaultCategory {
            reader.report(.missingField, "symbol '\(id ?? "?")' has no 'category' and the file sets no default", at: node)
        }

        var context: ContextLevel?
        if let field = entry["context"] {
            context = reader.enumeration(field.value, "context", as: ContextLevel.self)
            record("context", field.value, reader)
        } else {
            reader.report(.missingField, "symbol '\(id ?? "?")' has no 'context' (high, medium or low)", at: node)
        }

        var status = ReviewStatus.draft
        if let field = entry["status"] {
            status = reader.enumeration(field.value, "status", as: ReviewStatus.self) ?? .draft
            record("status", field.value, reader)
        } else {
            reader.report(.missingField, "symbol '\(id ?? "?")' has no 'status' (draft or reviewed)", at: node)
        }

        var priority = 2
        if let field = entry["priority"] {
            priority = reader.int(field.value, "priority") ?? 2
            record("priority", field.value, reader)
        }

        let themes = readList(entry["themes"], "themes", path: "themes", reader: &reader)
        let forms = readForms(entry["forms"], reader: &reader)
        let gloss = readTextMap(entry["gloss"], "gloss", path: "gloss", reader: &reader)
        let renderings = readRenderings(entry["renderings"], reader: &reader)
        let analogies = readAnalogies(entry["analogies"], reader: &reader)
        let related = readList(entry["related"], "related", path: "related", reader: &reader)
        let sources = readSources(entry["sources"], reader: &reader)
        let sensitivity = readSensitivity(entry["sensitivity"], reader: &reader)
        let disambiguation = readDisambiguation(entry["disambiguation"], reader: &reader)
        let examples = readExamples(entry["examples"], reader: &reader)
        let sharedBy = readList(entry["shared-by"], "shared-by", path: "shared-by", reader: &reader)
        var notes: String?
        if let field = entry["notes"] {
            notes = reader.string(field.value, "notes")
            record("notes", field.value, reader)
        }

        guard let id, let category, let context else { return .rejected(id) }
        let symbol = Symbol(id: id, category: category, context: context, priority: priority, themes: themes,
                            forms: forms, gloss: gloss, renderings: renderings, analogies: analogies, related: related,
                            sources: sources, status: status, sensitivity: sensitivity,
                            disambiguation: disambiguation, examples: examples, sharedBy: sharedBy, notes: notes)
        return .symbol(LocatedSymbol(symbol: symbol, source: SymbolSource(entry: entryLocation, fields: fields)))
    }

    // MARK: Fields

    private mutating func readList(_ field: (keyNode: Node, value: Node)?, _ what: String, path: String,
                                   reader: inout YAMLNodeReader) -> [String] {
        guard let field else { return [] }
        record(path, field.value, reader)
        var located: [(Int, Node)] = []
        let values = reader.strings(field.value, what) { located.append(($0, $1)) } ?? []
        for (index, node) in located { record("\(path).\(index)", node, reader) }
        return values
    }

    private mutating func readForms(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> Forms {
        guard let field else { return Forms(simplified: []) }
        record("forms", field.keyNode, reader)
        guard let forms = reader.fields(field.value, "forms", allowed: Self.formKeys) else { return Forms(simplified: []) }
        return Forms(simplified: readList(forms["simplified"], "forms.simplified", path: "forms.simplified", reader: &reader),
                     traditional: readList(forms["traditional"], "forms.traditional", path: "forms.traditional", reader: &reader),
                     pinyin: readList(forms["pinyin"], "forms.pinyin", path: "forms.pinyin", reader: &reader),
                     aliases: readList(forms["aliases"], "forms.aliases", path: "forms.aliases", reader: &reader))
    }

    /// A mapping of tag → text (glosses, analogy languages).
    private mutating func readTextMap(_ field: (keyNode: Node, value: Node)?, _ what: String, path: String,
                                      reader: inout YAMLNodeReader) -> [String: String] {
        guard let field else { return [:] }
        record(path, field.keyNode, reader)
        return readTextMap(node: field.value, what, path: path, reader: &reader)
    }

    private mutating func readTextMap(node: Node, _ what: String, path: String, reader: inout YAMLNodeReader) -> [String: String] {
        guard let entries = reader.mapping(node, what) else { return [:] }
        var result: [String: String] = [:]
        for entry in entries {
            record("\(path).\(entry.key)", entry.keyNode, reader)
            if let text = reader.string(entry.value, "\(what).\(entry.key)") { result[entry.key] = text }
        }
        return result
    }

    private mutating func readRenderings(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> [String: Renderings] {
        guard let field else { return [:] }
        record("renderings", field.keyNode, reader)
        guard let entries = reader.mapping(field.value, "renderings") else { return [:] }
        var result: [String: Renderings] = [:]
        for entry in entries {
            let path = "renderings.\(entry.key)"
            record(path, entry.keyNode, reader)
            guard let statuses = reader.fields(entry.value, path, allowed: Self.renderingKeys) else { continue }
            result[entry.key] = Renderings(
                preferred: readList(statuses["preferred"], "\(path).preferred", path: "\(path).preferred", reader: &reader),
                admitted: readList(statuses["admitted"], "\(path).admitted", path: "\(path).admitted", reader: &reader),
                deprecated: readList(statuses["deprecated"], "\(path).deprecated", path: "\(path).deprecated", reader: &reader),
                notBefore: readList(statuses["not-before"], "\(path).not-before", path: "\(path).not-before", reader: &reader),
                notAfter: readList(statuses["not-after"], "\(path).not-after", path: "\(path).not-after", reader: &reader),
                notWithin: readList(statuses["not-within"], "\(path).not-within", path: "\(path).not-within", reader: &reader),
                alignedOnly: readList(statuses["aligned-only"], "\(path).aligned-only", path: "\(path).aligned-only", reader: &reader),
                paraphrases: readList(statuses["paraphrases"], "\(path).paraphrases", path: "\(path).paraphrases", reader: &reader),
                article: readScalar(statuses["article"], "\(path).article", path: "\(path).article", reader: &reader))
        }
        return result
    }

    private mutating func readScalar(_ field: (keyNode: Node, value: Node)?, _ what: String, path: String,
                                     reader: inout YAMLNodeReader) -> String? {
        guard let field else { return nil }
        record(path, field.value, reader)
        return reader.string(field.value, what)
    }

    /// `form: {symbol: [lines], ordinary: [lines]}`.
    private mutating func readExamples(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> [String: SenseExamples] {
        guard let field else { return [:] }
        record("examples", field.keyNode, reader)
        guard let entries = reader.mapping(field.value, "examples") else { return [:] }
        var result: [String: SenseExamples] = [:]
        for entry in entries {
            let path = "examples.\(entry.key)"
            record(path, entry.keyNode, reader)
            guard let senses = reader.fields(entry.value, path, allowed: Self.exampleKeys) else { continue }
            result[entry.key] = SenseExamples(
                symbol: readList(senses["symbol"], "\(path).symbol", path: "\(path).symbol", reader: &reader),
                ordinary: readList(senses["ordinary"], "\(path).ordinary", path: "\(path).ordinary", reader: &reader))
        }
        return result
    }

    /// `frame: text` (English) or `frame: {language: text}`.
    private mutating func readAnalogies(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> [String: [String: String]] {
        guard let field else { return [:] }
        record("analogies", field.keyNode, reader)
        guard let entries = reader.mapping(field.value, "analogies") else { return [:] }
        var result: [String: [String: String]] = [:]
        for entry in entries {
            let path = "analogies.\(entry.key)"
            record(path, entry.keyNode, reader)
            switch entry.value {
            case .scalar:
                if let text = reader.string(entry.value, path) {
                    result[entry.key] = ["en": text]
                    record("\(path).en", entry.value, reader)
                }
            case .mapping:
                result[entry.key] = readTextMap(node: entry.value, path, path: path, reader: &reader)
            default:
                reader.report(.typeMismatch,
                              "\(path) must be a string (English) or a mapping of language to text, found \(YAMLNodeReader.describe(entry.value))",
                              at: entry.value)
            }
        }
        return result
    }

    private mutating func readSources(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> Sources {
        guard let field else { return Sources() }
        record("sources", field.keyNode, reader)
        guard let sources = reader.fields(field.value, "sources", allowed: Self.sourceKeys) else { return Sources() }
        var wikidata: String?
        if let value = sources["wikidata"] {
            wikidata = reader.string(value.value, "sources.wikidata")
            record("sources.wikidata", value.value, reader)
        }
        return Sources(wikidata: wikidata, refs: readList(sources["refs"], "sources.refs", path: "sources.refs", reader: &reader))
    }

    private mutating func readSensitivity(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> [String: Sensitivity] {
        guard let field else { return [:] }
        record("sensitivity", field.keyNode, reader)
        guard let entries = reader.mapping(field.value, "sensitivity") else { return [:] }
        var result: [String: Sensitivity] = [:]
        for entry in entries {
            let path = "sensitivity.\(entry.key)"
            record(path, entry.keyNode, reader)
            guard let values = reader.fields(entry.value, path, allowed: Self.sensitivityKeys) else { continue }
            var severity: Sensitivity.Severity?
            if let value = values["severity"] {
                severity = reader.enumeration(value.value, "severity", as: Sensitivity.Severity.self)
            } else {
                reader.report(.missingField, "\(path) has no 'severity' (info, warning or error)", at: entry.value)
            }
            var note: String?
            if let value = values["note"] {
                note = reader.string(value.value, "\(path).note")
                record("\(path).note", value.value, reader)
            } else {
                reader.report(.missingField, "\(path) has no 'note'", at: entry.value)
            }
            if let severity, let note { result[entry.key] = Sensitivity(severity: severity, note: note) }
        }
        return result
    }

    private mutating func readDisambiguation(_ field: (keyNode: Node, value: Node)?, reader: inout YAMLNodeReader) -> Disambiguation? {
        guard let field else { return nil }
        record("disambiguation", field.keyNode, reader)
        guard let values = reader.fields(field.value, "disambiguation", allowed: Self.disambiguationKeys) else { return nil }
        return Disambiguation(
            notBefore: readList(values["not-before"], "disambiguation.not-before", path: "disambiguation.not-before", reader: &reader),
            notAfter: readList(values["not-after"], "disambiguation.not-after", path: "disambiguation.not-after", reader: &reader),
            notWithin: readList(values["not-within"], "disambiguation.not-within", path: "disambiguation.not-within", reader: &reader))
    }
}
