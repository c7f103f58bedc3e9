#![cfg(feature = "unix")]
//! CPython's own `socket` module as the real peer: `socket.send_fds` on one end and this
//! crate's `recv_fds` on the other, and the reverse; abstract addresses (with NUL and 0xff
//! bytes, and autobind names) exchanged both ways; `SO_PEERCRED` of another process.

use std::io::{IoSlice, Read, Write};
use std::os::fd::AsFd;
use std::path::PathBuf;
use std::time::Duration;

use sock_core::{Family, FamilyAddr, Socket, Type};
use sock_unix::{recv_fds, UnixAddr, UnixSocketExt};

fn require_python() -> bool {
    sock_tests::require("python3 as a reference peer", sock_tests::have_program("python3"))
}

/// A fresh directory for this test's pathname sockets: temp dir + pid + test name.
fn test_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sock-unix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create test dir");
    dir
}

fn listener(path: &std::path::Path) -> Socket {
    let s = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    s.bind(path).unwrap();
    s.listen(None).unwrap();
    s.set_timeout(Some(Duration::from_secs(30))).unwrap();
    s
}

const PY_SENDS: &str = r#"
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
fds = []
for i in range(3):
    r, w = os.pipe()
    os.write(w, b"python pipe %d" % i)
    os.close(w)
    fds.append(r)
socket.send_fds(s, [b"from ", b"python"], fds)
print(os.getpid(), os.getuid(), os.getgid())
"#;

#[test]
fn python_send_fds_to_rust_recv_fds() {
    if !require_python() {
        return;
    }
    let dir = test_dir("py-sends");
    let path = dir.join("s");
    let server = listener(&path);
    let out = sock_tests::python(PY_SENDS, &[path.to_str().unwrap()]);
    let ids: Vec<i64> = out.split_whitespace().map(|v| v.parse().unwrap()).collect();

    let (conn, _) = server.accept().unwrap();
    // SO_PEERCRED keeps the connecting process's identity after it exited.
    let peer = conn.peer_cred().unwrap();
    assert_eq!((i64::from(peer.pid), i64::from(peer.uid), i64::from(peer.gid)), (ids[0], ids[1], ids[2]));
    assert_ne!(peer.pid as u32, std::process::id());

    let (data, fds, flags, _) = recv_fds(&conn, 1024, 8, 0).unwrap();
    assert_eq!(data, b"from python");
    assert!(flags.is_empty(), "{flags:?}");
    assert_eq!(fds.len(), 3);
    for (i, fd) in fds.into_iter().enumerate() {
        let mut text = String::new();
        std::fs::File::from(fd).read_to_string(&mut text).unwrap();
        assert_eq!(text, format!("python pipe {i}"));
    }
    std::fs::remove_dir_all(dir).unwrap();
}

const PY_RECEIVES: &str = r#"
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(30)
s.connect(sys.argv[1])
msg, fds, flags, addr = socket.recv_fds(s, 1024, 8)
texts = [os.read(fd, 100).decode() for fd in fds]
print(msg.decode(), len(fds), flags, "|".join(texts), sep="\n")
"#;

#[test]
fn rust_send_fds_to_python_recv_fds() {
    if !require_python() {
        return;
    }
    let dir = test_dir("py-receives");
    let path = dir.join("s");
    let server = listener(&path);
    let arg = path.to_str().unwrap().to_owned();
    let peer = std::thread::spawn(move || sock_tests::python(PY_RECEIVES, &[&arg]));

    let (conn, _) = server.accept().unwrap();
    let mut readers = Vec::new();
    for i in 0..4 {
        let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).unwrap();
        let mut w = std::fs::File::from(w);
        write!(w, "rust pipe {i}").unwrap();
        readers.push(r);
    }
    let fds: Vec<_> = readers.iter().map(|r| r.as_fd()).collect();
    conn.send_fds(&[IoSlice::new(b"from "), IoSlice::new(b"rust")], &fds, 0).unwrap();
    let out = peer.join().unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines, ["from rust", "4", "0", "rust pipe 0|rust pipe 1|rust pipe 2|rust pipe 3"]);
    std::fs::remove_dir_all(dir).unwrap();
}

const PY_DGRAM: &str = r#"
import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(b"")
s.sendto(b"autobound", bytes.fromhex(sys.argv[1]))
t = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
t.bind(bytes.fromhex(sys.argv[2]))
t.sendto(b"named", bytes.fromhex(sys.argv[1]))
print(s.getsockname().hex(), t.getsockname().hex())
"#;

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn abstract_addresses_agree_with_python() {
    if !require_python() {
        return;
    }
    let pid = std::process::id();
    let ours = UnixAddr::abstract_name(format!("sock-py-{pid}\0\u{ff}").as_bytes()).unwrap();
    let theirs = UnixAddr::abstract_name(format!("sock-py-peer-{pid}\0\u{ff}\x01").as_bytes()).unwrap();
    let s = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    s.bind(ours).unwrap();
    let out = sock_tests::python(PY_DGRAM, &[&hex(ours.sun_path()), &hex(theirs.sun_path())]);
    let names: Vec<&str> = out.split_whitespace().collect();

    let (data, from) = s.recv_from_vec(64).unwrap();
    assert_eq!(data, b"autobound");
    let autobound = UnixAddr::decode(&from).unwrap();
    assert_eq!(hex(autobound.sun_path()), names[0]);
    assert_eq!(autobound.as_abstract_name().unwrap().len(), 5);

    let (data, from) = s.recv_from_vec(64).unwrap();
    assert_eq!(data, b"named");
    assert_eq!(UnixAddr::decode(&from).unwrap(), theirs);
    assert_eq!(hex(theirs.sun_path()), names[1]);
}

const PY_PATH: &str = r#"
import os, socket, sys
path = os.fsdecode(bytes.fromhex(sys.argv[1]))
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(path)
print(os.fsencode(s.getsockname()).hex())
"#;

#[test]
fn non_utf8_pathname_agrees_with_python() {
    if !require_python() {
        return;
    }
    let dir = test_dir("py-path");
    let mut bytes = std::os::unix::ffi::OsStrExt::as_bytes(dir.as_os_str()).to_vec();
    bytes.extend_from_slice(b"/py-\xff\xfe");
    let out = sock_tests::python(PY_PATH, &[&hex(&bytes)]);
    assert_eq!(out.trim(), hex(&bytes));
    // Python bound it; we reach it by the same bytes.
    let c = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    let err = c.connect(&bytes[..]).unwrap_err(); // the Python socket is closed now
    assert_eq!(sock::errno(&err), Some(libc::ECONNREFUSED));
    std::fs::remove_dir_all(dir).unwrap();
}
