#![cfg(feature = "inet")]
//! With a default timeout set, adopting an fd puts the socket in that timeout and makes the fd
//! non-blocking, as CPython does (`socket.socket(fileno=)` after `setdefaulttimeout`). The
//! default timeout is process-global, so this file has a single test.

use std::net::{Ipv4Addr, UdpSocket};
use std::os::fd::AsFd;
use std::time::Duration;

use sock::{Mode, Socket};

#[test]
fn adopted_fds_take_the_default_timeout() {
    let std_sock = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    sock::setdefaulttimeout(Some(Duration::from_millis(30)));
    let ours = sock::fromfd(&std_sock, None, None, None).unwrap();
    assert_eq!(ours.mode(), Mode::Timeout(Duration::from_millis(30)));
    let flags = nix::fcntl::fcntl(std_sock.as_fd(), nix::fcntl::FcntlArg::F_GETFL).unwrap();
    assert_ne!(flags & libc::O_NONBLOCK, 0, "the shared flag is set, as CPython sets it");
    let mut buf = [0u8; 4];
    assert_eq!(ours.recv(&mut buf).unwrap_err().kind(), std::io::ErrorKind::TimedOut);
    let converted = Socket::from(std_sock);
    assert_eq!(converted.mode(), Mode::Timeout(Duration::from_millis(30)));
    sock::setdefaulttimeout(None);
}
