//! The "coming from Python" guide (`sock::python`, the pages in `facade/src/python/`), row by
//! row, against the real kernel: for each table row a piece of code that does what the Python
//! line does with the Rust item the row names, and checks the result. One test per section of a
//! page; a `// py: <name>` comment before each row's code names the row (the first
//! backquoted text of its first cell).
//!
//! [`every_row_of_the_guide_has_code_here`] parses every page and fails when a row has no such
//! comment in this file: a row added to the guide needs code here, and the code keeps the row
//! honest. Rows of `not_applicable.md` say why there is no equivalent and have no code.
//!
//! Families the host lacks (CAN, ALG, TIPC, Bluetooth, QRTR, VSOCK loopback, RDS) skip through
//! `sock_tests::require` with a printed reason, and fail under `SOCK_REQUIRE_ALL=1` (the VM).

#![allow(clippy::bool_assert_comparison)]

use std::io;
use std::time::Duration;

/// This file, for the meta-test.
const THIS_FILE: &str = include_str!("python_guide.rs");

/// The Python name of a table row: the first backquoted text of its first cell, or the whole
/// cell when it has none.
fn row_name(line: &str) -> Option<String> {
    let rest = line.strip_prefix("| ")?;
    // The first cell ends at the first `|` that is not escaped (`\|`).
    let mut end = rest.len();
    let bytes = rest.as_bytes();
    for i in 0..bytes.len() {
        if bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            end = i;
            break;
        }
    }
    let cell = rest[..end].trim();
    let name = match cell.split_once('`') {
        Some((_, after)) => after.split_once('`').map_or(after, |(name, _)| name),
        None => cell,
    };
    Some(name.trim().to_string())
}

/// Every (page, row name) of the guide's tables, header rows excepted.
fn guide_rows() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../facade/src/python");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    assert!(pages.len() >= 10, "the guide's pages are in {}", dir.display());
    let mut rows = Vec::new();
    for page in pages {
        let file = page.file_name().unwrap().to_string_lossy().into_owned();
        if file == "not_applicable.md" {
            continue;
        }
        let text = std::fs::read_to_string(&page).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            let header = lines.get(i + 1).is_some_and(|next| next.starts_with("|---"));
            if header {
                continue;
            }
            if let Some(name) = row_name(line) {
                rows.push((file.clone(), name));
            }
        }
    }
    rows
}

#[test]
fn every_row_of_the_guide_has_code_here() {
    let rows = guide_rows();
    assert!(rows.len() > 150, "found only {} rows: is the table syntax still `| ... |`?", rows.len());
    let missing: Vec<String> = rows
        .iter()
        .filter(|(_, name)| !THIS_FILE.contains(&format!("// py: {name}\n")))
        .map(|(page, name)| format!("{page}: `// py: {name}`"))
        .collect();
    assert!(
        missing.is_empty(),
        "rows of the guide without code in tests/tests/python_guide.rs (add the code after such a comment):\n{}",
        missing.join("\n")
    );
}

#[test]
fn row_names_are_the_first_backquoted_text() {
    assert_eq!(row_name("| `accept()` | [`Socket::accept`](x) |").as_deref(), Some("accept()"));
    assert_eq!(row_name("| address `''` (autobind) | `sock.bind(\"\")` |").as_deref(), Some("''"));
    assert_eq!(row_name("| *(beyond CPython)* | [`Hash`](x) |").as_deref(), Some("*(beyond CPython)*"));
    assert_eq!(row_name("| `a \\| b` | c |").as_deref(), Some("a \\| b"));
    assert_eq!(row_name("|---|---|"), None);
}

/// A temporary file of `content` (removed on drop), for `sendfile` rows.
struct TempFile(std::path::PathBuf, std::fs::File);

impl TempFile {
    fn new(name: &str, content: &[u8]) -> TempFile {
        use std::io::{Seek, Write};
        let path = std::env::temp_dir().join(format!("sock-python-guide-{}-{name}", std::process::id()));
        let mut file =
            std::fs::OpenOptions::new().read(true).write(true).create(true).truncate(true).open(&path).unwrap();
        file.write_all(content).unwrap();
        file.rewind().unwrap();
        TempFile(path, file)
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

const WAIT: Duration = Duration::from_secs(10);

// ---- intro.md -------------------------------------------------------------------------------

#[cfg(all(feature = "inet", feature = "unix", feature = "resolve"))]
mod intro {
    use std::io::{BufRead, IoSlice, IoSliceMut, Write};
    use std::os::fd::{AsRawFd, OwnedFd};
    use std::time::Duration;

    use sock::consts::*;
    use sock::{Family, MsgFlags, Protocol, Socket, Type};

    use super::*;

    /// A UDP socket on 127.0.0.1 with a kernel-chosen port.
    fn udp() -> Socket {
        let s = sock::socket(AF_INET, SOCK_DGRAM, 0).unwrap();
        s.set_timeout_secs(10.0).unwrap();
        s.bind(("127.0.0.1", 0)).unwrap();
        s
    }

    /// A listening TCP socket on 127.0.0.1.
    fn tcp_listener() -> Socket {
        let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        s.bind(("127.0.0.1", 0)).unwrap();
        s.listen(None).unwrap();
        s.set_timeout(Some(WAIT)).unwrap();
        s
    }

    #[test]
    fn exceptions() {
        // py: socket.error
        let a = tcp_listener();
        let b = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        let e = b.bind(&a.local_addr().unwrap()).unwrap_err();
        assert_eq!(sock::errno(&e), Some(libc::EADDRINUSE));
        assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
        assert!(e.to_string().starts_with("bind 127.0.0.1:"), "{e}");
        let ctx = sock::ErrorContext::of(&e).unwrap();
        assert_eq!(ctx.op(), Some("bind"));

        // py: socket.gaierror
        // A numeric-only lookup of a name fails without asking any resolver.
        let e = io::Error::from(
            sock::getaddrinfo(Some("not-a-number"), 80, AF_INET, 0, 0, AI_NUMERICHOST).unwrap_err(),
        );
        let gai = sock::ResolveError::from_io(&e).expect("a ResolveError inside");
        assert_eq!(gai.code(), EAI_NONAME);

        // py: socket.timeout
        let (s, _peer) = sock::socketpair().unwrap();
        s.set_timeout_secs(0.01).unwrap();
        let e = s.recv_vec(16).unwrap_err();
        assert!(sock::is_timeout(&e));
        assert_eq!(e.to_string(), "recv: timed out");

        // py: ValueError
        let e = s.set_timeout_secs(-1.0).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert!(e.to_string().contains("timeout"), "{e}");
    }

    /// `socket.herror` needs a reverse lookup that fails: run in a namespace whose resolver
    /// knows only its hosts file, so nothing reaches DNS.
    #[test]
    fn exceptions_herror() {
        if !sock_tests::in_private_resolver("intro::exceptions_herror") {
            return;
        }
        // py: socket.herror
        let e = io::Error::from(sock::gethostbyaddr("192.0.2.1").unwrap_err());
        let herror = sock::ResolveError::from_io(&e).expect("a ResolveError inside");
        assert!(!herror.message().is_empty());
    }

    #[test]
    fn creating_sockets() {
        // py: socket.socket(family, type, proto)
        let a = sock::socket(AF_INET, SOCK_STREAM, 0).unwrap();
        let b = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        let c = sock::socket(Family::INET, Type::STREAM, IPPROTO_TCP).unwrap();
        assert_eq!((a.family(), a.ty(), a.protocol()), (b.family(), b.ty(), b.protocol()));
        assert_eq!(c.protocol(), Protocol::TCP);

        // py: socket.socket(fileno=fd)
        let std_sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let s = Socket::from_fd(OwnedFd::from(std_sock)).unwrap();
        assert_eq!((s.family(), s.ty()), (Family::INET, Type::DGRAM));

        // py: socket.socketpair([family[, type[, proto]]])
        let (x, y) = sock::socketpair().unwrap();
        assert_eq!((x.family(), x.ty()), (Family::UNIX, Type::STREAM));
        x.send_all(b"pair").unwrap();
        assert_eq!(y.recv_vec(4).unwrap(), b"pair");
        let (x, y) = Socket::pair(AF_UNIX, SOCK_SEQPACKET, 0).unwrap();
        x.send(b"record").unwrap();
        assert_eq!(y.recv_vec(64).unwrap(), b"record");

        // py: socket.fromfd(fd, family, type, proto)
        let std_sock = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
        let dup = sock::fromfd(&std_sock, None, None, None).unwrap();
        assert_ne!(dup.fileno(), std_sock.as_raw_fd());
        assert_eq!(dup.local_addr().unwrap().as_socket(), Some(std_sock.local_addr().unwrap()));

        // py: socket.close(fd)
        let fd: OwnedFd = sock::socket(AF_INET, SOCK_DGRAM, 0).unwrap().into();
        sock::close(fd).unwrap();

        // py: socket.SocketType
        fn takes_a_socket(s: &sock::Socket) -> Family {
            s.family()
        }
        assert_eq!(takes_a_socket(&a), Family::INET);

        // py: socket.AddressFamily
        assert_eq!(Family::from(AF_INET6), Family::INET6);
        assert_eq!(libc::c_int::from(Type::DGRAM), SOCK_DGRAM);
        assert_eq!(Family::INET.name(), Some("INET"));

        // py: socket.MsgFlag
        assert_eq!((MsgFlags::PEEK | MsgFlags::DONTWAIT).bits(), MSG_PEEK | MSG_DONTWAIT);
        assert_eq!(MsgFlags::from(MSG_PEEK), MsgFlags::PEEK);
    }

    #[test]
    fn socket_methods_and_attributes() {
        let listener = tcp_listener();
        let server_addr = listener.local_addr().unwrap();

        // py: connect(address)
        let client = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        client.set_timeout(Some(WAIT)).unwrap();
        client.connect(&server_addr).unwrap();

        // py: accept()
        let (conn, peer) = listener.accept().unwrap();
        assert_eq!(peer, client.local_addr().unwrap());

        // py: getpeername()
        assert_eq!(client.peer_addr().unwrap(), server_addr);

        // py: getsockname()
        let s = udp();
        let port = s.local_addr().unwrap().as_socket().unwrap().port();
        assert_ne!(port, 0);

        // py: bind(address)
        let b = sock::socket(AF_INET, SOCK_DGRAM, 0).unwrap();
        b.bind(("127.0.0.1", 0)).unwrap();
        assert_eq!(b.local_addr().unwrap().as_socket().unwrap().ip(), std::net::Ipv4Addr::LOCALHOST);

        // py: close()
        b.close().unwrap();

        // py: connect_ex(address)
        let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        assert_eq!(c.connect_ex(&server_addr).unwrap(), 0);
        let gone = {
            let t = tcp_listener();
            t.local_addr().unwrap()
        };
        let d = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        assert_eq!(d.connect_ex(&gone).unwrap(), libc::ECONNREFUSED);

        // py: detach()
        let e = udp();
        let raw = e.detach();
        // SAFETY: `detach` gave up the fd, which this test now owns.
        let owned = unsafe { <OwnedFd as std::os::fd::FromRawFd>::from_raw_fd(raw) };
        assert_eq!(Socket::from_fd(owned).unwrap().ty(), Type::DGRAM);

        // py: dup()
        let f = udp();
        let g = f.dup().unwrap();
        assert_ne!(f.fileno(), g.fileno());
        assert_eq!(g.timeout(), f.timeout());
        assert_eq!(g.local_addr().unwrap(), f.local_addr().unwrap());

        // py: fileno()
        assert_eq!(f.fileno(), f.as_raw_fd());
        assert_eq!(std::os::fd::AsFd::as_fd(&f).as_raw_fd(), f.fileno());

        // py: get_inheritable()
        assert_eq!(f.inheritable().unwrap(), false);
        f.set_inheritable(true).unwrap();
        assert_eq!(f.inheritable().unwrap(), true);

        // py: getsockopt(level, optname)
        assert_eq!(client.getsockopt_int(SOL_SOCKET, SO_TYPE).unwrap(), SOCK_STREAM);
        const TYPE: sock::SockOpt<i32> = sock::SockOpt::new(SOL_SOCKET, SO_TYPE);
        assert_eq!(client.get(TYPE).unwrap(), SOCK_STREAM);

        // py: getsockopt(level, optname, buflen)
        let linger = client.getsockopt_vec(SOL_SOCKET, SO_LINGER, 8).unwrap();
        assert_eq!(linger, [0u8; 8]);
        let mut buf = [0u8; 4];
        assert_eq!(client.getsockopt_into(SOL_SOCKET, SO_ERROR, &mut buf).unwrap(), 4);

        // py: getblocking()
        let h = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        h.set_blocking(false).unwrap();
        assert_eq!(h.blocking(), false);

        // py: setblocking(flag)
        h.set_blocking(true).unwrap();
        assert_eq!(h.blocking(), true);
        assert_eq!(h.timeout(), None);

        // py: settimeout(value)
        h.set_timeout_secs(2.5).unwrap();
        assert_eq!(h.timeout(), Some(Duration::from_millis(2500)));
        h.set_timeout(Some(Duration::from_secs(1))).unwrap();
        h.set_mode(sock::Mode::NonBlocking).unwrap();
        assert_eq!(h.timeout(), Some(Duration::ZERO));
        h.set_timeout_secs(None).unwrap();
        assert!(h.blocking());

        // py: gettimeout()
        h.set_timeout_secs(2.0).unwrap();
        assert_eq!(h.timeout_secs(), Some(2.0));
        assert_eq!(h.timeout(), Some(Duration::from_secs(2)));
        assert_eq!(h.mode(), sock::Mode::Timeout(Duration::from_secs(2)));

        // py: timeout
        h.set_timeout_secs(None).unwrap();
        assert_eq!(h.timeout_secs(), None);

        // py: listen([backlog])
        let l = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        l.bind(("127.0.0.1", 0)).unwrap();
        l.listen(Some(5)).unwrap();
        assert!(l.accept_conn().unwrap());

        // py: makefile(mode='r'/'w'/'rw')
        let mut writer = client.makefile_writer();
        writer.write_all(b"line one\n").unwrap();
        writer.flush().unwrap();
        let mut line = String::new();
        conn.set_timeout(Some(WAIT)).unwrap();
        conn.makefile_reader().read_line(&mut line).unwrap();
        assert_eq!(line, "line one\n");

        // py: send(bytes[, flags])
        assert_eq!(client.send(b"abc").unwrap(), 3);
        assert_eq!(client.send_with_flags(b"def", MsgFlags::NOSIGNAL).unwrap(), 3);

        // py: recv(bufsize, flags)
        let mut peek = [0u8; 6];
        let n = conn.recv_with_flags(&mut peek, MsgFlags::PEEK | MsgFlags::WAITALL).unwrap();
        assert_eq!(&peek[..n], b"abcdef");
        assert_eq!(conn.recv_vec_with_flags(3, MSG_PEEK).unwrap(), b"abc");

        // py: recv(bufsize)
        assert_eq!(conn.recv_vec(3).unwrap(), b"abc");
        let mut three = [0u8; 3];
        assert_eq!(conn.recv(&mut three).unwrap(), 3);
        assert_eq!(&three, b"def");

        // py: sendall(bytes[, flags])
        let big = vec![7u8; 200_000];
        let reader = std::thread::spawn({
            let conn = conn.dup().unwrap();
            move || {
                let mut got = 0;
                while got < 200_000 {
                    let chunk = conn.recv_vec(65536).unwrap();
                    assert!(!chunk.is_empty());
                    got += chunk.len();
                }
                got
            }
        });
        client.send_all(&big).unwrap();
        assert_eq!(reader.join().unwrap(), 200_000);
        client.send_all_with_flags(b"x", MSG_NOSIGNAL).unwrap();
        assert_eq!(conn.recv_vec(1).unwrap(), b"x");

        // py: recv_into(buffer[, nbytes[, flags]])
        client.send_all(b"into").unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(conn.recv_into(&mut buf, 4, 0).unwrap(), 4);
        assert_eq!(&buf[..4], b"into");

        // py: sendfile(file[, offset[, count]])
        let file = TempFile::new("sendfile", b"0123456789");
        assert_eq!(client.sendfile(&file.1, 2, Some(5)).unwrap(), 5);
        assert_eq!(conn.recv_vec_with_flags(5, MsgFlags::WAITALL).unwrap(), b"23456");

        // py: shutdown(how)
        client.shutdown(sock::Shutdown::Write).unwrap();
        assert_eq!(conn.recv_vec(16).unwrap(), b"");
        conn.shutdown(sock::Shutdown::from_raw(SHUT_RDWR).unwrap()).unwrap();

        // py: family
        assert_eq!((client.family(), client.ty(), client.protocol()), (Family::INET, Type::STREAM, Protocol(0)));

        // py: repr(sock)
        let text = format!("{s:?}");
        assert!(text.starts_with(&format!("<Socket fd={} family=INET type=DGRAM proto=0 laddr=127.0.0.1:", s.fileno())));
        assert!(text.ends_with(">"), "{text}");
    }

    #[test]
    fn datagram_methods() {
        let rx = udp();
        let tx = udp();
        let to = rx.local_addr().unwrap();

        // py: sendto(bytes[, flags], address)
        assert_eq!(tx.send_to(b"one", ("127.0.0.1", to.as_socket().unwrap().port())).unwrap(), 3);
        assert_eq!(tx.send_to_addr(b"two", &to).unwrap(), 3);
        tx.send_to_with_flags(b"three", MsgFlags::DONTWAIT, &to).unwrap();

        // py: recvfrom(bufsize[, flags])
        let (data, from) = rx.recv_from_vec(64).unwrap();
        assert_eq!((data.as_slice(), &from), (&b"one"[..], &tx.local_addr().unwrap()));
        let mut buf = [0u8; 64];
        let mut addr = sock::SockAddr::empty();
        let n = rx.recv_from_addr(&mut buf, &mut addr).unwrap();
        assert_eq!((&buf[..n], &addr), (&b"two"[..], &from));
        let (n, _) = rx.recv_from_with_flags(&mut buf, MsgFlags::PEEK).unwrap();
        assert_eq!(&buf[..n], b"three");

        // py: recvfrom_into(buffer[, nbytes[, flags]])
        let (n, sender) = rx.recv_from_into(&mut buf, 64, 0).unwrap();
        assert_eq!((&buf[..n], sender), (&b"three"[..], from));

        // py: sendmsg(buffers[, ancdata[, flags[, address]]])
        let mut control = [0u8; 64];
        let mut w = sock::cmsg::CmsgWriter::new(&mut control);
        sock::inet::InetCmsg::Ttl(7).encode(&mut w).unwrap();
        let len = w.len();
        let sent =
            tx.send_msg(&[IoSlice::new(b"gather"), IoSlice::new(b"ed")], &control[..len], 0, Some(&to)).unwrap();
        assert_eq!(sent, 8);

        // py: recvmsg(bufsize[, ancbufsize[, flags]])
        rx.setsockopt_int(IPPROTO_IP, IP_RECVTTL, 1).unwrap();
        tx.send_to(b"ttl?", &to).unwrap();
        // (the "gathered" datagram went out before IP_RECVTTL: no TTL item)
        let first = rx.recv_msg_vec(64, 64, 0).unwrap();
        assert_eq!(first.data, b"gathered");
        let msg = rx.recv_msg_vec(64, 64, 0).unwrap();
        assert_eq!(msg.data, b"ttl?");
        let ttl = msg.cmsgs().find_map(|c| match c.decode::<sock::inet::InetCmsg>()? {
            sock::inet::InetCmsg::Ttl(ttl) => Some(ttl),
            _ => None,
        });
        assert_eq!(ttl, Some(64));

        // py: recvmsg_into(buffers[, ancbufsize[, flags]])
        tx.send_to(b"scattered", &to).unwrap();
        let (mut head, mut tail) = ([0u8; 4], [0u8; 16]);
        let mut control = [0u8; 64];
        let got = rx
            .recv_msg(&mut [IoSliceMut::new(&mut head), IoSliceMut::new(&mut tail)], &mut control, MsgFlags::NONE)
            .unwrap();
        assert_eq!((got.bytes, &head, &tail[..5]), (9, b"scat", &b"tered"[..]));
        let items: Vec<_> = sock::cmsg::CmsgIter::new(&control[..got.control_len]).collect();
        assert_eq!(items[0].decode::<sock::inet::InetCmsg>(), Some(sock::inet::InetCmsg::Ttl(64)));
        let (a, b) = sock::socketpair().unwrap();
        sock::send_fds(&a, &[IoSlice::new(b"f")], &[std::io::stdin()], 0, None).unwrap();
        let mut one = [0u8; 1];
        let (_, fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut one)], &mut control, 0).unwrap();
        assert_eq!(fds.len(), 1);

        // py: setsockopt(level, optname, int)
        rx.setsockopt_int(SOL_SOCKET, SO_RCVBUF, 65536).unwrap();
        assert!(rx.getsockopt_int(SOL_SOCKET, SO_RCVBUF).unwrap() >= 65536);
        const REUSEADDR: sock::SockOpt<bool> = sock::SockOpt::new(SOL_SOCKET, SO_REUSEADDR);
        rx.set(REUSEADDR, &true).unwrap();
        assert!(rx.get(REUSEADDR).unwrap());

        // py: setsockopt(level, optname, buffer)
        let linger = libc::linger { l_onoff: 1, l_linger: 5 };
        rx.setsockopt_bytes(SOL_SOCKET, SO_LINGER, sock::pod::bytes_of(&linger)).unwrap();
        assert_eq!(rx.linger().unwrap(), Some(Duration::from_secs(5)));

        // py: setsockopt(level, optname, None, optlen)
        // SO_BINDTODEVICE with no value and length 0 unbinds the socket from any device.
        rx.setsockopt_null(SOL_SOCKET, SO_BINDTODEVICE, 0).unwrap();
        assert_eq!(rx.bound_device().unwrap(), None);

        // py: sendmsg_afalg([msg, ]*, op[, iv[, assoclen[, flags]]])
        // (AF_ALG: run in `alg::alg_rows`, the kernel needs af_alg.)
        let _ = sock::sendmsg_afalg;
    }

    #[test]
    fn module_functions() {
        // py: socket.getdefaulttimeout()
        // py: socket.setdefaulttimeout(timeout)
        // (one test touches the process-wide default; it is back to None when done)
        sock::setdefaulttimeout_secs(30.0).unwrap();
        assert_eq!(sock::getdefaulttimeout(), Some(Duration::from_secs(30)));
        let s = sock::socket(AF_INET, SOCK_DGRAM, 0).unwrap();
        sock::setdefaulttimeout(None);
        assert_eq!(s.timeout_secs(), Some(30.0));
        assert_eq!(sock::getdefaulttimeout(), None);

        // py: socket.CMSG_LEN(length)
        assert_eq!(sock::cmsg_len(4).unwrap(), unsafe_cmsg_len(4));

        // py: socket.CMSG_SPACE(length)
        assert_eq!(sock::cmsg_space(4).unwrap(), unsafe_cmsg_space(4));

        // py: socket.has_ipv6
        assert_eq!(sock::has_ipv6(), Socket::new(Family::INET6, Type::DGRAM, None).is_ok());
    }

    fn unsafe_cmsg_len(n: u32) -> usize {
        // SAFETY: CMSG_LEN is arithmetic only.
        unsafe { libc::CMSG_LEN(n) as usize }
    }

    fn unsafe_cmsg_space(n: u32) -> usize {
        // SAFETY: CMSG_SPACE is arithmetic only.
        unsafe { libc::CMSG_SPACE(n) as usize }
    }

    #[test]
    fn beyond_cpython_batching() {
        let rx = udp();
        let tx = udp();
        let to = rx.local_addr().unwrap();

        // py: sendmmsg(2)
        let msgs = [sock::OutMsg::to(b"a", &to), sock::OutMsg::to(b"bb", &to), sock::OutMsg::to(b"ccc", &to)];
        let mut send_batch = sock::SendBatch::new();
        assert_eq!(tx.send_many(&msgs, &mut send_batch, 0).unwrap(), 3);
        assert_eq!(send_batch.sent_len(2), Some(3));

        // py: recvmmsg(2)
        let mut batch = sock::RecvBatch::new(8, 64).unwrap();
        let mut got = Vec::new();
        while got.len() < 3 {
            let n = rx.recv_many(&mut batch, MsgFlags::NONE).unwrap();
            got.extend(batch.iter().take(n).map(|m| m.data.to_vec()));
        }
        assert_eq!(got, [&b"a"[..], b"bb", b"ccc"]);
    }
}
