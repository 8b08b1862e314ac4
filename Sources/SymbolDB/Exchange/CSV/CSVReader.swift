/// An RFC 4180 CSV reader that keeps the line each record starts on.
///
/// Fields are separated by commas and records by CRLF or LF; a field in double quotes may hold commas,
/// line breaks and `""` for a quote. A UTF-8 BOM is skipped; blank lines are ignored.
struct CSVReader {
    struct Record: Equatable {
        var fields: [String]
        /// 1-based line the record starts on.
        var line: Int
    }

    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
    }

    static func read(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var quoted = false          // inside a quoted field
        var afterQuote = false      // a quoted field just closed
        var fieldStarted = false
        var scalars = Array(text.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        var index = 0

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(Record(fields: fields, line: recordLine))
            }
            fields = []
            field = ""
            afterQuote = false
            fieldStarted = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            if quoted {
                if scalar == "\"" {
                    if index < scalars.count && scalars[index] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        quoted = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                fields.append(field)
                field = ""
                afterQuote = false
                fieldStarted = true
            case "\r" where index < scalars.count && scalars[index] == "\n":
                continue
            case "\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                guard field.isEmpty && !afterQuote else {
                    throw SyntaxError(message: "a quote inside an unquoted field (quote the whole field and double the quote: \"\")", line: line)
                }
                quoted = true
                fieldStarted = true
            default:
                if afterQuote {
                    throw SyntaxError(message: "text after a closing quote (a field is either quoted whole or not at all)", line: line)
                }
                field.unicodeScalars.append(scalar)
                fieldStarted = true
            }
        }
        if quoted {
            throw SyntaxError(message: "a quoted field opened on line \(recordLine) or later is never closed", line: recordLine)
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// One CSV field, quoted when it must be.
    static func escape(_ field: String) -> String {
        let special = field.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard special || field.hasPrefix(" ") || field.hasSuffix(" ") else {
            return field
        }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A record line, CRLF-terminated as RFC 4180 says.
    static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }
}
