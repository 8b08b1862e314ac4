import Testing
@testable import TextServices

@Test(arguments: [
    ("Zhōngqiū Jié", "zhongqiu jie"),
    ("Chang’e", "chang'e"),
    ("CHANG'E", "chang'e"),
    ("Changʼe", "chang'e"),
    ("Mid‑Autumn  Festival", "mid autumn festival"),
    ("Nǚwā", "nuwa"),
    ("Lǘ", "lu"),
    ("Straße", "strasse"),
    ("Tết Trung Thu", "tet trung thu"),
])
func latinFoldIgnoresCaseDiacriticsAndApostropheVariants(input: String, expected: String) {
    #expect(LatinFold.fold(input) == expected)
}

@Test func latinFoldLeavesOtherScriptsAlone() {
    #expect(LatinFold.fold("วันไหว้พระจันทร์") == "วันไหว้พระจันทร์")
    #expect(LatinFold.fold("がぎ") == "がぎ")
    #expect(LatinFold.fold("추석에") == "추석에")
    #expect(LatinFold.fold("嫦娥") == "嫦娥")
}

@Test func latinFoldHandlesDecomposedInput() {
    #expect(LatinFold.fold("Zho\u{304}ngqiu\u{304}") == "zhongqiu")
}

@Test func hanFoldMapsTraditionalToSimplifiedOneToOne() {
    #expect(HanScriptFold.fold("中秋節龍王紅包團圓贅婿臥薪嘗膽俠義") == "中秋节龙王红包团圆赘婿卧薪尝胆侠义")
    #expect(HanScriptFold.fold("嫦娥孝") == "嫦娥孝")
    #expect(HanScriptFold.traditionalToSimplified.count > 2000)
    for (from, to) in HanScriptFold.traditionalToSimplified {
        #expect((from > 0xFFFF) == (to > 0xFFFF))
    }
}

@Test func nfcComposesAndKeepsNormalizedText() {
    #expect(UnicodeNormalization.normalize("Zho\u{304}ngqiu") == "Zhōngqiu")
    #expect(UnicodeNormalization.isNormalized("中秋节"))
    #expect(!UnicodeNormalization.isNormalized("e\u{301}"))
    #expect(UnicodeNormalization.normalize("Zhōngqiu", to: .nfd).unicodeScalars.count == 9)
}

@Test func transliteratorRunsICUTransforms() throws {
    let t = try ICUTransliterator(id: "Any-Latin; Latin-ASCII; Lower")
    #expect(t.transliterate("Zhōngqiū") == "zhongqiu")
    #expect(throws: TextServicesError.self) { try ICUTransliterator(id: "No-Such-Thing") }
}

/// The precomputed table (with its fast path for code points that are only case-folded) gives exactly the
/// per-code-point rules for the whole Basic Multilingual Plane.
@Test func latinFoldTableMatchesRulesForEveryBMPCodePoint() {
    var mismatches: [String] = []
    for code in UInt32(0)..<0x10000 {
        var folded: [UInt32] = []
        LatinFold.fold(code) { folded.append($0) }
        let expected = LatinFold.foldUncached(code)
        if folded != expected { mismatches.append(String(format: "U+%04X: %@ vs %@", code, "\(folded)", "\(expected)")) }
    }
    #expect(mismatches.isEmpty, "\(mismatches.prefix(20))")
}
