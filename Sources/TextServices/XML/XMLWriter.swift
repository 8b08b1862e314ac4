/// Builds indented XML text; escapes text and attribute values.
public struct XMLWriter: Sendable {
    public private(set) var output = ""
    private var stack: [String] = []
    public var indent: String

    public init(indent: String = "  ", declaration: Bool = true) {
        self.indent = indent
        if declaration { output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" }
    }

    /// Whether XML 1.0 can hold the scalar at all (not even as a character reference): C0 controls other
    /// than tab, line feed and carriage return, and U+FFFE/U+FFFF cannot. The escapers drop them, so the
    /// document stays well-formed.
    @inline(__always) static func isXMLChar(_ c: Unicode.Scalar) -> Bool {
        let v = c.value
        return v >= 0x20 ? (v != 0xFFFE && v != 0xFFFF) : (v == 0x09 || v == 0x0A || v == 0x0D)
    }

    /// Escapes `&`, `<`, `>` for character data; drops characters XML cannot hold (see `isXMLChar`).
    public static func escapeText(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\r": out += "&#13;"
            default: if isXMLChar(c) { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// Escapes `&`, `<`, `>`, `"` and whitespace that attribute-value normalization would change.
    public static func escapeAttribute(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default: if isXMLChar(c) { out.unicodeScalars.append(c) }
            }
        }
        return out
    }

    /// A start tag as text: `<name a="v" …` closed with `>` or `/>`.
    public static func startTag(_ name: String, _ attributes: [(String, String)], selfClosing: Bool = false) -> String {
        var s = "<" + name
        for (k, v) in attributes { s += " " + k + "=\"" + escapeAttribute(v) + "\"" }
        return s + (selfClosing ? "/>" : ">")
    }

    private var currentIndent: String { String(repeating: indent, count: stack.count) }

    /// Opens an element on its own line.
    public mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        output += currentIndent + Self.startTag(name, attributes) + "\n"
        stack.append(name)
    }

    /// Writes an empty element on its own line.
    public mutating func empty(_ name: String, _ attributes: [(String, String)] = []) {
        output += currentIndent + Self.startTag(name, attributes, selfClosing: true) + "\n"
    }

    /// Writes an element whose content is already-escaped markup, on one line.
    public mutating func inline(_ name: String, _ attributes: [(String, String)] = [], markup: String) {
        output += currentIndent + Self.startTag(name, attributes) + markup + "</" + name + ">\n"
    }

    /// Writes an element holding escaped text, on one line.
    public mutating func element(_ name: String, _ attributes: [(String, String)] = [], text: String) {
        inline(name, attributes, markup: Self.escapeText(text))
    }

    /// Closes the innermost open element.
    public mutating func close() {
        guard let name = stack.popLast() else { return }
        output += currentIndent + "</" + name + ">\n"
    }

    /// Closes every open element and returns the text.
    public mutating func finish() -> String {
        while !stack.isEmpty { close() }
        return output
    }
}
