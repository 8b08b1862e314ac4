import Foundation
import Testing
@testable import Localize

@Suite struct RegionLocatorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func walksUpToRegionsReadme() throws {
        let start = Self.repository.appendingPathComponent("Sources/Localize/Regions")
        let found = try RegionLocator(environment: [:], currentDirectory: start, executableURL: nil).locate()
        #expect(found.standardizedFileURL.path == Self.repository.appendingPathComponent("regions").standardizedFileURL.path)
    }

    @Test func explicitAndEnvironmentWinAndMustExist() throws {
        let regions = Self.repository.appendingPathComponent("regions").path
        let root = URL(fileURLWithPath: "/")
        #expect(try RegionLocator(environment: ["LOCCTL_REGIONS": regions], currentDirectory: root, executableURL: nil).locate().path == regions)
        #expect(throws: RegionLocatorError.notADirectory(path: "/no/such", source: "--regions-dir")) {
            try RegionLocator(explicitDirectory: "/no/such", environment: [:], currentDirectory: root, executableURL: nil).locate()
        }
        #expect(throws: RegionLocatorError.self) {
            try RegionLocator(environment: [:], currentDirectory: root, executableURL: nil).locate()
        }
    }
}
