#![cfg(feature = "unix")]
//! Regression tests for issue 13 in sock-unix that need a real socket: a pathname that fills
//! all 108 bytes of `sun_path` (no terminating NUL) as the kernel reports it.

use std::os::unix::ffi::OsStrExt;
use std::path::PathBuf;

use sock_core::{Family, SockAddr, Socket, Type};
use sock_unix::{UnixAddr, UnixSocketExt, UNIX_PATH_MAX};

/// A fresh directory whose absolute path leaves room for a socket file named `s`.
fn test_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sock-unix-fixes-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create test dir");
    dir
}

/// Issue 13: `local_addr()` of a socket bound to a 108-byte path (address length 110, or 111
/// where the kernel counts the NUL it writes past `sun_path`) must decode, print and parse
/// back; `UnixAddr::try_from` rejected it and its text did not parse.
#[test]
fn bound_108_byte_path_round_trips() {
    let base = test_dir();
    // base/<pad>/s with the whole path 108 bytes long.
    let used = base.as_os_str().len() + "/".len() + "/s".len();
    let Some(pad) = UNIX_PATH_MAX.checked_sub(used).filter(|&n| n > 0) else {
        println!("SOCK-SKIP: temp dir path {} is too long for a 108-byte socket path", base.display());
        return;
    };
    let dir = base.join("d".repeat(pad));
    std::fs::create_dir(&dir).expect("create padded dir");
    let path = dir.join("s");
    assert_eq!(path.as_os_str().len(), UNIX_PATH_MAX);

    let text = path.to_str().expect("ASCII temp path").to_string();
    let addr: UnixAddr = text.parse().expect("a 108-byte path parses");
    let sock = Socket::new(Family::UNIX, Type::STREAM, None).expect("AF_UNIX socket");
    sock.bind(addr).expect("bind to a 108-byte path");

    let raw: SockAddr = sock.local_addr().unwrap();
    assert!(raw.len() == 110 || raw.len() == 111, "kernel address length {}", raw.len());
    let got = UnixAddr::try_from(&raw).expect("the kernel's own address decodes");
    assert_eq!(got.as_pathname().map(|p| p.as_os_str().as_bytes()), Some(path.as_os_str().as_bytes()));
    assert_eq!(got, addr);
    assert_eq!(got.to_string(), text);
    assert_eq!(got.to_string().parse::<UnixAddr>().unwrap(), got);
    assert_eq!(sock.local_unix_addr().unwrap(), got);

    // A client reaches it through the decoded address.
    sock.listen(None).unwrap();
    let client = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    client.connect(got).expect("connect to the decoded address");
    assert_eq!(client.peer_unix_addr().unwrap(), got);

    drop((sock, client));
    let _ = std::fs::remove_dir_all(&base);
}
