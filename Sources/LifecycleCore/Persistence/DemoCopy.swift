import FoundationEssentials
import Glibc
import LifecycleContent

/// The demo: a private copy of the bundled sample in a fresh temporary folder, so it can
/// be changed freely and the original is never touched.
public enum DemoCopy {
    public static func write() throws(FileProblem) -> String {
        guard let sample = EmbeddedResources.text("assets/sample-assessment.json") else {
            throw .notFound(path: "assets/sample-assessment.json (embedded)")
        }
        let template = FileManager.default.temporaryDirectory.path + "/lifecycle-demo-XXXXXX"
        guard let directory = TemporaryName.make(template, { mkdtemp($0) != nil }) else {
            throw .writeFailed(path: "demo", reason: String(cString: strerror(errno)))
        }
        let path = directory + "/tidewater-freight-demo.json"
        try AtomicFileWriter().write(Array(sample.utf8), to: path)
        return path
    }
}
