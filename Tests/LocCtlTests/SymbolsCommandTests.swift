import Foundation
import TestSupport
import Testing

/// `locctl symbols match|show|search|list` on lines from the example episode.
@Suite struct SymbolsCommandTests {
    @Test func matchFindsSymbolsInAChineseLine() throws {
        let r = try CLIRunner.run(["symbols", "match", "中秋节到了，全家都回来团圆。"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines == ["1:0-3\tmid-autumn-festival\t中秋节\tsimplified", "1:11-13\treunion\t团圆\tsimplified"])
    }

    @Test func matchFindsPinyinAndRenderingsInAnEnglishLine() throws {
        let r = try CLIRunner.run(["symbols", "match", "--language", "en", "Mom, it's Zhongqiu. I bought mooncakes."])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.lines == ["1:10-18\tmid-autumn-festival\tZhongqiu\tpinyin", "1:29-37\tmooncake\tmooncake\trendering preferred"])
    }

    @Test func matchJSONAndNoMatchExit1() throws {
        let json = try CLIRunner.run(["symbols", "match", "--json", "月饼"])
        let record = try #require(try json.json() as? [String: Any])
        #expect(record["line"] as? Int == 1)
        #expect((record["matches"] as? [[String: Any]])?.first?["symbol"] as? String == "mooncake")

        let none = try CLIRunner.run(["symbols", "match", "hello there"])
        #expect(none.status == 1)
        #expect(none.stdout.isEmpty)
        #expect(try CLIRunner.run(["symbols", "match"]).status == 64)
    }

    @Test func matchReadsAFileAndNamesAMissingOne() throws {
        let r = try CLIRunner.run(["symbols", "match", "--file", ExampleEpisode.chinese.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("\tmid-autumn-festival\t中秋节\tsimplified"))
        let missing = try CLIRunner.run(["symbols", "match", "--file", "/nonexistent/lines.txt"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: cannot read /nonexistent/lines.txt"), "\(missing.stderr)")
    }

    @Test func showSearchAndList() throws {
        let show = try CLIRunner.run(["symbols", "show", "mid-autumn-festival"])
        #expect(show.status == 0)
        #expect(show.lines.first == "mid-autumn-festival  [festival, context high, priority 1, reviewed]")
        let unknown = try CLIRunner.run(["symbols", "show", "mid-autumn"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no symbol with id 'mid-autumn'"))
        let search = try CLIRunner.run(["symbols", "search", "中秋"])
        #expect(search.lines.first?.hasPrefix("mid-autumn-festival\t中秋节\t") == true)
        let list = try CLIRunner.run(["symbols", "list", "--category", "festival"])
        #expect(list.lines.contains("lantern-festival\tfestival\t元宵节\tLantern Festival"))
    }
}
