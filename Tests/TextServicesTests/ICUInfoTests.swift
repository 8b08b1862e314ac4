import Testing
@testable import TextServices

@Test func icuVersionIsReported() {
    #expect(ICUInfo.version.split(separator: ".").count >= 2)
}
