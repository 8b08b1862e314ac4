import Foundation

/// The JSON export: `{"formatVersion": 1, "symbols": [ … ]}` with the ``Symbol`` model's fields.
public enum SymbolJSON {
    public static let formatVersion = 1

    struct Document: Codable {
        var formatVersion: Int
        var symbols: [Symbol]
    }

    /// Pretty-printed, keys sorted, so exports diff cleanly.
    public static func write(_ symbols: [Symbol]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(Document(formatVersion: formatVersion, symbols: symbols))
        data.append(0x0A)
        return data
    }

    public static func read(_ data: Data) throws -> [Symbol] {
        try JSONDecoder().decode(Document.self, from: data).symbols
    }
}
