//! Runs `N` sends or `N` receives of 64 bytes over a socketpair, through `sock` or raw libc, so
//! that `valgrind --tool=callgrind` can count the instructions each path executes in user space.
//! The per-call cost is `(instructions(N) - instructions(0)) / N`; `cargo xtask bench-report`
//! does the runs and the arithmetic.
//!
//! Usage: `callgrind_probe <sock|libc> <send|recv> <N>`.

use std::hint::black_box;
use std::os::fd::AsRawFd;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: callgrind_probe <sock|libc> <send|recv> <N>";
    let (who, what, n) = match args.as_slice() {
        [_, who, what, n] => (who.as_str(), what.as_str(), n.parse::<usize>().expect(usage)),
        _ => panic!("{usage}"),
    };
    let (a, b) = sock::socketpair().expect("socketpair");
    // Room for N messages in flight without blocking.
    let room = (n * 64 + 4096).max(1 << 16) as i32;
    a.setsockopt_int(libc::SOL_SOCKET, libc::SO_SNDBUFFORCE, room).or_else(|_| a.setsockopt_int(libc::SOL_SOCKET, libc::SO_SNDBUF, room)).unwrap();
    b.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUFFORCE, room).or_else(|_| b.setsockopt_int(libc::SOL_SOCKET, libc::SO_RCVBUF, room)).unwrap();
    let msg = [0x5au8; 64];
    let mut buf = [0u8; 64];
    // For the receive probe, fill the queue first with raw sends in both variants, so the
    // measured difference is only the receive path.
    let fill = |count: usize| {
        for _ in 0..count {
            // SAFETY: `a` is an open socket; `msg` is valid for 64 bytes.
            let r = unsafe { libc::send(a.as_raw_fd(), msg.as_ptr().cast(), 64, 0) };
            assert_eq!(r, 64);
        }
    };
    match (who, what) {
        ("sock", "send") => {
            for _ in 0..n {
                black_box(a.send(black_box(&msg), 0).unwrap());
            }
        }
        ("libc", "send") => fill(n),
        ("sock", "recv") => {
            fill(n);
            for _ in 0..n {
                black_box(b.recv(&mut buf, 0).unwrap());
            }
        }
        ("libc", "recv") => {
            fill(n);
            for _ in 0..n {
                // SAFETY: `b` is an open socket; `buf` is valid for 64 bytes.
                let r = unsafe { libc::recv(b.as_raw_fd(), buf.as_mut_ptr().cast(), 64, 0) };
                assert_eq!(black_box(r), 64);
            }
        }
        _ => panic!("{usage}"),
    }
}
