//! `sock sniff` (crates/sock-cli) on `lo` as root: a UDP datagram sent over 127.0.0.1 shows up
//! as one line with its addresses, ports and length.
#![cfg(feature = "cli")]

use std::net::Ipv4Addr;
use std::sync::mpsc;
use std::time::Duration;

use sock::{Family, Socket, Type};

const WAIT: Duration = Duration::from_secs(20);

#[test]
fn sniff_sees_a_udp_datagram_on_lo() {
    if !sock_tests::require_root("AF_PACKET capture (root)") {
        return;
    }
    // A port for the filter: bound by a socket that stays open, so nobody else uses it.
    let sink = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sink.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let port = sink.local_addr().unwrap().as_socket().unwrap().port();
    let (ready_tx, ready) = mpsc::channel();
    let (done_tx, done) = mpsc::channel();
    let (io, out) = sock_cli::Io::captured(std::io::empty());
    let mut io = io.with_ready(ready_tx);
    let port_text = port.to_string();
    std::thread::spawn(move || {
        let code = sock_cli::run(["sock", "sniff", "lo", "--count", "1", "--port", &port_text], &mut io);
        let _ = done_tx.send(code);
    });
    assert!(ready.recv_timeout(WAIT).unwrap().starts_with("bound sniff lo"));
    let sender = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
    sender.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    let from = sender.local_addr().unwrap().as_socket().unwrap().port();
    sender.send_to(b"hello", (Ipv4Addr::LOCALHOST, port)).unwrap();
    let code = done.recv_timeout(WAIT).unwrap_or_else(|_| panic!("no line; stderr {}", out.stderr.text()));
    assert_eq!(code, 0, "{}", out.stderr.text());
    let text = out.stdout.text();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1, "{text}");
    // Ethernet header 14 + IPv4 20 + UDP 8 + 5 bytes.
    let want = format!(
        " lo out IPv4 0x0800 len 47 00:00:00:00:00:00 > 00:00:00:00:00:00 127.0.0.1:{from} > 127.0.0.1:{port} UDP"
    );
    assert!(lines[0].ends_with(&want), "{:?} does not end with {want:?}", lines[0]);
    let mut buf = [0u8; 8];
    assert_eq!(sink.recv(&mut buf).unwrap(), 5);
}

#[test]
fn sniff_on_a_missing_interface_names_it() {
    if !sock_tests::require_root("AF_PACKET capture (root)") {
        return;
    }
    let (mut io, out) = sock_cli::Io::captured(std::io::empty());
    assert_eq!(sock_cli::run(["sock", "sniff", "nosuchif0", "--count", "1"], &mut io), 1);
    let err = out.stderr.text();
    assert!(err.starts_with("sock: sniff nosuchif0: ") && err.contains("nosuchif0"), "{err}");
}
