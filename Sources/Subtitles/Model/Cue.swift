/// One timed subtitle event.
public struct Cue: Hashable, Sendable, Codable {
    public var id: String?
    public private(set) var timing: TimeSpan
    public var text: CueText
    public var placement: Placement
    /// Ids of document styles applied to the whole cue (TTML `<p style>`).
    public var styleRefs: [String]
    /// Inline style properties on the whole cue (TTML attributes on `<p>`).
    public var properties: [String: String]
    /// Format-specific data a round trip must not lose, keyed `format.name` (e.g. `srt.index`).
    public var extensions: [String: String]

    public init(id: String? = nil, timing: TimeSpan, text: CueText, placement: Placement = Placement(),
                styleRefs: [String] = [], properties: [String: String] = [:], extensions: [String: String] = [:]) {
        self.id = id
        self.timing = timing
        self.text = text
        self.placement = placement
        self.styleRefs = styleRefs
        self.properties = properties
        self.extensions = extensions
    }

    /// Convenience for code that has already checked the order of its times.
    public init(id: String? = nil, start: Timestamp, end: Timestamp, text: String) throws(TrackError) {
        self.init(id: id, timing: try TimeSpan.checked(start: start, end: end), text: CueText(plain: text))
    }

    public var start: Timestamp { timing.start }
    public var end: Timestamp { timing.end }
    public var duration: TimeLength { timing.duration }

    public mutating func retime(_ span: TimeSpan) { timing = span }
}

/// Where a cue sits on screen.
public struct Placement: Hashable, Sendable, Codable {
    /// Numeric-keypad anchor as in SRT/ASS `{\anN}`: 1 bottom-left … 5 middle-centre … 9 top-right.
    public enum Anchor: Int, Hashable, Sendable, Codable, CaseIterable {
        case bottomLeft = 1, bottomCenter, bottomRight, middleLeft, middleCenter, middleRight, topLeft, topCenter, topRight
    }

    public var anchor: Anchor?
    /// Id of a document region (TTML region, WebVTT REGION).
    public var regionID: String?
    /// WebVTT cue settings as written (`vertical`, `line`, `position`, `size`, `align`), kept for round trips.
    public var cueSettings: [String: String]

    public init(anchor: Anchor? = nil, regionID: String? = nil, cueSettings: [String: String] = [:]) {
        self.anchor = anchor
        self.regionID = regionID
        self.cueSettings = cueSettings
    }

    public var isDefault: Bool { anchor == nil && regionID == nil && cueSettings.isEmpty }
}
