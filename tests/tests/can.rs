//! AF_CAN / CAN_RAW against the real kernel: CPython's BasicCANTest and CANTest, raw classic,
//! FD and XL round trips, filters, the error mask, timestamps and bad input.
#![cfg(feature = "can")]

#[path = "can_support/mod.rs"]
mod support;

use std::io;
use std::time::{Duration, SystemTime};

use sock_can::consts::*;
use sock_can::{
    AnyCanAddr, BcmMsg, BcmOpcode, BcmSocket, CanAddr, CanFilter, CanId, CanSocket, ClassicFrame, ErrorClass,
    ErrorFrame, FdFrame, Frame, XlFrame,
};
use sock_core::{Family, FamilyAddr, Protocol, ProtocolSocket, Socket, Type};
use support::{have_can, have_fd, have_iface, raw_for, IF, IF2, WAIT};

fn raw_socket() -> io::Result<Socket> {
    Socket::new(Family::CAN, Type::RAW, Some(Protocol(CAN_RAW)))
}

// --- CPython BasicCANTest --------------------------------------------------------------------

#[test]
fn basic_create_raw_and_bcm_sockets() {
    if !have_can() {
        return;
    }
    let raw = raw_socket().unwrap();
    assert_eq!((raw.family(), raw.ty(), raw.protocol()), (Family::CAN, Type::RAW, Protocol(CAN_RAW)));
    let bcm = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_BCM))).unwrap();
    assert_eq!(bcm.protocol(), Protocol(CAN_BCM));
}

#[test]
fn basic_bind_any() {
    if !have_can() {
        return;
    }
    let s = raw_socket().unwrap();
    s.bind(("",)).unwrap();
    let name = s.local_addr().unwrap();
    assert_eq!(AnyCanAddr::decode_with(&name, s.protocol()).unwrap(), AnyCanAddr::Can(CanAddr::ANY));
    assert_eq!(CanAddr::decode(&name).unwrap().to_string(), "");
}

/// Issue 14: typed sockets check family, type and protocol when they wrap a socket, and a
/// typed address binds through `FamilyAddr::encode` (the name resolved in this namespace).
#[test]
fn contract_typed_sockets_and_addresses() {
    if !have_iface(IF) {
        return;
    }
    let bcm = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_BCM))).unwrap();
    let e = CanSocket::try_from(bcm).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("expected a CAN_RAW socket"), "{e}");
    let bcm = BcmSocket::from_socket(Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_BCM))).unwrap()).unwrap();
    assert_eq!(bcm.socket().protocol(), Protocol(CAN_BCM));
    let raw = CanSocket::bound(CanAddr::new(IF).unwrap()).unwrap();
    assert_eq!(CanAddr::decode(&raw.socket().local_addr().unwrap()).unwrap().to_string(), IF);
    let inner: Socket = raw.into();
    let again = CanSocket::try_from(inner).unwrap();
    again.set_loopback(false).unwrap();
    assert!(!again.loopback().unwrap());
}

#[test]
fn basic_too_long_interface_name() {
    if !have_can() {
        return;
    }
    let s = raw_socket().unwrap();
    let long = "x".repeat(1024);
    let e = s.bind((long.as_str(),)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
    assert!(e.to_string().contains("interface name too long"), "{e}");
    let e = s.bind((&"x".repeat(16)[..],)).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn basic_unknown_interface_is_enodev() {
    if !have_can() {
        return;
    }
    let e = CanSocket::bound(("nosuchcan7",)).unwrap_err();
    assert_eq!(sock_core::errno(&e), Some(libc::ENODEV), "{e}");
    // Issue 16: the message names the operation and the interface.
    assert_eq!(e.to_string(), "bind nosuchcan7: no such interface (ENODEV)");
}

#[test]
fn basic_loopback_option() {
    if !have_can() {
        return;
    }
    let s = CanSocket::new().unwrap();
    for on in [false, true] {
        s.set_loopback(on).unwrap();
        assert_eq!(s.loopback().unwrap(), on);
        assert_eq!(s.as_ref().getsockopt_int(SOL_CAN_RAW, CAN_RAW_LOOPBACK).unwrap(), i32::from(on));
    }
}

#[test]
fn basic_filter_option() {
    if !have_can() {
        return;
    }
    let s = CanSocket::new().unwrap();
    // CPython: setsockopt(SOL_CAN_RAW, CAN_RAW_FILTER, pack("=II", 0x200, 0x700)).
    let mut packed = Vec::new();
    packed.extend_from_slice(&0x200u32.to_ne_bytes());
    packed.extend_from_slice(&0x700u32.to_ne_bytes());
    s.as_ref().setsockopt_bytes(SOL_CAN_RAW, CAN_RAW_FILTER, &packed).unwrap();
    assert_eq!(s.as_ref().getsockopt_vec(SOL_CAN_RAW, CAN_RAW_FILTER, 8).unwrap(), packed);
    assert_eq!(s.filters().unwrap(), [CanFilter::new(0x200, 0x700)]);
    let two = [CanFilter::new(0x123, CAN_SFF_MASK), CanFilter::new(0x456, CAN_SFF_MASK).inverted()];
    s.set_filters(&two).unwrap();
    assert_eq!(s.filters().unwrap(), two);
    let too_many = vec![CanFilter::ACCEPT_ALL; CAN_RAW_FILTER_MAX + 1];
    assert_eq!(s.set_filters(&too_many).unwrap_err().kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn basic_options_round_trip() {
    if !have_can() {
        return;
    }
    let s = CanSocket::new().unwrap();
    s.set_recv_own_msgs(true).unwrap();
    assert!(s.recv_own_msgs().unwrap());
    s.set_fd_frames(true).unwrap();
    assert!(s.fd_frames().unwrap());
    s.set_join_filters(true).unwrap();
    assert!(s.join_filters().unwrap());
    s.set_error_mask(CAN_ERR_MASK).unwrap();
    assert_eq!(s.error_mask().unwrap(), CAN_ERR_MASK);
}

// --- CPython CANTest (vcan0) -----------------------------------------------------------------

#[test]
fn cantest_send_frame_recvfrom_names_vcan0() {
    if !have_iface(IF) {
        return;
    }
    // Python-style: a plain Socket, the ("vcan0",) tuple and the spec's struct layout.
    let rx = raw_for(IF, &[0x101]);
    let tx = raw_socket().unwrap();
    tx.bind((IF,)).unwrap();
    let frame = ClassicFrame::new(CanId::new(0x101).unwrap(), b"\x01\x02\x03").unwrap();
    assert_eq!(tx.send(frame.as_bytes()).unwrap(), 16);
    let mut buf = [0u8; 16];
    let (n, addr) = rx.as_ref().recv_from(&mut buf).unwrap();
    assert_eq!(n, 16);
    // can_frame_fmt = "=IB3x8s"
    assert_eq!(u32::from_ne_bytes(buf[..4].try_into().unwrap()), 0x101);
    assert_eq!((buf[4], &buf[8..11]), (3, &b"\x01\x02\x03"[..]));
    let AnyCanAddr::Can(from) = AnyCanAddr::decode_with(&addr, Protocol(CAN_RAW)).unwrap() else { panic!("shape") };
    assert_eq!(from.to_string(), IF);
}

#[test]
fn cantest_send_max_and_multi_frames() {
    if !have_iface(IF) {
        return;
    }
    let rx = raw_for(IF, &[0x102, 0x1234_5678]);
    let tx = CanSocket::bound((IF,)).unwrap();
    let max = ClassicFrame::new(CanId::new(0x1234_5678).unwrap(), &[0xff; 8]).unwrap();
    tx.write_classic(&max).unwrap();
    assert_eq!(rx.read_frame().unwrap(), Frame::Classic(max));
    let frames: Vec<ClassicFrame> =
        (0..5u8).map(|i| ClassicFrame::new(CanId::new(0x102).unwrap(), &[i; 4]).unwrap()).collect();
    for f in &frames {
        tx.write_classic(f).unwrap();
    }
    for f in &frames {
        assert_eq!(rx.read_frame().unwrap(), Frame::Classic(*f));
    }
}

#[test]
fn cantest_bcm_tx_send() {
    if !have_iface(IF) {
        return;
    }
    let rx = raw_for(IF, &[0x123]);
    let bcm = Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_BCM))).unwrap();
    bcm.connect((IF,)).unwrap();
    let frame = ClassicFrame::new(CanId::new(0x123).unwrap(), &[0xc0, 0xff, 0xee]).unwrap();
    let msg = BcmMsg::new(BcmOpcode::TxSend, CanId::new(0x222).unwrap()).with_frames(frame);
    let bytes = msg.encode().unwrap();
    assert_eq!(bcm.send(&bytes).unwrap(), bytes.len());
    assert_eq!(rx.read_frame().unwrap(), Frame::Classic(frame));
    // The same through the typed socket.
    let typed = BcmSocket::from_socket(bcm).unwrap();
    assert_eq!(typed.send(&msg).unwrap(), bytes.len());
    assert_eq!(rx.read_frame().unwrap(), Frame::Classic(frame));
}

// --- raw round trips -------------------------------------------------------------------------

#[test]
fn classic_remote_and_extended_round_trip() {
    if !have_iface(IF) {
        return;
    }
    let rx = raw_for(IF, &[0x103, 0x0103_0103]);
    let tx = CanSocket::bound((IF,)).unwrap();
    let sent = [
        ClassicFrame::new(CanId::new(0x103).unwrap(), &[]).unwrap(),
        ClassicFrame::remote(CanId::new(0x103).unwrap(), 4).unwrap(),
        ClassicFrame::new(CanId::extended(0x0103_0103).unwrap(), &[1, 2, 3, 4, 5, 6, 7, 8]).unwrap(),
    ];
    for f in &sent {
        tx.write_frame(&Frame::Classic(*f)).unwrap();
    }
    for f in &sent {
        let Frame::Classic(got) = rx.read_frame().unwrap() else { panic!("not classic") };
        assert_eq!((got.id(), got.data(), got.is_remote()), (f.id(), f.data(), f.is_remote()));
    }
}

#[test]
fn fd_round_trip_every_length() {
    if !have_fd(IF) {
        return;
    }
    let rx = raw_for(IF, &[0x104]);
    rx.set_fd_frames(true).unwrap();
    let tx = CanSocket::bound((IF,)).unwrap();
    tx.set_fd_frames(true).unwrap();
    for len in [0usize, 1, 8, 12, 16, 20, 24, 32, 48, 64] {
        let data: Vec<u8> = (0..len as u8).collect();
        let f = FdFrame::new(CanId::new(0x104).unwrap(), &data).unwrap().with_brs(len % 2 == 0).with_esi(len == 64);
        tx.write_fd(&f).unwrap();
        let Frame::Fd(got) = rx.read_frame().unwrap() else { panic!("not FD") };
        assert_eq!((got.id(), got.data(), got.brs(), got.esi()), (f.id(), f.data(), f.brs(), f.esi()));
    }
    // A classic frame on an FD socket is still reported as classic.
    let c = ClassicFrame::new(CanId::new(0x104).unwrap(), &[9]).unwrap();
    tx.write_classic(&c).unwrap();
    assert_eq!(rx.read_frame().unwrap(), Frame::Classic(c));
}

#[test]
fn fd_frames_need_the_option() {
    if !have_fd(IF) {
        return;
    }
    let tx = CanSocket::bound((IF,)).unwrap();
    let f = FdFrame::new(CanId::new(0x105).unwrap(), &[1; 12]).unwrap();
    let e = tx.write_fd(&f).unwrap_err();
    // The data path passes the kernel's error through untouched.
    assert_eq!(e.raw_os_error(), Some(libc::EINVAL), "{e}");
}

#[test]
fn xl_round_trip() {
    if !have_can() {
        return;
    }
    let probe = CanSocket::new().unwrap().set_xl_frames(true);
    if !sock_tests::require("CAN XL (CAN_RAW_XL_FRAMES)", probe) {
        return;
    }
    if !sock_tests::require("vcan interface canxl0 with mtu 2060", support::ensure_vcan("canxl0", CANXL_MTU)) {
        return;
    }
    let rx = CanSocket::bound(("canxl0",)).unwrap();
    rx.as_ref().set_timeout(Some(WAIT)).unwrap();
    rx.set_xl_frames(true).unwrap();
    let tx = CanSocket::bound(("canxl0",)).unwrap();
    tx.set_xl_frames(true).unwrap();
    for len in [1usize, 64, 65, 2048] {
        let data: Vec<u8> = (0..len).map(|i| i as u8).collect();
        let f = XlFrame::new(0x2a, &data).unwrap().with_sdt(3).with_af(0xdead_beef).with_sec(len == 65);
        tx.write_xl(&f).unwrap();
        assert_eq!(rx.read_frame().unwrap(), Frame::Xl(f));
    }
}

// --- filters, error mask, meta ---------------------------------------------------------------

#[test]
fn filter_drops_what_it_should() {
    if !have_iface(IF) {
        return;
    }
    let rx = CanSocket::bound((IF,)).unwrap();
    rx.as_ref().set_timeout(Some(Duration::from_millis(500))).unwrap();
    // Only 0x110..0x117 pass ...
    rx.set_filters(&[CanFilter::new(0x110, 0x7f8 | CAN_EFF_FLAG)]).unwrap();
    let tx = CanSocket::bound((IF,)).unwrap();
    for id in [0x10f, 0x110, 0x117, 0x118] {
        tx.write_classic(&ClassicFrame::new(CanId::new(id).unwrap(), &[1]).unwrap()).unwrap();
    }
    assert_eq!(rx.read_frame().unwrap().id(), CanId::Standard(0x110));
    assert_eq!(rx.read_frame().unwrap().id(), CanId::Standard(0x117));
    assert_eq!(rx.read_frame().unwrap_err().kind(), io::ErrorKind::TimedOut);

    // ... an inverted filter joined with a range passes the range minus one id.
    rx.set_filters(&[
        CanFilter::new(0x120, 0x7f0 | CAN_EFF_FLAG),
        CanFilter::exact(CanId::new(0x125).unwrap()).inverted(),
    ])
    .unwrap();
    rx.set_join_filters(true).unwrap();
    for id in [0x124, 0x125, 0x126, 0x130] {
        tx.write_classic(&ClassicFrame::new(CanId::new(id).unwrap(), &[2]).unwrap()).unwrap();
    }
    assert_eq!(rx.read_frame().unwrap().id(), CanId::Standard(0x124));
    assert_eq!(rx.read_frame().unwrap().id(), CanId::Standard(0x126));
    assert_eq!(rx.read_frame().unwrap_err().kind(), io::ErrorKind::TimedOut);

    // No filters: no data frames at all.
    rx.set_filters(&[]).unwrap();
    tx.write_classic(&ClassicFrame::new(CanId::new(0x111).unwrap(), &[3]).unwrap()).unwrap();
    assert_eq!(rx.read_frame().unwrap_err().kind(), io::ErrorKind::TimedOut);
}

#[test]
fn error_mask_subscription() {
    if !have_iface(IF) {
        return;
    }
    let plain = CanSocket::bound((IF,)).unwrap();
    plain.set_filters(&[]).unwrap();
    plain.as_ref().set_timeout(Some(Duration::from_millis(500))).unwrap();
    let subscribed = CanSocket::bound((IF,)).unwrap();
    subscribed.set_filters(&[]).unwrap();
    subscribed.set_error_mask(CAN_ERR_CRTL | CAN_ERR_BUSOFF).unwrap();
    subscribed.as_ref().set_timeout(Some(WAIT)).unwrap();
    let tx = CanSocket::bound((IF,)).unwrap();
    // A class outside the mask is dropped, one inside arrives decoded.
    tx.write_frame(&ErrorFrame::new(CAN_ERR_ACK, [0; 8]).into()).unwrap();
    let err = ErrorFrame::new(CAN_ERR_CRTL | CAN_ERR_CNT, [0, CAN_ERR_CRTL_RX_PASSIVE, 0, 0, 0, 0, 3, 130]);
    tx.write_frame(&err.into()).unwrap();
    let Frame::Error(got) = subscribed.read_frame().unwrap() else { panic!("not an error frame") };
    assert!(got.has(ErrorClass::Controller) && !got.has(ErrorClass::NoAck));
    assert_eq!(got.controller(), CAN_ERR_CRTL_RX_PASSIVE);
    assert_eq!(got.counters(), Some((3, 130)));
    assert_eq!(plain.read_frame().unwrap_err().kind(), io::ErrorKind::TimedOut);
}

#[test]
fn meta_interface_timestamp_and_own_messages() {
    if !have_iface(IF) || !have_iface(IF2) {
        return;
    }
    let any = CanSocket::bound(("",)).unwrap();
    any.set_filters(&[CanFilter::exact(CanId::new(0x150).unwrap())]).unwrap();
    any.as_ref().set_timeout(Some(WAIT)).unwrap();
    any.set_timestamp(true).unwrap();
    let f = ClassicFrame::new(CanId::new(0x150).unwrap(), &[1]).unwrap();
    // Sent to vcan1 through another socket bound to every interface, with sendto.
    let tx = CanSocket::bound(("",)).unwrap();
    tx.write_frame_to(&f.into(), (IF2,)).unwrap();
    let before = SystemTime::now() - Duration::from_secs(60);
    let (frame, meta) = any.read_frame_meta().unwrap();
    assert_eq!(frame, Frame::Classic(f));
    assert_eq!(sock_can::interface_from_index(meta.ifindex).to_string(), IF2);
    assert!(meta.local && !meta.own);
    assert!(meta.timestamp.expect("SO_TIMESTAMPNS") > before);
    // Microsecond timestamps (SO_TIMESTAMP) arrive the same way.
    any.set_timestamp(false).unwrap();
    any.set_timestamp_us(true).unwrap();
    tx.write_frame_to(&f.into(), (IF,)).unwrap();
    let (_, meta) = any.read_frame_meta().unwrap();
    assert!(meta.timestamp.expect("SO_TIMESTAMP") > before);
    assert_eq!(sock_can::interface_from_index(meta.ifindex).to_string(), IF);

    // CAN_RAW_RECV_OWN_MSGS: our own frame comes back flagged MSG_CONFIRM.
    let own = raw_for(IF, &[0x151]);
    own.set_recv_own_msgs(true).unwrap();
    own.write_classic(&ClassicFrame::new(CanId::new(0x151).unwrap(), &[2]).unwrap()).unwrap();
    let (_, meta) = own.read_frame_meta().unwrap();
    assert!(meta.own && meta.local);
    let (_, ifindex) = {
        own.write_classic(&ClassicFrame::new(CanId::new(0x151).unwrap(), &[3]).unwrap()).unwrap();
        own.read_frame_from().unwrap()
    };
    assert_eq!(sock_can::interface_from_index(ifindex).to_string(), IF);
}

#[test]
fn nonblocking_read_would_block() {
    if !have_iface(IF) {
        return;
    }
    let s = raw_for(IF, &[0x152]);
    s.as_ref().set_blocking(false).unwrap();
    assert_eq!(s.read_frame().unwrap_err().kind(), io::ErrorKind::WouldBlock);
}

// --- bad input -------------------------------------------------------------------------------

#[test]
fn bad_input_is_invalid_input() {
    // Pure argument checks: no kernel feature needed, so these run on the host too.
    let id = CanId::new(0x140).unwrap();
    let errors = [
        ClassicFrame::new(id, &[0; 9]).unwrap_err(),
        FdFrame::new(id, &[0; 65]).unwrap_err(),
        CanId::new(0x3fff_ffff).unwrap_err(),
        CanId::extended(1 << 29).unwrap_err(),
        CanAddr::new(&"x".repeat(16)).unwrap_err(),
        sock_can::IsoTpAddr::new(&"x".repeat(1024), 1, 2).unwrap_err(),
        sock_can::J1939Addr::new(&"x".repeat(1024), 0, 0, 0).unwrap_err(),
        "123#001122334455667788".parse::<Frame>().unwrap_err(),
    ];
    for e in errors {
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{e}");
    }
    if !have_can() {
        return;
    }
    let s = CanSocket::new().unwrap();
    let e = s.bind((&"y".repeat(40)[..],)).unwrap_err();
    assert!(e.to_string().contains("interface name too long"));
}

#[test]
fn constants_match_python() {
    // Every CAN name of the host's CPython `socket` module, with our value.
    #[allow(clippy::unnecessary_cast)] // uniform `as u64` over constants of several types
    let ours: &[(&str, u64)] = &[
        ("CAN_BCM", CAN_BCM as u64),
        ("CAN_BCM_CAN_FD_FRAME", CAN_BCM_CAN_FD_FRAME as u64),
        ("CAN_BCM_RX_ANNOUNCE_RESUME", CAN_BCM_RX_ANNOUNCE_RESUME as u64),
        ("CAN_BCM_RX_CHANGED", CAN_BCM_RX_CHANGED as u64),
        ("CAN_BCM_RX_CHECK_DLC", CAN_BCM_RX_CHECK_DLC as u64),
        ("CAN_BCM_RX_DELETE", CAN_BCM_RX_DELETE as u64),
        ("CAN_BCM_RX_FILTER_ID", CAN_BCM_RX_FILTER_ID as u64),
        ("CAN_BCM_RX_NO_AUTOTIMER", CAN_BCM_RX_NO_AUTOTIMER as u64),
        ("CAN_BCM_RX_READ", CAN_BCM_RX_READ as u64),
        ("CAN_BCM_RX_RTR_FRAME", CAN_BCM_RX_RTR_FRAME as u64),
        ("CAN_BCM_RX_SETUP", CAN_BCM_RX_SETUP as u64),
        ("CAN_BCM_RX_STATUS", CAN_BCM_RX_STATUS as u64),
        ("CAN_BCM_RX_TIMEOUT", CAN_BCM_RX_TIMEOUT as u64),
        ("CAN_BCM_SETTIMER", CAN_BCM_SETTIMER as u64),
        ("CAN_BCM_STARTTIMER", CAN_BCM_STARTTIMER as u64),
        ("CAN_BCM_TX_ANNOUNCE", CAN_BCM_TX_ANNOUNCE as u64),
        ("CAN_BCM_TX_COUNTEVT", CAN_BCM_TX_COUNTEVT as u64),
        ("CAN_BCM_TX_CP_CAN_ID", CAN_BCM_TX_CP_CAN_ID as u64),
        ("CAN_BCM_TX_DELETE", CAN_BCM_TX_DELETE as u64),
        ("CAN_BCM_TX_EXPIRED", CAN_BCM_TX_EXPIRED as u64),
        ("CAN_BCM_TX_READ", CAN_BCM_TX_READ as u64),
        ("CAN_BCM_TX_RESET_MULTI_IDX", CAN_BCM_TX_RESET_MULTI_IDX as u64),
        ("CAN_BCM_TX_SEND", CAN_BCM_TX_SEND as u64),
        ("CAN_BCM_TX_SETUP", CAN_BCM_TX_SETUP as u64),
        ("CAN_BCM_TX_STATUS", CAN_BCM_TX_STATUS as u64),
        ("CAN_EFF_FLAG", CAN_EFF_FLAG as u64),
        ("CAN_EFF_MASK", CAN_EFF_MASK as u64),
        ("CAN_ERR_FLAG", CAN_ERR_FLAG as u64),
        ("CAN_ERR_MASK", CAN_ERR_MASK as u64),
        ("CAN_ISOTP", CAN_ISOTP as u64),
        ("CAN_J1939", CAN_J1939 as u64),
        ("CAN_RAW", CAN_RAW as u64),
        ("CAN_RAW_FD_FRAMES", CAN_RAW_FD_FRAMES as u64),
        ("CAN_RAW_FILTER", CAN_RAW_FILTER as u64),
        ("CAN_RAW_JOIN_FILTERS", CAN_RAW_JOIN_FILTERS as u64),
        ("CAN_RAW_LOOPBACK", CAN_RAW_LOOPBACK as u64),
        ("CAN_RAW_RECV_OWN_MSGS", CAN_RAW_RECV_OWN_MSGS as u64),
        ("CAN_RTR_FLAG", CAN_RTR_FLAG as u64),
        ("CAN_SFF_MASK", CAN_SFF_MASK as u64),
        ("J1939_EE_INFO_NONE", J1939_EE_INFO_NONE as u64),
        ("J1939_EE_INFO_TX_ABORT", J1939_EE_INFO_TX_ABORT as u64),
        ("J1939_FILTER_MAX", J1939_FILTER_MAX as u64),
        ("J1939_IDLE_ADDR", J1939_IDLE_ADDR as u64),
        ("J1939_MAX_UNICAST_ADDR", J1939_MAX_UNICAST_ADDR as u64),
        ("J1939_NLA_BYTES_ACKED", J1939_NLA_BYTES_ACKED as u64),
        ("J1939_NLA_PAD", J1939_NLA_PAD as u64),
        ("J1939_NO_ADDR", J1939_NO_ADDR as u64),
        ("J1939_NO_NAME", J1939_NO_NAME as u64),
        ("J1939_NO_PGN", J1939_NO_PGN as u64),
        ("J1939_PGN_ADDRESS_CLAIMED", J1939_PGN_ADDRESS_CLAIMED as u64),
        ("J1939_PGN_ADDRESS_COMMANDED", J1939_PGN_ADDRESS_COMMANDED as u64),
        ("J1939_PGN_MAX", J1939_PGN_MAX as u64),
        ("J1939_PGN_PDU1_MAX", J1939_PGN_PDU1_MAX as u64),
        ("J1939_PGN_REQUEST", J1939_PGN_REQUEST as u64),
        ("SCM_J1939_DEST_ADDR", SCM_J1939_DEST_ADDR as u64),
        ("SCM_J1939_DEST_NAME", SCM_J1939_DEST_NAME as u64),
        ("SCM_J1939_ERRQUEUE", SCM_J1939_ERRQUEUE as u64),
        ("SCM_J1939_PRIO", SCM_J1939_PRIO as u64),
        ("SOL_CAN_BASE", SOL_CAN_BASE as u64),
        ("SOL_CAN_RAW", SOL_CAN_RAW as u64),
        ("SO_J1939_ERRQUEUE", SO_J1939_ERRQUEUE as u64),
        ("SO_J1939_FILTER", SO_J1939_FILTER as u64),
        ("SO_J1939_PROMISC", SO_J1939_PROMISC as u64),
        ("SO_J1939_SEND_PRIO", SO_J1939_SEND_PRIO as u64),
    ];
    let script = "import socket, sys\nfor n in sorted(dir(socket)):\n    if n.startswith(('CAN', 'J1939', 'SCM_J1939', 'SO_J1939', 'SOL_CAN')): print(n, int(getattr(socket, n)))";
    if !support::have_program("python3") {
        return;
    }
    let out = sock_tests::python(script, &[]);
    let theirs: Vec<(String, u64)> = out
        .lines()
        .map(|l| {
            let (n, v) = l.split_once(' ').unwrap();
            (n.to_string(), v.parse().unwrap())
        })
        .collect();
    for (name, value) in &theirs {
        let mine =
            ours.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("{name} missing from sock_can::consts"));
        assert_eq!(mine.1, *value, "{name}");
    }
}

#[test]
fn batched_write_and_read() {
    if !have_iface(IF) {
        return;
    }
    let rx = raw_for(IF, &[0x160]);
    let tx = CanSocket::bound((IF,)).unwrap();
    let frames: Vec<ClassicFrame> =
        (0..100u8).map(|i| ClassicFrame::new(CanId::new(0x160).unwrap(), &[i]).unwrap()).collect();
    let mut out = sock_core::SendBatch::new();
    let mut sent = 0;
    while sent < frames.len() {
        sent += tx.write_frames(&frames[sent..], &mut out).unwrap();
    }
    let mut batch = rx.frame_batch(32).unwrap();
    let mut got = Vec::new();
    while got.len() < frames.len() {
        for item in rx.read_frames(&mut batch).unwrap() {
            let (frame, ifindex) = item.unwrap();
            assert_eq!(sock_can::interface_from_index(ifindex).to_string(), IF);
            got.push(frame);
        }
    }
    let want: Vec<Frame> = frames.into_iter().map(Frame::Classic).collect();
    assert_eq!(got, want);
}
