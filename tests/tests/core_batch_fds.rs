#![cfg(feature = "unix")]
//! `recv_many` with a control buffer owns the fds that arrive in `SCM_RIGHTS` items: ignoring
//! them leaks nothing (issue 13: +300 fds per 100 messages before), taking them gives
//! close-on-exec `OwnedFd`s, and `MSG_CMSG_CLOEXEC`, which the batch adds on AF_UNIX, is not
//! reported back in the flags. A file of its own with a single test, because it counts the
//! process's open fds.

use std::io::IoSlice;
use std::os::fd::{AsFd, AsRawFd};

use sock::cmsg::{cmsg_space, CmsgWriter};
use sock::consts::{MSG_CMSG_CLOEXEC, SCM_RIGHTS, SOL_SOCKET};
use sock::{Family, RecvBatch, Socket, Type};

const INT: usize = std::mem::size_of::<libc::c_int>();

fn send_three_fds(tx: &Socket, fds: [i32; 3]) {
    let mut control = [0u8; 64];
    let mut w = CmsgWriter::new(&mut control);
    let bytes: Vec<u8> = fds.iter().flat_map(|fd| fd.to_ne_bytes()).collect();
    w.push(SOL_SOCKET, SCM_RIGHTS, &bytes).unwrap();
    let len = w.len();
    tx.send_msg(&[IoSlice::new(b"fds")], &control[..len], 0, None).unwrap();
}

#[test]
fn recv_many_owns_received_fds() {
    let (tx, rx) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).unwrap();
    let raw = [r.as_raw_fd(), w.as_raw_fd(), r.as_raw_fd()];
    let mut batch = RecvBatch::with_control(16, 8, cmsg_space(3 * INT).unwrap()).unwrap();
    let before = sock_tests::open_fd_count();
    // 100 messages of three fds each, received and ignored.
    let mut received = 0;
    for _ in 0..10 {
        for _ in 0..10 {
            send_three_fds(&tx, raw);
        }
        let mut got = 0;
        while got < 10 {
            got += rx.recv_many(&mut batch, 0).unwrap();
            for m in batch.iter() {
                assert_eq!(m.data, b"fds");
                assert_eq!(m.flags.bits() & MSG_CMSG_CLOEXEC, 0, "MSG_CMSG_CLOEXEC is not reported unless asked");
            }
            assert_eq!(batch.fds(0).count(), 3);
        }
        received += got;
    }
    assert_eq!(received, 100);
    drop(batch);
    assert_eq!(sock_tests::open_fd_count(), before, "fds received by recv_many and ignored are closed");

    // Taking the fds: owned, close-on-exec, usable; a second take gets none.
    let mut batch = RecvBatch::with_control(4, 8, cmsg_space(3 * INT).unwrap()).unwrap();
    send_three_fds(&tx, raw);
    assert_eq!(rx.recv_many(&mut batch, MSG_CMSG_CLOEXEC).unwrap(), 1);
    assert_ne!(batch.get(0).unwrap().flags.bits() & MSG_CMSG_CLOEXEC, 0, "echoed when the caller asked");
    let taken = batch.take_fds(0);
    assert_eq!(taken.len(), 3);
    assert!(batch.take_fds(0).is_empty());
    assert_eq!(batch.fds(0).count(), 0);
    for fd in &taken {
        let flags = nix::fcntl::fcntl(fd.as_fd(), nix::fcntl::FcntlArg::F_GETFD).unwrap();
        assert_ne!(flags & libc::FD_CLOEXEC, 0, "received fds are close-on-exec");
    }
    nix::unistd::write(&taken[1], b"x").unwrap();
    let mut one = [0u8; 1];
    nix::unistd::read(&taken[0], &mut one).unwrap();
    assert_eq!(&one, b"x");
    drop(taken);
    drop(batch);
    assert_eq!(sock_tests::open_fd_count(), before);
}
