/// The W3C "WebVTT cue text parsing rules": a tokenizer (data, character reference, tag, start tag,
/// class, annotation, end tag and timestamp states) and the tree builder, mapped onto `Inline`.
///
/// Mapping: `c` → `Span.Kind.class`, `i`/`b`/`u` → italic/bold/underline, `v` → voice (annotation =
/// speaker), `lang` → language (annotation = tag), classes on all of them → `Span.classes`;
/// `<ruby>` → one `Inline.ruby` per base/`<rt>` pair (base text after the last `<rt>` stays plain;
/// classes on `<ruby>` wrap the result in a class span; classes on `<rt>` are dropped); inline
/// timestamps → `Inline.timestamp`; LF → `Inline.lineBreak`. Unknown tags are ignored, unclosed
/// tags close at the end, as the spec says.
public enum WebVTTCueTextParser {
    public static func parse(_ text: String) -> CueText {
        parse(Array(text.utf8), 0, text.utf8.count)
    }

    private struct Element {
        var name: String
        var classes: [String]
        var annotation: String?
        var children: [Node] = []
    }

    private indirect enum Node {
        case text([UInt8])
        case element(Element)
        case timestamp(Int64)
    }

    private enum Token {
        case string([UInt8])
        case startTag(name: String, classes: [String], annotation: String?)
        case endTag(String)
        case timestampTag([UInt8])
    }

    static func parse(_ bytes: [UInt8], _ start: Int, _ end: Int) -> CueText {
        // Fast path: no markup, no references.
        var plain = true
        for k in start..<end where bytes[k] == 0x3C || bytes[k] == 0x26 { plain = false; break }
        if plain { return CueText(Self.inlines(fromText: bytes[start..<end])) }

        var stack = [Element(name: "", classes: [])]
        var i = start
        while let token = nextToken(bytes, &i, end: end) {
            switch token {
            case let .string(s):
                stack[stack.count - 1].children.append(.text(s))
            case let .startTag(name, classes, annotation):
                let current = stack[stack.count - 1].name
                switch name {
                case "c", "i", "b", "u", "ruby", "v", "lang":
                    stack.append(Element(name: name, classes: classes, annotation: annotation))
                case "rt" where current == "ruby":
                    stack.append(Element(name: name, classes: classes, annotation: annotation))
                default:
                    break
                }
            case let .endTag(name):
                guard stack.count > 1 else { break }
                let current = stack[stack.count - 1].name
                if name == current {
                    close(&stack)
                } else if name == "ruby", current == "rt" {
                    close(&stack)
                    close(&stack)
                }
            case let .timestampTag(raw):
                var k = 0
                if let ms = WebVTTSyntax.collectTimestamp(raw, &k, end: raw.count), k == raw.count {
                    stack[stack.count - 1].children.append(.timestamp(ms))
                }
            }
        }
        while stack.count > 1 { close(&stack) }
        return CueText(convert(stack[0].children))
    }

    private static func close(_ stack: inout [Element]) {
        let e = stack.removeLast()
        stack[stack.count - 1].children.append(.element(e))
    }

    // MARK: Tokenizer

    private static func nextToken(_ b: [UInt8], _ i: inout Int, end: Int) -> Token? {
        guard i < end else { return nil }
        // Data state.
        if b[i] != 0x3C {
            var result: [UInt8] = []
            while i < end {
                let c = b[i]
                if c == 0x26 {
                    if !WebVTTCharacterReferences.consume(b, &i, end: end, inAttribute: false, into: &result) {
                        result.append(c)
                        i += 1
                    }
                } else if c == 0x3C {
                    break
                } else {
                    result.append(c)
                    i += 1
                }
            }
            return .string(result)
        }
        i += 1 // past '<'
        // Tag state.
        var result: [UInt8] = []
        guard i < end else { return .startTag(name: "", classes: [], annotation: nil) }
        let first = b[i]
        if WebVTTSyntax.isWhitespace(first) {
            i += 1
            return startTagAnnotation(b, &i, end: end, name: "", classes: [])
        }
        if first == 0x2E {
            i += 1
            return startTagClass(b, &i, end: end, name: "")
        }
        if first == 0x2F { // end tag state
            i += 1
            while i < end, b[i] != 0x3E { result.append(b[i]); i += 1 }
            if i < end { i += 1 }
            return .endTag(String(decoding: result, as: UTF8.self))
        }
        if WebVTTSyntax.isDigit(first) { // timestamp tag state
            while i < end, b[i] != 0x3E { result.append(b[i]); i += 1 }
            if i < end { i += 1 }
            return .timestampTag(result)
        }
        if first == 0x3E {
            i += 1
            return .startTag(name: "", classes: [], annotation: nil)
        }
        // Start tag state.
        while i < end {
            let c = b[i]
            if WebVTTSyntax.isWhitespace(c) {
                i += 1
                return startTagAnnotation(b, &i, end: end, name: String(decoding: result, as: UTF8.self), classes: [])
            } else if c == 0x2E {
                i += 1
                return startTagClass(b, &i, end: end, name: String(decoding: result, as: UTF8.self))
            } else if c == 0x3E {
                i += 1
                break
            } else {
                result.append(c)
                i += 1
            }
        }
        return .startTag(name: String(decoding: result, as: UTF8.self), classes: [], annotation: nil)
    }

    private static func startTagClass(_ b: [UInt8], _ i: inout Int, end: Int, name: String) -> Token {
        var classes: [String] = []
        var buffer: [UInt8] = []
        func flush() {
            if !buffer.isEmpty { classes.append(String(decoding: buffer, as: UTF8.self)) }
            buffer.removeAll()
        }
        while i < end {
            let c = b[i]
            if WebVTTSyntax.isWhitespace(c) {
                flush()
                i += 1
                return startTagAnnotation(b, &i, end: end, name: name, classes: classes)
            } else if c == 0x2E {
                flush()
                i += 1
            } else if c == 0x3E {
                i += 1
                break
            } else {
                buffer.append(c)
                i += 1
            }
        }
        flush()
        return .startTag(name: name, classes: classes, annotation: nil)
    }

    private static func startTagAnnotation(_ b: [UInt8], _ i: inout Int, end: Int, name: String, classes: [String]) -> Token {
        var buffer: [UInt8] = []
        while i < end {
            let c = b[i]
            if c == 0x26 {
                if !WebVTTCharacterReferences.consume(b, &i, end: end, inAttribute: true, into: &buffer) {
                    buffer.append(c)
                    i += 1
                }
            } else if c == 0x3E {
                i += 1
                break
            } else {
                buffer.append(c)
                i += 1
            }
        }
        // Strip leading/trailing whitespace and collapse runs to one space.
        var collapsed: [UInt8] = []
        var pendingSpace = false
        for c in buffer {
            if WebVTTSyntax.isWhitespace(c) {
                pendingSpace = !collapsed.isEmpty
            } else {
                if pendingSpace { collapsed.append(0x20); pendingSpace = false }
                collapsed.append(c)
            }
        }
        return .startTag(name: name, classes: classes,
                         annotation: collapsed.isEmpty ? nil : String(decoding: collapsed, as: UTF8.self))
    }

    // MARK: Tree → Inline

    private static func convert(_ nodes: [Node]) -> [Inline] {
        var out: [Inline] = []
        for node in nodes {
            switch node {
            case let .text(bytes):
                appendMerging(inlines(fromText: bytes[...]), to: &out)
            case let .timestamp(ms):
                out.append(.timestamp(Timestamp(milliseconds: ms)))
            case let .element(e):
                switch e.name {
                case "ruby":
                    var result: [Inline] = []
                    var base: [Node] = []
                    for child in e.children {
                        if case let .element(rt) = child, rt.name == "rt" {
                            result.append(.ruby(base: convert(base), annotation: convert(rt.children)))
                            base.removeAll()
                        } else {
                            base.append(child)
                        }
                    }
                    appendMerging(convert(base), to: &result)
                    if e.classes.isEmpty {
                        appendMerging(result, to: &out)
                    } else {
                        out.append(.span(Span(.class, classes: e.classes), result))
                    }
                default:
                    let kind: Span.Kind
                    switch e.name {
                    case "i": kind = .italic
                    case "b": kind = .bold
                    case "u": kind = .underline
                    case "v": kind = .voice
                    case "lang": kind = .language
                    default: kind = .class
                    }
                    let annotation = (kind == .voice || kind == .language) ? e.annotation : nil
                    out.append(.span(Span(kind, classes: e.classes, annotation: annotation), convert(e.children)))
                }
            }
        }
        return out
    }

    private static func appendMerging(_ nodes: [Inline], to out: inout [Inline]) {
        for node in nodes {
            if case let .text(b) = node, case let .text(a)? = out.last {
                out[out.count - 1] = .text(a + b)
            } else {
                out.append(node)
            }
        }
    }

    static func inlines(fromText bytes: ArraySlice<UInt8>) -> [Inline] {
        var out: [Inline] = []
        var lineStart = bytes.startIndex
        var k = bytes.startIndex
        while k < bytes.endIndex {
            if bytes[k] == WebVTTSyntax.lf {
                if k > lineStart { out.append(.text(String(decoding: bytes[lineStart..<k], as: UTF8.self))) }
                out.append(.lineBreak)
                lineStart = k + 1
            }
            k += 1
        }
        if bytes.endIndex > lineStart { out.append(.text(String(decoding: bytes[lineStart..<bytes.endIndex], as: UTF8.self))) }
        return out
    }
}
