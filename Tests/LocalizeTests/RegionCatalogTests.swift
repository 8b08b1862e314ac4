import Foundation
@testable import Regions
import SymbolDB
import Testing

/// Issue 18 (one-episode latency) without weakening issue 16 (every region error stops the command).
@Suite struct RegionCatalogTests {
    private static let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("regions")

    /// A private copy of the shipped profiles and an empty cache.
    private func scratch() throws -> (regions: URL, cache: URL) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("locctl-region-catalog-\(UUID().uuidString)")
        let regions = dir.appendingPathComponent("regions")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.shipped, to: regions)
        return (regions, dir.appendingPathComponent("cache"))
    }

    @Test func aCheckedDirectoryGivesTheSameProfilesParsedOnRequest() throws {
        let (regions, cache) = try scratch()
        let all = try RegionLoader.loadDirectory(regions)
        let first = try RegionCatalog.open(regions, cacheDirectory: cache)
        let second = try RegionCatalog.open(regions, cacheDirectory: cache)
        #expect(first.tags == all.map(\.tag))
        #expect(second.tags == all.map(\.tag))
        #expect(try second.all() == all)
        #expect(try second.profile("en-US") == all.first { $0.tag == "en-US" })
    }

    @Test func aFileBrokenAfterTheCheckIsCheckedAgainAndStops() throws {
        let (regions, cache) = try scratch()
        _ = try RegionCatalog.open(regions, cacheDirectory: cache)
        let profile = regions.appendingPathComponent("en-GB.yaml")
        try (try String(contentsOf: profile, encoding: .utf8) + "\nbroken: [unclosed\n").write(to: profile, atomically: true, encoding: .utf8)
        #expect(throws: RegionErrors.self) { try RegionCatalog.open(regions, cacheDirectory: cache) }
        // Still refused on the next open: a failed check records nothing.
        #expect(throws: RegionErrors.self) { try RegionCatalog.open(regions, cacheDirectory: cache) }
    }

    @Test func anAddedDuplicateOrRenamedFileIsCheckedAgain() throws {
        let (regions, cache) = try scratch()
        _ = try RegionCatalog.open(regions, cacheDirectory: cache)
        try FileManager.default.copyItem(at: regions.appendingPathComponent("en-US.yaml"), to: regions.appendingPathComponent("en-ZZ.yaml"))
        #expect(throws: RegionErrors.self) { try RegionCatalog.open(regions, cacheDirectory: cache) }
        try FileManager.default.removeItem(at: regions.appendingPathComponent("en-ZZ.yaml"))
        #expect(try RegionCatalog.open(regions, cacheDirectory: cache).tags.contains("en-US"))
    }
}
