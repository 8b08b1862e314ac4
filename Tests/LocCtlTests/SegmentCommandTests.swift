import Foundation
import TestSupport
import Testing

/// `locctl segment`: one line per cue, `id<TAB>word | word | …`. Exit codes: 0, 1 unreadable file, 64 usage.
@Suite struct SegmentCommandTests {
    @Test func segmentsChineseByDictionaryWords() throws {
        let r = try ExampleEpisode.leavesInputsUnchanged { try CLIRunner.run(["segment", ExampleEpisode.chinese.path]) }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines.count == 22)
        #expect(r.lines[0] == "1\t中秋 | 节 | 到了 | ， | 全家 | 都 | 回来 | 团圆 | 。")
        #expect(r.lines[1] == "2\t林家 | 的 | 赘婿 | 也 | 配 | 坐 | 主 | 桌 | ？")
    }

    @Test func jsonListsTheWordsOfEachCue() throws {
        let r = try CLIRunner.run(["segment", ExampleEpisode.chinese.path, "--json"])
        let rows = try #require(try r.json() as? [[String: Any]])
        #expect(rows.count == 22)
        #expect(rows[0]["cue"] as? String == "1")
        #expect(rows[0]["words"] as? [String] == ["中秋", "节", "到了", "，", "全家", "都", "回来", "团圆", "。"])
    }

    @Test func englishSplitsOnWords() throws {
        let r = try CLIRunner.run(["segment", ExampleEpisode.english.path, "--locale", "en"])
        #expect(r.lines[0] == "1\tThe | Mid | - | Autumn | Festival | is | here | . | The | whole | family | is | home | for | the | reunion | .")
    }

    @Test func missingFileExits1WithItsName() throws {
        let r = try CLIRunner.run(["segment", "/nonexistent/ep03.zh.srt"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("/nonexistent/ep03.zh.srt"))
        #expect(try CLIRunner.run(["segment"]).status == 64)
    }
}
