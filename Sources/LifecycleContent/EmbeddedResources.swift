/// The files of `content/` and `assets/`, compiled into the binary by the
/// EmbedResourcesPlugin build step (see Sources/EmbedResourcesPlugin).
public enum EmbeddedResources {
    /// Every embedded file's text, keyed by "content/NAME.json" or "assets/NAME.json".
    public static var files: [String: String] { generatedFiles }

    /// The text of one embedded file, or nil when no such file was embedded.
    public static func text(_ key: String) -> String? { generatedFiles[key] }
}
