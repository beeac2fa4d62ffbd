/// Which version of which pack an assessment answers (format version 2): the same three
/// facts an assessment records about the book's catalog. An assessment with none recorded
/// answers the book's pack alone, as every version-1 file does.
public typealias PackReference = CatalogReference

extension CatalogReference {
    public init(_ pack: Pack) {
        self.init(id: pack.id, version: pack.version, contentHash: pack.contentHash)
    }

    /// The packs either assessment reviews, the first's order first; none recorded when
    /// both review the book's pack alone.
    public static func union(_ first: Assessment, _ second: Assessment, book: Catalog) -> [PackReference] {
        guard !first.packs.isEmpty || !second.packs.isEmpty else { return [] }
        let implicit = [PackReference(id: PackLibrary.fundamentalsID, version: book.version, contentHash: book.contentHash)]
        var result: [PackReference] = []
        for reference in (first.packs.isEmpty ? implicit : first.packs) + (second.packs.isEmpty ? implicit : second.packs)
        where !result.contains(where: { $0.id == reference.id }) {
            result.append(reference)
        }
        return result
    }

    var jsonValue: JSONValue {
        .object(["id": .string(id), "version": .string(version), "hash": .string(contentHash)])
    }
}

/// How answers are keyed across packs. The book's questions keep their version-1 keys
/// (`generation.event-rate`), so a file that adds a pack keeps every answer where it was
/// and its git history reads on; every other pack's questions are `PACK_ID:QUESTION_ID`.
/// A pack id never contains `:`, and no book question id does, so keys cannot collide.
public enum PackKey {
    public static let separator: Character = ":"

    public static func answerKey(pack: String, question: String) -> String {
        pack == PackLibrary.fundamentalsID ? question : pack + ":" + question
    }

    /// The pack an answer key belongs to.
    public static func pack(of key: String) -> String {
        key.firstIndex(of: separator).map { String(key[..<$0]) } ?? PackLibrary.fundamentalsID
    }

    /// The question id inside its pack.
    public static func question(of key: String) -> String {
        key.firstIndex(of: separator).map { String(key[key.index(after: $0)...]) } ?? key
    }

    /// `PACK_ID:QUESTION_ID` for outputs, the book's questions included.
    public static func qualified(_ key: String) -> String {
        key.contains(separator) ? key : PackLibrary.fundamentalsID + ":" + key
    }
}
