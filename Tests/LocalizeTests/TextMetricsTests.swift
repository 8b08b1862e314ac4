@testable import Regions
import Subtitles
import Testing

@Test func cjkCountingHalvesHalfWidthCharacters() {
    let m = TextMetrics(counting: .cjk)
    #expect(m.length("中秋节") == 3)
    #expect(m.length("中秋 OK") == 3.5)
    #expect(TextMetrics(counting: .full).length("中秋 OK") == 5)
    #expect(TextMetrics(counting: .full).charactersPerSecond("abcd\nefgh", duration: TimeLength(milliseconds: 2000)) == 4)
}
