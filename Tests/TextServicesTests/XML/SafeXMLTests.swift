import Testing
@testable import TextServices

private func parseError(_ text: String, limits: SafeXML.Limits = .init()) -> XMLParseError? {
    do {
        _ = try SafeXML.parse(text, name: "t.xml", limits: limits)
        return nil
    } catch {
        return error
    }
}

@Test func parsesNamespacesAttributesTextAndLines() throws {
    let doc = try SafeXML.parse("""
    <?xml version="1.0"?>
    <tt xmlns="http://www.w3.org/ns/ttml" xmlns:tts="http://www.w3.org/ns/ttml#styling" xml:lang="zh">
      <p tts:color="red">一 &amp; <![CDATA[<二>]]><br/>&#x4E09;</p>
    </tt>
    """)
    #expect(doc.root.is("http://www.w3.org/ns/ttml", "tt"))
    #expect(doc.root.attribute("lang", namespace: XMLNamespace.xml) == "zh")
    let p = try #require(doc.root.elements.first)
    #expect(p.line == 3)
    #expect(p.attribute("color", namespace: "http://www.w3.org/ns/ttml#styling") == "red")
    #expect(p.textContent == "一 & <二>三")
    #expect(p.elements.first?.name == "br")
}

@Test func refusesExternalFileEntity() throws {
    let e = try #require(parseError("""
    <?xml version="1.0"?>
    <!DOCTYPE tt [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
    <tt>&xxe;</tt>
    """))
    #expect(e.kind == .unsafe)
    #expect(e.line == 2)
    #expect(!e.message.contains("root:"))
}

@Test func refusesExternalHTTPEntityAndParameterEntity() throws {
    let e1 = try #require(parseError("""
    <!DOCTYPE tt [ <!ENTITY xxe SYSTEM "http://127.0.0.1:9/evil"> ]><tt>&xxe;</tt>
    """))
    #expect(e1.kind == .unsafe)
    let e2 = try #require(parseError("""
    <!DOCTYPE tt [ <!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd; ]><tt/>
    """))
    #expect(e2.kind == .unsafe)
}

@Test func refusesBillionLaughs() throws {
    var decls = "<!ENTITY lol \"lol\">"
    for i in 1...9 {
        let prev = i == 1 ? "lol" : "lol\(i - 1)"
        decls += "<!ENTITY lol\(i) \"" + String(repeating: "&\(prev);", count: 10) + "\">"
    }
    let e = try #require(parseError("<?xml version=\"1.0\"?><!DOCTYPE lolz [\(decls)]><lolz>&lol9;</lolz>"))
    #expect(e.kind == .unsafe)
}

@Test func refusesInternalSubsetWithoutEntities() throws {
    let e = try #require(parseError("<!DOCTYPE tt [ <!ELEMENT tt ANY> ]><tt/>"))
    #expect(e.kind == .unsafe)
    let c = try #require(parseError("<!DOCTYPE tt [ <!-- only a comment --> ]><tt/>"))
    #expect(c.kind == .unsafe)
}

@Test func externalDTDIsNeverLoaded() throws {
    // A DOCTYPE naming an external DTD is tolerated but never fetched; its entities stay undefined.
    let doc = try SafeXML.parse("<!DOCTYPE tt SYSTEM \"file:///etc/passwd\"><tt>ok</tt>")
    #expect(doc.root.textContent == "ok")
    let e = try #require(parseError("<!DOCTYPE tt SYSTEM \"http://127.0.0.1:9/x.dtd\"><tt>&undeclared;</tt>"))
    #expect(e.kind == .unsafe || e.kind == .malformed)
}

@Test func capsNestingDepth() throws {
    let deep = String(repeating: "<a>", count: 5000) + String(repeating: "</a>", count: 5000)
    let e = try #require(parseError(deep))
    #expect(e.kind == .tooDeep)
    let shallowCap = try #require(parseError(String(repeating: "<a>", count: 20) + String(repeating: "</a>", count: 20),
                                             limits: .init(maxDepth: 10)))
    #expect(shallowCap.kind == .tooDeep)
}

@Test func capsSize() throws {
    let e = try #require(parseError("<a>" + String(repeating: "x", count: 2000) + "</a>", limits: .init(maxBytes: 1000)))
    #expect(e.kind == .tooLarge)
}

@Test func malformedXMLGivesLineAndColumn() throws {
    let e = try #require(parseError("<tt>\n  <p>text</q>\n</tt>"))
    #expect(e.kind == .malformed)
    #expect(e.line == 2)
    #expect(e.column != nil)
    #expect(e.file == "t.xml")
    #expect(e.description.hasPrefix("t.xml:2"))
    for bad in ["", "<", "<a", "<a></b>", "text", "<a x='1' x='2'/>", "<a>&bogus;</a>", "\u{0}<a/>", "<a/><b/>"] {
        #expect(parseError(bad) != nil, "\(bad) should fail")
    }
}

@Test func invalidUTF8IsReportedInLocctlsWordsWithTheBytes() throws {
    let bytes = Array("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tt><p>Hello ".utf8) + [0xFF, 0xFE] + Array(" world</p></tt>".utf8)
    var caught: XMLParseError?
    do { _ = try SafeXML.parse(bytes, name: "t.xml") } catch { caught = error }
    let e = try #require(caught)
    #expect(e.line == 2)
    #expect(e.description.contains("not valid UTF-8 (0xFF 0xFE"), "\(e.description)")
    #expect(!e.description.contains("indicate encoding"), "\(e.description)")
}

@Test func parsesConcurrently() async throws {
    await withTaskGroup(of: Bool.self) { group in
        for i in 0..<32 {
            group.addTask {
                let ok = (try? SafeXML.parse("<a n='\(i)'><b/></a>"))?.root.attribute("n") == "\(i)"
                let bad = (try? SafeXML.parse("<a>")) == nil
                return ok && bad
            }
        }
        for await r in group { #expect(r) }
    }
}

@Test func writerEscapes() {
    #expect(XMLWriter.escapeText("a<b & c>") == "a&lt;b &amp; c&gt;")
    #expect(XMLWriter.escapeAttribute("\"x\"\n") == "&quot;x&quot;&#10;")
    var w = XMLWriter(declaration: false)
    w.open("tt", [("xml:lang", "zh")])
    w.element("p", [("begin", "00:00:01.000")], text: "1 < 2")
    let s = w.finish()
    #expect(s == "<tt xml:lang=\"zh\">\n  <p begin=\"00:00:01.000\">1 &lt; 2</p>\n</tt>\n")
    #expect((try? SafeXML.parse(s))?.root.elements.first?.textContent == "1 < 2")
}
