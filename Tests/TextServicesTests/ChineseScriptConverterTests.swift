import Testing
import TextServices

@Suite struct ChineseScriptConverterTests {
    @Test(arguments: [
        ("头发", "頭髮"), ("发展", "發展"), ("干杯", "乾杯"), ("干净", "乾淨"), ("树干", "樹幹"), ("软件", "軟體"),
    ])
    func simplifiedToTaiwanPhrasing(simplified: String, expected: String) throws {
        #expect(try ChineseScriptConverter.shared(.s2twp).convert(simplified) == expected)
    }

    @Test func standardTraditionalKeepsMainlandVocabulary() throws {
        #expect(try ChineseScriptConverter.shared(.s2t).convert("软件") == "軟件")
        #expect(try ChineseScriptConverter.shared(.s2t).convert("中秋节") == "中秋節")
    }

    @Test func traditionalToSimplified() throws {
        #expect(try ChineseScriptConverter.shared(.t2s).convert("頭髮與乾杯") == "头发与干杯")
    }

    @Test func convertersAreSharedPerConfiguration() throws {
        #expect(try ChineseScriptConverter.shared(.s2hk) === ChineseScriptConverter.shared(.s2hk))
    }

    @Test func emptyAndNonChineseTextPassThrough() throws {
        let converter = try ChineseScriptConverter.shared(.s2t)
        #expect(converter.convert("") == "")
        #expect(converter.convert("Mid-Autumn 🥮") == "Mid-Autumn 🥮")
    }

    @Test func concurrentUseIsSafe() async throws {
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<32 { group.addTask { (try? ChineseScriptConverter.shared(.s2twp).convert("头发软件")) ?? "" } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == "頭髮軟體" })
    }

    @Test func everyConfigurationOpens() throws {
        for configuration in ChineseScriptConverter.Configuration.allCases {
            _ = try ChineseScriptConverter.shared(configuration)
        }
    }

    @Test func missingConfigurationIsAClearError() {
        #expect(throws: ChineseScriptConverterError.configurationNotFound(configuration: "s2twp.json", searched: ["/nonexistent"])) {
            try ChineseScriptConverter.open(.s2twp, searching: ["/nonexistent"])
        }
        let message = ChineseScriptConverterError.configurationNotFound(configuration: "s2twp.json", searched: ["/nonexistent"]).description
        #expect(message.contains("s2twp.json") && message.contains("/nonexistent") && message.contains("OPENCC_DATA_DIR"))
    }
}
