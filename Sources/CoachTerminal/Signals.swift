#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The last signal received; a handler may only store it (async-signal-safe), the loop acts on it.
let pendingSignal = Atomic<Int32>(0)

/// SIGINT, SIGTERM, SIGHUP and SIGWINCH interrupt the wait for input (no SA_RESTART) and are then
/// handled by the line editor between reads, so the terminal is always restored and nothing is lost.
public enum Signals {
    public static func install() {
        // A parent may have blocked them (the mask survives exec): unblock what is handled here.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&handled, signal) }
        sigprocmask(SIG_UNBLOCK, &handled, nil)
        for signal in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] {
            var action = sigaction()
            #if canImport(Glibc)
            action.__sigaction_handler.sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            #else
            action.__sigaction_u.__sa_handler = { pendingSignal.store($0, ordering: .relaxed) }
            #endif
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            sigaction(signal, &action, nil)
        }
    }

    static var isPending: Bool { pendingSignal.load(ordering: .relaxed) != 0 }

    /// The signal that arrived since the last call, or nil.
    public static func take() -> Int32? {
        let signal = pendingSignal.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }
}
