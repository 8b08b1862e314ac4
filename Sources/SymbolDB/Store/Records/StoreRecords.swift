import Foundation
import GRDB

// One record type per table of ``StoreSchema``. Rows are decoded by column index in the order of the
// `select` each loader uses (fast: no Codable, no name lookups).

/// A row of `symbol`.
struct SymbolRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "symbol"
    enum Columns {
        static let id = Column("id"), ordinal = Column("ordinal"), category = Column("category")
    }

    var id: String
    var ordinal: Int
    var category: String
    var context: String
    var priority: Int
    var status: String
    var themes: String
    var wikidata: String?
    var refs: String
    var notBefore: String?
    var notAfter: String?
    var notWithin: String?
    var notes: String?
    var file: String
    var line: Int?

    static let selection: [any SQLSelectable] = [
        Column("id"), Column("ordinal"), Column("category"), Column("context"), Column("priority"), Column("status"),
        Column("themes"), Column("wikidata"), Column("refs"), Column("notBefore"), Column("notAfter"),
        Column("notWithin"), Column("notes"), Column("file"), Column("line"),
    ]

    init(row: Row) {
        id = row[0]; ordinal = row[1]; category = row[2]; context = row[3]; priority = row[4]; status = row[5]
        themes = row[6]; wikidata = row[7]; refs = row[8]; notBefore = row[9]; notAfter = row[10]; notWithin = row[11]
        notes = row[12]; file = row[13]; line = row[14]
    }

    init(_ located: LocatedSymbol, ordinal: Int) {
        let symbol = located.symbol
        id = symbol.id
        self.ordinal = ordinal
        category = symbol.category.rawValue
        context = symbol.context.rawValue
        priority = symbol.priority
        status = symbol.status.rawValue
        themes = StoreList.encode(symbol.themes)
        wikidata = symbol.sources.wikidata
        refs = StoreList.encode(symbol.sources.refs)
        notBefore = symbol.disambiguation.map { StoreList.encode($0.notBefore) }
        notAfter = symbol.disambiguation.map { StoreList.encode($0.notAfter) }
        notWithin = symbol.disambiguation.map { StoreList.encode($0.notWithin) }
        notes = symbol.notes
        file = located.source.entry.file
        line = located.source.entry.line
    }

    func encode(to container: inout PersistenceContainer) {
        container["id"] = id; container["ordinal"] = ordinal; container["category"] = category
        container["context"] = context; container["priority"] = priority; container["status"] = status
        container["themes"] = themes; container["wikidata"] = wikidata; container["refs"] = refs
        container["notBefore"] = notBefore; container["notAfter"] = notAfter; container["notWithin"] = notWithin
        container["notes"] = notes; container["file"] = file; container["line"] = line
    }
}

/// A row of `form`: one Simplified, Traditional, pinyin or alias string.
struct FormRecord: PersistableRecord {
    static let databaseTableName = "form"
    enum Kind: String { case simplified, traditional, pinyin, alias }
    var symbolId: String
    var kind: Kind
    var position: Int
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["kind"] = kind.rawValue
        container["position"] = position; container["text"] = text
    }
}

/// A row of `gloss`.
struct GlossRecord: PersistableRecord {
    static let databaseTableName = "gloss"
    var symbolId: String
    var language: String
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["language"] = language; container["text"] = text
    }
}

/// A row of `rendering`: one term with its TBX status for a language or region.
struct RenderingRecord: PersistableRecord {
    static let databaseTableName = "rendering"
    var symbolId: String
    var tag: String
    var status: String
    var position: Int
    var term: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["tag"] = tag; container["status"] = status
        container["position"] = position; container["term"] = term
    }
}

/// A row of `renderingContext`: one `not-before`, `not-after` or `not-within` entry of a language's renderings.
struct RenderingContextRecord: PersistableRecord {
    static let databaseTableName = "renderingContext"
    var symbolId: String
    var tag: String
    var kind: String
    var position: Int
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["tag"] = tag; container["kind"] = kind
        container["position"] = position; container["text"] = text
    }
}

/// A row of `senseExample`: one labelled line for a form's symbol or ordinary sense.
struct SenseExampleRecord: PersistableRecord {
    static let databaseTableName = "senseExample"
    var symbolId: String
    var form: String
    var sense: String
    var position: Int
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["form"] = form; container["sense"] = sense
        container["position"] = position; container["text"] = text
    }
}

/// A row of `sharedBy`: one region tag whose viewers share the symbol.
struct SharedByRecord: PersistableRecord {
    static let databaseTableName = "sharedBy"
    var symbolId: String
    var tag: String
    var position: Int

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["tag"] = tag; container["position"] = position
    }
}

/// A row of `renderingUse`: one `aligned-only` term, paraphrase or the article of a language's renderings.
struct RenderingUseRecord: PersistableRecord {
    static let databaseTableName = "renderingUse"
    var symbolId: String
    var tag: String
    var kind: String
    var position: Int
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["tag"] = tag; container["kind"] = kind
        container["position"] = position; container["text"] = text
    }
}

/// A row of `senseModel`: the trained model of one ambiguous form.
struct SenseModelRecord: PersistableRecord {
    static let databaseTableName = "senseModel"
    var symbolId: String
    var form: String
    var position: Int
    var model: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["form"] = form; container["position"] = position; container["model"] = model
    }
}

/// A row of `analogy`.
struct AnalogyRecord: PersistableRecord {
    static let databaseTableName = "analogy"
    var symbolId: String
    var frame: String
    var language: String
    var text: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["frame"] = frame; container["language"] = language; container["text"] = text
    }
}

/// A row of `related`.
struct RelatedRecord: PersistableRecord {
    static let databaseTableName = "related"
    var symbolId: String
    var relatedId: String
    var position: Int

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["relatedId"] = relatedId; container["position"] = position
    }
}

/// A row of `sensitivity`.
struct SensitivityRecord: PersistableRecord {
    static let databaseTableName = "sensitivity"
    var symbolId: String
    var tag: String
    var severity: String
    var note: String

    func encode(to container: inout PersistenceContainer) {
        container["symbolId"] = symbolId; container["tag"] = tag; container["severity"] = severity; container["note"] = note
    }
}

/// A row of `searchText`: one searchable string (form, gloss or rendering) of a symbol.
struct SearchTextRecord: PersistableRecord {
    static let databaseTableName = "searchText"
    var text: String
    var symbolId: String
    /// `form:simplified`, `gloss:en`, `rendering:en`, …
    var field: String

    func encode(to container: inout PersistenceContainer) {
        container["text"] = text; container["symbolId"] = symbolId; container["field"] = field
    }
}

/// Lists of strings in TEXT columns, separated by U+001F (unit separator): cheaper to read than JSON.
enum StoreList {
    static let separator: Character = "\u{1F}"

    static func encode(_ strings: [String]) -> String {
        strings.joined(separator: String(separator))
    }

    static func decode(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // U+001F is a control character, always a Character of its own: splitting its byte is the same.
        return text.utf8.split(separator: 0x1F, omittingEmptySubsequences: false).map { String(Substring($0)) }
    }
}
