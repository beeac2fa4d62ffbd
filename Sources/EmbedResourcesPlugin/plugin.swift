import Foundation
import PackagePlugin

/// Embeds the package's `content/` (the question catalog) and `assets/` (schemas,
/// sample assessment) into the `LifecycleContent` target as Swift source.
///
/// Why a build plugin rather than SwiftPM resources: a resource bundle has to travel
/// next to the executable, and the brief wants a `lifecycle` binary that still works
/// after being copied anywhere. Why not a checked-in generated file: `content/` must
/// stay the single source, with no second hand-maintained copy.
@main
struct EmbedResourcesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let folders = ["content", "assets"].map { root.appending(path: $0) }
        var inputs: [URL] = []
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for name in names.sorted() where name.hasSuffix(".json") {
                inputs.append(folder.appending(path: name))
            }
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedEmbeddedFiles.swift")
        let tool = try context.tool(named: "EmbedResources")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) catalog and asset files",
                executable: tool.url,
                arguments: [output.path] + inputs.map(\.path),
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
