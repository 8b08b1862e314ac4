import Foundation
import TextServices

/// A built matcher as bytes: its automata's flat arrays, entries, context rules and the sense models its groups
/// use, so another process can load it instead of building it (see ``MatcherSnapshots``).
///
/// Layout: magic, format version, the store's content hash and the options key, the body, then a trailer with
/// the total length. Every length is checked when read and the loaded tables are validated (indices in range),
/// so a damaged file is rejected, never trusted.
extension SymbolMatcher {
    /// Bumped whenever the layout or what a matcher holds changes.
    static let snapshotFormatVersion: UInt32 = 2
    private static let snapshotMagic: [UInt8] = Array("LCMATCH1".utf8)
    private static let snapshotTrailer: [UInt8] = Array("LCMATEND".utf8)

    /// The matcher's bytes, for the store whose sources hash to `contentHash`.
    func snapshot(contentHash: String) -> [UInt8] {
        var w = SnapshotWriter()
        for byte in Self.snapshotMagic { w.u8(byte) }
        w.u32(Self.snapshotFormatVersion)
        w.string(contentHash)
        w.string(options.snapshotKey)

        w.count(skippedForms.count)
        for skipped in skippedForms {
            w.string(skipped.symbolID); w.string(skipped.form); w.string(skipped.reason)
        }
        w.count(symbols.count)
        for context in symbols {
            w.string(context.id)
            w.scalarsList(context.notBefore); w.scalarsList(context.notAfter)
            w.scalarsList(context.latinNotBefore); w.scalarsList(context.latinNotAfter)
            w.bool(context.hasLatinContext)
        }
        Self.write(han, entries: hanEntries, groups: hanGroups, to: &w)
        Self.write(latin, entries: latinEntries, groups: latinGroups, to: &w)
        let models = senseModels.models
        w.count(models.count)
        for model in models {
            var one = SnapshotWriter()
            SenseModelList.write(model, to: &one)
            w.array(one.bytes)
        }
        for byte in Self.snapshotTrailer { w.u8(byte) }
        let lengthOffset = w.bytes.count
        w.u64(0)
        w.patch(UInt64(w.bytes.count), at: lengthOffset)
        return w.bytes
    }

    private static func write(_ automaton: PatternAutomaton?, entries: [[Entry]], groups: [[SymbolGroup]], to w: inout SnapshotWriter) {
        w.bool(automaton != nil)
        if let a = automaton {
            w.alignedArray(a.bmpClass)
            let astral = a.astralClass.sorted { $0.key < $1.key }
            w.array(astral.map(\.key)); w.array(astral.map(\.value))
            w.alignedArray(a.rootNext); w.alignedArray(a.childStart); w.alignedArray(a.childClass); w.alignedArray(a.childTarget)
            w.alignedArray(a.fail); w.alignedArray(a.outputStart); w.alignedArray(a.outputs); w.alignedArray(a.patternLength)
            w.int(a.maximumLength)
        }
        w.count(entries.count)
        for list in entries {
            w.count(list.count)
            for entry in list {
                w.i32(entry.symbol)
                w.string(entry.form)
                w.u8(UInt8(SymbolMatch.FormKind.allCases.firstIndex(of: entry.kind)!))
                w.u8(entry.status.map { UInt8(RenderingStatus.allCases.firstIndex(of: $0)!) } ?? 255)
                w.bool(entry.alignedOnly)
                w.bool(entry.formIsNFC)
                w.count(entry.notWithin.count)
                for (offset, scalars) in entry.notWithin {
                    w.int(offset)
                    w.array(scalars)
                }
            }
        }
        w.count(groups.count)
        for list in groups {
            w.count(list.count)
            for group in list { w.i32(group.sense) }
        }
    }

    /// Loads a matcher from `data` (a snapshot file's bytes, possibly memory-mapped), checking that it was made
    /// for `contentHash` and `options`.
    init(snapshot data: Data, contentHash: String, options: Options) throws {
        var loaded = try data.withUnsafeBytes { raw -> Loaded in
            var r = SnapshotReader(raw)
            let trailerLength = Self.snapshotTrailer.count + 8
            guard raw.count >= Self.snapshotMagic.count + trailerLength,
                  raw.prefix(Self.snapshotMagic.count).elementsEqual(Self.snapshotMagic) else { throw SnapshotReader.Damaged(offset: 0) }
            var tail = SnapshotReader(raw, offset: raw.count - trailerLength)
            for byte in Self.snapshotTrailer where try tail.u8() != byte { throw SnapshotReader.Damaged(offset: tail.offset - 1) }
            guard try tail.u64() == UInt64(raw.count) else { throw SnapshotReader.Damaged(offset: raw.count - 8) }
            try r.skip(Self.snapshotMagic.count)
            guard try r.u32() == Self.snapshotFormatVersion, try r.string() == contentHash, try r.string() == options.snapshotKey else {
                throw SnapshotReader.Damaged(offset: r.offset)
            }
            var loaded = Loaded()
            let skippedCount = try r.count(minimumSize: 12)
            for _ in 0..<skippedCount {
                loaded.skipped.append(SkippedForm(symbolID: try r.string(), form: try r.string(), reason: try r.string()))
            }
            let symbolCount = try r.count(minimumSize: 21)
            loaded.symbols.reserveCapacity(symbolCount)
            for _ in 0..<symbolCount {
                var context = SymbolContext(id: try r.string(), notBefore: try r.scalarsList(), notAfter: try r.scalarsList())
                context.latinNotBefore = try r.scalarsList()
                context.latinNotAfter = try r.scalarsList()
                context.hasLatinContext = try r.bool()
                loaded.symbols.append(context)
            }
            (loaded.han, loaded.hanGroups, loaded.hanSenses) = try Self.readPart(&r, data: data)
            (loaded.latin, loaded.latinGroups, loaded.latinSenses) = try Self.readPart(&r, data: data)
            let modelCount = try r.count(minimumSize: 4)
            for _ in 0..<modelCount {
                let length = try r.count()
                let start = r.offset
                try r.skip(length)
                loaded.modelRanges.append(start..<(start + length))
            }
            guard r.offset == raw.count - trailerLength else { throw SnapshotReader.Damaged(offset: r.offset) }
            return loaded
        }
        try Self.validate(loaded.han, &loaded.hanGroups, loaded.hanSenses, symbols: loaded.symbols.count,
                          models: loaded.modelRanges.count)
        try Self.validate(loaded.latin, &loaded.latinGroups, loaded.latinSenses, symbols: loaded.symbols.count,
                          models: loaded.modelRanges.count)
        self.init(options: options, skippedForms: loaded.skipped, symbols: loaded.symbols,
                  han: loaded.han, hanGroups: loaded.hanGroups,
                  latin: loaded.latin, latinGroups: loaded.latinGroups,
                  senseModels: SenseModelList(data: data, ranges: loaded.modelRanges))
    }

    private struct Loaded {
        var skipped: [SkippedForm] = []
        var symbols: [SymbolContext] = []
        var han: PatternAutomaton?
        /// Each pattern's entries, grouped by symbol as they are read (senses filled in by `validate`).
        var hanGroups: [[SymbolGroup]] = []
        var hanSenses: [[Int32]] = []
        var latin: PatternAutomaton?
        var latinGroups: [[SymbolGroup]] = []
        var latinSenses: [[Int32]] = []
        var modelRanges: [Range<Int>] = []
    }

    /// One script's automaton (its tables used in place in `data`, the bytes `r` reads), groups and senses.
    private static func readPart(_ r: inout SnapshotReader, data: Data) throws -> (PatternAutomaton?, [[SymbolGroup]], [[Int32]]) {
        var automaton: PatternAutomaton?
        if try r.bool() {
            let bmp: FlatArray<UInt16> = try r.alignedArray(in: data)
            let astralKeys: [UInt32] = try r.array(), astralValues: [UInt16] = try r.array()
            guard astralKeys.count == astralValues.count else { throw SnapshotReader.Damaged(offset: r.offset) }
            var astral: [UInt32: UInt16] = [:]
            for (key, value) in zip(astralKeys, astralValues) { astral[key] = value }
            automaton = PatternAutomaton(bmpClass: bmp, astralClass: astral, rootNext: try r.alignedArray(in: data),
                                         childStart: try r.alignedArray(in: data), childClass: try r.alignedArray(in: data),
                                         childTarget: try r.alignedArray(in: data), fail: try r.alignedArray(in: data),
                                         outputStart: try r.alignedArray(in: data), outputs: try r.alignedArray(in: data),
                                         patternLength: try r.alignedArray(in: data),
                                         maximumLength: try r.int())
        }
        let kinds = SymbolMatch.FormKind.allCases, statuses = RenderingStatus.allCases
        let patternCount = try r.count(minimumSize: 4)
        var entries: [[SymbolGroup]] = []
        entries.reserveCapacity(patternCount)
        for _ in 0..<patternCount {
            let n = try r.count(minimumSize: 16)
            // Grouped as ``SymbolMatcher/groups(_:)`` does, without a list of entries first.
            var list: [SymbolGroup] = []
            for _ in 0..<n {
                let symbol = try r.i32(), form = try r.string()
                let kind = Int(try r.u8()), status = Int(try r.u8())
                guard kind < kinds.count, status < statuses.count || status == 255 else { throw SnapshotReader.Damaged(offset: r.offset) }
                let alignedOnly = try r.bool(), isNFC = try r.bool()
                let withinCount = try r.count(minimumSize: 12)
                var within: [(offset: Int, scalars: [UInt32])] = []
                for _ in 0..<withinCount { within.append((try r.int(), try r.array())) }
                var entry = Entry(symbol: symbol, form: form, kind: kinds[kind], status: status == 255 ? nil : statuses[status],
                                  notWithin: within, formIsNFC: isNFC)
                entry.alignedOnly = alignedOnly
                if let last = list.indices.last, list[last].symbol == symbol {
                    list[last].entries.append(entry)
                } else if let index = list.firstIndex(where: { $0.symbol == symbol }) {
                    list[index].entries.append(entry)
                } else {
                    list.append(SymbolGroup(symbol: symbol, entries: [entry]))
                }
            }
            entries.append(list)
        }
        let groupPatterns = try r.count(minimumSize: 4)
        var senses: [[Int32]] = []
        senses.reserveCapacity(groupPatterns)
        for _ in 0..<groupPatterns {
            let n = try r.count(minimumSize: 4)
            var list: [Int32] = []
            for _ in 0..<n { list.append(try r.i32()) }
            senses.append(list)
        }
        return (automaton, entries, senses)
    }

    /// Checks that every index the matching loops follow is in range, and gives each group its sense model.
    private static func validate(_ automaton: PatternAutomaton?, _ groups: inout [[SymbolGroup]], _ senses: [[Int32]],
                                 symbols: Int, models: Int) throws {
        func check(_ condition: Bool) throws { if !condition { throw SnapshotReader.Damaged(offset: -1) } }
        if let a = automaton {
            try a.validate(patternCount: groups.count)
        } else {
            try check(groups.isEmpty)
        }
        try check(senses.count == groups.count)
        for p in groups.indices {
            try check(!groups[p].isEmpty)
            let length = Int(automaton?.patternLength[p] ?? 0)
            for group in groups[p] {
                try check(group.symbol >= 0 && Int(group.symbol) < symbols)
                for entry in group.entries {
                    for (offset, longer) in entry.notWithin { try check(offset >= 0 && offset + length <= longer.count) }
                }
            }
            try check(groups[p].count == senses[p].count)
            for g in groups[p].indices {
                let sense = senses[p][g]
                try check(sense >= -1 && Int(sense) < models)
                groups[p][g].sense = sense
            }
        }
    }
}

extension SymbolMatcher.Options {
    /// Every option, spelled out in a fixed order: the key of this matcher configuration's snapshot.
    var snapshotKey: String {
        let kinds = SymbolMatch.FormKind.allCases.filter(formKinds.contains).map(\.rawValue).joined(separator: ",")
        let statuses = RenderingStatus.allCases.filter(renderingStatuses.contains).map(\.rawValue).joined(separator: ",")
        let aligned: String
        switch alignedOnlyTerms {
        case .excluded: aligned = "excluded"
        case .marked: aligned = "marked"
        }
        return "kinds=\(kinds);language=\(renderingLanguage ?? "-");statuses=\(statuses);wordBreak=\(wordBreakLocale);"
            + "alignedOnly=\(aligned);threshold=\(senseThreshold.bitPattern);maxForm=\(SymbolMatcher.maximumFormLength)"
    }
}

extension PatternAutomaton {
    /// Throws unless every table index the scanning loops follow is in range (for loaded snapshots).
    func validate(patternCount: Int) throws {
        try childStart.withUnsafeBufferPointer { childStart in
            try childTarget.withUnsafeBufferPointer { childTarget in
                try fail.withUnsafeBufferPointer { fail in
                    try outputStart.withUnsafeBufferPointer { outputStart in
                        try validate(patternCount: patternCount, childStart: childStart, childTarget: childTarget, fail: fail,
                                     outputStart: outputStart)
                    }
                }
            }
        }
    }

    /// The checks of ``validate(patternCount:)`` over the tables' buffers (the loops index them directly).
    private func validate(patternCount: Int, childStart: UnsafeBufferPointer<Int32>, childTarget: UnsafeBufferPointer<Int32>,
                          fail: UnsafeBufferPointer<Int32>, outputStart: UnsafeBufferPointer<Int32>) throws {
        func check(_ condition: Bool) throws { if !condition { throw SnapshotReader.Damaged(offset: -1) } }
        let states = fail.count
        let classes = rootNext.count
        try check(bmpClass.count == 0x10000 && states >= 1 && classes >= 1)
        try check(bmpClass.allSatisfy { Int($0) < classes } && astralClass.values.allSatisfy { Int($0) < classes })
        try check(rootNext.allSatisfy { $0 >= 0 && Int($0) < states })
        try check(childStart.count == states + 1 && childStart.first == 0 && Int(childStart.last!) == childClass.count
                  && childClass.count == childTarget.count)
        for s in 0..<states { try check(childStart[s] <= childStart[s + 1]) }
        try check(childTarget.allSatisfy { $0 > 0 && Int($0) < states } && fail.allSatisfy { $0 >= 0 && Int($0) < states })
        try check(childClass.allSatisfy { Int($0) < classes })
        // A trie: every state but the root is the child of exactly one earlier state, and failure links lead to
        // shallower states (so the fall-back loops end).
        var depth = [Int32](repeating: -1, count: states)
        depth[0] = 0
        for s in 0..<states {
            try check(depth[s] >= 0)
            for i in Int(childStart[s])..<Int(childStart[s + 1]) {
                let child = Int(childTarget[i])
                try check(child > s && depth[child] < 0)
                depth[child] = depth[s] + 1
            }
        }
        for s in 1..<max(1, states) { try check(depth[Int(fail[s])] < depth[s]) }
        try check(outputStart.count == states + 1 && outputStart.first == 0 && Int(outputStart.last!) == outputs.count)
        for s in 0..<states { try check(outputStart[s] <= outputStart[s + 1]) }
        try check(outputs.allSatisfy { $0 >= 0 && Int($0) < patternCount } && patternLength.count == patternCount)
        // The scanners keep the start offsets of the last 64 code points: no pattern may be longer.
        try check(maximumLength <= 64 && patternLength.allSatisfy { $0 >= 1 && Int($0) <= maximumLength })
    }
}
