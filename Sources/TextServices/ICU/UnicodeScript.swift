import CICU

/// The Unicode Script property (UAX #24) of characters, from ICU, as ISO 15924 codes.
public enum UnicodeScript {
    /// ISO 15924 code of the scalar's script: `Hani`, `Hira`, `Kana`, `Thai`, `Hang`, `Latn`, `Arab`, …;
    /// `Zyyy` for Common (punctuation, digits) and `Zinh` for Inherited (combining marks).
    public static func code(of scalar: Unicode.Scalar) -> String {
        var buffer = [CChar](repeating: 0, count: 16)
        guard cicu_script_code(scalar.value, &buffer, Int32(buffer.count)) == 0 else { return "Zzzz" }
        return String(cString: buffer)
    }

    /// The locale whose dictionary segments `text`, judged by its first telling character: kana → `ja`,
    /// Thai → `th`, Han → `zh` (`ja` when the text also has kana), Hangul → `ko`; nil for other scripts.
    public static func segmentationLocale(of text: String) -> String? {
        var sawHan = false
        for scalar in text.unicodeScalars where scalar.value >= 0x0E00 {
            switch code(of: scalar) {
            case "Hira", "Kana": return "ja"
            case "Thai": return "th"
            case "Hang": return "ko"
            case "Hani": sawHan = true
            default: continue
            }
        }
        return sawHan ? "zh" : nil
    }
}
