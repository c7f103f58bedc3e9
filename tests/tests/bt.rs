#![cfg(feature = "bt")]
//! AF_BLUETOOTH against the real kernel, with virtual controllers from `/dev/vhci`
//! (`modprobe hci_vhci`; the test VM loads it): a vhci controller appears, a raw HCI socket
//! bound to it reads the events the "controller" sends (with HCI_DATA_DIR and HCI_TIME_STAMP
//! ancillary data), and CPython's BluetoothTest address round trips for L2CAP (BR/EDR and LE),
//! RFCOMM, HCI and SCO.

#[path = "bt_support/mod.rs"]
mod bt_support;

use std::io::{IoSliceMut, Read};
use std::time::{Duration, Instant};

use bt_support::*;
use sock_bt::*;
use sock_core::cmsg::CmsgIter;
use sock_core::{Family, Socket, Type};

#[test]
fn vhci_controller_appears_and_hci_socket_binds_to_it() {
    let Some(vhci) = Vhci::create() else { return };
    assert!(std::path::Path::new(&format!("/sys/class/bluetooth/hci{}", vhci.index)).exists());
    let s = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    // CPython: bind(dev) and bind((dev,)) and bind((dev, HCI_CHANNEL_RAW)) → getsockname() == dev.
    s.bind(HciAddr::new(vhci.index)).unwrap();
    let name = HciAddr::try_from(&s.local_addr().unwrap()).unwrap();
    assert_eq!(name, HciAddr::new(vhci.index));
    assert_eq!(BtAddr::decode_with(&s.local_addr().unwrap(), s.protocol()).unwrap(), BtAddr::Hci(name));
}

#[test]
fn raw_hci_socket_reads_controller_events() {
    let Some(mut vhci) = Vhci::create() else { return };
    let s = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    s.set_hci_filter(&HciFilter::all()).unwrap();
    assert_eq!(s.hci_filter().unwrap(), HciFilter::all());
    s.set_hci_data_dir(true).unwrap();
    s.set_hci_time_stamp(true).unwrap();
    s.bind(HciAddr::new(vhci.index)).unwrap();
    s.set_timeout(Some(Duration::from_secs(5))).unwrap();
    // The kernel powers the new controller on at once, starting with HCI_Reset; answer it.
    vhci.expect_command(HCI_RESET, Duration::from_secs(5));
    vhci.inject(&RESET_COMPLETE);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        assert!(Instant::now() < deadline, "the raw socket never saw the Command Complete event");
        let mut buf = [0u8; 260];
        let mut control = [0u8; 128];
        let msg = s.recv_msg(&mut [IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
        let anc: Vec<HciAncillary> =
            CmsgIter::new(&control[..msg.control_len]).filter_map(|c| HciAncillary::decode(&c)).collect();
        let incoming = anc.iter().find_map(|a| match a {
            HciAncillary::Incoming(i) => Some(*i),
            _ => None,
        });
        assert!(incoming.is_some(), "HCI_DATA_DIR item present: {anc:?}");
        assert!(anc.iter().any(|a| matches!(a, HciAncillary::Timestamp(t) if *t > Duration::ZERO)), "{anc:?}");
        if buf[0] == HCI_COMMAND_PKT {
            assert_eq!(incoming, Some(false), "commands go to the controller");
            continue;
        }
        assert_eq!(&buf[..msg.bytes], &RESET_COMPLETE);
        assert_eq!(incoming, Some(true), "events come from the controller");
        break;
    }
}

#[test]
fn hci_filter_drops_unwanted_packets() {
    let Some(mut vhci) = Vhci::create() else { return };
    let s = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    let mut only_status = HciFilter::new();
    only_status.set_ptype(HCI_EVENT_PKT);
    only_status.set_event(0x0f); // Command Status: never sent here
    s.set_hci_filter(&only_status).unwrap();
    s.bind(HciAddr::new(vhci.index)).unwrap();
    vhci.expect_command(HCI_RESET, Duration::from_secs(5));
    vhci.inject(&RESET_COMPLETE);
    s.set_timeout(Some(Duration::from_millis(500))).unwrap();
    let err = s.recv_vec(260).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::TimedOut, "the filter let something through");
}

#[test]
fn hci_user_channel_round_trips() {
    let Some(bv) = Btvirt::start(1) else { return };
    // CPython testBindUserChannelHciSocket: bind((dev, HCI_CHANNEL_USER)) → getsockname() ==
    // (dev, HCI_CHANNEL_USER). The kernel refuses (EBUSY) while the controller is in setup.
    let addr = HciAddr::new(bv.devs[0]).with_channel(HCI_CHANNEL_USER);
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let s = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
        match s.bind(addr) {
            Ok(()) => {
                assert_eq!(HciAddr::try_from(&s.local_addr().unwrap()).unwrap(), addr);
                assert_eq!(addr.to_string(), format!("hci{}/user", bv.devs[0]));
                return;
            }
            Err(e) if sock_core::errno(&e) == Some(libc::EBUSY) && Instant::now() < deadline => {
                // A bounded retry while the kernel says "still in setup"; the pause paces it.
                std::thread::sleep(Duration::from_millis(200))
            }
            Err(e) => panic!("bind {addr}: {e}"),
        }
    }
}

#[test]
fn hci_device_ioctls_report_the_controller() {
    let Some(bv) = Btvirt::start(1) else { return };
    let ctl = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    let dev = bv.devs[0];
    ctl.hci_dev_up(dev).unwrap();
    ctl.hci_dev_up(dev).unwrap(); // already up is fine
    let info = ctl.hci_dev_info(dev).unwrap();
    assert_eq!((info.dev_id, info.name.as_str()), (dev, format!("hci{dev}").as_str()));
    assert!(info.is_up(), "{info:?}");
    assert!(info.acl_mtu > 0, "{info:?}");
    ctl.hci_set_scan(dev, device::SCAN_PAGE).unwrap();
    assert_eq!(ctl.hci_set_scan(dev, 7).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    ctl.hci_dev_down(dev).unwrap();
    assert!(!ctl.hci_dev_info(dev).unwrap().is_up());
}

#[test]
fn l2cap_connection_between_two_emulated_controllers() {
    let Some(bv) = Btvirt::start(2) else { return };
    let ctl = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    let (a, b) = (bv.devs[0], bv.devs[1]);
    for d in [a, b] {
        ctl.hci_dev_up(d).unwrap();
    }
    ctl.hci_set_scan(a, device::SCAN_PAGE).unwrap();
    let bd_a = ctl.hci_dev_info(a).unwrap().bdaddr;
    let bd_b = ctl.hci_dev_info(b).unwrap().bdaddr;
    assert_ne!(bd_a, bd_b);

    let server = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP)).unwrap();
    server.bind(L2capAddr::new(bd_a, 0x1001)).unwrap();
    server.listen(Some(1)).unwrap();
    server.set_timeout(Some(Duration::from_secs(30))).unwrap();
    let client = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP)).unwrap();
    client.bind(L2capAddr::new(bd_b, 0)).unwrap();
    client.set_timeout(Some(Duration::from_secs(30))).unwrap();
    client.connect(L2capAddr::new(bd_a, 0x1001)).unwrap();
    let (conn, peer) = server.accept().unwrap();
    conn.set_timeout(Some(Duration::from_secs(30))).unwrap();
    let peer = L2capAddr::try_from(&peer).unwrap();
    assert_eq!(peer.bdaddr, bd_b);
    let server_seen = L2capAddr::try_from(&client.peer_addr().unwrap()).unwrap();
    assert_eq!((server_seen.bdaddr, server_seen.psm), (bd_a, 0x1001));
    assert!(server_seen.cid >= 0x40, "a dynamic channel: {server_seen}");
    client.send(b"hello over L2CAP").unwrap();
    assert_eq!(conn.recv_vec(672).unwrap(), b"hello over L2CAP");
    conn.send(b"and back").unwrap();
    assert_eq!(client.recv_vec(672).unwrap(), b"and back");
}

#[test]
fn l2cap_addresses_round_trip_through_the_kernel() {
    let Some(_) = bt_socket(Type::SEQPACKET, protocol::L2CAP, "BTPROTO_L2CAP sockets") else { return };
    let cases = [
        // CPython testBindLeAttL2capSocket: ATT is the only fixed CID userspace may bind.
        L2capAddr::new(BdAddr::ANY, 0).with_cid(4).with_addr_type(BDADDR_LE_PUBLIC),
        // testBindLePsmL2capSocket
        L2capAddr::new(BdAddr::ANY, 0x80).with_addr_type(BDADDR_LE_RANDOM),
        // testBindBrEdrL2capSocket
        L2capAddr::new(BdAddr::ANY, 0x1001),
    ];
    for addr in cases {
        let s = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP)).unwrap();
        s.bind(addr).unwrap();
        let name = s.local_addr().unwrap();
        assert_eq!(BtAddr::decode_with(&name, s.protocol()).unwrap(), BtAddr::L2cap(addr), "{addr}");
    }
}

#[test]
fn rfcomm_address_round_trips_through_the_kernel() {
    let Some(s) = bt_socket(Type::STREAM, protocol::RFCOMM, "BTPROTO_RFCOMM sockets") else { return };
    let addr = RfcommAddr::new(BdAddr::ANY, 0);
    s.bind(addr).unwrap();
    assert_eq!(RfcommAddr::try_from(&s.local_addr().unwrap()).unwrap(), addr);
    let decoded = BtAddr::decode_with(&s.local_addr().unwrap(), s.protocol()).unwrap();
    assert_eq!(decoded.to_string(), "rfcomm:00:00:00:00:00:00/0");
}

#[test]
fn sco_address_round_trips_through_the_kernel() {
    let Some(s) = bt_socket(Type::SEQPACKET, protocol::SCO, "BTPROTO_SCO sockets") else { return };
    s.bind(ScoAddr::new(BdAddr::ANY)).unwrap();
    assert_eq!(ScoAddr::try_from(&s.local_addr().unwrap()).unwrap().to_string(), BDADDR_ANY);
}

#[test]
fn invalid_l2cap_addresses_are_rejected_by_the_kernel() {
    let Some(s) = bt_socket(Type::SEQPACKET, protocol::L2CAP, "BTPROTO_L2CAP sockets") else { return };
    // A BR/EDR PSM must be odd with an even high byte; 0x1002 is not.
    let err = s.bind(L2capAddr::new(BdAddr::ANY, 0x1002)).unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::EINVAL), "{err}");
    // Address types above BDADDR_LE_RANDOM do not exist.
    let err = s.bind(L2capAddr::new(BdAddr::ANY, 0x1001).with_addr_type(9)).unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::EINVAL), "{err}");
    // Another family's address never reaches the kernel: InvalidInput from the socket.
    let inet: std::net::SocketAddr = "127.0.0.1:1".parse().unwrap();
    let err = s.bind(inet).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::InvalidInput, "{err}");
    assert_eq!(sock_core::errno(&err), None, "refused before any syscall: {err}");
}

#[test]
fn malformed_addresses_are_rejected_before_the_kernel() {
    for bad in
        ["", "00:00:00:00:00", "00:00:00:00:00:00:00", "00:00:00:00:00:GG", "abc", "100:0:0:0:0:0", "0:0:0:0:0:0"]
    {
        let e = bad.parse::<BdAddr>().unwrap_err();
        assert_eq!(
            (e.kind(), e.to_string().as_str()),
            (std::io::ErrorKind::InvalidInput, "bdaddr: expected 6 two-digit hex bytes separated by `:`")
        );
    }
    // CPython testBadL2capAddr / testBadRfcommAddr / testBadHciAddr, as text forms.
    let invalid = std::io::ErrorKind::InvalidInput;
    sock_tests::assert_kind("00:00:00:00:00:00/4097/0/0/0".parse::<L2capAddr>(), invalid);
    sock_tests::assert_kind("00:00:00:00:00:00".parse::<L2capAddr>(), invalid);
    sock_tests::assert_kind("00:00:00:00:00:00/256".parse::<RfcommAddr>(), invalid);
    sock_tests::assert_kind("00:00:00:00:00:00".parse::<RfcommAddr>(), invalid);
    sock_tests::assert_kind("hci".parse::<HciAddr>(), invalid);
    sock_tests::assert_kind("hci0/nope".parse::<HciAddr>(), invalid);
    sock_tests::assert_kind("l2cap:00:00:00:00:00:00".parse::<BtAddr>(), invalid);
}

#[test]
fn l2cap_socket_options_round_trip() {
    let Some(s) = bt_socket(Type::SEQPACKET, protocol::L2CAP, "BTPROTO_L2CAP sockets") else { return };
    s.set(opt::SECURITY, &BtSecurity::new(BT_SECURITY_MEDIUM as u8)).unwrap();
    assert_eq!(s.get(opt::SECURITY).unwrap().level, BT_SECURITY_MEDIUM as u8);
    assert_eq!(sock_core::errno(&s.set(opt::SECURITY, &BtSecurity::new(9)).unwrap_err()), Some(libc::EINVAL));
    s.set(opt::POWER, &(BT_POWER_FORCE_ACTIVE_ON as u8)).unwrap();
    assert_eq!(s.get(opt::POWER).unwrap(), BT_POWER_FORCE_ACTIVE_ON as u8);
    s.set(opt::FLUSHABLE, &true).unwrap();
    assert!(s.get(opt::FLUSHABLE).unwrap());
    s.bind(L2capAddr::new(BdAddr::ANY, 0x1003)).unwrap();
    s.set(opt::DEFER_SETUP, &true).unwrap();
    assert!(s.get(opt::DEFER_SETUP).unwrap());

    let lm = Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP)).unwrap();
    lm.set(opt::L2CAP_LINK_MODE, &((L2CAP_LM_AUTH | L2CAP_LM_ENCRYPT) as u32)).unwrap();
    let got = lm.get(opt::L2CAP_LINK_MODE).unwrap();
    assert_eq!(got & (L2CAP_LM_AUTH | L2CAP_LM_ENCRYPT) as u32, (L2CAP_LM_AUTH | L2CAP_LM_ENCRYPT) as u32, "{got:#x}");
    assert_eq!(lm.get(opt::SECURITY).unwrap().level, BT_SECURITY_MEDIUM as u8, "encryption means medium security");
}

#[test]
fn rfcomm_connection_between_two_emulated_controllers() {
    let Some(bv) = Btvirt::start(2) else { return };
    let ctl = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    let (a, b) = (bv.devs[0], bv.devs[1]);
    for d in [a, b] {
        ctl.hci_dev_up(d).unwrap();
    }
    ctl.hci_set_scan(a, device::SCAN_PAGE).unwrap();
    let bd_a = ctl.hci_dev_info(a).unwrap().bdaddr;
    let bd_b = ctl.hci_dev_info(b).unwrap().bdaddr;

    let server = Socket::new(Family::BLUETOOTH, Type::STREAM, Some(protocol::RFCOMM)).unwrap();
    server.bind(RfcommAddr::new(bd_a, 5)).unwrap();
    server.listen(Some(1)).unwrap();
    server.set_timeout(Some(Duration::from_secs(30))).unwrap();
    let client = Socket::new(Family::BLUETOOTH, Type::STREAM, Some(protocol::RFCOMM)).unwrap();
    client.bind(RfcommAddr::new(bd_b, 0)).unwrap();
    client.set_timeout(Some(Duration::from_secs(30))).unwrap();
    client.connect(RfcommAddr::new(bd_a, 5)).unwrap();
    let (conn, peer) = server.accept().unwrap();
    conn.set_timeout(Some(Duration::from_secs(30))).unwrap();
    assert_eq!(RfcommAddr::try_from(&peer).unwrap().bdaddr, bd_b);
    assert_eq!(RfcommAddr::try_from(&client.peer_addr().unwrap()).unwrap(), RfcommAddr::new(bd_a, 5));
    client.send_all(b"hello over RFCOMM").unwrap();
    let mut got = vec![0u8; 17];
    (&conn).read_exact(&mut got).unwrap();
    assert_eq!(got, b"hello over RFCOMM");
}
