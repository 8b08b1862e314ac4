import Foundation
import TestSupport
import Testing

/// The HTML report's severity filter in real headless Chromium: with "error" checked, the page looks exactly
/// like the same page with every non-error row removed from the markup, and unlike the unfiltered page.
@Suite struct AuditHTMLBrowserTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    func screenshot(_ html: String, _ name: String, in dir: URL) throws -> Data {
        let page = dir.appendingPathComponent("\(name).html"), png = dir.appendingPathComponent("\(name).png")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.chromium!)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,3000",
                             "--user-data-dir=\(dir.appendingPathComponent("profile-\(name)").path)",
                             "--screenshot=\(png.path)", page.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }

    @Test(.enabled(if: chromium != nil, "no Chromium on this machine"))
    func severityFilterHidesOtherRows() throws {
        let dir = try CLIRunner.tempDir()
        let r = try CLIRunner.run(["audit", ExampleEpisode.english.path, "--source", ExampleEpisode.chinese.path, "--region", "en-US", "--format", "html"])
        let page = r.stdout
        #expect(page.contains("id=\"f-sev-error\""))
        let filtered = page.replacingOccurrences(of: "id=\"severity-all\" checked", with: "id=\"severity-all\"")
            .replacingOccurrences(of: "id=\"f-sev-error\"", with: "id=\"f-sev-error\" checked")
        let stripped = try NSRegularExpression(pattern: "<tr class=\"f sev-(warning|note)[^\"]*\">.*?</tr>\n")
            .stringByReplacingMatches(in: filtered, range: NSRange(filtered.startIndex..., in: filtered), withTemplate: "")
        #expect(stripped.count < filtered.count, "the page has warning and note rows")
        let shotFiltered = try screenshot(filtered, "filtered", in: dir)
        let shotStripped = try screenshot(stripped, "stripped", in: dir)
        let shotAll = try screenshot(page, "all", in: dir)
        #expect(shotFiltered == shotStripped, "checking 'error' hides exactly the warning and note rows")
        #expect(shotFiltered != shotAll, "the unfiltered page shows more")
    }
}
