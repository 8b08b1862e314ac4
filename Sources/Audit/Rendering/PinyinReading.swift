import TextServices

/// Finds a Chinese term left in pinyin in a target line by reading the source characters (ICU `Han-Latin`,
/// tones and spacing folded), so "Yushanfang", "Yu Shan Fang" and "yù-shàn-fáng" are found for 御膳房 even
/// where the glossary lists no pinyin form of that spelling.
struct PinyinReading: Sendable {
    /// nil when ICU lacks the transliterator (the rule is then silent).
    private static let reader = try? ICUTransliterator(id: "Han-Latin; Latin-ASCII; Lower")

    /// Readings already made (glossary forms recur in every episode; ICU transliteration is slow), bounded.
    private static let cache = Locked<[String: String]>([:])

    /// The toneless pinyin of `chinese` as one run of letters ("yushanfang"); empty without Han characters.
    static func squeezed(_ chinese: String) -> String {
        guard chinese.unicodeScalars.contains(where: { GlossaryRules.isHan($0.value) }), let reader = reader else { return "" }
        if let known = cache.withLock({ $0[chinese] }) { return known }
        let reading = letters(reader.transliterate(chinese))
        cache.withLock { if $0.count >= 65_536 { $0.removeAll(keepingCapacity: true) }; $0[chinese] = reading }
        return reading
    }

    /// Lower-case ASCII letters of `text`, everything else dropped.
    static func letters(_ text: String) -> String {
        String(LatinFold.fold(text).lowercased().unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }

    /// The words of `target` (as written) that spell the pinyin of `chinese`, nil when none do. Only terms of two
    /// characters or more with a reading of four letters or more count (a single syllable is too often an English word).
    static func leftover(of chinese: String, in target: String) -> String? {
        guard chinese.count >= 2 else { return nil }
        let pinyin = squeezed(chinese)
        guard pinyin.count >= 4 else { return nil }
        let words = RenderingText.split(target)
        let folded = words.map(letters)
        for start in folded.indices {
            var run = ""
            for end in start..<folded.count {
                run += folded[end]
                if run == pinyin { return words[start...end].joined(separator: " ") }
                if run.count >= pinyin.count || !pinyin.hasPrefix(run) { break }
            }
        }
        return nil
    }
}
