import Localize
import Regions
import Subtitles
import SymbolDB

/// The symbols that occur in an episode, each at its first place (target cue, else source cue).
struct SymbolOccurrences {
    struct Occurrence {
        var symbolID: String
        var location: FindingLocation
        var text: String
    }

    /// First occurrence per symbol, in order of appearance (target cues first, in cue order, then source-only symbols).
    static func collect(_ scan: EpisodeScan) -> [Occurrence] {
        var result: [Occurrence] = []
        var seen = Set<String>()
        for (index, matches) in scan.targetMatches.enumerated() {
            for match in matches where seen.insert(match.symbolID).inserted {
                result.append(Occurrence(symbolID: match.symbolID, location: scan.targetLocation(index), text: match.matchedText))
            }
        }
        if let source = scan.source {
            for (index, matches) in source.matches.enumerated() {
                for match in matches where seen.insert(match.symbolID).inserted {
                    // Reported on the aligned target cue when there is one, so the finding is in the audited file.
                    let aligned = scan.alignment?.targetsForSource[index].first
                    let location = aligned.map { scan.targetLocation($0) } ?? scan.sourceLocation(index)
                    if let location { result.append(Occurrence(symbolID: match.symbolID, location: location, text: match.matchedText)) }
                }
            }
        }
        return result
    }
}
