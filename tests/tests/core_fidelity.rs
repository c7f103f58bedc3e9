#![cfg(all(feature = "unix", feature = "inet"))]
//! Regression tests of issue 13's core items: checked batch sizes, fd adoption that leaves the
//! shared `O_NONBLOCK` flag alone, `fromfd` that always checks for a socket, received fds
//! close-on-exec by the kernel's domain, `makefile` through the socket, `sendfile`'s refusals,
//! and addresses of another family refused before any syscall.

use std::io::{self, BufRead, IoSlice, IoSliceMut, Write};
use std::net::{Ipv4Addr, UdpSocket};
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, OwnedFd};
use std::time::Duration;

use sock::cmsg::{cmsg_space, CmsgWriter};
use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
use sock::{Family, Mode, Protocol, RecvBatch, SockAddr, Socket, Type};

use sock_tests::assert_kind;

fn nonblocking(fd: BorrowedFd<'_>) -> bool {
    let flags = nix::fcntl::fcntl(fd, nix::fcntl::FcntlArg::F_GETFL).unwrap();
    flags & libc::O_NONBLOCK != 0
}

#[test]
fn recv_batch_sizes_are_checked() {
    // Before: 16 * ((1 << 60) + 1) wrapped to 16 bytes in release builds, and recv_many let
    // the kernel write 32 bytes into them.
    let e = assert_kind(RecvBatch::new(16, (1 << 60) + 1), io::ErrorKind::InvalidInput);
    assert!(e.to_string().starts_with("slot_size"), "{e}");
    assert_kind(RecvBatch::with_control(16, 8, (1 << 60) + 1), io::ErrorKind::InvalidInput);
    // No overflow, but more than can be allocated: an error, never an abort.
    assert_kind(RecvBatch::new(1, usize::MAX / 2), io::ErrorKind::InvalidInput);
    assert_kind(RecvBatch::new(usize::MAX / 4, 1), io::ErrorKind::InvalidInput);
    assert_kind(RecvBatch::with_control(1, 1, i32::MAX as usize + 1), io::ErrorKind::InvalidInput);
    assert_eq!(RecvBatch::new(3, 7).unwrap().capacity(), 3);
}

#[test]
fn from_fd_leaves_the_shared_nonblocking_flag_alone() {
    for std_nonblocking in [true, false] {
        let std_sock = UdpSocket::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        std_sock.set_nonblocking(std_nonblocking).unwrap();
        let ours = sock::fromfd(&std_sock, None, None, None).unwrap();
        assert_eq!(nonblocking(std_sock.as_fd()), std_nonblocking, "the original keeps its flag");
        let want = if std_nonblocking { Mode::NonBlocking } else { Mode::Blocking };
        assert_eq!(ours.mode(), want, "the mode tells the truth about the fd");
        let owned = Socket::from(std_sock.try_clone().unwrap());
        assert_eq!(owned.mode(), want);
        assert_eq!(nonblocking(std_sock.as_fd()), std_nonblocking);
        let from_owned = Socket::from_fd(OwnedFd::from(std_sock.try_clone().unwrap())).unwrap();
        assert_eq!(from_owned.mode(), want);
        assert_eq!(nonblocking(std_sock.as_fd()), std_nonblocking);
        if std_nonblocking {
            let mut buf = [0u8; 4];
            assert_kind(ours.recv(&mut buf), io::ErrorKind::WouldBlock);
        }
    }
}

#[test]
fn fromfd_always_checks_for_a_socket() {
    let file = std::fs::File::open("/proc/self/status").unwrap();
    let (r, _w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).unwrap();
    for fd in [file.as_fd(), r.as_fd()] {
        let e = sock::fromfd(fd, Some(Family::INET), Some(Type::STREAM), Some(Protocol(0))).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK), "{e}");
        let e = Socket::from_fd_with(fd.try_clone_to_owned().unwrap(), Some(Family::UNIX), Some(Type::DGRAM), None)
            .unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK), "{e}");
    }
}

#[test]
fn received_fds_are_cloexec_whatever_family_the_caller_claims() {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    // The caller claims INET: the kernel's SO_DOMAIN still says UNIX.
    let liar = sock::fromfd(&b, Some(Family::INET), None, None).unwrap();
    assert_eq!(liar.family(), Family::INET);
    let mut control = [0u8; 32];
    let mut w = CmsgWriter::new(&mut control);
    w.push(SOL_SOCKET, SCM_RIGHTS, &a.as_raw_fd().to_ne_bytes()).unwrap();
    let len = w.len();
    a.send_msg(&[IoSlice::new(b"x")], &control[..len], 0, None).unwrap();
    let mut buf = [0u8; 1];
    let mut ctl = vec![0u8; cmsg_space(4).unwrap()];
    let (msg, fds) = liar.recv_msg_fds(&mut [IoSliceMut::new(&mut buf)], &mut ctl, 0).unwrap();
    assert_eq!((msg.bytes, fds.len()), (1, 1));
    let flags = nix::fcntl::fcntl(fds[0].as_fd(), nix::fcntl::FcntlArg::F_GETFD).unwrap();
    assert_ne!(flags & libc::FD_CLOEXEC, 0, "MSG_CMSG_CLOEXEC was passed");
}

#[test]
fn a_packet_socket_claimed_as_unix_gets_no_cloexec_flag() {
    if !sock_tests::require_root("AF_PACKET sockets (root)") {
        return;
    }
    let raw = Socket::new(Family::PACKET, Type::DGRAM, Some(Protocol(0))).unwrap();
    // AF_PACKET answers EINVAL to MSG_CMSG_CLOEXEC; the flag follows the kernel's domain.
    let claimed = sock::fromfd(&raw, Some(Family::UNIX), None, None).unwrap();
    let mut buf = [0u8; 16];
    let e = claimed.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut [], sock::consts::MSG_DONTWAIT).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::WouldBlock, "{e}");
}

#[test]
fn makefile_follows_the_sockets_current_timeout() {
    let (a, b) = sock::socketpair().unwrap();
    let mut reader = a.makefile_reader();
    // Set after the reader was made: before the fix the reader used a dup frozen in the old
    // (blocking) mode over the now non-blocking fd, and failed with WouldBlock at once.
    a.set_timeout(Some(Duration::from_millis(50))).unwrap();
    let mut line = String::new();
    let e = reader.read_line(&mut line).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
    a.set_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut writer = b.makefile_writer();
    writer.write_all(b"hello\n").unwrap();
    writer.flush().unwrap();
    line.clear();
    reader.read_line(&mut line).unwrap();
    assert_eq!(line, "hello\n");
    b.set_blocking(false).unwrap();
    let mut writer = b.makefile_writer();
    writer.write_all(&vec![0u8; 8 << 20]).unwrap_err();
}

#[test]
fn sendfile_refuses_what_cpython_refuses_before_sending() {
    let file = std::fs::File::open("/proc/self/exe").unwrap();
    let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
    a.set_blocking(false).unwrap();
    let e = assert_kind(a.sendfile(&file, 0, None), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("non-blocking"), "{e}");
    a.set_blocking(true).unwrap();
    let e = assert_kind(a.sendfile(&file, 0, Some(0)), io::ErrorKind::InvalidInput);
    assert!(e.to_string().starts_with("count"), "{e}");
    for ty in [Type::DGRAM, Type::SEQPACKET] {
        let (d, _e) = Socket::pair(Family::UNIX, ty, None).unwrap();
        let e = assert_kind(d.sendfile(&file, 0, Some(10)), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("SOCK_STREAM"), "{e}");
    }
    // Nothing was sent by any refused call.
    let mut buf = [0u8; 16];
    assert_kind(b.recv_with_flags(&mut buf, sock::consts::MSG_DONTWAIT), io::ErrorKind::WouldBlock);
    assert_eq!(a.sendfile(&file, 0, Some(10)).unwrap(), 10);
    assert_eq!(b.recv(&mut buf).unwrap(), 10);
}

#[test]
fn an_address_of_another_family_is_refused_before_any_syscall() {
    let inet = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    // Through sock-unix's `&str` form this compiled and sent an AF_UNIX path to the kernel.
    let e = assert_kind(inet.bind("127.0.0.1:0"), io::ErrorKind::InvalidInput);
    assert_eq!(e.to_string(), "bind: an AF_UNIX address cannot be used with an AF_INET socket");
    let unix_addr = sock::unix::UnixAddr::pathname("/tmp/nothing-here").unwrap();
    let raw_unix = SockAddr::from(&unix_addr);
    assert_kind(inet.bind(unix_addr), io::ErrorKind::InvalidInput);
    assert_kind(inet.connect(raw_unix), io::ErrorKind::InvalidInput);
    assert_kind(inet.connect_ex(raw_unix), io::ErrorKind::InvalidInput);
    assert_kind(inet.send_to(b"x", raw_unix), io::ErrorKind::InvalidInput);
    assert_kind(inet.send_to_addr(b"x", &raw_unix), io::ErrorKind::InvalidInput);
    assert_kind(inet.send_msg(&[IoSlice::new(b"x")], &[], 0, Some(&raw_unix)), io::ErrorKind::InvalidInput);
    let out = [sock::OutMsg::to(b"x", &raw_unix)];
    assert_kind(inet.send_many(&out, &mut sock::SendBatch::new(), 0), io::ErrorKind::InvalidInput);
    let others: Vec<SockAddr> = vec![
        #[cfg(feature = "netlink")]
        sock::netlink::NetlinkAddr::new(0, 0).into(),
        #[cfg(feature = "vsock")]
        sock::vsock::VsockAddr::new(1, 1234).into(),
        #[cfg(feature = "qipcrtr")]
        sock::qipcrtr::QipcrtrAddr::new(1, 2).into(),
        #[cfg(feature = "alg")]
        sock::alg::AlgAddr::new("hash", "sha256").unwrap().into(),
    ];
    for addr in others {
        assert_kind(inet.bind(addr), io::ErrorKind::InvalidInput);
        assert_kind(inet.send_to(b"x", addr), io::ErrorKind::InvalidInput);
    }
    // And the other way round: an IP address on a UNIX socket.
    let (u, _) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let e = assert_kind(u.send_to(b"x", (Ipv4Addr::LOCALHOST, 9)), io::ErrorKind::InvalidInput);
    assert_eq!(e.to_string(), "send_to: an AF_INET address cannot be used with an AF_UNIX socket");
    // The kernel's own exceptions still pass through: AF_UNSPEC dissolves a UDP association,
    // and an IPv4 address on an IPv6 UDP socket is mapped by the kernel.
    inet.connect((Ipv4Addr::LOCALHOST, 9)).unwrap();
    let unspec = SockAddr::new(libc::AF_UNSPEC as u16, &[0; 14]).unwrap();
    inet.connect(unspec).unwrap();
    assert_eq!(inet.peer_addr().unwrap_err().raw_os_error(), Some(libc::ENOTCONN));
    if let Ok(v6) = Socket::new(Family::INET6, Type::DGRAM, None) {
        v6.send_to(b"x", (Ipv4Addr::LOCALHOST, 9)).unwrap();
    }
}

#[cfg(feature = "vsock")]
#[test]
fn vsock_integer_options_are_64_bit_as_in_cpython() {
    use sock::vsock::consts::{SO_VM_SOCKETS_BUFFER_MAX_SIZE, SO_VM_SOCKETS_BUFFER_SIZE};
    let s = Socket::new(Family::VSOCK, Type::STREAM, None);
    if !sock_tests::require("AF_VSOCK sockets", s.as_ref().map(drop)) {
        return;
    }
    let s = s.unwrap();
    let level = libc::AF_VSOCK;
    // Before: EINVAL, because these options take a 64-bit value.
    s.setsockopt_int(level, SO_VM_SOCKETS_BUFFER_MAX_SIZE, 1 << 20).unwrap();
    s.setsockopt_int(level, SO_VM_SOCKETS_BUFFER_SIZE, 65536).unwrap();
    assert_eq!(s.getsockopt_int(level, SO_VM_SOCKETS_BUFFER_SIZE).unwrap(), 65536);
    assert_eq!(s.getsockopt_u64(level, SO_VM_SOCKETS_BUFFER_MAX_SIZE).unwrap(), 1 << 20);
    // SOL_SOCKET integers still work on a VSOCK socket (the kernel writes 4 bytes).
    s.setsockopt_int(sock::consts::SOL_SOCKET, sock::consts::SO_KEEPALIVE, 1).unwrap();
    assert_eq!(s.getsockopt_int(sock::consts::SOL_SOCKET, sock::consts::SO_KEEPALIVE).unwrap(), 1);
    // Compare with CPython when it is there.
    if sock_tests::have_program("python3").is_ok() {
        let out = sock_tests::python(
            "import socket\ns = socket.socket(socket.AF_VSOCK, socket.SOCK_STREAM)\n\
             s.setsockopt(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_SIZE, 65536)\n\
             print(s.getsockopt(socket.AF_VSOCK, socket.SO_VM_SOCKETS_BUFFER_SIZE))",
            &[],
        );
        assert_eq!(out.trim(), "65536");
    }
}
