import Foundation
import TextServices

/// The trained sense models of a glossary, by symbol and Han-folded form.
///
/// A store's models are read lazily: the (symbol, form) index on first lookup, each model's weights on first use,
/// so a process that never meets an ambiguous form never decodes them.
public struct SenseModels: Hashable, Sendable {
    private let storage: Storage
    /// Identifies the store the models were read from (nil for models built in memory): a matcher snapshot of that
    /// store may stand in for building a matcher with them.
    let origin: String?

    struct Key: Hashable {
        var symbolID: String
        var pattern: [UInt32]
    }

    /// Every model, in training order (decodes every model not decoded yet).
    public var all: [SenseModel] { storage.all }

    /// The number of models (without decoding them).
    public var count: Int { storage.count }

    public init(_ models: [SenseModel]) {
        storage = Storage(models: models)
        origin = nil
    }

    /// Models decoded on demand: `rows` gives each model's symbol, form and encoded model, in training order.
    init(origin: String, rows: @escaping @Sendable () -> [(symbolID: String, form: String, model: String)]) {
        storage = Storage(rows: rows)
        self.origin = origin
    }

    public static let empty = SenseModels([])

    /// The model for `symbolID`'s form `form` (any script variant of it), if one was trained.
    public func model(symbolID: String, form: String) -> SenseModel? {
        storage.model(Key(symbolID: symbolID, pattern: Self.pattern(form)))
    }

    /// A form as the matcher sees it: NFC, Han-folded code points.
    static func pattern(_ form: String) -> [UInt32] {
        UnicodeNormalization.normalize(form.trimmingSpaces).unicodeScalars.map { HanScriptFold.fold($0.value) }
    }

    public static func == (a: SenseModels, b: SenseModels) -> Bool { a.storage === b.storage || a.all == b.all }
    public func hash(into hasher: inout Hasher) { hasher.combine(all) }
}

extension SenseModels {
    /// The models behind a ``SenseModels`` value: given, or read and decoded on first use.
    final class Storage: Sendable {
        private struct State {
            var index: [Key: Int] = [:]
            var encoded: [String] = []
            var decoded: [SenseModel?] = []
        }

        private let rows: (@Sendable () -> [(symbolID: String, form: String, model: String)])?
        private let state = Locked<State?>(nil)

        init(models: [SenseModel]) {
            rows = nil
            var state = State()
            for (position, model) in models.enumerated() {
                let key = Key(symbolID: model.symbolID, pattern: SenseModels.pattern(model.form))
                if state.index[key] == nil { state.index[key] = position }
            }
            state.decoded = models
            self.state.set(state)
        }

        init(rows: @escaping @Sendable () -> [(symbolID: String, form: String, model: String)]) {
            self.rows = rows
        }

        private func withState<R>(_ body: (inout State) -> R) -> R {
            state.withLock { slot in
                if slot == nil {
                    var loaded = State()
                    for (position, row) in (rows?() ?? []).enumerated() {
                        let key = Key(symbolID: row.symbolID, pattern: SenseModels.pattern(row.form))
                        if loaded.index[key] == nil { loaded.index[key] = position }
                        loaded.encoded.append(row.model)
                    }
                    loaded.decoded = Array(repeating: nil, count: loaded.encoded.count)
                    slot = loaded
                }
                return body(&slot!)
            }
        }

        var count: Int { withState { $0.decoded.count } }

        /// Model `position`, decoded if needed; nil when its stored text does not decode (a damaged cache).
        private static func model(at position: Int, in state: inout State) -> SenseModel? {
            if let model = state.decoded[position] { return model }
            guard position < state.encoded.count, let model = try? SenseModels.decode(state.encoded[position]) else { return nil }
            state.decoded[position] = model
            return model
        }

        func model(_ key: Key) -> SenseModel? {
            withState { state in state.index[key].flatMap { Self.model(at: $0, in: &state) } }
        }

        var all: [SenseModel] {
            withState { state in (0..<state.decoded.count).compactMap { Self.model(at: $0, in: &state) } }
        }
    }
}

extension SenseModels {
    /// JSON of one model, keys sorted and numbers at full precision, for the store.
    static func encode(_ model: SenseModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    static func decode(_ text: String) throws -> SenseModel {
        try JSONDecoder().decode(SenseModel.self, from: Data(text.utf8))
    }
}
