import TextServices

/// Reads a TTML document one paragraph at a time with libxml2's streaming reader, giving the cues, the
/// warnings and the track header (`header`) that `TTMLReader.read` gives for the whole document, in the same order.
///
/// `head` is read as a tree; `body` and its `div`s are followed as a stack of open containers carrying what
/// their paragraphs need from them (begin, the end their children are clipped by, region, computed style,
/// `<set>` steps, `seq` timing); each `p` is read as a tree, timed with `TTMLReader.build`/`place` and turned
/// into cues with `TTMLReader.makeParagraphCues`, then forgotten. Memory holds one paragraph, not the document.
///
/// What only the whole document decides stops the stream (`NotStreamable`), and the caller reads the whole
/// file instead: iTunes lyrics TTML (times are absolute when the namespace is used anywhere), a `head` after
/// the `body`, a `<set>` in a `div` after its content, and any error (the whole-file reader reports it). Cues
/// come in document order; the whole-file reader sorts them by (start, end), so the writer stops the stream at
/// a cue out of that order (`StreamingConversion.Fallback.unordered`).
struct TTMLStreamReader {
    struct NotStreamable: Error {
        var reason: String
    }

    private var reader: TTMLReader
    private let xml: XMLStreamReader
    /// The track without cues: language, parameters, styles, regions, body extensions.
    private(set) var header = Track()
    private var frames: [Frame] = []
    private var rootSpace = false
    private var bodyClosed = false

    /// An open `body` or `div`.
    private struct Frame {
        var element: XMLTreeElement
        var kind: TTMLReader.Node.Kind
        var preserve: Bool
        var isSeq: Bool
        /// Begin relative to the parent's begin (`Node.begin`), and the implicit begin it was built with.
        var begin: TTMLTime
        var implicitBegin: TTMLTime
        var endAttribute: TTMLTime?
        var durAttribute: TTMLTime?
        /// Warnings of `end`/`dur`, which the whole-file reader gives after the children's.
        var endDiagnostics: [Diagnostic]
        /// The running implicit end, as `build` computes it.
        var implicitEnd: TTMLTime?
        /// Absolute begin and the end children are clipped by (`place`); `active` is false when the container
        /// is never shown (never active or `display: none`): its paragraphs are still built, for their warnings.
        var absBegin: TTMLTime
        var absEnd: TTMLTime?
        var active: Bool
        var region: String?
        var props: TTMLStyleProperties
        /// `<set>` steps relative to this element's begin.
        var sets: [(begin: TTMLTime, end: TTMLTime?, props: TTMLStyleProperties)] = []
        var sawContent = false
        /// Computed for the first plain paragraph.
        var plain: PlainContext?
    }

    static let itunes = "http://music.apple.com/lyric-ttml-internal"

    init(_ bytes: [UInt8], name: String) throws {
        reader = TTMLReader(name: name)
        xml = try XMLStreamReader(bytes, name: name, limits: TTMLCodec.xmlLimits)
        try start()
    }

    /// Reads the document `source` gives a chunk at a time (`XMLStreamReader.init(name:limits:source:)`).
    init(name: String, source: @escaping XMLStreamReader.Source) throws {
        reader = TTMLReader(name: name)
        xml = try XMLStreamReader(name: name, limits: TTMLCodec.xmlLimits, source: source)
        try start()
    }

    /// The warnings found so far, in the whole-file reader's order.
    var diagnostics: [Diagnostic] { reader.diagnostics }

    private func stop(_ reason: String) -> NotStreamable { NotStreamable(reason: reason) }

    private func check(_ e: XMLTreeElement) throws {
        if e.namespace == Self.itunes || e.attributes.contains(where: { $0.namespace == Self.itunes }) { throw stop("iTunes TTML") }
    }

    private func checkTree(_ e: XMLTreeElement) throws {
        if TTMLReader.usesNamespace(e, Self.itunes) { throw stop("iTunes TTML") }
    }

    /// The next event, with every start tag checked.
    private func next() throws -> XMLEvent? {
        let event = try xml.next()
        if case let .start(e)? = event { try check(e) }
        return event
    }

    /// Reads past the end of the element whose start tag was just read.
    private func skip() throws {
        var depth = 1
        while let event = try next() {
            switch event {
            case .start: depth += 1
            case .end: depth -= 1; if depth == 0 { return }
            case .text: break
            }
        }
    }

    private mutating func subtree(_ e: XMLTreeElement) throws -> XMLTreeElement {
        let tree = try xml.subtree(e)
        try checkTree(tree)
        return tree
    }

    /// Reads the root's start tag and its children up to the `body` start tag (or the end).
    private mutating func start() throws {
        var root: XMLTreeElement?
        while let event = try next() {
            if case let .start(e) = event { root = e; break }
        }
        guard let tt = root, tt.is(TTMLNamespace.tt, "tt") else { throw stop("not TTML") }
        header.language = tt.attribute("lang", namespace: XMLNamespace.xml).flatMap { $0.isEmpty ? nil : $0 }
        try reader.readParameters(tt, into: &header)
        if let extent = tt.attribute("extent", namespace: TTMLNamespace.styling) {
            header.extensions["ttml.extent"] = extent
            reader.rootExtent = TTMLLength.rootExtent(extent)
        }
        for (attr, key) in [("profile", "ttml.profile"), ("contentProfiles", "ttml.contentProfiles"), ("cellResolution", "ttml.cellResolution")] {
            if let v = tt.attribute(attr, namespace: TTMLNamespace.parameter) { header.extensions[key] = v }
        }
        rootSpace = tt.attribute("space", namespace: XMLNamespace.xml) == "preserve"
        var headSeen = false
        while let event = try next() {
            switch event {
            case let .start(e):
                if e.is(TTMLNamespace.tt, "head") && !headSeen {
                    headSeen = true
                    try reader.readHead(try subtree(e), into: &header)
                } else if e.is(TTMLNamespace.tt, "body") {
                    try finishHead()
                    try openBody(e)
                    return
                } else {
                    try skip()
                }
            case .end:
                try finishHead()
                bodyClosed = true
                return
            case .text:
                break
            }
        }
        throw stop("document ends inside <tt>")
    }

    private mutating func finishHead() throws {
        reader.sheet = TTMLStyleSheet(header.styles)
        header.regions = reader.regions
    }

    private mutating func openBody(_ e: XMLTreeElement) throws {
        if let style = e.attribute("style") { header.extensions["ttml.body.style"] = style }
        for (k, v) in XMLElementStyles.inlineProperties(of: e) { header.extensions["ttml.body." + k] = v }
        let bodyProps = reader.sheet.specified(inherited: [:], refs: (e.attribute("style") ?? "").xmlTokens,
                                               inline: XMLElementStyles.inlineProperties(of: e))
        try open(e, kind: .body, parent: nil, implicitBegin: .zero, props: bodyProps)
    }

    /// Pushes a container as `build` starts it and `place`/`makeCues` would place and style it.
    private mutating func open(_ e: XMLTreeElement, kind: TTMLReader.Node.Kind, parent: Frame?, implicitBegin: TTMLTime,
                               props inheritedProps: TTMLStyleProperties) throws {
        let preserve: Bool
        switch e.attribute("space", namespace: XMLNamespace.xml) {
        case "preserve": preserve = true
        case "default": preserve = false
        default: preserve = parent?.preserve ?? rootSpace
        }
        let begin = implicitBegin + (try reader.time(e, "begin") ?? .zero)
        // `end` and `dur` are needed now; their warnings come after the children's, as in `build`.
        let mark = reader.diagnostics.count
        let endAttribute = try reader.time(e, "end"), durAttribute = try reader.time(e, "dur")
        let endDiagnostics = Array(reader.diagnostics[mark...])
        reader.diagnostics.removeSubrange(mark...)
        let parentBegin = parent?.absBegin ?? .zero
        let parentEnd = parent?.absEnd
        let b = parentBegin + begin
        var e2: TTMLTime? = reader.endTime(begin: begin, implicitBegin: implicitBegin, end: endAttribute, dur: durAttribute, implicitEnd: nil)
            .map { parentBegin + $0 } ?? parentEnd
        if let pe = parentEnd, let ee = e2 { e2 = Swift.min(ee, pe) }
        var active = parent?.active ?? true
        if let ee = e2, ee <= b { active = false }
        var region = parent?.region
        if let r = e.attribute("region"), reader.regions.contains(where: { $0.id == r }) { region = r }
        var props = inheritedProps
        if kind == .div {
            props = reader.sheet.specified(inherited: inheritedProps, refs: (e.attribute("style") ?? "").xmlTokens,
                                           inline: XMLElementStyles.inlineProperties(of: e))
            if props["tts:display"] == "none" { active = false }
        }
        frames.append(Frame(element: e, kind: kind, preserve: preserve, isSeq: e.attribute("timeContainer") == "seq",
                            begin: begin, implicitBegin: implicitBegin, endAttribute: endAttribute, durAttribute: durAttribute,
                            endDiagnostics: endDiagnostics, implicitEnd: begin, absBegin: b, absEnd: e2, active: active,
                            region: region, props: props))
    }

    /// Pops the innermost container, giving its parent the end `build` gives it.
    private mutating func close() throws {
        let f = frames.removeLast()
        reader.diagnostics += f.endDiagnostics
        let end = reader.endTime(begin: f.begin, implicitBegin: f.implicitBegin, end: f.endAttribute, dur: f.durAttribute,
                                 implicitEnd: f.implicitEnd)
        if frames.isEmpty { bodyClosed = true; return }
        childEnded(end)
    }

    /// What `build` does with a child's end in its parent's implicit end.
    private mutating func childEnded(_ end: TTMLTime?) {
        let i = frames.count - 1
        let begin = frames[i].begin
        if frames[i].isSeq {
            frames[i].implicitEnd = end.map { $0 + begin }
        } else if let ie = frames[i].implicitEnd, let ce = end {
            frames[i].implicitEnd = Swift.max(ie, begin + ce)
        } else {
            frames[i].implicitEnd = nil
        }
    }

    /// The implicit begin of the next child of the innermost container; nil when nothing starts any more
    /// (after an indefinite child of a `seq`).
    private func childBegin() -> TTMLTime? {
        let i = frames.count - 1
        guard frames[i].isSeq else { return .zero }
        guard let ie = frames[i].implicitEnd else { return nil }
        return ie - frames[i].begin
    }

    /// The cues of the next paragraphs that give some; nil at the end of the document.
    mutating func nextCues() throws -> [Cue]? {
        while !bodyClosed {
            guard let event = try next() else { throw stop("document ends inside <body>") }
            switch event {
            case .text:
                continue
            case .end:
                try close()
            case let .start(e):
                // Fields are read in place: a copy of the frame costs a retain and release of each of them.
                let top = frames.count - 1
                guard e.namespace == TTMLNamespace.tt else { try skip(); continue }
                switch (frames[top].kind, e.name) {
                case (_, "set"):
                    if frames[top].sawContent && frames[top].kind == .div { throw stop("<set> after the content of its <div>") }
                    let c = try subtree(e)
                    let sb = (try reader.time(c, "begin")) ?? .zero
                    let se = reader.endTime(begin: sb, implicitBegin: .zero, end: try reader.time(c, "end"), dur: try reader.time(c, "dur"), implicitEnd: nil)
                    frames[frames.count - 1].sets.append((sb, se, XMLElementStyles.inlineProperties(of: c)))
                case (.body, "div"), (.div, "div"):
                    frames[frames.count - 1].sawContent = true
                    guard let ib = childBegin() else { try skip(); continue }
                    let parent = frames[top]
                    try open(e, kind: .div, parent: parent, implicitBegin: ib, props: parent.props)
                case (.div, "p"):
                    frames[frames.count - 1].sawContent = true
                    guard let ib = childBegin() else { try skip(); continue }
                    let p = try subtree(e)
                    if Self.isPlain(p), frames[top].sets.isEmpty, let context = plainContext() {
                        guard let cue = try plainCue(p, implicitBegin: ib, context: context) else { continue }
                        return [cue]
                    }
                    let parent = frames[top]
                    let built = try reader.build(p, kind: .p, parentIsSeq: parent.isSeq, implicitBegin: ib, preserve: parent.preserve)
                    childEnded(built.end)
                    if let ce = built.end, ce == built.begin { continue } // no temporal extent
                    guard parent.active,
                          let placed = reader.place(built, parentBegin: parent.absBegin, parentEnd: parent.absEnd, inherited: parent.region) else { continue }
                    var cues: [Cue] = []
                    reader.makeParagraphCues(placed, inherited: parent.props, div: placedDiv(), into: &cues)
                    guard !cues.isEmpty else { continue }
                    return cues
                default:
                    try skip()
                }
            }
        }
        // After the body: only a head would change anything.
        while let event = try next() {
            if case let .start(e) = event {
                // The whole-file reader would take a first `head` from here; a second one changes nothing, but is rare.
                if e.is(TTMLNamespace.tt, "head") { throw stop("<head> after <body>") }
                try skip()
            }
        }
        return nil
    }

    // MARK: Plain paragraphs

    /// A paragraph with timing and an id only, holding text and bare `<br/>`s: most of any real file. It is turned
    /// into its cue directly, with what `build`, `place` and `makeParagraphCues` would do for it, and the styling
    /// of its `div` (the same for all such paragraphs of that `div`) computed once (`PlainContext`).
    static func isPlain(_ p: XMLTreeElement) -> Bool {
        for a in p.attributes {
            switch (a.namespace, a.name) {
            case (nil, "begin"), (nil, "end"), (nil, "dur"), (XMLNamespace.xml?, "id"), (TTMLIdentifiers.namespace?, "id"): continue
            default: return false
            }
        }
        for child in p.children {
            if case let .element(c) = child {
                guard c.namespace == TTMLNamespace.tt, c.name == "br", c.attributes.isEmpty, c.children.isEmpty else { return false }
            }
        }
        return true
    }

    /// What a plain paragraph of the innermost container takes from it and its region.
    struct PlainContext {
        /// False when such a paragraph gives no cue (it flows into no region, or `display: none`).
        var shown: Bool
        var deco: TTMLDecorations
        var outer: TTMLDecorations
        var regionID: String?
        var anchor: Placement.Anchor?
        var extensions: [String: String]
    }

    /// The innermost container's `PlainContext` (computed once); nil when its region is timed (the slow path clips).
    private mutating func plainContext() -> PlainContext? {
        let i = frames.count - 1
        if let c = frames[i].plain { return c }
        let f = frames[i]
        let region = f.region
        if let r = region, let (rb, re) = reader.regionActive[r], rb != .zero || re != nil { return nil }
        var outer = reader.regionProperties(region)
        outer.merge(f.props) { _, new in new }
        let pProps = reader.sheet.specified(inherited: outer, refs: [], inline: [:])
        var extensions: [String: String] = [:]
        if let s = f.element.attribute("style") { extensions["ttml.div.style"] = s }
        for (k, v) in XMLElementStyles.inlineProperties(of: f.element) { extensions["ttml.div." + k] = v }
        if let r = f.element.attribute("region") {
            extensions["ttml.div.region"] = r
            extensions["ttml.p.regionInherited"] = "true"
        }
        let context = PlainContext(
            shown: !(!reader.regions.isEmpty && region == nil) && pProps["tts:display"] != "none",
            deco: TTMLDecorations(pProps), outer: TTMLDecorations(outer),
            regionID: f.element.attribute("region") != nil || reader.regions.count > 0 ? region : nil,
            anchor: region.flatMap { r in reader.regions.first { $0.id == r } }?.ttmlAnchor(sheet: reader.sheet, rootExtent: reader.rootExtent),
            extensions: extensions)
        frames[i].plain = context
        return context
    }

    /// The cue of a plain paragraph (nil: none), with `build`'s timing, warnings and implicit end.
    private mutating func plainCue(_ p: XMLTreeElement, implicitBegin ib: TTMLTime, context: PlainContext) throws -> Cue? {
        let top = frames.count - 1
        let begin = ib + (try reader.time(p, "begin") ?? .zero)
        let endAttribute = try reader.time(p, "end"), durAttribute = try reader.time(p, "dur")
        // Text and line breaks have no end of their own: a paragraph with content is indefinite unless timed.
        let end = reader.endTime(begin: begin, implicitBegin: ib, end: endAttribute, dur: durAttribute,
                                 implicitEnd: p.children.isEmpty ? begin : nil)
        childEnded(end)
        if let ce = end, ce == begin { return nil } // no temporal extent
        guard frames[top].active, context.shown else { return nil }
        let absBegin = frames[top].absBegin, absEnd = frames[top].absEnd, preserve = frames[top].preserve
        let b = absBegin + begin
        var e = end.map { absBegin + $0 } ?? absEnd
        if let pe = absEnd, let ee = e { e = Swift.min(ee, pe) }
        if let ee = e, ee <= b { return nil }
        var tokens: [TTMLReader.Token] = []
        tokens.reserveCapacity(p.children.count)
        for child in p.children {
            switch child {
            case let .text(s): tokens.append(.text(s, preserve: preserve))
            case .element: tokens.append(.lineBreak)
            }
        }
        var nodes = TTMLReader.buildInlines(TTMLReader.normalize(tokens))
        let surelyShown = nodes.contains { if case let .text(s) = $0 { UTF8Scan.surelyHasNonWhitespace(s) } else { false } }
        if !surelyShown, CueText(nodes).isEmpty { return nil }
        nodes = context.deco.wrap(nodes, outside: context.outer)
        let start = b.timestamp
        let stop = e?.timestamp ?? TTMLCodec.indefiniteEnd
        guard stop > start, let span = TimeSpan(start: start, end: stop) else { return nil }
        var cue = Cue(timing: span, text: CueText(nodes))
        cue.id = p.attribute("id", namespace: TTMLIdentifiers.namespace) ?? p.attribute("id", namespace: XMLNamespace.xml)
        cue.placement.regionID = context.regionID
        cue.placement.anchor = context.anchor
        cue.extensions = context.extensions
        if e == nil { cue.extensions["ttml.end"] = "indefinite" }
        return cue
    }

    /// The innermost `div` as `place` gives it (what `makeParagraphCues` reads of it: its element and `<set>` steps).
    private func placedDiv() -> TTMLReader.Placed? {
        guard let f = frames.last(where: { $0.kind == .div }) else { return nil }
        let b = f.absBegin
        return TTMLReader.Placed(kind: .div, element: f.element, begin: b, end: f.absEnd, children: [],
                                 sets: f.sets.map { s in (begin: b + s.begin, end: s.end.map { b + $0 }, props: s.props) },
                                 preserve: f.preserve, region: f.region)
    }
}
