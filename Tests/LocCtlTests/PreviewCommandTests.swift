import Foundation
import TestSupport
import Testing

/// `locctl preview`: one self-contained HTML page. Exit codes: 0, 1 unreadable track, 64 usage.
@Suite struct PreviewCommandTests {
    @Test func writesASelfContainedPage() throws {
        let page = try CLIRunner.tempDir().appendingPathComponent("ep01.html")
        let r = try ExampleEpisode.leavesInputsUnchanged {
            try CLIRunner.run(["preview", ExampleEpisode.english.path, "--source", ExampleEpisode.chinese.path, "--region", "en-US", "-o", page.path])
        }
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "\(page.path): 3 notes for en-US\n")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<track id=\"notes\" kind=\"metadata\""))
        #expect(html.contains("data:text/vtt;charset=utf-8;base64,"))
        #expect(!html.contains("http://") && !html.contains("https://"), "the page must not reference network resources")
    }

    @Test func errors() throws {
        let page = try CLIRunner.tempDir().appendingPathComponent("p.html")
        let unknown = try CLIRunner.run(["preview", ExampleEpisode.english.path, "--region", "xx", "-o", page.path])
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("unknown region 'xx'"))
        #expect(try CLIRunner.run(["preview", ExampleEpisode.english.path, "--region", "en-US"]).status == 64)
        let missing = try CLIRunner.run(["preview", "/nonexistent/ep05.en.srt", "--region", "en-US", "-o", page.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("/nonexistent/ep05.en.srt"))
        #expect(!FileManager.default.fileExists(atPath: page.path))
    }
}
