//! Runs `N` rounds of one 64-byte send and one 64-byte recv over an AF_UNIX socketpair, each
//! side through `sock` or raw libc, so that `valgrind --tool=callgrind` can count the
//! instructions executed in user space. The wrapper's own cost per call is
//! `(instructions(sock side) - instructions(libc, libc)) / N`; `cargo xtask bench-report` runs
//! the variants and does the arithmetic.
//!
//! Usage: `callgrind_probe <send: sock|libc> <recv: sock|libc> <N>`.

use std::hint::black_box;
use std::os::fd::AsRawFd;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let usage = "usage: callgrind_probe <sock|libc> <sock|libc> <N>";
    let (send_via, recv_via, n) = match args.as_slice() {
        [_, s, r, n] => (s.as_str(), r.as_str(), n.parse::<usize>().expect(usage)),
        _ => panic!("{usage}"),
    };
    assert!(matches!(send_via, "sock" | "libc") && matches!(recv_via, "sock" | "libc"), "{usage}");
    let (a, b) = sock::socketpair().expect("socketpair");
    let msg = [0x5au8; 64];
    let mut buf = [0u8; 64];
    for _ in 0..n {
        if send_via == "sock" {
            black_box(a.send(black_box(&msg)).unwrap());
        } else {
            // SAFETY: `a` is an open socket; `msg` is valid for 64 bytes.
            let r = unsafe { libc::send(a.as_raw_fd(), msg.as_ptr().cast(), 64, 0) };
            assert_eq!(black_box(r), 64);
        }
        if recv_via == "sock" {
            black_box(b.recv(&mut buf).unwrap());
        } else {
            // SAFETY: `b` is an open socket; `buf` is valid for 64 bytes.
            let r = unsafe { libc::recv(b.as_raw_fd(), buf.as_mut_ptr().cast(), 64, 0) };
            assert_eq!(black_box(r), 64);
        }
    }
}
