//! Integration tests of `sock-core`'s `Socket` on loopback and socketpairs: creation, fds,
//! addresses, options, shutdown, dup/detach/close, makefile, fromfd, sendfile.

use std::io::{self, BufRead, IoSlice, IoSliceMut, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::Duration;

use sock::consts::*;
use sock::{Family, Mode, Protocol, Shutdown, SockAddr, SockOpt, Socket, Type};

fn tcp_pair() -> (Socket, Socket, Socket) {
    let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    listener.bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).unwrap();
    listener.listen(None).unwrap();
    let client = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    client.connect(listener.local_addr().unwrap()).unwrap();
    let (server, peer) = listener.accept().unwrap();
    assert_eq!(peer, client.local_addr().unwrap());
    (listener, client, server)
}

#[test]
fn family_type_proto_and_cloexec() {
    let s = Socket::new(Family::INET, Type(SOCK_STREAM | SOCK_NONBLOCK), Some(Protocol::TCP)).unwrap();
    assert_eq!(s.family(), Family::INET);
    assert_eq!(s.ty(), Type::STREAM, "type hides SOCK_NONBLOCK");
    assert_eq!(s.protocol(), Protocol::TCP);
    assert_eq!(s.mode(), Mode::NonBlocking, "SOCK_NONBLOCK means timeout 0");
    assert_eq!(s.timeout(), Some(Duration::ZERO));
    assert!(!s.inheritable().unwrap(), "fds are close-on-exec");
    s.set_inheritable(true).unwrap();
    assert!(s.inheritable().unwrap());
    s.set_inheritable(false).unwrap();
    assert!(!s.inheritable().unwrap());
    let fl = nix::fcntl::fcntl(&s, nix::fcntl::FcntlArg::F_GETFL).unwrap();
    assert_ne!(fl & libc::O_NONBLOCK, 0);
}

#[test]
fn blocking_flag_follows_mode() {
    let s = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    let nonblock = |s: &Socket| nix::fcntl::fcntl(s, nix::fcntl::FcntlArg::F_GETFL).unwrap() & libc::O_NONBLOCK != 0;
    assert!(s.blocking());
    s.set_timeout(Some(Duration::from_millis(250))).unwrap();
    assert!(nonblock(&s), "timeout mode is O_NONBLOCK");
    assert!(s.blocking(), "getblocking is true with a timeout, as CPython");
    assert_eq!(s.timeout(), Some(Duration::from_millis(250)));
    s.set_blocking(false).unwrap();
    assert!(!s.blocking());
    assert_eq!(s.timeout(), Some(Duration::ZERO));
    s.set_blocking(true).unwrap();
    assert!(!nonblock(&s));
    assert_eq!(s.timeout(), None);
}

#[test]
fn tcp_round_trip_and_addresses() {
    let (_l, client, server) = tcp_pair();
    assert_eq!(server.peer_addr().unwrap(), client.local_addr().unwrap());
    assert_eq!(client.peer_addr().unwrap(), server.local_addr().unwrap());
    client.send_all(b"hello").unwrap();
    let mut buf = [0u8; 5];
    assert_eq!(server.recv_into(&mut buf, 5, MSG_WAITALL).unwrap(), 5);
    assert_eq!(&buf, b"hello");
    assert_eq!(server.send(b"bye").unwrap(), 3);
    assert_eq!(client.recv_vec(10).unwrap(), b"bye");
    assert_eq!(client.recv_vec(0).unwrap(), b"", "recv(0) is empty without a syscall");
    client.shutdown(Shutdown::Write).unwrap();
    assert_eq!(server.recv(&mut buf).unwrap(), 0, "EOF after SHUT_WR");
    sock_tests::assert_kind(Shutdown::from_raw(7), io::ErrorKind::InvalidInput);
    assert_eq!(Shutdown::from_raw(SHUT_RDWR).unwrap(), Shutdown::Both);
}

#[test]
fn udp_send_to_recv_from() {
    let a = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let b = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    a.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    b.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let bn = b.local_addr().unwrap();
    assert_eq!(a.send_to(b"datagram", bn).unwrap(), 8);
    let (data, from) = b.recv_from_vec(100).unwrap();
    assert_eq!(data, b"datagram");
    assert_eq!(from, a.local_addr().unwrap());
    #[allow(clippy::needless_borrows_for_generic_args)] // the `&SockAddr` form is what this checks
    let sent = a.send_to(b"into", &bn).unwrap();
    assert_eq!(sent, 4);
    let mut buf = [0u8; 16];
    let (n, from) = b.recv_from_into(&mut buf, 8, 0).unwrap();
    assert_eq!((&buf[..n], from.as_socket()), (&b"into"[..], a.local_addr().unwrap().as_socket()));
}

#[test]
fn connect_ex_reports_refused() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    assert_eq!(s.connect_ex((Ipv4Addr::LOCALHOST, port)).unwrap(), libc::ECONNREFUSED);
    let t = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    t.set_timeout(Some(Duration::from_secs(5))).unwrap();
    let err = t.connect((Ipv4Addr::LOCALHOST, port)).unwrap_err();
    assert_eq!(sock::errno(&err), Some(libc::ECONNREFUSED));
    assert_eq!(err.to_string(), format!("connect 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
}

#[test]
fn connect_in_timeout_mode_succeeds() {
    let l = Socket::new(Family::INET6, Type::STREAM, None);
    let l = match l {
        Ok(l) if l.bind(SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 0))).is_ok() => l,
        _ => Socket::new(Family::INET, Type::STREAM, None)
            .and_then(|l| l.bind((Ipv4Addr::LOCALHOST, 0)).map(|_| l))
            .unwrap(),
    };
    l.listen(Some(-1)).unwrap(); // a negative backlog is 0, as CPython
    let c = Socket::new(l.family(), Type::STREAM, None).unwrap();
    c.set_timeout(Some(Duration::from_secs(5))).unwrap();
    c.connect(l.local_addr().unwrap()).unwrap();
    // Linux completes the socket state on the next connect (0), then says EISCONN.
    let again: Vec<i32> = (0..2).map(|_| c.connect_ex(l.local_addr().unwrap()).unwrap()).collect();
    assert_eq!(again.last(), Some(&libc::EISCONN), "{again:?}");
}

#[test]
fn nonblocking_connect_returns_in_progress_or_connects() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c.set_blocking(false).unwrap();
    match c.connect(l.local_addr().unwrap()) {
        Ok(()) => {}
        Err(e) => assert_eq!(e.raw_os_error(), Some(libc::EINPROGRESS)),
    }
}

#[test]
fn socket_options_in_every_form() {
    let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    s.setsockopt_int(SOL_SOCKET, SO_REUSEADDR, 1).unwrap();
    assert_eq!(s.getsockopt_int(SOL_SOCKET, SO_REUSEADDR).unwrap(), 1);
    assert_eq!(s.getsockopt_int(SOL_SOCKET, SO_TYPE).unwrap(), SOCK_STREAM);
    let linger = libc::linger { l_onoff: 1, l_linger: 3 };
    s.setsockopt_bytes(SOL_SOCKET, SO_LINGER, sock::pod::bytes_of(&linger)).unwrap();
    let raw = s.getsockopt_vec(SOL_SOCKET, SO_LINGER, 8).unwrap();
    let back: libc::linger = sock::pod::read_pod(&raw).unwrap();
    assert_eq!((back.l_onoff, back.l_linger), (1, 3));
    const LINGER: SockOpt<libc::linger> = SockOpt::new(SOL_SOCKET, SO_LINGER);
    assert_eq!(s.get(LINGER).unwrap().l_linger, 3);
    const RCVBUF: SockOpt<i32> = SockOpt::new(SOL_SOCKET, SO_RCVBUF);
    s.set(RCVBUF, &65536).unwrap();
    assert!(s.get(RCVBUF).unwrap() >= 65536);
    s.set_flag(SOL_SOCKET, SO_KEEPALIVE, true).unwrap();
    assert!(s.get_flag(SOL_SOCKET, SO_KEEPALIVE).unwrap());
    // The NULL-with-optlen form reaches the kernel as a NULL pointer: it faults on an option
    // that reads its value.
    let err = s.setsockopt_null(SOL_SOCKET, SO_REUSEADDR, 4).unwrap_err();
    assert_eq!(err.raw_os_error(), Some(libc::EFAULT));
    for bad in [0, 1025] {
        let e = s.getsockopt_vec(SOL_SOCKET, SO_TYPE, bad).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("buflen"), "{e}");
    }
    assert!(s.take_error().unwrap().is_none());
}

#[test]
fn dup_keeps_mode_and_detach_keeps_fd_open() {
    let (a, b) = sock::socketpair().unwrap();
    a.set_timeout(Some(Duration::from_millis(1234))).unwrap();
    let d = a.dup().unwrap();
    assert_ne!(d.fileno(), a.fileno());
    assert_eq!(d.timeout(), Some(Duration::from_millis(1234)));
    assert!(!d.inheritable().unwrap());
    assert_eq!((d.family(), d.ty()), (Family::UNIX, Type::STREAM));
    let raw = a.detach();
    // SAFETY: fcntl(F_GETFD) on a number only reads the fd table.
    assert_ne!(unsafe { libc::fcntl(raw, libc::F_GETFD) }, -1, "detach leaves the fd open");
    // SAFETY: `raw` was detached from `a` above; we are its only owner now.
    let owned = unsafe { OwnedFd::from_raw_fd(raw) };
    b.send_all(b"x").unwrap();
    let mut one = [0u8; 1];
    assert_eq!(d.recv(&mut one).unwrap(), 1);
    sock::close(owned).unwrap();
    // Closing a socket and then its duplicate is harmless; the duplicate still worked after
    // the original went away.
    d.close().unwrap();
    b.close().unwrap();
}

#[test]
fn fromfd_detects_and_dups() {
    let (a, b) = Socket::pair(Family::UNIX, Type::SEQPACKET, None).unwrap();
    let c = sock::fromfd(&a, None, None, None).unwrap();
    assert_ne!(c.fileno(), a.fileno(), "fromfd duplicates");
    assert_eq!((c.family(), c.ty()), (Family::UNIX, Type::SEQPACKET));
    assert!(!c.inheritable().unwrap());
    c.send(b"via dup").unwrap();
    assert_eq!(b.recv_vec(32).unwrap(), b"via dup");
    let given = sock::fromfd(&a, Some(Family::UNIX), Some(Type::SEQPACKET), Some(Protocol(0))).unwrap();
    assert_eq!(given.protocol(), Protocol(0));
    let owned = OwnedFd::from(a);
    let again = Socket::from_fd(owned).unwrap();
    assert_eq!(again.ty(), Type::SEQPACKET);

    let file = std::fs::File::open("/proc/self/status").unwrap();
    let e = sock::fromfd(&file, None, None, None).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
    let e = Socket::from_fd(OwnedFd::from(file)).unwrap_err();
    assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
    // A closed or negative fd number cannot be passed any more: `fromfd` takes a borrowed fd.
}

#[test]
fn interop_with_std_and_socket2() {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap();
    let ours = Socket::from(l);
    assert_eq!((ours.family(), ours.ty()), (Family::INET, Type::STREAM));
    assert_eq!(ours.local_addr().unwrap().as_socket(), Some(addr));
    let s2: socket2::Socket = ours.into();
    let back = Socket::from(s2);
    let std_l: TcpListener = back.into();
    assert_eq!(std_l.local_addr().unwrap(), addr);
    let c = std::net::TcpStream::connect(addr).unwrap();
    let (srv, _) = std_l.accept().unwrap();
    let mut ours = Socket::from(srv);
    let mut c2 = c.try_clone().unwrap();
    c2.write_all(b"std->sock").unwrap();
    let mut buf = [0u8; 9];
    ours.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"std->sock");
}

#[test]
fn makefile_reads_lines_and_writes() {
    let (a, b) = sock::socketpair().unwrap();
    let (mut reader, mut writer) = a.makefile();
    writer.write_all(b"first line\nsecond").unwrap();
    writer.flush().unwrap();
    let mut got = vec![0u8; 17];
    (&b).read_exact(&mut got).unwrap();
    assert_eq!(got, b"first line\nsecond");
    b.send_all(b"one\ntwo\nthree").unwrap();
    b.shutdown(Shutdown::Write).unwrap();
    let lines: Vec<String> = (&mut reader).lines().map(Result::unwrap).collect();
    assert_eq!(lines, ["one", "two", "three"]);
}

#[test]
fn scatter_gather_send_msg_recv_msg() {
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    let n = a.send_msg(&[IoSlice::new(b"scat"), IoSlice::new(b"ter/"), IoSlice::new(b"gather")], &[], 0, None).unwrap();
    assert_eq!(n, 14);
    let (mut x, mut y, mut z) = ([0u8; 3], [0u8; 7], [0u8; 10]);
    let msg = b
        .recv_msg(&mut [IoSliceMut::new(&mut x), IoSliceMut::new(&mut y), IoSliceMut::new(&mut z)], &mut [], 0)
        .unwrap();
    assert_eq!(msg.bytes, 14);
    assert_eq!((&x, &y, &z[..4]), (b"sca", b"tter/ga", &b"ther"[..]));
    assert!(!msg.is_truncated() && !msg.is_control_truncated());
    // A short buffer on a datagram socket reports MSG_TRUNC.
    a.send(b"0123456789").unwrap();
    let mut small = [0u8; 4];
    let msg = b.recv_msg(&mut [IoSliceMut::new(&mut small)], &mut [], 0).unwrap();
    assert!(msg.is_truncated());
    assert_eq!(&small, b"0123");
    // Owned form.
    a.send(b"owned").unwrap();
    let owned = b.recv_msg_vec(64, 0, 0).unwrap();
    assert_eq!(owned.data, b"owned");
    assert!(owned.ancdata.is_empty());
}

#[test]
fn fd_passing_through_core_cmsg() {
    use sock::cmsg::{cmsg_space, CmsgWriter};
    let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
    let (r, w) = nix::unistd::pipe().unwrap();
    let mut control = vec![0u8; cmsg_space(4).unwrap()];
    let mut cw = CmsgWriter::new(&mut control);
    cw.push_value(SOL_SOCKET, SCM_RIGHTS, &w.as_raw_fd()).unwrap();
    let len = cw.len();
    a.send_msg(&[IoSlice::new(b"fd")], &control[..len], 0, None).unwrap();
    drop(w);
    let mut data = [0u8; 2];
    let mut space = vec![0u8; cmsg_space(4).unwrap()];
    let (msg, fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut space, 0).unwrap();
    assert_eq!((msg.bytes, fds.len()), (2, 1));
    assert_eq!(msg.flags.bits() & MSG_CMSG_CLOEXEC, 0, "the implicit MSG_CMSG_CLOEXEC is not echoed back");
    let flags = nix::fcntl::fcntl(&fds[0], nix::fcntl::FcntlArg::F_GETFD).unwrap();
    assert_ne!(flags & libc::FD_CLOEXEC, 0, "received fds are close-on-exec");
    let mut f = std::fs::File::from(fds.into_iter().next().unwrap());
    f.write_all(b"through").unwrap();
    drop(f);
    let mut out = String::new();
    std::fs::File::from(r).read_to_string(&mut out).unwrap();
    assert_eq!(out, "through");
}

#[test]
fn sendfile_ten_mib_arrives_intact() {
    let path = std::env::temp_dir().join(format!("sock-sendfile-{}.bin", std::process::id()));
    let data: Vec<u8> = (0..10 * 1024 * 1024u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    std::fs::write(&path, &data).unwrap();
    let file = std::fs::File::open(&path).unwrap();
    let (_l, client, server) = tcp_pair();
    let reader = std::thread::spawn(move || {
        let mut got = Vec::with_capacity(10 << 20);
        let mut buf = vec![0u8; 1 << 16];
        loop {
            let n = server.recv(&mut buf).unwrap();
            if n == 0 {
                break got;
            }
            got.extend_from_slice(&buf[..n]);
        }
    });
    client.set_timeout(Some(Duration::from_secs(60))).unwrap();
    let sent = client.sendfile(&file, 0, None).unwrap();
    assert_eq!(sent, data.len() as u64);
    use std::io::Seek;
    assert_eq!((&file).stream_position().unwrap(), sent, "file position follows, as CPython");
    // An offset and a count.
    let part = client.sendfile(&file, 100, Some(1000)).unwrap();
    assert_eq!(part, 1000);
    client.shutdown(Shutdown::Write).unwrap();
    let got = reader.join().unwrap();
    assert_eq!(got.len(), data.len() + 1000);
    assert!(got[..data.len()] == data[..], "the 10 MiB arrived intact");
    assert_eq!(&got[data.len()..], &data[100..1100]);
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn sendfile_refuses_datagram_sockets() {
    // CPython: "only SOCK_STREAM type sockets are supported" (more in core_fidelity.rs).
    let file = std::fs::File::open("/proc/self/exe").unwrap();
    let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
    assert_eq!(a.sendfile(&file, 6, None).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(b.recv_vec_with_flags(64, MSG_DONTWAIT).unwrap_err().kind(), io::ErrorKind::WouldBlock);
}

#[test]
fn bad_sizes_are_invalid_input() {
    let (a, _b) = sock::socketpair().unwrap();
    let mut buf = [0u8; 4];
    let e = a.recv_into(&mut buf, 5, 0).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("buffer too small for requested bytes"));
    let e = a.recv_from_into(&mut buf, 5, 0).unwrap_err();
    assert!(e.to_string().contains("nbytes is greater than the length of the buffer"));
    assert_eq!(a.recv_vec(usize::MAX).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(a.recv_vec(isize::MAX as usize).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(a.recv_msg_vec(8, usize::MAX, 0).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(a.recv_msg_vec(8, i32::MAX as usize + 1, 0).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(sock::cmsg_len(usize::MAX).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(sock::cmsg_space(usize::MAX).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(SockAddr::from_bytes(&[0; 200]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    let huge = vec![0u8; i32::MAX as usize / 1024];
    let _ = huge; // allocation of ordinary sizes is fine; only unrepresentable ones fail
}

#[test]
fn has_ipv6_matches_the_kernel() {
    let can = std::net::UdpSocket::bind("[::1]:0").is_ok() || std::path::Path::new("/proc/net/if_inet6").exists();
    assert_eq!(sock::has_ipv6(), can);
}

#[test]
fn listen_default_backlog() {
    assert_eq!(sock::DEFAULT_BACKLOG, SOMAXCONN.min(128));
    let s = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    s.bind(SockAddr::new(AF_UNIX as u16, &[]).unwrap()).unwrap(); // autobind
    s.listen(None).unwrap();
    assert!(s.get_flag(SOL_SOCKET, SO_ACCEPTCONN).unwrap());
}

#[test]
fn socket_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Socket>();
}
