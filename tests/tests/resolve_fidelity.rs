#![cfg(feature = "resolve")]
//! sock-resolve's numeric answers and argument checks against CPython's `socket` module (issue
//! 13): `getaddrinfo` on numeric text (IPv6 scopes by name and number, inet(3) IPv4 forms,
//! brackets, white space) and the `ValueError`/`OverflowError` cases, which are `InvalidInput`
//! here. Only literals, always with `AI_NUMERICHOST`: nothing reaches DNS.

use std::io;
use std::net::{SocketAddr, SocketAddrV6};

use sock_resolve::consts::*;
use sock_resolve::*;

fn require_python() -> bool {
    sock_tests::require("python3 as the reference implementation", sock_tests::have_program("python3"))
}

/// Hosts whose numeric answers differ in the ways issue 13 found, and their neighbours.
const HOSTS: &[&str] = &[
    "::1%lo",
    "2001:db8::1%lo",
    "ff05::1%lo",
    "ff02::1%lo",
    "ff01::1%lo",
    "ff12::1%lo",
    "fe80::1%lo",
    "febf::1%lo",
    "fec0::1%lo",
    "::ffff:127.0.0.1%lo",
    "::1%1",
    "2001:db8::1%1",
    "fe80::1%999",
    "::1%999",
    "::1%",
    "fe80::1%0",
    "fe80::1%01",
    "fe80::1%4294967295",
    "fe80::1%4294967296",
    "fe80::1%-1",
    "fe80::1% 1",
    "fe80::1%nosuchif0",
    "1.2.3.4%1",
    "[::1]",
    "[fe80::1%lo]",
    "1",
    "1.2",
    "127.1",
    "0x7f.1",
    "0177.0.0.1",
    "010.0.0.1",
    "4294967295",
    "4294967296",
    " 1.2.3.4",
    "1.2.3.4 ",
    "::1 ",
    "::FFFF:1.2.3.4",
    "0:0:0:0:0:0:0:1",
    "::1.2.3.4",
];

/// Our answer in the line format the Python script prints: one `family type proto
/// packed-hex port flowinfo scope` line per entry, or `gaierror CODE`.
fn ours(host: &str) -> String {
    match getaddrinfo(Some(host), 80, 0, libc::SOCK_STREAM, 0, AI_NUMERICHOST) {
        Err(e) => format!("gaierror {}\n", ResolveError::from_io(&e).expect("a resolver error").code()),
        Ok(list) => list
            .iter()
            .map(|ai| {
                let (hex, flow, scope) = match ai.addr {
                    SocketAddr::V4(a) => (hex(&a.ip().octets()), "-".to_string(), "-".to_string()),
                    SocketAddr::V6(a) => (hex(&a.ip().octets()), a.flowinfo().to_string(), a.scope_id().to_string()),
                };
                format!(
                    "{} {} {} {hex} {} {flow} {scope}\n",
                    ai.family.raw(),
                    ai.ty.raw(),
                    ai.protocol.raw(),
                    ai.addr.port()
                )
            })
            .collect(),
    }
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

#[test]
fn numeric_getaddrinfo_equals_python() {
    if !require_python() {
        return;
    }
    let script = "import socket, sys\n\
        for h in sys.argv[1:]:\n\
        \x20   try:\n\
        \x20       r = socket.getaddrinfo(h, 80, 0, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)\n\
        \x20   except socket.gaierror as e:\n\
        \x20       print('gaierror', e.errno); print('=='); continue\n\
        \x20   for f, t, p, c, sa in r:\n\
        \x20       rest = (sa[2], sa[3]) if f == socket.AF_INET6 else ('-', '-')\n\
        \x20       print(int(f), int(t), p, socket.inet_pton(f, sa[0]).hex(), sa[1], *rest)\n\
        \x20   print('==')\n";
    let py = sock_tests::python(script, HOSTS);
    let answers: Vec<&str> = py.split("==\n").collect();
    assert_eq!(answers.len(), HOSTS.len() + 1, "{py}");
    for (host, want) in HOSTS.iter().zip(answers) {
        assert_eq!(ours(host), want, "{host:?}");
    }
}

/// The scope examples of issue 13, checked without Python too: an interface name is no scope
/// on a global, site-local or v4-mapped address, a number is one on any.
#[test]
fn interface_name_scopes_only_where_glibc_takes_them() {
    let lo = if_nametoindex("lo").unwrap();
    for flags in [0, AI_NUMERICHOST] {
        for host in ["::1%lo", "2001:db8::1%lo", "ff05::1%lo", "::ffff:127.0.0.1%lo", "fec0::1%lo"] {
            let err = getaddrinfo(Some(host), 80, 0, 0, 0, flags).unwrap_err();
            let typed = ResolveError::from_io(&err).expect("a resolver error");
            assert_eq!((typed.class(), typed.code()), (ResolveErrorClass::AddrInfo, EAI_NONAME), "{host}");
            assert_eq!(err.to_string(), format!("getaddrinfo [{host}]:80: Name or service not known (EAI_NONAME)"));
        }
        for (host, scope) in
            [("fe80::1%lo", lo), ("ff02::1%lo", lo), ("ff01::1%lo", lo), ("::1%1", 1), ("::1%999", 999)]
        {
            let got = getaddrinfo(Some(host), 80, 0, libc::SOCK_STREAM, 0, flags).unwrap();
            let SocketAddr::V6(a) = got[0].addr else { panic!("{host}: {got:?}") };
            assert_eq!(a.scope_id(), scope, "{host}");
        }
    }
}

/// What CPython refuses with `ValueError`/`TypeError` (a NUL) or `OverflowError` (flowinfo)
/// is `InvalidInput` naming the argument here.
#[test]
fn bad_arguments_are_invalid_input_as_python_refuses_them() {
    if !require_python() {
        return;
    }
    let script = "import socket\n\
        cases = [\n\
        \x20   lambda: socket.gethostbyname('localhost\\0x'),\n\
        \x20   lambda: socket.gethostbyname_ex('localhost\\0x'),\n\
        \x20   lambda: socket.gethostbyaddr('127.0.0.1\\0x'),\n\
        \x20   lambda: socket.getservbyname('http\\0x'),\n\
        \x20   lambda: socket.getservbyname('http', 'tcp\\0x'),\n\
        \x20   lambda: socket.getservbyport(80, 'tcp\\0x'),\n\
        \x20   lambda: socket.getprotobyname('tcp\\0x'),\n\
        \x20   lambda: socket.if_nametoindex('lo\\0x'),\n\
        \x20   lambda: socket.getnameinfo(('::1', 80, 0xffffffff, 0), 0),\n\
        \x20   lambda: socket.getnameinfo(('::1', 80, 0x100000, 0), 0),\n\
        ]\n\
        for c in cases:\n\
        \x20   try:\n\
        \x20       c(); print('ok')\n\
        \x20   except (ValueError, TypeError, OverflowError):\n\
        \x20       print('refused')\n";
    let py = sock_tests::python(script, &[]);
    let v6 = |flow| SocketAddr::V6(SocketAddrV6::new(std::net::Ipv6Addr::LOCALHOST, 80, flow, 0));
    let ours: Vec<io::Result<()>> = vec![
        gethostbyname("localhost\0x").map(drop),
        gethostbyname_ex("localhost\0x").map(drop),
        gethostbyaddr("127.0.0.1\0x").map(drop),
        getservbyname("http\0x", None).map(drop),
        getservbyname("http", Some("tcp\0x")).map(drop),
        getservbyport(80, Some("tcp\0x")).map(drop),
        getprotobyname("tcp\0x").map(drop),
        if_nametoindex("lo\0x").map(drop),
        getnameinfo(v6(0xffff_ffff), 0).map(drop),
        getnameinfo(v6(0x10_0000), 0).map(drop),
    ];
    assert_eq!(py.lines().collect::<Vec<_>>(), vec!["refused"; ours.len()], "{py}");
    for (i, r) in ours.into_iter().enumerate() {
        assert_eq!(r.unwrap_err().kind(), io::ErrorKind::InvalidInput, "case {i}");
    }
    // getaddrinfo's NUL (CPython cuts the string short) is refused too.
    for (host, port, arg) in [("localhost\0x", "80", "host"), ("127.0.0.1", "80\0x", "port")] {
        let err = getaddrinfo(Some(host), port, 0, 0, 0, AI_NUMERICHOST).unwrap_err();
        assert_eq!(
            (err.kind(), err.to_string()),
            (io::ErrorKind::InvalidInput, format!("{arg}: embedded null character"))
        );
        assert_eq!(ResolveError::from_io(&err).map(ResolveError::class), Some(ResolveErrorClass::InvalidArgument));
    }
    // sethostname's NUL check is tested in sock-resolve, inside a private UTS namespace.
}
