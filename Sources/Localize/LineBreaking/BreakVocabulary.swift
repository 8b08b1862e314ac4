import Regions
import Subtitles
/// Small per-language word lists that steer where a subtitle line may break (Netflix line treatment:
/// break after punctuation and before conjunctions and prepositions; never between an article or a short
/// preposition and its noun, a pronoun and its verb, a number and its unit). `BreakScoring` says what each
/// list costs.
struct BreakVocabulary: Sendable {
    /// Conjunctions and relative words: a line should preferably start with one.
    var conjunctions: Set<String> = []
    /// Prepositions: a good place to start a line.
    var prepositions: Set<String> = []
    /// Words a line must not end with (articles, determiners, possessives, short prepositions, titles).
    var noBreakAfter: Set<String> = []
    /// Pronouns that are always subjects: a line never ends with one.
    var subjectPronouns: Set<String> = []
    /// Pronouns that are subjects when they start a clause ("You think…", "it is…").
    var clausePronouns: Set<String> = []
    /// Words a line should not end with (common adjectives, auxiliaries, degree adverbs).
    var softNoBreakAfter: Set<String> = []
    /// Number words (a number binds to its unit or noun).
    var numberWords: Set<String> = []
    /// Characters that make up a numeral written as a word (Chinese, Thai).
    var numeralCharacters: Set<Character> = []
    /// Morphemes numerals are built from, for languages whose ICU words join them (Thai "แปดร้อย").
    var numberMorphemes: [String] = []
    /// Dictionary words that must not start a line (particles, classifiers, bound suffixes).
    var noLineStart: Set<String> = []
    /// Dictionary words that should not start a line.
    var noLineStartSoft: Set<String> = []
    /// Dictionary words that must not end a line (bound prefixes, degree adverbs, measure phrases).
    var noLineEnd: Set<String> = []
    /// Arabic: keep an indefinite noun with the definite noun after it (idāfa).
    var arabicIdafa = false
    /// Arabic demonstratives: bound to a definite noun after them, pronouns before anything else.
    var arabicDemonstratives: Set<String> = []
    /// Arabic particles that are not nouns of an idāfa.
    var arabicParticles: Set<String> = []
    /// Thai: a dictionary "word" that is one bare consonant is a fragment ICU cut out of a word it does not
    /// know, nearly always a transliterated name ("ฉางเอ๋|อ", "จ้าว|ห|มิง"): never break next to one.
    var thaiFragments = false
    /// Chinese clause rules without punctuation (see `ChineseClauses`); nil for other languages.
    var chineseClauses: ChineseClauses? = nil

    static let empty = BreakVocabulary()

    /// Words a line should preferably start with.
    var breakBefore: Set<String> { conjunctions.union(prepositions) }

    /// The lists for a language subtag; empty for languages without lists.
    static func forLanguage(_ language: String) -> BreakVocabulary {
        switch String(language.lowercased().prefix(2)) {
        case "en": return english
        case "es": return spanish
        case "pt": return portuguese
        case "fr": return french
        case "de": return german
        case "id": return indonesian
        case "vi": return vietnamese
        case "ar": return arabic
        case "th": return thai
        case "zh": return chinese
        case "ja": return japanese
        default: return .empty
        }
    }

    /// The words of a list written with spaces and line breaks between them.
    private static func words(_ s: String) -> Set<String> { Set(s.split(whereSeparator: \.isWhitespace).map(String.init)) }

    static let english = BreakVocabulary(
        conjunctions: words("and but or nor so because although though while when where which who whom whose that if unless until since whether"),
        prepositions: words("to for with from about into through without between after before against during under over like than at on in of by"),
        noBreakAfter: words("a an the this these those my your his her its our their of mr mrs ms dr miss madam madame master uncle aunt auntie young old no every each some any another to at on in by for with from into"),
        subjectPronouns: words("i he she we they"),
        clausePronouns: words("you it"),
        softNoBreakAfter: words("have has had is was are were be been will would can could shall should must may might do does did don't doesn't didn't won't can't not great good bad big small little old new whole poor real true own only very so such too more most live-in rich young dear"),
        numberWords: words("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred thousand million billion half dozen"))
    static let spanish = BreakVocabulary(
        conjunctions: words("y e o u pero sino porque aunque mientras cuando donde que si"),
        prepositions: words("para por con sin sobre entre hasta desde"),
        noBreakAfter: words("el la los las un una unos unas lo al del de a en mi tu su mis tus sus este esta ese esa no se me te le nos"),
        subjectPronouns: words("yo"))
    static let portuguese = BreakVocabulary(
        conjunctions: words("e ou mas porque porém embora enquanto quando onde que se"),
        prepositions: words("para por com sem sobre entre até desde"),
        noBreakAfter: words("o a os as um uma uns umas do da dos das no na nos nas ao de em meu minha seu sua não se me te lhe"),
        subjectPronouns: words("eu"))
    static let french = BreakVocabulary(
        conjunctions: words("et ou mais car donc parce quand lorsque où que qui si"),
        prepositions: words("pour par avec sans sur entre jusqu depuis"),
        noBreakAfter: words("le la les l' un une des du au aux de d' à en mon ma mes ton ta tes son sa ses ce cette ces ne n' se"),
        subjectPronouns: words("je tu il elle on nous vous ils elles j'"))
    static let german = BreakVocabulary(
        conjunctions: words("und oder aber sondern denn weil obwohl während wenn als wo dass ob"),
        prepositions: words("für mit ohne über zwischen bis seit nach"),
        noBreakAfter: words("der die das den dem des ein eine einen einem einer eines mein meine dein deine sein seine ihr ihre zu zum zur im am vom beim nicht"),
        subjectPronouns: words("ich du er wir"))
    static let indonesian = BreakVocabulary(
        conjunctions: words("dan atau tetapi tapi karena walaupun meskipun ketika saat jika kalau yang"),
        prepositions: words("untuk dengan tanpa dari ke di kepada sampai sejak"),
        noBreakAfter: words("si sang para sebuah seorang ini itu"))
    static let vietnamese = BreakVocabulary(
        conjunctions: words("và hoặc nhưng vì nên khi nếu mà"),
        prepositions: words("để với từ đến cho"),
        noBreakAfter: words("các những một cái con người ông bà anh chị em"))
    static let arabic = BreakVocabulary(
        conjunctions: words("و أو لكن لكنّ ثم بل لأن لأنّ حتى عندما إذا إن أن الذي التي الذين كي لكي"),
        prepositions: words("في من إلى على عن مع بعد قبل منذ بين عند"),
        noBreakAfter: words("في من إلى على عن مع يا هذا هذه ذلك تلك أي كل بعض ابن بنت أبو أم السيد السيدة"),
        subjectPronouns: words("أنا أنت أنتِ نحن هو هي هم أنتم"),
        numberWords: words("واحد اثنان ثلاثة أربعة خمسة ستة سبعة ثمانية تسعة عشرة عشرون ثلاثون مئة مائة ثمانمئة ثمانمائة ألف مليون"),
        arabicIdafa: true,
        arabicDemonstratives: words("هذا هذه ذلك تلك هؤلاء أولئك"),
        arabicParticles: words("لا لم لن قد ما بل لو كم به بها له لها لي لك فيه منه عنه هنا ثم أم ماذا لماذا كيف هل إنه إنها إنّ أنّ كان كانت ليس ليست يا هذا هذه ذلك تلك هنا هناك الآن أيضا أيضاً جدا جداً فقط"))
    /// Thai: ICU joins numerals ("แปดร้อย") and splits classifiers and bound prefixes off their words.
    static let thai = BreakVocabulary(
        numberMorphemes: ["หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า", "สิบ", "ยี่", "เอ็ด", "ร้อย", "พัน", "หมื่น", "แสน", "ล้าน"],
        noLineStart: words("ดวง นาย ตัว อัน ชิ้น เล่ม หลัง ลูก ใบ คัน องค์ รูป ท่าน บาท ปี เดือน วัน ครั้ง ๆ ไป มา อยู่ ได้ แล้ว ด้วย นะ ครับ ค่ะ คะ จ้ะ ล่ะ สิ เถอะ หรอก"),
        noLineStartSoft: words("กิน ให้ กัน"),
        noLineEnd: words("ความ การ นัก ผู้ ชาว ช่าง ใน ของ ที่ จะ ไม่ เป็น"
                         // Titles bind to the name after them ("คุณ|หลินเฟิง", "ท่าน|อ๋อง").
                         + " คุณ ท่าน นาง นางสาว อาจารย์ สหาย องค์ชาย คุณชาย คุณหนู แม่นาง ศิษย์พี่ ศิษย์น้อง เจ้าชาย เจ้าหญิง ฮองเฮา ฮ่องเต้ อ๋อง"),
        thaiFragments: true)
    /// Thai spellings of Chinese name syllables (surnames and common given-name syllables as Thai subtitles of
    /// Chinese dramas write them). A run of two or more in a row is a name ("หลินเฟิง", "ฉางเอ๋อ", "จ้าวหมิง"),
    /// which ICU's Thai dictionary, not knowing it, cuts anywhere. Syllables that are everyday Thai words
    /// (หัว head, หู ear, ทาน eat, จง must, หลง lost, ชิง snatch …) are left out, so ordinary text is not read
    /// as a name.
    static let thaiNameSyllables: [String] = Array(words("""
        หลิน เฟิง จ้าว หมิง ฉาง เอ๋อ โหว อี้ หยัน เปียน เสี่ยว เหมย หลี่ ซู หวัง จาง หลิว เฉิน หยาง หวง โจว อู๋ สวี สวี่ ซุน
        หม่า จู กัว เหอ เกา หลัว เจิ้ง เหลียง เซี่ย ซ่ง ถัง ฮั่น ต่ง เซียว เฉิง เฉา หยวน เติ้ง ฟู่ เสิ่น เจิง เผิง หลู่ เจียง
        ไช่ เจี่ย ติง เว่ย เซวีย เย่ เหยียน อวี๋ อวี่ ตู้ ไต้ เทียน เหริน ฟ่าน สือ เหยา เลี่ยว สง ลู่ เฮ่า ข่ง ไป๋ ชุย เหมา ชิว
        ฉิน กู้ เซ่า เมิ่ง ต้วน เฉียน อิ๋น ซิน เยว่ ฮวา หรง หยุน เหวิน จื่อ หยู ฮุ่ย จวิ้น เจี๋ย ห่าว เจ๋อ เฉียง กวง หนิง
        หลาน ฉี ลั่ว เหลียน ซือ เซิง ฮ่าว หยิง เยี่ยน ซวง เหม่ย เจวี๋ย ซาง หยวิน เหลย ฉู่ ไห่ เซียน ลี่ฮวา
        """)).sorted { $0.count > $1.count }

    /// Thai spellings of common Western given names and surnames. ICU's Thai dictionary knows few of them
    /// and cuts them ("ไมเคิล" → "ไม|เคิล"); each one is a name on its own, and a given name and a surname
    /// with one space between them ("จอห์น สมิธ") are one name. Only spellings that are not everyday Thai
    /// words or parts of them are listed.
    static let thaiWesternNames: [String] = Array(words("""
        จอห์น ไมเคิล เดวิด ปีเตอร์ แฮร์รี่ เจมส์ โรเบิร์ต วิลเลียม ริชาร์ด ชาร์ลส์ จอร์จ โธมัส แดเนียล แมทธิว แอนดรูว์
        คริสโตเฟอร์ สตีเฟน แอนโทนี โจเซฟ เอ็ดเวิร์ด เฮนรี่ แฟรงค์ ซามูเอล เบนจามิน อเล็กซ์ อเล็กซานเดอร์ ไมค์ สตีฟ
        เควิน ไบรอัน เจสัน เอริค แมรี่ เอลิซาเบธ ซาร่าห์ เจนนิเฟอร์ เจสสิก้า เอมิลี่ เอ็มม่า โอลิเวีย โซเฟีย แคทเธอรีน
        วิกตอเรีย เรเชล เฮเลน แอนนา ลอร่า อลิซ สมิธ จอห์นสัน วิลเลียมส์ บราวน์ โจนส์ มิลเลอร์ เดวิส วิลสัน
        แอนเดอร์สัน เทย์เลอร์ ทอมป์สัน แจ็กสัน แฮร์ริส มาร์ติน คลาร์ก ลูอิส วอล์คเกอร์ พอตเตอร์ โฮล์มส์ วัตสัน
        """)).sorted { $0.count > $1.count }

    static let thaiWesternNamesUTF16: [[UInt16]] = thaiWesternNames.map { Array($0.utf16) }.sorted { $0.count > $1.count }

    static let thaiNameSyllablesUTF16: [[UInt16]] = thaiNameSyllables.map { Array($0.utf16) }.sorted { $0.count > $1.count }

    /// Thai vowel signs above/below and tone marks (combining, part of the preceding consonant's cluster).
    static func isThaiMark(_ u: UInt16) -> Bool {
        u == 0x0E31 || (0x0E34...0x0E3A).contains(u) || (0x0E47...0x0E4E).contains(u)
    }

    static let chinese = BreakVocabulary(
        numeralCharacters: Set("0123456789０１２３４５６７８９一二三四五六七八九十百千萬万億亿兩两零幾几半"),
        noLineStart: words("的 了 嗎 吗 呢 吧 啊 呀 著 着 過 过 們 们 地 得 麼 么 嘛 啦 喔 哦 似的 一樣 一样 起來 起来 下去 出來 出来"),
        noLineStartSoft: words("個 个 位 條 条 隻 只 張 张 本 件 種 种 年 天 次"),
        noLineEnd: words("多 很 太 最 更 真 挺 好 非常 這麼 这么 那麼 那么 這個 这个 那個 那个 一個 一个 這 这 那 把 被 給 给 跟 和 與 与 從 从 向 為 为 讓 让 叫 如此 多麼 多么 不 沒 没 別 别 也 都 就 才 又 還 还 在 对 對 于 於 将 將 比 第 帮 幫 替"),
        chineseClauses: .standard)
    static let japanese = BreakVocabulary(
        numeralCharacters: Set("0123456789０１２３４５６７８９一二三四五六七八九十百千万億"),
        noLineStart: words("は が を に で と も の へ や か ね よ な わ ぞ さ から まで より だ です ます た て"),
        noLineEnd: words("この その あの どの とても"))
}

/// Characters that steer breaks in every language.
enum BreakPunctuation {
    /// Ends a sentence: the best place to end a line.
    static let sentenceEnd: Set<Character> = [".", "!", "?", "…", "。", "！", "？", "؟", "｡", "」", "』"]
    /// Ends a clause: a good place to end a line.
    static let clauseEnd: Set<Character> = [",", ";", ":", "，", "、", "；", "：", "،", "؛", "—", "–", "）", ")", "》", "〉"]
    /// May not start a line (kinsoku: closing punctuation and marks that belong to the previous word).
    static let noLineStart: Set<Character> = [
        ",", ".", ";", ":", "!", "?", ")", "]", "}", "»", "%", "…", "‥",
        "，", "。", "！", "？", "、", "；", "：", "）", "」", "』", "》", "〉", "】", "〕", "］", "｝", "·", "・",
        "ー", "ぁ", "ぃ", "ぅ", "ぇ", "ぉ", "っ", "ゃ", "ゅ", "ょ", "ァ", "ィ", "ゥ", "ェ", "ォ", "ッ", "ャ", "ュ", "ョ",
        "～", "〜", "؟", "،", "؛",
    ]
    /// May not end a line (opening brackets and quotes).
    static let noLineEnd: Set<Character> = ["(", "[", "{", "«", "（", "「", "『", "《", "〈", "【", "〔", "［", "｛", "¿", "¡"]
    /// No-break spaces: a French space before `;:!?»` or after `«` is one of these and never becomes a break.
    static let noBreakSpaces: Set<Character> = ["\u{00A0}", "\u{202F}", "\u{2007}"]
}

/// A set of characters with a bitmap for the single-byte (ASCII) ones, so the common case needs no
/// `Character` hashing. Membership is exactly `set.contains`.
struct CharacterTable: Sendable {
    let set: Set<Character>
    private let low: UInt64
    private let high: UInt64

    init(_ set: Set<Character>) {
        self.set = set
        var low: UInt64 = 0, high: UInt64 = 0
        for b in 0..<128 where set.contains(Character(Unicode.Scalar(UInt8(b)))) {
            if b < 64 { low |= 1 << UInt64(b) } else { high |= 1 << UInt64(b - 64) }
        }
        self.low = low
        self.high = high
    }

    /// The set's bits for ASCII byte `b` (< 128).
    @inline(__always)
    func containsASCII(_ b: UInt8) -> Bool {
        b < 64 ? low & (1 << UInt64(b)) != 0 : high & (1 << UInt64(b - 64)) != 0
    }

    @inline(__always)
    func contains(_ c: Character) -> Bool {
        let utf8 = c.utf8
        if utf8.count == 1 { return containsASCII(utf8.first!) }
        return set.contains(c)
    }

    static let whitespace: CharacterTable = {
        // Every whitespace character is listed for ASCII only; others go through `isWhitespace`.
        CharacterTable(Set((0..<128).map { Character(Unicode.Scalar(UInt8($0))) }.filter(\.isWhitespace)))
    }()
}

extension BreakPunctuation {
    static let sentenceEndTable = CharacterTable(sentenceEnd)
    static let clauseEndTable = CharacterTable(clauseEnd)
    static let noLineStartTable = CharacterTable(noLineStart)
    static let noLineEndTable = CharacterTable(noLineEnd)

    /// `ch.isWhitespace && !noBreakSpaces.contains(ch)`, without hashing for ASCII characters.
    @inline(__always)
    static func isBreakableSpace(_ ch: Character) -> Bool {
        let utf8 = ch.utf8
        if utf8.count == 1 { return CharacterTable.whitespace.containsASCII(utf8.first!) }
        return ch.isWhitespace && !noBreakSpaces.contains(ch)
    }
}

/// What a Chinese subtitler reads as a clause boundary where the text has no comma (`BreakScoring.chineseClause`
/// costs it): after a sentence-final particle, before a conjunction, a subject pronoun or a clause-opening
/// adverb, around a vocative address term; and what binds (a numeral and its classifier, a transliterated name).
struct ChineseClauses: Sendable {
    /// Sentence-final and modal particles: the clause ends after them.
    var finalParticles: Set<Character>
    /// Words ending in 了 that are prepositions, not the particle (为了 / 除了 + what follows).
    var notParticleLe: [String]
    /// Conjunctions and linking adverbs that open a clause ("但是", "所以", "如果").
    var conjunctions: [String]
    /// Personal pronouns: before one a new clause usually starts (its subject).
    var pronouns: [String]
    /// Question words: a question that ends in one ("这女人是谁") ends its clause, unless 都/也 make it
    /// indefinite ("什么都没看到").
    var questionWords: [String]
    /// Verbs whose object is a person: the pronoun after one is its object, not the next clause's subject
    /// ("告诉 / 你" is no break).
    var personVerbs: [String]
    /// Adverbs, negations and demonstratives that open a predicate or a clause ("就", "也", "不", "这").
    var adverbs: [String]
    /// Time and place postpositions ("…倒下时", "…之前"): they close an adverbial clause and never start a line.
    var postpositions: Set<String>
    /// Discourse connectives that make a clause of their own at the start of a cue ("也就是说", "正因如此").
    var connectives: Set<String>
    /// Terms of address: as the cue's last phrase (a vocative) they get a line of their own.
    var addressTerms: Set<String>
    /// Chinese numerals (digits and number characters) and classifiers: a numeral + classifier is one unit,
    /// and with the noun after it one noun phrase.
    var numerals: Set<Character>
    var classifiers: Set<Character>
    /// Characters of transliterated foreign names ("雷吉纳德", "特鲁希略"): ICU's dictionary does not know
    /// the name and cuts it into single characters; a run of three or more is kept whole.
    var transliteration: Set<Character>

    private static func list(_ s: String) -> [String] {
        s.split(whereSeparator: \.isWhitespace).map(String.init).sorted { $0.count > $1.count }
    }

    static let standard = ChineseClauses(
        finalParticles: Set("吗嗎吧呢啊嘛呀啦哦喔呗唄哇咯哟喲呐吶"),
        notParticleLe: ["为了", "為了", "除了"],
        conjunctions: list("""
            但是 但 可是 所以 如果 要是 假如 因为 因為 不过 不過 而且 然后 然後 接着 接著 否则 否則 只是 于是 於是 因此
            虽然 雖然 即使 既然 除非 只要 直到 那就 那么 那麼 不然 要不 难道 難道 其实 其實 反正 甚至 或者 还是 還是
            而是 而且 并且 並且 况且 況且 免得 以免 不如 就算 哪怕 无论 無論 不管 趁
            """),
        pronouns: list("我们 我們 你们 你們 他们 他們 她们 她們 它们 它們 咱们 咱們 大家 您 我 你 他 她 它 咱"),
        questionWords: list("谁 誰 什么 什麼 哪里 哪裡 哪儿 哪兒 怎么样 怎麼樣 为什么 為什麼 多少"),
        personVerbs: list("告诉 告訴 问 問 找 叫 让 讓 请 請 帮 幫 给 給 教 通知 谢谢 謝謝 感谢 感謝 逼 求 陪 骗 騙 杀 殺 打 救 放过 放過"),
        adverbs: list("""
            就 也 还 還 都 又 才 再 却 卻 不 没 沒 别 別 只 并 並 已经 已經 一直 可能 也许 也許 马上 馬上 一定 请 請
            十分 非常 特别 特別 好像 似乎 仍然 依然 总是 總是 从来 從來 毫无 毫無 永远 永遠 目前 现在 現在 立刻 刚才 剛才
            同样 同樣 正在 千万 千萬 绝对 絕對 根本 完全 全部 每当 每當 每次 把
            这个 這個 那个 那個 这些 這些 那些 这是 這是 那是 这次 這次 这位 這位 那位 这种 這種 那种 那種 这样 這樣
            那样 那樣 这就 這就 那你 那我 那他 那她 那时 那時 这条 這條 这帮 這幫 那群 那家
            """),
        postpositions: Set(list("时 時 时候 時候 的时候 的時候 中 之中 后 後 之后 之後 以后 以後 前 之前 以前 期间 期間")),
        connectives: Set(list("""
            也就是说 也就是說 正因如此 事到如今 总之 總之 换句话说 換句話說 说实话 說實話 老实说 老實說 其实 其實 对了 對了
            好吧 好了 没错 沒錯 当然 當然 首先 然而 不过 不過 可是 所以 因此 于是 於是 结果 結果 看来 看來 听着 聽著 听好 聽好
            """)),
        addressTerms: Set(list("""
            爸 妈 爸爸 妈妈 媽 媽媽 哥 姐 哥哥 姐姐 弟弟 妹妹 老师 老師 先生 小姐 女士 夫人 大人 师父 師父 师傅 師傅
            师兄 師兄 师姐 師姐 陛下 殿下 公子 少爷 少爺 老板 老闆 老大 大哥 大姐 兄弟 伙计 夥計 宝贝 寶貝 亲爱的 親愛的
            爷爷 爺爺 奶奶 长官 長官 警官 老婆 老公 儿子 兒子 女儿 女兒 朋友 各位 伙计们 夥計們 孩子 小子 王爷 王爺
            """)),
        numerals: Set("0123456789０１２３４５６７８９一二三四五六七八九十百千萬万億亿兩两零幾几半"),
        classifiers: Set("个個位条條只隻张張本件种種场場座辆輛名部家间間群份支句块塊封台架艘颗顆头頭匹杯瓶碗双雙对對套批层層片段首门門所道项項声聲番趟遍顿頓"),
        transliteration: Set("""
            阿艾安奥奧巴贝貝比波布查达達戴德迪蒂杜恩尔爾法菲弗福盖蓋格哈赫亨胡霍基吉杰傑卡凯凱坎康科克库庫拉莱萊兰蘭劳勞雷蕾\
            利莉琳卢盧鲁魯伦倫罗羅洛玛瑪迈邁麦麥曼梅米姆纳納娜尼妮诺諾帕佩皮普奇乔喬琼瓊萨薩塞森莎斯索塔泰汤湯特提托瓦威维維\
            温溫沃西希辛休亚亞扬揚伊依尤约約詹兹茲泽澤祖佐略里馬欧歐顿頓逊遜昂莫纽紐夫佛
            """))

    /// The first of `words` that `text` starts with.
    static func prefix(of text: Substring, in words: [String]) -> String? { words.first { text.hasPrefix($0) } }
}
