// Sense features (issue 11): what the per-form models see around an occurrence.
@testable import SymbolDB
import Testing

@Suite struct SenseFeaturesTests {
    /// The features of the first occurrence of `form` in `line`.
    func features(_ form: String, in line: String) throws -> [String] {
        let (scalars, _) = SenseFeatures.folded(line)
        let target = SenseFeatures.folded(form).scalars
        let start = try #require((0...(scalars.count - target.count)).first { Array(scalars[$0..<$0 + target.count]) == target })
        return SenseFeatures(scalars: scalars, start: start, length: target.count, wholeWord: true).names
    }

    @Test func aFormAloneOnItsLineHasNoEvidence() throws {
        #expect(try features("月饼", in: "月饼").isEmpty)
        #expect(try features("月饼", in: "「月饼！」").isEmpty)
        let inContext = try features("月饼", in: "月饼我收下了")
        #expect(inContext.contains("R1:我") && inContext.contains("L1:|"), "\(inContext)")
    }

    @Test func noEvidenceIsEvenOddsWhateverTheExampleCounts() {
        let model = SenseModel(symbolID: "s", form: "月饼", priorLogOdds: -0.5, weights: ["R1:我": 1], symbolCount: 8, ordinaryCount: 9)
        let (bare, _) = SenseFeatures.folded("月饼")
        #expect(model.decide(SenseFeatures(scalars: bare, start: 0, length: 2, wholeWord: true)).probability == 0.5)
        let (line, _) = SenseFeatures.folded("月饼他")
        #expect(model.decide(SenseFeatures(scalars: line, start: 0, length: 2, wholeWord: true)).probability < 0.5)
    }
}
