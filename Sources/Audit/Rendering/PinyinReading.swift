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

    /// Whether a name written next to `matched` in `source` (the one or two Han characters before it: 萧 of 萧盟主,
    /// 华 of 华淑妃, 叶凡 of 叶凡哥) is in `target` as capitalised pinyin ("Xiao", "Consort Hua", "Ye Fan").
    static func nameBeside(_ matched: String, in source: String, isIn target: String) -> Bool {
        guard let range = source.range(of: matched) else { return false }
        let before = Array(source[..<range.lowerBound].suffix(2))
        let words = RenderingText.split(target).filter { $0.first?.isUppercase == true }.map(letters)
        for count in [2, 1] where before.count >= count {
            let name = String(before.suffix(count))
            guard name.unicodeScalars.allSatisfy({ GlossaryRules.isHan($0.value) }) else { continue }
            let reading = squeezed(name)
            guard reading.count >= 2 else { continue }
            for start in words.indices {
                var run = ""
                for end in start..<min(words.count, start + count) {
                    run += words[end]
                    if run == reading { return true }
                }
            }
        }
        return false
    }

    /// Whether `word` is the pinyin of one to three consecutive Han characters of `lines` ("Qi" of 七 in 七夕 for
    /// "Qi Xi"): the line transliterates what the source says.
    static func spells(_ word: String, in lines: [String]) -> Bool {
        let reading = letters(word)
        guard reading.count >= 2 else { return false }
        for line in lines {
            let chars = Array(line)
            for start in chars.indices {
                var run = ""
                for end in start..<min(chars.count, start + 3) {
                    guard chars[end].unicodeScalars.allSatisfy({ GlossaryRules.isHan($0.value) }) else { break }
                    run.append(chars[end])
                    let r = squeezed(run)
                    if r == reading { return true }
                    if !reading.hasPrefix(r) { break }
                }
            }
        }
        return false
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
