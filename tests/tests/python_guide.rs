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
#[allow(dead_code)] // when no section that sends a file is built
struct TempFile(std::path::PathBuf, std::fs::File);

#[allow(dead_code)] // when no section that sends a file is built
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

/// How long a row waits for something that should arrive (generous: the VM is slow).
#[allow(dead_code)] // when only sections with their own helpers are built
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
        let e = b.bind(a.local_addr().unwrap()).unwrap_err();
        assert_eq!(sock::errno(&e), Some(libc::EADDRINUSE));
        assert_eq!(e.kind(), io::ErrorKind::AddrInUse);
        assert!(e.to_string().starts_with("bind 127.0.0.1:"), "{e}");
        let ctx = sock::ErrorContext::of(&e).unwrap();
        assert_eq!(ctx.op(), Some("bind"));

        // py: socket.gaierror
        // A numeric-only lookup of a name fails without asking any resolver.
        let e = sock::getaddrinfo(Some("not-a-number"), 80, AF_INET, 0, 0, AI_NUMERICHOST).unwrap_err();
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
        let e = sock::gethostbyaddr("192.0.2.1").unwrap_err();
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
        client.connect(server_addr).unwrap();

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
        assert_eq!(c.connect_ex(server_addr).unwrap(), 0);
        let gone = {
            let t = tcp_listener();
            t.local_addr().unwrap()
        };
        let d = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        assert_eq!(d.connect_ex(gone).unwrap(), libc::ECONNREFUSED);

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
        tx.send_to_with_flags(b"three", MsgFlags::DONTWAIT, to).unwrap();

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
        let sent = tx.send_msg(&[IoSlice::new(b"gather"), IoSlice::new(b"ed")], &control[..len], 0, Some(&to)).unwrap();
        assert_eq!(sent, 8);

        // py: recvmsg(bufsize[, ancbufsize[, flags]])
        rx.setsockopt_int(IPPROTO_IP, IP_RECVTTL, 1).unwrap();
        tx.send_to(b"ttl?", to).unwrap();
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
        tx.send_to(b"scattered", to).unwrap();
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
        type SendmsgAfalg = fn(
            &Socket,
            &[std::io::IoSlice<'_>],
            sock::alg::Op,
            Option<&[u8]>,
            Option<usize>,
            sock::MsgFlags,
        ) -> std::io::Result<usize>;
        let _: SendmsgAfalg = sock::sendmsg_afalg;
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

// ---- inet.md --------------------------------------------------------------------------------

#[cfg(all(feature = "inet", feature = "resolve"))]
mod inet {
    use std::io::IoSlice;
    use std::net::{Ipv4Addr, SocketAddr, SocketAddrV6};

    use sock::consts::*;
    use sock::inet::{opt, InetCmsg, InetSocketExt};
    use sock::{Addr, Family, Protocol, Socket, Type};

    use super::*;

    fn udp(family: Family, host: &str) -> Socket {
        let s = Socket::new(family, Type::DGRAM, None).unwrap();
        s.set_timeout(Some(WAIT)).unwrap();
        s.bind((host, 0)).unwrap();
        s
    }

    #[test]
    fn addresses_and_conversions() {
        // py: (host, port)
        let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        s.bind(("", 0)).unwrap();
        assert_eq!(s.local_addr().unwrap().as_socket().unwrap().ip(), Ipv4Addr::UNSPECIFIED);
        let t = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        t.bind("127.0.0.1:0".parse::<SocketAddr>().unwrap()).unwrap();
        let u = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        u.bind(sock::inet::HostPort("127.0.0.1", 0)).unwrap();
        assert_eq!(
            sock::inet::host_address(Family::INET, "<broadcast>", 9, None).unwrap(),
            "255.255.255.255:9".parse::<SocketAddr>().unwrap()
        );

        // py: (host, port, flowinfo, scope_id)
        let v6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
        v6.bind(sock::inet::HostPortV6("::1", 0, 0, 0)).unwrap();
        let scoped = sock::inet::host_address(Family::INET6, "fe80::1%1", 80, Some((5, 0))).unwrap();
        assert_eq!(scoped, SocketAddr::V6(SocketAddrV6::new("fe80::1".parse().unwrap(), 80, 5, 1)));

        // py: returned INET/INET6/RDS address
        let raw = v6.local_addr().unwrap();
        let Addr::Inet(addr) = Addr::decode(&raw) else { panic!("not an INET address: {raw}") };
        assert_eq!(addr.ip(), "::1".parse::<std::net::IpAddr>().unwrap());
        assert_eq!(raw.as_socket(), Some(addr));
        assert_eq!(sock::inet::decode(&raw).unwrap(), addr);

        // py: socket.inet_aton
        assert_eq!(sock::inet_aton("127.1").unwrap(), [127, 0, 0, 1]);
        assert_eq!(sock::inet_ntoa(&[10, 0, 0, 1]).unwrap(), "10.0.0.1");
        assert_eq!(sock::inet_pton(AF_INET6, "::1").unwrap(), Ipv6Bytes::LOOPBACK);
        assert_eq!(sock::inet_ntop(AF_INET, &[192, 0, 2, 1]).unwrap(), "192.0.2.1");

        // py: socket.htons
        assert_eq!(sock::htons(0x1234), 0x1234u16.to_be());
        assert_eq!(sock::htonl(1), 1u32.to_be());
        assert_eq!(sock::ntohs(sock::htons(80)), 80);
        assert_eq!(sock::ntohl(sock::htonl(7)), 7);

        // py: IPPROTO_*
        assert_eq!((IPPROTO_TCP, IPPORT_RESERVED, INADDR_LOOPBACK), (6, 1024, 0x7f00_0001));
        assert_eq!((IP_TTL, IPV6_V6ONLY, TCP_NODELAY, UDPLITE_SEND_CSCOV), (2, 26, 1, 10));
        assert_eq!((SOL_RDS, RDS_RECVERR), (276, 5));
    }

    struct Ipv6Bytes;
    impl Ipv6Bytes {
        const LOOPBACK: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1];
    }

    #[test]
    fn connections_and_servers() {
        // py: socket.create_server(address, *, family, backlog, reuse_port, dualstack_ipv6)
        let server = sock::create_server(("127.0.0.1", 0), &sock::ServerOptions::new().backlog(8)).unwrap();
        assert!(server.accept_conn().unwrap());
        let port = server.local_addr().unwrap().as_socket().unwrap().port();

        // py: socket.create_connection(address[, timeout[, source_address[, all_errors]]])
        let options = sock::ConnectOptions::new().timeout(Some(WAIT)).source_address("127.0.0.1", 0);
        let client = sock::create_connection(("127.0.0.1", port), &options).unwrap();
        assert_eq!(client.timeout(), Some(WAIT));
        server.set_timeout(Some(WAIT)).unwrap();
        let (conn, _) = server.accept().unwrap();

        // py: socket.has_dualstack_ipv6()
        assert_eq!(sock::has_dualstack_ipv6(), sock::has_ipv6());

        // py: setsockopt(IPPROTO_TCP, TCP_NODELAY, 1)
        client.set(opt::TCP_NODELAY, &true).unwrap();
        assert!(client.tcp_nodelay().unwrap());
        client.set_tcp_nodelay(false).unwrap();
        assert!(!client.get(opt::TCP_NODELAY).unwrap());
        client.set_ttl(9).unwrap();
        assert_eq!(client.get(opt::IP_TTL).unwrap(), 9);

        // py: TCP_INFO
        let info = conn.tcp_info().unwrap();
        assert_eq!(info.state, 1, "TCP_ESTABLISHED");
        assert!(!conn.tcp_congestion().unwrap().is_empty());
    }

    #[test]
    fn rds_and_mptcp() {
        // py: socket(AF_RDS, SOCK_SEQPACKET)
        let mptcp = sock::inet::mptcp_socket(Family::INET);
        if sock_tests::require("MPTCP sockets (IPPROTO_MPTCP)", mptcp.as_ref().map(drop)) {
            assert_eq!(mptcp.unwrap().protocol(), Protocol(IPPROTO_MPTCP));
        }
        let rds = sock::inet::rds_socket();
        if sock_tests::require("AF_RDS sockets (modprobe rds)", rds.as_ref().map(drop)) {
            let rds = rds.unwrap();
            assert_eq!((rds.family(), rds.ty()), (Family::RDS, Type::SEQPACKET));
            rds.bind(("127.0.0.1", 0)).unwrap();
            assert!(matches!(sock::Addr::decode(&rds.local_addr().unwrap()), Addr::Inet(SocketAddr::V4(_))));
        }
    }

    #[test]
    fn options_and_ancillary_data() {
        let rx = udp(Family::INET, "127.0.0.1");
        let tx = udp(Family::INET, "127.0.0.1");
        let to = rx.local_addr().unwrap();

        // py: IP_ADD_MEMBERSHIP
        let lo = sock::if_nametoindex("lo").unwrap();
        let group = Ipv4Addr::new(239, 77, 1, 2);
        rx.join_multicast_v4(group, Ipv4Addr::UNSPECIFIED, lo).unwrap();
        rx.leave_multicast_v4(group, Ipv4Addr::UNSPECIFIED, lo).unwrap();
        tx.set_multicast_if_v4(Ipv4Addr::LOCALHOST, 0).unwrap();
        assert_eq!(tx.multicast_if_v4().unwrap(), Ipv4Addr::LOCALHOST);

        // py: UDPLITE_SEND_CSCOV
        let lite = Socket::new(Family::INET, Type::DGRAM, Protocol::UDPLITE);
        if sock_tests::require("UDP-Lite sockets (IPPROTO_UDPLITE)", lite.as_ref().map(drop)) {
            let lite = lite.unwrap();
            lite.set_udplite_send_cscov(16).unwrap();
            lite.set_udplite_recv_cscov(24).unwrap();
            assert_eq!(lite.get(opt::UDPLITE_SEND_CSCOV).unwrap(), 16);
        }

        // py: IP_PKTINFO
        rx.setsockopt_int(IPPROTO_IP, IP_PKTINFO, 1).unwrap();
        tx.send_to(b"where?", to).unwrap();
        let msg = rx.recv_msg_vec(64, 256, 0).unwrap();
        let info = msg.cmsgs().find_map(|c| match c.decode::<InetCmsg>()? {
            InetCmsg::PktInfoV4 { ifindex, addr, .. } => Some((ifindex, addr)),
            _ => None,
        });
        assert_eq!(info, Some((lo, Ipv4Addr::LOCALHOST)));

        // py: setsockopt(SOL_UDP, UDP_SEGMENT, n)
        let probe = Socket::new(Family::INET, Type::DGRAM, None).unwrap().set_udp_segment(100);
        if !sock_tests::require("UDP_SEGMENT (UDP GSO, Linux 4.18)", probe) {
            return;
        }
        let gso_rx = udp(Family::INET, "127.0.0.1");
        let gso_to = gso_rx.local_addr().unwrap();
        tx.set_udp_segment(100).unwrap();
        assert_eq!(tx.udp_segment().unwrap(), 100);
        tx.send_to(&[1u8; 250], gso_to).unwrap();
        let sizes: Vec<usize> = (0..3).map(|_| gso_rx.recv_vec(1000).unwrap().len()).collect();
        assert_eq!(sizes, [100, 100, 50]);
        tx.set_udp_segment(0).unwrap();

        // py: (SOL_UDP, UDP_SEGMENT, …)
        if !sock_tests::require("UDP_GRO (Linux 5.0)", gso_rx.set_udp_gro(true)) {
            return;
        }
        assert!(gso_rx.udp_gro().unwrap());
        let mut control = [0u8; 64];
        let mut w = sock::cmsg::CmsgWriter::new(&mut control);
        InetCmsg::UdpSegment(40).encode(&mut w).unwrap();
        let len = w.len();
        tx.send_msg(&[IoSlice::new(&[2u8; 100])], &control[..len], 0, Some(&gso_to)).unwrap();
        let mut segments = Vec::new();
        while segments.iter().map(Vec::len).sum::<usize>() < 100 {
            let got = gso_rx.recv_msg_vec(65536, 64, 0).unwrap();
            let size = got.cmsgs().find_map(|c| match c.decode::<InetCmsg>()? {
                InetCmsg::UdpGro(size) => Some(usize::from(size)),
                _ => None,
            });
            segments.extend(sock::inet::gro_segments(&got.data, size.unwrap_or(0)).map(<[u8]>::to_vec));
        }
        assert_eq!(segments.iter().map(Vec::len).collect::<Vec<_>>(), [40, 40, 20]);
    }
}

// ---- resolve.md -----------------------------------------------------------------------------

#[cfg(feature = "resolve")]
mod resolve {
    use std::net::{IpAddr, Ipv4Addr, SocketAddr};

    use sock::consts::*;
    use sock::Family;

    /// Numeric lookups and the files-only databases: no resolver is asked.
    #[test]
    fn names_and_addresses() {
        // py: socket.getaddrinfo(host, port, family, type, proto, flags)
        let infos = sock::getaddrinfo(Some("127.0.0.1"), 80, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST).unwrap();
        assert_eq!(infos[0].addr, "127.0.0.1:80".parse::<SocketAddr>().unwrap());
        assert_eq!(infos[0].family, Family::INET);

        // py: socket.getnameinfo(sockaddr, flags)
        let (host, port) = sock::getnameinfo("127.0.0.1:80".parse().unwrap(), NI_NUMERICHOST | NI_NUMERICSERV).unwrap();
        assert_eq!((host.as_str(), port.as_str()), ("127.0.0.1", "80"));

        // py: socket.gethostbyname(hostname)
        assert_eq!(sock::gethostbyname("127.0.0.1").unwrap(), Ipv4Addr::LOCALHOST);

        // py: socket.getprotobyname(protocolname)
        assert_eq!(sock::getprotobyname("udp").unwrap(), sock::Protocol::UDP);

        // py: socket.getservbyname(servicename[, protocolname])
        assert_eq!(sock::getservbyname("ssh", Some("tcp")).unwrap(), 22);

        // py: socket.getservbyport(port[, protocolname])
        assert_eq!(sock::getservbyport(22, Some("tcp")).unwrap(), "ssh");

        // py: socket.if_nameindex()
        let lo = sock::if_nametoindex("lo").unwrap();
        assert_eq!(sock::if_indextoname(lo).unwrap(), "lo");
        assert!(sock::if_nameindex().unwrap().contains(&(lo, "lo".to_string())));

        // py: EAI_*
        assert_eq!((EAI_NONAME, AI_PASSIVE, NI_NAMEREQD), (-2, 1, 8));
    }

    /// The host database rows, in a namespace whose resolver reads only its own hosts file.
    #[test]
    fn host_database() {
        if !sock_tests::in_private_resolver("resolve::host_database") {
            return;
        }
        // py: socket.gethostbyname_ex(hostname)
        let ent = sock::gethostbyname_ex("localhost").unwrap();
        assert!(ent.addrs.contains(&IpAddr::V4(Ipv4Addr::LOCALHOST)), "{ent:?}");

        // py: socket.gethostbyaddr(ip_address)
        let ent = sock::gethostbyaddr("127.0.0.1").unwrap();
        assert_eq!(ent.name, "localhost");

        // py: socket.getfqdn([name])
        let host = sock::gethostname().unwrap();
        assert_eq!(sock::getfqdn(""), format!("{host}.sock.test"));
    }

    #[test]
    fn hostname() {
        // py: socket.gethostname()
        let name = sock::gethostname().unwrap();
        assert_eq!(name, nix::unistd::gethostname().unwrap().to_string_lossy());
        if !sock_tests::require_root("sethostname (CAP_SYS_ADMIN in a new UTS namespace)") {
            return;
        }
        // A thread of its own in a new UTS namespace: the machine's name is left alone.
        std::thread::spawn(|| {
            let probe = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWUTS).map_err(std::io::Error::from);
            if !sock_tests::require("UTS namespaces (unshare CLONE_NEWUTS)", probe) {
                return;
            }
            sock::sethostname("sock-python-guide").unwrap();
            assert_eq!(sock::gethostname().unwrap(), "sock-python-guide");
        })
        .join()
        .unwrap();
    }
}

// ---- unix.md --------------------------------------------------------------------------------

#[cfg(feature = "unix")]
mod unix {
    use std::io::{IoSlice, IoSliceMut, Read, Write};
    use std::os::fd::{AsFd, OwnedFd};

    use sock::consts::*;
    use sock::unix::{Credentials, UnixAddr, UnixSocketExt};
    use sock::{Addr, Family, FamilyAddr, Socket, Type};

    use super::*;

    fn dir(name: &str) -> std::path::PathBuf {
        let dir = std::env::temp_dir().join(format!("sock-python-guide-unix-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// A pipe with `text` written into it: the read end.
    fn pipe_with(text: &[u8]) -> OwnedFd {
        let (r, w) = nix::unistd::pipe().unwrap();
        std::fs::File::from(w).write_all(text).unwrap();
        r
    }

    fn read_all(fd: OwnedFd) -> Vec<u8> {
        let mut out = Vec::new();
        std::fs::File::from(fd).read_to_end(&mut out).unwrap();
        out
    }

    #[test]
    fn addresses() {
        // py: AF_UNIX
        assert_eq!(AF_UNIX, Family::UNIX.raw());
        let s = Socket::new(AF_UNIX, SOCK_DGRAM, 0).unwrap();
        assert_eq!(s.family(), Family::UNIX);

        // py: '/path'
        let d = dir("path");
        let path = d.join("sock");
        s.bind(&path).unwrap();
        assert_eq!(s.local_unix_addr().unwrap().as_pathname(), Some(path.as_path()));
        let t = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        t.bind(UnixAddr::pathname(d.join("other")).unwrap()).unwrap();

        // py: b'\0name'
        let name = format!("\0sock-python-guide-{}", std::process::id());
        let a = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        a.bind(name.as_bytes()).unwrap();
        assert_eq!(a.local_unix_addr().unwrap(), UnixAddr::abstract_name(&name.as_bytes()[1..]).unwrap());

        // py: ''
        let auto = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        assert!(auto.local_unix_addr().unwrap().is_unnamed());
        assert_eq!(auto.local_unix_addr().unwrap(), UnixAddr::unnamed());
        auto.bind("").unwrap();
        assert_eq!(auto.local_unix_addr().unwrap().as_abstract_name().map(<[u8]>::len), Some(5));

        // py: returned AF_UNIX address
        auto.connect(&path).unwrap();
        let Addr::Unix(peer) = Addr::decode(&auto.peer_addr().unwrap()) else { panic!("not a UNIX address") };
        assert_eq!(peer, auto.peer_unix_addr().unwrap());
        assert_eq!(UnixAddr::decode(&auto.peer_addr().unwrap()).unwrap().as_pathname(), Some(path.as_path()));
        let _ = std::fs::remove_dir_all(d);
    }

    #[test]
    fn pairs_fds_and_credentials() {
        // py: socket.socketpair()
        let (a, b) = sock::socketpair().unwrap();
        let (c, d) = sock::unix::socketpair_with(Type::DGRAM).unwrap();
        c.send(b"dgram").unwrap();
        assert_eq!(d.recv_vec(16).unwrap(), b"dgram");
        b.set_timeout(Some(WAIT)).unwrap();

        // py: socket.send_fds(sock, buffers, fds[, flags[, address]])
        let fd = pipe_with(b"first pipe");
        sock::unix::send_fds(&a, &[IoSlice::new(b"fds")], &[fd.as_fd()], 0, None).unwrap();
        a.send_fds(&[IoSlice::new(b"more")], &[pipe_with(b"second pipe")], 0).unwrap();

        // py: socket.recv_fds(sock, bufsize, maxfds[, flags])
        let (data, mut fds, _flags, _addr) = sock::unix::recv_fds(&b, 3, 4, 0).unwrap();
        assert_eq!((data.as_slice(), fds.len()), (&b"fds"[..], 1));
        assert_eq!(read_all(fds.remove(0)), b"first pipe");
        let mut buf = [0u8; 4];
        let (msg, mut fds) = sock::unix::recv_fds_into(&b, &mut [IoSliceMut::new(&mut buf)], 4, 0).unwrap();
        assert_eq!((msg.bytes, &buf), (4, b"more"));
        assert_eq!(read_all(fds.remove(0)), b"second pipe");

        // py: SCM_RIGHTS
        let mut control = [0u8; 64];
        let mut w = sock::cmsg::CmsgWriter::new(&mut control);
        let by_hand = pipe_with(b"by hand");
        sock::unix::push_rights(&mut w, &[by_hand.as_fd()]).unwrap();
        let len = w.len();
        a.send_msg(&[IoSlice::new(b"r")], &control[..len], 0, None).unwrap();
        let msg = b.recv_msg_vec(1, 64, 0).unwrap();
        assert_eq!((msg.ancdata[0].level, msg.ancdata[0].ty), (SOL_SOCKET, SCM_RIGHTS));
        let item = msg.ancdata.into_iter().next().unwrap();
        assert_eq!(read_all(item.fds.into_iter().next().unwrap()), b"by hand");

        // py: SCM_CREDENTIALS
        d.set_pass_cred(true).unwrap();
        assert!(d.pass_cred().unwrap());
        let me = Credentials::current();
        c.send_credentials(&[IoSlice::new(b"who")], &me, 0).unwrap();
        let mut buf = [0u8; 8];
        let (_, creds) = d.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0).unwrap();
        assert_eq!(creds, Some(me));

        // py: SO_PEERCRED
        let peer = a.peer_cred().unwrap();
        assert_eq!((peer.pid, peer.uid), (std::process::id() as i32, nix::unistd::getuid().as_raw()));

        // py: SO_PEERSEC
        match a.peer_sec() {
            Ok(label) => assert!(!label.contains(&0) || label.is_empty(), "{label:?}"),
            Err(e) => assert_eq!(sock::errno(&e), Some(libc::ENOPROTOOPT), "{e}"),
        }
        a.set_pass_sec(true).unwrap();
        assert!(a.pass_sec().unwrap());
    }
}

// ---- can.md (vcan0 in the VM) ---------------------------------------------------------------

#[cfg(feature = "can")]
#[path = "can_support/mod.rs"]
mod can_support;

#[cfg(feature = "can")]
mod can {
    use sock::can::{
        AnyCanAddr, BcmMsg, BcmOpcode, BcmSocket, CanAddr, CanFilter, CanId, CanSocket, ClassicFrame, ErrorFrame,
        FdFrame, Frame, IsoTpAddr, IsoTpOptions, IsoTpSocket, J1939Addr, J1939Socket,
    };
    use sock::consts::*;
    use sock::{Addr, Family, Protocol, Socket, Type};

    use super::can_support::{have_can, have_fd, have_iface, raw_for, IF, WAIT};

    fn id(v: u32) -> CanId {
        CanId::new(v).unwrap()
    }

    /// The interface's index, from sysfs (this section needs no resolver feature).
    fn ifindex_of(name: &str) -> u32 {
        std::fs::read_to_string(format!("/sys/class/net/{name}/ifindex")).unwrap().trim().parse().unwrap()
    }

    #[test]
    fn can_rows() {
        // py: AF_CAN
        assert_eq!((AF_CAN, PF_CAN, CAN_RAW, CAN_BCM, CAN_ISOTP, CAN_J1939), (29, 29, 1, 2, 6, 7));
        assert_eq!((SOL_CAN_BASE, SOL_CAN_RAW, CAN_RAW_FILTER, J1939_NO_ADDR), (100, 101, 1, 0xff));

        // py: CAN_EFF_FLAG
        assert_eq!(CanId::extended(0x123).unwrap().to_raw(), 0x123 | CAN_EFF_FLAG);
        assert!(!CanId::standard(0x123).unwrap().is_extended());
        assert_eq!((CAN_RTR_FLAG, CAN_ERR_FLAG, CAN_SFF_MASK), (0x4000_0000, 0x2000_0000, 0x7ff));
        assert_eq!(ErrorFrame::new(CAN_ERR_BUSOFF, [0; 8]).to_string().is_empty(), false);

        if !have_iface(IF) {
            return;
        }
        // py: socket(AF_CAN, SOCK_RAW, CAN_RAW)
        let rx = raw_for(IF, &[0x123, 0x124]);
        let tx = CanSocket::bound((IF,)).unwrap();
        let generic = Socket::new(AF_CAN, SOCK_RAW, CAN_RAW).unwrap();
        generic.bind((IF,)).unwrap();
        assert_eq!(generic.protocol(), Protocol(CAN_RAW));

        // py: bind(('',))
        let any = Socket::new(Family::CAN, Type::RAW, Protocol(CAN_RAW)).unwrap();
        any.bind(("",)).unwrap();
        assert_eq!(
            AnyCanAddr::decode_with(&any.local_addr().unwrap(), any.protocol()).unwrap(),
            AnyCanAddr::Can(CanAddr::ANY)
        );

        // py: struct.pack("=IB3x8s", …)
        tx.write_classic(&ClassicFrame::new(id(0x123), &[1, 2, 3]).unwrap()).unwrap();
        let Frame::Classic(got) = rx.read_frame().unwrap() else { panic!("not a classic frame") };
        assert_eq!((got.id(), got.data()), (id(0x123), &[1u8, 2, 3][..]));
        tx.write_classic(&ClassicFrame::new(id(0x124), b"x").unwrap()).unwrap();
        let (_, ifindex) = rx.read_frame_from().unwrap();
        assert_eq!(ifindex, ifindex_of(IF));

        // py: CAN_RAW_FILTER
        let f = CanSocket::new().unwrap();
        f.set_filters(&[CanFilter::exact(id(0x7ff))]).unwrap();
        assert_eq!(f.filters().unwrap(), [CanFilter::exact(id(0x7ff))]);
        f.set_error_mask(CAN_ERR_MASK).unwrap();
        f.set_loopback(true).unwrap();
        f.set_recv_own_msgs(true).unwrap();
        f.set_join_filters(true).unwrap();
        assert!(f.recv_own_msgs().unwrap() && f.join_filters().unwrap());

        // py: receive timestamps, arrival interface
        rx.set_timestamp(true).unwrap();
        tx.write_classic(&ClassicFrame::new(id(0x123), b"t").unwrap()).unwrap();
        let (_, meta) = rx.read_frame_meta().unwrap();
        assert_eq!(meta.ifindex, ifindex_of(IF));
        assert!(meta.timestamp.is_some());

        // py: makesockaddr
        let raw = generic.local_addr().unwrap();
        let Addr::Can(AnyCanAddr::Can(addr)) = Addr::decode_with(&raw, generic.protocol()) else {
            panic!("not a CAN_RAW address")
        };
        assert_eq!(addr, CanAddr::new(IF).unwrap());

        // py: CAN_RAW_FD_FRAMES
        if have_fd(IF) {
            let fd_rx = raw_for(IF, &[0x125]);
            fd_rx.set_fd_frames(true).unwrap();
            tx.set_fd_frames(true).unwrap();
            assert!(tx.fd_frames().unwrap());
            tx.write_fd(&FdFrame::new(id(0x125), &[9u8; 48]).unwrap()).unwrap();
            let Frame::Fd(got) = fd_rx.read_frame().unwrap() else { panic!("not an FD frame") };
            assert_eq!(got.data(), &[9u8; 48][..]);
        }
    }

    #[test]
    fn can_bcm() {
        if !have_iface(IF) || !sock_tests::require("AF_CAN CAN_BCM sockets", BcmSocket::new()) {
            return;
        }
        // py: socket(AF_CAN, SOCK_DGRAM, CAN_BCM)
        let bcm = BcmSocket::connected((IF,)).unwrap();
        bcm.as_ref().set_timeout(Some(WAIT)).unwrap();
        let frame = ClassicFrame::new(id(0x2a1), &[1, 2]).unwrap();
        bcm.send(&BcmMsg::new(BcmOpcode::TxSetup, id(0x2a1)).with_frames(frame)).unwrap();
        bcm.send(&BcmMsg::new(BcmOpcode::TxRead, id(0x2a1))).unwrap();
        let status = bcm.recv().unwrap();
        assert_eq!((status.opcode, status.id()), (BcmOpcode::TxStatus, id(0x2a1)));
    }

    #[test]
    fn can_isotp() {
        if !have_iface(IF) || !sock_tests::require("AF_CAN CAN_ISOTP sockets", IsoTpSocket::new()) {
            return;
        }
        // py: (ifname, rx_id, tx_id)
        let a = IsoTpSocket::new().unwrap();
        // ISO-TP options are set before the bind: the kernel refuses them after (EISCONN).
        a.set_opts(&IsoTpOptions::default()).unwrap();
        a.bind((IF, 0x3a1, 0x3a2)).unwrap();
        let b = IsoTpSocket::bound(IsoTpAddr::new(IF, 0x3a2, 0x3a1).unwrap()).unwrap();
        b.as_ref().set_timeout(Some(WAIT)).unwrap();
        assert_eq!(a.send(&[5u8; 100]).unwrap(), 100);
        assert_eq!(b.recv_vec().unwrap(), [5u8; 100]);
    }

    #[test]
    fn can_j1939() {
        if !have_can() || !sock_tests::require("AF_CAN CAN_J1939 sockets", J1939Socket::new()) || !have_iface(IF) {
            return;
        }
        // py: (ifname, name, pgn, addr)
        let rx = J1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, 0x21)).unwrap();
        rx.as_ref().set_timeout(Some(WAIT)).unwrap();
        let tx = J1939Socket::bound(J1939Addr::new(IF, J1939_NO_NAME, J1939_NO_PGN, 0x22).unwrap()).unwrap();
        tx.send_to(b"j1939", J1939Addr::to(0x1_2300, 0x21)).unwrap();
        let mut buf = [0u8; 16];
        let got = rx.recv(&mut buf).unwrap();
        assert_eq!((&buf[..got.len], got.source.addr, got.source.pgn), (&b"j1939"[..], 0x22, 0x1_2300));
    }
}

// ---- alg.md (the VM has af_alg) -------------------------------------------------------------

#[cfg(feature = "alg")]
mod alg {
    use std::io::IoSlice;

    use sock::alg::{AlgAddr, AlgCmsg, Hash, Op};
    use sock::consts::*;
    use sock::{Family, Socket, Type};

    fn have_alg() -> bool {
        sock_tests::require("AF_ALG sockets", Socket::new(Family::ALG, Type::SEQPACKET, None).map(drop))
    }

    fn hex(b: &[u8]) -> String {
        b.iter().map(|x| format!("{x:02x}")).collect()
    }

    const SHA256_ABC: &str = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    const KEY: [u8; 16] = *b"0123456789abcdef";
    const IV: [u8; 12] = *b"nonce-twelve";

    #[test]
    fn alg_rows() {
        // py: AF_ALG
        assert_eq!((AF_ALG, SOL_ALG, ALG_SET_KEY, ALG_OP_ENCRYPT), (38, 279, 1, 1));
        if !have_alg() {
            return;
        }

        // py: bind((type, name))
        let tfm = Socket::new(AF_ALG, SOCK_SEQPACKET, 0).unwrap();
        tfm.bind(("hash", "sha256")).unwrap();
        let bound = Socket::new(Family::ALG, Type::SEQPACKET, None).unwrap();
        bound.bind(AlgAddr::with_flags("hash", "sha256", 0, 0).unwrap()).unwrap();
        let shortcut = sock::alg::transform(("hash", "sha256")).unwrap();

        // py: op, _ = algo.accept()
        let (op, addr) = tfm.accept().unwrap();
        assert!(addr.is_empty());
        op.send_all(b"abc").unwrap();
        assert_eq!(hex(&op.recv_vec(64).unwrap()), SHA256_ABC);
        let op = sock::alg::accept(&shortcut).unwrap();
        op.send_all(b"abc").unwrap();
        assert_eq!(hex(&op.recv_vec(64).unwrap()), SHA256_ABC);

        // py: setsockopt(SOL_ALG, ALG_SET_KEY, key)
        let hmac = sock::alg::transform(("hash", "hmac(sha256)")).unwrap();
        sock::alg::set_key(&hmac, b"key").unwrap();
        let op = sock::alg::accept(&hmac).unwrap();
        op.send_all(b"The quick brown fox jumps over the lazy dog").unwrap();
        assert_eq!(hex(&op.recv_vec(64).unwrap()), "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");

        // py: setsockopt(SOL_ALG, ALG_SET_AEAD_AUTHSIZE, None, n)
        let gcm = sock::alg::transform(("aead", "gcm(aes)")).unwrap();
        sock::alg::set_key(&gcm, &KEY).unwrap();
        sock::alg::set_aead_authsize(&gcm, 16).unwrap();

        // py: sendmsg_afalg([msg, ]*, op[, iv[, assoclen[, flags]]])
        let (assoc, plain) = (b"header--", b"secret message");
        let msg = [&assoc[..], &plain[..]].concat();
        let op = sock::alg::accept(&gcm).unwrap();
        sock::alg::sendmsg_afalg(&op, &[IoSlice::new(&msg)], Op::ENCRYPT, Some(&IV), Some(8), 0).unwrap();
        let sealed = op.recv_vec(msg.len() + 16).unwrap();
        assert_eq!(&sealed[..8], assoc);

        // py: (SOL_ALG, ALG_SET_OP / ALG_SET_IV / ALG_SET_AEAD_ASSOCLEN, …)
        let mut control = [0u8; 128];
        let mut w = sock::cmsg::CmsgWriter::new(&mut control);
        AlgCmsg::Op(Op::ENCRYPT).write_to(&mut w).unwrap();
        AlgCmsg::Iv(&IV).write_to(&mut w).unwrap();
        AlgCmsg::AssocLen(8).write_to(&mut w).unwrap();
        let len = w.len();
        let kinds: Vec<_> = sock::cmsg::CmsgIter::new(&control[..len]).map(|c| (c.level, c.ty)).collect();
        assert_eq!(kinds, [(SOL_ALG, ALG_SET_OP), (SOL_ALG, ALG_SET_IV), (SOL_ALG, ALG_SET_AEAD_ASSOCLEN)]);
        let op = sock::alg::accept(&gcm).unwrap();
        op.send_msg(&[IoSlice::new(&msg)], &control[..len], 0, None).unwrap();
        assert_eq!(op.recv_vec(msg.len() + 16).unwrap(), sealed);

        // py: *(beyond CPython)*
        assert_eq!(Hash::new("sha256").unwrap().digest(b"abc").unwrap().to_string(), SHA256_ABC);
        let mut aead = sock::alg::Aead::new("gcm(aes)", &KEY, 16).unwrap();
        assert_eq!(aead.encrypt(&IV, assoc, plain).unwrap(), &sealed[8..]);
        let mut cipher = sock::alg::Skcipher::new("ctr(aes)", &KEY).unwrap();
        let iv16 = [7u8; 16];
        let enc = cipher.encrypt(&iv16, plain).unwrap();
        assert_eq!(cipher.decrypt(&iv16, &enc).unwrap(), plain);
        let file = super::TempFile::new("alg", b"abc");
        let mut h = Hash::new("sha256").unwrap();
        assert_eq!(h.update_file(&file.1, 0, None).unwrap(), 3);
        assert_eq!(h.finalize().unwrap().to_string(), SHA256_ABC);
        let rng = sock::alg::Rng::new("drbg_nopr_sha256", Some(&[1u8; 32]));
        if let Ok(mut rng) = rng {
            assert_eq!(rng.bytes(16).unwrap().len(), 16);
        }
    }
}

// ---- packet.md (root; a private network namespace) ------------------------------------------

/// Runs `f` on a thread of its own in a new network namespace whose `lo` is up, so raw
/// sockets there see only this test's traffic. `false` (after `require`) where it cannot.
#[cfg(all(feature = "packet", feature = "inet"))]
fn in_private_netns(f: impl FnOnce() + Send + 'static) -> bool {
    if !sock_tests::require_root("AF_PACKET in a private network namespace (root)") {
        return false;
    }
    std::thread::spawn(move || {
        let probe = nix::sched::unshare(nix::sched::CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
        if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
            return;
        }
        let up = std::process::Command::new("ip").args(["link", "set", "lo", "up"]).status().unwrap();
        assert!(up.success(), "ip link set lo up");
        f();
    })
    .join()
    .unwrap();
    true
}

#[cfg(all(feature = "packet", feature = "inet"))]
mod packet {
    use sock::consts::*;
    use sock::packet::{Fanout, HwAddr, Membership, PacketAddr, PacketSocket};
    use sock::{Addr, Family, Socket, Type};

    use super::*;

    /// Receives on `rx` until a frame holding `marker` arrives; returns its address.
    fn frame_with(rx: &PacketSocket, marker: &[u8]) -> PacketAddr {
        let mut buf = [0u8; 2048];
        loop {
            let (n, from) = rx.recv_from(&mut buf).unwrap();
            if buf[..n].windows(marker.len()).any(|w| w == marker) {
                return from;
            }
        }
    }

    #[test]
    fn packet_rows() {
        // py: AF_PACKET
        assert_eq!((AF_PACKET, PF_PACKET, ETH_P_ALL, PACKET_HOST, PACKET_OUTGOING), (17, 17, 3, 0, 4));
        in_private_netns(|| {
            let lo = sock::if_nametoindex("lo").unwrap();

            // py: socket(AF_PACKET, SOCK_RAW, htons(proto))
            let rx = PacketSocket::raw(ETH_P_ALL).unwrap();
            rx.as_ref().set_timeout(Some(WAIT)).unwrap();
            let generic = Socket::new(AF_PACKET, SOCK_RAW, i32::from(sock::htons(ETH_P_ALL))).unwrap();
            assert_eq!(generic.family(), Family::PACKET);

            // py: (ifname, proto[, pkttype[, hatype[, addr]]])
            rx.bind(&PacketAddr::new(lo, ETH_P_ALL)).unwrap();
            let full = PacketAddr::new(lo, ETH_P_IP)
                .with_pkttype(PACKET_HOST)
                .with_hatype(1)
                .with_hwaddr(HwAddr::new(&[0; 6]).unwrap());
            assert_eq!(full.pkttype, PACKET_HOST);
            let bound = PacketSocket::bound(Type::DGRAM, &PacketAddr::new(lo, ETH_P_IP)).unwrap();
            assert_eq!(bound.local_addr().unwrap().protocol, ETH_P_IP);

            // py: PACKET_AUXDATA
            rx.set_auxdata(true).unwrap();
            let udp = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
            udp.send_to(b"packet-row-1", ("127.0.0.1", 9)).unwrap();
            let mut buf = [0u8; 2048];
            let aux = loop {
                let (n, _, aux) = rx.recv_with_auxdata(&mut buf).unwrap();
                if buf[..n].ends_with(b"packet-row-1") {
                    break aux;
                }
            };
            assert!(aux.is_some_and(|a| a.len >= 12));
            rx.set_auxdata(false).unwrap();

            // py: returned AF_PACKET address
            udp.send_to(b"packet-row-2", ("127.0.0.1", 9)).unwrap();
            let from = frame_with(&rx, b"packet-row-2");
            assert_eq!((from.protocol, from.ifindex(&rx).unwrap()), (ETH_P_IP, lo));
            assert_eq!(from.with_name(&rx).unwrap().to_string().split('/').next(), Some("lo"));
            let raw = rx.as_ref().local_addr().unwrap();
            assert!(matches!(Addr::decode(&raw), Addr::Packet(_)));

            // py: PACKET_ADD_MEMBERSHIP
            rx.add_membership(lo, Membership::AllMulti).unwrap();
            rx.drop_membership(lo, Membership::AllMulti).unwrap();

            // py: PACKET_FANOUT
            let id = (std::process::id() % 0xffff) as u16;
            rx.set_fanout(Fanout::new(id, PACKET_FANOUT_HASH)).unwrap();
            assert_eq!(rx.fanout().unwrap().map(|f| f.id), Some(id));
            rx.set_ignore_outgoing(true).unwrap();
            rx.set_origdev(true).unwrap();
            assert!(rx.statistics().unwrap().packets >= 2);
        });
    }
}

// ---- netlink.md -----------------------------------------------------------------------------

#[cfg(feature = "netlink")]
mod netlink {
    use sock::consts::*;
    use sock::netlink::msg::NlMsgBuilder;
    use sock::netlink::route::{IfInfoMsg, RTMGRP_LINK, RTM_GETLINK, RTM_NEWLINK};
    use sock::netlink::{NetlinkAddr, NetlinkSocket};
    use sock::{Addr, Family, Socket};

    #[test]
    fn netlink_rows() {
        // py: AF_NETLINK
        assert_eq!((AF_NETLINK, NETLINK_ROUTE, NETLINK_GENERIC), (16, 0, 16));

        // py: socket(AF_NETLINK, SOCK_RAW, proto)
        let generic = Socket::new(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE).unwrap();
        assert_eq!(generic.family(), Family::NETLINK);
        let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();

        // py: (pid, groups)
        generic.bind(NetlinkAddr::new(0, 0)).unwrap();
        let Addr::Netlink(me) = Addr::decode(&generic.local_addr().unwrap()) else { panic!("not a netlink address") };
        assert_ne!(me.pid, 0, "the kernel assigns a port id");

        // py: s.bind((0, groups))
        let events = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK)).unwrap();
        assert_eq!(events.local_addr().unwrap().groups, RTMGRP_LINK);

        // py: *(beyond CPython)*
        let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_DUMP);
        req.push_struct(&IfInfoMsg::default().to_bytes());
        let mut links = 0;
        nl.dump(req, |msg| {
            assert_eq!(msg.header.ty, RTM_NEWLINK);
            links += 1;
            Ok(())
        })
        .unwrap();
        assert!(links > 0);
        #[cfg(feature = "resolve")]
        assert_eq!(links, sock::if_nameindex().unwrap().len());
    }
}

// ---- qipcrtr.md (the VM has qrtr) -----------------------------------------------------------

#[cfg(feature = "qipcrtr")]
mod qipcrtr {
    use sock::consts::*;
    use sock::qipcrtr::QipcrtrAddr;
    use sock::{Addr, Socket};

    #[test]
    fn qipcrtr_rows() {
        // py: AF_QIPCRTR
        assert_eq!(AF_QIPCRTR, 42);
        let probe = Socket::new(AF_QIPCRTR, SOCK_DGRAM, 0);
        if !sock_tests::require("AF_QIPCRTR sockets (module qrtr)", probe.as_ref().map(drop)) {
            return;
        }
        let (a, b) = (probe.unwrap(), Socket::new(AF_QIPCRTR, SOCK_DGRAM, 0).unwrap());
        b.set_timeout(Some(super::WAIT)).unwrap();

        // py: (node, port)
        let Addr::Qipcrtr(unbound) = Addr::decode(&a.local_addr().unwrap()) else { panic!("not a QRTR address") };
        a.bind(QipcrtrAddr::new(unbound.node, 0)).unwrap();
        b.bind(QipcrtrAddr::new(unbound.node, 0)).unwrap();
        let to = b.local_addr().unwrap();
        a.send_to(b"qrtr", to).unwrap();
        let (data, from) = b.recv_from_vec(16).unwrap();
        assert_eq!((data.as_slice(), from), (&b"qrtr"[..], a.local_addr().unwrap()));
    }
}

// ---- vsock.md (loopback transport in the VM) ------------------------------------------------

#[cfg(feature = "vsock")]
#[path = "vsock_support/mod.rs"]
mod vsock_support;

#[cfg(feature = "vsock")]
mod vsock {
    use std::time::Duration;

    use sock::consts::*;
    use sock::vsock::{VsockAddr, VsockSocketExt};
    use sock::{Addr, Socket, Type};

    use super::vsock_support::{have_loopback, listener, peer_cid, vsock_socket};

    #[test]
    fn vsock_rows() {
        // py: AF_VSOCK
        assert_eq!((AF_VSOCK, VMADDR_CID_ANY, VMADDR_PORT_ANY, VMADDR_CID_HOST), (40, u32::MAX, u32::MAX, 2));
        let Some(s) = vsock_socket(Type::STREAM) else { return };

        // py: setsockopt(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE/MIN/MAX, n)
        s.set(sock::vsock::BUFFER_MAX_SIZE, &(1 << 20)).unwrap();
        s.set(sock::vsock::BUFFER_SIZE, &65536).unwrap();
        assert_eq!(s.get(sock::vsock::BUFFER_SIZE).unwrap(), 65536);
        assert_eq!(s.getsockopt_u64(AF_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE).unwrap(), 65536);

        // py: SO_VM_SOCKETS_CONNECT_TIMEOUT
        s.set_connect_timeout(Duration::from_secs(3)).unwrap();
        assert_eq!(s.connect_timeout().unwrap(), Duration::from_secs(3));

        // py: IOCTL_VM_SOCKETS_GET_LOCAL_CID
        let cid = sock::vsock::local_cid();
        if !sock_tests::require("/dev/vsock (local CID)", cid.as_ref().map(drop)) {
            return;
        }
        assert_ne!(cid.unwrap(), VMADDR_CID_ANY);

        // py: (cid, port)
        if !have_loopback(Type::STREAM) {
            return;
        }
        let (server, port) = listener(Type::STREAM);
        let client = Socket::new(AF_VSOCK, SOCK_STREAM, 0).unwrap();
        client.set_timeout(Some(super::WAIT)).unwrap();
        client.connect(VsockAddr::new(peer_cid(), port)).unwrap();
        let Addr::Vsock(peer) = Addr::decode(&client.peer_addr().unwrap()) else { panic!("not a VSOCK address") };
        assert_eq!(peer, VsockAddr::new(peer_cid(), port));
        drop(server);
    }
}

// ---- bt.md (bluetooth modules in the VM) ----------------------------------------------------

#[cfg(feature = "bt")]
mod bt {
    use sock::bt::{
        protocol, BdAddr, BtAddr, HciAddr, HciAncillary, HciFilter, HciSocketExt, L2capAddr, RfcommAddr, ScoAddr,
    };
    use sock::consts::*;
    use sock::{Addr, FamilyAddr, SockAddr, Socket, Type};

    fn bt_socket(ty: Type, proto: sock::Protocol, what: &str) -> Option<Socket> {
        let probe = Socket::new(AF_BLUETOOTH, ty, proto);
        if !sock_tests::require(what, probe.as_ref().map(drop)) {
            return None;
        }
        probe.ok()
    }

    #[test]
    fn bt_rows() {
        // py: AF_BLUETOOTH
        assert_eq!((AF_BLUETOOTH, BTPROTO_L2CAP, BTPROTO_HCI, BTPROTO_RFCOMM, SOL_HCI), (31, 0, 1, 3, 0));

        // py: BDADDR_ANY
        assert_eq!((BDADDR_ANY, BDADDR_LOCAL), ("00:00:00:00:00:00", "00:00:00:FF:FF:FF"));
        assert_eq!(BdAddr::ANY.to_string(), BDADDR_ANY);
        assert_eq!(BdAddr::LOCAL.to_string(), BDADDR_LOCAL);

        // py: dev
        let hci = HciAddr::new(0);
        let raw = SockAddr::from(hci);
        assert_eq!(BtAddr::decode_with(&raw, protocol::HCI).unwrap(), BtAddr::Hci(hci));

        // py: HCI_FILTER
        let Some(h) = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets (bluetooth module)") else { return };
        h.set_hci_filter(&HciFilter::all()).unwrap();
        assert_eq!(h.hci_filter().unwrap(), HciFilter::all());

        // py: HCI_TIME_STAMP
        h.set_hci_time_stamp(true).unwrap();
        h.set_hci_data_dir(true).unwrap();
        let _decode: fn(&sock::cmsg::Cmsg<'_>) -> Option<HciAncillary> = HciAncillary::decode;

        // py: (bdaddr, psm[, cid[, bdaddr_type]])
        let Some(l2) = bt_socket(Type::SEQPACKET, protocol::L2CAP, "BTPROTO_L2CAP sockets") else { return };
        let addr = L2capAddr::new(BdAddr::ANY, 0x1001);
        l2.bind(addr).unwrap();

        // py: returned Bluetooth address
        let Addr::Bluetooth(got) = Addr::decode_with(&l2.local_addr().unwrap(), l2.protocol()) else {
            panic!("not a Bluetooth address")
        };
        assert_eq!(got, BtAddr::L2cap(addr));

        // py: (bdaddr, channel)
        let Some(rf) = bt_socket(Type::STREAM, protocol::RFCOMM, "BTPROTO_RFCOMM sockets") else { return };
        rf.bind(RfcommAddr::new(BdAddr::ANY, 0)).unwrap();
        assert_eq!(RfcommAddr::decode(&rf.local_addr().unwrap()).unwrap(), RfcommAddr::new(BdAddr::ANY, 0));

        // py: bdaddr
        let Some(sco) = bt_socket(Type::SEQPACKET, protocol::SCO, "BTPROTO_SCO sockets") else { return };
        sco.bind(ScoAddr::new(BdAddr::ANY)).unwrap();
        assert_eq!(ScoAddr::decode(&sco.local_addr().unwrap()).unwrap().to_string(), BDADDR_ANY);
    }
}

// ---- tipc.md (modprobe tipc in the VM) ------------------------------------------------------

#[cfg(feature = "tipc")]
mod tipc {
    use sock::consts::*;
    use sock::tipc::{options, Event, Scope, Subscription, TipcAddr, TipcName};
    use sock::{Addr, Family, Socket, Type};

    fn tipc_socket(ty: Type) -> Option<Socket> {
        let probe = Socket::new(Family::TIPC, ty, None);
        if !sock_tests::require("AF_TIPC sockets (modprobe tipc)", probe.as_ref().map(drop)) {
            return None;
        }
        let s = probe.ok()?;
        s.set_timeout(Some(super::WAIT)).unwrap();
        Some(s)
    }

    /// A service type of this process (types below 64 are reserved).
    fn service_type(n: u32) -> u32 {
        2_000_000 + (std::process::id() % 100_000) * 16 + n
    }

    #[test]
    fn tipc_rows() {
        // py: AF_TIPC
        assert_eq!((AF_TIPC, SOL_TIPC, TIPC_ADDR_NAMESEQ, TIPC_ADDR_NAME, TIPC_ADDR_ID), (30, 271, 1, 2, 3));

        // py: CPython's tuple forms
        let t = TipcAddr::from_tuple(TIPC_ADDR_NAME, 2000, 205, 0, TIPC_CLUSTER_SCOPE).unwrap();
        assert_eq!(t.to_tuple(), (TIPC_ADDR_NAME, 2000, 205, 0, TIPC_CLUSTER_SCOPE));

        let Some(srv) = tipc_socket(Type::RDM) else { return };
        let ty = service_type(0);

        // py: (TIPC_ADDR_NAMESEQ, type, lower, upper[, scope])
        srv.bind(TipcAddr::service_range(ty, 10, 20).with_scope(Scope::CLUSTER)).unwrap();

        // py: (TIPC_ADDR_NAME, type, instance, 0[, scope])
        let cli = tipc_socket(Type::RDM).unwrap();
        cli.send_to(b"by name", TipcAddr::service(ty, 15)).unwrap();
        let (data, from) = srv.recv_from_vec(64).unwrap();
        assert_eq!(data, b"by name");

        // py: (TIPC_ADDR_ID, node, ref, 0[, scope])
        let Addr::Tipc(sender) = Addr::decode(&from) else { panic!("not a TIPC address") };
        let TipcName::Socket { node, port } = sender.name else { panic!("not a socket id: {sender}") };
        srv.send_to(b"by id", TipcAddr::socket(node, port)).unwrap();
        assert_eq!(cli.recv_vec(64).unwrap(), b"by id");

        // py: TIPC_IMPORTANCE
        cli.set(options::IMPORTANCE, &TIPC_HIGH_IMPORTANCE).unwrap();
        assert_eq!(cli.get(options::IMPORTANCE).unwrap(), TIPC_HIGH_IMPORTANCE);
        cli.set(options::DEST_DROPPABLE, &true).unwrap();
        assert!(cli.get(options::DEST_DROPPABLE).unwrap());

        // py: TIPC_SUB_*
        let top = tipc_socket(Type::SEQPACKET).unwrap();
        top.connect(TipcAddr::service(TIPC_TOP_SRV, TIPC_TOP_SRV)).unwrap();
        let ty2 = service_type(1);
        let sub = Subscription::new(ty2, 0, u32::MAX, TIPC_SUB_PORTS);
        top.send(&sub.to_bytes()).unwrap();
        let other = tipc_socket(Type::RDM).unwrap();
        other.bind(TipcAddr::service_range(ty2, 7, 9)).unwrap();
        let ev = Event::from_bytes(&top.recv_vec(Event::SIZE).unwrap()).unwrap();
        assert_eq!((ev.event, ev.found_lower, ev.found_upper), (TIPC_PUBLISHED, 7, 9));
    }
}

// ---- asyncio.md and the async family pages (tokio) ------------------------------------------

#[cfg(all(feature = "tokio", feature = "inet", feature = "unix"))]
mod asyncio {
    use std::io::IoSlice;

    use sock::consts::*;
    use sock::tokio::AsyncSocket;
    use sock::{Family, Socket, Type};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    use super::*;

    fn udp() -> AsyncSocket {
        let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        s.bind(("127.0.0.1", 0)).unwrap();
        AsyncSocket::new(s).unwrap()
    }

    #[tokio::test]
    async fn asyncio_rows() {
        let listener = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        listener.bind(("127.0.0.1", 0)).unwrap();
        listener.listen(None).unwrap();
        let to = listener.local_addr().unwrap();
        let listener = AsyncSocket::new(listener).unwrap();

        // py: await loop.sock_connect(sock, addr)
        let client = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None).unwrap()).unwrap();
        client.connect(&to).await.unwrap();

        // py: await loop.sock_accept(sock)
        let (conn, peer) = listener.accept().await.unwrap();
        assert_eq!(peer, client.socket().local_addr().unwrap());

        // py: await loop.sock_sendall(sock, data)
        client.send_all(b"hello").await.unwrap();

        // py: await loop.sock_recv(sock, n)
        let mut buf = [0u8; 5];
        let mut got = 0;
        while got < 5 {
            got += conn.recv(&mut buf[got..]).await.unwrap();
        }
        assert_eq!(&buf, b"hello");

        // py: await loop.sock_recv_into(sock, buf)
        client.send_all(b"into").await.unwrap();
        let mut into = [0u8; 4];
        conn.readable().await.unwrap();
        assert_eq!(conn.recv(&mut into).await.unwrap(), 4);

        // py: await loop.sock_sendfile(sock, file, offset, count)
        let file = TempFile::new("async-sendfile", b"0123456789");
        assert_eq!(client.sendfile(&file.1, 3, Some(4)).await.unwrap(), 4);
        let mut four = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            got += conn.recv(&mut four[got..]).await.unwrap();
        }
        assert_eq!(&four, b"3456");

        // py: reader, writer = await asyncio.open_connection(...)
        let (mut reader, _) = conn.split();
        let (_, mut writer) = client.split();
        writer.write_all(b"split").await.unwrap();
        let mut five = [0u8; 5];
        reader.read_exact(&mut five).await.unwrap();
        assert_eq!(&five, b"split");

        // py: loop.add_reader(fd, cb)
        client.writable().await.unwrap();
        client.send_all(b"r").await.unwrap();
        conn.readable().await.unwrap();
        assert_eq!(conn.try_recv(&mut [0u8; 1]).unwrap(), 1);

        // py: asyncio.wait_for(coro, t)
        let mut nothing = [0u8; 1];
        let waited = tokio::time::timeout(Duration::from_millis(20), conn.recv(&mut nothing)).await;
        assert!(waited.is_err(), "nothing to read: the timer fires first");

        let (rx, tx) = (udp(), udp());
        let rx_addr = rx.socket().local_addr().unwrap();

        // py: await loop.sock_sendto(sock, data, addr)
        tx.send_to(b"dgram", &rx_addr).await.unwrap();

        // py: await loop.sock_recvfrom(sock, n)
        let mut buf = [0u8; 16];
        let (n, from) = rx.recv_from(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"dgram"[..], tx.socket().local_addr().unwrap()));

        // py: recvmsg
        tx.send_msg(&[IoSlice::new(b"msg")], &[], 0, Some(&rx_addr)).await.unwrap();
        let mut data = [0u8; 8];
        let mut control = [0u8; 64];
        let msg = rx.recv_msg(&mut [std::io::IoSliceMut::new(&mut data)], &mut control, 0).await.unwrap();
        assert_eq!(&data[..msg.bytes], b"msg");

        // py: (no asyncio equivalent)
        let msgs = [sock::OutMsg::to(b"1", &rx_addr), sock::OutMsg::to(b"2", &rx_addr)];
        assert_eq!(tx.send_many(&msgs, &mut sock::SendBatch::new()).await.unwrap(), 2);
        let mut batch = sock::RecvBatch::new(4, 16).unwrap();
        let mut seen = 0;
        while seen < 2 {
            seen += rx.recv_many(&mut batch).await.unwrap();
        }
        assert_eq!(rx.try_recv(&mut [0u8; 1]).unwrap_err().kind(), io::ErrorKind::WouldBlock);
        tx.send_to(b"peek", &rx_addr).await.unwrap();
        let mut four = [0u8; 4];
        let peeked = rx.async_io(sock::tokio::Interest::Read, |s| s.recv_with_flags(&mut four, MSG_PEEK)).await;
        assert_eq!(peeked.unwrap(), 4);
    }

    #[tokio::test]
    async fn async_inet_unix_vsock_rows() {
        use sock::inet::tokio::AsyncInetExt;
        use sock::unix::tokio::AsyncUnixExt;

        // py: loop.create_server
        let server = sock::inet::tokio::create_server(("127.0.0.1", 0), &sock::ServerOptions::new()).unwrap();
        let port = server.socket().local_addr().unwrap().as_socket().unwrap().port();

        // py: loop.create_connection
        let options = sock::ConnectOptions::new().timeout(Some(WAIT));
        let client = sock::inet::tokio::create_connection(("127.0.0.1", port), &options).await.unwrap();

        // py: loop.sock_accept
        let (conn, _) = server.accept().await.unwrap();

        // py: loop.sock_connect
        let other = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None).unwrap()).unwrap();
        other.connect(("127.0.0.1", port)).await.unwrap();

        // py: loop.sock_sendall
        client.send_all(b"abc").await.unwrap();

        // py: loop.sock_recv
        let mut buf = [0u8; 3];
        let mut got = 0;
        while got < 3 {
            got += conn.recv(&mut buf[got..]).await.unwrap();
        }
        assert_eq!(&buf, b"abc");
        let udp_rx = udp();
        let udp_tx = udp();
        udp_tx.send_to(b"inet", udp_rx.socket().local_addr().unwrap()).await.unwrap();
        let mut buf = [0u8; 8];
        let (n, from) = udp_rx.recv_from_inet(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], Some(from)), (&b"inet"[..], udp_tx.socket().local_addr().unwrap().as_socket()));

        // py: UDP_SEGMENT
        let probe =
            sock::inet::InetSocketExt::set_udp_segment(&Socket::new(Family::INET, Type::DGRAM, None).unwrap(), 10);
        if sock_tests::require("UDP_SEGMENT (UDP GSO)", probe) {
            let to = udp_rx.socket().local_addr().unwrap();
            udp_tx.send_segments_to(&[3u8; 30], 10, to.as_socket().unwrap()).await.unwrap();
            for _ in 0..3 {
                assert_eq!(udp_rx.recv(&mut [0u8; 64]).await.unwrap(), 10);
            }
        }

        // py: socket(AF_RDS, SOCK_SEQPACKET)
        let rds = sock::inet::tokio::rds_socket();
        if sock_tests::require("AF_RDS sockets (modprobe rds)", rds.as_ref().map(drop)) {
            assert_eq!(rds.unwrap().socket().family(), Family::RDS);
        }

        // py: asyncio.open_unix_connection
        let path = std::env::temp_dir().join(format!("sock-python-guide-async-{}", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let unix_server = AsyncSocket::new(Socket::new(Family::UNIX, Type::STREAM, None).unwrap()).unwrap();
        unix_server.socket().bind(&path).unwrap();
        unix_server.socket().listen(None).unwrap();
        let unix_client = AsyncSocket::new(Socket::new(Family::UNIX, Type::STREAM, None).unwrap()).unwrap();
        unix_client.connect(&path).await.unwrap();
        let (unix_conn, peer) = unix_server.accept_unix().await.unwrap();
        assert!(peer.is_unnamed());
        let _ = std::fs::remove_file(&path);

        // py: loop.sock_sendmsg
        let (r, w) = nix::unistd::pipe().unwrap();
        drop(w);
        unix_client.send_fds(&[IoSlice::new(b"fd")], &[r], 0).await.unwrap();
        let (data, fds, _, _) = unix_conn.recv_fds(2, 1, 0).await.unwrap();
        assert_eq!((data.as_slice(), fds.len()), (&b"fd"[..], 1));

        // py: SCM_CREDENTIALS
        let (a, b) = sock::unix::tokio::socketpair().unwrap();
        sock::unix::UnixSocketExt::set_pass_cred(b.socket(), true).unwrap();
        let me = sock::unix::Credentials::current();
        a.send_credentials(&[IoSlice::new(b"c")], &me, 0).await.unwrap();
        let mut one = [0u8; 1];
        let (_, creds) = b.recv_credentials(&mut [std::io::IoSliceMut::new(&mut one)], 0).await.unwrap();
        assert_eq!(creds, Some(me));

        // py: socket.socketpair()
        a.send_all(b"pair").await.unwrap();
        let mut four = [0u8; 4];
        let mut got = 0;
        while got < 4 {
            got += b.recv(&mut four[got..]).await.unwrap();
        }
        assert_eq!(&four, b"pair");

        // py: asyncio
        let std_listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        std_listener.set_nonblocking(true).unwrap();
        let tokio_listener = tokio::net::TcpListener::from_std(std_listener).unwrap();
        let from_tokio = sock::inet::tokio::from_tcp_listener(tokio_listener).unwrap();
        let back = sock::inet::tokio::into_tcp_listener(from_tokio).unwrap();
        assert!(back.local_addr().is_ok());
    }
}

#[cfg(all(feature = "tokio", feature = "can"))]
mod async_can {
    use sock::can::tokio::{AsyncBcmSocket, AsyncCanSocket, AsyncIsoTpSocket, AsyncJ1939Socket};
    use sock::can::{BcmMsg, BcmOpcode, CanId, ClassicFrame, Frame, J1939Addr};
    use sock::consts::*;

    use super::can_support::{have_iface, raw_for, IF, WAIT};

    #[tokio::test]
    async fn async_can_rows() {
        if !have_iface(IF) {
            return;
        }
        let id = |v| CanId::new(v).unwrap();
        let rx = AsyncCanSocket::new(raw_for(IF, &[0x4a1])).unwrap();
        let tx = AsyncCanSocket::bound((IF,)).unwrap();

        // py: await loop.sock_sendall(s, struct.pack(...))
        let frame = Frame::Classic(ClassicFrame::new(id(0x4a1), b"async").unwrap());
        tx.write_frame(&frame).await.unwrap();

        // py: await loop.sock_recv(s, 72)
        assert_eq!(rx.read_frame().await.unwrap(), frame);

        // py: await loop.sock_recv(bcm, ...)
        if sock_tests::require("AF_CAN CAN_BCM sockets", sock::can::BcmSocket::new()) {
            let bcm = AsyncBcmSocket::connected((IF,)).unwrap();
            let f = ClassicFrame::new(id(0x4a2), &[1]).unwrap();
            bcm.send(&BcmMsg::new(BcmOpcode::TxSetup, id(0x4a2)).with_frames(f)).await.unwrap();
            bcm.send(&BcmMsg::new(BcmOpcode::TxRead, id(0x4a2))).await.unwrap();
            assert_eq!(bcm.recv().await.unwrap().opcode, BcmOpcode::TxStatus);
        }

        // py: await loop.sock_recv(isotp, 4095)
        if sock_tests::require("AF_CAN CAN_ISOTP sockets", sock::can::IsoTpSocket::new()) {
            let a = AsyncIsoTpSocket::bound((IF, 0x4b1, 0x4b2)).unwrap();
            let b = AsyncIsoTpSocket::bound((IF, 0x4b2, 0x4b1)).unwrap();
            a.send(&[7u8; 300]).await.unwrap();
            assert_eq!(b.recv_vec().await.unwrap(), [7u8; 300]);
        }

        // py: await loop.sock_recvfrom(j1939, n)
        // py: s.recvmsg(n, m, MSG_ERRQUEUE)
        if sock_tests::require("AF_CAN CAN_J1939 sockets", sock::can::J1939Socket::new()) {
            let r = AsyncJ1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, 0x31)).unwrap();
            let t = AsyncJ1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, 0x32)).unwrap();
            t.get_ref().set_errqueue(true).unwrap();
            t.get_ref().set_tx_reports(true).unwrap();
            t.send_to(b"j", J1939Addr::to(0x1_2300, 0x31)).await.unwrap();
            let mut buf = [0u8; 8];
            let got = r.recv_from(&mut buf).await.unwrap();
            assert_eq!((&buf[..got.len], got.source.addr), (&b"j"[..], 0x32));
            let report = tokio::time::timeout(WAIT, t.recv_report()).await.expect("a report in time");
            assert!(report.unwrap().is_some());
        }

        // py: asyncio.wait_for(..., timeout)
        let quiet = AsyncCanSocket::new(raw_for(IF, &[0x4ff])).unwrap();
        let waited = tokio::time::timeout(std::time::Duration::from_millis(20), quiet.read_frame()).await;
        assert!(waited.is_err());
    }
}

#[cfg(all(feature = "tokio", feature = "bt", feature = "tipc"))]
mod async_bt_tipc {
    use sock::bt::{protocol, AsyncBtExt, BdAddr, HciFilter, HciSocketExt, L2capAddr};
    use sock::consts::*;
    use sock::tipc::{AsyncTipcExt, Subscription, TipcAddr};
    use sock::tokio::AsyncSocket;
    use sock::{Family, Socket, Type};

    use super::WAIT;

    #[tokio::test]
    async fn async_bt_rows() {
        let probe = Socket::new(Family::BLUETOOTH, Type::RAW, protocol::HCI);
        if !sock_tests::require("BTPROTO_HCI sockets (bluetooth module)", probe.as_ref().map(drop)) {
            return;
        }
        // py: loop.add_reader(hci_sock, …)
        let hci = probe.unwrap();
        hci.set_hci_filter(&HciFilter::all()).unwrap();
        let events = sock::bt::tokio::HciEvents::new(hci).unwrap();
        assert_eq!(events.socket().socket().family(), Family::BLUETOOTH);

        // py: await loop.sock_accept(s)
        // (a listening L2CAP socket; no peer connects without controllers, so the accept
        // must still be pending when the timer fires)
        let l2 = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, protocol::L2CAP).unwrap();
        l2.bind(L2capAddr::new(BdAddr::ANY, 0x1003)).unwrap();
        l2.listen(None).unwrap();
        let l2 = AsyncSocket::new(l2).unwrap();
        let pending = tokio::time::timeout(std::time::Duration::from_millis(20), l2.accept_bt()).await;
        assert!(pending.is_err());
    }

    #[tokio::test]
    async fn async_tipc_rows() {
        let probe = Socket::new(Family::TIPC, Type::RDM, None);
        if !sock_tests::require("AF_TIPC sockets (modprobe tipc)", probe.as_ref().map(drop)) {
            return;
        }
        let ty = 3_000_000 + (std::process::id() % 100_000) * 16;
        let srv = AsyncSocket::new(probe.unwrap()).unwrap();
        srv.socket().bind(TipcAddr::service_range(ty, 0, 10)).unwrap();
        let cli = AsyncSocket::new(Socket::new(Family::TIPC, Type::RDM, None).unwrap()).unwrap();

        // py: await loop.sock_sendto(s, data, (TIPC_ADDR_NAME, type, inst, 0))
        cli.send_to_service(b"tipc", ty, 5).await.unwrap();

        // py: await loop.sock_recvfrom(s, n)
        let mut buf = [0u8; 8];
        let (n, from) = tokio::time::timeout(WAIT, srv.recv_from_tipc(&mut buf)).await.unwrap().unwrap();
        assert_eq!(&buf[..n], b"tipc");
        assert_eq!(from, TipcAddr::try_from(&cli.socket().local_addr().unwrap()).unwrap());

        // py: await loop.sock_accept(s)
        let listener = AsyncSocket::new(Socket::new(Family::TIPC, Type::STREAM, None).unwrap()).unwrap();
        listener.socket().bind(TipcAddr::service_range(ty + 1, 0, 0)).unwrap();
        listener.socket().listen(None).unwrap();
        let conn = AsyncSocket::new(Socket::new(Family::TIPC, Type::STREAM, None).unwrap()).unwrap();
        let (accepted, connected) = tokio::join!(listener.accept_tipc(), conn.connect(TipcAddr::service(ty + 1, 0)));
        connected.unwrap();
        assert!(accepted.is_ok());

        // py: connect((TIPC_ADDR_NAME, TIPC_TOP_SRV, TIPC_TOP_SRV, 0))
        let top = sock::tipc::tokio::TopologyEvents::connect().await.unwrap();
        top.subscribe(&Subscription::new(ty, 0, u32::MAX, TIPC_SUB_PORTS)).await.unwrap();
        let ev = tokio::time::timeout(WAIT, top.recv()).await.unwrap().unwrap().expect("an event");
        assert_eq!(ev.event, TIPC_PUBLISHED);
    }
}

#[cfg(all(
    feature = "tokio",
    feature = "resolve",
    feature = "alg",
    feature = "netlink",
    feature = "packet",
    feature = "qipcrtr"
))]
mod async_alg_netlink_packet_qipcrtr {
    use sock::consts::*;
    use sock::netlink::msg::NlMsgBuilder;
    use sock::netlink::route::{IfInfoMsg, RTM_GETLINK};
    use sock::packet::PacketAddr;
    use sock::qipcrtr::QipcrtrAddr;
    use sock::tokio::AsyncSocket;
    use sock::{Family, Socket, Type};

    #[tokio::test]
    async fn async_alg_rows() {
        if !sock_tests::require("AF_ALG sockets", Socket::new(Family::ALG, Type::SEQPACKET, None).map(drop)) {
            return;
        }
        // py: await loop.sock_sendall(op, data)
        let mut h = sock::alg::tokio::AsyncHash::open("sha256").unwrap();
        h.update(b"ab").await.unwrap();
        h.update(b"c").await.unwrap();
        assert_eq!(
            h.finalize().await.unwrap().to_string(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );

        // py: sendmsg_afalg
        let mut aes = sock::alg::tokio::AsyncSkcipher::open("ctr(aes)", &[1u8; 16]).unwrap();
        let enc = aes.encrypt(&[0u8; 16], b"async cipher").await.unwrap();
        assert_eq!(aes.decrypt(&[0u8; 16], &enc).await.unwrap(), b"async cipher");
    }

    #[tokio::test]
    async fn async_netlink_rows() {
        let nl = sock::netlink::tokio::AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();

        // py: await loop.sock_sendto(nl, req, (0, 0))
        let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_DUMP);
        req.push_struct(&IfInfoMsg::default().to_bytes());
        let mut dump = nl.dump(req).await.unwrap();
        let mut links = 0;
        while let Some(msg) = dump.next().await {
            msg.unwrap();
            links += 1;
        }
        assert_eq!(links, sock::if_nameindex().unwrap().len());

        // py: sock_recv
        let groups = sock::netlink::tokio::AsyncNetlinkSocket::bound(
            NETLINK_ROUTE,
            sock::netlink::NetlinkAddr::new(0, sock::netlink::route::RTMGRP_LINK),
        )
        .unwrap();
        let mut events = groups.events();
        let nothing = tokio::time::timeout(std::time::Duration::from_millis(20), events.next()).await;
        assert!(nothing.is_err(), "no link changed");
    }

    #[tokio::test]
    async fn async_packet_rows() {
        if !sock_tests::require_root("AF_PACKET sockets (root)") {
            return;
        }
        // py: await loop.sock_recvfrom(pkt, 65536)
        let lo = sock::if_nametoindex("lo").unwrap();
        let pkt = sock::packet::tokio::AsyncPacketSocket::bound(Type::DGRAM, &PacketAddr::new(lo, 0x88b5)).unwrap();
        let to = PacketAddr::new(lo, 0x88b5).with_hwaddr(sock::packet::HwAddr::new(&[0; 6]).unwrap());
        pkt.send_to(b"local experimental ethertype", &to).await.unwrap();
        let mut buf = [0u8; 2048];
        let (n, from) = tokio::time::timeout(super::WAIT, pkt.recv_from(&mut buf)).await.unwrap().unwrap();
        assert_eq!((&buf[..n], from.protocol), (&b"local experimental ethertype"[..], 0x88b5));
    }

    #[tokio::test]
    async fn async_qipcrtr_rows() {
        let probe = Socket::new(Family::QIPCRTR, Type::DGRAM, None);
        if !sock_tests::require("AF_QIPCRTR sockets (module qrtr)", probe.as_ref().map(drop)) {
            return;
        }
        // py: await loop.sock_recvfrom(q, n)
        let a = AsyncSocket::new(probe.unwrap()).unwrap();
        let b = AsyncSocket::new(Socket::new(Family::QIPCRTR, Type::DGRAM, None).unwrap()).unwrap();
        let node = QipcrtrAddr::try_from(&a.socket().local_addr().unwrap()).unwrap().node;
        a.socket().bind(QipcrtrAddr::new(node, 0)).unwrap();
        b.socket().bind(QipcrtrAddr::new(node, 0)).unwrap();
        a.send_to(b"q", b.socket().local_addr().unwrap()).await.unwrap();
        let mut buf = [0u8; 4];
        let (n, from) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"q"[..], a.socket().local_addr().unwrap()));
    }
}
