//! CAN_ISOTP against the real kernel: CPython's ISOTPTest, options, 4095-byte messages over
//! classic frames, larger ones over CAN FD frames.
#![cfg(feature = "can")]

#[path = "can_support/mod.rs"]
mod support;

use std::io;

use sock_can::consts::*;
use sock_can::{AnyCanAddr, IsoTpAddr, IsoTpFcOptions, IsoTpLlOptions, IsoTpOptions, IsoTpSocket};
use sock_core::{Family, Protocol, Socket, Type};
use support::{have_fd, have_iface, IF, WAIT};

fn have_isotp() -> bool {
    sock_tests::require("AF_CAN CAN_ISOTP sockets", IsoTpSocket::new())
}

fn pair(a_rx: u32, a_tx: u32) -> (IsoTpSocket, IsoTpSocket) {
    let a = IsoTpSocket::bound((IF, a_rx, a_tx)).unwrap();
    let b = IsoTpSocket::bound((IF, a_tx, a_rx)).unwrap();
    for s in [&a, &b] {
        s.as_ref().set_timeout(Some(WAIT)).unwrap();
    }
    (a, b)
}

#[test]
fn isotptest_create_socket() {
    if !have_isotp() {
        return;
    }
    let s = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP))).unwrap();
    assert_eq!(s.protocol(), Protocol(CAN_ISOTP));
}

#[test]
fn isotptest_too_long_interface_name() {
    if !have_isotp() {
        return;
    }
    let s = IsoTpSocket::new().unwrap();
    let e = s.bind((&"x".repeat(1024)[..], 1, 2)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("interface name too long"), "{e}");
}

#[test]
fn isotptest_bind_round_trips() {
    if !have_isotp() || !have_iface(IF) {
        return;
    }
    let s = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_ISOTP))).unwrap();
    s.bind((IF, 0x123u32, 0x456u32)).unwrap();
    let name = s.local_addr().unwrap();
    let AnyCanAddr::IsoTp(a) = AnyCanAddr::decode_with(&name, s.protocol()).unwrap() else { panic!("shape") };
    assert_eq!(a, IsoTpAddr::new(IF, 0x123, 0x456).unwrap());
    assert_eq!(a.to_string(), "vcan0:0x123:0x456");
}

#[test]
fn options_round_trip() {
    if !have_isotp() {
        return;
    }
    let s = IsoTpSocket::new().unwrap();
    assert_eq!(s.opts().unwrap(), IsoTpOptions::default());
    let opts =
        IsoTpOptions { flags: CAN_ISOTP_TX_PADDING | CAN_ISOTP_RX_PADDING, txpad_content: 0xAA, ..Default::default() };
    s.set_opts(&opts).unwrap();
    assert_eq!(s.opts().unwrap(), opts);
    let fc = IsoTpFcOptions { bs: 4, stmin: 0x05, wftmax: 2 };
    s.set_recv_fc(&fc).unwrap();
    assert_eq!(s.recv_fc().unwrap(), fc);
    s.set_tx_stmin(500_000).unwrap();
    assert_eq!(s.tx_stmin().unwrap(), 500_000);
    s.set_rx_stmin(100_000).unwrap();
    assert_eq!(s.rx_stmin().unwrap(), 100_000);
    let ll = IsoTpLlOptions::can_fd(64).unwrap().with_tx_flags(CANFD_BRS);
    assert_eq!((ll.mtu(), ll.tx_dl()), (CANFD_MTU, 64));
    s.set_ll_opts(&ll).unwrap();
    assert_eq!(s.ll_opts().unwrap(), ll);
    let bad = IsoTpLlOptions { mtu: 17, ..IsoTpLlOptions::default() };
    let e = s.set_ll_opts(&bad).unwrap_err();
    assert_eq!((e.kind(), sock_core::errno(&e)), (io::ErrorKind::InvalidInput, Some(libc::EINVAL)));
    // Issue 16: the option is named.
    assert!(e.to_string().starts_with("setsockopt CAN_ISOTP_LL_OPTS: "), "{e}");
}

#[test]
fn message_of_4095_bytes() {
    if !have_isotp() || !have_iface(IF) {
        return;
    }
    let (a, b) = pair(0x301, 0x302);
    let msg: Vec<u8> = (0..4095u32).map(|i| (i * 7) as u8).collect();
    assert_eq!(a.send(&msg).unwrap(), 4095);
    assert_eq!(b.recv_vec().unwrap(), msg);
    // And back, into a caller buffer.
    b.send(b"short").unwrap();
    let mut buf = [0u8; 64];
    let n = a.recv(&mut buf).unwrap();
    assert_eq!(&buf[..n], b"short");
}

#[test]
fn larger_message_over_can_fd() {
    if !have_isotp() || !have_fd(IF) {
        return;
    }
    let ll = IsoTpLlOptions::can_fd(64).unwrap();
    let a = IsoTpSocket::new().unwrap();
    let b = IsoTpSocket::new().unwrap();
    for s in [&a, &b] {
        s.set_ll_opts(&ll).unwrap();
        s.as_ref().set_timeout(Some(WAIT)).unwrap();
    }
    a.bind((IF, 0x303u32, 0x304u32)).unwrap();
    b.bind((IF, 0x304u32, 0x303u32)).unwrap();
    // 6.1 takes up to 8200 bytes (32-bit FF_DL) where classic addressing stops at 4095.
    let msg: Vec<u8> = (0..8000u32).map(|i| (i % 251) as u8).collect();
    assert_eq!(a.send(&msg).unwrap(), msg.len());
    assert_eq!(b.recv_vec().unwrap(), msg);
}
