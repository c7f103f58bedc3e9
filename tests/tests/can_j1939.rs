//! CAN_J1939 against the real kernel: CPython's J1939Test, options, unicast (single packet
//! and transport protocol) and broadcast between sockets, metadata from ancillary data.
#![cfg(feature = "can")]

#[path = "can_support/mod.rs"]
mod support;

use std::io;

use sock_can::consts::*;
use sock_can::{AnyCanAddr, J1939Addr, J1939Filter, J1939Socket};
use sock_core::{Family, Protocol, Socket, Type};
use support::{have_iface, IF, WAIT};

fn have_j1939() -> bool {
    sock_tests::require("AF_CAN CAN_J1939 sockets", J1939Socket::new())
}

fn node(addr: u8) -> J1939Socket {
    let s = J1939Socket::bound((IF, J1939_NO_NAME, J1939_NO_PGN, addr)).unwrap();
    s.as_ref().set_timeout(Some(WAIT)).unwrap();
    s
}

#[test]
fn j1939test_create_socket() {
    if !have_j1939() {
        return;
    }
    let s = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_J1939))).unwrap();
    assert_eq!(s.protocol(), Protocol(CAN_J1939));
}

#[test]
fn j1939test_bind_round_trips() {
    if !have_j1939() || !have_iface(IF) {
        return;
    }
    let s = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_J1939))).unwrap();
    s.bind((IF, J1939_NO_NAME, J1939_NO_PGN, J1939_NO_ADDR)).unwrap();
    let AnyCanAddr::J1939(a) = AnyCanAddr::decode_with(&s.local_addr().unwrap(), s.protocol()).unwrap() else {
        panic!("shape")
    };
    assert_eq!(a, J1939Addr::new(IF, J1939_NO_NAME, J1939_NO_PGN, J1939_NO_ADDR).unwrap());
}

#[test]
fn too_long_interface_name() {
    if !have_j1939() {
        return;
    }
    let e = J1939Socket::new().unwrap().bind((&"x".repeat(1024)[..], 0u64, 0u32, 0u8)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("interface name too long"));
}

#[test]
fn options_round_trip() {
    if !have_j1939() || !have_iface(IF) {
        return;
    }
    let s = node(0x20);
    s.set_promisc(true).unwrap();
    assert!(s.promisc().unwrap());
    s.set_send_prio(3).unwrap();
    assert_eq!(s.send_prio().unwrap(), 3);
    assert_eq!(s.set_send_prio(8).unwrap_err().kind(), io::ErrorKind::InvalidInput);
    s.set_errqueue(true).unwrap();
    assert!(s.errqueue().unwrap());
    s.set_filters(&[J1939Filter::pgn(0x12300), J1939Filter::source(0x80)]).unwrap();
    s.set_filters(&[]).unwrap();
}

#[test]
fn unicast_single_packet_and_transport() {
    if !have_j1939() || !have_iface(IF) {
        return;
    }
    let rx = node(0x90);
    let tx = node(0x80);
    assert_eq!(tx.send_to(b"\x01\x02\x03", J1939Addr::to(0x12300, 0x90)).unwrap(), 3);
    let mut buf = [0u8; 2048];
    let got = rx.recv(&mut buf).unwrap();
    assert_eq!(&buf[..got.len], b"\x01\x02\x03");
    assert_eq!((got.source.addr, got.source.pgn, got.source.name), (0x80, 0x12300, J1939_NO_NAME));
    assert_eq!(got.dest_addr, Some(0x90));
    assert_eq!(got.priority, Some(6), "default priority");
    let sock_can::Interface::Index(index) = got.source.interface else { panic!("receive leaves an index") };
    assert_eq!(sock_can::interface_from_index(index).to_string(), IF);

    // 1000 bytes go through the transport protocol (RTS/CTS), with a chosen priority.
    let big: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
    assert_eq!(tx.send_to_with_prio(&big, J1939Addr::to(0x12300, 0x90), 3).unwrap(), big.len());
    let got = rx.recv(&mut buf).unwrap();
    assert_eq!(&buf[..got.len], &big[..]);
    assert_eq!((got.source.addr, got.priority), (0x80, Some(3)));
    assert_eq!(tx.send_prio().unwrap(), 6, "the previous priority is back");

    // connect() sets the default destination for send().
    tx.connect(J1939Addr::new(IF, J1939_NO_NAME, 0x12300, 0x90).unwrap()).unwrap();
    tx.send(b"via connect").unwrap();
    let got = rx.recv(&mut buf).unwrap();
    assert_eq!(&buf[..got.len], b"via connect");
}

#[test]
fn broadcast_reaches_every_node() {
    if !have_j1939() || !have_iface(IF) {
        return;
    }
    const PGN: u32 = 0x0ff10; // PDU2: broadcast by nature
    let tx = node(0x81);
    tx.set_broadcast(true).unwrap();
    let receivers = [node(0x91), node(0x92)];
    for r in &receivers {
        r.set_broadcast(true).unwrap();
        r.set_filters(&[J1939Filter::pgn(PGN)]).unwrap();
    }
    tx.send_to(b"to all", J1939Addr::to(PGN, J1939_NO_ADDR)).unwrap();
    let mut buf = [0u8; 64];
    for r in &receivers {
        let got = r.recv(&mut buf).unwrap();
        assert_eq!(&buf[..got.len], b"to all");
        assert_eq!((got.source.addr, got.source.pgn, got.dest_addr), (0x81, PGN, None));
        // The kernel reports SCM_J1939_DEST_ADDR for unicast destinations only.
    }
    // Without SO_BROADCAST the kernel refuses to send to the broadcast address.
    let quiet = node(0x82);
    let e = quiet.send_to(b"x", J1939Addr::to(PGN, J1939_NO_ADDR)).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::EACCES), "{e}");
}

#[test]
fn transfer_reports_on_the_error_queue() {
    if !have_j1939() || !have_iface(IF) {
        return;
    }
    let rx = node(0x94);
    let tx = node(0x84);
    tx.set_tx_reports(true).unwrap();
    let data = [0x42u8; 100];
    tx.send_to(&data, J1939Addr::to(0x12700, 0x94)).unwrap();
    let mut buf = [0u8; 256];
    assert_eq!(rx.recv(&mut buf).unwrap().len, 100);
    let mut seen = Vec::new();
    let acked = loop {
        let report = tx.recv_report().unwrap().expect("a J1939 report");
        seen.push(report);
        if report.is_acked() {
            break report;
        }
        assert!(seen.len() < 10, "no ACK report among {seen:?}");
    };
    // Linux 6.1 reports the acknowledged byte count (newer kernels add size, PGN, addresses).
    assert_eq!((acked.errno, acked.bytes_acked), (libc::ENOMSG, Some(100)), "{acked:?}");

    // A transport session nobody answers is aborted, and reported so.
    tx.send_to(&data, J1939Addr::to(0x12700, 0x9f)).unwrap();
    let aborted = loop {
        let report = tx.recv_report().unwrap().expect("a J1939 report");
        if report.is_aborted() {
            break report;
        }
        assert!(!report.is_acked(), "a transfer to nobody was acknowledged: {report:?}");
    };
    assert_ne!(aborted.errno, 0);
}
