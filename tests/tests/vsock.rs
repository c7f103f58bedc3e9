#![cfg(feature = "vsock")]
//! AF_VSOCK against the real kernel: CPython's BasicVSOCKTest and ThreadedVSOCKSocketStreamTest,
//! SOCK_SEQPACKET, and socat as a real peer. Traffic needs the `vsock_loopback` transport
//! (loaded in the test VM); the option tests need only the `vsock` core.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::Duration;

use sock_core::{Family, Socket, Type};
use sock_vsock::{
    local_cid, VsockAddr, VsockSocketExt, BUFFER_MAX_SIZE, BUFFER_MIN_SIZE, BUFFER_SIZE, SOL_VSOCK,
    SO_VM_SOCKETS_BUFFER_SIZE, VMADDR_CID_ANY, VMADDR_CID_LOCAL, VMADDR_PORT_ANY,
};

const MSG: &[u8] = "Michael Gilfix was here\u{1234}\r\n".as_bytes();

mod vsock_support;
use vsock_support::{listener, peer_cid, require_loopback, vsock_socket};

#[test]
fn basic_buffer_size_options_round_trip_doubled() {
    let Some(s) = vsock_socket(Type::STREAM) else { return };
    let max = s.get(BUFFER_MAX_SIZE).unwrap();
    let size = s.get(BUFFER_SIZE).unwrap();
    let min = s.get(BUFFER_MIN_SIZE).unwrap();
    s.set(BUFFER_MAX_SIZE, &(max * 2)).unwrap();
    s.set(BUFFER_SIZE, &(size * 2)).unwrap();
    s.set(BUFFER_MIN_SIZE, &(min * 2)).unwrap();
    assert_eq!(s.get(BUFFER_MAX_SIZE).unwrap(), max * 2);
    assert_eq!(s.get(BUFFER_SIZE).unwrap(), size * 2);
    assert_eq!(s.get(BUFFER_MIN_SIZE).unwrap(), min * 2);
    // The raw form is 64 bits wide: an 8-byte getsockopt sees the same value.
    let raw = s.getsockopt_vec(SOL_VSOCK, SO_VM_SOCKETS_BUFFER_SIZE, 8).unwrap();
    assert_eq!(u64::from_ne_bytes(raw.try_into().unwrap()), size * 2);
}

#[test]
fn connect_timeout_option_round_trips() {
    let Some(s) = vsock_socket(Type::STREAM) else { return };
    s.set_connect_timeout(Duration::from_secs(3)).unwrap();
    assert_eq!(s.connect_timeout().unwrap(), Duration::from_secs(3));
    s.set_connect_timeout(Duration::from_millis(1500)).unwrap();
    let t = s.connect_timeout().unwrap();
    assert!(t >= Duration::from_millis(1500) && t < Duration::from_millis(1520), "{t:?}");
}

#[test]
fn unbound_socket_name_is_any_any() {
    let Some(s) = vsock_socket(Type::STREAM) else { return };
    let name = VsockAddr::try_from(&s.local_addr().unwrap()).unwrap();
    assert_eq!(name, VsockAddr::new(VMADDR_CID_ANY, VMADDR_PORT_ANY));
}

#[test]
fn local_cid_is_reported() {
    if !require_loopback() {
        return;
    }
    let cid = local_cid().unwrap();
    assert_ne!(cid, VMADDR_CID_ANY, "a loaded transport reports a CID");
}

#[test]
fn stream_echo_to_local_cid() {
    if vsock_socket(Type::STREAM).is_none() || !require_loopback() {
        return;
    }
    let (server, port) = listener(Type::STREAM);
    let echo = thread::spawn(move || {
        let (conn, peer) = server.accept().unwrap();
        let peer = VsockAddr::try_from(&peer).unwrap();
        let mut buf = [0u8; 1024];
        let n = conn.recv(&mut buf).unwrap();
        conn.send_all(&buf[..n]).unwrap();
        peer
    });
    let client = Socket::new(Family::VSOCK, Type::STREAM, None).unwrap();
    client.set_timeout(Some(Duration::from_secs(10))).unwrap();
    client.connect(VsockAddr::new(peer_cid(), port)).unwrap();
    client.send_all(MSG).unwrap();
    let mut got = vec![0u8; MSG.len()];
    (&client).read_exact(&mut got).unwrap();
    assert_eq!(got, MSG);
    let peer_seen_by_server = echo.join().unwrap();
    let client_name = VsockAddr::try_from(&client.local_addr().unwrap()).unwrap();
    assert_eq!(peer_seen_by_server.port, client_name.port);
    let server_name = VsockAddr::try_from(&client.peer_addr().unwrap()).unwrap();
    assert_eq!(server_name, VsockAddr::new(peer_cid(), port));
}

#[test]
fn seqpacket_keeps_message_boundaries() {
    if vsock_socket(Type::SEQPACKET).is_none() || !require_loopback() {
        return;
    }
    let (server, port) = listener(Type::SEQPACKET);
    let client = Socket::new(Family::VSOCK, Type::SEQPACKET, None).unwrap();
    client.set_timeout(Some(Duration::from_secs(10))).unwrap();
    client.connect(VsockAddr::new(peer_cid(), port)).unwrap();
    let (conn, _) = server.accept().unwrap();
    conn.set_timeout(Some(Duration::from_secs(10))).unwrap();
    client.send(b"first").unwrap();
    client.send(b"second message").unwrap();
    assert_eq!(conn.recv_vec(64).unwrap(), b"first");
    assert_eq!(conn.recv_vec(64).unwrap(), b"second message");
    // A short buffer truncates one message, and MSG_TRUNC reports its real length.
    client.send(b"0123456789").unwrap();
    let mut small = [0u8; 4];
    assert_eq!(conn.recv_with_flags(&mut small, libc::MSG_TRUNC).unwrap(), 10);
    assert_eq!(&small, b"0123");
}

#[test]
fn connect_to_nobody_fails() {
    if vsock_socket(Type::STREAM).is_none() || !require_loopback() {
        return;
    }
    let (server, port) = listener(Type::STREAM);
    drop(server);
    let client = Socket::new(Family::VSOCK, Type::STREAM, None).unwrap();
    client.set_timeout(Some(Duration::from_secs(10))).unwrap();
    let err = client.connect(VsockAddr::new(VMADDR_CID_LOCAL, port)).unwrap_err();
    // The loopback transport answers a connect to a port nobody listens on with a reset.
    assert_eq!(sock_core::errno(&err), Some(libc::ECONNRESET), "{err}");
}

/// A vsock port for a socat peer: unique per test and process.
fn socat_port(offset: u32) -> u32 {
    40_000 + (std::process::id() % 10_000) * 4 + offset
}

struct Reaped(Child);

impl Drop for Reaped {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn socat_listener_echoes_our_client() {
    if vsock_socket(Type::STREAM).is_none() || !require_loopback() {
        return;
    }
    if !sock_tests::require("socat as a vsock peer", sock_tests::have_program("socat")) {
        return;
    }
    let port = socat_port(0);
    let child = Command::new("socat")
        .arg(format!("VSOCK-LISTEN:{port}"))
        .arg("PIPE")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn socat");
    let reaper = Reaped(child);
    // Connect once socat waits for a connection (blocked in accept).
    let pid = reaper.0.id().to_string();
    assert!(sock_tests::wait_for_io_wait(&pid, Duration::from_secs(20)), "socat never listened on vsock port {port}");
    let client = Socket::new(Family::VSOCK, Type::STREAM, None).unwrap();
    client.connect(VsockAddr::new(VMADDR_CID_LOCAL, port)).unwrap();
    client.set_timeout(Some(Duration::from_secs(10))).unwrap();
    client.send_all(MSG).unwrap();
    let mut got = vec![0u8; MSG.len()];
    (&client).read_exact(&mut got).unwrap();
    assert_eq!(got, MSG);
}

#[test]
fn socat_client_reaches_our_listener() {
    if vsock_socket(Type::STREAM).is_none() || !require_loopback() {
        return;
    }
    if !sock_tests::require("socat as a vsock peer", sock_tests::have_program("socat")) {
        return;
    }
    let (server, port) = listener(Type::STREAM);
    server.set_timeout(Some(Duration::from_secs(20))).unwrap();
    let mut child = Command::new("socat")
        .arg("-")
        .arg(format!("VSOCK-CONNECT:{VMADDR_CID_LOCAL}:{port}"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn socat");
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let _reaper = Reaped(child);
    stdin.write_all(b"hello from socat\n").unwrap();
    let (conn, peer) = server.accept().unwrap();
    assert_eq!(VsockAddr::try_from(&peer).unwrap().cid, VMADDR_CID_LOCAL);
    conn.set_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = vec![0u8; 17];
    (&conn).read_exact(&mut got).unwrap();
    assert_eq!(got, b"hello from socat\n");
    conn.send_all(b"hello from sock\n").unwrap();
    conn.shutdown(std::net::Shutdown::Write).unwrap();
    drop(stdin);
    let mut out = String::new();
    stdout.read_to_string(&mut out).unwrap();
    assert_eq!(out, "hello from sock\n");
}
