/// A one-to-one Traditional → Simplified character fold, for matching Chinese text in either script
/// without changing its length or offsets.
///
/// Built once per process from ICU's `Hant-Hans` transliterator, character by character, over the CJK
/// Unified Ideographs (with Extension A) and the compatibility ideographs. Only characters whose
/// Simplified form is one character of the same UTF-16 length are kept, so folding never moves an offset.
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

    private static func build() -> [UInt32: UInt32] {
        guard let transliterator = try? ICUTransliterator(id: "Hant-Hans") else { return [:] }
        let ranges: [ClosedRange<UInt32>] = [0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF]
        var codes: [UInt32] = []
        for range in ranges { codes.append(contentsOf: range) }
        var input = String.UnicodeScalarView()
        for code in codes {
            input.append(Unicode.Scalar(code)!)
            input.append("\n")
        }
        let output = transliterator.transliterate(String(input)).split(separator: "\n", omittingEmptySubsequences: false)
        guard output.count >= codes.count else { return [:] }
        var map: [UInt32: UInt32] = [:]
        for (code, converted) in zip(codes, output) {
            let scalars = converted.unicodeScalars
            guard scalars.count == 1, let simplified = scalars.first?.value, simplified != code,
                  (simplified > 0xFFFF) == (code > 0xFFFF) else { continue }
            map[code] = simplified
        }
        return map
    }
}
