/// Turns the text of one SRT cue (lines joined by `\n`) into inline nodes.
///
/// `<i> <b> <u> <font …>` (any case, nested, crossing or unclosed, also padded as `< i>` or `</ i >`) become
/// spans; other HTML and WebVTT tags (`<sub>`, `<span …>`, `<c.x>` …; see `otherTags`) are stripped with a
/// warning, their content kept in a `.styled` span whose `srt.tag` (and `srt.attributes`) property lets the
/// SRT writer put them back; `{\anN}` sets the anchor; other `{\…}` override blocks are removed with a
/// warning; any other `<…>` or `{…}` is literal text. HTML character references ending in `;` (`&amp;`,
/// `&nbsp;`, `&#8212;`) are decoded once.
struct SRTInlineParser {
    struct Problem { var message: String; var lineOffset: Int }

    private(set) var anchor: Placement.Anchor?
    private(set) var problems: [Problem] = []

    private struct Frame {
        var tag: String
        var span: Span
        var children: [Inline] = []
    }

    private var stack: [Frame] = [Frame(tag: "", span: Span(.styled))]
    private var text: [UInt8] = []
    private var lineOffset = 0

    mutating func parse(_ slice: ArraySlice<UInt8>) -> [Inline] {
        let bytes = Array(slice)[...]
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                flush()
                append(.lineBreak)
                lineOffset += 1
                i += 1
            } else if b == 0x3C, let next = tag(bytes, i) { // <
                i = next
            } else if b == 0x7B, i + 1 < end, bytes[i + 1] == 0x5C, let next = override(bytes, i) { // {\
                i = next
            } else if b == 0x26, let next = Self.characterReference(bytes, i, into: &text) { // &
                i = next
            } else {
                text.append(b)
                i += 1
            }
        }
        flush()
        while stack.count > 1 {
            problems.append(Problem(message: "tag <\(stack.last!.tag)> is not closed; it runs to the end of the cue", lineOffset: lineOffset))
            closeTop()
        }
        return stack[0].children
    }

    private mutating func flush() {
        guard !text.isEmpty else { return }
        append(.text(String(decoding: text, as: UTF8.self)))
        text.removeAll(keepingCapacity: true)
    }

    private mutating func append(_ node: Inline) {
        let top = stack.count - 1
        if case let .text(new) = node, case let .text(old)? = stack[top].children.last {
            stack[top].children[stack[top].children.count - 1] = .text(old + new)
        } else {
            stack[top].children.append(node)
        }
    }

    private mutating func closeTop() {
        let frame = stack.removeLast()
        if !frame.children.isEmpty { append(.span(frame.span, frame.children)) }
    }

    /// Tags SRT has no meaning for but that are stripped rather than shown: HTML inline and block
    /// elements and WebVTT's own tags.
    static let otherTags: Set<String> = [
        "sub", "sup", "span", "s", "strike", "del", "ins", "em", "strong", "small", "big", "mark", "tt", "code",
        "center", "div", "p", "a", "c", "v", "lang", "ruby", "rt", "rp", "q", "cite", "abbr", "h1", "h2", "h3",
    ]
    /// Tags that stand alone (`<br>`, `<br/>`): a line break, and nothing to close.
    static let voidTags: Set<String> = ["br"]

    /// A tag found at `<`: its name (lowercased), whether it closes, its attribute bytes and the index after `>`.
    struct ScannedTag {
        var name: String
        var closing: Bool
        var attributes: Range<Int>
        var end: Int
        var known: Bool { ["i", "b", "u", "font"].contains(name) }
        /// Written with spaces inside the brackets (`< i>`, `</ i >`, `<b >`).
        var padded = false
    }

    /// Whether a closing tag for `name` (padded or not) follows `start`.
    static func hasClosingTag(_ bytes: ArraySlice<UInt8>, name: String, after start: Int) -> Bool {
        var k = start
        while k < bytes.endIndex {
            if bytes[k] == 0x3C, let t = scanTagShape(bytes, k), t.closing, t.name == name { return true }
            k += 1
        }
        return false
    }

    /// The name and direction of a `<…>` without the rules about which tags count.
    private static func scanTagShape(_ bytes: ArraySlice<UInt8>, _ start: Int) -> (name: String, closing: Bool)? {
        var i = start + 1
        let end = bytes.endIndex
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < end, bytes[i] == 0x2F else { return nil }
        i += 1
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        let nameStart = i
        while i < end, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A { i += 1 }
        while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        guard i < end, bytes[i] == 0x3E, i > nameStart else { return nil }
        return (String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased().trimmingSpaces, true)
    }

    /// Recognises a tag at `start` (which is `<`), nil when the text there is literal.
    ///
    /// Known tags may be padded with spaces (`< i>`, `</ i >`); other tags must be written tightly
    /// (`<sub>`, `</sub>`, `<span class="x">`, `<br/>`) and be in `otherTags` or `voidTags`, so `a < b > c` stays text.
    static func scanTag(_ bytes: ArraySlice<UInt8>, _ start: Int) -> ScannedTag? {
        var i = start + 1
        let end = bytes.endIndex
        func skipSpaces() -> Bool {
            let before = i
            while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            return i > before
        }
        var padded = skipSpaces()
        let closing = i < end && bytes[i] == 0x2F // /
        if closing { i += 1; if skipSpaces() { padded = true } }
        let nameStart = i
        while i < end, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A { i += 1 }
        if i > nameStart, i < end, bytes[i] >= 0x31, bytes[i] <= 0x33, (bytes[i - 1] | 0x20) == 0x68 { i += 1 } // h1–h3
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        var close = i
        while close < end && bytes[close] != 0x3E && bytes[close] != 0x0A && bytes[close] != 0x3C { close += 1 }
        guard !name.isEmpty, close < end, bytes[close] == 0x3E else { return nil }
        var tag = ScannedTag(name: name, closing: closing, attributes: i..<close, end: close + 1)
        tag.padded = padded || (close > i && bytes[close - 1] == 0x20)
        if tag.known {
            // Attributes must be separated from the name: "<bold>" is text.
            if close > i && bytes[i] != 0x20 && bytes[i] != 0x09 { return nil }
            // A padded opening tag needs a closing tag after it: "a < b > c" is a comparison.
            if tag.padded, !closing, !hasClosingTag(bytes, name: name, after: tag.end) { return nil }
            return tag
        }
        guard !padded, otherTags.contains(name) || voidTags.contains(name) else { return nil }
        // After the name: nothing, attributes after a space, `/` (`<br/>`) or WebVTT classes (`<c.yellow>`).
        if close > i, ![0x20, 0x09, 0x2F, 0x2E].contains(bytes[i]) { return nil }
        return tag
    }

    /// Decodes a character reference ending in `;` at `start` (which is `&`) into `text`; returns the index
    /// after it, or nil when the `&` is literal.
    static func characterReference(_ bytes: ArraySlice<UInt8>, _ start: Int, into text: inout [UInt8]) -> Int? {
        let array = Array(bytes[start..<min(start + 48, bytes.endIndex)]) // the longest reference is shorter
        var i = 0
        var decoded: [UInt8] = []
        guard WebVTTCharacterReferences.consume(array, &i, end: array.count, inAttribute: false, into: &decoded),
              i > 0, array[i - 1] == 0x3B else { return nil }
        text.append(contentsOf: decoded)
        return start + i
    }

    /// Handles `<…>` starting at `start`; returns the index after it, or nil when it is literal text.
    private mutating func tag(_ bytes: ArraySlice<UInt8>, _ start: Int) -> Int? {
        guard let scanned = Self.scanTag(bytes, start) else { return nil }
        let name = scanned.name, closing = scanned.closing, close = scanned.end - 1
        let i = scanned.attributes.lowerBound
        flush()
        if Self.voidTags.contains(name) {
            append(.lineBreak)
            return scanned.end
        }
        if !scanned.known {
            problems.append(Problem(message: "tag <\(closing ? "/" : "")\(name)> has no SRT meaning and was removed (its text is kept)", lineOffset: lineOffset))
        }
        if closing, scanned.padded, !stack.contains(where: { $0.tag == name }) { return nil }
        if closing {
            guard let depth = stack.lastIndex(where: { $0.tag == name }), depth > 0 else {
                problems.append(Problem(message: "closing tag </\(name)> has no opening tag; ignored", lineOffset: lineOffset))
                return close + 1
            }
            // Close the spans opened inside it, then reopen them after (crossing tags like <b><i>…</b>…</i>).
            var reopen: [Frame] = []
            while stack.count - 1 > depth {
                reopen.append(Frame(tag: stack.last!.tag, span: stack.last!.span))
                closeTop()
            }
            closeTop()
            stack.append(contentsOf: reopen.reversed())
        } else {
            let span: Span
            switch name {
            case "i": span = Span(.italic)
            case "b": span = Span(.bold)
            case "u": span = Span(.underline)
            case "font": span = Span(.font, properties: Self.attributes(bytes[i..<close]))
            default:
                var properties = ["srt.tag": name]
                let raw = String(decoding: bytes[i..<close], as: UTF8.self)
                if !raw.isEmpty { properties["srt.attributes"] = raw }
                span = Span(.styled, properties: properties)
            }
            stack.append(Frame(tag: name, span: span))
        }
        return close + 1
    }

    /// `name=value`, `name="value"`, `name='value'`; names lowercased.
    static func attributes(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        var result: [String: String] = [:]
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            let nameStart = i
            while i < end && bytes[i] != 0x3D && bytes[i] != 0x20 && bytes[i] != 0x09 { i += 1 }
            let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            guard i < end, bytes[i] == 0x3D else { continue }
            i += 1
            while i < end && (bytes[i] == 0x20 || bytes[i] == 0x09) { i += 1 }
            var value = ""
            if i < end && (bytes[i] == 0x22 || bytes[i] == 0x27) {
                let quote = bytes[i]
                i += 1
                let valueStart = i
                while i < end && bytes[i] != quote { i += 1 }
                value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
                if i < end { i += 1 }
            } else {
                let valueStart = i
                while i < end && bytes[i] != 0x20 && bytes[i] != 0x09 { i += 1 }
                value = String(decoding: bytes[valueStart..<i], as: UTF8.self)
            }
            if !name.isEmpty { result[name] = value }
        }
        return result
    }

    /// Handles `{\…}` starting at `start`: `\anN` sets the anchor, everything else is dropped with a warning.
    private mutating func override(_ bytes: ArraySlice<UInt8>, _ start: Int) -> Int? {
        var close = start + 1
        let end = bytes.endIndex
        while close < end && bytes[close] != 0x7D && bytes[close] != 0x0A { close += 1 }
        guard close < end, bytes[close] == 0x7D else { return nil }
        var unsupported: [String] = []
        for tag in bytes[(start + 1)..<close].split(separator: 0x5C, omittingEmptySubsequences: true) {
            let s = String(decoding: tag, as: UTF8.self).trimmingSpaces
            if s.count == 3, s.hasPrefix("an"), let n = Int(s.dropFirst(2)), let a = Placement.Anchor(rawValue: n) {
                anchor = a
            } else if !s.isEmpty {
                unsupported.append("\\" + s)
            }
        }
        if !unsupported.isEmpty {
            problems.append(Problem(message: "override tag {\(unsupported.joined())} has no SRT equivalent and was removed", lineOffset: lineOffset))
        }
        return close + 1
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    package var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
