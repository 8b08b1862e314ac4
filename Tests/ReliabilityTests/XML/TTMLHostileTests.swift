import Foundation
import Localize
import Regions
import Subtitles
import Testing
import TextServices

/// TTML attacks through the full reading path (`SubtitleFile.decode` → `TTMLCodec` → `SafeXML`).
@Suite struct TTMLHostileTests {
    static let ns = #"xmlns="http://www.w3.org/ns/ttml""#

    static func document(_ doctype: String, body: String) -> Data {
        Data("""
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)
        <tt \(ns)><body><div><p begin="1s" end="2s">\(body)</p></div></body></tt>
        """.utf8)
    }

    /// Must fail as unsafe (or at least as a located error), and never carry the entity's content.
    func expectRefused(_ data: Data, name: String = "attack.ttml", mustNotContain secret: String? = nil) {
        let result = Hostile.within(10, name) { Hostile.decode(data, name: name) }
        switch result {
        case let .failure(error):
            let text = "\(error)"
            #expect(text.contains(name), "\(text)")
            if let codec = error as? CodecError { #expect(codec.kind == .unsafe || codec.kind == .syntax, "\(codec)") }
        case let .success(loaded):
            let all = loaded.track.cues.map { $0.text.plainText }.joined()
            if let secret { #expect(!all.contains(secret), "entity content leaked: \(all.prefix(200))") }
        }
    }

    @Test func externalFileEntityIsRefused() throws {
        let secretFile = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-secret-\(UUID().uuidString).txt")
        try Data("TOP-SECRET".utf8).write(to: secretFile)
        defer { try? FileManager.default.removeItem(at: secretFile) }
        let data = Self.document(#"<!DOCTYPE tt [ <!ENTITY xxe SYSTEM "file://\#(secretFile.path)"> ]>"#, body: "&xxe;")
        expectRefused(data, mustNotContain: "TOP-SECRET")
        if case let .failure(error as CodecError) = Hostile.decode(data, name: "attack.ttml") {
            #expect(error.kind == .unsafe)
        } else { Issue.record("external file entity accepted") }
    }

    @Test func externalNetworkEntityIsRefused() {
        // 127.0.0.1:9 (discard): even if a fetch were attempted it stays on this machine.
        let data = Self.document(#"<!DOCTYPE tt [ <!ENTITY net SYSTEM "http://127.0.0.1:9/payload"> ]>"#, body: "&net;")
        expectRefused(data)
    }

    @Test func parameterEntityAndExternalDTDAreNotLoaded() throws {
        let dtd = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-\(UUID().uuidString).dtd")
        try Data(#"<!ENTITY leak "LEAKED-FROM-DTD">"#.utf8).write(to: dtd)
        defer { try? FileManager.default.removeItem(at: dtd) }
        // An external DTD reference: never loaded, so &leak; is undeclared → refused.
        expectRefused(Self.document(#"<!DOCTYPE tt SYSTEM "file://\#(dtd.path)">"#, body: "&leak;"), mustNotContain: "LEAKED")
        // A parameter entity pulling the DTD in from the internal subset.
        expectRefused(Self.document(#"<!DOCTYPE tt [ <!ENTITY % ext SYSTEM "file://\#(dtd.path)"> %ext; ]>"#, body: "&leak;"),
                      mustNotContain: "LEAKED")
    }

    @Test func plainDoctypeWithoutDeclarationsStillReads() throws {
        let data = Self.document(#"<!DOCTYPE tt>"#, body: "hello")
        let loaded = try SubtitleFile.decode(data, name: "doctype.ttml")
        #expect(loaded.track.cues.map { $0.text.plainText } == ["hello"])
    }

    @Test func billionLaughsIsRefusedQuickly() {
        var decls = #"<!ENTITY lol0 "lollollollollollollollollollol">"#
        for i in 1...10 {
            decls += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">"
        }
        expectRefused(Self.document("<!DOCTYPE tt [ \(decls) ]>", body: "&lol10;"))
    }

    @Test func quadraticBlowupIsRefused() {
        let big = String(repeating: "A", count: 100_000)
        let body = String(repeating: "&a;", count: 10_000)
        expectRefused(Self.document("<!DOCTYPE tt [ <!ENTITY a \"\(big)\"> ]>", body: body))
    }

    @Test func undeclaredEntityIsALocatedError() {
        let result = Hostile.decode(Self.document("", body: "x &nope; y"), name: "undeclared.ttml")
        let text = Hostile.message(result, file: "undeclared.ttml")
        #expect(text != nil)
    }

    @Test func hundredThousandDeepNestingIsRefused() {
        let depth = 100_000
        let open = String(repeating: "<span>", count: depth), close = String(repeating: "</span>", count: depth)
        let data = Self.document("", body: open + "deep" + close)
        let result = Hostile.within(10, "deep nesting") { Hostile.decode(data, name: "deep.ttml") }
        let text = Hostile.message(result, file: "deep.ttml")
        #expect(text?.contains("deep") == true, "expected a depth error, got \(String(describing: text))")
        if case let .failure(error as CodecError) = result { #expect(error.kind == .unsafe || error.kind == .syntax) }
    }

    @Test func deepNestingBelowLibxmlLimitButAboveOursIsRefused() throws {
        // SafeXML's own depth limit, checked directly with a small cap.
        let xml = String(repeating: "<a>", count: 50) + String(repeating: "</a>", count: 50)
        #expect(throws: XMLParseError.self) { try SafeXML.parse(xml, limits: SafeXML.Limits(maxDepth: 20)) }
    }

    @Test func tenMegabyteAttributeIsHandled() throws {
        let value = String(repeating: "x", count: 10 << 20)
        let data = Data("<tt \(Self.ns)><body><div><p begin=\"1s\" end=\"2s\" xml:id=\"\(value)\">hi</p></div></body></tt>".utf8)
        let result = Hostile.within(20, "10 MB attribute") { Hostile.decode(data, name: "attr.ttml") }
        switch result {
        case let .failure(error): #expect("\(error)".contains("attr.ttml"), "\(error)")
        case let .success(loaded): #expect(loaded.track.cues.count == 1)
        }
    }

    @Test func hugeTimeExpressionsAreErrorsNotTraps() {
        for time in ["99999999999999999999h", "9223372036854775807h", "9223372036854775807t", "99999999999:00:00",
                     "9223372036854775807:00:00.000", "0.99999999999999999999999s", "9223372036854775807f", "-1s"] {
            let data = Data("<tt \(Self.ns)><body><div><p begin=\"\(time)\" end=\"\(time)\">x</p></div></body></tt>".utf8)
            let result = Hostile.decode(data, name: "time.ttml")
            if case let .success(loaded) = result {
                for cue in loaded.track.cues { #expect(cue.timing.start.milliseconds >= 0, "\(time)") }
            }
        }
    }

    @Test func documentOverTheSizeLimitIsRefused() {
        let big = [UInt8](repeating: 0x20, count: 65 << 20)
        #expect(throws: XMLParseError.self) { try SafeXML.parse(big) }
    }
}
