extension StringProtocol {
    /// Without the characters at either end for which `isTrimmed` holds. Foundation's
    /// `trimmingCharacters(in:)` bridges to a character set on every call, which was a third of a
    /// brief's build time (docs/performance.md).
    public func trimming(where isTrimmed: (Character) -> Bool) -> String {
        guard let first = firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = lastIndex(where: { !isTrimmed($0) })!
        return String(self[first...last])
    }

    /// Without the characters of `characters` at either end.
    public func trimming(_ characters: String) -> String { trimming { characters.contains($0) } }

    /// Without spaces and tabs at either end (newlines kept, as `.whitespaces` keeps them).
    public var trimmingSpaces: String { trimming { $0.isWhitespace && !$0.isNewline } }

    /// Without white space and newlines at either end.
    public var trimmingWhitespace: String { trimming(where: \.isWhitespace) }
}
