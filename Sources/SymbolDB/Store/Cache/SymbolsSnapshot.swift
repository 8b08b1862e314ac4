import Foundation

/// Every symbol of a store as one binary file beside it, read in one pass instead of one query per table and a
/// row object per value (opening the store is most of what a one-episode command costs).
///
/// Written after a store is read from SQLite, named and checked like the matcher snapshots (contents and build
/// in the name and the header, lengths checked, a trailer with the total length), atomically; any problem makes
/// the store read SQLite as before.
enum SymbolsSnapshot {
    static let formatVersion: UInt32 = 1
    private static let magic: [UInt8] = Array("LCSYMBS1".utf8)
    private static let trailer: [UInt8] = Array("LCSYMEND".utf8)

    static func url(databaseURL: URL, contentHash: String) -> URL {
        let prefix = MatcherSnapshots.filePrefix(databaseURL: databaseURL, contentHash: contentHash)
        return prefix.deletingLastPathComponent().appendingPathComponent(prefix.lastPathComponent + "all.symbols")
    }

    static func encode(_ symbols: [Symbol], identity: String) -> [UInt8] {
        var w = SnapshotWriter()
        for byte in magic { w.u8(byte) }
        w.u32(formatVersion)
        w.string(identity)
        w.count(symbols.count)
        func strings(_ list: [String]) {
            w.count(list.count)
            for s in list { w.string(s) }
        }
        func optional(_ s: String?) {
            w.bool(s != nil)
            if let s { w.string(s) }
        }
        func dictionary<V>(_ d: [String: V], _ value: (V) -> Void) {
            let sorted = d.sorted { $0.key < $1.key }
            w.count(sorted.count)
            for (k, v) in sorted { w.string(k); value(v) }
        }
        for s in symbols {
            w.string(s.id); w.string(s.category.rawValue); w.string(s.context.rawValue); w.int(s.priority)
            strings(s.themes)
            strings(s.forms.simplified); strings(s.forms.traditional); strings(s.forms.pinyin); strings(s.forms.aliases)
            dictionary(s.gloss) { w.string($0) }
            dictionary(s.renderings) { r in
                strings(r.preferred); strings(r.admitted); strings(r.deprecated)
                strings(r.notBefore); strings(r.notAfter); strings(r.notWithin)
                strings(r.alignedOnly); strings(r.paraphrases); optional(r.article)
            }
            dictionary(s.analogies) { texts in dictionary(texts) { w.string($0) } }
            strings(s.related)
            optional(s.sources.wikidata); strings(s.sources.refs)
            w.string(s.status.rawValue)
            dictionary(s.sensitivity) { w.string($0.severity.rawValue); w.string($0.note) }
            w.bool(s.disambiguation != nil)
            if let d = s.disambiguation { strings(d.notBefore); strings(d.notAfter); strings(d.notWithin) }
            dictionary(s.examples) { strings($0.symbol); strings($0.ordinary) }
            strings(s.sharedBy)
            optional(s.notes)
        }
        for byte in trailer { w.u8(byte) }
        let lengthOffset = w.bytes.count
        w.u64(0)
        w.patch(UInt64(w.bytes.count), at: lengthOffset)
        return w.bytes
    }

    static func decode(_ data: Data, identity: String) throws -> [Symbol] {
        try data.withUnsafeBytes { raw -> [Symbol] in
            let trailerLength = trailer.count + 8
            guard raw.count >= magic.count + trailerLength, raw.prefix(magic.count).elementsEqual(magic) else {
                throw SnapshotReader.Damaged(offset: 0)
            }
            var tail = SnapshotReader(raw, offset: raw.count - trailerLength)
            for byte in trailer where try tail.u8() != byte { throw SnapshotReader.Damaged(offset: tail.offset - 1) }
            guard try tail.u64() == UInt64(raw.count) else { throw SnapshotReader.Damaged(offset: raw.count - 8) }
            var r = SnapshotReader(raw, offset: magic.count)
            guard try r.u32() == formatVersion, try r.string() == identity else { throw SnapshotReader.Damaged(offset: r.offset) }
            func strings() throws -> [String] {
                let n = try r.count(minimumSize: 4)
                var list: [String] = []
                list.reserveCapacity(n)
                for _ in 0..<n { list.append(try r.string()) }
                return list
            }
            func optional() throws -> String? { try r.bool() ? try r.string() : nil }
            func dictionary<V>(_ value: () throws -> V) throws -> [String: V] {
                let n = try r.count(minimumSize: 5)
                var d: [String: V] = [:]
                d.reserveCapacity(n)
                for _ in 0..<n {
                    let key = try r.string()
                    d[key] = try value()
                }
                return d
            }
            func value<T: RawRepresentable>(_ type: T.Type) throws -> T where T.RawValue == String {
                guard let v = T(rawValue: try r.string()) else { throw SnapshotReader.Damaged(offset: r.offset) }
                return v
            }
            let count = try r.count(minimumSize: 16)
            var symbols: [Symbol] = []
            symbols.reserveCapacity(count)
            for _ in 0..<count {
                let id = try r.string()
                let category = try value(Category.self), context = try value(ContextLevel.self)
                let priority = try r.int()
                let themes = try strings()
                let forms = Forms(simplified: try strings(), traditional: try strings(), pinyin: try strings(), aliases: try strings())
                let gloss = try dictionary { try r.string() }
                let renderings = try dictionary {
                    Renderings(preferred: try strings(), admitted: try strings(), deprecated: try strings(),
                               notBefore: try strings(), notAfter: try strings(), notWithin: try strings(),
                               alignedOnly: try strings(), paraphrases: try strings(), article: try optional())
                }
                let analogies = try dictionary { try dictionary { try r.string() } }
                let related = try strings()
                let sources = Sources(wikidata: try optional(), refs: try strings())
                let status = try value(ReviewStatus.self)
                let sensitivity = try dictionary { Sensitivity(severity: try value(Sensitivity.Severity.self), note: try r.string()) }
                let disambiguation = try r.bool() ? Disambiguation(notBefore: try strings(), notAfter: try strings(), notWithin: try strings()) : nil
                let examples = try dictionary { SenseExamples(symbol: try strings(), ordinary: try strings()) }
                let sharedBy = try strings()
                let notes = try optional()
                symbols.append(Symbol(id: id, category: category, context: context, priority: priority, themes: themes, forms: forms,
                                      gloss: gloss, renderings: renderings, analogies: analogies, related: related, sources: sources,
                                      status: status, sensitivity: sensitivity, disambiguation: disambiguation, examples: examples,
                                      sharedBy: sharedBy, notes: notes))
            }
            guard r.offset == raw.count - trailerLength else { throw SnapshotReader.Damaged(offset: r.offset) }
            return symbols
        }
    }
}
