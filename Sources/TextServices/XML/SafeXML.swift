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

    /// Parses a document from its bytes (any encoding libxml2 detects from the BOM or declaration).
    public static func parse(_ bytes: [UInt8], name: String = "<memory>", limits: Limits = Limits()) throws(XMLParseError) -> XMLTreeDocument {
        _ = libxml2Initialized
        guard bytes.count <= limits.maxBytes else {
            throw XMLParseError(.tooLarge, "document of \(bytes.count) bytes exceeds the limit of \(limits.maxBytes) bytes", file: name)
        }
        guard bytes.count <= Int(Int32.max) else {
            throw XMLParseError(.tooLarge, "document too large", file: name)
        }
        guard let ctxt = xmlNewParserCtxt() else {
            throw XMLParseError(.malformed, "cannot create an XML parser", file: name)
        }
        defer { xmlFreeParserCtxt(ctxt) }

        // The parser context's private pointer carries the "refused" flag to the C callbacks.
        let refused = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        refused.pointee = 0
        defer { refused.deallocate() }
        ctxt.pointee._private = UnsafeMutableRawPointer(refused)
        if let sax = ctxt.pointee.sax {
            sax.pointee.entityDecl = { ctx, _, _, _, _, _ in refuseDeclaration(ctx) }
            sax.pointee.unparsedEntityDecl = { ctx, _, _, _, _ in refuseDeclaration(ctx) }
            sax.pointee.elementDecl = { ctx, _, _, _ in refuseDeclaration(ctx) }
            sax.pointee.attributeDecl = { ctx, _, _, _, _, _, tree in
                if let tree { xmlFreeEnumeration(tree) }
                refuseDeclaration(ctx)
            }
            sax.pointee.notationDecl = { ctx, _, _, _ in refuseDeclaration(ctx) }
            // libxml2 prints some problems (e.g. "validity error : ID a already defined") to stderr even with
            // XML_PARSE_NOERROR; a structured handler that does nothing keeps them off the user's terminal.
            // The error is still recorded for `xmlCtxtGetLastError`.
            sax.pointee.serror = { _, _ in }
        }
        ctxt.pointee.vctxt.error = nil
        ctxt.pointee.vctxt.warning = nil

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) { base in
                xmlCtxtReadMemory(ctxt, base, Int32(buffer.count), name, nil, options)
            }
        }
        defer { if let doc { xmlFreeDoc(doc) } }

        if refused.pointee != 0 {
            let line = ctxt.pointee.input.map { Int($0.pointee.line) }
            throw XMLParseError(.unsafe, "DOCTYPE declarations (entities, elements, attributes, notations) are not accepted",
                                file: name, line: line)
        }
        guard let doc, ctxt.pointee.wellFormed != 0 else {
            throw lastError(ctxt, name: name)
        }
        if let dtd = doc.pointee.intSubset, dtd.pointee.children != nil {
            throw XMLParseError(.unsafe, "a DOCTYPE with an internal subset is not accepted", file: name, line: nil)
        }
        guard let rootNode = xmlDocGetRootElement(doc) else {
            throw XMLParseError(.malformed, "document has no root element", file: name)
        }
        let root = try convert(rootNode, depth: 1, limits: limits, name: name)
        return XMLTreeDocument(root: root, name: name)
    }

    /// Parses a document held in a string (encoded as UTF-8; an encoding declaration must agree).
    public static func parse(_ text: String, name: String = "<memory>", limits: Limits = Limits()) throws(XMLParseError) -> XMLTreeDocument {
        try parse(Array(text.utf8), name: name, limits: limits)
    }

    private static func lastError(_ ctxt: xmlParserCtxtPtr, name: String) -> XMLParseError {
        guard let err = xmlCtxtGetLastError(ctxt) else {
            return XMLParseError(.malformed, "malformed XML", file: name)
        }
        var message = err.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        while message.last == "\n" || message.last == " " { message.removeLast() }
        let line = err.pointee.line > 0 ? Int(err.pointee.line) : nil
        let column = err.pointee.int2 > 0 ? Int(err.pointee.int2) : nil
        let kind: XMLParseError.Kind
        if message.contains("Excessive depth") {
            kind = .tooDeep
            message = "elements nest deeper than 256 levels; the document is refused"
        } else if err.pointee.code == Int32(XML_ERR_ENTITY_LOOP.rawValue)
                    || err.pointee.code == Int32(XML_ERR_UNDECLARED_ENTITY.rawValue)
                    || message.contains("entity") || message.contains("Entity") {
            kind = .unsafe
        } else {
            kind = .malformed
        }
        // libxml2's advice names its own C options, which mean nothing to a locctl user.
        if let range = message.range(of: " use XML_PARSE_") ?? message.range(of: " (use XML_PARSE_") {
            message = String(message[..<range.lowerBound])
        }
        return XMLParseError(kind, message, file: name, line: line, column: column)
    }

    private static func string(_ p: UnsafePointer<xmlChar>?) -> String {
        guard let p else { return "" }
        return String(cString: p)
    }

    private static func convert(_ node: xmlNodePtr, depth: Int, limits: Limits, name: String) throws(XMLParseError) -> XMLTreeElement {
        let line = Int(xmlGetLineNo(node))
        guard depth <= limits.maxDepth else {
            throw XMLParseError(.tooDeep, "elements nest deeper than \(limits.maxDepth) levels", file: name, line: line)
        }
        var attributes: [XMLAttribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            var value = ""
            var child = a.pointee.children
            while let c = child {
                if c.pointee.type == XML_TEXT_NODE { value += string(c.pointee.content) }
                else if c.pointee.type == XML_ENTITY_REF_NODE {
                    throw XMLParseError(.unsafe, "entity reference &\(string(c.pointee.name)); is not accepted", file: name, line: line)
                }
                child = c.pointee.next
            }
            attributes.append(XMLAttribute(namespace: a.pointee.ns.map { string($0.pointee.href) },
                                           name: string(a.pointee.name), value: value))
            attr = a.pointee.next
        }
        var children: [XMLContent] = []
        var child = node.pointee.children
        while let c = child {
            switch c.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(.element(try convert(c, depth: depth + 1, limits: limits, name: name)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let s = string(c.pointee.content)
                if case let .text(previous)? = children.last {
                    children[children.count - 1] = .text(previous + s)
                } else {
                    children.append(.text(s))
                }
            case XML_ENTITY_REF_NODE:
                throw XMLParseError(.unsafe, "entity reference &\(string(c.pointee.name)); is not accepted",
                                    file: name, line: Int(xmlGetLineNo(c)))
            default:
                break // comments, processing instructions
            }
            child = c.pointee.next
        }
        return XMLTreeElement(namespace: node.pointee.ns.map { string($0.pointee.href) }, name: string(node.pointee.name),
                          attributes: attributes, children: children, line: line)
    }
}

/// libxml2's global initialisation, run once before the first parse.
private let libxml2Initialized: Bool = {
    xmlInitParser()
    return true
}()

/// Called by libxml2 for any declaration in a DOCTYPE: flags the document and stops the parser.
private func refuseDeclaration(_ ctx: UnsafeMutableRawPointer?) {
    guard let ctx else { return }
    let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
    if let flag = ctxt.pointee._private?.assumingMemoryBound(to: Int32.self) { flag.pointee = 1 }
    xmlStopParser(ctxt)
}
