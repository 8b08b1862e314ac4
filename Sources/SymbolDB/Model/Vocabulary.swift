/// The closed tag sets shared by glossaries and region profiles (see glossaries/README.md).
public enum Vocabulary {
    /// Cultural frames analogies are keyed by.
    public static let frames: Set<String> = [
        "greco-roman", "judeo-christian", "anglo-american", "hispanic", "brazilian", "francophone", "germanic",
        "theravada-thai", "vietnamese", "malay-indonesian", "japanese", "korean", "arabic-islamic", "sinosphere",
    ]
    /// Languages glosses, renderings and analogies may be written in.
    public static let languages: Set<String> = [
        "en", "es", "pt", "fr", "de", "th", "vi", "id", "ja", "ko", "ar", "zh-Hans", "zh-Hant",
    ]
    /// Emphasis themes symbols carry and regions prefer.
    public static let themes: Set<String> = [
        "family", "filial-piety", "reunion", "romance", "chivalry", "loyalty", "honour", "face", "fate", "philosophy",
        "aesthetics", "religion", "cuisine", "heritage", "power", "wealth", "revenge", "social-class", "nature",
        "history", "humour",
    ]
}
