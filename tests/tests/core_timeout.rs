//! The three modes and the timeout rules of the spec's "Notes on socket timeouts": one deadline
//! per call, signals never break a call, `TimedOut` errors, `WouldBlock` in non-blocking mode,
//! accepted sockets in the default timeout.

use std::io;
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use nix::sys::pthread::{pthread_kill, pthread_self};
use nix::sys::signal::{sigaction, SaFlags, SigAction, SigHandler, SigSet, Signal};
use sock::{Family, Socket, Type};

/// How long a test waits for something that should happen at once (generous: TCG is slow).
const WAIT: Duration = Duration::from_secs(10);

/// Slack allowed past a timeout. The host gets the 100 ms; a software-emulated VM
/// (SOCK_IN_VM=1) schedules far more coarsely, so it gets more.
fn slack() -> Duration {
    if std::env::var_os("SOCK_IN_VM").is_some() {
        Duration::from_millis(1000)
    } else {
        Duration::from_millis(100)
    }
}

#[test]
fn recv_times_out_within_the_timeout() {
    let (a, _b) = sock::socketpair().unwrap();
    let t = Duration::from_millis(300);
    a.set_timeout(Some(t)).unwrap();
    let start = Instant::now();
    let err = a.recv_vec(10).unwrap_err();
    let took = start.elapsed();
    assert_eq!(err.kind(), io::ErrorKind::TimedOut);
    assert_eq!(err.to_string(), "recv: timed out");
    assert!(took >= t, "returned early after {took:?}");
    assert!(took < t + slack(), "took {took:?} for a {t:?} timeout");
}

#[test]
fn accept_times_out() {
    let l = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    l.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    l.listen(None).unwrap();
    l.set_timeout(Some(Duration::from_millis(100))).unwrap();
    assert_eq!(l.accept().unwrap_err().kind(), io::ErrorKind::TimedOut);
}

#[test]
fn nonblocking_recv_would_block() {
    let (a, _b) = sock::socketpair().unwrap();
    a.set_blocking(false).unwrap();
    let mut buf = [0u8; 4];
    assert_eq!(a.recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    let b = Socket::new(Family::INET, Type(libc::SOCK_DGRAM | libc::SOCK_NONBLOCK), None).unwrap();
    assert_eq!(b.recv_from(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
}

#[test]
fn send_all_into_a_full_buffer_times_out() {
    let (a, _b) = sock::socketpair().unwrap();
    a.setsockopt_int(libc::SOL_SOCKET, libc::SO_SNDBUF, 4096).unwrap();
    let t = Duration::from_millis(200);
    a.set_timeout(Some(t)).unwrap();
    let big = vec![7u8; 8 << 20];
    let start = Instant::now();
    let err = a.send_all(&big).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::TimedOut);
    // One deadline for all chunks: the whole call, not each chunk, is bounded.
    assert!(start.elapsed() < t + slack(), "send_all took {:?}", start.elapsed());
}

#[test]
fn timeout_mode_recv_with_data_ready_returns_at_once() {
    let (a, b) = sock::socketpair().unwrap();
    a.set_timeout(Some(Duration::from_secs(30))).unwrap();
    b.send_all(b"ready").unwrap();
    assert_eq!(a.recv_vec(16).unwrap(), b"ready");
}

#[test]
fn huge_timeouts_are_clamped_not_overflowed() {
    let (a, b) = sock::socketpair().unwrap();
    // Beyond i32::MAX milliseconds (gh-126876) and beyond what Instant can add.
    for t in [Duration::from_millis(i32::MAX as u64 + 1), Duration::from_secs(u64::MAX / 4), Duration::MAX] {
        a.set_timeout(Some(t)).unwrap();
        b.send(b"z").unwrap();
        assert_eq!(a.recv_vec(1).unwrap(), b"z");
    }
}

static SIGNALS: AtomicUsize = AtomicUsize::new(0);

extern "C" fn count_signal(_: libc::c_int) {
    SIGNALS.fetch_add(1, Ordering::SeqCst);
}

/// Installs a no-op SIGUSR1 handler *without* SA_RESTART, so blocking syscalls see EINTR.
fn install_handler() {
    let action = SigAction::new(SigHandler::Handler(count_signal), SaFlags::empty(), SigSet::empty());
    // SAFETY: the handler only touches an atomic, which is async-signal-safe.
    unsafe { sigaction(Signal::SIGUSR1, &action) }.unwrap();
}

/// Runs `blocked` in a thread, interrupts it with signals while it waits, then calls `release`
/// and returns what `blocked` returned.
fn interrupt_while_blocked<T: Send + 'static>(
    blocked: impl FnOnce() -> io::Result<T> + Send + 'static,
    release: impl FnOnce(),
) -> io::Result<T> {
    install_handler();
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        tx.send((pthread_self(), nix::unistd::gettid())).unwrap();
        blocked()
    });
    let (thread, tid) = rx.recv().unwrap();
    let task = format!("self/task/{tid}");
    for i in 0..5 {
        // Signal only once the thread sleeps in its syscall, and wait for the handler to have
        // run (the counter is shared with other tests, so it only ever grows faster).
        assert!(sock_tests::wait_for_io_wait(&task, WAIT), "signal {i}: the thread never blocked");
        let before = SIGNALS.load(Ordering::SeqCst);
        pthread_kill(thread, Signal::SIGUSR1).unwrap();
        let deadline = Instant::now() + WAIT;
        while SIGNALS.load(Ordering::SeqCst) == before {
            assert!(Instant::now() < deadline, "signal {i} was never handled");
            thread::yield_now();
        }
    }
    // Back in the syscall after the last signal: the call was restarted, not broken.
    assert!(sock_tests::wait_for_io_wait(&task, WAIT), "the thread did not go back to waiting");
    release();
    handle.join().unwrap()
}

#[test]
fn signal_does_not_break_blocking_recv() {
    let (a, b) = sock::socketpair().unwrap();
    let got = interrupt_while_blocked(move || a.recv_vec(16), move || b.send_all(b"after signals").unwrap());
    assert_eq!(got.unwrap(), b"after signals");
}

#[test]
fn signal_does_not_break_timeout_recv() {
    let (a, b) = sock::socketpair().unwrap();
    a.set_timeout(Some(Duration::from_secs(30))).unwrap();
    let got = interrupt_while_blocked(move || a.recv_vec(16), move || b.send_all(b"still here").unwrap());
    assert_eq!(got.unwrap(), b"still here");
}

#[test]
fn signal_does_not_break_blocking_accept() {
    let l = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    l.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    l.listen(None).unwrap();
    let addr = l.local_addr().unwrap();
    let got = interrupt_while_blocked(
        move || l.accept().map(|(s, peer)| (s.family(), peer)),
        move || {
            let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
            // The connection waits in the accept queue even after the client closes.
            c.connect(addr).unwrap();
        },
    );
    assert_eq!(got.unwrap().0, Family::INET);
}

#[test]
fn msg_dontwait_never_waits_even_in_timeout_mode() {
    let (a, _b) = sock::socketpair().unwrap();
    a.set_timeout(Some(Duration::from_secs(30))).unwrap();
    let start = Instant::now();
    let mut buf = [0u8; 4];
    let err = a.recv_with_flags(&mut buf, libc::MSG_DONTWAIT).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::WouldBlock);
    assert!(start.elapsed() < Duration::from_secs(5));
}
