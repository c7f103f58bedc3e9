//! `splice(2)` relays (`SplicePipe`, `Socket::splice_to`, `Socket::relay_to`) against the real
//! kernel: 16 MiB through TCP loopback pairs compared by hash, end of stream passed on while
//! the other direction stays open, both directions at once, every socket mode, and no fd left
//! behind.
#![cfg(feature = "inet")]

use std::io;
use std::thread;
use std::time::Duration;

use sock_core::{Family, Shutdown, Socket, SplicePipe, Type};
// The `("host", port)` address form comes from the inet crate.
use sock_inet as _;

const TIMEOUT: Duration = Duration::from_secs(20);
const TOTAL: usize = 16 << 20;

/// The tests of this file one at a time: the fd checks count the process's fds.
fn serial() -> std::sync::MutexGuard<'static, ()> {
    static LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());
    LOCK.lock().unwrap_or_else(|p| p.into_inner())
}

/// FNV-1a over a stream of chunks (chunking does not change the result).
#[derive(Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn update(&mut self, data: &[u8]) {
        for &b in data {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Deterministic pseudo-random bytes (xorshift), so a reordered or repeated chunk shows.
fn payload(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x as u8
        })
        .collect()
}

/// A connected TCP pair over IPv4 loopback: (client, accepted), both with the test timeout.
fn tcp_pair() -> (Socket, Socket) {
    let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    listener.bind(("127.0.0.1", 0)).unwrap();
    listener.listen(Some(1)).unwrap();
    let client = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    client.connect(listener.local_addr().unwrap()).unwrap();
    let (server, _) = listener.accept().unwrap();
    for s in [&client, &server] {
        s.set_timeout(Some(TIMEOUT)).unwrap();
    }
    (client, server)
}

/// Reads `s` to end of stream; returns (bytes, hash).
fn drain(s: &Socket) -> (usize, u64) {
    let mut buf = vec![0u8; 1 << 16];
    let (mut n, mut h) = (0, Fnv::new());
    loop {
        let got = s.recv(&mut buf).expect("recv while draining");
        if got == 0 {
            return (n, h.0);
        }
        h.update(&buf[..got]);
        n += got;
    }
}

/// writer -> [a_client | a_server] -> relay -> [b_client | b_server] -> reader
#[test]
fn relay_16_mib_over_tcp_and_pass_the_end_on() {
    let _serial = serial();
    let (writer, from) = tcp_pair();
    let (to, reader) = tcp_pair();
    let data = payload(TOTAL, 17);
    let mut want = Fnv::new();
    want.update(&data);

    thread::scope(|scope| {
        let w = scope.spawn(|| {
            writer.send_all(&data).unwrap();
            writer.shutdown(Shutdown::Write).unwrap();
        });
        let relay = scope.spawn(|| from.relay_to(&to));
        let (n, hash) = drain(&reader);
        assert_eq!(n, TOTAL, "bytes through the relay");
        assert_eq!(hash, want.0, "the relayed bytes are the written bytes");
        assert_eq!(relay.join().unwrap().unwrap(), TOTAL as u64);
        w.join().unwrap();
    });

    // Half-close: only the writing side of `to` was shut; the reverse direction still works.
    reader.send_all(b"answer").unwrap();
    assert_eq!(to.recv_vec(16).unwrap(), b"answer");
    assert_eq!(to.send(b"x").map_err(|e| e.raw_os_error()), Err(Some(libc::EPIPE)));
}

#[test]
fn both_directions_at_once_with_pipes_of_their_own() {
    let _serial = serial();
    let (left, left_relay) = tcp_pair();
    let (right_relay, right) = tcp_pair();
    let (l2r, r2l) = (payload(TOTAL / 2, 3), payload(TOTAL / 2 + 12345, 4));
    let (mut want_l2r, mut want_r2l) = (Fnv::new(), Fnv::new());
    want_l2r.update(&l2r);
    want_r2l.update(&r2l);
    thread::scope(|scope| {
        let forward = scope.spawn(|| {
            let mut pipe = SplicePipe::new().unwrap();
            pipe.set_more(true); // bulk: the hint cannot hold the end back, the shutdown flushes it
            pipe.relay(&left_relay, &right_relay)
        });
        let backward = scope.spawn(|| SplicePipe::new().unwrap().relay(&right_relay, &left_relay));
        let send_l = scope.spawn(|| {
            left.send_all(&l2r).unwrap();
            left.shutdown(Shutdown::Write).unwrap();
        });
        let send_r = scope.spawn(|| {
            right.send_all(&r2l).unwrap();
            right.shutdown(Shutdown::Write).unwrap();
        });
        let at_right = scope.spawn(|| drain(&right));
        let at_left = drain(&left);
        assert_eq!(at_left, (r2l.len(), want_r2l.0));
        assert_eq!(at_right.join().unwrap(), (l2r.len(), want_l2r.0));
        assert_eq!(forward.join().unwrap().unwrap(), l2r.len() as u64);
        assert_eq!(backward.join().unwrap().unwrap(), r2l.len() as u64);
        send_l.join().unwrap();
        send_r.join().unwrap();
    });
}

#[test]
fn blocking_sockets_relay_too() {
    let _serial = serial();
    let (writer, from) = tcp_pair();
    let (to, reader) = tcp_pair();
    from.set_timeout(None).unwrap();
    to.set_timeout(None).unwrap();
    let data = payload(1 << 20, 9);
    thread::scope(|scope| {
        scope.spawn(|| {
            writer.send_all(&data).unwrap();
            writer.shutdown(Shutdown::Write).unwrap();
        });
        let relay = scope.spawn(|| from.relay_to(&to));
        let mut want = Fnv::new();
        want.update(&data);
        assert_eq!(drain(&reader), (data.len(), want.0));
        assert_eq!(relay.join().unwrap().unwrap(), data.len() as u64);
    });
}

#[test]
fn non_blocking_source_and_destination_keep_the_bytes() {
    let _serial = serial();
    let (writer, from) = tcp_pair();
    let (to, reader) = tcp_pair();
    let mut pipe = SplicePipe::new().unwrap();
    from.set_blocking(false).unwrap();
    // Nothing to read: WouldBlock at once, nothing pending.
    let e = pipe.splice(&from, &to, 1024).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::WouldBlock, "{e}");
    assert_eq!(pipe.pending(), 0);

    // Fill `to` until it would block, with a small send buffer so that happens soon.
    to.set_blocking(false).unwrap();
    to.setsockopt_int(libc::SOL_SOCKET, libc::SO_SNDBUF, 4096).unwrap();
    reader.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUF, 4096).unwrap();
    let filler = vec![0u8; 1 << 16];
    let mut queued = 0;
    loop {
        match to.send(&filler) {
            Ok(n) => queued += n,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
            Err(e) => panic!("filling: {e}"),
        }
    }
    // Data ready at the source, no room at the destination: read, kept, WouldBlock.
    let data = payload(50_000, 5);
    writer.send_all(&data).unwrap();
    writer.shutdown(Shutdown::Write).unwrap();
    assert!(sock_tests::wait_readable(&from, TIMEOUT));
    let e = pipe.splice(&from, &to, data.len()).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::WouldBlock, "{e}");
    assert!(pipe.pending() > 0, "the bytes read stay in the pipe");

    // Make room (a reader) and relay the rest in timeout mode: the kept bytes go first.
    from.set_timeout(Some(TIMEOUT)).unwrap();
    to.set_timeout(Some(TIMEOUT)).unwrap();
    thread::scope(|scope| {
        let read = scope.spawn(|| {
            let mut got = Vec::new();
            let mut buf = vec![0u8; 1 << 16];
            loop {
                let n = reader.recv(&mut buf).unwrap();
                if n == 0 {
                    return got;
                }
                got.extend_from_slice(&buf[..n]);
            }
        });
        pipe.relay(&from, &to).unwrap();
        assert_eq!(pipe.pending(), 0);
        let got = read.join().unwrap();
        assert_eq!(got.len(), queued + data.len());
        assert!(got[queued..] == data[..], "the relayed bytes follow the filler, in order");
    });
}

#[test]
fn timeout_mode_times_out_with_the_operation_named() {
    let _serial = serial();
    let (_writer, from) = tcp_pair();
    let (to, _reader) = tcp_pair();
    from.set_timeout(Some(Duration::from_millis(50))).unwrap();
    let e = from.splice_to(&to, 100).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::TimedOut);
    assert_eq!(e.to_string(), "splice: timed out");
    // len 0 reads nothing and does not wait.
    assert_eq!(from.splice_to(&to, 0).unwrap(), 0);
}

#[test]
fn no_fd_is_left_behind_and_pipes_are_close_on_exec() {
    let _serial = serial();
    let (writer, from) = tcp_pair();
    let (to, reader) = tcp_pair();
    let before = sock_tests::open_fd_count();
    for i in 0..50u8 {
        writer.send_all(&[i; 100]).unwrap();
        assert_eq!(from.splice_to(&to, 100).unwrap(), 100);
        let mut got = [0u8; 100];
        let mut n = 0;
        while n < 100 {
            n += reader.recv(&mut got[n..]).unwrap();
        }
        assert_eq!(got, [i; 100]);
    }
    assert_eq!(sock_tests::open_fd_count(), before, "splice_to closes its pipe");
    let fds = || -> Vec<i32> {
        let all =
            std::fs::read_dir("/proc/self/fd").unwrap().filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok());
        all.filter(|fd: &i32| {
            std::fs::read_link(format!("/proc/self/fd/{fd}")).is_ok_and(|l| l.to_string_lossy().starts_with("pipe:"))
        })
        .collect()
    };
    let old = fds();
    let pipe = SplicePipe::new().unwrap();
    let new: Vec<i32> = fds().into_iter().filter(|fd| !old.contains(fd)).collect();
    assert_eq!(new.len(), 2, "a pipe is two fds: {pipe:?}");
    for fd in new {
        // SAFETY: F_GETFD on an fd number only reads its flags.
        let flags = unsafe { libc::fcntl(fd, libc::F_GETFD) };
        assert!(flags >= 0 && flags & libc::FD_CLOEXEC != 0, "pipe fd {fd} is close-on-exec");
    }
    drop(pipe);
    assert_eq!(sock_tests::open_fd_count(), before);
}
