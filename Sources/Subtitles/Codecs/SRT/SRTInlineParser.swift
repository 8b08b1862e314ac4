/// Turns the text of one SRT cue (lines joined by `\n`) into inline nodes.
///
/// `<i> <b> <u> <font …>` (any case, nested, crossing or unclosed) become spans; `{\anN}` sets the anchor;
/// other `{\…}` override blocks are removed with a warning; any other `<…>` or `{…}` is literal text.
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

    static func plainNodes(_ bytes: ArraySlice<UInt8>) -> [Inline] {
        var nodes: [Inline] = []
        var start = bytes.startIndex
        for i in bytes.indices where bytes[i] == 0x0A {
            if i > start { nodes.append(.text(String(decoding: bytes[start..<i], as: UTF8.self))) }
            nodes.append(.lineBreak)
            start = i + 1
        }
        if bytes.endIndex > start { nodes.append(.text(String(decoding: bytes[start...], as: UTF8.self))) }
        return nodes
    }

    mutating func parse(_ bytes: ArraySlice<UInt8>) -> [Inline] {
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

    /// Handles `<…>` starting at `start`; returns the index after it, or nil when it is literal text.
    private mutating func tag(_ bytes: ArraySlice<UInt8>, _ start: Int) -> Int? {
        var i = start + 1
        let end = bytes.endIndex
        let closing = i < end && bytes[i] == 0x2F // /
        if closing { i += 1 }
        let nameStart = i
        while i < end, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A { i += 1 }
        let name = String(decoding: bytes[nameStart..<i], as: UTF8.self).lowercased()
        guard ["i", "b", "u", "font"].contains(name) else { return nil }
        var close = i
        while close < end && bytes[close] != 0x3E && bytes[close] != 0x0A && bytes[close] != 0x3C { close += 1 }
        guard close < end, bytes[close] == 0x3E else { return nil }
        // Attributes must be separated from the name: "<bold>" is text.
        if close > i && bytes[i] != 0x20 && bytes[i] != 0x09 { return nil }
        flush()
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
            default: span = Span(.font, properties: Self.attributes(bytes[i..<close]))
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
