import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import Testing

private let regionsDir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("regions")

@Test func shippedProfilesLoadAndCoverTheRequiredRegions() throws {
    let profiles = try RegionLoader.loadDirectory(regionsDir)
    let tags = Set(profiles.map(\.tag))
    for required in ["en-US", "en-GB", "es-419", "pt-BR", "fr-FR", "de-DE", "th-TH", "vi-VN", "id-ID", "ja-JP",
                     "ko-KR", "ar-SA", "zh-Hant-TW", "zh-Hans-CN"] {
        #expect(tags.contains(required), "missing profile \(required)")
    }
    for p in profiles {
        #expect(p.limits.vertical.maxCharsPerLine < p.limits.landscape.maxCharsPerLine, "\(p.tag): vertical lines must be shorter")
        #expect(!p.sources.isEmpty)
    }
    #expect(profiles.first { $0.tag == "ar-SA" }?.direction == .rtl)
    #expect(profiles.first { $0.tag == "ko-KR" }?.limits.charCounting == .cjk)
}

@Test func profileErrorsNameFileAndLine() {
    let yaml = """
    tag: en-us
    name: Broken
    language: en
    script: Latn
    direction: sideways
    gloss-languages: [en]
    frames: [martian]
    limits: {}
    annotation: {}
    sources: []
    colour: blue
    """
    do {
        _ = try RegionLoader.parse(yaml, file: "en-us.yaml")
        Issue.record("expected errors")
    } catch let e as RegionErrors {
        let text = e.description
        #expect(text.contains("en-us.yaml:1:") && text.contains("not canonical"))
        #expect(text.contains("en-us.yaml:5:") && text.contains("unknown value 'sideways'"))
        #expect(text.contains("unknown analogy frame 'martian'"))
        #expect(text.contains("en-us.yaml:11:") && text.contains("unknown key 'colour'"))
        #expect(text.contains("missing 'max-chars-per-second'"))
    } catch { Issue.record("unexpected \(error)") }
}
