import TextServices

/// Writes a `Track` as an IMSC 1.1 Text Profile document.
///
/// Styles and regions go in `<head>` with lengths as percentages (pixels are converted with the
/// document's root extent, or dropped when it is unknown); every cue gets a region: its own, or a
/// generated `bottom` region (and `top`/`middle`/… when anchors ask for them). Times are `hh:mm:ss.mmm`.
/// Ids are unique NCNames and every `style`/`region` reference resolves (see `TTMLIdentifiers`).
struct TTMLWriter {
    static let textProfile = "http://www.w3.org/ns/ttml/profile/imsc1.1/text"

    let track: Track
    let rootExtent: (Double, Double)?
    /// The document's ids; filled in by `write()` before any reference is written.
    private var ids = TTMLIdentifiers()

    init(track: Track) {
        self.track = track
        self.rootExtent = TTMLLength.rootExtent(track.extensions["ttml.extent"])
    }

    mutating func write() -> String {
        var w = XMLWriter()
        var ttAttrs: [(String, String)] = [
            ("xmlns", TTMLNamespace.tt),
            ("xmlns:ttp", TTMLNamespace.parameter),
            ("xmlns:tts", TTMLNamespace.styling),
            ("xmlns:itts", TTMLNamespace.imscStyling),
            ("xmlns:locctl", TTMLIdentifiers.namespace),
            ("xml:lang", track.language ?? ""),
            ("ttp:timeBase", "media"),
            ("ttp:contentProfiles", Self.textProfile),
        ]
        if let cells = track.extensions["ttml.cellResolution"] { ttAttrs.append(("ttp:cellResolution", cells)) }
        if let fr = track.frameRate {
            // Keep the source's frameRate × multiplier split when it still gives this rate.
            let m = (track.extensions["ttml.frameRateMultiplier"] ?? "").xmlTokens.compactMap { Int($0) }
            if m.count == 2, m[0] > 0, m[1] > 0, (fr.numerator * m[1]) % (fr.denominator * m[0]) == 0 {
                ttAttrs.append(("ttp:frameRate", String(fr.numerator * m[1] / (fr.denominator * m[0]))))
                ttAttrs.append(("ttp:frameRateMultiplier", "\(m[0]) \(m[1])"))
            } else {
                let base = (fr.numerator + fr.denominator - 1) / fr.denominator
                ttAttrs.append(("ttp:frameRate", String(base)))
                // frameRate × multiplier = numerator / denominator
                if fr.denominator != 1 || base * fr.denominator != fr.numerator {
                    ttAttrs.append(("ttp:frameRateMultiplier", "\(fr.numerator) \(base * fr.denominator)"))
                }
            }
        }
        if let ticks = track.extensions["ttml.tickRate"] { ttAttrs.append(("ttp:tickRate", ticks)) }
        if let sub = track.extensions["ttml.subFrameRate"] { ttAttrs.append(("ttp:subFrameRate", sub)) }
        w.open("tt", ttAttrs)

        // Regions: the track's, plus generated ones for cues placed only by anchor.
        var regions = track.regions
        var cueRegion: [String] = []
        for cue in track.cues {
            if let id = cue.placement.regionID, regions.contains(where: { $0.id == id }) {
                cueRegion.append(id)
                continue
            }
            let generated = Self.anchorRegion(cue.placement.anchor ?? .bottomCenter)
            if !regions.contains(where: { $0.id == generated.id }) { regions.append(generated) }
            cueRegion.append(generated.id)
        }

        // Every id, before any reference to it is written.
        var ids = TTMLIdentifiers()
        let styleIDs = track.styles.map { ids.claim($0.id, kind: .style) }
        let regionIDs = regions.map { ids.claim($0.id, kind: .region) }
        let cueIDs = track.cues.map { cue in cue.id.map { ids.claim($0, kind: .cue) } }
        self.ids = ids

        w.open("head")
        if !track.styles.isEmpty {
            w.open("styling")
            for (s, id) in zip(track.styles, styleIDs) {
                var attrs: [(String, String)] = [("xml:id", id)]
                if id != s.id { attrs.append((TTMLIdentifiers.originalIDAttribute, s.id)) }
                let parents = ids.styleRefs(s.parents)
                if !parents.isEmpty { attrs.append(("style", parents.joined(separator: " "))) }
                attrs += styleAttributes(s.properties)
                w.empty("style", attrs)
            }
            w.close()
        }
        if !regions.isEmpty {
            w.open("layout")
            for (r, id) in zip(regions, regionIDs) {
                var attrs: [(String, String)] = [("xml:id", id)]
                if id != r.id { attrs.append((TTMLIdentifiers.originalIDAttribute, r.id)) }
                let refs = ids.styleRefs(r.styleRefs)
                if !refs.isEmpty { attrs.append(("style", refs.joined(separator: " "))) }
                attrs += styleAttributes(r.properties)
                w.empty("region", attrs)
            }
            w.close()
        }
        w.close()

        var bodyAttrs: [(String, String)] = []
        if let s = ids.styleAttribute(track.extensions["ttml.body.style"]) { bodyAttrs.append(("style", s)) }
        bodyAttrs += styleAttributes(Self.prefixed(track.extensions, "ttml.body."))
        w.open("body", bodyAttrs)
        var currentDiv: [String: String]? = nil
        for (i, cue) in track.cues.enumerated() {
            let div = Self.prefixed(cue.extensions, "ttml.div.")
            if currentDiv != div {
                if currentDiv != nil { w.close() }
                var divAttrs: [(String, String)] = []
                if let s = ids.styleAttribute(div["style"]) { divAttrs.append(("style", s)) }
                if let r = ids.region(div["region"]) { divAttrs.append(("region", r)) }
                divAttrs += styleAttributes(div.filter { $0.key.contains(":") })
                w.open("div", divAttrs)
                currentDiv = div
            }
            var attrs: [(String, String)] = []
            if let original = cue.id, let id = cueIDs[i] {
                attrs.append(("xml:id", id))
                if id != original { attrs.append((TTMLIdentifiers.originalIDAttribute, original)) }
            }
            attrs.append(("begin", cue.start.formatted()))
            if cue.extensions["ttml.end"] != "indefinite" { attrs.append(("end", cue.end.formatted())) }
            let inherits = cue.extensions["ttml.p.regionInherited"] == "true" && div["region"] == cueRegion[i]
                && ids.region(div["region"]) != nil
            if !inherits, let r = ids.region(cueRegion[i]) { attrs.append(("region", r)) }
            let refs = ids.styleRefs(cue.styleRefs)
            if !refs.isEmpty { attrs.append(("style", refs.joined(separator: " "))) }
            attrs += styleAttributes(cue.properties)
            if let lang = cue.extensions["ttml.lang"] { attrs.append(("xml:lang", lang)) }
            if Self.needsPreserve(cue.text) { attrs.append(("xml:space", "preserve")) }
            w.inline("p", attrs, markup: markup(cue.text.nodes))
        }
        if currentDiv != nil { w.close() }
        return w.finish()
    }

    static func prefixed(_ dict: [String: String], _ prefix: String) -> [String: String] {
        var out: [String: String] = [:]
        for (k, v) in dict where k.hasPrefix(prefix) { out[String(k.dropFirst(prefix.count))] = v }
        return out
    }

    static func anchorRegion(_ anchor: Placement.Anchor) -> DocumentRegion {
        let row = (anchor.rawValue - 1) / 3, column = (anchor.rawValue - 1) % 3
        let names = ["bottom", "middle", "top"], sides = ["Left", "", "Right"]
        var props = ["tts:origin": "10% 10%", "tts:extent": "80% 80%",
                     "tts:displayAlign": ["after", "center", "before"][row],
                     "tts:textAlign": ["left", "center", "right"][column]]
        props["tts:showBackground"] = "whenActive"
        return DocumentRegion(id: names[row] + sides[column], properties: props)
    }

    static func needsPreserve(_ text: CueText) -> Bool {
        for line in text.lines {
            if line.hasPrefix(" ") || line.hasSuffix(" ") || line.contains("  ") || line.contains("\t") { return true }
        }
        return false
    }

    /// Style attributes in a stable order, lengths converted from pixels to percentages.
    func styleAttributes(_ props: [String: String]) -> [(String, String)] {
        var out: [(String, String)] = []
        for key in props.keys.sorted() {
            guard let value = props[key] else { continue }
            let name: String
            if key.hasPrefix("tts:") || key.hasPrefix("itts:") {
                name = key
            } else if ["color", "backgroundColor", "fontFamily", "fontSize", "fontStyle", "fontWeight", "textDecoration", "textAlign"].contains(key) {
                name = "tts:" + key
            } else if key == "face" {
                name = "tts:fontFamily"
            } else {
                continue
            }
            guard let converted = convertLengths(name, value) else { continue }
            out.append((name, converted))
        }
        return out
    }

    /// Pixel lengths as percentages of the root container (origin, extent, position) or as `rh`/`rw`;
    /// nil when a pixel length cannot be converted because the root extent is unknown.
    func convertLengths(_ name: String, _ value: String) -> String? {
        guard value.contains("px") else { return value }
        guard let root = rootExtent else { return nil }
        let tokens = value.xmlTokens
        let percentages = name == "tts:origin" || name == "tts:extent"
        var out: [String] = []
        for (i, t) in tokens.enumerated() {
            guard t.hasSuffix("px"), let px = Double(t.dropLast(2)) else { out.append(t); continue }
            let horizontal = percentages ? i % 2 == 0 : false
            let size = horizontal ? root.0 : root.1
            let v = px / size * 100
            let text = Self.decimal(v)
            out.append(percentages ? text + "%" : text + (horizontal ? "rw" : "rh"))
        }
        return out.joined(separator: " ")
    }

    static func decimal(_ v: Double) -> String {
        let scaled = (v * 1000).rounded() / 1000
        if scaled == scaled.rounded() { return String(Int(scaled)) }
        var s = String(scaled)
        if s.contains("e") { s = "0" }
        return s
    }

    func markup(_ nodes: [Inline]) -> String {
        var out = ""
        for node in nodes {
            switch node {
            case let .text(s): out += XMLWriter.escapeText(s)
            case .lineBreak: out += "<br/>"
            case let .span(span, children):
                let inner = markup(children)
                var attrs: [(String, String)] = []
                switch span.kind {
                case .italic: attrs = [("tts:fontStyle", "italic")]
                case .bold: attrs = [("tts:fontWeight", "bold")]
                case .underline: attrs = [("tts:textDecoration", "underline")]
                case .styled, .font:
                    let refs = ids.styleRefs(span.styleRefs)
                    if !refs.isEmpty { attrs.append(("style", refs.joined(separator: " "))) }
                    attrs += styleAttributes(span.properties)
                case .language:
                    if let tag = span.annotation { attrs = [("xml:lang", tag)] }
                case .class, .voice:
                    break
                }
                out += attrs.isEmpty ? inner : XMLWriter.startTag("span", attrs) + inner + "</span>"
            case let .ruby(base, annotation):
                out += "<span tts:ruby=\"container\"><span tts:ruby=\"base\">" + markup(base)
                    + "</span><span tts:ruby=\"text\">" + markup(annotation) + "</span></span>"
            case .timestamp:
                break
            }
        }
        return out
    }
}
