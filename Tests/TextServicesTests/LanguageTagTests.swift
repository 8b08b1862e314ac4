import Testing
@testable import TextServices

@Test func canonicalizesCaseAndDeprecatedCodes() {
    #expect(LanguageTag.canonicalize("zh-hant-tw") == "zh-Hant-TW")
    #expect(LanguageTag.canonicalize("iw") == "he")
    #expect(LanguageTag.canonicalize("es-419") == "es-419")
}

@Test func recognizesChineseVariantsForWhatTheyAre() {
    #expect(LanguageTag.script(of: "zh-CN") == "Hans")
    #expect(LanguageTag.script(of: "zh-Hans") == "Hans")
    #expect(LanguageTag.script(of: "zh-TW") == "Hant")
    #expect(LanguageTag.script(of: "zh-Hant-HK") == "Hant")
    #expect(LanguageTag.script(of: "zh-HK") == "Hant")
    #expect(LanguageTag.script(of: "yue") == "Hant")
    #expect(LanguageTag.script(of: "ko") == "Kore")
    #expect(LanguageTag.script(of: "th") == "Thai")
    #expect(LanguageTag.language(of: "zh-Hant-TW") == "zh")
}
