import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A thread of the server's besides the main one: it leaves every signal to the main thread,
/// whose wait for input they must cut short, and ends when asked once its work is done.
/// Subclasses keep their state under `condition` and check `stopping` while they wait for work.
class ServerThread: @unchecked Sendable {
    let condition = NSCondition()
    /// Set under `condition` when the thread is asked to end.
    private(set) var stopping = false
    private var stopped = false

    init(name: String) {
        let thread = Thread { [self] in
            var signals = sigset_t()
            sigfillset(&signals)
            pthread_sigmask(SIG_BLOCK, &signals, nil)
            condition.lock()
            work()
            stopped = true
            condition.broadcast()
            condition.unlock()
        }
        thread.name = name
        thread.start()
    }

    /// The thread's loop, entered and left with `condition` locked.
    func work() {}

    /// Ends the thread once it has nothing left to do.
    func stop() {
        condition.lock()
        stopping = true
        condition.broadcast()
        while !stopped { condition.wait() }
        condition.unlock()
    }
}
