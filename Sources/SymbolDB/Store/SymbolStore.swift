import Foundation
import GRDB
import TextServices

/// The compiled symbol database: an SQLite cache of the glossary sources, rebuilt when they change.
///
/// ```swift
/// let store = try SymbolStore.open(glossaryDirectory: GlossaryLocator().locate())
/// store.symbol(id: "chang-e")?.gloss["en"]
/// try store.search("中秋")
/// ```
public final class SymbolStore: Sendable {
    /// Bumped whenever the schema or what is stored changes: caches of another version are rebuilt.
    public static let formatVersion = 4

    /// How `search` finds substrings.
    public enum SearchEngine: String, Sendable, Hashable {
        /// SQLite FTS5 with the trigram tokenizer (queries of three or more characters).
        case fts5Trigram = "fts5-trigram"
        /// `LIKE` over a plain table, when this SQLite lacks FTS5 or the trigram tokenizer.
        case like
    }

    /// The glossary sources this store compiles.
    public let glossaryDirectory: URL
    /// The SQLite file.
    public let databaseURL: URL
    /// Every symbol, in source order (files sorted by path, entries in file order).
    public let allSymbols: [Symbol]
    /// Reading problems found when the store was built (lint reports more).
    public let diagnostics: [GlossaryDiagnostic]
    /// Whether `open` had to (re)build the cache.
    public let wasRebuilt: Bool
    /// The search engine compiled into this store.
    public let searchEngine: SearchEngine
    /// The sense models trained from the symbols' `examples` when the store was built (read on first use).
    public let senseModels: SenseModels
    /// SHA-256 of the sources this store was built from.
    public let contentHash: String

    let database: DatabaseQueue
    /// Whether the symbols were read from their snapshot file rather than the tables.
    let symbolsFromSnapshot: Bool
    private let indexByID: [String: Int]
    /// ``allSymbolsByID``, made on first use.
    let sortedByID = Locked<[Symbol]?>(nil)

    private init(glossaryDirectory: URL, databaseURL: URL, database: DatabaseQueue, wasRebuilt: Bool) throws {
        self.glossaryDirectory = glossaryDirectory
        self.databaseURL = databaseURL
        self.database = database
        self.wasRebuilt = wasRebuilt
        let meta = try database.read { try StoreMeta.read($0) }
        let hash = meta[StoreMeta.contentHash] ?? ""
        let storedDiagnostics = StoreMeta.decodeDiagnostics(meta[StoreMeta.diagnostics])
        // The symbols from their snapshot file when it is there and whole, else from the tables (then snapshotted).
        let snapshotURL = SymbolsSnapshot.url(databaseURL: databaseURL, contentHash: hash)
        let identity = MatcherSnapshots.identity(contentHash: hash)
        let usable = !hash.isEmpty && !storedDiagnostics.hasErrors && MatcherSnapshots.enabledByEnvironment
        if usable, let data = try? Data(contentsOf: snapshotURL, options: .alwaysMapped),
           let symbols = try? SymbolsSnapshot.decode(data, identity: identity) {
            allSymbols = symbols
            symbolsFromSnapshot = true
        } else {
            symbolsFromSnapshot = false
            allSymbols = try database.read { try Self.loadSymbols($0) }
            if usable { MatcherSnapshots.write(SymbolsSnapshot.encode(allSymbols, identity: identity), to: snapshotURL) }
        }
        let loaded = (allSymbols, meta)
        contentHash = hash
        // Decoded when a matcher needs them: a matcher snapshot carries the models it uses.
        senseModels = SenseModels(origin: "\(databaseURL.path)\t\(hash)\t\(UUID().uuidString)") {
            (try? database.read { try SymbolStore.loadSenseModelRows($0) }) ?? []
        }
        searchEngine = SearchEngine(rawValue: loaded.1[StoreMeta.searchEngine] ?? "") ?? .like
        diagnostics = storedDiagnostics
        var index: [String: Int] = [:]
        for (position, symbol) in allSymbols.enumerated() { index[symbol.id] = position }
        indexByID = index
        registerForMatcherSnapshots()
    }

    /// Lets matchers for ``allSymbols`` come from this store's snapshots (done on open; the process remembers
    /// a few stores, so one opened long ago may have been forgotten). Stores with errors are never registered.
    func registerForMatcherSnapshots() {
        if !contentHash.isEmpty && !diagnostics.hasErrors {
            MatcherSnapshots.shared.register(MatcherSnapshots.Entry(
                symbols: allSymbols, senseModels: senseModels, contentHash: contentHash, databaseURL: databaseURL))
        }
    }

    // MARK: Queries

    /// The symbol with `id`, if any.
    public func symbol(id: String) -> Symbol? {
        indexByID[id].map { allSymbols[$0] }
    }

    /// The symbols of one category, in source order.
    public func symbols(category: Category) -> [Symbol] {
        allSymbols.filter { $0.category == category }
    }

    // MARK: Opening

    /// Opens the compiled store for `glossaryDirectory`, rebuilding it first when the sources changed.
    ///
    /// - Parameters:
    ///   - cacheDirectory: where store files live; ``CacheLocation/directory(environment:)`` by default.
    ///   - forceRebuild: rebuild even when the cache is up to date.
    /// - Throws: ``GlossaryLoaderError`` when the directory is missing; ``GlossaryLoadFailure`` when a source
    ///   has an error (nothing is built); database and file errors.
    public static func open(glossaryDirectory: URL, cacheDirectory: URL = CacheLocation.directory(),
                            loader: GlossaryLoader = GlossaryLoader(), forceRebuild: Bool = false) throws -> SymbolStore {
        let files = try GlossaryLoader.sourceFiles(in: glossaryDirectory)
        try FileManager.default.createDirectory(at: cacheDirectory, withIntermediateDirectories: true)
        let url = CacheLocation.storeURL(for: glossaryDirectory, in: cacheDirectory)

        var fingerprint: GlossaryFingerprint?
        if !forceRebuild, FileManager.default.fileExists(atPath: url.path),
           let queue = try? DatabaseQueue(path: url.path, configuration: storeConfiguration()) {
            switch (try? freshness(of: queue, files: files, directory: glossaryDirectory)) ?? .stale(nil) {
            case .current:
                let store = try SymbolStore(glossaryDirectory: glossaryDirectory, databaseURL: url, database: queue, wasRebuilt: false)
                // A cache written by an older build from sources with errors is not used: the sources are read again.
                if !store.diagnostics.hasErrors { return store }
                try? queue.close()
            case let .stale(computed):
                fingerprint = computed
                try? queue.close()
            }
        }

        let start = Date().timeIntervalSince1970
        let current = try fingerprint ?? GlossaryFingerprint.compute(files: files, in: glossaryDirectory)
        let load = try loader.load(directory: glossaryDirectory)
        let errors = load.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else { throw GlossaryLoadFailure(errors: errors) }
        try build(from: load, fingerprint: current, builtAt: start, to: url)
        MatcherSnapshots.removeStale(databaseURL: url, contentHash: current.contentHash)
        let queue = try DatabaseQueue(path: url.path, configuration: storeConfiguration())
        return try SymbolStore(glossaryDirectory: glossaryDirectory, databaseURL: url, database: queue, wasRebuilt: true)
    }

    private enum Freshness {
        case current
        /// Out of date; the fingerprint when it was computed on the way.
        case stale(GlossaryFingerprint?)
    }

    /// Compares the cache's recorded fingerprint with the sources: file status first, content hash when
    /// the status differs or a file was modified too close to the build to trust its time stamp.
    private static func freshness(of queue: DatabaseQueue, files: [URL], directory: URL) throws -> Freshness {
        let meta = try queue.read { try StoreMeta.read($0) }
        guard meta[StoreMeta.formatVersion] == String(formatVersion),
              let storedHash = meta[StoreMeta.contentHash] else { return .stale(nil) }
        let status = GlossaryFingerprint.statusSignature(of: files, in: directory)
        let builtAt = Double(meta[StoreMeta.builtAt] ?? "") ?? 0
        if status.signature == meta[StoreMeta.statusSignature], status.newest < builtAt - 2 {
            return .current
        }
        let fingerprint = try GlossaryFingerprint.compute(files: files, in: directory)
        guard fingerprint.contentHash == storedHash else { return .stale(fingerprint) }
        // Same content, new time stamps (a checkout, a touch): remember them so the next open is cheap.
        try? queue.write { db in
            try StoreMeta.write(db, [StoreMeta.statusSignature: fingerprint.statusSignature,
                                     StoreMeta.builtAt: String(Date().timeIntervalSince1970)])
        }
        return .current
    }

    static func storeConfiguration() -> Configuration {
        var configuration = Configuration()
        configuration.label = "locctl.symbols"
        configuration.foreignKeysEnabled = true
        return configuration
    }

    // MARK: Building

    /// Compiles `load` into a new store file at `url`, atomically: the file is built beside it under a
    /// temporary name and renamed over it, so readers see the old store or the new one, never a half.
    public static func build(from load: GlossaryLoadResult, fingerprint: GlossaryFingerprint,
                             builtAt: Double = Date().timeIntervalSince1970, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).tmp-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            let queue = try DatabaseQueue(path: temporary.path, configuration: storeConfiguration())
            try StoreSchema.migrator.migrate(queue)
            try queue.write { db in
                let engine: SearchEngine = try db.tableExists("searchText") && isVirtualTable(db, "searchText") ? .fts5Trigram : .like
                try StoreMeta.write(db, [
                    StoreMeta.formatVersion: String(formatVersion),
                    StoreMeta.contentHash: fingerprint.contentHash,
                    StoreMeta.statusSignature: fingerprint.statusSignature,
                    StoreMeta.builtAt: String(builtAt),
                    StoreMeta.searchEngine: engine.rawValue,
                    StoreMeta.diagnostics: StoreMeta.encodeDiagnostics(load.diagnostics),
                ])
                try insert(load.symbols, into: db)
                try insert(SenseModelTrainer().train(uniqueSymbols(load.symbols)), into: db)
            }
            try queue.close()
        }
        guard rename(temporary.path, url.path) == 0 else {
            throw GlossaryFileWriter.Failure.cannotWrite(url.path, String(cString: strerror(errno)))
        }
    }

    /// The symbols the store keeps: the first entry of each id.
    private static func uniqueSymbols(_ symbols: [LocatedSymbol]) -> [Symbol] {
        var ids = Set<String>()
        return symbols.filter { ids.insert($0.symbol.id).inserted }.map(\.symbol)
    }

    private static func insert(_ models: SenseModels, into db: Database) throws {
        for (position, model) in models.all.enumerated() {
            try SenseModelRecord(symbolId: model.symbolID, form: model.form, position: position,
                                 model: try SenseModels.encode(model)).insert(db)
        }
    }

    private static func loadSenseModelRows(_ db: Database) throws -> [(symbolID: String, form: String, model: String)] {
        try Row.fetchAll(db, sql: "SELECT symbolId, form, model FROM senseModel ORDER BY position").map { row in
            (symbolID: row[0] as String, form: row[1] as String, model: row[2] as String)
        }
    }

    private static func isVirtualTable(_ db: Database, _ name: String) throws -> Bool {
        let sql = try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = ?", arguments: [name]) ?? ""
        return sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE")
    }

    /// Writes symbols and their search rows; later duplicates of an id are skipped (lint reports them).
    private static func insert(_ symbols: [LocatedSymbol], into db: Database) throws {
        var ids = Set<String>()
        for (ordinal, located) in symbols.enumerated() where ids.insert(located.symbol.id).inserted {
            let symbol = located.symbol
            try SymbolRecord(located, ordinal: ordinal).insert(db)
            var search = SearchRows(symbolId: symbol.id)

            var forms = Set<String>()
            let kinds: [(FormRecord.Kind, [String])] = [(.simplified, symbol.forms.simplified), (.traditional, symbol.forms.traditional),
                                                        (.pinyin, symbol.forms.pinyin), (.alias, symbol.forms.aliases)]
            for (kind, texts) in kinds {
                for (position, text) in texts.enumerated() where forms.insert("\(kind.rawValue)\t\(text)").inserted {
                    try FormRecord(symbolId: symbol.id, kind: kind, position: position, text: text).insert(db)
                    search.add(text, field: "form:\(kind.rawValue)")
                }
            }
            for (language, text) in symbol.gloss.sorted(by: { $0.key < $1.key }) {
                try GlossRecord(symbolId: symbol.id, language: language, text: text).insert(db)
                search.add(text, field: "gloss:\(language)")
            }
            for (tag, terms) in symbol.renderings.sorted(by: { $0.key < $1.key }) {
                var seen = Set<String>()
                for (status, list) in [("preferred", terms.preferred), ("admitted", terms.admitted), ("deprecated", terms.deprecated)] {
                    for (position, term) in list.enumerated() where seen.insert("\(status)\t\(term)").inserted {
                        try RenderingRecord(symbolId: symbol.id, tag: tag, status: status, position: position, term: term).insert(db)
                        search.add(term, field: "rendering:\(tag):\(status)")
                    }
                }
                var seenContext = Set<String>()
                for (kind, list) in [("not-before", terms.notBefore), ("not-after", terms.notAfter), ("not-within", terms.notWithin)] {
                    for (position, text) in list.enumerated() where seenContext.insert("\(kind)\t\(text)").inserted {
                        try RenderingContextRecord(symbolId: symbol.id, tag: tag, kind: kind, position: position, text: text).insert(db)
                    }
                }
            }
            for (tag, terms) in symbol.renderings.sorted(by: { $0.key < $1.key }) {
                var seenUse = Set<String>()
                let uses = [("aligned-only", terms.alignedOnly), ("paraphrase", terms.paraphrases), ("article", terms.article.map { [$0] } ?? [])]
                for (kind, list) in uses {
                    for (position, text) in list.enumerated() where seenUse.insert("\(kind)\t\(text)").inserted {
                        try RenderingUseRecord(symbolId: symbol.id, tag: tag, kind: kind, position: position, text: text).insert(db)
                    }
                }
            }
            for (form, senses) in symbol.examples.sorted(by: { $0.key < $1.key }) {
                for (sense, lines) in [("symbol", senses.symbol), ("ordinary", senses.ordinary)] {
                    for (position, text) in lines.enumerated() {
                        try SenseExampleRecord(symbolId: symbol.id, form: form, sense: sense, position: position, text: text).insert(db)
                    }
                }
            }
            var shared = Set<String>()
            for (position, tag) in symbol.sharedBy.enumerated() where shared.insert(tag).inserted {
                try SharedByRecord(symbolId: symbol.id, tag: tag, position: position).insert(db)
            }
            for (frame, texts) in symbol.analogies.sorted(by: { $0.key < $1.key }) {
                for (language, text) in texts.sorted(by: { $0.key < $1.key }) {
                    try AnalogyRecord(symbolId: symbol.id, frame: frame, language: language, text: text).insert(db)
                }
            }
            var related = Set<String>()
            for (position, id) in symbol.related.enumerated() where related.insert(id).inserted {
                try RelatedRecord(symbolId: symbol.id, relatedId: id, position: position).insert(db)
            }
            for (tag, note) in symbol.sensitivity.sorted(by: { $0.key < $1.key }) {
                try SensitivityRecord(symbolId: symbol.id, tag: tag, severity: note.severity.rawValue, note: note.note).insert(db)
            }
            for row in search.rows { try row.insert(db) }
        }
    }

    /// Search rows for one symbol: each text, plus its case- and diacritic-folded spelling when different.
    private struct SearchRows {
        let symbolId: String
        var rows: [SearchTextRecord] = []
        private var seen = Set<String>()

        init(symbolId: String) { self.symbolId = symbolId }

        mutating func add(_ text: String, field: String) {
            for variant in [text, SymbolStore.fold(text)] where seen.insert(field + "\t" + variant).inserted {
                rows.append(SearchTextRecord(text: variant, symbolId: symbolId, field: field))
            }
        }
    }

    /// Lowercased, without diacritics (`Zhōngqiū` → `zhongqiu`), NFC.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).precomposedStringWithCanonicalMapping
    }

    // MARK: Loading

    /// All symbols in a fixed number of queries (one per table), assembled in memory.
    private static func loadSymbols(_ db: Database) throws -> [Symbol] {
        var forms: [String: Forms] = [:]
        let formRows = try Row.fetchCursor(db, sql: "SELECT symbolId, kind, text FROM form ORDER BY rowid")
        while let row = try formRows.next() {
            let id: String = row[0], kind: String = row[1], text: String = row[2]
            // Modified in place: a copy taken out of the dictionary would copy its arrays on every append.
            switch kind {
            case "simplified": forms[id, default: Forms(simplified: [])].simplified.append(text)
            case "traditional": forms[id, default: Forms(simplified: [])].traditional.append(text)
            case "pinyin": forms[id, default: Forms(simplified: [])].pinyin.append(text)
            default: forms[id, default: Forms(simplified: [])].aliases.append(text)
            }
        }
        var glosses: [String: [String: String]] = [:]
        let glossRows = try Row.fetchCursor(db, sql: "SELECT symbolId, language, text FROM gloss")
        while let row = try glossRows.next() { glosses[row[0], default: [:]][row[1]] = row[2] as String }

        var renderings: [String: [String: Renderings]] = [:]
        let renderingRows = try Row.fetchCursor(db, sql: "SELECT symbolId, tag, status, term FROM rendering ORDER BY rowid")
        while let row = try renderingRows.next() {
            let id: String = row[0], tag: String = row[1], status: String = row[2], term: String = row[3]
            switch status {
            case "preferred": renderings[id, default: [:]][tag, default: Renderings()].preferred.append(term)
            case "admitted": renderings[id, default: [:]][tag, default: Renderings()].admitted.append(term)
            default: renderings[id, default: [:]][tag, default: Renderings()].deprecated.append(term)
            }
        }
        let contextRows = try Row.fetchCursor(db, sql: "SELECT symbolId, tag, kind, text FROM renderingContext ORDER BY rowid")
        while let row = try contextRows.next() {
            let id: String = row[0], tag: String = row[1], kind: String = row[2], text: String = row[3]
            switch kind {
            case "not-before": renderings[id, default: [:]][tag, default: Renderings()].notBefore.append(text)
            case "not-after": renderings[id, default: [:]][tag, default: Renderings()].notAfter.append(text)
            default: renderings[id, default: [:]][tag, default: Renderings()].notWithin.append(text)
            }
        }
        let useRows = try Row.fetchCursor(db, sql: "SELECT symbolId, tag, kind, text FROM renderingUse ORDER BY rowid")
        while let row = try useRows.next() {
            let id: String = row[0], tag: String = row[1], kind: String = row[2], text: String = row[3]
            switch kind {
            case "aligned-only": renderings[id, default: [:]][tag, default: Renderings()].alignedOnly.append(text)
            case "paraphrase": renderings[id, default: [:]][tag, default: Renderings()].paraphrases.append(text)
            default: renderings[id, default: [:]][tag, default: Renderings()].article = text
            }
        }
        var examples: [String: [String: SenseExamples]] = [:]
        let exampleRows = try Row.fetchCursor(db, sql: "SELECT symbolId, form, sense, text FROM senseExample ORDER BY rowid")
        while let row = try exampleRows.next() {
            let id: String = row[0], form: String = row[1], sense: String = row[2], text: String = row[3]
            if sense == "symbol" {
                examples[id, default: [:]][form, default: SenseExamples()].symbol.append(text)
            } else {
                examples[id, default: [:]][form, default: SenseExamples()].ordinary.append(text)
            }
        }
        var sharedBy: [String: [String]] = [:]
        let sharedRows = try Row.fetchCursor(db, sql: "SELECT symbolId, tag FROM sharedBy ORDER BY symbolId, position")
        while let row = try sharedRows.next() { sharedBy[row[0], default: []].append(row[1]) }

        var analogies: [String: [String: [String: String]]] = [:]
        let analogyRows = try Row.fetchCursor(db, sql: "SELECT symbolId, frame, language, text FROM analogy")
        while let row = try analogyRows.next() {
            analogies[row[0], default: [:]][row[1], default: [:]][row[2]] = row[3] as String
        }
        var related: [String: [String]] = [:]
        let relatedRows = try Row.fetchCursor(db, sql: "SELECT symbolId, relatedId FROM related ORDER BY symbolId, position")
        while let row = try relatedRows.next() { related[row[0], default: []].append(row[1]) }

        var sensitivity: [String: [String: Sensitivity]] = [:]
        let sensitivityRows = try Row.fetchCursor(db, sql: "SELECT symbolId, tag, severity, note FROM sensitivity")
        while let row = try sensitivityRows.next() {
            let severity = Sensitivity.Severity(rawValue: row[2]) ?? .info
            sensitivity[row[0], default: [:]][row[1]] = Sensitivity(severity: severity, note: row[3])
        }

        let records = try SymbolRecord.select(SymbolRecord.selection).order(SymbolRecord.Columns.ordinal).fetchAll(db)
        return records.compactMap { record in
            guard let category = Category(rawValue: record.category), let context = ContextLevel(rawValue: record.context),
                  let status = ReviewStatus(rawValue: record.status) else { return nil }
            var disambiguation: Disambiguation?
            if record.notBefore != nil || record.notAfter != nil || record.notWithin != nil {
                disambiguation = Disambiguation(notBefore: StoreList.decode(record.notBefore), notAfter: StoreList.decode(record.notAfter),
                                                notWithin: StoreList.decode(record.notWithin))
            }
            return Symbol(id: record.id, category: category, context: context, priority: record.priority,
                          themes: StoreList.decode(record.themes), forms: forms[record.id] ?? Forms(simplified: []),
                          gloss: glosses[record.id] ?? [:], renderings: renderings[record.id] ?? [:],
                          analogies: analogies[record.id] ?? [:], related: related[record.id] ?? [],
                          sources: Sources(wikidata: record.wikidata, refs: StoreList.decode(record.refs)),
                          status: status, sensitivity: sensitivity[record.id] ?? [:],
                          disambiguation: disambiguation, examples: examples[record.id] ?? [:],
                          sharedBy: sharedBy[record.id] ?? [], notes: record.notes)
        }
    }
}

/// The `meta` table: key–value facts about the build.
enum StoreMeta {
    static let formatVersion = "formatVersion"
    static let contentHash = "contentHash"
    static let statusSignature = "statusSignature"
    static let builtAt = "builtAt"
    static let searchEngine = "searchEngine"
    static let diagnostics = "diagnostics"

    static func read(_ db: Database) throws -> [String: String] {
        var values: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM meta") { values[row[0]] = row[1] as String }
        return values
    }

    static func write(_ db: Database, _ values: [String: String]) throws {
        for (key, value) in values {
            try db.execute(sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", arguments: [key, value])
        }
    }

    static func encodeDiagnostics(_ diagnostics: [GlossaryDiagnostic]) -> String {
        guard !diagnostics.isEmpty, let data = try? JSONEncoder().encode(diagnostics) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    static func decodeDiagnostics(_ text: String?) -> [GlossaryDiagnostic] {
        guard let text, text != "[]" else { return [] }
        return (try? JSONDecoder().decode([GlossaryDiagnostic].self, from: Data(text.utf8))) ?? []
    }
}
