import GRDB

/// The compiled store's schema, as named migrations.
///
/// Migrations use table and column names only, never app types, and are never edited once shipped:
/// a change is a new migration (and a new ``SymbolStore/formatVersion``, so caches rebuild).
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 symbols") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.create(table: "symbol") { t in
                t.primaryKey("id", .text)
                t.column("ordinal", .integer).notNull().unique()
                t.column("category", .text).notNull().indexed()
                t.column("context", .text).notNull().check { ["high", "medium", "low"].contains($0) }
                t.column("priority", .integer).notNull()
                t.column("status", .text).notNull().check { ["draft", "reviewed"].contains($0) }
                t.column("themes", .text).notNull()
                t.column("wikidata", .text)
                t.column("refs", .text).notNull()
                t.column("notBefore", .text)
                t.column("notAfter", .text)
                t.column("notWithin", .text)
                t.column("notes", .text)
                t.column("file", .text).notNull()
                t.column("line", .integer)
            }
            try db.create(table: "form") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("kind", .text).notNull().check { ["simplified", "traditional", "pinyin", "alias"].contains($0) }
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull().indexed()
                t.uniqueKey(["symbolId", "kind", "text"])
            }
            try db.create(table: "gloss") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("language", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["symbolId", "language"])
            }
            try db.create(table: "rendering") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull()
                t.column("status", .text).notNull().check { ["preferred", "admitted", "deprecated"].contains($0) }
                t.column("position", .integer).notNull()
                t.column("term", .text).notNull()
                t.uniqueKey(["symbolId", "tag", "status", "term"])
            }
            try db.create(index: "rendering_on_term", on: "rendering", columns: ["term"])
            try db.create(table: "analogy") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("frame", .text).notNull()
                t.column("language", .text).notNull()
                t.column("text", .text).notNull()
                t.primaryKey(["symbolId", "frame", "language"])
            }
            try db.create(table: "related") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                // Not a foreign key: lint reports dangling ids, the store keeps what the sources say.
                t.column("relatedId", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["symbolId", "relatedId"])
            }
            try db.create(table: "sensitivity") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull()
                t.column("severity", .text).notNull().check { ["info", "warning", "error"].contains($0) }
                t.column("note", .text).notNull()
                t.primaryKey(["symbolId", "tag"])
            }
        }
        migrator.registerMigration("v1 search index") { db in
            // FTS5 with the trigram tokenizer (SQLite ≥ 3.34) gives substring search in any script;
            // without it a plain table is searched with LIKE.
            if try trigramIsAvailable(db) {
                try db.execute(sql: """
                    CREATE VIRTUAL TABLE searchText USING fts5(
                        text, symbolId UNINDEXED, field UNINDEXED, tokenize = 'trigram')
                    """)
            } else {
                try db.create(table: "searchText") { t in
                    t.column("text", .text).notNull()
                    t.column("symbolId", .text).notNull().indexed()
                    t.column("field", .text).notNull()
                }
            }
        }
        migrator.registerMigration("v2 rendering context") { db in
            // renderings.<tag>.not-before | not-after | not-within: Latin-script contexts that cancel a match.
            try db.create(table: "renderingContext") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull()
                t.column("kind", .text).notNull().check { ["not-before", "not-after", "not-within"].contains($0) }
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull()
                t.uniqueKey(["symbolId", "tag", "kind", "text"])
            }
        }
        migrator.registerMigration("v3 senses") { db in
            // examples.<form>.symbol | ordinary: labelled lines the sense models are trained on.
            try db.create(table: "senseExample") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("form", .text).notNull()
                t.column("sense", .text).notNull().check { ["symbol", "ordinary"].contains($0) }
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull()
            }
            // shared-by: region tags that need no note for the symbol.
            try db.create(table: "sharedBy") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull()
                t.column("position", .integer).notNull()
                t.primaryKey(["symbolId", "tag"])
            }
            // renderings.<tag>.aligned-only | paraphrases | article.
            try db.create(table: "renderingUse") { t in
                t.autoIncrementedPrimaryKey("rowid")
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("tag", .text).notNull()
                t.column("kind", .text).notNull().check { ["aligned-only", "paraphrase", "article"].contains($0) }
                t.column("position", .integer).notNull()
                t.column("text", .text).notNull()
                t.uniqueKey(["symbolId", "tag", "kind", "text"])
            }
            // One trained sense model per form with examples of both senses, as JSON (trained at build time).
            try db.create(table: "senseModel") { t in
                t.belongsTo("symbol", onDelete: .cascade).notNull()
                t.column("form", .text).notNull()
                t.column("position", .integer).notNull().unique()
                t.column("model", .text).notNull()
                t.primaryKey(["symbolId", "form"])
            }
        }
        return migrator
    }

    /// Whether this SQLite has FTS5 and its trigram tokenizer.
    static func trigramIsAvailable(_ db: Database) throws -> Bool {
        do {
            try db.execute(sql: "CREATE VIRTUAL TABLE temp.trigramProbe USING fts5(x, tokenize = 'trigram')")
            try db.execute(sql: "DROP TABLE temp.trigramProbe")
            return true
        } catch {
            return false
        }
    }
}
