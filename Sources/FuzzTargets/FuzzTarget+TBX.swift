import Foundation
import SymbolDB

extension FuzzTarget {
    /// TBX import (v2 martif and v3 tbx) on raw bytes; whatever imports must export again.
    static let tbx = FuzzTarget(name: "tbx") { bytes in
        let result = SymbolTBX.read(Data(bytes), file: "fuzz.tbx", options: SymbolTBX.ImportOptions())
        let symbols = result.symbols.map(\.symbol)
        if !symbols.isEmpty { _ = try? SymbolTBX.write(symbols) }
    }
}
