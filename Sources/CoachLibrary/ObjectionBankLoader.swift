import CoachScript
import CoachSummary
import CoachText
import Foundation
import Yams

/// Reads an objection bank (`objections.LANG.yaml`): a list under `objections:`, each entry with
/// `id`, `kinds`, `objection`, `reply` and `prepare`. Every problem names its place.
public enum ObjectionBankLoader {
    public struct LoadError: Error, CustomStringConvertible, Equatable {
        public var location: SourceLocation
        public var message: String
        public var description: String { "\(location): \(message)" }
    }

    public static func load(text: String, path: String) throws(LoadError) -> ObjectionBank {
        func place(_ node: Node?) -> SourceLocation {
            SourceLocation(path: path, line: node?.mark?.line ?? 1, column: node?.mark?.column ?? 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw LoadError(location: SourceLocation(path: path, line: 1, column: 1), message: "not YAML: \(error)")
        }
        guard let list = root?["objections"]?.sequence else {
            throw LoadError(location: place(root), message: "expected a list under 'objections'")
        }
        var entries: [ObjectionBank.Entry] = []
        for node in list {
            guard let mapping = node.mapping else { throw LoadError(location: place(node), message: "expected an entry with id, kinds, objection, reply, prepare") }
            let allowed = ["id", "kinds", "objection", "reply", "prepare"]
            for key in mapping.keys where !allowed.contains(key.scalar?.string ?? "") {
                throw LoadError(location: place(key), message: "unknown key '\(key.scalar?.string ?? "")'; expected one of \(allowed.joined(separator: ", "))")
            }
            func text(_ key: String) throws(LoadError) -> String {
                guard let value = node[Node(key)]?.scalar?.string, !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw LoadError(location: place(node), message: "the entry needs a text '\(key)'")
                }
                return value
            }
            let id = try text("id")
            guard entries.allSatisfy({ $0.id != id }) else { throw LoadError(location: place(node[Node("id")]), message: "the id '\(id)' is used twice") }
            guard let kindNodes = node[Node("kinds")]?.sequence, !kindNodes.isEmpty else {
                throw LoadError(location: place(node), message: "'\(id)' needs a list 'kinds' (\(WishKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            var kinds: Set<WishKind> = []
            for kindNode in kindNodes {
                guard let kind = kindNode.scalar.flatMap({ WishKind(rawValue: $0.string) }) else {
                    throw LoadError(location: place(kindNode), message: "unknown kind '\(kindNode.scalar?.string ?? "")'; expected one of \(WishKind.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                kinds.insert(kind)
            }
            let reply = try text("reply")
            var rest = Substring(reply)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else {
                    throw LoadError(location: place(node[Node("reply")]), message: "a '{' in the reply of '\(id)' is not closed")
                }
                let name = String(rest[rest.index(after: open)..<close])
                guard WishPart(rawValue: name) != nil else {
                    throw LoadError(location: place(node[Node("reply")]),
                                    message: "unknown part '{\(name)}' in the reply of '\(id)'; expected one of \(WishPart.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", "))")
                }
                rest = rest[rest.index(after: close)...]
            }
            let prepare = try text("prepare")
            guard !prepare.contains("{") else {
                throw LoadError(location: place(node[Node("prepare")]), message: "'prepare' of '\(id)' is said when a part is missing, so it quotes none")
            }
            entries.append(ObjectionBank.Entry(id: id, kinds: kinds, objection: try text("objection"), reply: reply, prepare: prepare))
        }
        return ObjectionBank(entries: entries)
    }
}

extension DialogueLibrary {
    /// The synonyms and the objection bank for a language; neither file is required, but a bank that
    /// is there must be sound.
    public func briefKnowledge(_ language: Language) throws(ObjectionBankLoader.LoadError) -> BriefKnowledge {
        let url = folder.appendingPathComponent("objections.\(language.rawValue).yaml")
        var bank = ObjectionBank.empty
        if let data = FileManager.default.contents(atPath: url.path) {
            guard let text = String(validating: data, as: UTF8.self) else {
                throw .init(location: SourceLocation(path: Self.displayPath(url), line: 1, column: 1), message: "cannot read the file as UTF-8 text")
            }
            bank = try ObjectionBankLoader.load(text: text, path: Self.displayPath(url))
        }
        return BriefKnowledge(synonyms: synonyms(language), objections: bank)
    }
}
