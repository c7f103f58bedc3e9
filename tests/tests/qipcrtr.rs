#![cfg(feature = "qipcrtr")]
//! AF_QIPCRTR against the real kernel (module `qrtr`; the host usually lacks it, the test VM
//! loads it): CPython's BasicQIPCRTRTest cases and a datagram between two local ports.

use std::io;
use std::time::Duration;

use sock_core::{Family, FamilyAddr, Socket, Type};
use sock_qipcrtr::*;

/// A QIPCRTR datagram socket, or `None` after a SOCK-SKIP line (a failure under
/// SOCK_REQUIRE_ALL=1) when the kernel has no AF_QIPCRTR.
fn qrtr_socket() -> Option<Socket> {
    let probe = Socket::new(Family::QIPCRTR, Type::DGRAM, None);
    if !sock_tests::require("AF_QIPCRTR sockets (module qrtr)", probe.as_ref().map(drop)) {
        return None;
    }
    probe.ok()
}

fn local(sock: &Socket) -> QipcrtrAddr {
    QipcrtrAddr::decode(&sock.local_addr().unwrap()).unwrap()
}

#[test]
fn unbound_socket_has_port_zero() {
    let Some(sock) = qrtr_socket() else { return };
    assert_eq!(local(&sock).port, 0);
}

#[test]
fn bind_to_own_node_picks_a_port() {
    let Some(sock) = qrtr_socket() else { return };
    let node = local(&sock).node;
    sock.bind(QipcrtrAddr::new(node, 0)).unwrap();
    let bound = local(&sock);
    assert_eq!(bound.node, node);
    assert_ne!(bound.port, 0);
    assert_eq!(bound.to_string().parse::<QipcrtrAddr>().unwrap(), bound);
}

#[test]
fn bind_to_another_node_fails() {
    let Some(sock) = qrtr_socket() else { return };
    // CPython's test binds host=-2, which its "II" format turns into 0xfffffffe.
    let err = sock.bind(QipcrtrAddr::new(u32::MAX - 1, 0)).unwrap_err();
    assert!(sock_core::errno(&err).is_some(), "an OS error, not a local one: {err:?}");
}

#[test]
fn connect_autobinds() {
    let Some(sock) = qrtr_socket() else { return };
    sock.connect(QipcrtrAddr::new(123, 123)).unwrap();
    assert_ne!(local(&sock).port, 0);
    assert_eq!(QipcrtrAddr::decode(&sock.peer_addr().unwrap()).unwrap(), QipcrtrAddr::new(123, 123));
}

#[test]
fn datagram_between_two_local_ports() {
    let Some(a) = qrtr_socket() else { return };
    let b = Socket::new(Family::QIPCRTR, Type::DGRAM, None).unwrap();
    let node = local(&a).node;
    a.bind(QipcrtrAddr::new(node, 0)).unwrap();
    b.bind(QipcrtrAddr::new(node, 0)).unwrap();
    b.set_timeout(Some(Duration::from_secs(5))).unwrap();
    a.send_to(b"qrtr hello", local(&b)).unwrap();
    let mut buf = [0u8; 64];
    let (n, from) = b.recv_from(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"qrtr hello");
    assert_eq!(QipcrtrAddr::decode(&from).unwrap(), local(&a));
}

#[test]
fn wrong_family_addresses_are_rejected() {
    let inet = sock_core::SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
    assert_eq!(QipcrtrAddr::decode(&inet).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    assert_eq!(AF_QIPCRTR, 42);
}
