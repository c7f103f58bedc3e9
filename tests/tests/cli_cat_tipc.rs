//! `sock cat tipc:` and `tipc-listen:` (crates/sock-cli) against a TIPC socket opened here:
//! bytes exact both ways over a stream connection by service name. Needs the tipc module (the
//! test VM); skips on the host.
#![cfg(all(feature = "cli", feature = "tipc"))]

#[path = "cli_support/mod.rs"]
mod support;

use std::io;

use sock_core::{Family, Socket, Type};
use sock_tipc::TipcAddr;
use support::{start, WAIT};

/// A TIPC stream socket, or `None` (after `require`) when the kernel has no TIPC.
fn tipc_stream() -> Option<Socket> {
    let probe = Socket::new(Family::TIPC, Type::STREAM, None);
    if !sock_tests::require("AF_TIPC sockets (modprobe tipc)", probe.as_ref().map(|_| ())) {
        return None;
    }
    let s = probe.ok()?;
    s.set_timeout(Some(WAIT)).unwrap();
    Some(s)
}

/// A service type unique to one test of this process (other test files use other bases).
fn service_type(test: u32) -> u32 {
    3_000_000 + (std::process::id() % 100_000) * 16 + test
}

fn payload(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 + 7) as u8).collect()
}

fn read_exact(s: &Socket, len: usize) -> Vec<u8> {
    let mut all = vec![0u8; len];
    let mut at = 0;
    while at < len {
        let n = s.recv(&mut all[at..]).expect("recv");
        assert_ne!(n, 0, "end of file after {at} of {len} bytes");
        at += n;
    }
    all
}

#[test]
fn cat_connects_to_a_tipc_service() {
    let Some(srv) = tipc_stream() else { return };
    let ty = service_type(0);
    srv.bind(TipcAddr::service_range(ty, 10, 20)).unwrap();
    srv.listen(None).unwrap();
    let data = payload(100_000);
    let ours = start(&["cat", "-", &format!("tipc:{ty}:15")], io::Cursor::new(data.clone()));
    let (conn, _) = srv.accept().unwrap();
    conn.set_timeout(Some(WAIT)).unwrap();
    // TIPC has no half-close: the data, not an end of file, then the reply and the close.
    assert_eq!(read_exact(&conn, data.len()), data);
    conn.send_all(b"reply").unwrap();
    drop(conn);
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(out.stdout.bytes(), b"reply");
}

#[test]
fn cat_listens_on_a_tipc_service() {
    let Some(cli) = tipc_stream() else { return };
    let ty = service_type(1);
    let ours = start(&["cat", &format!("tipc-listen:{ty}:7"), "-"], io::Cursor::new(b"hello".to_vec()));
    let msg = ours.ready.recv_timeout(WAIT).unwrap_or_else(|_| panic!("not listening: {}", ours.out.stderr.text()));
    assert!(msg.starts_with("listening "), "{msg}");
    cli.connect(TipcAddr::service(ty, 7)).unwrap();
    let data = payload(50_000);
    cli.send_all(&data).unwrap();
    // TIPC has no half-close: read the greeting, then close.
    assert_eq!(read_exact(&cli, 5), b"hello");
    drop(cli);
    let (code, out) = ours.finish();
    assert_eq!(code, 0, "{}", out.stderr.text());
    assert_eq!(out.stdout.bytes(), data);
}

#[test]
fn tipc_errors_name_the_endpoint() {
    let (code, out) = start(&["cat", "tipc:1:x", "-"], io::empty()).finish();
    assert_eq!(code, 1);
    assert!(out.stderr.text().starts_with("sock: tipc:1:x: "), "{}", out.stderr.text());
}
