// libFuzzer entry point for the loaders (parser, assessment and catalog decoders, diff,
// merge). Built by Sources/lifecycle-fuzz/fuzz.sh into one module with LifecycleCore's
// sources; not part of the SwiftPM package build.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLoaders(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let value = try? JSONParser.parse(bytes) else { return 0 }
    var problems: [ValidationProblem] = []
    if let assessment = Assessment.decode(value, knownMaturityStages: ["starting", "scaling", "leading"], problems: &problems) {
        let saved = assessment.canonicalBytes()
        var again: [ValidationProblem] = []
        guard let reloaded = try? JSONParser.parse(saved),
              Assessment.decode(reloaded, knownMaturityStages: ["starting", "scaling", "leading"], problems: &again) == assessment else {
            fatalError("an assessment that loads must save and load back unchanged")
        }
        let merged = ThreeWayMerge.merge(base: assessment, ours: assessment, theirs: assessment)
        if merged.merged != assessment { fatalError("merging a file with itself must change nothing") }
        _ = TextconvRenderer.self
    }
    _ = CatalogLoader.parseArea(value, problems: &problems)
    _ = CatalogLoader.parseMatrix(value, problems: &problems)
    _ = CatalogLoader.parseMaturity(value, problems: &problems)
    return 0
}
