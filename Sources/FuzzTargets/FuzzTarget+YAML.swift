import Foundation
import Regions
import Subtitles
import SymbolDB

extension FuzzTarget {
    /// A glossary source file: YAML syntax, the schema reader and its limits (aliases, nesting).
    static let glossaryYAML = FuzzTarget(name: "glossary") { bytes in
        _ = GlossaryLoader().load(data: Data(bytes), file: "fuzz.yaml")
    }

    /// A region profile.
    static let regionYAML = FuzzTarget(name: "region") { bytes in
        _ = try? RegionLoader.parse(String(decoding: bytes, as: UTF8.self), file: "regions/en-US.yaml")
    }
}
