import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

/// Issue 14 leftover: Thai names. Thai has no capitals and ICU's Thai dictionary does not know Chinese names,
/// so it cuts them (and the word after them) anywhere; the wrap step keeps a run of Chinese name syllables
/// whole, keeps a title with the name after it, and never breaks next to a one-consonant ICU fragment.
@Suite struct ThaiNameBreakTests {
    func wrap(_ text: String, cpl: Int, protect: Bool = true) -> [String] {
        var profile = Regions["th-TH"]
        profile.limits.landscape = LineLimits(maxCharsPerLine: cpl, maxLines: 2)
        let context = LocalizeContext(region: profile, orientation: .landscape)
        let step = WrapStep(config: WrapStep.Config(protectCapitalizedNames: protect))
        return step.apply(track([cue("1", 0, 6000, text)]), in: context).track.cues[0].text.plainText.components(separatedBy: "\n")
    }

    static let cases: [(text: String, cpl: Int, name: String)] = [
        ("เมื่อคืนนี้ข้าเห็นฉางเอ๋อร้องไห้อยู่บนดวงจันทร์", 24, "ฉางเอ๋อ"),
        ("พวกเขาบอกว่าหยันเปียนเป็นคนทำเรื่องนี้ทั้งหมด", 26, "หยันเปียน"),
        ("ข้าได้ยินมาว่าหลินเฟิงกลับมาจากเมืองหลวงแล้ว", 22, "หลินเฟิง"),
        ("พรุ่งนี้เราจะไปพบจ้าวหมิงที่วังหลวงด้วยกัน", 20, "จ้าวหมิง"),
        ("ท่านอ๋องจ้าวหมิงรออยู่ข้างนอกนานแล้วนะ", 20, "จ้าวหมิง"),
    ]

    @Test func namesStayWholeAndTheWordAfterThemIsNotCut() {
        for c in Self.cases {
            let lines = wrap(c.text, cpl: c.cpl)
            #expect(lines.count == 2, "\(lines)")
            #expect(lines.joined() == c.text, "text changed: \(lines)")
            #expect(lines.contains { $0.contains(c.name) }, "\(c.name) split: \(lines.joined(separator: " / "))")
            // No line starts with a mark or a following vowel, and ICU's cuts after a name are not taken.
            for line in lines {
                #expect(line.unicodeScalars.first?.properties.generalCategory != .nonspacingMark, "\(lines)")
                #expect(!["ะ", "า", "ำ"].contains(line.first), "\(lines)")
            }
            let joined = lines.joined(separator: "\n")
            #expect(!joined.contains("ร้\nอง") && !joined.contains("เอ๋\nอ") && !joined.contains("เปีย\nน"), "\(lines)")
            #expect(!lines.dropLast().contains { $0.hasSuffix("คุณ") || $0.hasSuffix("ท่าน") }, "title split from its name: \(lines)")
        }
    }

    @Test func theInputsNeedTheProtection() {
        // Without name protection at least one of the names above is cut: the test above can fail.
        let unprotected = Self.cases.filter { c in !wrap(c.text, cpl: c.cpl, protect: false).contains { $0.contains(c.name) } }
        #expect(!unprotected.isEmpty)
    }

    /// Western names ICU's Thai dictionary cuts ("แค|ท|เธอ|รี|น", "วิล|เลียม|ส์", "เอ|ลิ|ซา|เบธ", "แฮร์|รี่ พอต|เตอร์").
    static let westernCases: [(text: String, name: String)] = [
        ("เธอบอกว่าแคทเธอรีนกับวิลเลียมส์จะมาด้วย", "แคทเธอรีน"),
        ("เธอบอกว่าแคทเธอรีนกับวิลเลียมส์จะมาด้วย", "วิลเลียมส์"),
        ("พรุ่งนี้เอลิซาเบธจะเดินทางไปเชียงใหม่", "เอลิซาเบธ"),
        ("ฉันไม่เคยเชื่อใจแฮร์รี่ พอตเตอร์เลยสักครั้ง", "แฮร์รี่ พอตเตอร์"),
    ]

    /// The two-line wraps of `text` at every line length that needs two lines, at which the name fits on a
    /// line of its own side (a break before or after it leaves both lines within the limit).
    func twoLineWraps(_ text: String, name: String, protect: Bool) -> [[String]] {
        let metrics = TextMetrics(counting: .full)
        let length = metrics.length(text)
        let r = text.range(of: name)!
        let before = String(text[..<r.lowerBound]), after = String(text[r.upperBound...])
        func fits(_ a: String, _ b: String, _ cpl: Int) -> Bool {
            [a, b].allSatisfy { metrics.length($0.trimmingCharacters(in: .whitespaces)) <= Double(cpl) }
        }
        return stride(from: Int(length / 2) + 1, to: Int(length), by: 1)
            .filter { fits(before, name + after, $0) || fits(before + name, after, $0) }
            .map { wrap(text, cpl: $0, protect: protect) }.filter { $0.count == 2 }
    }

    @Test func westernNamesStayWhole() {
        for c in Self.westernCases {
            for lines in twoLineWraps(c.text, name: c.name, protect: true) {
                #expect(lines.joined() == c.text || lines.joined(separator: " ") == c.text, "text changed: \(lines)")
                #expect(lines.contains { $0.contains(c.name) }, "\(c.name) split: \(lines.joined(separator: " / "))")
            }
        }
        // Without name protection some of them are cut: the test above can fail.
        let cut = Self.westernCases.filter { c in twoLineWraps(c.text, name: c.name, protect: false).contains { !$0.contains { $0.contains(c.name) } } }
        #expect(!cut.isEmpty)
        // Found as names; everyday text holds none.
        func names(_ s: String) -> [String] {
            let u = Array(s.utf16)
            return TextLayout.thaiNames(units: u).map { String(decoding: u[$0], as: UTF16.self) }
        }
        #expect(names("ฉันไม่เคยเชื่อใจแฮร์รี่ พอตเตอร์เลย") == ["แฮร์รี่ พอตเตอร์"])
        #expect(names("เธอบอกว่าแคทเธอรีนกับวิลเลียมส์จะมาด้วย") == ["แคทเธอรีน", "วิลเลียมส์"])
        #expect(names("เขาเดินทางไปทำงานที่กรุงเทพทุกวัน").isEmpty)
    }

    @Test func nameSyllableRunsAreFoundAndEverydayWordsAreNot() {
        func names(_ s: String) -> [String] {
            let u = Array(s.utf16)
            return TextLayout.thaiNames(units: u).map { String(decoding: u[$0], as: UTF16.self) }
        }
        #expect(names("ข้าเห็นฉางเอ๋อร้องไห้") == ["ฉางเอ๋อ"])
        #expect(names("คุณหลินเฟิงมาแล้ว") == ["หลินเฟิง"])
        // Everyday text: no run ("หัว" head, "หู" ear and "จง" must are not name syllables).
        #expect(names("เขาเจ็บหัวและหูมาก เจ้าจงไปเถอะ").isEmpty)
        // A syllable does not end inside a character cluster: "จิ" of "จิน" is no "จ" syllable match.
        #expect(names("ผู้ชายคนที่เกาะเมียกิน").isEmpty)
    }
}
