import Foundation

/// A tiny JavaScript interpreter for the assertion part of WPT WebVTT `.test` files: `var`, `for`,
/// function expressions with `return`, array literals, member and index access, calls, `+ - * !`,
/// comparisons, `++`, and the natives the tests use (`assert_*`, `Array.from`, `forEach`, `map`,
/// `Number.MAX_VALUE`/`MIN_VALUE`). Anything else is a `MiniJS.Error`, so an unsupported test fails
/// loudly instead of passing silently.
enum MiniJS {
    struct Error: Swift.Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    final class Object {
        var props: [String: Value]
        init(_ props: [String: Value] = [:]) { self.props = props }
    }

    final class ArrayBox {
        var items: [Value]
        init(_ items: [Value]) { self.items = items }
    }

    final class Function {
        let params: [String]
        let body: [Stmt]
        let env: Env?
        let native: (([Value]) throws -> Value)?
        init(params: [String], body: [Stmt], env: Env) { self.params = params; self.body = body; self.env = env; native = nil }
        init(native: @escaping ([Value]) throws -> Value) { params = []; body = []; env = nil; self.native = native }
    }

    enum Value: CustomStringConvertible {
        case undefined, null
        case bool(Bool)
        case number(Double)
        case string(String)
        case array(ArrayBox)
        case object(Object)
        case function(Function)

        var description: String {
            switch self {
            case .undefined: return "undefined"
            case .null: return "null"
            case let .bool(b): return String(b)
            case let .number(n): return MiniJS.numberToString(n)
            case let .string(s): return "\"\(s)\""
            case let .array(a): return "[" + a.items.map(\.description).joined(separator: ", ") + "]"
            case let .object(o): return "{" + o.props.keys.sorted().joined(separator: ",") + "}"
            case .function: return "function"
            }
        }

        var truthy: Bool {
            switch self {
            case .undefined, .null: return false
            case let .bool(b): return b
            case let .number(n): return n != 0 && !n.isNaN
            case let .string(s): return !s.isEmpty
            default: return true
            }
        }
    }

    static func numberToString(_ n: Double) -> String {
        if n == n.rounded(), abs(n) < 1e21 { return String(format: "%.0f", n) }
        return String(n)
    }

    /// testharness.js `same_value`: NaN equals NaN, +0 and -0 differ, objects by identity.
    static func sameValue(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.undefined, .undefined), (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)):
            if x.isNaN { return y.isNaN }
            if x == 0 && y == 0 { return x.sign == y.sign }
            return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x === y
        case let (.object(x), .object(y)): return x === y
        case let (.function(x), .function(y)): return x === y
        default: return false
        }
    }

    static func strictEquals(_ a: Value, _ b: Value) -> Bool {
        if case let .number(x) = a, case let .number(y) = b { return x == y }
        return sameValue(a, b)
    }

    final class Env {
        var vars: [String: Value] = [:]
        let parent: Env?
        init(parent: Env?) { self.parent = parent }
        func lookup(_ name: String) throws -> Value {
            if let v = vars[name] { return v }
            if let parent { return try parent.lookup(name) }
            throw Error("ReferenceError: \(name) is not defined")
        }
        func assign(_ name: String, _ value: Value) throws {
            if vars[name] != nil { vars[name] = value; return }
            if let parent { try parent.assign(name, value); return }
            throw Error("ReferenceError: \(name) is not defined")
        }
    }

    // MARK: Syntax tree

    indirect enum Expr {
        case literal(Value)
        case arrayLiteral([Expr])
        case ident(String)
        case member(Expr, String)
        case index(Expr, Expr)
        case call(Expr, [Expr])
        case function([String], [Stmt])
        case unary(String, Expr)
        case binary(String, Expr, Expr)
        case assign(String, Expr)
        case postfix(String, String)
    }

    indirect enum Stmt {
        case varDecl(String, Expr?)
        case expr(Expr)
        case forLoop(Stmt?, Expr?, Expr?, Stmt)
        case block([Stmt])
        case ret(Expr?)
    }

    // MARK: Tokenizer

    enum Token: Equatable {
        case ident(String), number(Double), string(String), punct(String), eof
    }

    static func tokenize(_ src: String) throws -> [Token] {
        let s = Array(src.unicodeScalars)
        var i = 0
        var out: [Token] = []
        let puncts = ["===", "!==", "==", "!=", "<=", ">=", "++", "--", "&&", "||",
                      "(", ")", "[", "]", "{", "}", ",", ";", ".", "+", "-", "*", "/", "!", "<", ">", "=", ":"]
        while i < s.count {
            let c = s[i]
            if c.properties.isWhitespace { i += 1; continue }
            if c == "/", i + 1 < s.count, s[i + 1] == "/" {
                while i < s.count, s[i] != "\n" { i += 1 }
                continue
            }
            if c == "/", i + 1 < s.count, s[i + 1] == "*" {
                i += 2
                while i + 1 < s.count, !(s[i] == "*" && s[i + 1] == "/") { i += 1 }
                i += 2
                continue
            }
            if c.properties.isAlphabetic || c == "_" || c == "$" {
                var j = i
                while j < s.count, s[j].properties.isAlphabetic || s[j] == "_" || s[j] == "$" || ("0"..."9").contains(s[j]) { j += 1 }
                out.append(.ident(String(String.UnicodeScalarView(s[i..<j]))))
                i = j
                continue
            }
            if ("0"..."9").contains(c) || (c == "." && i + 1 < s.count && ("0"..."9").contains(s[i + 1])) {
                var j = i
                while j < s.count, ("0"..."9").contains(s[j]) || s[j] == "." || s[j] == "e" || s[j] == "E"
                        || ((s[j] == "+" || s[j] == "-") && (s[j - 1] == "e" || s[j - 1] == "E")) { j += 1 }
                let text = String(String.UnicodeScalarView(s[i..<j]))
                guard let v = Double(text) else { throw Error("bad number \(text)") }
                out.append(.number(v))
                i = j
                continue
            }
            if c == "'" || c == "\"" {
                var j = i + 1
                var str = String.UnicodeScalarView()
                while j < s.count, s[j] != c {
                    if s[j] == "\\", j + 1 < s.count {
                        j += 1
                        switch s[j] {
                        case "n": str.append("\n")
                        case "r": str.append("\r")
                        case "t": str.append("\t")
                        case "f": str.append("\u{0C}")
                        case "v": str.append("\u{0B}")
                        case "0": str.append("\u{0}")
                        case "x", "u":
                            let len = s[j] == "x" ? 2 : 4
                            let hex = String(String.UnicodeScalarView(s[(j + 1)..<(j + 1 + len)]))
                            guard let v = UInt32(hex, radix: 16), let u = Unicode.Scalar(v) else { throw Error("bad escape") }
                            str.append(u)
                            j += len
                        default: str.append(s[j])
                        }
                    } else {
                        str.append(s[j])
                    }
                    j += 1
                }
                out.append(.string(String(str)))
                i = j + 1
                continue
            }
            guard let p = puncts.first(where: { p in
                let u = Array(p.unicodeScalars)
                return i + u.count <= s.count && Array(s[i..<(i + u.count)]) == u
            }) else { throw Error("unexpected character \(c)") }
            out.append(.punct(p))
            i += p.unicodeScalars.count
        }
        out.append(.eof)
        return out
    }

    // MARK: Parser

    struct Parser {
        var tokens: [Token]
        var k = 0

        var peek: Token { tokens[k] }
        mutating func next() -> Token { defer { k += 1 }; return tokens[k] }
        mutating func accept(_ p: String) -> Bool {
            if tokens[k] == .punct(p) { k += 1; return true }
            return false
        }
        mutating func expect(_ p: String) throws {
            guard accept(p) else { throw Error("expected \(p), found \(peek)") }
        }

        mutating func program() throws -> [Stmt] {
            var out: [Stmt] = []
            while peek != .eof { out.append(try statement()) }
            return out
        }

        mutating func statement() throws -> Stmt {
            if accept("{") {
                var body: [Stmt] = []
                while !accept("}") { body.append(try statement()) }
                return .block(body)
            }
            if accept(";") { return .block([]) }
            if case .ident("var") = peek {
                _ = next()
                guard case let .ident(name) = next() else { throw Error("expected name after var") }
                var initial: Expr?
                if accept("=") { initial = try expression() }
                _ = accept(";")
                return .varDecl(name, initial)
            }
            if case .ident("return") = peek {
                _ = next()
                if accept(";") { return .ret(nil) }
                let e = try expression()
                _ = accept(";")
                return .ret(e)
            }
            if case .ident("for") = peek {
                _ = next()
                try expect("(")
                var initial: Stmt?
                if !accept(";") { initial = try statement() }
                var cond: Expr?
                if !accept(";") { cond = try expression(); try expect(";") }
                var update: Expr?
                if !accept(")") { update = try expression(); try expect(")") }
                return .forLoop(initial, cond, update, try statement())
            }
            let e = try expression()
            _ = accept(";")
            return .expr(e)
        }

        mutating func expression() throws -> Expr {
            let lhs = try equality()
            if accept("=") {
                guard case let .ident(name) = lhs else { throw Error("unsupported assignment target") }
                return .assign(name, try expression())
            }
            return lhs
        }

        mutating func equality() throws -> Expr {
            var e = try relational()
            while case let .punct(p) = peek, ["===", "!==", "==", "!="].contains(p) {
                _ = next()
                e = .binary(p, e, try relational())
            }
            return e
        }

        mutating func relational() throws -> Expr {
            var e = try additive()
            while case let .punct(p) = peek, ["<", ">", "<=", ">="].contains(p) {
                _ = next()
                e = .binary(p, e, try additive())
            }
            return e
        }

        mutating func additive() throws -> Expr {
            var e = try multiplicative()
            while case let .punct(p) = peek, p == "+" || p == "-" {
                _ = next()
                e = .binary(p, e, try multiplicative())
            }
            return e
        }

        mutating func multiplicative() throws -> Expr {
            var e = try unary()
            while case let .punct(p) = peek, p == "*" || p == "/" {
                _ = next()
                e = .binary(p, e, try unary())
            }
            return e
        }

        mutating func unary() throws -> Expr {
            if case let .punct(p) = peek, p == "!" || p == "-" || p == "+" {
                _ = next()
                return .unary(p, try unary())
            }
            return try postfix()
        }

        mutating func postfix() throws -> Expr {
            var e = try primary()
            while true {
                if accept(".") {
                    guard case let .ident(name) = next() else { throw Error("expected property name") }
                    e = .member(e, name)
                } else if accept("[") {
                    let index = try expression()
                    try expect("]")
                    e = .index(e, index)
                } else if accept("(") {
                    var args: [Expr] = []
                    if !accept(")") {
                        repeat { args.append(try expression()) } while accept(",")
                        try expect(")")
                    }
                    e = .call(e, args)
                } else if case let .punct(p) = peek, p == "++" || p == "--", case let .ident(name) = e {
                    _ = next()
                    e = .postfix(p, name)
                } else {
                    return e
                }
            }
        }

        mutating func primary() throws -> Expr {
            switch next() {
            case let .number(n): return .literal(.number(n))
            case let .string(s): return .literal(.string(s))
            case .ident("true"): return .literal(.bool(true))
            case .ident("false"): return .literal(.bool(false))
            case .ident("null"): return .literal(.null)
            case .ident("undefined"): return .literal(.undefined)
            case .ident("function"):
                if case .ident = peek { _ = next() }
                try expect("(")
                var params: [String] = []
                if !accept(")") {
                    repeat {
                        guard case let .ident(p) = next() else { throw Error("expected parameter") }
                        params.append(p)
                    } while accept(",")
                    try expect(")")
                }
                try expect("{")
                var body: [Stmt] = []
                while !accept("}") { body.append(try statement()) }
                return .function(params, body)
            case let .ident(name): return .ident(name)
            case .punct("("):
                let e = try expression()
                try expect(")")
                return e
            case .punct("["):
                var items: [Expr] = []
                while !accept("]") {
                    items.append(try expression())
                    if !accept(",") { try expect("]"); break }
                }
                return .arrayLiteral(items)
            case let t: throw Error("unexpected token \(t)")
            }
        }
    }

    // MARK: Interpreter

    struct Return: Swift.Error { let value: Value }

    static func run(_ source: String, globals: Env) throws {
        var parser = Parser(tokens: try tokenize(source))
        let program = try parser.program()
        for stmt in program { try exec(stmt, globals) }
    }

    static func exec(_ stmt: Stmt, _ env: Env) throws {
        switch stmt {
        case let .varDecl(name, e):
            env.vars[name] = try e.map { try eval($0, env) } ?? env.vars[name] ?? .undefined
        case let .expr(e):
            _ = try eval(e, env)
        case let .block(body):
            for s in body { try exec(s, env) }
        case let .ret(e):
            throw Return(value: try e.map { try eval($0, env) } ?? .undefined)
        case let .forLoop(initial, cond, update, body):
            if let initial { try exec(initial, env) }
            var guardCount = 0
            while try cond.map({ try eval($0, env).truthy }) ?? true {
                try exec(body, env)
                if let update { _ = try eval(update, env) }
                guardCount += 1
                if guardCount > 100_000 { throw Error("loop does not end") }
            }
        }
    }

    static func call(_ f: Value, _ args: [Value]) throws -> Value {
        guard case let .function(fn) = f else { throw Error("TypeError: not a function") }
        if let native = fn.native { return try native(args) }
        let scope = Env(parent: fn.env)
        for (k, p) in fn.params.enumerated() { scope.vars[p] = k < args.count ? args[k] : .undefined }
        do {
            for s in fn.body { try exec(s, scope) }
        } catch let r as Return {
            return r.value
        }
        return .undefined
    }

    static func number(_ v: Value) throws -> Double {
        switch v {
        case let .number(n): return n
        case let .bool(b): return b ? 1 : 0
        case .null: return 0
        default: throw Error("not a number: \(v)")
        }
    }

    static func toString(_ v: Value) -> String {
        if case let .string(s) = v { return s }
        return v.description
    }

    static func eval(_ e: Expr, _ env: Env) throws -> Value {
        switch e {
        case let .literal(v): return v
        case let .arrayLiteral(items): return .array(ArrayBox(try items.map { try eval($0, env) }))
        case let .ident(name): return try env.lookup(name)
        case let .function(params, body): return .function(Function(params: params, body: body, env: env))
        case let .assign(name, value):
            let v = try eval(value, env)
            try env.assign(name, v)
            return v
        case let .postfix(op, name):
            let old = try number(try env.lookup(name))
            try env.assign(name, .number(op == "++" ? old + 1 : old - 1))
            return .number(old)
        case let .unary(op, x):
            let v = try eval(x, env)
            switch op {
            case "!": return .bool(!v.truthy)
            case "-": return .number(-(try number(v)))
            default: return .number(try number(v))
            }
        case let .binary(op, l, r):
            let a = try eval(l, env), b = try eval(r, env)
            switch op {
            case "+":
                if case .string = a { return .string(toString(a) + toString(b)) }
                if case .string = b { return .string(toString(a) + toString(b)) }
                return .number(try number(a) + number(b))
            case "-": return .number(try number(a) - number(b))
            case "*": return .number(try number(a) * number(b))
            case "/": return .number(try number(a) / number(b))
            case "<": return .bool(try number(a) < number(b))
            case ">": return .bool(try number(a) > number(b))
            case "<=": return .bool(try number(a) <= number(b))
            case ">=": return .bool(try number(a) >= number(b))
            case "===", "==": return .bool(strictEquals(a, b))
            case "!==", "!=": return .bool(!strictEquals(a, b))
            default: throw Error("unsupported operator \(op)")
            }
        case let .member(x, name):
            return try property(try eval(x, env), name)
        case let .index(x, i):
            let base = try eval(x, env)
            let key = try eval(i, env)
            if case let .array(arr) = base, case let .number(n) = key {
                let k = Int(n)
                return k >= 0 && k < arr.items.count ? arr.items[k] : .undefined
            }
            return try property(base, toString(key))
        case let .call(callee, argExprs):
            let args = try argExprs.map { try eval($0, env) }
            if case let .member(target, name) = callee {
                let base = try eval(target, env)
                if case let .array(arr) = base {
                    switch name {
                    case "forEach":
                        for (k, item) in arr.items.enumerated() { _ = try call(args[0], [item, .number(Double(k)), base]) }
                        return .undefined
                    case "map":
                        return .array(ArrayBox(try arr.items.enumerated().map { try call(args[0], [$1, .number(Double($0)), base]) }))
                    default: break
                    }
                }
                return try call(try property(base, name), args)
            }
            return try call(try eval(callee, env), args)
        }
    }

    static func property(_ base: Value, _ name: String) throws -> Value {
        switch base {
        case let .array(arr):
            if name == "length" { return .number(Double(arr.items.count)) }
            if let k = Int(name) { return k >= 0 && k < arr.items.count ? arr.items[k] : .undefined }
            return .undefined
        case let .string(s):
            if name == "length" { return .number(Double(s.utf16.count)) }
            return .undefined
        case let .object(o):
            return o.props[name] ?? .undefined
        case .null, .undefined:
            throw Error("TypeError: cannot read property '\(name)' of \(base)")
        default:
            return .undefined
        }
    }
}
