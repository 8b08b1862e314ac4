import Regions
import Subtitles
/// The steps of `locctl localize`, in the one order they always run.
///
/// Steps are looked up by name in `LocalizeSteps.registry`. `--steps` selects a subset; the selection
/// never changes the order.
public enum LocalizeSteps {
    /// Every step name, in execution order: symbol renderings first (on the translator's text), then the
    /// script conversion, then line wrapping, then timing (which reads the wrapped text), then bidi marks.
    public static let order = ["glossary", "script", "wrap", "timing", "bidi"]

    /// What the CLI (or a caller) passes to step factories.
    public struct Options: Sendable {
        public var inlineGloss: GlossaryStep.InlineGloss
        /// Matchers shared by every file of a run (nil: built from each context's symbols).
        public var matchers: SymbolMatchers?
        public var scriptConverter: ScriptStep.ConverterProvider

        public init(inlineGloss: GlossaryStep.InlineGloss = .none, matchers: SymbolMatchers? = nil,
                    scriptConverter: @escaping ScriptStep.ConverterProvider = ScriptStep.defaultConverter) {
            self.inlineGloss = inlineGloss
            self.matchers = matchers
            self.scriptConverter = scriptConverter
        }
    }

    public typealias Factory = @Sendable (Options) -> any LocalizeStep

    /// The one list of registered steps.
    public static let registry: [String: Factory] = [
        "glossary": { GlossaryStep(inlineGloss: $0.inlineGloss, matchers: $0.matchers) },
        "script": { ScriptStep(converter: $0.scriptConverter) },
        "wrap": { _ in WrapStep() },
        "timing": { _ in TimingStep() },
        "bidi": { _ in BidiStep() },
    ]

    /// Names of the steps this build has, in execution order.
    public static var available: [String] { order.filter { registry[$0] != nil } }

    /// The steps named in `names` (all available ones when nil), in execution order.
    public static func make(_ names: [String]? = nil, options: Options = Options()) throws(StepSelectionError) -> [any LocalizeStep] {
        let wanted = names ?? available
        for name in wanted {
            if !order.contains(name) { throw .unknown(name) }
            if registry[name] == nil { throw .unavailable(name) }
        }
        return order.filter { wanted.contains($0) }.map { registry[$0]!(options) }
    }
}

/// Why a step selection was refused.
public enum StepSelectionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No step has this name.
    case unknown(String)
    /// The step exists in the design but is not in this build yet.
    case unavailable(String)

    public var description: String {
        switch self {
        case let .unknown(name):
            return "unknown step '\(name)' (steps: \(LocalizeSteps.order.joined(separator: ", ")))"
        case let .unavailable(name):
            return "step '\(name)' is not available in this build (available: \(LocalizeSteps.available.joined(separator: ", ")))"
        }
    }
}

/// Runs localization steps over a track, in `LocalizeSteps.order`, and collects what they did.
public struct LocalizePipeline: Sendable {
    public let steps: [any LocalizeStep]

    /// The given steps, put in execution order (steps with names outside `order` run last, as given).
    public init(steps: [any LocalizeStep]) {
        let rank = { (s: any LocalizeStep) in LocalizeSteps.order.firstIndex(of: s.name) ?? LocalizeSteps.order.count }
        self.steps = steps.enumerated().sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }.map(\.element)
    }

    /// The registered steps named in `names` (all available when nil).
    public init(names: [String]? = nil, options: LocalizeSteps.Options = LocalizeSteps.Options()) throws(StepSelectionError) {
        self.init(steps: try LocalizeSteps.make(names, options: options))
    }

    public var names: [String] { steps.map(\.name) }

    /// Applies every step in turn; each sees the previous one's output. Pass the only copy of a big track
    /// (`consume`) so that each step's input is released as soon as the next track exists.
    public func run(_ track: consuming Track, in context: LocalizeContext) -> (track: Track, changes: [Change]) {
        var current = track
        var changes: [Change] = []
        for step in steps {
            let result = step.apply(current, in: context)
            current = result.track
            changes += result.changes
        }
        return (current, changes)
    }
}
