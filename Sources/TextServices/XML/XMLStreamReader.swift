import CLibXML2

/// One step of a streamed document: a start tag (its attributes, no children yet), the matching end tag, or
/// character data.
public enum XMLEvent: Sendable {
    /// A start tag, as an element without children. Every start has its `.end`, also `<x/>`.
    case start(XMLTreeElement)
    case end
    /// Character data (text, CDATA and white space), references resolved.
    case text(String)
}

/// Reads untrusted XML one event at a time with libxml2's SAX2 push parser, fed 64 KiB at a time (from an array, or
/// from a `Source` such as a file read chunk by chunk): memory holds the events of one chunk (and the array, or the
/// chunk being parsed), never a tree. Same protections as `SafeXML`: no DTD loaded, no entity
/// substituted, no network; a DOCTYPE with an internal subset is refused before libxml2 sees it (and any
/// declaration stops the parser); size and depth limits; errors with line and column.
///
///     let reader = try XMLStreamReader(bytes, name: "ep01.ttml")
///     while let event = try reader.next() { … }
///     // or, after a `.start`: let p = try reader.subtree(start, isEmpty: empty)
///
/// Why SAX and not `xmlTextReader`: libxml2 2.9.14's reader (like its tree) registers every `xml:id` in the
/// document's ID table, which made reading a 26 MB, 200,000-paragraph TTML take 17–29 s (1–1.5 MB/s); the same
/// file without ids read in 0.46 s, and through SAX2 in 0.34 s (measured with small C programs, same machine).
///
/// Not thread-safe: one reader per thread (several readers may run at once, each with its own context).
public final class XMLStreamReader {
    public let name: String
    public let limits: SafeXML.Limits
    /// Gives a document's bytes a chunk at a time: the next bytes, empty at the end.
    public typealias Source = () throws(XMLParseError) -> [UInt8]
    private let bytes: [UInt8]
    private var offset = 0
    /// Reading from a `Source`: it, and the bytes read before parsing started (for the prolog scan).
    private let source: Source?
    private var prolog: [UInt8] = []
    /// Bytes read from `source` so far.
    private var total = 0
    private let ctxt: xmlParserCtxtPtr
    private let state: SAXState
    private var terminated = false

    static let chunkSize = 64 << 10

    /// Starts reading `bytes` (any encoding libxml2 detects from the BOM or the declaration).
    public convenience init(_ bytes: [UInt8], name: String = "<memory>", limits: SafeXML.Limits = SafeXML.Limits()) throws(XMLParseError) {
        SafeXML.initialize()
        guard bytes.count <= limits.maxBytes else {
            throw XMLParseError(.tooLarge, "document of \(bytes.count) bytes exceeds the limit of \(limits.maxBytes) bytes", file: name)
        }
        guard bytes.count <= Int(Int32.max) else { throw XMLParseError(.tooLarge, "document too large", file: name) }
        if let refusal = SafeXML.internalSubsetRefusal(bytes, name: name) { throw refusal }
        try self.init(bytes: bytes, source: nil, name: name, limits: limits)
    }

    /// Starts reading the bytes `source` gives, holding only the chunk being parsed (and, before parsing starts,
    /// the bytes the prolog scan needs to decide). The same document gives the same events and errors as
    /// `init(_:name:limits:)`, except that a document over `limits.maxBytes` is refused when its bytes get there.
    public convenience init(name: String = "<memory>", limits: SafeXML.Limits = SafeXML.Limits(), source: @escaping Source) throws(XMLParseError) {
        SafeXML.initialize()
        var prolog: [UInt8] = []
        while true {
            let chunk = try source()
            prolog += chunk
            guard prolog.count <= limits.maxBytes else {
                throw XMLParseError(.tooLarge, "document of more than \(limits.maxBytes) bytes exceeds the limit", file: name)
            }
            switch SafeXML.prologVerdict(prolog, name: name, complete: chunk.isEmpty) {
            case let .refused(refusal): throw refusal
            case .accepted: try self.init(bytes: prolog, source: source, name: name, limits: limits, ended: chunk.isEmpty); return
            case .undecided: continue
            }
        }
    }

    /// `bytes` is the whole document (`source` nil) or its first bytes, the rest coming from `source` (unless `ended`).
    private init(bytes: [UInt8], source: Source?, name: String, limits: SafeXML.Limits, ended: Bool = false) throws(XMLParseError) {
        self.name = name
        self.limits = limits
        state = SAXState(maxDepth: limits.maxDepth)
        if let source {
            self.bytes = []
            self.source = ended ? { [] } : source
            prolog = bytes
            total = bytes.count
        } else {
            self.bytes = bytes
            self.source = nil
        }

        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { ctx, localname, _, uri, _, _, count, _, attributes in
            guard let s = SAXState.of(ctx) else { return }
            s.start(ctx, localname, uri, Int(count), attributes)
        }
        sax.endElementNs = { ctx, _, _, _ in
            guard let s = SAXState.of(ctx) else { return }
            s.depth -= 1
            s.events.append(.end)
        }
        sax.characters = { ctx, ch, len in
            guard let s = SAXState.of(ctx), let ch else { return }
            s.text(ch, Int(len))
        }
        sax.ignorableWhitespace = sax.characters
        sax.cdataBlock = sax.characters
        // Any declaration in a DOCTYPE (the prolog scan refuses them first) flags the document and stops the parser.
        sax.entityDecl = { ctx, _, _, _, _, _ in SAXState.refuse(ctx) }
        sax.unparsedEntityDecl = { ctx, _, _, _, _ in SAXState.refuse(ctx) }
        sax.elementDecl = { ctx, _, _, _ in SAXState.refuse(ctx) }
        sax.attributeDecl = { ctx, _, _, _, _, _, tree in
            if let tree { xmlFreeEnumeration(tree) }
            SAXState.refuse(ctx)
        }
        sax.notationDecl = { ctx, _, _, _ in SAXState.refuse(ctx) }
        sax.reference = { ctx, name in
            guard let s = SAXState.of(ctx) else { return }
            if s.refusedReference == nil { s.refusedReference = (name.map { String(cString: $0) } ?? "?", SAXState.line(ctx)) }
            xmlStopParser(ctx!.assumingMemoryBound(to: xmlParserCtxt.self))
        }
        // libxml2 would print some problems to stderr even with XML_PARSE_NOERROR; they are recorded instead.
        sax.serror = { ctx, error in
            guard let s = SAXState.of(ctx), let error else { return }
            s.record(error)
        }
        // The first bytes go with the context, for encoding detection.
        let head = min(4, bytes.count)
        let created: xmlParserCtxtPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: head) { xmlCreatePushParserCtxt(&sax, nil, $0, Int32(head), name) }
            } ?? xmlCreatePushParserCtxt(&sax, nil, nil, 0, name)
        }
        guard let created else { throw XMLParseError(.malformed, "cannot create an XML parser", file: name) }
        ctxt = created
        offset = head
        if source != nil { prolog.removeFirst(head) }
        ctxt.pointee._private = Unmanaged.passUnretained(state).toOpaque()
        _ = xmlCtxtUseOptions(ctxt, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue))
        ctxt.pointee.vctxt.error = nil
        ctxt.pointee.vctxt.warning = nil
    }

    deinit { xmlFreeParserCtxt(ctxt) }

    /// The next event; nil at the end of a well-formed document.
    public func next() throws(XMLParseError) -> XMLEvent? {
        while state.head == state.events.count {
            if terminated { return nil }
            state.events.removeAll(keepingCapacity: true)
            state.head = 0
            try feed()
        }
        let event = state.events[state.head]
        state.head += 1
        return event
    }

    /// Parses the next chunk (the last one terminates the document) and checks what it met.
    private func feed() throws(XMLParseError) {
        let last: Bool
        if let source {
            let chunk: [UInt8]
            if prolog.isEmpty {
                chunk = try source()
                total += chunk.count
                guard total <= limits.maxBytes else {
                    terminated = true
                    throw XMLParseError(.tooLarge, "document of more than \(limits.maxBytes) bytes exceeds the limit", file: name)
                }
            } else {
                chunk = prolog
                prolog = []
            }
            last = chunk.isEmpty
            parse(chunk, from: 0, count: chunk.count, last: last)
        } else {
            let n = min(Self.chunkSize, bytes.count - offset)
            last = offset + n == bytes.count
            parse(bytes, from: offset, count: n, last: last)
            offset += n
        }
        if last { terminated = true }
        if state.refused {
            throw XMLParseError(.unsafe, "DOCTYPE declarations (entities, elements, attributes, notations) are not accepted",
                                file: name, line: state.refusedLine)
        }
        if let (entity, line) = state.refusedReference {
            throw XMLParseError(.unsafe, "entity reference &\(entity); is not accepted", file: name, line: line)
        }
        if let depthLine = state.tooDeepLine {
            let message = state.tooDeepLimit == SAXState.libxml2MaxDepth && limits.maxDepth > SAXState.libxml2MaxDepth
                ? "elements nest deeper than 256 levels; the document is refused" : "elements nest deeper than \(limits.maxDepth) levels"
            throw XMLParseError(.tooDeep, message, file: name, line: depthLine)
        }
        if state.fatal != nil || (last && ctxt.pointee.wellFormed == 0) { throw failure() }
    }

    private func parse(_ bytes: [UInt8], from offset: Int, count n: Int, last: Bool) {
        bytes.withUnsafeBufferPointer { buffer in
            let start = buffer.baseAddress.map { UnsafeRawPointer($0 + offset).assumingMemoryBound(to: CChar.self) }
            _ = xmlParseChunk(ctxt, n > 0 ? start : nil, Int32(n), last ? 1 : 0)
        }
    }

    /// The element whose start tag `next` just returned, with all its content, as `SafeXML.parse` gives it;
    /// the reader continues after its end tag.
    public func subtree(_ start: XMLTreeElement) throws(XMLParseError) -> XMLTreeElement {
        var root = start
        // Open elements below `root`, innermost last.
        var stack: [XMLTreeElement] = []
        while let event = try next() {
            switch event {
            case let .start(element):
                stack.append(element)
            case .end:
                guard let done = stack.popLast() else { return root }
                if stack.isEmpty { root.children.append(.element(done)) } else { stack[stack.count - 1].children.append(.element(done)) }
            case let .text(s):
                if stack.isEmpty { Self.appendText(s, to: &root) } else { Self.appendText(s, to: &stack[stack.count - 1]) }
            }
        }
        throw XMLParseError(.malformed, "the document ends inside <\(start.name)>", file: name)
    }

    /// Reads the rest of the document, so that errors after the last element (extra content) are reported.
    public func finish() throws(XMLParseError) {
        while try next() != nil {}
    }

    private static func appendText(_ s: String, to element: inout XMLTreeElement) {
        if case let .text(previous)? = element.children.last {
            element.children[element.children.count - 1] = .text(previous + s)
        } else {
            element.children.append(.text(s))
        }
    }

    private func failure() -> XMLParseError {
        if let (code, message, line, column) = state.fatal ?? state.last {
            return SafeXML.error(code: code, message: message, line: line, column: column, name: name)
        }
        if let err = xmlCtxtGetLastError(ctxt) {
            return SafeXML.error(code: err.pointee.code, message: err.pointee.message.map { String(cString: $0) } ?? "malformed XML",
                                 line: err.pointee.line > 0 ? Int(err.pointee.line) : nil,
                                 column: err.pointee.int2 > 0 ? Int(err.pointee.int2) : nil, name: name)
        }
        return XMLParseError(.malformed, "malformed XML", file: name)
    }
}

/// What the SAX callbacks build: the events of the current chunk and what went wrong.
private final class SAXState {
    typealias Problem = (code: Int32, message: String, line: Int?, column: Int?)
    var events: [XMLEvent] = []
    var head = 0
    var depth = 0
    let maxDepth: Int
    var refused = false
    var refusedLine: Int?
    var refusedReference: (name: String, line: Int?)?
    var tooDeepLine: Int?
    var tooDeepLimit = 0
    /// libxml2's own limit without `XML_PARSE_HUGE`, which its push parser does not apply to SAX: applied here.
    static let libxml2MaxDepth = 256
    var fatal: Problem?
    var last: Problem?
    /// libxml2 interns names and namespace URIs in its dictionary: one Swift string per pointer.
    var interned: [UnsafePointer<xmlChar>: String] = [:]

    init(maxDepth: Int) { self.maxDepth = maxDepth }

    static func of(_ ctx: UnsafeMutableRawPointer?) -> SAXState? {
        guard let ctx else { return nil }
        let ctxt = ctx.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let p = ctxt.pointee._private else { return nil }
        return Unmanaged<SAXState>.fromOpaque(p).takeUnretainedValue()
    }

    static func line(_ ctx: UnsafeMutableRawPointer?) -> Int? {
        guard let ctx else { return nil }
        return ctx.assumingMemoryBound(to: xmlParserCtxt.self).pointee.input.map { Int($0.pointee.line) }
    }

    static func refuse(_ ctx: UnsafeMutableRawPointer?) {
        guard let s = of(ctx) else { return }
        if !s.refused { s.refused = true; s.refusedLine = line(ctx) }
        xmlStopParser(ctx!.assumingMemoryBound(to: xmlParserCtxt.self))
    }

    /// The first names met, looked up by a scan of their pointers before the dictionary (a document uses few).
    private var firstKeys: [UnsafePointer<xmlChar>] = []
    private var firstNames: [String] = []

    func intern(_ p: UnsafePointer<xmlChar>?) -> String? {
        guard let p else { return nil }
        if let i = firstKeys.firstIndex(of: p) { return firstNames[i] }
        if let s = interned[p] { return s }
        let s = String(cString: p)
        if firstKeys.count < 16 {
            firstKeys.append(p)
            firstNames.append(s)
        } else if interned.count < 4096 {
            interned[p] = s
        }
        return s
    }

    func start(_ ctx: UnsafeMutableRawPointer?, _ localname: UnsafePointer<xmlChar>?, _ uri: UnsafePointer<xmlChar>?,
               _ count: Int, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
        depth += 1
        let line = Self.line(ctx) ?? 0
        if depth > min(maxDepth, SAXState.libxml2MaxDepth) {
            if tooDeepLine == nil { tooDeepLine = line; tooDeepLimit = min(maxDepth, SAXState.libxml2MaxDepth) }
            xmlStopParser(ctx!.assumingMemoryBound(to: xmlParserCtxt.self))
            return
        }
        var element = XMLTreeElement(namespace: intern(uri), name: intern(localname) ?? "", line: line)
        if count > 0, let attributes {
            element.attributes.reserveCapacity(count)
            for k in 0..<count {
                // localname, prefix, URI, value start, value end
                let a = attributes + 5 * k
                guard let start = a[3], let end = a[4] else { continue }
                var value = String(decoding: UnsafeBufferPointer(start: start, count: end - start), as: UTF8.self)
                // Without entity substitution libxml2 hands `&` in attribute values on as `&#38;`.
                if value.utf8.contains(0x26) { value = value.replacingAll("&#38;", with: "&") }
                element.attributes.append(XMLAttribute(namespace: intern(a[2]), name: intern(a[0]) ?? "", value: value))
            }
        }
        events.append(.start(element))
    }

    func text(_ ch: UnsafePointer<xmlChar>, _ len: Int) {
        let s = String(decoding: UnsafeBufferPointer(start: ch, count: len), as: UTF8.self)
        if case let .text(previous)? = events.last {
            events[events.count - 1] = .text(previous + s)
        } else {
            events.append(.text(s))
        }
    }

    func record(_ error: xmlErrorPtr) {
        let e = error.pointee
        let problem: Problem = (e.code, e.message.map { String(cString: $0) } ?? "malformed XML",
                                e.line > 0 ? Int(e.line) : nil, e.int2 > 0 ? Int(e.int2) : nil)
        if e.level == XML_ERR_FATAL, fatal == nil { fatal = problem }
        if e.level.rawValue >= XML_ERR_ERROR.rawValue { last = problem }
    }
}

private extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        var out = ""
        var rest = Substring(self)
        while let r = rest.firstRange(of: target) {
            out += rest[..<r.lowerBound]
            out += replacement
            rest = rest[r.upperBound...]
        }
        return out + rest
    }
}
