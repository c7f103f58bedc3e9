#![cfg(feature = "unix")]
//! AF_UNIX addresses against the real kernel: CPython's TestLinuxAbstractNamespace and
//! TestUnixDomain cases, autobind, pathname sockets with non-UTF-8 names, and bad input.

use std::ffi::OsStr;
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use sock_core::{Family, FamilyAddr, Socket, Type};
use sock_unix::{UnixAddr, UnixSocketExt};

/// A fresh directory for this test's pathname sockets: temp dir + pid + test name.
fn test_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sock-unix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create test dir");
    dir
}

fn unix(ty: Type) -> Socket {
    Socket::new(Family::UNIX, ty, None).expect("AF_UNIX socket")
}

/// A unique abstract name for this test.
fn abstract_name(tag: &str) -> Vec<u8> {
    format!("\0sock-unix-test-{}-{tag}", std::process::id()).into_bytes()
}

#[test]
fn abstract_name_with_nul_and_ff_round_trips() {
    let mut name = abstract_name("hello");
    name.extend_from_slice(b"\0\xff");
    let server = unix(Type::STREAM);
    server.bind(&name[..]).unwrap();
    server.listen(None).unwrap();
    assert_eq!(server.local_unix_addr().unwrap().sun_path(), &name[..]);

    let client = unix(Type::STREAM);
    client.connect(&name[..]).unwrap();
    assert_eq!(client.peer_unix_addr().unwrap().sun_path(), &name[..]);
    let (conn, from) = server.accept().unwrap();
    assert!(UnixAddr::decode(&from).unwrap().is_unnamed());
    assert_eq!(conn.local_unix_addr().unwrap().sun_path(), &name[..]);
    // The exact length: no NUL added after an abstract name.
    assert_eq!(server.local_addr().unwrap().len(), 2 + name.len());
}

#[test]
fn abstract_name_length_limits() {
    let mut name = vec![0u8];
    name.extend(std::iter::repeat_n(b'h', 107));
    let s = unix(Type::STREAM);
    s.bind(&name[..]).unwrap();
    assert_eq!(s.local_unix_addr().unwrap().sun_path(), &name[..]);
    drop(s);

    name.push(b'h');
    let err = unix(Type::STREAM).bind(&name[..]).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
    sock_tests::assert_kind(UnixAddr::abstract_name(&name[1..]), io::ErrorKind::InvalidInput);
}

#[test]
fn str_and_typed_abstract_forms_are_accepted() {
    let name = String::from_utf8(abstract_name("str")).unwrap();
    let s = unix(Type::DGRAM);
    s.bind(name.as_str()).unwrap();
    assert_eq!(s.local_unix_addr().unwrap().sun_path(), name.as_bytes());
    let typed = UnixAddr::abstract_name(&abstract_name("typed")[1..]).unwrap();
    let t = unix(Type::DGRAM);
    t.bind(typed).unwrap();
    assert_eq!(t.local_unix_addr().unwrap(), typed);
    // Text form in, kernel name out.
    let text = format!("@sock-unix-test-{}-text\\xff", std::process::id());
    let parsed: UnixAddr = text.parse().unwrap();
    let u = unix(Type::DGRAM);
    u.bind(parsed).unwrap();
    assert_eq!(u.local_unix_addr().unwrap().to_string(), text);
}

/// `^\0[0-9a-f]{5}$`: the kernel's autobind names.
fn is_autobind_name(addr: &UnixAddr) -> bool {
    let Some(name) = addr.as_abstract_name() else { return false };
    name.len() == 5 && name.iter().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(b))
}

#[test]
fn autobind_names_are_unique_and_of_the_kernel_form() {
    let mut seen = std::collections::HashSet::new();
    let mut keep = Vec::new(); // sockets stay open so their names stay taken
    for ty in [Type::STREAM, Type::DGRAM, Type::SEQPACKET] {
        for form in 0..3 {
            let s = unix(ty);
            match form {
                0 => s.bind("").unwrap(),
                1 => s.bind(&b""[..]).unwrap(),
                _ => s.bind(UnixAddr::unnamed()).unwrap(),
            }
            let addr = s.local_unix_addr().unwrap();
            assert!(is_autobind_name(&addr), "{addr:?}");
            assert!(seen.insert(addr), "autobind name {addr} reused");
            keep.push(s);
        }
    }
}

#[test]
fn datagram_sender_address_unnamed_then_autobound() {
    let server = unix(Type::DGRAM);
    server.bind(&abstract_name("dgram-server")[..]).unwrap();
    let client = unix(Type::DGRAM);
    // An unbound sender stays unnamed: the receiver gets an empty address.
    client.send_to(b"anon", &abstract_name("dgram-server")[..]).unwrap();
    let (data, from) = server.recv_from_vec(16).unwrap();
    assert_eq!(data, b"anon");
    assert!(UnixAddr::decode(&from).unwrap().is_unnamed());

    client.bind("").unwrap();
    client.send_to(b"named", &abstract_name("dgram-server")[..]).unwrap();
    let (_, from) = server.recv_from_vec(16).unwrap();
    assert_eq!(UnixAddr::decode(&from).unwrap(), client.local_unix_addr().unwrap());
}

#[test]
fn unbound_local_addr_is_unnamed() {
    for ty in [Type::STREAM, Type::DGRAM, Type::SEQPACKET] {
        let s = unix(ty);
        let addr = s.local_unix_addr().unwrap();
        assert!(addr.is_unnamed());
        assert_eq!(addr.to_string(), "");
    }
    let (a, _b) = sock_unix::socketpair().unwrap();
    assert!(a.local_unix_addr().unwrap().is_unnamed());
    assert!(a.peer_unix_addr().unwrap().is_unnamed());
}

#[test]
fn pathname_str_and_bytes_give_the_same_path() {
    let dir = test_dir("pathname");
    let path = dir.join("server.sock");
    let server = unix(Type::STREAM);
    server.bind(path.to_str().unwrap()).unwrap();
    server.listen(None).unwrap();
    let addr = server.local_unix_addr().unwrap();
    assert_eq!(addr.as_pathname(), Some(path.as_path()));
    assert_eq!(addr.to_string(), path.to_str().unwrap());
    // The kernel reports the length with the NUL, as we sent it.
    assert_eq!(server.local_addr().unwrap().len(), 2 + path.as_os_str().len() + 1);

    let client = unix(Type::STREAM);
    client.connect(path.as_os_str().as_bytes()).unwrap();
    assert_eq!(client.peer_unix_addr().unwrap(), addr);
    let c2 = unix(Type::STREAM);
    c2.connect(&path).unwrap();
    let c3 = unix(Type::STREAM);
    c3.connect(addr).unwrap();
    for _ in 0..3 {
        server.accept().unwrap();
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn non_utf8_pathname() {
    let dir = test_dir("non-utf8");
    let mut bytes = dir.as_os_str().as_bytes().to_vec();
    bytes.extend_from_slice(b"/sock-\xff\xfe-\xc3");
    let path = Path::new(OsStr::from_bytes(&bytes));
    let s = unix(Type::DGRAM);
    s.bind(path).unwrap();
    assert!(path.exists());
    let addr = s.local_unix_addr().unwrap();
    assert_eq!(addr.as_pathname(), Some(path));
    let text = addr.to_string();
    assert!(text.ends_with("/sock-\\xff\\xfe-\\xc3"), "{text}");
    assert_eq!(text.parse::<UnixAddr>().unwrap(), addr);

    let c = unix(Type::DGRAM);
    c.send_to(b"x", addr).unwrap();
    assert_eq!(s.recv_vec(4).unwrap(), b"x");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn pathname_length_limits() {
    // Relative paths: 107 bytes fits with its NUL, 108 does not.
    let dir = test_dir("limits");
    let prefix = dir.as_os_str().as_bytes().len() + 1;
    if prefix + 10 < 107 {
        let name = "n".repeat(107 - prefix);
        let path = dir.join(&name);
        assert_eq!(path.as_os_str().len(), 107);
        let s = unix(Type::DGRAM);
        s.bind(&path).unwrap();
        assert_eq!(s.local_unix_addr().unwrap().as_pathname(), Some(path.as_path()));
        let long = dir.join(format!("{name}n"));
        let err = unix(Type::DGRAM).bind(&long).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
        assert!(!long.exists());
    }
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn bad_input_is_invalid_input_never_a_panic() {
    let s = unix(Type::STREAM);
    let cases: Vec<io::Result<()>> = vec![
        s.bind("p".repeat(108)),
        s.bind("/tmp/with\0nul"),
        s.connect(&b"/tmp/with\0nul"[..]),
        s.bind(vec![0u8; 109]),
        s.bind(std::ffi::OsString::from("x".repeat(200))),
    ];
    for (i, r) in cases.into_iter().enumerate() {
        let err = r.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "case {i}: {err}");
        let text = err.to_string();
        assert!(text.starts_with("bind: address:") || text.starts_with("connect: address:"), "case {i}: {err}");
    }
    sock_tests::assert_kind("\\q".parse::<UnixAddr>(), io::ErrorKind::InvalidInput);
    // Connecting to a name nobody listens on is the kernel's error.
    let err = s.connect(&abstract_name("nobody")[..]).unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::ECONNREFUSED));
}

#[test]
fn std_socket_addrs_convert_both_ways() {
    let name = abstract_name("std");
    let s = unix(Type::DGRAM);
    s.bind(&name[..]).unwrap();
    let ours = s.local_unix_addr().unwrap();
    let theirs = std::os::unix::net::SocketAddr::try_from(ours).unwrap();
    use std::os::linux::net::SocketAddrExt;
    assert_eq!(theirs.as_abstract_name(), Some(&name[1..]));
    assert_eq!(UnixAddr::from(&theirs), ours);
    // std's own address works as an argument too.
    let c = unix(Type::DGRAM);
    c.connect(&theirs).unwrap();
    c.send(b"via std addr").unwrap();
    assert_eq!(s.recv_vec(32).unwrap(), b"via std addr");
}

/// Issue 16: bind errors name the address in its text form: `@name` for an abstract name,
/// the path for a pathname; the errno stays readable.
#[test]
fn bind_errors_name_the_address() {
    let name = format!("sock-tests-bind-{}", std::process::id());
    let first = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    first.bind(UnixAddr::abstract_name(name.as_bytes()).unwrap()).unwrap();
    let second = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    let e = second.bind(UnixAddr::abstract_name(name.as_bytes()).unwrap()).unwrap_err();
    assert_eq!(e.kind(), std::io::ErrorKind::AddrInUse);
    assert_eq!(sock_core::errno(&e), Some(libc::EADDRINUSE));
    assert_eq!(e.to_string(), format!("bind @{name}: Address already in use (EADDRINUSE)"));

    let e = second.bind(UnixAddr::pathname("/nonexistent-dir/sock").unwrap()).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::ENOENT));
    assert_eq!(e.to_string(), "bind /nonexistent-dir/sock: No such file or directory (ENOENT)");
}
