import TextServices

/// Reads a TTML2 / IMSC 1.1 text document into a `Track`.
///
/// Timing follows TTML2's time containment: every `begin`/`end`/`dur` on body, div, p, span (and
/// region, br, set) is resolved against its parent (`par` or `seq`) to absolute times. A paragraph
/// whose descendants change over time is split at those instants into several cues, each holding what
/// is shown in its interval.
struct TTMLReader {
    let name: String
    var diagnostics: [Diagnostic] = []
    var params = TTMLTimingParameters()
    var regions: [DocumentRegion] = []
    var regionTimes: [(TTMLTime, TTMLTime?)] = []
    /// When each region is active (absolute; nil end: indefinite).
    var regionActive: [String: (TTMLTime, TTMLTime?)] = [:]
    var sheet = TTMLStyleSheet([])
    var rootExtent: (Double, Double)?
    /// Apple iTunes lyrics TTML writes every time as an absolute media time, not relative to the parent.
    var absoluteTimes = false

    init(name: String) { self.name = name }

    /// A content element with its times relative to its parent's begin (nil end: indefinite).
    struct Node {
        enum Kind: Equatable { case body, div, p, span, br, text(String) }
        var kind: Kind
        var element: XMLTreeElement?
        var begin: TTMLTime
        var end: TTMLTime?
        var children: [Node] = []
        /// `<set>` animations: times relative to this element's begin and the properties they set.
        var sets: [(begin: TTMLTime, end: TTMLTime?, props: TTMLStyleProperties)] = []
        var preserve: Bool
    }

    /// A content element placed on the absolute timeline.
    struct Placed {
        var kind: Node.Kind
        var element: XMLTreeElement?
        var begin: TTMLTime
        var end: TTMLTime?
        var children: [Placed]
        var sets: [(begin: TTMLTime, end: TTMLTime?, props: TTMLStyleProperties)]
        var preserve: Bool
        /// The region this element is associated with (its own `region` or inherited).
        var region: String?
        /// Whether the element carries content children in the timing model (text counts).
        var hasChildren: Bool { !children.isEmpty }
    }

    func location(_ line: Int?) -> SourceLocation { SourceLocation(file: name, line: line) }

    // MARK: Document

    mutating func read(_ doc: XMLTreeDocument) throws(CodecError) -> (track: Track, significantTimes: [TTMLTime]) {
        let tt = doc.root
        guard tt.is(TTMLNamespace.tt, "tt") else {
            throw CodecError(.syntax, "root element is not <tt> in the TTML namespace", at: location(tt.line))
        }
        var track = Track()
        track.language = tt.attribute("lang", namespace: XMLNamespace.xml).flatMap { $0.isEmpty ? nil : $0 }
        try readParameters(tt, into: &track)
        if let extent = tt.attribute("extent", namespace: TTMLNamespace.styling) {
            track.extensions["ttml.extent"] = extent
            rootExtent = TTMLLength.rootExtent(extent)
        }
        for (attr, key) in [("profile", "ttml.profile"), ("contentProfiles", "ttml.contentProfiles"), ("cellResolution", "ttml.cellResolution")] {
            if let v = tt.attribute(attr, namespace: TTMLNamespace.parameter) { track.extensions[key] = v }
        }
        let rootSpace = tt.attribute("space", namespace: XMLNamespace.xml) == "preserve"
        absoluteTimes = Self.usesNamespace(tt, "http://music.apple.com/lyric-ttml-internal")
        if absoluteTimes {
            diagnostics.append(Diagnostic(.note, "iTunes lyrics TTML: times read as absolute media times", at: location(tt.line)))
            track.extensions["ttml.dialect"] = "itunes"
        }

        if let head = tt.elements(TTMLNamespace.tt, "head").first { try readHead(head, into: &track) }
        sheet = TTMLStyleSheet(track.styles)
        track.regions = regions

        var significant = Set<TTMLTime>()
        for (b, e) in regionTimes {
            if let e, e <= b { continue }
            significant.insert(b)
            if let e { significant.insert(e) }
        }
        guard let bodyElement = tt.elements(TTMLNamespace.tt, "body").first else {
            return (track, significant.sorted())
        }
        if let style = bodyElement.attribute("style") { track.extensions["ttml.body.style"] = style }
        for (k, v) in XMLElementStyles.inlineProperties(of: bodyElement) { track.extensions["ttml.body." + k] = v }

        let body = try build(bodyElement, kind: .body, parentIsSeq: false, implicitBegin: .zero, preserve: rootSpace)
        guard let placed = place(body, parentBegin: .zero, parentEnd: nil, inherited: nil) else {
            return (track, significant.sorted())
        }

        // Significant times as an ISD sequence sees them: with several regions, each region's view of the
        // body counts separately (content flowing into no region is left out).
        let regionIDs = Set(regions.map(\.id))
        if regionIDs.count > 1 {
            for r in regionIDs { collectTimes(placed, selected: r, into: &significant) }
        } else {
            collectTimes(placed, selected: nil, into: &significant)
        }

        var cues: [Cue] = []
        let bodyProps = sheet.specified(inherited: [:], refs: (bodyElement.attribute("style") ?? "").xmlTokens,
                                        inline: XMLElementStyles.inlineProperties(of: bodyElement))
        makeCues(placed, inherited: bodyProps, div: nil, into: &cues)
        cues.sort { ($0.start, $0.end) < ($1.start, $1.end) }
        track.cues = cues
        return (track, significant.sorted())
    }

    mutating func readParameters(_ tt: XMLTreeElement, into track: inout Track) throws(CodecError) {
        let ns = TTMLNamespace.parameter
        var frameRateGiven = false
        if let v = tt.attribute("frameRate", namespace: ns) {
            guard let fr = Int64(v.trimmingWhitespace()), fr > 0 else {
                throw CodecError(.syntax, "invalid ttp:frameRate \"\(v)\"", at: location(tt.line))
            }
            params.frameRate = fr
            frameRateGiven = true
        }
        if let v = tt.attribute("frameRateMultiplier", namespace: ns) {
            let t = v.xmlTokens
            guard t.count == 2, let n = Int64(t[0]), let d = Int64(t[1]), n > 0, d > 0 else {
                throw CodecError(.syntax, "invalid ttp:frameRateMultiplier \"\(v)\"", at: location(tt.line))
            }
            params.multiplier = TTMLTime(n, d)
            track.extensions["ttml.frameRateMultiplier"] = v
        }
        if let v = tt.attribute("subFrameRate", namespace: ns) {
            guard let n = Int64(v.trimmingWhitespace()), n > 0 else {
                throw CodecError(.syntax, "invalid ttp:subFrameRate \"\(v)\"", at: location(tt.line))
            }
            params.subFrameRate = n
            track.extensions["ttml.subFrameRate"] = v
        }
        if let v = tt.attribute("tickRate", namespace: ns) {
            guard let n = Int64(v.trimmingWhitespace()), n > 0 else {
                throw CodecError(.syntax, "invalid ttp:tickRate \"\(v)\"", at: location(tt.line))
            }
            params.tickRate = TTMLTime(n)
            track.extensions["ttml.tickRate"] = v
        } else if frameRateGiven {
            params.tickRate = params.effectiveFrameRate
        }
        if frameRateGiven {
            let eff = params.effectiveFrameRate
            if eff.num <= Int64(Int.max), eff.den <= Int64(Int.max) { track.frameRate = FrameRate(Int(eff.num), Int(eff.den)) }
        }
        if let base = tt.attribute("timeBase", namespace: ns), base != "media" {
            diagnostics.append(Diagnostic(.warning, "ttp:timeBase=\"\(base)\" is not supported; times are read as media time",
                                          at: location(tt.line)))
            track.extensions["ttml.timeBase"] = base
        }
    }

    // MARK: Head

    mutating func readHead(_ head: XMLTreeElement, into track: inout Track) throws(CodecError) {
        for styling in head.elements(TTMLNamespace.tt, "styling") {
            for s in styling.elements(TTMLNamespace.tt, "style") {
                guard let id = s.attribute("id", namespace: XMLNamespace.xml) else {
                    diagnostics.append(Diagnostic(.warning, "<style> without xml:id is ignored", at: location(s.line)))
                    continue
                }
                track.styles.append(DocumentStyle(id: id, properties: XMLElementStyles.inlineProperties(of: s),
                                                  parents: (s.attribute("style") ?? "").xmlTokens))
            }
        }
        for layout in head.elements(TTMLNamespace.tt, "layout") {
            for r in layout.elements(TTMLNamespace.tt, "region") {
                guard let id = r.attribute("id", namespace: XMLNamespace.xml) else {
                    diagnostics.append(Diagnostic(.warning, "<region> without xml:id is ignored", at: location(r.line)))
                    continue
                }
                var props: TTMLStyleProperties = [:]
                for nested in r.elements(TTMLNamespace.tt, "style") {
                    props.merge(XMLElementStyles.inlineProperties(of: nested)) { _, new in new }
                }
                props.merge(XMLElementStyles.inlineProperties(of: r)) { _, new in new }
                regions.append(DocumentRegion(id: id, properties: props, styleRefs: (r.attribute("style") ?? "").xmlTokens))
                // Region timing (relative to the document start) and its <set> steps.
                let b = try time(r, "begin") ?? .zero
                let end = try time(r, "end"), dur = try time(r, "dur")
                let e = endTime(begin: b, implicitBegin: .zero, end: end, dur: dur, implicitEnd: nil)
                regionTimes.append((b, e))
                regionActive[id] = (b, e)
                for set in r.elements(TTMLNamespace.tt, "set") {
                    let sb = try time(set, "begin") ?? .zero
                    let se = endTime(begin: sb, implicitBegin: .zero, end: try time(set, "end"), dur: try time(set, "dur"), implicitEnd: nil)
                    var clipped = se
                    if let e { clipped = se.map { Swift.min($0, e) } ?? e }
                    regionTimes.append((sb, clipped))
                }
            }
        }
    }

    // MARK: Timing

    mutating func time(_ e: XMLTreeElement, _ attr: String) throws(CodecError) -> TTMLTime? {
        guard let raw = e.attribute(attr) else { return nil }
        if let clock = Self.plainClockTime(raw) { return clock }
        if let seconds = TTMLTime(decimal: Substring(raw.trimmingWhitespace())) {
            guard !seconds.isOutOfRange else {
                throw CodecError(.syntax, "time expression \(attr)=\"\(raw)\" on <\(e.name)> is out of range", at: location(e.line))
            }
            // Not TTML (a metric is required) but written by some tools: read as seconds.
            diagnostics.append(Diagnostic(.warning, "time expression \(attr)=\"\(raw)\" has no unit; read as seconds",
                                          at: location(e.line)))
            return seconds
        }
        let parts = raw.trimmingWhitespace().split(separator: ":")
        if parts.count == 2, let m = Int64(parts[0]), m >= 0, let sec = TTMLTime(decimal: parts[1]) {
            // `m:ss.fff`, also seen in the wild (Apple iTunes TTML).
            diagnostics.append(Diagnostic(.warning, "time expression \(attr)=\"\(raw)\" is not TTML; read as minutes:seconds",
                                          at: location(e.line)))
            let value = TTMLTime(m) * TTMLTime(60) + sec
            guard !value.isOutOfRange else {
                throw CodecError(.syntax, "time expression \(attr)=\"\(raw)\" on <\(e.name)> is out of range", at: location(e.line))
            }
            return value
        }
        guard let t = params.parse(raw) else {
            throw CodecError(.syntax, "invalid time expression \(attr)=\"\(raw)\" on <\(e.name)>", at: location(e.line))
        }
        return t
    }

    /// `HH:MM:SS` or `HH:MM:SS.fff…` (two to five hour digits, up to 9 fraction digits, nothing around it): the
    /// value `TTMLTimingParameters.parse` gives it, read from the bytes (the common case of every real file; long
    /// files reach three-digit hours). Longer hours are left to the general parser, which caps the range.
    static func plainClockTime(_ raw: String) -> TTMLTime? {
        var raw = raw
        return raw.withUTF8 { b -> TTMLTime? in
            let n = b.count
            var h = 0
            while h < n, h < 6, b[h] &- 0x30 < 10 { h += 1 }
            guard h >= 2, h <= 5, n == h + 6 || (n >= h + 8 && n <= h + 15), b[h] == 0x3A, b[h + 3] == 0x3A else { return nil }
            func digit(_ i: Int) -> Int64? { b[i] &- 0x30 < 10 ? Int64(b[i] &- 0x30) : nil }
            guard let m1 = digit(h + 1), let m2 = digit(h + 2), let s1 = digit(h + 4), let s2 = digit(h + 5) else { return nil }
            var hours: Int64 = 0
            for i in 0..<h { hours = hours * 10 + Int64(b[i] &- 0x30) }
            let minutes = m1 * 10 + m2, seconds = s1 * 10 + s2
            guard minutes < 60, seconds <= 60 else { return nil }
            var value = (hours * 60 + minutes) * 60 + seconds
            var scale: Int64 = 1
            if n > h + 6 {
                guard b[h + 6] == 0x2E else { return nil }
                for i in (h + 7)..<n {
                    guard let d = digit(i) else { return nil }
                    value = value * 10 + d
                    scale *= 10
                }
            }
            return TTMLTime(value, scale)
        }
    }

    func endTime(begin: TTMLTime, implicitBegin: TTMLTime, end: TTMLTime?, dur: TTMLTime?, implicitEnd: TTMLTime?) -> TTMLTime? {
        switch (end, dur) {
        case let (e?, d?): return Swift.min(begin + d, implicitBegin + e)
        case let (nil, d?): return begin + d
        case let (e?, nil): return implicitBegin + e
        case (nil, nil): return implicitEnd
        }
    }

    /// Builds the timed tree of a content element, with times relative to its parent's begin.
    mutating func build(_ e: XMLTreeElement, kind: Node.Kind, parentIsSeq: Bool, implicitBegin: TTMLTime, preserve inheritedPreserve: Bool) throws(CodecError) -> Node {
        let preserve: Bool
        switch e.attribute("space", namespace: XMLNamespace.xml) {
        case "preserve": preserve = true
        case "default": preserve = false
        default: preserve = inheritedPreserve
        }
        let isSeq = e.attribute("timeContainer") == "seq"
        let begin = implicitBegin + (try time(e, "begin") ?? .zero)
        let mixed = kind == .p || kind == .span
        var implicitEnd: TTMLTime? = (kind == .br && !parentIsSeq) ? nil : begin
        var node = Node(kind: kind, element: e, begin: begin, end: nil, preserve: preserve)

        for child in e.children {
            switch child {
            case let .text(s):
                if mixed && !isSeq {
                    node.children.append(Node(kind: .text(s), element: nil, begin: .zero, end: nil, preserve: preserve))
                    implicitEnd = nil
                }
            case let .element(c):
                guard c.namespace == TTMLNamespace.tt else { continue }
                let childKind: Node.Kind
                switch (kind, c.name) {
                case (.body, "div"), (.div, "div"): childKind = .div
                case (.div, "p"): childKind = .p
                case (.p, "span"), (.span, "span"): childKind = .span
                case (.p, "br"), (.span, "br"): childKind = .br
                case (_, "set"):
                    let sb = (try time(c, "begin")) ?? .zero
                    let se = endTime(begin: sb, implicitBegin: .zero, end: try time(c, "end"), dur: try time(c, "dur"), implicitEnd: nil)
                    node.sets.append((sb, se, XMLElementStyles.inlineProperties(of: c)))
                    continue
                default:
                    continue // metadata, animation containers, image and foreign elements
                }
                var childBegin = TTMLTime.zero
                if isSeq {
                    guard let ie = implicitEnd else { continue } // after an indefinite child nothing starts
                    childBegin = ie - begin
                }
                let built = try build(c, kind: childKind, parentIsSeq: isSeq, implicitBegin: childBegin, preserve: preserve)
                if isSeq {
                    implicitEnd = built.end.map { $0 + begin }
                } else if let ie = implicitEnd, let ce = built.end {
                    implicitEnd = Swift.max(ie, begin + ce)
                } else {
                    implicitEnd = nil
                }
                if let ce = built.end, ce == built.begin { continue } // no temporal extent
                node.children.append(built)
            }
        }
        node.end = endTime(begin: begin, implicitBegin: implicitBegin, end: try time(e, "end"), dur: try time(e, "dur"), implicitEnd: implicitEnd)
        return node
    }

    /// Places a node on the absolute timeline; nil when it is never active.
    static func usesNamespace(_ e: XMLTreeElement, _ ns: String) -> Bool {
        if e.attributes.contains(where: { $0.namespace == ns }) || e.namespace == ns { return true }
        return e.elements.contains { usesNamespace($0, ns) }
    }

    func place(_ node: Node, parentBegin: TTMLTime, parentEnd: TTMLTime?, inherited: String?) -> Placed? {
        let base = absoluteTimes && node.element?.attribute("begin") != nil ? TTMLTime.zero : parentBegin
        let b = base + node.begin
        var e = node.end.map { (absoluteTimes ? TTMLTime.zero : parentBegin) + $0 } ?? parentEnd
        if let pe = parentEnd, let ee = e { e = Swift.min(ee, pe) }
        if let ee = e, ee <= b { return nil }
        var region = inherited
        if let r = node.element?.attribute("region") {
            if regions.contains(where: { $0.id == r }) { region = r }
        }
        let children = node.children.compactMap { place($0, parentBegin: b, parentEnd: e, inherited: region) }
        let sets = node.sets.map { s in (begin: b + s.begin, end: s.end.map { b + $0 }, props: s.props) }
        return Placed(kind: node.kind, element: node.element, begin: b, end: e, children: children, sets: sets,
                      preserve: node.preserve, region: region)
    }

    func collectTimes(_ node: Placed, selected: String?, into times: inout Set<TTMLTime>) {
        if let selected {
            let kept = node.region == selected || (node.region == nil && node.hasChildren)
            if !kept { return }
        }
        times.insert(node.begin)
        if let e = node.end { times.insert(e) }
        for s in node.sets {
            var sb = s.begin, se = s.end
            if let e = node.end { se = se.map { Swift.min($0, e) } ?? e; sb = Swift.min(sb, e) }
            if let x = se, x <= sb { continue }
            times.insert(sb)
            if let x = se { times.insert(x) }
        }
        for c in node.children { collectTimes(c, selected: selected, into: &times) }
    }

    // MARK: Cues

    func regionProperties(_ id: String?) -> TTMLStyleProperties {
        guard let id, let r = regions.first(where: { $0.id == id }) else { return [:] }
        var props = sheet.properties(referencing: r.styleRefs)
        props.merge(r.properties) { _, new in new }
        return props
    }

    func activeSetProperties(_ node: Placed, at t: TTMLTime) -> TTMLStyleProperties {
        var out: TTMLStyleProperties = [:]
        for s in node.sets where s.begin <= t && (s.end.map { t < $0 } ?? true) {
            out.merge(s.props) { _, new in new }
        }
        return out
    }

    func makeCues(_ node: Placed, inherited: TTMLStyleProperties, div: Placed?, into cues: inout [Cue]) {
        switch node.kind {
        case .body, .div:
            var props = inherited
            if node.kind == .div, let e = node.element {
                props = sheet.specified(inherited: inherited, refs: (e.attribute("style") ?? "").xmlTokens,
                                        inline: XMLElementStyles.inlineProperties(of: e))
                if props["tts:display"] == "none" { return }
            }
            for c in node.children { makeCues(c, inherited: props, div: node.kind == .div ? node : div, into: &cues) }
        case .p:
            makeParagraphCues(node, inherited: inherited, div: div, into: &cues)
        default:
            break
        }
    }

    func makeParagraphCues(_ p: Placed, inherited: TTMLStyleProperties, div: Placed?, into cues: inout [Cue]) {
        guard let e = p.element else { return }
        // Instants inside the paragraph where something starts, stops or is animated.
        var times = Set<TTMLTime>()
        func collect(_ n: Placed) {
            times.insert(n.begin)
            if let x = n.end { times.insert(x) }
            for s in n.sets {
                times.insert(s.begin)
                if let x = s.end { times.insert(x) }
            }
            for c in n.children { collect(c) }
        }
        collect(p)
        if let d = div {
            for s in d.sets { times.insert(s.begin); if let x = s.end { times.insert(x) } }
        }
        let points = times.filter { t in t >= p.begin && (p.end.map { e in t <= e } ?? true) }.sorted()
        var bounds: [(TTMLTime, TTMLTime?)] = []
        for (i, t) in points.enumerated() {
            if let e = p.end, t >= e { break }
            bounds.append((t, i + 1 < points.count ? points[i + 1] : nil))
        }
        let refs = (e.attribute("style") ?? "").xmlTokens
        let region = p.region ?? firstLeafRegion(p)
        if !regions.isEmpty && region == nil { return } // flows into no region: not presented
        let active = region.flatMap { regionActive[$0] }
        if let (rb, re) = active {
            // Content shows only while its region is active.
            var clipped: [(TTMLTime, TTMLTime?)] = []
            for (t0, t1) in bounds {
                var cuts = [t0]
                if rb > t0 && (t1.map { rb < $0 } ?? true) { cuts.append(rb) }
                if let re, re > t0 && (t1.map { re < $0 } ?? true) { cuts.append(re) }
                for (i, c) in cuts.enumerated() { clipped.append((c, i + 1 < cuts.count ? cuts[i + 1] : t1)) }
            }
            bounds = clipped.filter { b in b.0 >= rb && (re.map { b.0 < $0 } ?? true) }
        }
        let regionProps = regionProperties(region)
        var outer = regionProps
        outer.merge(inherited) { _, new in new }
        var index = 0
        for (t0, t1) in bounds {
            let end = t1 ?? p.end.map { pe in active?.1.map { Swift.min($0, pe) } ?? pe } ?? active?.1
            var inline = XMLElementStyles.inlineProperties(of: e)
            inline.merge(activeSetProperties(p, at: t0)) { _, new in new }
            let pProps = sheet.specified(inherited: outer, refs: refs, inline: inline)
            if pProps["tts:display"] == "none" { continue }
            var tokens: [Token] = []
            let deco = TTMLDecorations(pProps)
            for c in p.children { flatten(c, at: t0, inherited: pProps, deco: deco, region: region, into: &tokens) }
            var nodes = TTMLReader.rubies(TTMLReader.buildInlines(TTMLReader.normalize(tokens)))
            if CueText(nodes).isEmpty { continue }
            nodes = deco.wrap(nodes, outside: TTMLDecorations(outer))
            let start = t0.timestamp
            let stop = end?.timestamp ?? TTMLCodec.indefiniteEnd
            guard stop > start, let span = TimeSpan(start: start, end: stop) else { continue }
            var cue = Cue(timing: span, text: CueText(nodes))
            // The model id locctl wrote beside a sanitised xml:id wins over the xml:id.
            if let id = e.attribute("id", namespace: TTMLIdentifiers.namespace) ?? e.attribute("id", namespace: XMLNamespace.xml) {
                cue.id = index == 0 ? id : "\(id)-\(index + 1)"
            }
            cue.styleRefs = refs
            cue.properties = inline
            cue.placement.regionID = p.element?.attribute("region") != nil || div?.element?.attribute("region") != nil || regions.count > 0 ? region : nil
            if let r = region, let doc = regions.first(where: { $0.id == r }) {
                cue.placement.anchor = doc.ttmlAnchor(sheet: sheet, rootExtent: rootExtent)
            }
            if end == nil { cue.extensions["ttml.end"] = "indefinite" }
            if let lang = e.attribute("lang", namespace: XMLNamespace.xml) { cue.extensions["ttml.lang"] = lang }
            if let d = div?.element {
                if let s = d.attribute("style") { cue.extensions["ttml.div.style"] = s }
                for (k, v) in XMLElementStyles.inlineProperties(of: d) { cue.extensions["ttml.div." + k] = v }
                if let r = d.attribute("region") { cue.extensions["ttml.div.region"] = r }
            }
            if p.element?.attribute("region") == nil, cue.extensions["ttml.div.region"] != nil {
                cue.extensions["ttml.p.regionInherited"] = "true"
            }
            cues.append(cue)
            index += 1
        }
    }

    func firstLeafRegion(_ n: Placed) -> String? {
        if n.region != nil { return n.region }
        for c in n.children { if let r = firstLeafRegion(c) { return r } }
        return nil
    }

    // MARK: Inline content

    enum Token: Equatable {
        case text(String, preserve: Bool)
        case lineBreak
        case open(Span)
        case close
    }

    func flatten(_ n: Placed, at t: TTMLTime, inherited: TTMLStyleProperties, deco: TTMLDecorations, region: String?, into tokens: inout [Token]) {
        guard n.begin <= t, n.end.map({ t < $0 }) ?? true else { return }
        if !regions.isEmpty, let r = n.region, r != region { return }
        switch n.kind {
        case let .text(s):
            tokens.append(.text(s, preserve: n.preserve))
        case .br:
            tokens.append(.lineBreak)
        case .span:
            guard let e = n.element else { return }
            var inline = XMLElementStyles.inlineProperties(of: e)
            inline.merge(activeSetProperties(n, at: t)) { _, new in new }
            let refs = (e.attribute("style") ?? "").xmlTokens
            let props = sheet.specified(inherited: inherited, refs: refs, inline: inline)
            if props["tts:display"] == "none" { return }
            let mine = TTMLDecorations(props)
            // Decoration-only inline attributes are represented by the decoration spans alone.
            var rest = inline
            var spanRefs = refs
            // Ruby roles stay on the span (also when a referenced style gives them) for `rubies`; the styles
            // that give them are not kept as references, so a written ruby does not become ruby twice.
            if let role = inline["tts:ruby"] ?? sheet.properties(referencing: refs)["tts:ruby"] {
                rest["tts:ruby"] = role
                spanRefs = refs.filter { sheet.properties(referencing: [$0])["tts:ruby"] == nil }
            }
            if mine.italic, TTMLDecorations(["tts:fontStyle": rest["tts:fontStyle"] ?? ""]).italic { rest["tts:fontStyle"] = nil }
            if mine.bold, rest["tts:fontWeight"] == "bold" { rest["tts:fontWeight"] = nil }
            if mine.underline, rest["tts:textDecoration"] == "underline" { rest["tts:textDecoration"] = nil }
            var opened = 0
            if !rest.isEmpty || !spanRefs.isEmpty {
                tokens.append(.open(Span(.styled, properties: rest, styleRefs: spanRefs)))
                opened += 1
            }
            if mine.bold && !deco.bold { tokens.append(.open(Span(.bold))); opened += 1 }
            if mine.italic && !deco.italic { tokens.append(.open(Span(.italic))); opened += 1 }
            if mine.underline && !deco.underline { tokens.append(.open(Span(.underline))); opened += 1 }
            for c in n.children { flatten(c, at: t, inherited: props, deco: mine, region: region, into: &tokens) }
            for _ in 0..<opened { tokens.append(.close) }
        default:
            break
        }
    }

    /// TTML whitespace handling: with `xml:space="default"`, line feeds become spaces, runs of spaces
    /// collapse to one, and spaces at the start and end of lines go; `preserve` keeps them and turns
    /// line feeds into line breaks.
    static func normalize(_ tokens: [Token]) -> [Token] {
        // Text without white space (and not preserved) is kept as it is, and there is nothing to trim.
        let untouched = tokens.allSatisfy { t in
            switch t {
            case let .text(s, preserve): !preserve && !Self.hasXMLSpace(s)
            default: true
            }
        }
        if untouched { return tokens }
        var expanded: [Token] = []
        for t in tokens {
            if case let .text(s, true) = t {
                var line = ""
                for ch in s {
                    if ch == "\n" || ch == "\r\n" || ch == "\r" {
                        expanded.append(.text(line, preserve: true))
                        expanded.append(.lineBreak)
                        line = ""
                    } else {
                        line.append(ch)
                    }
                }
                expanded.append(.text(line, preserve: true))
            } else {
                expanded.append(t)
            }
        }
        var atLineStart = true, lastSpace = false
        var out: [Token] = []
        for t in expanded {
            switch t {
            case let .text(s, preserve):
                if preserve {
                    out.append(t)
                    if !s.isEmpty { atLineStart = false; lastSpace = s.last == " " }
                } else if !s.utf8.contains(where: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                    // No white space: kept as it is (the loop below would copy it character by character).
                    out.append(t)
                    if !s.isEmpty { lastSpace = false; atLineStart = false }
                } else if let r = collapsedWhiteSpace(s, atLineStart: &atLineStart, lastSpace: &lastSpace) {
                    out.append(.text(r, preserve: false))
                } else {
                    var r = ""
                    for ch in s {
                        let isSpace = ch == " " || ch == "\t" || ch == "\n" || ch == "\r" || ch == "\r\n"
                        if isSpace {
                            if atLineStart || lastSpace { continue }
                            r.append(" ")
                            lastSpace = true
                        } else {
                            r.append(ch)
                            lastSpace = false
                            atLineStart = false
                        }
                    }
                    out.append(.text(r, preserve: false))
                }
            case .lineBreak:
                out.append(t)
                atLineStart = true
                lastSpace = false
            default:
                out.append(t)
            }
        }
        var trimming = true
        for i in out.indices.reversed() {
            switch out[i] {
            case let .text(s, preserve):
                if preserve { if !s.isEmpty { trimming = false }; continue }
                guard trimming else { continue }
                var r = s
                while r.last == " " { r.removeLast() }
                out[i] = .text(r, preserve: false)
                if !r.isEmpty { trimming = false }
            case .lineBreak:
                trimming = true
            default:
                break
            }
        }
        return out
    }

    /// Whether `s` holds a space, tab, CR or LF.
    static func hasXMLSpace(_ s: String) -> Bool {
        var s = s
        return s.withUTF8 { u in
            for b in u where b <= 0x20 && (b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D) { return true }
            return false
        }
    }

    /// `normalize`'s white-space collapsing done byte by byte, when that gives what its character loop gives: every
    /// white-space byte has an ASCII byte or nothing on each side, so none is part of a larger character (but CR LF,
    /// which collapses the same). Nil, with the flags unchanged, otherwise.
    private static func collapsedWhiteSpace(_ s: String, atLineStart: inout Bool, lastSpace: inout Bool) -> String? {
        var start = atLineStart, space = lastSpace
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        let ok = s.utf8.withContiguousStorageIfAvailable { u -> Bool in
            for i in u.indices {
                let b = u[i]
                guard b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D else {
                    out.append(b)
                    space = false
                    start = false
                    continue
                }
                if (i > 0 && u[i - 1] >= 0x80) || (i + 1 < u.count && u[i + 1] >= 0x80) { return false }
                if start || space { continue }
                out.append(0x20)
                space = true
            }
            return true
        }
        guard ok == true else { return nil }
        atLineStart = start
        lastSpace = space
        return String(decoding: out, as: UTF8.self)
    }

    /// Spans with `tts:ruby="container"` as `Inline.ruby`: `base` spans (and other content) make the base,
    /// `text` spans the annotation, through `baseContainer`/`textContainer`; `delimiter` spans (shown only
    /// where ruby is not rendered) and white space between the parts are dropped.
    static func rubies(_ nodes: [Inline]) -> [Inline] {
        nodes.map { node in
            guard case let .span(span, children) = node else { return node }
            let inner = rubies(children)
            guard span.properties["tts:ruby"] == "container" else { return .span(span, inner) }
            // A decoration on the container itself (one span around all its parts) goes around the ruby.
            var content = inner
            var wrappers: [Span] = []
            while content.count == 1, case let .span(outer, parts) = content[0], outer.properties["tts:ruby"] == nil {
                wrappers.append(outer)
                content = parts
            }
            var base: [Inline] = [], annotation: [Inline] = []
            collectRuby(content, base: &base, annotation: &annotation)
            var ruby = Inline.ruby(base: CueText.merged(base), annotation: CueText.merged(annotation))
            for outer in wrappers.reversed() { ruby = .span(outer, [ruby]) }
            // The container's other styling stays on a span around the ruby.
            var rest = span
            rest.properties["tts:ruby"] = nil
            return rest.properties.isEmpty && rest.styleRefs.isEmpty ? ruby : .span(rest, [ruby])
        }
    }

    private static func collectRuby(_ nodes: [Inline], base: inout [Inline], annotation: inout [Inline]) {
        for node in nodes {
            // White space and line feeds between the parts (also under xml:space="preserve") are layout.
            if case let .text(s) = node, s.allSatisfy(\.isWhitespace) { continue }
            if case .lineBreak = node { continue }
            guard case let .span(span, children) = node, let role = span.properties["tts:ruby"] else {
                if case let .span(span, children) = node {
                    // A decoration around the parts (underline on the container) wraps each side.
                    var b: [Inline] = [], a: [Inline] = []
                    collectRuby(children, base: &b, annotation: &a)
                    if !b.isEmpty { base.append(.span(span, b)) }
                    if !a.isEmpty { annotation.append(.span(span, a)) }
                } else {
                    base.append(node)
                }
                continue
            }
            var rest = span
            rest.properties["tts:ruby"] = nil
            let wrapped: [Inline] = rest.properties.isEmpty && rest.styleRefs.isEmpty ? children : [.span(rest, children)]
            switch role {
            case "text": annotation += wrapped
            case "delimiter": continue
            case "baseContainer", "textContainer": collectRuby(children, base: &base, annotation: &annotation)
            default: base += wrapped
            }
        }
    }

    static func buildInlines(_ tokens: [Token]) -> [Inline] {
        var stack: [(Span?, [Inline])] = [(nil, [])]
        func append(_ node: Inline) {
            if case let .text(s) = node, case let .text(prev)? = stack[stack.count - 1].1.last {
                stack[stack.count - 1].1[stack[stack.count - 1].1.count - 1] = .text(prev + s)
            } else {
                stack[stack.count - 1].1.append(node)
            }
        }
        for t in tokens {
            switch t {
            case let .text(s, _): if !s.isEmpty { append(.text(s)) }
            case .lineBreak: append(.lineBreak)
            case let .open(span): stack.append((span, []))
            case .close:
                let (span, children) = stack.removeLast()
                if let span, !children.isEmpty { append(.span(span, children)) }
            }
        }
        return stack[0].1
    }
}

