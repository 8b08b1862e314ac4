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
