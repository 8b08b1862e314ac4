import CLibXML2

/// Parses untrusted XML with libxml2 into an immutable `XMLTreeDocument`.
///
/// No DTD is loaded, no entity is substituted, no network is used; a DOCTYPE with an internal subset
/// (entity, element, attribute or notation declarations, comments) is refused as `.unsafe` before any
/// expansion can happen. Safe to call from several threads at once: every parse has its own context.
///
///     let doc = try SafeXML.parse(bytes, name: "episode01.ttml")
///     for p in doc.root.elements { print(p.name, p.line) }
public enum SafeXML {
    /// Caps applied before and while parsing.
    public struct Limits: Sendable, Hashable {
        /// Largest document accepted, in bytes.
        public var maxBytes: Int
        /// Deepest element nesting accepted (libxml2 itself stops at 256 without `XML_PARSE_HUGE`).
        public var maxDepth: Int

        public init(maxBytes: Int = 64 << 20, maxDepth: Int = 1000) {
            self.maxBytes = maxBytes
            self.maxDepth = maxDepth
        }
    }

    /// Parses a document from its bytes (any encoding libxml2 detects from the BOM or declaration), reading it
    /// with `XMLStreamReader` (libxml2's SAX2 parser; no libxml2 tree is built).
    public static func parse(_ bytes: [UInt8], name: String = "<memory>", limits: Limits = Limits()) throws(XMLParseError) -> XMLTreeDocument {
        let reader = try XMLStreamReader(bytes, name: name, limits: limits)
        while let event = try reader.next() {
            guard case let .start(element) = event else { continue }
            let root = try reader.subtree(element)
            try reader.finish()
            return XMLTreeDocument(root: root, name: name)
        }
        throw XMLParseError(.malformed, "document has no root element", file: name)
    }

    /// libxml2's global initialisation, run once before the first parse.
    static func initialize() { _ = libxml2Initialized }

    /// The refusal of a DOCTYPE with an internal subset, found by scanning the prolog before libxml2 parses
    /// anything (so no declaration is ever registered, let alone expanded); nil when there is none. Only
    /// ASCII-compatible encodings are scanned: the streaming reader refuses the others at the DOCTYPE node.
    static func internalSubsetRefusal(_ bytes: [UInt8], name: String) -> XMLParseError? {
        if case let .refused(error) = prologVerdict(bytes, name: name, complete: true) { return error }
        return nil
    }

    /// What the prolog scan decides from the first bytes of a document.
    package enum PrologVerdict {
        case accepted
        case refused(XMLParseError)
        /// `bytes` end before the scan could decide (only when they are not the complete document).
        case undecided
    }

    /// `internalSubsetRefusal` over the first bytes of a document, which may end anywhere unless `complete`.
    package static func prologVerdict(_ bytes: [UInt8], name: String, complete: Bool) -> PrologVerdict {
        let n = bytes.count
        // Decisions taken where the bytes end wait for more, unless there are no more.
        let open: PrologVerdict = complete ? .accepted : .undecided
        var i = 0
        if n < 4 && !complete { return .undecided }
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        if bytes.prefix(4).contains(0) { return .accepted } // UTF-16/32
        func starts(_ s: String, at k: Int) -> Bool {
            var j = k
            for b in s.utf8 { guard j < n, bytes[j] == b else { return false }; j += 1 }
            return true
        }
        func skip(past s: String, from k: Int) -> Int {
            var j = k
            while j < n { if starts(s, at: j) { return j + s.utf8.count }; j += 1 }
            return n
        }
        func line(_ k: Int) -> Int { 1 + bytes[..<k].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        while i < n {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { i += 1; continue }
            // A markup start cut by the end of the bytes decides nothing yet.
            if !complete && n - i < 10 { return .undecided }
            if starts("<?", at: i) { i = skip(past: "?>", from: i + 2); continue }
            if starts("<!--", at: i) { i = skip(past: "-->", from: i + 4); continue }
            guard starts("<!DOCTYPE", at: i) else { return .accepted }
            // The DOCTYPE: an internal subset starts at a `[` outside quotes, before its `>`.
            var j = i + 9
            var quote: UInt8 = 0
            while j < n {
                let c = bytes[j]
                if quote != 0 { if c == quote { quote = 0 } }
                else if c == 0x22 || c == 0x27 { quote = c }
                else if c == 0x3E { return .accepted }
                else if c == 0x5B { break }
                j += 1
            }
            guard j < n else { return open }
            j += 1
            var other = false
            while j < n {
                let c = bytes[j]
                if c == 0x5D { break }
                if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D { j += 1; continue }
                if !complete && n - j < 10 { return .undecided }
                if starts("<!--", at: j) { other = true; j = skip(past: "-->", from: j + 4); continue }
                if ["<!ENTITY", "<!ELEMENT", "<!ATTLIST", "<!NOTATION"].contains(where: { starts($0, at: j) }) {
                    return .refused(XMLParseError(.unsafe, "DOCTYPE declarations (entities, elements, attributes, notations) are not accepted",
                                                  file: name, line: line(j)))
                }
                other = true
                j += 1
            }
            if j == n && !complete { return .undecided }
            return other ? .refused(XMLParseError(.unsafe, "a DOCTYPE with an internal subset is not accepted", file: name, line: nil)) : .accepted
        }
        return open
    }

    /// Parses a document held in a string (encoded as UTF-8; an encoding declaration must agree).
    public static func parse(_ text: String, name: String = "<memory>", limits: Limits = Limits()) throws(XMLParseError) -> XMLTreeDocument {
        try parse(Array(text.utf8), name: name, limits: limits)
    }

    /// A libxml2 error as locctl reports it.
    static func error(code: Int32, message raw: String, line: Int?, column: Int?, name: String) -> XMLParseError {
        var message = raw
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let kind: XMLParseError.Kind
        if message.contains("Excessive depth") {
            kind = .tooDeep
            message = "elements nest deeper than 256 levels; the document is refused"
        } else if code == Int32(XML_ERR_ENTITY_LOOP.rawValue) || code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue)
                    || message.contains("entity") || message.contains("Entity") {
            kind = .unsafe
        } else {
            kind = .malformed
        }
        // libxml2's "Input is not proper UTF-8, indicate encoding !\nBytes: 0xFF 0xFE …" in locctl's words.
        if message.hasPrefix("Input is not proper UTF-8") {
            let bytes = message.range(of: "Bytes: ").map { " (" + message[$0.upperBound...].trimmingCharacters(in: .whitespacesAndNewlines) + ")" } ?? ""
            message = "bytes that are not valid UTF-8\(bytes): save the file as UTF-8, or name its encoding in the XML declaration"
        }
        // libxml2's advice names its own C options, which mean nothing to a locctl user.
        if let range = message.range(of: " use XML_PARSE_") ?? message.range(of: " (use XML_PARSE_") {
            message = String(message[..<range.lowerBound])
        }
        return XMLParseError(kind, message, file: name, line: line, column: column)
    }

}

private let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()
