#![cfg(feature = "tipc")]
//! AF_TIPC against the real kernel (node-local, no bearer needed): CPython's TIPCTest (RDM to a
//! service range) and TIPCThreadableTest (a stream connection by service name), options,
//! classic multicast, group messaging and the topology service. Needs `modprobe tipc` (it has
//! no autoload alias); the test VM loads it.

use std::thread;
use std::time::{Duration, Instant};

use sock_core::{Family, Socket, Type};
use sock_tipc::*;

const MSG: &[u8] = "Michael Gilfix was here\u{1234}\r\n".as_bytes();

/// A TIPC socket of `ty`, or `None` (after `require`) when the kernel has no TIPC.
fn tipc_socket(ty: Type) -> Option<Socket> {
    let probe = Socket::new(Family::TIPC, ty, None);
    if !sock_tests::require("AF_TIPC sockets (modprobe tipc)", probe.as_ref().map(|_| ())) {
        return None;
    }
    let s = probe.ok()?;
    s.set_timeout(Some(Duration::from_secs(10))).unwrap();
    Some(s)
}

/// A service type unique to one test of this process (types below 64 are reserved).
fn service_type(test: u32) -> u32 {
    1_000_000 + (std::process::id() % 100_000) * 16 + test
}

fn name_of(s: &Socket) -> TipcAddr {
    TipcAddr::try_from(&s.local_addr().unwrap()).unwrap()
}

#[test]
fn rdm_to_a_service_range() {
    let Some(srv) = tipc_socket(Type::RDM) else { return };
    let ty = service_type(0);
    srv.bind(TipcAddr::from_tuple(TIPC_ADDR_NAMESEQ, ty, 200, 210, TIPC_CLUSTER_SCOPE).unwrap()).unwrap();
    let cli = tipc_socket(Type::RDM).unwrap();
    cli.send_to(MSG, TipcAddr::from_tuple(TIPC_ADDR_NAME, ty, 205, 0, TIPC_CLUSTER_SCOPE).unwrap()).unwrap();
    let (data, from) = srv.recv_from_vec(1024).unwrap();
    assert_eq!(data, MSG);
    let from = TipcAddr::try_from(&from).unwrap();
    assert_eq!(from, name_of(&cli));
    assert!(matches!(from.name, TipcName::Socket { .. }), "{from}");
}

#[test]
fn stream_connection_by_service_name() {
    let Some(srv) = tipc_socket(Type::STREAM) else { return };
    let ty = service_type(1);
    srv.bind(TipcAddr::service_range(ty, 200, 210)).unwrap();
    srv.listen(Some(5)).unwrap();
    let client = thread::spawn(move || {
        let cli = tipc_socket(Type::STREAM).unwrap();
        cli.connect(TipcAddr::service(ty, 205)).unwrap();
        cli.send_all(MSG).unwrap();
        let name = name_of(&cli);
        let reply = cli.recv_vec(64).unwrap();
        (name, reply)
    });
    let (conn, peer) = srv.accept().unwrap();
    conn.set_timeout(Some(Duration::from_secs(10))).unwrap();
    let mut got = Vec::new();
    while got.len() < MSG.len() {
        let chunk = conn.recv_vec(1024).unwrap();
        assert!(!chunk.is_empty(), "peer closed early");
        got.extend_from_slice(&chunk);
    }
    assert_eq!(got, MSG);
    conn.send_all(b"ack").unwrap();
    let (client_name, reply) = client.join().unwrap();
    assert_eq!(TipcAddr::try_from(&peer).unwrap(), client_name);
    assert_eq!(reply, b"ack");
}

#[test]
fn options_round_trip() {
    let Some(s) = tipc_socket(Type::RDM) else { return };
    assert_eq!(s.get(IMPORTANCE).unwrap(), TIPC_LOW_IMPORTANCE);
    s.set(IMPORTANCE, &TIPC_CRITICAL_IMPORTANCE).unwrap();
    assert_eq!(s.get(IMPORTANCE).unwrap(), TIPC_CRITICAL_IMPORTANCE);
    // Importance above critical is rejected by the kernel.
    sock_tests::assert_errno(s.set(IMPORTANCE, &9), libc::EINVAL);
    for opt in [SRC_DROPPABLE, DEST_DROPPABLE] {
        s.set(opt, &true).unwrap();
        assert!(s.get(opt).unwrap());
        s.set(opt, &false).unwrap();
        assert!(!s.get(opt).unwrap());
    }
    s.set(CONN_TIMEOUT, &1234).unwrap();
    assert_eq!(s.get(CONN_TIMEOUT).unwrap(), 1234);
    s.get(NODE_RECVQ_DEPTH).unwrap();
    // Queue two messages on an unread socket: the depth shows them.
    let ty = service_type(2);
    s.bind(TipcAddr::service_range(ty, 0, 0).with_scope(Scope::NODE)).unwrap();
    let cli = tipc_socket(Type::RDM).unwrap();
    cli.send_to(b"one", TipcAddr::service(ty, 0)).unwrap();
    cli.send_to(b"two", TipcAddr::service(ty, 0)).unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    while s.get(SOCK_RECVQ_DEPTH).unwrap() < 2 && Instant::now() < deadline {
        // A bounded retry on the queue depth (a read would consume the messages it counts).
        thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(s.get(SOCK_RECVQ_DEPTH).unwrap(), 2);
    assert!(s.get(SOCK_RECVQ_USED).unwrap() > 0);
    let st = tipc_socket(Type::STREAM).unwrap();
    st.set(NODELAY, &true).unwrap();
    // The kernel has no getsockopt for TIPC_NODELAY.
    assert_eq!(sock_core::errno(&st.get(NODELAY).unwrap_err()), Some(libc::EINVAL));
}

#[test]
fn unknown_service_is_an_error_or_dropped() {
    let Some(cli) = tipc_socket(Type::RDM) else { return };
    cli.set(DEST_DROPPABLE, &false).unwrap();
    // No one is bound to this name: the send fails at once (EHOSTUNREACH) on the local node.
    let err = cli.send_to(b"x", TipcAddr::service(service_type(3), 1)).unwrap_err();
    assert!(sock_core::errno(&err).is_some(), "{err}");
}

#[test]
fn multicast_to_a_service_range_reaches_every_bound_socket() {
    let Some(a) = tipc_socket(Type::RDM) else { return };
    let b = tipc_socket(Type::RDM).unwrap();
    let ty = service_type(4);
    a.bind(TipcAddr::service_range(ty, 1, 1)).unwrap();
    b.bind(TipcAddr::service_range(ty, 2, 2)).unwrap();
    let cli = tipc_socket(Type::RDM).unwrap();
    // TIPC_ADDR_MCAST is the service range form.
    cli.send_to(b"to all", TipcAddr::service_range(ty, 0, 10)).unwrap();
    assert_eq!(a.recv_vec(64).unwrap(), b"to all");
    assert_eq!(b.recv_vec(64).unwrap(), b"to all");
}

#[test]
fn group_broadcast_reaches_members() {
    let Some(sender) = tipc_socket(Type::RDM) else { return };
    let group = service_type(5);
    let members: Vec<Socket> = (1..=2)
        .map(|id| {
            let m = tipc_socket(Type::RDM).unwrap();
            m.join_group(&GroupReq::new(group, id)).unwrap();
            m
        })
        .collect();
    sender.join_group(&GroupReq::new(group, 0).with_flags(TIPC_GROUP_MEMBER_EVTS)).unwrap();
    // Wait for the two member-up events: empty messages flagged MSG_OOB (leave adds MSG_EOR).
    let mut up = 0;
    while up < 2 {
        let mut buf = [0u8; 16];
        let msg = sender.recv_msg(&mut [std::io::IoSliceMut::new(&mut buf)], &mut [], 0).unwrap();
        assert_eq!(msg.bytes, 0, "only membership events arrive before anyone sends");
        assert_ne!(msg.flags.bits() & libc::MSG_OOB, 0);
        if msg.flags.bits() & libc::MSG_EOR == 0 {
            // The source is the member's socket id (the kernel appends its group name after it).
            let who = TipcAddr::try_from(&msg.addr).unwrap();
            assert!(matches!(who.name, TipcName::Socket { .. }), "{who}");
            up += 1;
        }
    }
    sender.send(b"hello group").unwrap();
    for m in &members {
        let (data, from) = m.recv_from_vec(64).unwrap();
        assert_eq!(data, b"hello group");
        assert_eq!(TipcAddr::try_from(&from).unwrap(), name_of(&sender));
    }
    for m in &members {
        m.leave_group().unwrap();
    }
    sender.leave_group().unwrap();
}

#[test]
fn topology_service_reports_a_new_binding() {
    let Some(top) = tipc_socket(Type::SEQPACKET) else { return };
    top.connect(TipcAddr::service(TIPC_TOP_SRV, TIPC_TOP_SRV)).unwrap();
    let ty = service_type(6);
    let mut sub = Subscription::new(ty, 0, u32::MAX, TIPC_SUB_PORTS);
    sub.handle = *b"sock-rs!";
    top.send(&sub.to_bytes()).unwrap();
    let srv = tipc_socket(Type::RDM).unwrap();
    srv.bind(TipcAddr::service_range(ty, 7, 9)).unwrap();
    let ev = Event::from_bytes(&top.recv_vec(Event::SIZE).unwrap()).unwrap();
    assert_eq!(ev.event, TIPC_PUBLISHED);
    assert_eq!((ev.found_lower, ev.found_upper), (7, 9));
    assert_eq!(ev.subscription, sub);
    assert_eq!(ev.socket.name, name_of(&srv).name);
}

/// The decoded `SOL_TIPC` items and data of one `recv_msg`.
fn recv_with_ancillary(s: &Socket) -> (Vec<u8>, Vec<String>, i32) {
    let mut buf = [0u8; 256];
    let mut control = [0u8; 256];
    let msg = s.recv_msg(&mut [std::io::IoSliceMut::new(&mut buf)], &mut control, 0).unwrap();
    let items = sock_core::cmsg::CmsgIter::new(&control[..msg.control_len])
        .filter_map(|c| TipcAncillary::decode(&c).map(|a| format!("{a:?}")))
        .collect();
    (buf[..msg.bytes].to_vec(), items, msg.flags.bits())
}

#[test]
fn destination_name_arrives_as_ancillary_data() {
    let Some(srv) = tipc_socket(Type::RDM) else { return };
    let ty = service_type(7);
    srv.bind(TipcAddr::service_range(ty, 200, 210)).unwrap();
    let cli = tipc_socket(Type::RDM).unwrap();
    cli.send_to(MSG, TipcAddr::service(ty, 205)).unwrap();
    let (data, items, _) = recv_with_ancillary(&srv);
    assert_eq!(data, MSG);
    assert_eq!(items, [format!("{:?}", TipcAncillary::DestName { service: ty, lower: 205, upper: 205 })]);
}

#[test]
fn undeliverable_message_comes_back_with_error_info() {
    let Some(cli) = tipc_socket(Type::RDM) else { return };
    cli.set(DEST_DROPPABLE, &false).unwrap();
    // A socket id that no longer exists on this node.
    let gone = {
        let s = tipc_socket(Type::RDM).unwrap();
        name_of(&s)
    };
    cli.send_to(b"bounce", gone).unwrap();
    let (data, items, _) = recv_with_ancillary(&cli);
    assert_eq!(data, b"");
    let err = format!("{:?}", TipcAncillary::ErrInfo { error: TIPC_ERR_NO_PORT, data_len: 6 });
    let ret = format!("{:?}", TipcAncillary::ReturnedData(b"bounce"));
    assert_eq!(items, [err, ret]);
}
