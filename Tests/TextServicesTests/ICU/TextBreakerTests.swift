import Testing
@testable import TextServices

private func words(_ text: String, locale: String) throws -> [String] {
    let breaker = try TextBreaker(kind: .word, locale: locale)
    let utf16 = Array(text.utf16)
    return breaker.words(in: text).map { String(decoding: utf16[$0.range], as: UTF16.self) }
}

@Test func chineseWordsComeFromTheDictionary() throws {
    let words = try words("嫦娥奔月的故事，你听过吗？今天我们一家人团圆吃月饼。", locale: "zh")
    #expect(words.contains("故事"))
    #expect(words.contains("团圆"))
    #expect(words.contains("月饼"))
    #expect(!words.contains("，"))
    #expect(words.joined() == "嫦娥奔月的故事你听过吗今天我们一家人团圆吃月饼")
}

@Test func thaiWordsComeFromTheDictionary() throws {
    let words = try words("วันนี้เป็นวันไหว้พระจันทร์", locale: "th")
    #expect(words.count >= 4)
    #expect(words.contains("พระจันทร์"))
    #expect(words.joined() == "วันนี้เป็นวันไหว้พระจันทร์")
}

@Test func japaneseWordsSplitKanjiAndKana() throws {
    let words = try words("今日は中秋の名月です。", locale: "ja")
    #expect(words.first == "今日")
    #expect(words.contains("です"))
    #expect(!words.contains("。"))
}

@Test func englishWordsKeepApostrophesAndSkipPunctuation() throws {
    let breaker = try TextBreaker(kind: .word, locale: "en")
    let text = "Chang’e flew to the moon. Exchange it!"
    let segments = breaker.segments(in: text)
    let utf16 = Array(text.utf16)
    let words = segments.filter(\.isWord).map { String(decoding: utf16[$0.range], as: UTF16.self) }
    #expect(words == ["Chang’e", "flew", "to", "the", "moon", "Exchange", "it"])
    #expect(segments.first?.wordKind == .letter)
    #expect(segments.contains { $0.wordKind == .none })
}

@Test func boundariesAreUTF16OffsetsFromZeroToEnd() throws {
    let breaker = try TextBreaker(kind: .word, locale: "en")
    let text = "😀 moon"
    let boundaries = breaker.boundaries(in: text)
    #expect(boundaries.first == 0)
    #expect(boundaries.last == text.utf16.count)
    #expect(boundaries.contains(3))   // after the surrogate pair and the space
    #expect(breaker.boundaries(in: "") == [0])
}

@Test func characterBoundariesFollowGraphemeClusters() throws {
    let breaker = try TextBreaker(kind: .character, locale: "")
    let text = "👨‍👩‍👧e\u{301}中"
    #expect(breaker.boundaries(in: text).count - 1 == text.count)
}

@Test func sentenceAndLineBreakersOpen() throws {
    let sentences = try TextBreaker(kind: .sentence, locale: "zh").segments(in: "你好。今天是七夕！他说：“走吧。”")
    #expect(sentences.count == 3)
    let line = try TextBreaker(kind: .line, locale: "en").boundaries(in: "Mid-Autumn Festival")
    #expect(line.contains(4))    // after the hyphen
}

@Test func breakersAreSharedAndThreadSafe() async throws {
    let breaker = try TextBreaker(kind: .word, locale: "zh")
    let expected = breaker.boundaries(in: "我们一家人团圆吃月饼")
    try await withThrowingTaskGroup(of: [Int].self) { group in
        for _ in 0..<32 {
            group.addTask {
                let local = try TextBreaker(kind: .word, locale: "zh")
                return local.boundaries(in: "我们一家人团圆吃月饼")
            }
        }
        for try await result in group { #expect(result == expected) }
    }
}
