import Glibc

/// Runs one piece of work on its own thread while the caller does something else, for
/// the commands that read two large files and a catalog (`diff`): on two cores the reads
/// overlap. A plain POSIX thread: the commands are synchronous and need no scheduler.
public final class BackgroundTask<Value: Sendable>: @unchecked Sendable {
    // Written once by the worker before it ends, read only after pthread_join: the join
    // is the synchronisation, hence @unchecked.
    private var value: Value?
    private var thread: pthread_t?

    private init() {}

    /// Starts `work` on a new thread (on this one when no thread can be made).
    public static func start(_ work: @escaping @Sendable () -> Value) -> BackgroundTask<Value> {
        let task = BackgroundTask()
        task.thread = ThreadStarter.start { task.value = work() }
        if task.thread == nil { task.value = work() }
        return task
    }

    /// Waits for the work to finish and returns its result.
    public func result() -> Value {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        }
        return value!
    }
}

/// Not generic: a C thread entry point cannot refer to generic parameters.
private final class ThreadStarter {
    let body: () -> Void

    init(body: @escaping () -> Void) { self.body = body }

    static func start(_ body: @escaping () -> Void) -> pthread_t? {
        var thread = pthread_t()
        let context = Unmanaged.passRetained(ThreadStarter(body: body)).toOpaque()
        let started = pthread_create(&thread, nil, { context in
            Unmanaged<ThreadStarter>.fromOpaque(context!).takeRetainedValue().body()
            return nil
        }, context)
        guard started == 0 else {
            Unmanaged<ThreadStarter>.fromOpaque(context).release()
            return nil
        }
        return thread
    }
}
