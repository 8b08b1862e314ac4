import Regions
import Subtitles
import TextServices

/// Converts Chinese text between scripts by phrase (Simplified ↔ Traditional, with regional vocabulary).
///
/// `ScriptStep` depends only on this protocol, so tests can inject a fake and the OpenCC wrapper in
/// TextServices can replace the interim implementation without touching the step.
public protocol ScriptConverting: Sendable {
    func convert(_ text: String) -> String
}

/// The phrase conversions `ScriptStep` uses, named after their OpenCC configuration files.
public enum ScriptConversion: String, Hashable, Sendable, CaseIterable {
    /// Simplified → Traditional (OpenCC standard).
    case s2t
    /// Simplified → Traditional with Taiwan variants and phrasing (软件 → 軟體).
    case s2twp
    /// Simplified → Traditional with Hong Kong variants.
    case s2hk
    /// Traditional → Simplified.
    case t2s
    /// Taiwan Traditional → Simplified.
    case tw2s
    /// Hong Kong Traditional → Simplified.
    case hk2s

    /// Whether the conversion produces Traditional text.
    public var toTraditional: Bool { [.s2t, .s2twp, .s2hk].contains(self) }

    /// The conversion into the region's script: `s2twp` for Taiwan, `s2hk` for Hong Kong, `s2t` for other
    /// Traditional regions; `t2s`/`tw2s`/`hk2s` (by the input track's language) for Simplified regions;
    /// nil for regions that are not Chinese.
    public static func forRegion(_ region: RegionProfile, inputLanguage: String? = nil) -> ScriptConversion? {
        let tag = region.tag.lowercased()
        guard region.isChinese || LanguageTag.isChinese(region.tag) else { return nil }
        let script = region.script.lowercased()
        let parts = Set(tag.split(separator: "-").map(String.init))
        if script == "hant" || parts.contains("hant") {
            if parts.contains("tw") { return .s2twp }
            if parts.contains("hk") || parts.contains("mo") { return .s2hk }
            return .s2t
        }
        if script == "hans" || parts.contains("hans") {
            let input = Set((inputLanguage ?? "").lowercased().split(separator: "-").map(String.init))
            if input.contains("tw") { return .tw2s }
            if input.contains("hk") || input.contains("mo") { return .hk2s }
            return .t2s
        }
        return nil
    }
}

/// The shared OpenCC wrapper converts by phrase with one converter per configuration.
extension ChineseScriptConverter: ScriptConverting {}
