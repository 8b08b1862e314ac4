import Foundation
import Testing
@testable import TextServices

@Test(arguments: [("GB18030", "字幕测试"), ("Big5", "字幕測試"), ("UTF-16LE", "字幕")])
func transcoderRoundTrips(charset: String, text: String) throws {
    let data = try Transcoder.encode(text, to: charset)
    #expect(data != Data(text.utf8))
    #expect(try Transcoder.decode(data, from: charset) == text)
}

@Test func transcoderReportsOffsetOfInvalidBytes() {
    #expect(throws: Transcoder.TranscodingError.invalidInput(charset: "UTF-8", offset: 2)) {
        try Transcoder.decode([0x61, 0x62, 0xFF, 0x63], from: "UTF-8")
    }
    #expect(throws: Transcoder.TranscodingError.invalidInput(charset: "Big5", offset: 1)) {
        try Transcoder.encode("a😀", to: "Big5")
    }
}

@Test func transcoderKnowsCharsetNames() {
    #expect(Transcoder.isKnown("GB18030"))
    #expect(Transcoder.isKnown("Big5-HKSCS"))
    #expect(!Transcoder.isKnown("no-such-charset"))
    #expect(throws: Transcoder.TranscodingError.unknownCharset("no-such-charset")) {
        try Transcoder.decode([0x61], from: "no-such-charset")
    }
}

@Test func detectorFindsChineseLegacyEncodings() throws {
    let text = String(repeating: "我们不是为了体验世界上通过一台机器。你看到的是如何令你的上帝。\n", count: 20)
    let gb = try Transcoder.encode(text, to: "GB18030")
    let candidates = CharsetDetector.candidates(for: gb)
    #expect(["GB18030", "GB2312", "GBK"].contains(candidates.first?.name ?? ""))
    #expect(candidates.first!.confidence > 10)
    #expect(CharsetDetector.candidates(for: Data()).isEmpty)
}
