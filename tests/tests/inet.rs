#![cfg(feature = "inet")]
//! sock-inet against the real kernel: the spec's echo programs, Python's address forms,
//! create_connection/create_server, UDP-Lite, ancillary data of RFC 3542 and IPv4, TCP
//! options, MPTCP, a connect timeout inside a private network namespace, and multicast over a
//! veth pair between two namespaces (root; made with iproute2's `ip`, names prefixed `si`).
//! CPython's `socket` module is the reference where it has an answer.

use std::io::{self, IoSlice, IoSliceMut};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::process::Command;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use nix::sched::{setns, unshare, CloneFlags};
use sock_core::cmsg::CmsgWriter;
use sock_core::{Family, Protocol, SockAddr, Socket, Type};
use sock_inet::*;

#[allow(dead_code)]
#[path = "../../crates/sock-inet/examples/echo_client_dual.rs"]
mod echo_client_dual;
#[allow(dead_code)]
#[path = "../../crates/sock-inet/examples/echo_client_v4.rs"]
mod echo_client_v4;
#[allow(dead_code)]
#[path = "../../crates/sock-inet/examples/echo_server_dual.rs"]
mod echo_server_dual;
#[allow(dead_code)]
#[path = "../../crates/sock-inet/examples/echo_server_v4.rs"]
mod echo_server_v4;

const WAIT: Duration = Duration::from_secs(5);

fn require_python() -> bool {
    sock_tests::require("python3 as the reference implementation", sock_tests::have_program("python3"))
}

fn require_ip() -> bool {
    let probe = Command::new("ip").arg("-V").output().map_err(|e| e.to_string()).and_then(|o| {
        let text = String::from_utf8_lossy(&o.stdout).into_owned();
        if text.contains("iproute2") {
            Ok(())
        } else {
            Err(format!("`ip -V` is not iproute2: {text}"))
        }
    });
    sock_tests::require("iproute2's ip", probe)
}

/// Runs iproute2's `ip` with `args` in the calling thread's network namespace.
fn ip(args: &str) {
    let out = Command::new("ip").args(args.split_whitespace()).output().expect("run ip");
    assert!(out.status.success(), "ip {args}: {}", String::from_utf8_lossy(&out.stderr));
}

fn addr_of(sock: &Socket) -> SocketAddr {
    decode(&sock.local_addr().unwrap()).unwrap()
}

fn listener(family: Family, host: &str) -> Socket {
    let s = Socket::new(family, Type::STREAM, None).unwrap();
    s.bind((host, 0)).unwrap();
    s.listen(None).unwrap();
    s.set_timeout(Some(WAIT)).unwrap();
    s
}

// ---- the spec's echo programs ----

#[test]
fn echo_programs_ipv4() {
    let (tx, rx) = mpsc::channel();
    let server = std::thread::spawn(move || echo_server_v4::serve(echo_server_v4::HOST, 0, |p| tx.send(p).unwrap()));
    let port = rx.recv_timeout(WAIT).expect("server ready");
    assert_eq!(echo_client_v4::run("localhost", port).unwrap(), b"Hello, world");
    server.join().unwrap().unwrap();
}

#[test]
fn echo_programs_dual_stack() {
    let (tx, rx) = mpsc::channel();
    let server = std::thread::spawn(move || echo_server_dual::serve(0, |a| tx.send(a).unwrap()));
    let bound = rx.recv_timeout(WAIT).expect("server ready");
    let host = if bound.is_ipv4() { "127.0.0.1" } else { "::1" };
    assert_eq!(echo_client_dual::run(host, bound.port()).unwrap(), b"Hello, world");
    server.join().unwrap().unwrap();
}

#[test]
fn echo_with_python_client() {
    if !require_python() {
        return;
    }
    let (tx, rx) = mpsc::channel();
    let server = std::thread::spawn(move || echo_server_v4::serve("127.0.0.1", 0, |p| tx.send(p).unwrap()));
    let port = rx.recv_timeout(WAIT).unwrap().to_string();
    let script = "import socket, sys\n\
                  with socket.create_connection(('127.0.0.1', int(sys.argv[1])), timeout=5) as s:\n    \
                  s.sendall(b'Hello, world'); print(s.recv(1024).decode())";
    assert_eq!(sock_tests::python(script, &[&port]).trim(), "Hello, world");
    server.join().unwrap().unwrap();
}

// ---- Python's address forms ----

#[test]
fn host_forms_per_family() {
    let v4 = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    v4.bind(("", 0)).unwrap();
    assert_eq!(addr_of(&v4).ip(), IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let v6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    v6.bind(("", 0)).unwrap();
    assert_eq!(addr_of(&v6).ip(), IpAddr::V6(Ipv6Addr::UNSPECIFIED));
    let named = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    named.bind(("localhost".to_string(), 0)).unwrap();
    assert_eq!(addr_of(&named).ip(), IpAddr::V4(Ipv4Addr::LOCALHOST));
    let scoped = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    scoped.bind(sock_inet::HostPortV6("::1", 0, 0, 0)).unwrap();
    assert_eq!(addr_of(&scoped).ip(), IpAddr::V6(Ipv6Addr::LOCALHOST));
    let b = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    b.set_flag(libc::SOL_SOCKET, libc::SO_BROADCAST, true).unwrap();
    let sa = ("<broadcast>", 9).to_sock_addr_for(&b);
    assert_eq!(sa, "255.255.255.255:9".parse().unwrap());
}

trait ForSocket<M> {
    fn to_sock_addr_for(&self, s: &Socket) -> SocketAddr;
}

impl<M, T: sock_core::ToSockAddr<M>> ForSocket<M> for T {
    fn to_sock_addr_for(&self, s: &Socket) -> SocketAddr {
        decode(&self.to_sock_addr(s).unwrap()).unwrap()
    }
}

#[test]
fn bad_addresses_are_invalid_input() {
    let v4 = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    let v6 = Socket::new(Family::INET6, Type::STREAM, None).unwrap();
    let kind = |r: io::Result<()>| r.unwrap_err().kind();
    assert_eq!(kind(v4.bind(("local\0host", 0))), io::ErrorKind::InvalidInput);
    assert_eq!(kind(v6.bind(sock_inet::HostPortV6("::1", 0, 0x10_0000, 0))), io::ErrorKind::InvalidInput);
    assert_eq!(kind(v4.bind(sock_inet::HostPortV6("127.0.0.1", 0, 0, 0))), io::ErrorKind::InvalidInput);
    assert_eq!(kind(v6.bind(("<broadcast>", 0))), io::ErrorKind::InvalidInput);
    let unix = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    assert_eq!(kind(unix.bind(("localhost", 0))), io::ErrorKind::InvalidInput);
    assert_eq!(checked_port(65536).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(checked_port(-65536).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    for bad in ["0.1.1.~1", "::1::2", "1:1:1:1:1:1:1:1:1"] {
        // Not an address, so a host name for getaddrinfo, which refuses it as CPython's
        // gaierror does (EAI_NONAME: glibc rejects such names before asking any server).
        for s in [&v6, &v4] {
            let e = sock_tests::assert_kind(s.bind((bad, 0)), io::ErrorKind::NotFound);
            let typed = sock_resolve::ResolveError::from_io(&e).expect("a resolver error");
            assert_eq!(typed.code(), libc::EAI_NONAME, "{bad}: {e}");
            assert_eq!(e.to_string(), format!("getaddrinfo {bad}: Name or service not known (EAI_NONAME)"));
        }
    }
    let scoped = v6.bind(("fe80::1%sinosuch0", 0)).unwrap_err();
    assert_eq!(scoped.kind(), io::ErrorKind::NotFound);
}

#[test]
fn scope_suffix_becomes_scope_id() {
    let lo = sock_resolve::if_nametoindex("lo").unwrap();
    let s = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    let SocketAddr::V6(a) = ("fe80::1%lo", 5).to_sock_addr_for(&s) else { panic!("v6") };
    assert_eq!((a.scope_id(), a.flowinfo()), (lo, 0));
    let SocketAddr::V6(b) = sock_inet::HostPortV6("fe80::1%lo", 5, 7, 0).to_sock_addr_for(&s) else { panic!("v6") };
    assert_eq!((b.scope_id(), b.flowinfo()), (lo, 7));
    let SocketAddr::V6(c) = sock_inet::HostPortV6("fe80::1", 5, 0, 42).to_sock_addr_for(&s) else { panic!("v6") };
    assert_eq!(c.scope_id(), 42);
}

// ---- text forms ----

#[test]
fn text_forms_equal_python() {
    if !require_python() {
        return;
    }
    let inputs =
        ["1.2.3.4", "127.1", "0x7f.1", "010.0.0.1", "1.2.3", "255.255.255.255", "1.2.3.256", "::1", "1::2::3", "x"];
    let script = "import socket, sys\n\
        for s in sys.argv[1:]:\n    \
            out = []\n    \
            for f in (lambda: socket.inet_aton(s).hex(), lambda: socket.inet_pton(socket.AF_INET, s).hex(), lambda: socket.inet_pton(socket.AF_INET6, s).hex()):\n        \
                try: out.append(f())\n        \
                except OSError: out.append('ERR')\n    \
            print(' '.join(out))";
    let py = sock_tests::python(script, &inputs);
    let hex = |r: io::Result<Vec<u8>>| r.map_or("ERR".to_string(), |b| b.iter().map(|x| format!("{x:02x}")).collect());
    for (input, line) in inputs.iter().zip(py.lines()) {
        let ours = format!(
            "{} {} {}",
            hex(inet_aton(input).map(|b| b.to_vec())),
            hex(inet_pton(libc::AF_INET, input)),
            hex(inet_pton(libc::AF_INET6, input))
        );
        assert_eq!(ours, line, "{input}");
    }
    let packed = inet_pton(libc::AF_INET6, "::ffff:1.2.3.4").unwrap();
    let py = sock_tests::python(
        "import socket; print(socket.inet_ntop(socket.AF_INET6, bytes.fromhex('00000000000000000000ffff01020304')))",
        &[],
    );
    assert_eq!(inet_ntop(libc::AF_INET6, &packed).unwrap(), py.trim());
    assert_eq!(inet_ntoa(&[1, 2, 3]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    let family = inet_pton(12345, "1.2.3.4").unwrap_err();
    assert_eq!(sock::errno(&family), Some(libc::EAFNOSUPPORT));
    assert_eq!(family.to_string(), "inet_pton family 12345: Address family not supported by protocol (EAFNOSUPPORT)");
    let illegal = inet_pton(Family::INET6, "1::2::3").unwrap_err();
    assert_eq!(illegal.kind(), io::ErrorKind::InvalidInput);
    assert_eq!(illegal.to_string(), r#"inet_pton AF_INET6 "1::2::3": illegal IP address string"#);
    assert_eq!(inet_aton("x").unwrap_err().to_string(), r#"inet_aton "x": illegal IP address string"#);
    assert_eq!(inet_ntop(libc::AF_INET6, &[0; 4]).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!((htons(1).to_ne_bytes(), htonl(1).to_ne_bytes()), ([0, 1], [0, 0, 0, 1]));
}

// ---- create_connection / create_server ----

/// A port on 127.0.0.1 (and ::1) where nothing listens: bound, never listening.
fn closed_port() -> (Socket, Socket, u16) {
    let a = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    a.bind(("127.0.0.1", 0)).unwrap();
    let port = addr_of(&a).port();
    let b = Socket::new(Family::INET6, Type::STREAM, None).unwrap();
    b.bind(("::1", port)).unwrap();
    (a, b, port)
}

#[test]
fn create_connection_refused() {
    let (_a, _b, port) = closed_port();
    let err = create_connection(("127.0.0.1", port), &ConnectOptions::new()).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused);
    assert_eq!(sock::errno(&err), Some(libc::ECONNREFUSED));
    assert_eq!(err.to_string(), format!("create_connection 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
    let named = create_connection(("localhost", port), &ConnectOptions::new()).unwrap_err();
    assert!(named.to_string().starts_with(&format!("create_connection localhost:{port} (")), "{named}");
    let all = create_connection(("127.0.0.1", port), &ConnectOptions::new().all_errors(true)).unwrap_err();
    assert_eq!(all.kind(), io::ErrorKind::ConnectionRefused);
    assert_eq!(
        all.to_string(),
        format!(
            "create_connection 127.0.0.1:{port}: every address failed: connect 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"
        )
    );
    let group = ConnectErrors::from_io(&all).expect("ConnectErrors inside");
    assert_eq!(group.errors.len(), 1);
    assert_eq!(group.errors[0].0, SocketAddr::from(([127, 0, 0, 1], port)));
    assert_eq!(sock::errno(&group.errors[0].1), Some(libc::ECONNREFUSED));
    let gai = create_connection(("local\0host", 1), &ConnectOptions::new()).unwrap_err();
    // A NUL in the host is refused before getaddrinfo (CPython: "embedded null character").
    assert_eq!(gai.kind(), io::ErrorKind::InvalidInput, "{gai}");
    assert_eq!(gai.to_string(), "host: embedded null character");
}

#[test]
fn create_connection_options() {
    let server = listener(Family::INET, "127.0.0.1");
    let port = addr_of(&server).port();
    let source = listener(Family::INET, "127.0.0.1");
    let src_port = addr_of(&source).port();
    drop(source);
    let opts = ConnectOptions::new().timeout(Some(Duration::from_secs(3))).source_address("127.0.0.1", src_port);
    let c = create_connection(("localhost", port), &opts).unwrap();
    assert_eq!(c.timeout(), Some(Duration::from_secs(3)));
    assert_eq!(addr_of(&c).port(), src_port);
    let (conn, peer) = server.accept().unwrap();
    assert_eq!(decode(&peer).unwrap(), addr_of(&c));
    drop(conn);
}

/// `create_connection(all_errors=True)` to a name with two addresses (from a private
/// `/etc/hosts` bind-mounted in a mount namespace of this thread) reports both failures.
#[test]
fn create_connection_all_errors_lists_every_address() {
    if !sock_tests::require_root("a private /etc/hosts (mount namespace)") {
        return;
    }
    let (_a, _b, port) = closed_port();
    let hosts = std::env::temp_dir().join(format!("si-hosts-{}", std::process::id()));
    std::fs::write(&hosts, "::1 si-two-addrs\n127.0.0.1 si-two-addrs\n").unwrap();
    let hosts2 = hosts.clone();
    std::thread::spawn(move || {
        use nix::mount::{mount, MsFlags};
        let probe = unshare(CloneFlags::CLONE_NEWNS | CloneFlags::CLONE_FS).map_err(io::Error::from);
        if !sock_tests::require("mount namespaces (unshare CLONE_NEWNS)", probe) {
            return;
        }
        mount(None::<&str>, "/", None::<&str>, MsFlags::MS_REC | MsFlags::MS_PRIVATE, None::<&str>).unwrap();
        mount(Some(&hosts2), "/etc/hosts", None::<&str>, MsFlags::MS_BIND, None::<&str>).unwrap();
        let infos = sock_resolve::getaddrinfo(Some("si-two-addrs"), port, 0, libc::SOCK_STREAM, 0, 0).unwrap();
        assert_eq!(infos.len(), 2, "{infos:?}");
        let err = create_connection(("si-two-addrs", port), &ConnectOptions::new().all_errors(true)).unwrap_err();
        let group = ConnectErrors::from_io(&err).expect("ConnectErrors inside");
        let tried: Vec<SocketAddr> = group.errors.iter().map(|(a, _)| *a).collect();
        assert_eq!(tried, infos.iter().map(|i| i.addr).collect::<Vec<_>>());
        assert!(group.errors.iter().all(|(_, e)| sock::errno(e) == Some(libc::ECONNREFUSED)));
        let text = err.to_string();
        assert!(text.starts_with(&format!("create_connection si-two-addrs:{port}: every address failed: ")), "{text}");
        assert!(
            text.contains(&format!("connect [::1]:{port}: ")) && text.contains(&format!("connect 127.0.0.1:{port}: "))
        );
        let last = create_connection(("si-two-addrs", port), &ConnectOptions::new()).unwrap_err();
        assert_eq!(sock::errno(&last), Some(libc::ECONNREFUSED));
        assert!(ConnectErrors::from_io(&last).is_none());
    })
    .join()
    .unwrap();
    let _ = std::fs::remove_file(hosts);
}

/// A SYN to an address routed into `lo` of a private namespace is dropped (not local, no
/// forwarding), so connecting times out.
#[test]
fn connect_timeout_in_a_private_namespace() {
    if !sock_tests::require_root("a private network namespace") || !require_ip() {
        return;
    }
    std::thread::spawn(|| {
        let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
        if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
            return;
        }
        ip("link set lo up");
        ip("route add 10.203.0.0/24 dev lo");
        let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        s.set_timeout(Some(Duration::from_millis(300))).unwrap();
        let start = Instant::now();
        let err = s.connect(("10.203.0.2", 80)).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
        assert!(start.elapsed() >= Duration::from_millis(290), "{:?}", start.elapsed());
        let opts = ConnectOptions::new().timeout(Some(Duration::from_millis(200)));
        let err = create_connection(("10.203.0.2", 80), &opts).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut);
    })
    .join()
    .unwrap();
}

#[test]
fn create_server_dual_stack_accepts_both() {
    assert!(has_dualstack_ipv6());
    let opts = ServerOptions::new().family(Family::INET6).dualstack_ipv6(true).backlog(4);
    let server = create_server(("", 0), &opts).unwrap();
    server.set_timeout(Some(WAIT)).unwrap();
    let port = addr_of(&server).port();
    assert!(!server.get_flag(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY).unwrap());
    assert!(server.get_flag(libc::SOL_SOCKET, libc::SO_REUSEADDR).unwrap());
    let c4 = create_connection(("127.0.0.1", port), &ConnectOptions::new()).unwrap();
    let (_, peer4) = server.accept().unwrap();
    let SocketAddr::V6(p4) = decode(&peer4).unwrap() else { panic!("IPv6 peer") };
    assert_eq!(p4.ip().to_ipv4_mapped(), Some(Ipv4Addr::LOCALHOST));
    assert_eq!(p4.ip().to_string(), "::ffff:127.0.0.1");
    assert_eq!(p4.port(), addr_of(&c4).port());
    let c6 = create_connection(("::1", port), &ConnectOptions::new()).unwrap();
    let (_, peer6) = server.accept().unwrap();
    assert_eq!(decode(&peer6).unwrap(), addr_of(&c6));
}

#[test]
fn create_server_options_and_errors() {
    let v6only = create_server(("::1", 0), &ServerOptions::new().family(Family::INET6)).unwrap();
    assert!(v6only.get_flag(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY).unwrap());
    let reuse = create_server(("127.0.0.1", 0), &ServerOptions::new().reuse_port(true)).unwrap();
    assert!(reuse.get_flag(libc::SOL_SOCKET, libc::SO_REUSEPORT).unwrap());
    let port = addr_of(&reuse).port();
    let twin = create_server(("127.0.0.1", port), &ServerOptions::new().reuse_port(true)).unwrap();
    assert_eq!(addr_of(&twin).port(), port);
    let taken = create_server(("127.0.0.1", port), &ServerOptions::new()).unwrap_err();
    assert_eq!(sock::errno(&taken), Some(libc::EADDRINUSE));
    assert_eq!(taken.to_string(), format!("bind 127.0.0.1:{port}: Address already in use (EADDRINUSE)"));
    let wrong = create_server(("", 0), &ServerOptions::new().dualstack_ipv6(true)).unwrap_err();
    assert_eq!(wrong.kind(), io::ErrorKind::InvalidInput);
}

// ---- UDP-Lite, ancillary data ----

#[test]
fn udplite_round_trip_with_coverage() {
    let probe = Socket::new(Family::INET, Type::DGRAM, Some(Protocol::UDPLITE)).map(drop);
    if !sock_tests::require("UDP-Lite sockets (IPPROTO_UDPLITE)", probe) {
        return;
    }
    for (family, host) in [(Family::INET, "127.0.0.1"), (Family::INET6, "::1")] {
        let rx = Socket::new(family, Type::DGRAM, Some(Protocol::UDPLITE)).unwrap();
        rx.bind((host, 0)).unwrap();
        rx.set_timeout(Some(WAIT)).unwrap();
        rx.set_udplite_recv_cscov(16).unwrap();
        let tx = Socket::new(family, Type::DGRAM, Some(Protocol::UDPLITE)).unwrap();
        tx.set_udplite_send_cscov(24).unwrap();
        assert_eq!(tx.get(opt::UDPLITE_SEND_CSCOV).unwrap(), 24);
        assert_eq!(rx.get(opt::UDPLITE_RECV_CSCOV).unwrap(), 16);
        assert_eq!(tx.set_udplite_send_cscov(7).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        let payload = [0x5au8; 100];
        tx.send_to(&payload, addr_of(&rx)).unwrap();
        let (data, from) = rx.recv_from_vec(200).unwrap();
        assert_eq!(data, payload);
        assert_eq!(decode(&from).unwrap().port(), addr_of(&tx).port());
    }
}

/// RFC 3542 items on UDP over IPv6: the hop limit and traffic class a datagram was sent with,
/// and the packet info, arrive as typed items.
#[test]
fn rfc3542_items_on_udp6() {
    let rx = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    rx.bind(("::1", 0)).unwrap();
    rx.set_timeout(Some(WAIT)).unwrap();
    for o in [opt::IPV6_RECVHOPLIMIT, opt::IPV6_RECVTCLASS, opt::IPV6_RECVPKTINFO] {
        rx.set(o, &true).unwrap();
    }
    let tx = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    let dest = SockAddr::from(addr_of(&rx));
    for (hop, tclass) in [(2, 0x28), (7, 0x10)] {
        let mut cbuf = [0u8; 64];
        let mut w = CmsgWriter::new(&mut cbuf);
        InetCmsg::HopLimit(hop).encode(&mut w).unwrap();
        InetCmsg::TClass(tclass).encode(&mut w).unwrap();
        let clen = w.len();
        tx.send_msg(&[IoSlice::new(b"rfc3542")], &cbuf[..clen], 0, Some(&dest)).unwrap();
        let mut data = [0u8; 16];
        let mut control = [0u8; 256];
        let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut data)], &mut control, 0).unwrap();
        assert_eq!(&data[..msg.bytes], b"rfc3542");
        let items: Vec<InetCmsg> = InetCmsg::parse(&control[..msg.control_len]).collect();
        assert!(items.contains(&InetCmsg::HopLimit(hop)), "{items:?}");
        assert!(items.contains(&InetCmsg::TClass(tclass)), "{items:?}");
        let lo = sock_resolve::if_nametoindex("lo").unwrap();
        assert!(items.contains(&InetCmsg::PktInfoV6 { addr: Ipv6Addr::LOCALHOST, ifindex: lo }), "{items:?}");
    }
    // A control buffer too small for everything: MSG_CTRUNC, never an error.
    tx.send_to(b"x", addr_of(&rx)).unwrap();
    let mut control = [0u8; 20];
    let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut [0u8; 4])], &mut control, 0).unwrap();
    assert!(msg.is_control_truncated());
    let _ = InetCmsg::parse(&control[..msg.control_len]).count();
}

#[test]
fn ipv4_items_ttl_tos_pktinfo() {
    let rx = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    rx.bind(("127.0.0.1", 0)).unwrap();
    rx.set_timeout(Some(WAIT)).unwrap();
    for o in [opt::IP_RECVTTL, opt::IP_RECVTOS, opt::IP_PKTINFO] {
        rx.set(o, &true).unwrap();
    }
    let tx = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let mut cbuf = [0u8; 128];
    let mut w = CmsgWriter::new(&mut cbuf);
    InetCmsg::Ttl(9).encode(&mut w).unwrap();
    InetCmsg::Tos(0x10).encode(&mut w).unwrap();
    let lo = sock_resolve::if_nametoindex("lo").unwrap();
    InetCmsg::PktInfoV4 { ifindex: 0, spec_dst: Ipv4Addr::LOCALHOST, addr: Ipv4Addr::UNSPECIFIED }
        .encode(&mut w)
        .unwrap();
    let clen = w.len();
    tx.send_msg(&[IoSlice::new(b"v4")], &cbuf[..clen], 0, Some(&SockAddr::from(addr_of(&rx)))).unwrap();
    let mut control = [0u8; 256];
    let msg = rx.recv_msg(&mut [IoSliceMut::new(&mut [0u8; 8])], &mut control, 0).unwrap();
    let items: Vec<InetCmsg> = InetCmsg::parse(&control[..msg.control_len]).collect();
    assert!(items.contains(&InetCmsg::Ttl(9)), "{items:?}");
    assert!(items.contains(&InetCmsg::Tos(0x10)), "{items:?}");
    let pkt = items.iter().find(|i| matches!(i, InetCmsg::PktInfoV4 { .. })).expect("IP_PKTINFO");
    assert_eq!(*pkt, InetCmsg::PktInfoV4 { ifindex: lo, spec_dst: Ipv4Addr::LOCALHOST, addr: Ipv4Addr::LOCALHOST });
}

// ---- options ----

#[test]
fn tcp_options_and_info() {
    let server = listener(Family::INET, "127.0.0.1");
    let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    c.set(opt::TCP_NODELAY, &true).unwrap();
    assert!(c.get(opt::TCP_NODELAY).unwrap() && c.tcp_nodelay().unwrap());
    for (o, v) in [(opt::TCP_KEEPIDLE, 30), (opt::TCP_KEEPINTVL, 5), (opt::TCP_KEEPCNT, 3)] {
        c.set(o, &v).unwrap();
        assert_eq!(c.get(o).unwrap(), v);
    }
    c.set(opt::TCP_USER_TIMEOUT, &1234).unwrap();
    assert_eq!(c.get(opt::TCP_USER_TIMEOUT).unwrap(), 1234);
    c.set(opt::TCP_NOTSENT_LOWAT, &4096).unwrap();
    assert_eq!(c.get(opt::TCP_NOTSENT_LOWAT).unwrap(), 4096);
    c.set_tcp_congestion("reno").unwrap();
    assert_eq!(c.tcp_congestion().unwrap(), "reno");
    let cc = c.set_tcp_congestion("si-no-such-cc").unwrap_err();
    assert_eq!(sock::errno(&cc), Some(libc::ENOENT));
    assert_eq!(cc.to_string(), "set_tcp_congestion si-no-such-cc: no such congestion control algorithm (ENOENT)");
    c.set(opt::IP_TTL, &33).unwrap();
    assert_eq!(c.get(opt::IP_TTL).unwrap(), 33);
    c.set_ttl(34).unwrap();
    assert_eq!(c.ttl().unwrap(), 34);
    c.connect(addr_of(&server)).unwrap();
    let (conn, _) = server.accept().unwrap();
    c.send_all(&[1u8; 1000]).unwrap();
    let mut buf = [0u8; 1000];
    conn.set_timeout(Some(WAIT)).unwrap();
    let mut got = 0;
    while got < 1000 {
        got += conn.recv(&mut buf[got..]).unwrap();
    }
    let info = c.tcp_info().unwrap();
    assert_eq!(info.state, 1, "TCP_ESTABLISHED");
    assert!(info.snd_mss > 0 && info.rtt > 0);
    assert!(info.bytes_acked >= 1000 || info.segs_out > 0);
    let server_info = conn.tcp_info().unwrap();
    assert!(server_info.bytes_received >= 1000);
    let v6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    v6.set(opt::IPV6_V6ONLY, &true).unwrap();
    assert!(v6.get(opt::IPV6_V6ONLY).unwrap());
    v6.set(opt::IPV6_UNICAST_HOPS, &17).unwrap();
    assert_eq!(v6.get(opt::IPV6_UNICAST_HOPS).unwrap(), 17);
}

#[test]
fn mptcp_round_trip() {
    if !sock_tests::require("MPTCP sockets (IPPROTO_MPTCP)", mptcp_socket(Family::INET).map(drop)) {
        return;
    }
    let server = mptcp_socket(Family::INET).unwrap();
    server.bind(("127.0.0.1", 0)).unwrap();
    server.listen(None).unwrap();
    server.set_timeout(Some(WAIT)).unwrap();
    assert_eq!(server.protocol(), Protocol::MPTCP);
    let client = mptcp_socket(Family::INET).unwrap();
    client.connect(addr_of(&server)).unwrap();
    let (conn, _) = server.accept().unwrap();
    client.send_all(b"mptcp").unwrap();
    conn.set_timeout(Some(WAIT)).unwrap();
    assert_eq!(conn.recv_vec(16).unwrap(), b"mptcp");
}

#[test]
fn constants_equal_python() {
    if !require_python() {
        return;
    }
    let script = "import socket\n\
        pre = ('IPPROTO_', 'IPPORT_', 'INADDR_', 'IP_', 'IPV6_', 'TCP_', 'UDPLITE_', 'SOL_RDS', 'RDS_')\n\
        for n in dir(socket):\n    \
            if n.startswith(pre) and n.isupper(): print(n, int(getattr(socket, n)))";
    let mut compared = 0;
    for line in sock_tests::python(script, &[]).lines() {
        let (name, value) = line.split_once(' ').unwrap();
        let ours = CONSTANTS.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{name} missing"));
        assert_eq!(ours.1, value.parse::<i64>().unwrap(), "{name}");
        compared += 1;
    }
    assert!(compared > 90, "compared only {compared}");
}

// ---- multicast over veth between two namespaces ----

struct NamedNetns(String);

impl Drop for NamedNetns {
    fn drop(&mut self) {
        let _ = Command::new("ip").args(["netns", "del", &self.0]).status();
    }
}

/// Sends `payload` every 200 ms until `rx` receives a datagram (a fresh veth link may drop the
/// first packets while it comes up); fails after [`WAIT`].
fn send_until_received(tx: &Socket, payload: &[u8], to: (&str, u16), rx: &Socket) -> (Vec<u8>, SockAddr) {
    let deadline = Instant::now() + WAIT;
    rx.set_timeout(Some(Duration::from_millis(200))).unwrap();
    loop {
        tx.send_to(payload, to).unwrap();
        match rx.recv_from_vec(64) {
            Ok(got) => return got,
            Err(e) if e.kind() == io::ErrorKind::TimedOut && Instant::now() < deadline => continue,
            Err(e) => panic!("multicast to {to:?} not received: {e}"),
        }
    }
}

#[test]
fn multicast_over_veth_between_namespaces() {
    if !sock_tests::require_root("veth pairs in network namespaces") || !require_ip() {
        return;
    }
    std::thread::spawn(|| {
        let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
        if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
            return;
        }
        let ns_a = std::fs::File::open("/proc/thread-self/ns/net").unwrap();
        let name = format!("si{}mc", std::process::id());
        ip(&format!("netns add {name}"));
        let _guard = NamedNetns(name.clone());
        let made = Command::new("ip")
            .args(["link", "add", "sima", "type", "veth", "peer", "name", "simb", "netns", &name])
            .output()
            .map_err(|e| e.to_string())
            .and_then(
                |o| if o.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&o.stderr).into_owned()) },
            );
        if !sock_tests::require("veth interfaces", made) {
            return;
        }
        ip("link set lo up");
        ip("addr add 10.77.0.1/24 dev sima");
        ip("-6 addr add fd77::1/64 dev sima nodad");
        ip("link set sima up");
        ip(&format!("-n {name} link set lo up"));
        ip(&format!("-n {name} addr add 10.77.0.2/24 dev simb"));
        ip(&format!("-n {name} -6 addr add fd77::2/64 dev simb nodad"));
        ip(&format!("-n {name} link set simb up"));
        let ns_b = std::fs::File::open(format!("/run/netns/{name}")).unwrap();
        let a_index = sock_resolve::if_nametoindex("sima").unwrap();
        // Receivers live in B.
        setns(&ns_b, CloneFlags::CLONE_NEWNET).unwrap();
        let b_index = sock_resolve::if_nametoindex("simb").unwrap();
        let rx4 = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        rx4.bind(("0.0.0.0", 0)).unwrap();
        rx4.join_multicast_v4(Ipv4Addr::new(239, 77, 0, 1), Ipv4Addr::UNSPECIFIED, b_index).unwrap();
        let rx6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
        rx6.bind(("::", 0)).unwrap();
        rx6.join_multicast_v6("ff1e::77".parse().unwrap(), b_index).unwrap();
        setns(&ns_a, CloneFlags::CLONE_NEWNET).unwrap();
        for r in [&rx4, &rx6] {
            r.set_timeout(Some(WAIT)).unwrap();
        }
        // Senders in A.
        let tx4 = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        tx4.set_multicast_if_v4(Ipv4Addr::UNSPECIFIED, a_index).unwrap();
        tx4.set(opt::IP_MULTICAST_TTL, &2).unwrap();
        let (data, from) = send_until_received(&tx4, b"mcast4", ("239.77.0.1", addr_of(&rx4).port()), &rx4);
        assert_eq!((data.as_slice(), decode(&from).unwrap().ip()), (&b"mcast4"[..], IpAddr::from([10, 77, 0, 1])));
        let tx6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
        tx6.set(opt::IPV6_MULTICAST_IF, &(a_index as i32)).unwrap();
        tx6.set(opt::IPV6_MULTICAST_HOPS, &2).unwrap();
        let (data, from) = send_until_received(&tx6, b"mcast6", ("ff1e::77", addr_of(&rx6).port()), &rx6);
        assert_eq!(data, b"mcast6");
        assert_eq!(decode(&from).unwrap().ip(), "fd77::1".parse::<IpAddr>().unwrap());
        // After leaving, nothing more arrives.
        rx4.leave_multicast_v4(Ipv4Addr::new(239, 77, 0, 1), Ipv4Addr::UNSPECIFIED, b_index).unwrap();
        rx4.set_timeout(Some(Duration::from_millis(300))).unwrap();
        tx4.send_to(b"again", ("239.77.0.1", addr_of(&rx4).port())).unwrap();
        assert_eq!(rx4.recv_vec(64).unwrap_err().kind(), io::ErrorKind::TimedOut);
        rx6.leave_multicast_v6("ff1e::77".parse().unwrap(), b_index).unwrap();
    })
    .join()
    .unwrap();
}

/// A failed membership call names the group and the interface (issue 16); the errno stays
/// readable.
#[test]
fn multicast_errors_name_group_and_interface() {
    let s4 = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    let unicast = s4.join_multicast_v4(Ipv4Addr::new(10, 0, 0, 1), Ipv4Addr::UNSPECIFIED, 0).unwrap_err();
    assert_eq!(sock::errno(&unicast), Some(libc::EINVAL));
    assert_eq!(unicast.kind(), io::ErrorKind::InvalidInput);
    assert_eq!(unicast.to_string(), "join_multicast_v4 10.0.0.1 on any interface: Invalid argument (EINVAL)");
    let s6 = Socket::new(Family::INET6, Type::DGRAM, None).unwrap();
    let missing = s6.join_multicast_v6("ff02::1".parse().unwrap(), 999_999).unwrap_err();
    assert_eq!(sock::errno(&missing), Some(libc::ENODEV));
    assert_eq!(missing.to_string(), "join_multicast_v6 ff02::1 on #999999: No such device (ENODEV)");
    let interface = s4.set_multicast_if_v4(Ipv4Addr::UNSPECIFIED, 999_999).unwrap_err();
    assert!(interface.to_string().starts_with("set_multicast_if_v4 #999999: "), "{interface}");
}
