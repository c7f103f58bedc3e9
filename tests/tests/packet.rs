#![cfg(feature = "packet")]
//! AF_PACKET against the real kernel: a veth pair whose ends live in two network namespaces
//! that each test creates for itself (so names and addresses never clash and everything
//! disappears with the test's thread). Needs root; the namespaces and the veth pair are made
//! with raw rtnetlink messages, so no `ip` binary is needed (the VM has only busybox).

use std::io;
use std::net::{Ipv4Addr, UdpSocket};
use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use nix::sched::{setns, unshare, CloneFlags};
use sock_core::{Family, FamilyAddr, Protocol, ProtocolSocket, Socket, Type};
use sock_packet::*;

const PROTO: u16 = ETH_P_802_EX1;
const TIMEOUT: Duration = Duration::from_secs(5);

// ---- a tiny rtnetlink client over sock-core (this test cannot depend on sock-netlink) ----

fn nla(buf: &mut Vec<u8>, ty: u16, data: &[u8]) {
    buf.extend_from_slice(&((4 + data.len()) as u16).to_ne_bytes());
    buf.extend_from_slice(&ty.to_ne_bytes());
    buf.extend_from_slice(data);
    buf.resize(buf.len().next_multiple_of(4), 0);
}

fn nest(buf: &mut Vec<u8>, ty: u16, fill: impl FnOnce(&mut Vec<u8>)) {
    let start = buf.len();
    buf.extend_from_slice(&[0; 4]);
    fill(buf);
    let len = (buf.len() - start) as u16;
    buf[start..start + 2].copy_from_slice(&len.to_ne_bytes());
    buf[start + 2..start + 4].copy_from_slice(&(ty | 0x8000).to_ne_bytes());
}

fn ifinfomsg(index: i32, flags: u32, change: u32) -> [u8; 16] {
    let mut b = [0u8; 16];
    b[4..8].copy_from_slice(&index.to_ne_bytes());
    b[8..12].copy_from_slice(&flags.to_ne_bytes());
    b[12..16].copy_from_slice(&change.to_ne_bytes());
    b
}

/// Sends one rtnetlink request in the calling thread's namespace and returns the payloads of
/// the replies before the acknowledgement (or the kernel's error).
fn rtnl(ty: u16, flags: u16, body: &[u8]) -> io::Result<Vec<Vec<u8>>> {
    let nl = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(0)))?;
    nl.set_timeout(Some(TIMEOUT))?;
    let mut msg = Vec::new();
    msg.extend_from_slice(&((16 + body.len()) as u32).to_ne_bytes());
    msg.extend_from_slice(&ty.to_ne_bytes());
    msg.extend_from_slice(&(flags | 0x1 | 0x4).to_ne_bytes()); // NLM_F_REQUEST | NLM_F_ACK
    msg.extend_from_slice(&1u32.to_ne_bytes());
    msg.extend_from_slice(&0u32.to_ne_bytes());
    msg.extend_from_slice(body);
    let mut kernel = [0u8; 12];
    kernel[..2].copy_from_slice(&(libc::AF_NETLINK as u16).to_ne_bytes());
    nl.send_to(&msg, sock_core::SockAddr::from_bytes(&kernel)?)?;
    let mut replies = Vec::new();
    let mut buf = vec![0u8; 65536];
    loop {
        let n = nl.recv(&mut buf)?;
        let mut at = 0;
        while at + 16 <= n {
            let len = u32::from_ne_bytes(buf[at..at + 4].try_into().unwrap()) as usize;
            let mty = u16::from_ne_bytes(buf[at + 4..at + 6].try_into().unwrap());
            assert!(len >= 16 && at + len <= n, "bad netlink reply");
            if mty == 2 {
                let code = i32::from_ne_bytes(buf[at + 16..at + 20].try_into().unwrap());
                return if code == 0 { Ok(replies) } else { Err(io::Error::from_raw_os_error(-code)) };
            }
            replies.push(buf[at + 16..at + len].to_vec());
            at += len.next_multiple_of(4);
        }
    }
}

fn set_up(index: u32) -> io::Result<()> {
    rtnl(16, 0, &ifinfomsg(index as i32, 1, 1)).map(drop) // RTM_NEWLINK, IFF_UP
}

fn add_ipv4(index: u32, addr: Ipv4Addr) -> io::Result<()> {
    let mut body = vec![libc::AF_INET as u8, 24, 0, 0];
    body.extend_from_slice(&index.to_ne_bytes());
    nla(&mut body, 2, &addr.octets()); // IFA_LOCAL
    nla(&mut body, 1, &addr.octets()); // IFA_ADDRESS
    rtnl(20, 0x400 | 0x200, &body).map(drop) // RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL
}

/// The promiscuity and all-multicast counters of interface `index` (RTM_GETLINK attributes
/// IFLA_PROMISCUITY and IFLA_ALLMULTI; the latter only on kernels since 6.6). Membership
/// counts do not show in `ifi_flags`, which reports only the flags set by SIOCSIFFLAGS.
fn link_counters(index: u32) -> io::Result<(u32, Option<u32>)> {
    let replies = rtnl(18, 0, &ifinfomsg(index as i32, 0, 0))?;
    let reply = replies.first().ok_or_else(|| io::Error::other("no RTM_NEWLINK reply"))?;
    let (mut promiscuity, mut allmulti) = (None, None);
    let mut at = 16;
    while at + 4 <= reply.len() {
        let len = usize::from(u16::from_ne_bytes([reply[at], reply[at + 1]]));
        let ty = u16::from_ne_bytes([reply[at + 2], reply[at + 3]]) & 0x3fff;
        if len < 4 || at + len > reply.len() {
            break;
        }
        let value = reply.get(at + 4..at + 8).map(|v| u32::from_ne_bytes(v.try_into().unwrap()));
        match ty {
            30 => promiscuity = value, // IFLA_PROMISCUITY
            61 => allmulti = value,    // IFLA_ALLMULTI
            _ => {}
        }
        at += len.next_multiple_of(4);
    }
    Ok((promiscuity.ok_or_else(|| io::Error::other("no IFLA_PROMISCUITY"))?, allmulti))
}

// ---- two namespaces joined by a veth pair ----

fn netns_fd() -> io::Result<OwnedFd> {
    Ok(std::fs::File::open("/proc/thread-self/ns/net")?.into())
}

/// A veth pair `a` (namespace A, where the test thread stays) — `b` (namespace B).
struct Pair {
    ns_a: OwnedFd,
    ns_b: OwnedFd,
    a: u32,
    b: u32,
    a_mac: HwAddr,
    b_mac: HwAddr,
    b_name: &'static str,
}

impl Pair {
    /// Runs `f` with the calling thread in namespace B (sockets made there stay there).
    fn in_b<T>(&self, f: impl FnOnce() -> T) -> T {
        setns(&self.ns_b, CloneFlags::CLONE_NEWNET).expect("setns B");
        let out = f();
        setns(&self.ns_a, CloneFlags::CLONE_NEWNET).expect("setns A");
        out
    }

    fn frame(&self, dst: HwAddr, payload: &[u8]) -> Vec<u8> {
        let mut f = Vec::with_capacity(14 + payload.len());
        f.extend_from_slice(dst.as_bytes());
        f.extend_from_slice(self.a_mac.as_bytes());
        f.extend_from_slice(&PROTO.to_be_bytes());
        f.extend_from_slice(payload);
        f
    }

    /// A raw socket in A bound to `a` for sending frames.
    fn sender(&self) -> PacketSocket {
        let s = PacketSocket::raw(0).unwrap();
        s.bind(&PacketAddr::new(self.a, PROTO)).unwrap();
        s
    }

    /// A socket in B bound to `b` with `protocol`, with the test timeout.
    fn receiver(&self, ty: Type, protocol: u16) -> PacketSocket {
        let s = self.in_b(|| PacketSocket::new(ty, protocol)).unwrap();
        s.bind(&PacketAddr::new(self.b, protocol)).unwrap();
        s.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
        s
    }
}

/// Creates namespaces A and B and the veth pair in a fresh thread, runs `test` there and
/// lets everything vanish with the thread. Without root, namespaces or veth it returns after a
/// SOCK-SKIP line (a failure under SOCK_REQUIRE_ALL=1).
fn with_pair(tag: u8, test: impl FnOnce(&Pair) + Send) {
    if !sock_tests::require_root("AF_PACKET over veth in network namespaces") {
        return;
    }
    std::thread::scope(|scope| {
        scope.spawn(move || run_in_namespaces(tag, test));
    });
}

fn run_in_namespaces(tag: u8, test: impl FnOnce(&Pair)) {
    {
        let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
        if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
            return;
        }
        let ns_a = netns_fd().unwrap();
        unshare(CloneFlags::CLONE_NEWNET).unwrap();
        let ns_b = netns_fd().unwrap();
        setns(&ns_a, CloneFlags::CLONE_NEWNET).unwrap();
        let a_mac = HwAddr::ether([0x02, 0x73, 0x70, tag, 0, 0x0a]);
        let b_mac = HwAddr::ether([0x02, 0x73, 0x70, tag, 0, 0x0b]);
        let (a_name, b_name) = ("spa", "spb");
        let mut body = ifinfomsg(0, 0, 0).to_vec();
        nla(&mut body, 3, format!("{a_name}\0").as_bytes()); // IFLA_IFNAME
        nla(&mut body, 1, a_mac.as_bytes()); // IFLA_ADDRESS
        nest(&mut body, 18, |b| {
            // IFLA_LINKINFO
            nla(b, 1, b"veth\0"); // IFLA_INFO_KIND
            nest(b, 2, |b| {
                // IFLA_INFO_DATA
                nest(b, 1, |b| {
                    // VETH_INFO_PEER: ifinfomsg + attributes
                    b.extend_from_slice(&ifinfomsg(0, 0, 0));
                    nla(b, 3, format!("{b_name}\0").as_bytes());
                    nla(b, 1, b_mac.as_bytes());
                    nla(b, 28, &(std::os::fd::AsRawFd::as_raw_fd(&ns_b) as u32).to_ne_bytes());
                    // IFLA_NET_NS_FD
                });
            });
        });
        let created = rtnl(16, 0x400 | 0x200, &body); // RTM_NEWLINK, CREATE | EXCL
        if !sock_tests::require("veth interfaces (module veth)", created) {
            return;
        }
        let probe = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let a = if_index(&probe, &IfName::new(a_name).unwrap()).unwrap();
        let b = setns(&ns_b, CloneFlags::CLONE_NEWNET)
            .map(|_| {
                let p = Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
                let b = if_index(&p, &IfName::new(b_name).unwrap()).unwrap();
                set_up(b).unwrap();
                b
            })
            .unwrap();
        setns(&ns_a, CloneFlags::CLONE_NEWNET).unwrap();
        set_up(a).unwrap();
        let pair = Pair { ns_a, ns_b, a, b, a_mac, b_mac, b_name };
        test(&pair);
    }
}

/// Receives frames until `want` accepts one (other traffic — IPv6 router solicitations, ARP —
/// is skipped); fails after the socket's timeout.
fn recv_until(sock: &PacketSocket, mut want: impl FnMut(&[u8], &PacketAddr) -> bool) -> (Vec<u8>, PacketAddr) {
    let deadline = Instant::now() + TIMEOUT;
    let mut buf = [0u8; 2048];
    loop {
        assert!(Instant::now() < deadline, "expected frame did not arrive");
        let (n, from) = sock.recv_from(&mut buf).expect("recv_from");
        if want(&buf[..n], &from) {
            return (buf[..n].to_vec(), from);
        }
    }
}

#[test]
fn custom_ethertype_frames_carry_the_right_address() {
    with_pair(1, |p| {
        let rx = p.receiver(Type::RAW, PROTO);
        let tx = p.sender();
        let other = HwAddr::ether([0x02, 0x99, 0, 0, 0, 1]);
        let multicast = HwAddr::ether([0x01, 0x00, 0x5e, 0x01, 0x02, 0x03]);
        rx.add_membership(p.b, Membership::Multicast(multicast)).unwrap();
        let cases = [
            (p.b_mac, PACKET_HOST),
            (HwAddr::BROADCAST, PACKET_BROADCAST),
            (multicast, PACKET_MULTICAST),
            (other, PACKET_OTHERHOST),
        ];
        for (i, (dst, pkttype)) in cases.into_iter().enumerate() {
            let payload = format!("sock-packet frame {i}");
            let frame = p.frame(dst, payload.as_bytes());
            assert_eq!(tx.send_to(&frame, &PacketAddr::new(p.a, PROTO)).unwrap(), frame.len());
            let (got, from) = recv_until(&rx, |_, _| true);
            assert_eq!(got, frame, "the frame arrives whole, header included");
            assert_eq!(from.protocol, PROTO);
            assert_eq!(from.pkttype, pkttype, "pkttype of a frame to {dst}");
            assert_eq!(from.hatype, ARPHRD_ETHER);
            assert_eq!(from.hwaddr, p.a_mac, "the sender's hardware address");
            assert_eq!(from.interface, Interface::Index(p.b));
            let named = from.with_name(&rx).unwrap();
            assert_eq!(named.interface, Interface::name(p.b_name).unwrap());
            let text = named.to_string();
            assert_eq!(text.parse::<PacketAddr>().unwrap(), named);
            assert!(text.starts_with("spb/0x88b5/"), "{text}");
        }
        rx.drop_membership(p.b, Membership::Multicast(multicast)).unwrap();
    });
}

#[test]
fn eth_p_all_sees_a_udp_datagram() {
    with_pair(2, |p| {
        add_ipv4(p.a, Ipv4Addr::new(10, 115, 2, 1)).unwrap();
        p.in_b(|| add_ipv4(p.b, Ipv4Addr::new(10, 115, 2, 2))).unwrap();
        let rx = p.receiver(Type::RAW, ETH_P_ALL);
        let udp = UdpSocket::bind((Ipv4Addr::new(10, 115, 2, 1), 0)).unwrap();
        udp.send_to(b"sock-udp-through-veth", (Ipv4Addr::new(10, 115, 2, 2), 4242)).unwrap();
        let (frame, from) = recv_until(&rx, |f, _| {
            f.len() > 42 && f[12..14] == [0x08, 0x00] && f[23] == 17 && f[36..38] == 4242u16.to_be_bytes()
        });
        assert!(frame.ends_with(b"sock-udp-through-veth"));
        assert_eq!(&frame[0..6], p.b_mac.as_bytes(), "sent to b's MAC after ARP");
        assert_eq!((from.protocol, from.pkttype, from.hwaddr), (ETH_P_IP, PACKET_HOST, p.a_mac));
    });
}

#[test]
fn cooked_dgram_mode_adds_and_strips_the_header() {
    with_pair(3, |p| {
        let rx = p.receiver(Type::DGRAM, PROTO);
        let tx = PacketSocket::dgram(PROTO).unwrap();
        let to = PacketAddr::new(p.a, PROTO).with_hwaddr(p.b_mac);
        assert_eq!(tx.send_to(b"cooked payload", &to).unwrap(), 14);
        let (got, from) = recv_until(&rx, |_, _| true);
        assert_eq!(got, b"cooked payload", "no link-layer header in SOCK_DGRAM");
        assert_eq!((from.protocol, from.pkttype, from.hwaddr), (PROTO, PACKET_HOST, p.a_mac));
        // The plain Socket takes a PacketAddr too, with the interface given by name.
        let plain: Socket = PacketSocket::dgram(PROTO).unwrap().into_inner();
        let by_name = PacketAddr::new(Interface::name("spa").unwrap(), PROTO).with_hwaddr(p.b_mac);
        plain.send_to(b"via Socket", by_name).unwrap();
        assert_eq!(recv_until(&rx, |_, _| true).0, b"via Socket");
    });
}

#[test]
fn outgoing_frames_are_seen_on_the_sender_unless_ignored() {
    with_pair(4, |p| {
        let tap = PacketSocket::raw(ETH_P_ALL).unwrap();
        tap.bind(&PacketAddr::new(p.a, ETH_P_ALL)).unwrap();
        tap.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
        let tx = p.sender();
        let frame = p.frame(p.b_mac, b"sock-outgoing-1");
        tx.send_to(&frame, &PacketAddr::new(p.a, PROTO)).unwrap();
        let (got, from) = recv_until(&tap, |f, _| f.ends_with(b"sock-outgoing-1"));
        assert_eq!(got, frame);
        assert_eq!((from.pkttype, from.protocol, from.hwaddr), (PACKET_OUTGOING, PROTO, p.a_mac));

        assert!(!tap.ignore_outgoing().unwrap());
        tap.set_ignore_outgoing(true).unwrap();
        assert!(tap.ignore_outgoing().unwrap());
        tx.send_to(&p.frame(p.b_mac, b"sock-outgoing-2"), &PacketAddr::new(p.a, PROTO)).unwrap();
        tap.as_ref().set_timeout(Some(Duration::from_millis(300))).unwrap();
        let mut buf = [0u8; 2048];
        loop {
            match tap.recv_from(&mut buf) {
                Ok((n, from)) => assert!(
                    !buf[..n].ends_with(b"sock-outgoing-2") && from.pkttype != PACKET_OUTGOING,
                    "outgoing frame delivered despite PACKET_IGNORE_OUTGOING"
                ),
                Err(e) if e.kind() == io::ErrorKind::TimedOut => break,
                Err(e) => panic!("{e}"),
            }
        }
    });
}

#[test]
fn statistics_count_what_was_received() {
    with_pair(5, |p| {
        let rx = p.receiver(Type::RAW, PROTO);
        let _ = rx.statistics().unwrap(); // reading resets
        let tx = p.sender();
        for i in 0..5u8 {
            tx.send_to(&p.frame(p.b_mac, &[i; 20]), &PacketAddr::new(p.a, PROTO)).unwrap();
            recv_until(&rx, |_, _| true);
        }
        assert_eq!(rx.statistics().unwrap(), TpacketStats { packets: 5, drops: 0 });
        assert_eq!(rx.statistics().unwrap(), TpacketStats::default(), "reading resets the counters");
    });
}

#[test]
fn auxdata_describes_each_frame() {
    with_pair(6, |p| {
        let rx = p.receiver(Type::RAW, PROTO);
        assert!(!rx.auxdata().unwrap());
        rx.set_auxdata(true).unwrap();
        assert!(rx.auxdata().unwrap());
        let frame = p.frame(p.b_mac, b"sock-auxdata");
        p.sender().send_to(&frame, &PacketAddr::new(p.a, PROTO)).unwrap();
        let mut buf = [0u8; 2048];
        let (n, from, aux) = rx.recv_with_auxdata(&mut buf).unwrap();
        assert_eq!(&buf[..n], &frame[..]);
        assert_eq!(from.hwaddr, p.a_mac);
        let aux = aux.expect("PACKET_AUXDATA item");
        assert_eq!((aux.len, aux.snaplen), (frame.len(), frame.len()));
        assert_eq!(aux.net, ETH_HLEN, "network header after the Ethernet header");
        assert_eq!(aux.vlan_tci(), None);
        assert!(!rx.origdev().unwrap());
        rx.set_origdev(true).unwrap();
        assert!(rx.origdev().unwrap());
    });
}

#[test]
fn fanout_load_balances_between_group_members() {
    with_pair(7, |p| {
        let members = [p.receiver(Type::RAW, PROTO), p.receiver(Type::RAW, PROTO)];
        let group = Fanout::new(0x5370, PACKET_FANOUT_LB); // fanout ids are per namespace
        for m in &members {
            assert_eq!(m.fanout().unwrap(), None);
            m.set_fanout(group).unwrap();
            assert_eq!(m.fanout().unwrap(), Some(group));
        }
        let tx = p.sender();
        for i in 0..6u8 {
            tx.send_to(&p.frame(p.b_mac, &[i; 16]), &PacketAddr::new(p.a, PROTO)).unwrap();
        }
        // Collect until all six arrived, reading a member whenever it is readable.
        let mut counts = [0; 2];
        let deadline = Instant::now() + Duration::from_secs(10);
        for m in &members {
            m.as_ref().set_blocking(false).unwrap();
        }
        let mut buf = [0u8; 128];
        while counts.iter().sum::<usize>() < 6 {
            assert!(Instant::now() < deadline, "only {counts:?} of 6 frames arrived");
            for (m, count) in members.iter().zip(&mut counts) {
                if sock_tests::wait_readable(m.as_ref(), Duration::from_millis(10)) {
                    while m.recv_from(&mut buf).is_ok() {
                        *count += 1;
                    }
                }
            }
        }
        assert_eq!(counts, [3, 3], "round-robin over two members");
    });
}

#[test]
fn promiscuous_and_allmulti_memberships_count_on_the_interface() {
    with_pair(8, |p| {
        let rx = p.receiver(Type::RAW, PROTO);
        let counters = || p.in_b(|| link_counters(p.b)).unwrap();
        let (promisc0, allmulti0) = counters();
        rx.add_membership(p.b, Membership::Promisc).unwrap();
        assert_eq!(counters().0, promisc0 + 1, "PACKET_MR_PROMISC raises the promiscuity count");
        rx.drop_membership(p.b, Membership::Promisc).unwrap();
        assert_eq!(counters().0, promisc0);
        rx.add_membership(Interface::name(p.b_name).unwrap(), Membership::AllMulti).unwrap();
        if let Some(before) = allmulti0 {
            assert_eq!(counters().1, Some(before + 1), "PACKET_MR_ALLMULTI raises the allmulti count");
        }
        rx.add_membership(p.b, Membership::Promisc).unwrap();
        drop(rx);
        assert_eq!(counters(), (promisc0, allmulti0), "memberships end with the socket");
    });
}

#[test]
fn bind_local_addr_and_interface_names() {
    with_pair(9, |p| {
        let s = p.in_b(|| PacketSocket::raw(PROTO)).unwrap();
        s.bind(&PacketAddr::new(Interface::name(p.b_name).unwrap(), PROTO)).unwrap();
        let local = s.local_addr().unwrap();
        assert_eq!((local.interface, local.protocol, local.hatype), (Interface::Index(p.b), PROTO, ARPHRD_ETHER));
        assert_eq!(local.hwaddr, p.b_mac);
        assert_eq!(s.if_name(p.b).unwrap().as_str(), "spb");
        assert_eq!(s.if_index("spb").unwrap(), p.b);
        // The name is looked up in the socket's namespace, not the thread's (A has no `spb`).
        let in_a = PacketSocket::raw(PROTO).unwrap();
        let missing = in_a.if_index("spb").unwrap_err();
        assert_eq!(sock_core::errno(&missing), Some(libc::ENODEV));
        assert_eq!(missing.to_string(), "spb: no such interface (ENODEV)");
        // Issue 16: setup errors name what failed, keeping the errno.
        let e = in_a.bind(&PacketAddr::new(Interface::name("spb").unwrap(), PROTO)).unwrap_err();
        assert_eq!(
            (sock_core::errno(&e), e.to_string().as_str()),
            (Some(libc::ENODEV), "bind spb: no such interface (ENODEV)")
        );
        let nowhere = PacketAddr::new(4_000_000u32, PROTO);
        let e = in_a.bind(&nowhere).unwrap_err();
        assert_eq!(sock_core::errno(&e), Some(libc::ENODEV), "{e}");
        assert_eq!(e.to_string(), format!("bind {nowhere}: no such interface (ENODEV)"));
        let e = in_a.add_membership(Interface::name("spb").unwrap(), Membership::Promisc).unwrap_err();
        assert_eq!(e.to_string(), "PACKET_ADD_MEMBERSHIP spb: no such interface (ENODEV)");
        let e = in_a.add_membership(4_000_000u32, Membership::AllMulti).unwrap_err();
        assert_eq!(sock_core::errno(&e), Some(libc::ENODEV), "{e}");
        assert!(e.to_string().starts_with("PACKET_ADD_MEMBERSHIP #4000000: "), "{e}");
        let e = in_a.set_fanout(Fanout::new(1, 0x0fff)).unwrap_err();
        assert!(e.to_string().starts_with("setsockopt PACKET_FANOUT: "), "{e}");
        let long = "sp-name-too-long";
        assert_eq!(s.if_index(long).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        sock_tests::assert_kind(Interface::name(long), io::ErrorKind::InvalidInput);
        // never silently cut
        // `bound` = new + bind; the name is looked up on the new socket.
        let b = p.in_b(|| PacketSocket::bound(Type::DGRAM, &PacketAddr::new(Interface::name("spb")?, PROTO))).unwrap();
        assert_eq!(b.local_addr().unwrap().interface, Interface::Index(p.b));
        assert_eq!(b.socket().ty(), Type::DGRAM);
        // Wrapping checks the family and type (it did not before the family contract).
        let udp = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        sock_tests::assert_kind(PacketSocket::try_from(udp), io::ErrorKind::InvalidInput);
        let back = PacketSocket::try_from(b.into_inner()).unwrap();
        assert_eq!(PacketAddr::decode(&back.socket().local_addr().unwrap()).unwrap().protocol, PROTO);
    });
}

#[test]
fn constants_match_python() {
    if !sock_tests::require("python3", sock_tests::have_program("python3")) {
        return;
    }
    let out = sock_tests::python(
        "import socket\nfor n in ['PACKET_HOST','PACKET_BROADCAST','PACKET_MULTICAST','PACKET_OTHERHOST',\
         'PACKET_OUTGOING','PACKET_LOOPBACK','PACKET_FASTROUTE','AF_PACKET','PF_PACKET']:\n print(n, getattr(socket, n))",
        &[],
    );
    let ours: &[(&str, i64)] = &[
        ("PACKET_HOST", PACKET_HOST.into()),
        ("PACKET_BROADCAST", PACKET_BROADCAST.into()),
        ("PACKET_MULTICAST", PACKET_MULTICAST.into()),
        ("PACKET_OTHERHOST", PACKET_OTHERHOST.into()),
        ("PACKET_OUTGOING", PACKET_OUTGOING.into()),
        ("PACKET_LOOPBACK", PACKET_LOOPBACK.into()),
        ("PACKET_FASTROUTE", PACKET_FASTROUTE.into()),
        ("AF_PACKET", AF_PACKET.into()),
        ("PF_PACKET", PF_PACKET.into()),
    ];
    for (line, (name, value)) in out.lines().zip(ours) {
        assert_eq!(line, format!("{name} {value}"));
    }
    assert_eq!(out.lines().count(), ours.len());
}
