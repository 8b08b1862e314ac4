import Foundation
import TextServices

/// The sense models a matcher's groups point to: given when the matcher is built, or decoded one by one from a
/// snapshot the first time a candidate needs it (text with no ambiguous form never decodes any).
final class SenseModelList: Sendable {
    private let slots: Locked<[SenseModel?]>
    /// For a snapshot: its bytes and each model's byte range in them.
    private let data: Data?
    private let ranges: [Range<Int>]

    init(_ models: [SenseModel]) {
        slots = Locked(models)
        data = nil
        ranges = []
    }

    init(data: Data, ranges: [Range<Int>]) {
        slots = Locked(Array(repeating: nil, count: ranges.count))
        self.data = data
        self.ranges = ranges
    }

    var count: Int { data == nil ? slots.withLock { $0.count } : ranges.count }

    /// Model `index`; a snapshot model that does not decode is replaced by one that is no evidence either way
    /// (snapshots are checked when loaded, so this only happens to a file damaged afterwards).
    subscript(index: Int) -> SenseModel {
        slots.withLock { slots in
            if let model = slots[index] { return model }
            let model = decodeModel(index) ?? SenseModel(symbolID: "", form: "", priorLogOdds: 0, weights: [:], symbolCount: 0, ordinaryCount: 0)
            slots[index] = model
            return model
        }
    }

    private func decodeModel(_ index: Int) -> SenseModel? {
        guard let data else { return nil }
        let range = ranges[index]
        return data.withUnsafeBytes { raw -> SenseModel? in
            guard range.lowerBound >= 0, range.upperBound <= raw.count else { return nil }
            var reader = SnapshotReader(UnsafeRawBufferPointer(rebasing: raw[range]))
            return try? SenseModelList.read(&reader)
        }
    }

    /// Every model (decoding them all), for writing a snapshot.
    var models: [SenseModel] { (0..<count).map { self[$0] } }

    static func write(_ model: SenseModel, to writer: inout SnapshotWriter) {
        writer.string(model.symbolID)
        writer.string(model.form)
        writer.f64(model.priorLogOdds)
        writer.int(model.symbolCount)
        writer.int(model.ordinaryCount)
        // Sorted, so the same models give the same bytes.
        let weights = model.weights.sorted { $0.key < $1.key }
        writer.count(weights.count)
        for (name, weight) in weights {
            writer.string(name)
            writer.f64(weight)
        }
    }

    static func read(_ reader: inout SnapshotReader) throws -> SenseModel {
        let symbolID = try reader.string(), form = try reader.string()
        let prior = try reader.f64()
        let symbolCount = try reader.int(), ordinaryCount = try reader.int()
        let n = try reader.count(minimumSize: 12)
        var weights: [String: Double] = [:]
        weights.reserveCapacity(n)
        for _ in 0..<n {
            let name = try reader.string()
            weights[name] = try reader.f64()
        }
        return SenseModel(symbolID: symbolID, form: form, priorLogOdds: prior, weights: weights,
                          symbolCount: symbolCount, ordinaryCount: ordinaryCount)
    }
}
