import TextServices

/// A line of text in one target language, normalised the way a linguist compares renderings: case and
/// diacritics folded, Arabic harakat, tatweel and alef variants unified, words stemmed (plural, possessive,
/// simple verb endings) and articles set apart; scripts written without word spaces (Thai, Lao, Khmer,
/// Burmese, Chinese, Japanese) are compared as one run of letters.
struct RenderingText: Hashable, Sendable {
    /// Stemmed words in order, articles left out.
    let words: [String]
    /// The normalised letters without any spaces (for scripts without word spaces).
    let unspaced: String
    let language: RenderingLanguage

    init(_ text: String, language: RenderingLanguage) {
        self.language = language
        let folded = language.normalise(text)
        var words: [String] = []
        for raw in Self.split(folded) {
            guard let word = language.stem(raw) else { continue }
            words.append(word)
        }
        self.words = words
        self.unspaced = String(folded.unicodeScalars.filter { !Self.isSeparator($0) }.map(Character.init))
    }

    /// Words of `text`: runs of letters, digits and marks; an apostrophe between letters stays in the word.
    static func split(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if scalar == "'" {
                let before = i > 0 && isWordScalar(scalars[i - 1])
                let after = i + 1 < scalars.count && isWordScalar(scalars[i + 1])
                if before && after { current.append(scalar); continue }
                if before && !after { current.append(scalar) }   // "sons'" keeps its possessive mark for the stemmer
            } else if isWordScalar(scalar) {
                current.append(scalar)
                continue
            }
            if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { result.append(String(current)) }
        return result
    }

    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        s.properties.isAlphabetic || s.properties.numericType != nil
            || s.properties.generalCategory == .nonspacingMark || s.properties.generalCategory == .spacingMark
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool { !isWordScalar(s) }
}

/// Per-language rules for comparing renderings: articles, function words, generic heads and a light stemmer.
struct RenderingLanguage: Hashable, Sendable {
    /// The primary language subtag (`en`, `es`, `ar`, `th` …).
    let code: String

    init(_ tag: String) { code = LanguageTag.primarySubtag(tag).lowercased() }

    /// Whether the language is written without spaces between words.
    var isUnspaced: Bool { ["th", "lo", "km", "my", "zh", "ja"].contains(code) }

    /// Case, diacritic and punctuation-variant fold, plus Arabic normalisation.
    func normalise(_ text: String) -> String {
        let nfc = UnicodeNormalization.normalize(text)
        if code == "ar" || code == "fa" || code == "ur" {
            var scalars = String.UnicodeScalarView()
            for s in nfc.unicodeScalars {
                switch s.value {
                case 0x064B...0x065F, 0x0670, 0x0640, 0x06D6...0x06ED: continue   // harakat, dagger alef, tatweel, Quranic marks
                case 0x0622, 0x0623, 0x0625, 0x0671: scalars.append("\u{0627}")    // alef variants
                case 0x0649: scalars.append("\u{064A}")                            // alef maqsura → ya
                case 0x0629: scalars.append("\u{0647}")                            // ta marbuta → ha
                default: scalars.append(s)
                }
            }
            return LatinFold.fold(String(scalars))
        }
        return LatinFold.fold(nfc)
    }

    /// The word's stem, nil for an article (articles never decide a match).
    func stem(_ word: String) -> String? {
        var w = word
        switch code {
        case "en":
            for clitic in ["'s", "'d", "'ll", "'m", "'re", "'ve"] where w.hasSuffix(clitic) && w.count > clitic.count {
                w.removeLast(clitic.count)
                break
            }
            if w.hasSuffix("'") { w.removeLast() }
            if let base = Self.englishIrregular[w] { w = base }
            if Self.englishArticles.contains(w) { return nil }
            return Self.stemEnglish(w)
        case "fr":
            for elided in ["l'", "d'", "qu'", "j'", "m'", "t'", "s'", "n'", "c'"] where w.hasPrefix(elided) && w.count > elided.count + 1 {
                let rest = String(w.dropFirst(elided.count))
                if elided == "l'" || elided == "d'" { return stem(rest) }
                w = rest
            }
            if Self.articles["fr", default: []].contains(w) { return nil }
            return Self.stripOne(w, ["x", "s"], minimum: 3)
        case "es", "pt", "it":
            if Self.articles[code, default: []].contains(w) { return nil }
            return Self.stripOne(w, ["es", "s"], minimum: 3)
        case "de", "nl":
            if Self.articles[code, default: []].contains(w) { return nil }
            return Self.stripOne(w, ["en", "er", "es", "e", "n", "s"], minimum: 4)
        case "ar":
            return Self.stemArabic(w)
        default:
            return w
        }
    }

    /// Words that carry no content of their own: articles (already gone), prepositions, auxiliaries, possessives.
    func isFunctionWord(_ stem: String) -> Bool { Self.functionWords[code, default: []].contains(stem) }

    /// Whether a (stemmed) word negates what follows it: "never", "not", "don't", "jamais", "nicht".
    func isNegator(_ stem: String) -> Bool {
        switch code {
        case "en": return ["not", "never", "no", "nor", "neither", "cannot"].contains(stem) || stem.hasSuffix("n't")
        case "es": return ["no", "nunca", "jama", "jamas", "tampoco"].contains(stem)
        case "pt": return ["nao", "nunca", "jamai", "jamais"].contains(stem)
        case "fr": return ["ne", "pa", "pas", "jamai", "jamais", "n'"].contains(stem)
        case "de": return ["nicht", "nie", "niemal", "niemals", "kein", "keine"].contains(stem)
        default: return false
        }
    }

    /// Generic heads a linguist may leave out ("Mid-Autumn" for "Mid-Autumn Festival").
    func isGenericHead(_ stem: String) -> Bool { Self.genericHeads[code, default: []].contains(stem) }

    /// Whether a word carries a negation (un-, in-, dis-, non-, not …), for antonym-bearing source forms.
    func isNegated(_ word: String) -> Bool {
        let w = normalise(word)
        let words = RenderingText.split(w)
        func has(_ negators: [String], _ prefixes: [String]) -> Bool {
            words.contains { word in negators.contains(word) || (word.count > 5 && prefixes.contains { word.hasPrefix($0) }) }
        }
        switch code {
        case "en": return has(["not", "no", "never", "without"], ["un", "dis", "non", "in", "im", "ir"])
        case "es", "pt": return has(["no", "sin", "nao"], ["des", "in", "im"])
        case "fr": return has(["ne", "pas", "sans", "non"], ["in", "im", "de"])
        case "de": return has(["nicht", "kein", "keine", "ohne"], ["un"])
        default: return false
        }
    }

    static let englishArticles: Set<String> = ["the", "a", "an"]

    /// Irregular plurals and past forms, to their base word.
    static let englishIrregular: [String: String] = [
        "women": "woman", "men": "man", "children": "child", "people": "person", "wives": "wife", "lives": "life",
        "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose", "thieves": "thief", "wolves": "wolf",
        "slept": "sleep", "kept": "keep", "wept": "weep", "swept": "sweep", "left": "leave", "felt": "feel",
        "ate": "eat", "eaten": "eat", "drank": "drink", "drunk": "drink", "bit": "bite", "bitten": "bite",
        "broke": "break", "broken": "break", "fell": "fall", "fallen": "fall", "forgot": "forget", "forgotten": "forget",
        "gave": "give", "given": "give", "took": "take", "taken": "take", "saw": "see", "seen": "see", "knew": "know",
        "known": "know", "went": "go", "gone": "go", "came": "come", "became": "become", "won": "win", "lost": "lose",
        "fought": "fight", "bought": "buy", "brought": "bring", "thought": "think", "caught": "catch", "taught": "teach",
        "sold": "sell", "told": "tell", "held": "hold", "stood": "stand", "met": "meet", "paid": "pay", "said": "say",
        "made": "make", "found": "find", "ran": "run", "rode": "ride", "wore": "wear", "swore": "swear", "sworn": "swear",
        "stole": "steal", "stolen": "steal", "hid": "hide", "hidden": "hide", "flew": "fly", "flown": "fly",
        "died": "die", "dying": "die", "lying": "lie", "lay": "lie", "leapt": "leap", "sprang": "spring",
        "sprung": "spring", "flung": "fling", "struck": "strike", "slew": "slay", "slain": "slay", "sought": "seek",
        "swam": "swim", "swum": "swim", "rose": "rise", "risen": "rise", "hung": "hang", "led": "lead", "fled": "flee",
        "had": "have", "has": "have", "having": "have", "did": "do", "does": "do", "done": "do",
    ]

    static let articles: [String: Set<String>] = [
        "fr": ["le", "la", "les", "un", "une", "des", "du", "de"],
        "es": ["el", "la", "los", "las", "un", "una", "unos", "unas", "lo"],
        "pt": ["o", "a", "os", "as", "um", "uma", "uns", "umas"],
        "it": ["il", "lo", "la", "i", "gli", "le", "un", "una", "uno"],
        "de": ["der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"],
        "nl": ["de", "het", "een"],
    ]

    static let functionWords: [String: Set<String>] = [
        "en": ["of", "to", "on", "in", "at", "for", "with", "and", "or", "be", "is", "are", "was", "were", "been",
               "being", "one", "one'", "oneself", "my", "your", "his", "her", "its", "our", "their", "me", "him",
               "them", "us", "someone", "someon", "somebody", "by", "from", "as"],
        "es": ["de", "del", "al", "a", "en", "con", "y", "o", "por", "para", "su", "sus", "mi", "mis", "tu", "tus", "se"],
        "pt": ["de", "do", "da", "dos", "das", "em", "no", "na", "nos", "nas", "com", "e", "ou", "por", "para", "seu",
               "sua", "meu", "minha", "se"],
        "fr": ["de", "du", "des", "a", "au", "aux", "en", "dan", "avec", "et", "ou", "par", "pour", "son", "sa", "se",
               "mon", "ma", "me", "ton", "ta", "leur"],
        "de": ["von", "vom", "zu", "zum", "zur", "in", "im", "mit", "und", "oder", "fur", "sein", "ihr", "mein", "dein", "sich"],
    ]

    static let genericHeads: [String: Set<String>] = [
        "en": ["festival", "day", "holiday", "feast"],
        "es": ["fiesta", "festival", "dia"],
        "pt": ["festa", "festival", "dia"],
        "fr": ["fete", "festival", "jour"],
        "de": ["fest", "festival", "tag"],
    ]

    /// Strips the first suffix in `suffixes` that leaves at least `minimum` characters.
    static func stripOne(_ w: String, _ suffixes: [String], minimum: Int) -> String {
        for suffix in suffixes where w.hasSuffix(suffix) && w.count - suffix.count >= minimum {
            return String(w.dropLast(suffix.count))
        }
        return w
    }

    /// A light English stemmer: British spellings, plural, -ed, -ing and a final e.
    static func stemEnglish(_ word: String) -> String {
        var w = word
        guard w.count > 3, w.allSatisfy({ $0.isLetter || $0 == "'" }) else { return w }
        // British and American spellings meet: -ise/-ize, -our/-or.
        for (british, american) in [("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"), ("our", "or"), ("ours", "ors")]
        where w.hasSuffix(british) && w.count > british.count + 2 {
            w = String(w.dropLast(british.count)) + american
            break
        }
        if w.hasSuffix("ism") && w.count > 6 { w.removeLast(3) }   // heroism → hero
        if w.hasSuffix("ourable") { w = String(w.dropLast(7)) + "orable" }
        if w.hasSuffix("ies") && w.count > 4 { w = String(w.dropLast(3)) + "y" }
        else if w.hasSuffix("ied") && w.count > 4 { w = String(w.dropLast(3)) + "y" }
        else if w.hasSuffix("sses") || w.hasSuffix("ches") || w.hasSuffix("shes") || w.hasSuffix("xes") { w.removeLast(2) }
        else if w.hasSuffix("ing") && w.count > 5 { w.removeLast(3); w = undouble(w) }
        else if w.hasSuffix("ed") && w.count > 4 { w.removeLast(2); w = undouble(w) }
        else if w.hasSuffix("s") && !w.hasSuffix("ss") && !w.hasSuffix("us") && !w.hasSuffix("is") && w.count > 3 { w.removeLast() }
        if w.hasSuffix("e") && w.count > 3 { w.removeLast() }
        return w
    }

    /// `stopp` → `stop` after -ing/-ed was removed.
    static func undouble(_ w: String) -> String {
        guard let last = w.last, w.count > 3, w.dropLast().last == last, !"sz".contains(last),
              last != "l" || w.count >= 7 else { return w }
        return String(w.dropLast())
    }

    /// Arabic: an attached conjunction (و ف) and the article with its prepositions (ال بال كال لل) are set
    /// apart; a bare preposition is kept (it cannot be told from a root letter).
    static func stemArabic(_ word: String) -> String? {
        var w = word
        let alef: Character = "\u{0627}", lam: Character = "\u{0644}"
        if w == "\u{0627}\u{0644}" { return nil }
        if w.count > 3, let first = w.first, first == "\u{0648}" || first == "\u{0641}" { w.removeFirst() }
        let chars = Array(w)
        if chars.count > 4, ["\u{0628}", "\u{0643}"].contains(chars[0]), chars[1] == alef, chars[2] == lam {
            w = String(chars[3...])                                   // بال كال
        } else if chars.count > 3, chars[0] == lam, chars[1] == lam {
            w = String(chars[2...])                                   // لل
        } else if chars.count > 3, chars[0] == alef, chars[1] == lam {
            w = String(chars[2...])                                   // ال
        }
        return w
    }
}
