import Foundation
package import PipelineModel

/// How a setting's value is written, parsed and checked, the same for a definition's value and
/// an option's: `expected` says how in errors (`a whole number from 1 to 256`).
package struct SettingSyntax<Value: Sendable>: Sendable {
    /// How a value is written, for an error: `'min-rows': expected a whole number, 0 or more`.
    package let expected: String
    /// How one item of a list is written (`a path`); nil when the value is one scalar, and a
    /// definition's list is refused.
    package let itemExpected: String?
    /// What the value's path names for the run to read; nil for a value that is no such path
    /// (a number, the output folder, a file the run writes).
    package let reads: PathRead?
    /// The value written as `input`, read in `context`; nil leaves the setting not given.
    let parse: @Sendable (SettingInput, SettingContext) throws(SettingProblem) -> Value?

    /// A syntax; `parse` sees only scalars unless `itemExpected` accepts lists.
    package init(expected: String, itemExpected: String? = nil, reads: PathRead? = nil,
                 parse: @escaping @Sendable (SettingInput, SettingContext) throws(SettingProblem) -> Value?) {
        self.expected = expected
        self.itemExpected = itemExpected
        self.reads = reads
        self.parse = parse
    }

    /// A scalar syntax: `parse` gets the text and returns nil for text that is not written as
    /// `expected`.
    package static func scalar(_ expected: String, parse: @escaping @Sendable (String) -> Value?) -> SettingSyntax {
        SettingSyntax(expected: expected) { input, _ throws(SettingProblem) in
            guard let value = parse(input.items[0]) else { throw .notExpected() }
            return value
        }
    }

    /// One of `Value`'s cases by its raw value, in any case (`Pooled`).
    package static func choice(_ expected: String) -> SettingSyntax
        where Value: RawRepresentable, Value.RawValue == String {
        scalar(expected) { Value(rawValue: $0.lowercased()) }
    }
}

extension SettingSyntax where Value == Int {
    /// A whole number in `range`; one out of it (or too large for an Int) names the range.
    package static func integer(in range: ClosedRange<Int>) -> SettingSyntax {
        let expected = range.upperBound == Int.max ? "a whole number, \(range.lowerBound) or more"
            : "a whole number from \(range.lowerBound) to \(range.upperBound)"
        return scalar(expected) { text in Int(text).flatMap { range.contains($0) ? $0 : nil } }
    }
}

extension SettingSyntax where Value == String {
    /// A path, made absolute against the definition's folder.
    package static var path: SettingSyntax {
        SettingSyntax(expected: "a path") { input, context throws(SettingProblem) in
            let text = input.items[0]
            guard !text.isEmpty else { throw .notExpected() }
            return context.resolve(text)
        }
    }

    /// A path that must name an existing file (when files are checked): the `what` the run reads.
    package static func existingFile(_ what: String) -> SettingSyntax {
        SettingSyntax(expected: "a path", reads: PathRead(kind: .file, what: what)) { input, context throws(SettingProblem) in
            let resolved = try path.parse(input, context)!
            if context.checkFiles, !FileKind.isFile(resolved) {
                throw .unusable("no such file: \(resolved)", kind: .missingFile)
            }
            return resolved
        }
    }

    /// A path that must name an existing folder (when files are checked): the `what` the run reads.
    package static func existingFolder(_ what: String) -> SettingSyntax {
        SettingSyntax(expected: "a path", reads: PathRead(kind: .folder, what: what)) { input, context throws(SettingProblem) in
            let resolved = try path.parse(input, context)!
            if context.checkFiles, !FileKind.isDirectory(resolved) {
                throw .unusable("no such folder: \(resolved)", kind: .missingFile)
            }
            return resolved
        }
    }

    /// A file to write, whose folder must exist (when files are checked).
    package static var fileInExistingFolder: SettingSyntax {
        SettingSyntax(expected: "a path") { input, context throws(SettingProblem) in
            let resolved = try path.parse(input, context)!
            let parent = URL(fileURLWithPath: resolved).deletingLastPathComponent().path
            if context.checkFiles, !FileKind.isDirectory(parent) { throw .unusable("no such folder: \(parent)") }
            return resolved
        }
    }

    /// A rule table (the `what` the run reads) mapping texts to `values` (each a `kind`): an
    /// existing file that parses, read now so that a bad one stops the run before any data is read.
    package static func ruleTable<Rule: Sendable & Equatable>(_ what: String, values: [String: Rule], kind: String) -> SettingSyntax {
        SettingSyntax(expected: "a path", reads: PathRead(kind: .file, what: what)) { input, context throws(SettingProblem) in
            let resolved = try existingFile(what).parse(input, context)!
            guard context.checkFiles else { return resolved }
            do {
                _ = try RuleTableLoader.load(resolved, values: values, kind: kind)
            } catch let error as ConfigurationError {
                throw .inFile(ConfigurationError(file: error.file, line: error.line,
                                                 "\(error.reason) (the rule table named by \(context.origin))", kind: error.kind))
            } catch {
                throw .unusable("\(error)")
            }
            return resolved
        }
    }
}

extension SettingSyntax where Value == [String] {
    /// Exports: one path or a list of them, each a file, a glob (expanded, each pattern's
    /// matches sorted, patterns kept in order) or `-` for standard input.
    package static var exports: SettingSyntax {
        SettingSyntax(expected: "a list of export paths or globs", itemExpected: "a path") { input, context throws(SettingProblem) in
            let items = input.items
            guard !items.isEmpty else { throw .unusable("expected at least one export") }
            var paths: [String] = []
            for (index, text) in items.enumerated() {
                guard !text.isEmpty else { throw .notExpected(item: index) }
                if text == "-" {
                    paths.append(text)
                    continue
                }
                let resolved = context.resolve(text)
                if FileKind.isGlob(text) {
                    guard context.checkFiles else {
                        paths.append(resolved)
                        continue
                    }
                    let matches = FileKind.expand(glob: resolved).filter(FileKind.isFile)
                    guard !matches.isEmpty else {
                        throw .unusable("no file matches \(resolved)", kind: .missingFile, item: index)
                    }
                    paths += matches
                } else {
                    if context.checkFiles, !FileKind.isFile(resolved) {
                        throw .unusable("no such file: \(resolved)", kind: .missingFile, item: index)
                    }
                    paths.append(resolved)
                }
            }
            return paths
        }
    }
}

// Unconstrained, the model's types in the declarations: constrained to them, the compiler needs
// `package import PipelineModel` yet warns that it is unused.
extension SettingSyntax {
    /// A range of reporting years, one year, or `all` (nil: every year the data covers).
    package static var years: SettingSyntax<YearRange?> {
        SettingSyntax<YearRange?>(expected: "a year range such as 2019-20..2023-24, one year such as 2023-24, or all") {
            input, _ throws(SettingProblem) in
            let text = input.items[0]
            if text.lowercased() == "all" { return .some(nil) }
            do {
                return try YearRange(parsing: text)
            } catch let error as YearRange.Invalid {
                throw .notExpected(detail: error.reason)
            } catch {
                throw .notExpected(detail: "\(error)")
            }
        }
    }
}

extension SettingSyntax where Value == Double {
    /// A share between 0 and 1, written `1%` or `0.01`.
    package static var share: SettingSyntax {
        scalar("a share between 0 and 1, written 1% or 0.01") { text in
            let trimmed = text.trimmingSpaces
            let number = trimmed.hasSuffix("%")
                ? Double(String(trimmed.dropLast()).trimmingSpaces).map { $0 / 100 }
                : Double(trimmed)
            guard let number, number.isFinite, (0 ... 1).contains(number) else { return nil }
            return number
        }
    }
}

extension SettingSyntax {
    /// A date written `2020-07-22`, a day that exists.
    package static var date: SettingSyntax<Day> {
        SettingSyntax<Day>.scalar("a date written 2020-07-22") { text in
            let parts = text.trimmingSpaces.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
                  let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
                  (1900 ... 2999).contains(year) else { return nil }
            return Day(year: year, month: month, day: day)
        }
    }
}
