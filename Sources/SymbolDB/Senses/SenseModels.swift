import Foundation
import TextServices

/// The trained sense models of a glossary, by symbol and Han-folded form.
public struct SenseModels: Hashable, Sendable {
    /// Every model, in training order.
    public let all: [SenseModel]
    private let index: [Key: Int]

    struct Key: Hashable {
        var symbolID: String
        var pattern: [UInt32]
    }

    public init(_ models: [SenseModel]) {
        all = models
        var index: [Key: Int] = [:]
        for (position, model) in models.enumerated() {
            let key = Key(symbolID: model.symbolID, pattern: Self.pattern(model.form))
            if index[key] == nil { index[key] = position }
        }
        self.index = index
    }

    public static let empty = SenseModels([])

    /// The model for `symbolID`'s form `form` (any script variant of it), if one was trained.
    public func model(symbolID: String, form: String) -> SenseModel? {
        index[Key(symbolID: symbolID, pattern: Self.pattern(form))].map { all[$0] }
    }

    /// A form as the matcher sees it: NFC, Han-folded code points.
    static func pattern(_ form: String) -> [UInt32] {
        UnicodeNormalization.normalize(form.trimmingSpaces).unicodeScalars.map { HanScriptFold.fold($0.value) }
    }

    public static func == (a: SenseModels, b: SenseModels) -> Bool { a.all == b.all }
    public func hash(into hasher: inout Hasher) { hasher.combine(all) }
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
