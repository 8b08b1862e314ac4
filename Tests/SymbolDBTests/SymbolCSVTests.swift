import Foundation
@testable import SymbolDB
import Testing

@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws {
        let records = try CSVReader.read("\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\n3,,\n")
        #expect(records == [
            CSVReader.Record(fields: ["a", "b", "c"], line: 1),
            CSVReader.Record(fields: ["1", "x, \"y\"", "two\nlines"], line: 2),
            CSVReader.Record(fields: ["3", "", ""], line: 5),
        ])
    }

    @Test func lastRecordWithoutLineBreak() throws {
        #expect(try CSVReader.read("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func strayQuoteIsAnErrorWithItsLine() {
        #expect(throws: CSVReader.SyntaxError(message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\")", line: 2)) {
            try CSVReader.read("a,b\n1,x\"y\n")
        }
    }

    @Test func unclosedQuoteReportsWhereTheRecordStarts() {
        #expect(throws: CSVReader.SyntaxError.self) { try CSVReader.read("a,b\n1,\"open\n\n\n") }
        do { _ = try CSVReader.read("a,b\n1,\"open\n\n\n") } catch let error as CSVReader.SyntaxError {
            #expect(error.line == 2)
        } catch {}
    }

    @Test func escapingRoundTrips() throws {
        let fields = ["plain", "with, comma", "with \"quote\"", "multi\nline", " padded ", ""]
        #expect(try CSVReader.read(CSVReader.line(fields)).first?.fields == fields)
    }
}

@Suite struct SymbolCSVTests {
    let csv = """
    id,category,context,status,themes,simplified,traditional,pinyin,gloss_en,gloss_es,preferred_en,admitted_en,deprecated_en,preferred_es-419,analogy_greco-roman,analogy_vietnamese_vi,related,wikidata,sensitivity_ar-SA,not_within,notes
    chang-e,myth,high,reviewed,romance|fate,嫦娥,嫦娥,Cháng'é|Chang'e,"Moon goddess who drank the elixir of immortality, now living on the moon.",Diosa de la luna.,Chang'e,Chang-o,,Chang'e,"Like Selene, a goddess who lives on the moon.",Hằng Nga.,mid-autumn-festival,Q1069478,info: Keep neutral.,,"a note, with comma"
    mid-autumn-festival,festival,high,draft,,中秋节|中秋,中秋節|中秋,Zhōngqiū Jié,Harvest-moon festival.,,Mid-Autumn Festival,Moon Festival,Mooncake Festival,,,,,,,中秋节快乐,

    """

    @Test func importsRowsWithEveryKindOfColumn() throws {
        let result = SymbolCSV.read(csv, file: "myths.csv")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let change = try #require(result.symbols.first?.symbol)
        #expect(change.id == "chang-e")
        #expect(change.themes == ["romance", "fate"])
        #expect(change.forms.pinyin == ["Cháng'é", "Chang'e"])
        #expect(change.gloss["en"]?.contains("immortality, now") == true)
        #expect(change.renderings["en"] == Renderings(preferred: ["Chang'e"], admitted: ["Chang-o"]))
        #expect(change.renderings["es-419"]?.preferred == ["Chang'e"])
        #expect(change.analogies["greco-roman"]?["en"]?.hasPrefix("Like Selene") == true)
        #expect(change.analogies["vietnamese"]?["vi"] == "Hằng Nga.")
        #expect(change.sensitivity["ar-SA"] == Sensitivity(severity: .info, note: "Keep neutral."))
        #expect(change.notes == "a note, with comma")
        #expect(result.symbols.last?.symbol.disambiguation?.notWithin == ["中秋节快乐"])
        #expect(result.symbols.last?.source.entry == GlossaryLocation(file: "myths.csv", line: 3))
    }

    @Test func roundTripsThroughYAMLAndTheLoader() throws {
        let imported = SymbolCSV.read(csv, file: "myths.csv").symbols.map(\.symbol)
        let yaml = try SymbolYAML.write(imported, header: "test")
        let reloaded = GlossaryLoader().load(yaml: yaml, file: "myths.yaml")
        #expect(reloaded.diagnostics.isEmpty, "\(reloaded.diagnostics)\n\(yaml)")
        #expect(reloaded.symbols.map(\.symbol) == imported)
        #expect(yaml.hasPrefix("# test\n"))
    }

    @Test func roundTripsThroughCSVExport() throws {
        let imported = SymbolCSV.read(csv, file: "myths.csv").symbols.map(\.symbol)
        let exported = SymbolCSV.write(imported)
        let again = SymbolCSV.read(exported, file: "export.csv")
        #expect(again.diagnostics.isEmpty, "\(again.diagnostics)")
        #expect(again.symbols.map(\.symbol) == imported)
    }

    @Test func roundTripsThroughJSON() throws {
        let imported = SymbolCSV.read(csv, file: "myths.csv").symbols.map(\.symbol)
        #expect(try SymbolJSON.read(SymbolJSON.write(imported)) == imported)
    }

    @Test func yamlQuotesStringsThatLookLikeOtherTypes() throws {
        var symbol = SymbolCSV.read(csv, file: "x.csv").symbols[0].symbol
        symbol.forms.aliases = ["no", "1.5", "null"]
        let yaml = try SymbolYAML.write([symbol])
        #expect(GlossaryLoader().load(yaml: yaml, file: "x.yaml").symbols.first?.symbol.forms.aliases == ["no", "1.5", "null"])
        #expect(yaml.contains("'no'"))
    }

    @Test func errorsCarryTheLineOfTheRow() {
        let bad = """
        id,category,context,simplified
        ok,festival,high,中秋
        bad,festivl,high,中秋
        short,festival
        """
        let result = SymbolCSV.read(bad, file: "bad.csv")
        #expect(result.symbols.map(\.symbol.id) == ["ok"])
        #expect(result.diagnostics.map(\.location.line) == [3, 4])
        #expect(result.diagnostics.first?.rule == .unknownTag)
        #expect(result.diagnostics.last?.rule == .typeMismatch)
    }

    @Test func unknownAndMissingColumnsAreReportedOnTheHeader() {
        let result = SymbolCSV.read("id,categroy,simplifed\n", file: "h.csv")
        #expect(result.diagnostics.contains { $0.rule == .unknownKey && $0.message.contains("did you mean 'category'") })
        #expect(result.diagnostics.contains { $0.rule == .missingField && $0.message.contains("'simplified'") })
        #expect(result.diagnostics.allSatisfy { $0.location.line == 1 })
    }

    @Test func defaultCategoryFillsEmptyCells() {
        let result = SymbolCSV.read("id,context,simplified\nfoo,low,福\n", file: "d.csv", defaultCategory: .custom)
        #expect(result.symbols.first?.symbol.category == .custom)
    }

    @Test func csvSyntaxErrorsAreDiagnostics() {
        let result = SymbolCSV.read("id,context\n\"open,low\n", file: "s.csv")
        #expect(result.diagnostics.map(\.rule) == [.csvSyntax])
        #expect(result.diagnostics.first?.location.line == 2)
    }
}

@Suite struct GlossaryFileWriterTests {
    @Test func neverOverwritesWithoutPermission() throws {
        let fixture = try GlossaryFixture(["a.yaml": "old"])
        defer { fixture.remove() }
        let target = fixture.directory.appendingPathComponent("a.yaml")
        #expect(throws: GlossaryFileWriter.Failure.self) { try GlossaryFileWriter.write(Data("new".utf8), to: target, overwrite: false) }
        #expect(try String(contentsOf: target, encoding: .utf8) == "old")
        try GlossaryFileWriter.write(Data("new".utf8), to: target, overwrite: true)
        #expect(try String(contentsOf: target, encoding: .utf8) == "new")
        try GlossaryFileWriter.write(Data("b".utf8), to: fixture.directory.appendingPathComponent("b.yaml"), overwrite: false)
        #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path).sorted() == ["a.yaml", "b.yaml"])
    }
}

@Suite struct GlossaryLocatorTests {
    @Test func explicitDirectoryWins() throws {
        let fixture = try GlossaryFixture(["README.md": "x"])
        defer { fixture.remove() }
        let locator = GlossaryLocator(explicitDirectory: fixture.directory.path, environment: ["LOCCTL_GLOSSARIES": "/nonexistent"])
        #expect(try locator.locate().path == fixture.directory.standardizedFileURL.path)
    }

    @Test func environmentComesNext() throws {
        let fixture = try GlossaryFixture(["README.md": "x"])
        defer { fixture.remove() }
        #expect(try GlossaryLocator(environment: ["LOCCTL_GLOSSARIES": fixture.directory.path]).locate().path
                == fixture.directory.standardizedFileURL.path)
        #expect(throws: GlossaryLocatorError.self) { try GlossaryLocator(environment: ["LOCCTL_GLOSSARIES": "/nonexistent"]).locate() }
    }

    @Test func walksUpFromTheCurrentDirectoryThenTheExecutable() throws {
        let fixture = try GlossaryFixture(["glossaries/README.md": "x", "a/b/c/.keep": "", "bin/.keep": ""])
        defer { fixture.remove() }
        let expected = fixture.directory.appendingPathComponent("glossaries").standardizedFileURL.path
        let fromCurrent = GlossaryLocator(environment: [:], currentDirectory: fixture.directory.appendingPathComponent("a/b/c"), executableURL: nil)
        #expect(try fromCurrent.locate().path == expected)
        let fromExecutable = GlossaryLocator(environment: [:], currentDirectory: URL(fileURLWithPath: "/"),
                                             executableURL: fixture.directory.appendingPathComponent("bin/locctl"))
        #expect(try fromExecutable.locate().path == expected)
        #expect(throws: GlossaryLocatorError.self) {
            try GlossaryLocator(environment: [:], currentDirectory: URL(fileURLWithPath: "/"), executableURL: nil).locate()
        }
    }
}
