/// A one-to-one Traditional → Simplified character fold, for matching Chinese text in either script
/// without changing its length or offsets.
///
/// The table is generated from OpenCC's t2s conversion of every CJK ideograph on its own
/// (`scripts/generate_han_fold.py`, committed as `HanScriptFoldTable.swift`), so building it costs
/// microseconds instead of a transliterator run. Only characters whose Simplified form is one character
/// of the same UTF-16 length are kept, so folding never moves an offset.
/// Phrase-level conversion (OpenCC) is a different service: this fold is for matching only.
public enum HanScriptFold {
    /// Traditional (or variant) code point → Simplified code point, for every character that changes.
    public static let traditionalToSimplified: [UInt32: UInt32] = build()

    /// `scalar` folded to Simplified, or `scalar` itself.
    public static func fold(_ scalar: UInt32) -> UInt32 {
        traditionalToSimplified[scalar] ?? scalar
    }

    /// `text` folded to Simplified character by character.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(Unicode.Scalar(fold(scalar.value)) ?? scalar)
        }
        return String(scalars)
    }

    /// Parses the generated pair table (each Traditional character followed by its Simplified fold).
    private static func build() -> [UInt32: UInt32] {
        var map: [UInt32: UInt32] = [:]
        map.reserveCapacity(3000)
        var pending: UInt32?
        for scalar in table.unicodeScalars {
            if let traditional = pending {
                map[traditional] = scalar.value
                pending = nil
            } else {
                pending = scalar.value
            }
        }
        return map
    }
}
