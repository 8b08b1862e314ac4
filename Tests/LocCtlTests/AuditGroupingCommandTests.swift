import Foundation
import TestSupport
import Testing

/// `locctl audit` text report on a series: a recurring finding shown once with its count and episodes,
/// errors first, and an action summary at the end.
@Suite struct AuditGroupingCommandTests {
    @Test func recurringFindingsAreShownOnceWithTheirEpisodes() throws {
        let dir = try CLIRunner.tempDir()
        for episode in ["ep01", "ep02", "ep03"] {
            for lang in ["en", "zh"] {
                try Data(contentsOf: ExampleEpisode.directory.appendingPathComponent("ep01.\(lang).srt"))
                    .write(to: dir.appendingPathComponent("\(episode).\(lang).srt"))
            }
        }
        let r = try CLIRunner.run(["audit", dir.path, "--source", dir.path, "--region", "en-US"])
        #expect(r.status == 1, "\(r.stderr)")
        let zhongqiu = r.lines.filter { $0.contains("left in pinyin ('Zhongqiu')") }
        #expect(zhongqiu.count == 1, "\(zhongqiu)")
        #expect(r.stdout.contains("×3 in ep01–ep03: ep02 #3, ep03 #3"))
        #expect(r.stdout.contains("(38 more shown with their first occurrence)"), "ep02 and ep03 repeat ep01 (coverage notes are once per series)")

        // Severity first: the first finding of ep01 is its error.
        let header = try #require(r.lines.firstIndex { $0.hasPrefix("ep01 ") })
        #expect(r.lines[header + 1].contains(" error "), "\(r.lines[header + 1])")

        // The action summary, then the count line.
        let summary = try #require(r.lines.firstIndex(of: "Summary"))
        #expect(r.lines[summary + 1] == "  fix first: 3 errors")
        #expect(r.lines[summary + 2] == "    glossary.deprecated ×3 (ep01–ep03)")
        #expect(r.lines.last == "127 findings (3 errors, 111 warnings, 13 notes) in 3 files for en-US (vertical)")

        let md = try CLIRunner.run(["audit", dir.path, "--source", dir.path, "--region", "en-US", "--format", "markdown"])
        #expect(md.lines.filter { $0.contains("left in pinyin ('Zhongqiu')") }.count == 1)
        #expect(md.stdout.contains("| ×3: ep02 \\#3, ep03 \\#3 |"))
        #expect(md.stdout.contains("38 findings (38 listed with their first occurrence)."))
    }
}
