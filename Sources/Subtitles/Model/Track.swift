/// The canonical subtitle track every reader produces and every writer consumes.
public struct Track: Hashable, Sendable, Codable {
    public var cues: [Cue]
    /// BCP 47 language tag of the text, when known.
    public var language: String?
    public var frameRate: FrameRate?
    public var styles: [DocumentStyle]
    public var regions: [DocumentRegion]
    /// Document-level format-specific data keyed `format.name` (e.g. `webvtt.header`, `ttml.tickRate`).
    public var extensions: [String: String]

    public init(cues: [Cue] = [], language: String? = nil, frameRate: FrameRate? = nil,
                styles: [DocumentStyle] = [], regions: [DocumentRegion] = [], extensions: [String: String] = [:]) {
        self.cues = cues
        self.language = language
        self.frameRate = frameRate
        self.styles = styles
        self.regions = regions
        self.extensions = extensions
    }

    public func style(id: String) -> DocumentStyle? { styles.first { $0.id == id } }
    public func region(id: String) -> DocumentRegion? { regions.first { $0.id == id } }
}

/// An exact frame rate such as 30000/1001.
public struct FrameRate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var numerator: Int
    public var denominator: Int

    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(numerator > 0 && denominator > 0, "frame rate must be positive")
        self.numerator = numerator
        self.denominator = denominator
    }

    public static let fps25 = FrameRate(25)
    public static let fps30 = FrameRate(30)
    public static let ntsc2997 = FrameRate(30000, 1001)

    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }

    /// Milliseconds covered by `frames` frames, rounded up so a gap is never shorter than asked.
    public func milliseconds(forFrames frames: Int) -> Int64 {
        let num = Int64(frames) * 1000 * Int64(denominator)
        let den = Int64(numerator)
        return (num + den - 1) / den
    }

    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
}

/// A named document style (TTML `<style>`, WebVTT `STYLE` block class rules are kept in extensions).
public struct DocumentStyle: Hashable, Sendable, Codable {
    public var id: String
    /// Style properties by qualified name, e.g. `tts:color`.
    public var properties: [String: String]
    /// Ids of styles this one chains from (TTML referential styling).
    public var parents: [String]

    public init(id: String, properties: [String: String] = [:], parents: [String] = []) {
        self.id = id
        self.properties = properties
        self.parents = parents
    }
}

/// A named screen region (TTML `<region>`, WebVTT `REGION`).
public struct DocumentRegion: Hashable, Sendable, Codable {
    public var id: String
    /// Region properties by name, e.g. `tts:origin`, `tts:extent` or WebVTT `width`, `lines`, `regionanchor`.
    public var properties: [String: String]
    public var styleRefs: [String]

    public init(id: String, properties: [String: String] = [:], styleRefs: [String] = []) {
        self.id = id
        self.properties = properties
        self.styleRefs = styleRefs
    }
}
