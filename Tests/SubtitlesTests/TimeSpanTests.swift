@testable import Subtitles
import Testing

@Test func spanRefusesEndBeforeStart() {
    #expect(TimeSpan(start: Timestamp(milliseconds: 1000), end: Timestamp(milliseconds: 999)) == nil)
    #expect(TimeSpan(start: Timestamp(milliseconds: 1000), end: Timestamp(milliseconds: 1000)) != nil)
}

@Test func timestampFormats() {
    let t = Timestamp(hours: 1, minutes: 2, seconds: 3, milliseconds: 45)
    #expect(t.formatted(separator: ",") == "01:02:03,045")
}

@Test func frameGapRoundsUp() {
    #expect(FrameRate.ntsc2997.milliseconds(forFrames: 2) == 67)
    #expect(FrameRate.fps25.milliseconds(forFrames: 2) == 80)
}
