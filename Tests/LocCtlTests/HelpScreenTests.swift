import Foundation
import TestSupport
import Testing

/// Every help screen exits 0 and names the command's key options.
@Suite struct HelpScreenTests {
    @Test func rootHelpListsEveryCommand() throws {
        let r = try CLIRunner.run(["--help"])
        #expect(r.status == 0)
        for command in ["convert", "localize", "annotate", "preview", "audit", "segment", "symbols"] {
            #expect(r.stdout.contains("\n  \(command) "), "\(command) missing from locctl --help")
        }
        #expect(try CLIRunner.run(["--version"]).stdout.hasPrefix("0.1.0"))
    }

    @Test(arguments: [
        (["convert"], ["--out-dir", "--to", "--from", "--encoding", "--strict", "--vtt-compat", "-o, --output", "Exit codes: 0"]),
        (["localize"], ["--region", "--source", "--steps", "--inline-gloss", "--report", "--report-file", "--orientation", "--glossary", "--regions-dir", "Exit status: 0"]),
        (["annotate"], ["--region", "--regions", "--source", "--format", "--out-dir", "--explain", "--series", "<episode>.<region>.notes.<ext>", "Exit codes: 0"]),
        (["preview"], ["--region", "--source", "--video", "-o, --output", "Exit codes: 0"]),
        (["audit"], ["tracks (default)", "glossary", "rules", "64 usage errors"]),
        (["audit", "tracks"], ["--region", "--source", "--format", "--fail-on", "--orientation", "64 usage errors"]),
        (["audit", "glossary"], ["--region", "--regions", "--format", "--fail-on"]),
        (["audit", "rules"], ["--json"]),
        (["segment"], ["--locale", "--json", "Exit codes: 0"]),
        (["symbols"], ["list", "show", "search", "match", "lint", "build", "import", "export"]),
        (["symbols", "match"], ["--language", "--file", "--json"]),
        (["symbols", "import"], ["--category", "--name", "--force"]),
        (["symbols", "export"], ["--format", "-o, --output"]),
    ])
    func commandHelp(_ command: [String], _ mentions: [String]) throws {
        let r = try CLIRunner.run(command + ["--help"])
        #expect(r.status == 0)
        // Help text is wrapped at the terminal width: compare with runs of white space collapsed.
        let flat = r.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for mention in mentions {
            #expect(flat.contains(mention), "\(command.joined(separator: " ")) --help does not mention \(mention)")
        }
    }
}
