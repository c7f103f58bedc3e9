#![cfg(feature = "unix")]
//! Credentials against the real kernel: SO_PEERCRED, SCM_CREDENTIALS with SO_PASSCRED (sent
//! implicitly, explicitly, and by a Python process), SO_PEERSEC/SO_PASSSEC, and conversions
//! into the standard library's Unix socket types.

use std::io::{self, IoSlice, IoSliceMut, Read, Write};
use std::os::fd::OwnedFd;
use std::os::unix::net::{UnixListener, UnixStream};

use sock_core::{Family, Mode, Socket, Type};
use sock_unix::{Credentials, UnixSocketExt};

/// A close-on-exec pipe (reader, writer).
fn pipe() -> (std::fs::File, std::fs::File) {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).expect("pipe2");
    (std::fs::File::from(r), std::fs::File::from(w))
}

#[test]
fn peer_cred_is_this_process() {
    let me = Credentials::current();
    for ty in [Type::STREAM, Type::SEQPACKET, Type::DGRAM] {
        let (a, b) = sock_unix::socketpair_with(ty).unwrap();
        assert_eq!(a.peer_cred().unwrap(), me);
        assert_eq!(b.peer_cred().unwrap(), me);
    }
    let name = format!("\0sock-unix-peercred-{}", std::process::id());
    let server = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    server.bind(name.as_str()).unwrap();
    server.listen(None).unwrap();
    let client = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
    client.connect(name.as_str()).unwrap();
    let (conn, _) = server.accept().unwrap();
    assert_eq!(conn.peer_cred().unwrap(), me);
    assert_eq!(client.peer_cred().unwrap(), me);
}

fn recv_creds(sock: &Socket) -> (Vec<u8>, Option<Credentials>) {
    let (data, creds, flags) = recv_creds_flags(sock);
    assert_eq!(flags, 0);
    (data, creds)
}

fn recv_creds_flags(sock: &Socket) -> (Vec<u8>, Option<Credentials>, i32) {
    let mut buf = [0u8; 64];
    let (msg, creds) = sock.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0).unwrap();
    (buf[..msg.bytes].to_vec(), creds, msg.flags.bits())
}

#[test]
fn scm_credentials_with_pass_cred() {
    let me = Credentials::current();
    let (a, b) = sock_unix::socketpair_with(Type::DGRAM).unwrap();
    assert!(!b.pass_cred().unwrap());
    // Without SO_PASSCRED nothing is attached.
    a.send(b"plain").unwrap();
    assert_eq!(recv_creds(&b), (b"plain".to_vec(), None));

    b.set_pass_cred(true).unwrap();
    assert!(b.pass_cred().unwrap());
    a.send(b"implicit").unwrap();
    assert_eq!(recv_creds(&b), (b"implicit".to_vec(), Some(me)));

    a.send_credentials(&[IoSlice::new(b"explicit")], &me, 0).unwrap();
    assert_eq!(recv_creds(&b), (b"explicit".to_vec(), Some(me)));

    let forged = Credentials { pid: 1, ..me };
    let sent = a.send_credentials(&[IoSlice::new(b"forged")], &forged, 0);
    if sock_tests::is_root() {
        // CAP_SYS_ADMIN may speak for any existing pid.
        sent.unwrap();
        assert_eq!(recv_creds(&b), (b"forged".to_vec(), Some(forged)));
    } else {
        assert_eq!(sock_core::errno(&sent.unwrap_err()), Some(libc::EPERM));
    }
}

#[test]
fn credentials_and_fds_together_leak_nothing() {
    // recv_credentials closes fds that come along; the generic path takes both.
    let (a, b) = sock_unix::socketpair().unwrap();
    b.set_pass_cred(true).unwrap();
    let (r, w) = pipe();
    a.send_fds(&[IoSlice::new(b"both")], &[&w], 0).unwrap();
    a.send_fds(&[IoSlice::new(b"again")], &[&w], 0).unwrap();
    // No room for the fd: the kernel flags MSG_CTRUNC and keeps it.
    let (data, creds, flags) = recv_creds_flags(&b);
    assert_eq!((data.as_slice(), creds), (&b"both"[..], Some(Credentials::current())));
    assert_eq!(flags, sock_core::consts::MSG_CTRUNC);
    let link = std::fs::read_link(format!("/proc/self/fd/{}", std::os::fd::AsRawFd::as_raw_fd(&w))).unwrap();
    let refs = || {
        std::fs::read_dir("/proc/self/fd")
            .unwrap()
            .filter_map(|e| std::fs::read_link(e.ok()?.path()).ok())
            .filter(|l| *l == link)
            .count()
    };
    assert_eq!(refs(), 2);

    let mut buf = [0u8; 16];
    let mut control = [0u8; 128];
    let (msg, fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
    assert_eq!(&buf[..msg.bytes], b"again");
    let creds = sock_core::cmsg::CmsgIter::new(&control[..msg.control_len]).find_map(|i| Credentials::from_cmsg(&i));
    assert_eq!(creds, Some(Credentials::current()));
    assert_eq!(fds.len(), 1);
    assert_eq!(refs(), 3);
    drop(fds);
    assert_eq!(refs(), 2);
    drop((r, w));
}

const PY_CREDS: &str = r#"
import os, socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
name = bytes.fromhex(sys.argv[1])
s.sendto(b"implicit", name)
creds = struct.pack("iII", os.getpid(), os.getuid(), os.getgid())
s.sendmsg([b"explicit"], [(socket.SOL_SOCKET, socket.SCM_CREDENTIALS, creds)], 0, name)
print(os.getpid(), os.getuid(), os.getgid())
"#;

#[test]
fn receiver_sees_a_python_senders_credentials() {
    if !sock_tests::require("python3 as a reference peer", sock_tests::have_program("python3")) {
        return;
    }
    let name = format!("\0sock-unix-pycreds-{}", std::process::id());
    let s = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    s.bind(name.as_str()).unwrap();
    s.set_pass_cred(true).unwrap();
    let hex: String = name.bytes().map(|b| format!("{b:02x}")).collect();
    let out = sock_tests::python(PY_CREDS, &[&hex]);
    let ids: Vec<u32> = out.split_whitespace().map(|v| v.parse().unwrap()).collect();
    let python = Credentials { pid: ids[0] as i32, uid: ids[1], gid: ids[2] };
    assert_ne!(python.pid, Credentials::current().pid);
    assert_eq!(recv_creds(&s), (b"implicit".to_vec(), Some(python)));
    assert_eq!(recv_creds(&s), (b"explicit".to_vec(), Some(python)));
}

#[test]
fn peer_sec_and_pass_sec() {
    let (a, _b) = sock_unix::socketpair().unwrap();
    match a.peer_sec() {
        Ok(label) => assert!(!label.contains(&0) || label.is_empty(), "{label:?}"),
        Err(e) => assert_eq!(sock_core::errno(&e), Some(libc::ENOPROTOOPT), "{e}"),
    }
    assert!(!a.pass_sec().unwrap());
    a.set_pass_sec(true).unwrap();
    assert!(a.pass_sec().unwrap());
}

#[test]
fn into_std_types_and_back() {
    let (a, b) = sock_unix::socketpair().unwrap();
    a.set_timeout(Some(std::time::Duration::from_secs(5))).unwrap();
    let mut sa = a.into_unix_stream().unwrap();
    let mut sb = b.into_unix_stream().unwrap();
    sa.write_all(b"through std").unwrap();
    let mut buf = [0u8; 11];
    sb.read_exact(&mut buf).unwrap();
    assert_eq!(&buf, b"through std");
    // Timeout mode became blocking: std sees a blocking fd.
    let back = Socket::from(OwnedFd::from(sa));
    assert_eq!((back.family(), back.ty()), (Family::UNIX, Type::STREAM));
    let flags = nix::fcntl::fcntl(back.as_fd(), nix::fcntl::FcntlArg::F_GETFL).unwrap();
    assert!(!nix::fcntl::OFlag::from_bits_retain(flags).contains(nix::fcntl::OFlag::O_NONBLOCK));

    let nb = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    nb.set_mode(Mode::NonBlocking).unwrap();
    let dgram = nb.into_unix_datagram().unwrap();
    assert_eq!(dgram.recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);

    let wrong = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
    assert_eq!(wrong.into_unix_stream().unwrap_err().kind(), io::ErrorKind::InvalidInput);

    // std listener → Socket, and a std client connecting to it.
    let name = format!("\0sock-unix-std-{}", std::process::id());
    let std_addr = sock_unix::UnixAddr::from_bytes(name.as_bytes()).unwrap();
    let std_addr = std::os::unix::net::SocketAddr::try_from(std_addr).unwrap();
    let listener = UnixListener::bind_addr(&std_addr).unwrap();
    let sock_listener = Socket::from_fd(OwnedFd::from(listener)).unwrap();
    let mut client = UnixStream::connect_addr(&std_addr).unwrap();
    let (conn, _) = sock_listener.accept().unwrap();
    client.write_all(b"hi").unwrap();
    assert_eq!(conn.recv_vec(2).unwrap(), b"hi");
    let l = sock_listener.into_unix_listener().unwrap();
    assert!(l.local_addr().is_ok());
}
