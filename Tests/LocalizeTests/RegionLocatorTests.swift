import Foundation
@testable import Localize
@testable import Regions
@testable import Subtitles
import SymbolDB
import Testing

@Suite struct RegionLocatorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func walksUpToRegionsReadme() throws {
        let start = Self.repository.appendingPathComponent("Sources/Localize/Regions")
        let found = try DataDirectoryLocator(.regions, environment: [:], currentDirectory: start, executableURL: nil).locate()
        #expect(found.standardizedFileURL.path == Self.repository.appendingPathComponent("regions").standardizedFileURL.path)
    }

    @Test func explicitAndEnvironmentWinAndMustExist() throws {
        let regions = Self.repository.appendingPathComponent("regions").path
        let root = URL(fileURLWithPath: "/")
        #expect(try DataDirectoryLocator(.regions, environment: ["LOCCTL_REGIONS": regions], currentDirectory: root, executableURL: nil).locate().path == regions)
        #expect(throws: GlossaryLocatorError.notADirectory(kind: .regions, path: "/no/such", source: "--regions-dir")) {
            try DataDirectoryLocator(.regions, explicitDirectory: "/no/such", environment: [:], currentDirectory: root, executableURL: nil).locate()
        }
        #expect(throws: GlossaryLocatorError.self) {
            try DataDirectoryLocator(.regions, environment: [:], currentDirectory: root, executableURL: nil).locate()
        }
    }
}
