#![cfg(feature = "unix")]
//! The fd leak check: the number of entries in /proc/self/fd is the same before and after
//! 1,000 send/receive cycles of SCM_RIGHTS messages, truncated receptions included. This file
//! holds a single test so that no other test opens fds in parallel while it counts.

use std::io::{IoSlice, IoSliceMut};
use std::os::fd::AsFd;

use sock_core::cmsg::{cmsg_len, cmsg_space};
use sock_unix::{recv_fds, send_fds, UnixSocketExt};

const INT: usize = std::mem::size_of::<libc::c_int>();

#[test]
fn no_fd_leaks_over_1000_cycles() {
    let (a, b) = sock_unix::socketpair().unwrap();
    let (d1, d2) = sock_unix::socketpair_with(sock_core::Type::DGRAM).unwrap();
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).unwrap();
    let fds = [r.as_fd(), w.as_fd(), r.as_fd(), w.as_fd()];
    // Control buffers from none at all to plenty, every truncation case included.
    let ancbufs = [
        0,
        1,
        2 * INT,
        cmsg_len(0).unwrap() - 1,
        cmsg_len(0).unwrap(),
        cmsg_len(INT).unwrap(),
        cmsg_space(4 * INT).unwrap(),
        256,
    ];
    let before = sock_tests::open_fd_count();
    let mut received = 0usize;
    for cycle in 0..1000 {
        let sock_pair = if cycle % 2 == 0 { (&a, &b) } else { (&d1, &d2) };
        let n = 1 + cycle % fds.len();
        send_fds(sock_pair.0, &[IoSlice::new(b"leak?")], &fds[..n], 0, None).unwrap();
        match cycle % 3 {
            0 => {
                let (data, got, _, _) = recv_fds(sock_pair.1, 16, cycle % 5, 0).unwrap();
                assert_eq!(data, b"leak?");
                assert_eq!(got.len(), n.min(cycle % 5));
                received += got.len();
            }
            1 => {
                let mut buf = [0u8; 16];
                let mut control = vec![0u8; ancbufs[cycle % ancbufs.len()]];
                let (msg, got) = sock_pair.1.recv_msg_fds(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
                assert_eq!(&buf[..msg.bytes], b"leak?");
                received += got.len();
            }
            _ => {
                let mut buf = [0u8; 16];
                let (msg, creds) = sock_pair.1.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0).unwrap();
                assert_eq!(&buf[..msg.bytes], b"leak?");
                assert!(creds.is_none());
            }
        }
    }
    assert!(received > 500, "only {received} fds received: the cycles did not exercise passing");
    assert_eq!(sock_tests::open_fd_count(), before, "fds leaked over 1,000 cycles");
}
