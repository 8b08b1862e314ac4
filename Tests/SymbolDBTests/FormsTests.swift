@testable import SymbolDB
import Testing

@Test func chineseFormsAreDeduplicatedInOrder() {
    let forms = Forms(simplified: ["中秋节", "中秋"], traditional: ["中秋節", "中秋"], aliases: ["八月节"])
    #expect(forms.chinese == ["中秋节", "中秋", "中秋節", "八月节"])
}
