#![cfg(feature = "netlink")]
//! AF_NETLINK against the real kernel: an RTM_GETLINK dump compared with `if_nameindex(3)`,
//! link events on RTMGRP_LINK when a veth pair appears in a private network namespace, error
//! acknowledgements, addresses, and the constants compared with CPython's.

use std::collections::BTreeSet;
use std::ffi::CStr;
use std::io;
use std::time::{Duration, Instant};

use nix::sched::{unshare, CloneFlags};
use sock_core::{Family, FamilyAddr, Protocol, Socket, Type};
use sock_netlink::msg::{NlMsgBuilder, NlMsgIter};
use sock_netlink::route::*;
use sock_netlink::*;

const TIMEOUT: Duration = Duration::from_secs(5);

/// `if_nameindex(3)`: the (index, name) pairs libc reports.
fn if_nameindex() -> BTreeSet<(u32, String)> {
    let mut out = BTreeSet::new();
    // SAFETY: `if_nameindex` takes no arguments and returns an owned array or null.
    let list = unsafe { libc::if_nameindex() };
    assert!(!list.is_null(), "if_nameindex failed: {}", io::Error::last_os_error());
    let mut at = list;
    loop {
        // SAFETY: `at` walks the array libc returned, which ends with a zeroed entry that we
        // stop at; each entry is valid while `list` is not freed.
        let entry = unsafe { &*at };
        if entry.if_index == 0 {
            break;
        }
        // SAFETY: `if_name` of a non-terminal entry is a valid NUL-terminated string.
        let name = unsafe { CStr::from_ptr(entry.if_name) };
        out.insert((entry.if_index, name.to_string_lossy().into_owned()));
        // SAFETY: the terminal entry has not been reached, so the next one is in the array.
        at = unsafe { at.add(1) };
    }
    // SAFETY: `list` came from `if_nameindex` and is freed once.
    unsafe { libc::if_freenameindex(list) };
    out
}

/// The (index, name) pairs of an RTM_GETLINK dump.
fn dump_links(nl: &NetlinkSocket) -> io::Result<BTreeSet<(u32, String)>> {
    let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_DUMP);
    req.push_struct(&IfInfoMsg::default().to_bytes());
    let mut links = BTreeSet::new();
    nl.dump(req, |msg| {
        assert_eq!(msg.header.ty, RTM_NEWLINK);
        let info = IfInfoMsg::from_bytes(msg.payload).expect("ifinfomsg");
        let mut attrs = IfInfoMsg::attrs(msg.payload);
        let name = attrs.by_ref().find(|a| a.ty == IFLA_IFNAME).expect("IFLA_IFNAME").as_str()?.to_owned();
        links.insert((info.index, name));
        Ok(())
    })?;
    Ok(links)
}

#[test]
fn getlink_dump_lists_the_interfaces_of_if_nameindex() {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    nl.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
    // Other tests may add or remove interfaces meanwhile: compare snapshots until two agree.
    for attempt in 0.. {
        let ours = dump_links(&nl).unwrap();
        let libc = if_nameindex();
        if ours == libc || attempt == 4 {
            assert_eq!(ours, libc);
            assert!(ours.iter().any(|(_, n)| n == "lo"));
            break;
        }
        // A bounded retry (5 snapshots) on the condition "two views agree"; the pause gives a
        // concurrent test time to finish its change, it synchronises nothing.
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn addresses_of_a_conversation_with_the_kernel() {
    let nl = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, 0)).unwrap();
    let local = nl.local_addr().unwrap();
    assert_ne!(local.pid, 0, "bound to a kernel-chosen port id");
    assert_eq!(local.groups, 0);
    let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_DUMP);
    req.push_struct(&IfInfoMsg::default().to_bytes());
    let seq = nl.send_request(req).unwrap();
    let sock = nl.as_ref();
    sock.set_timeout(Some(TIMEOUT)).unwrap();
    let mut buf = vec![0u8; 65536];
    let (n, from) = sock.recv_from(&mut buf).unwrap();
    assert_eq!(NetlinkAddr::decode(&from).unwrap(), NetlinkAddr::KERNEL, "replies come from pid 0");
    let first = NlMsgIter::new(&buf[..n]).next().unwrap().unwrap();
    assert_eq!((first.header.seq, first.header.pid), (seq, local.pid));
    assert_ne!(first.header.flags & NLM_F_MULTI, 0, "dump replies are multipart");
}

/// Issue 14: `NetlinkSocket::new` makes the socket only; the kernel binds it at the first
/// send, so a dump works without `bound`.
#[test]
fn new_is_unbound_until_the_first_request() {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    assert_eq!(nl.local_addr().unwrap().pid, 0, "not bound yet");
    nl.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
    let links = dump_links(&nl).unwrap();
    assert!(links.iter().any(|(_, n)| n == "lo"));
    assert_ne!(nl.local_addr().unwrap().pid, 0, "autobound by the first send");
    let e = NetlinkSocket::try_from(Socket::new(Family::UNIX, Type::DGRAM, None).unwrap()).unwrap_err();
    assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
}

#[test]
fn legacy_group_bits_are_bound_and_reported() {
    let sock = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(NETLINK_ROUTE))).unwrap();
    sock.bind(NetlinkAddr::new(0, RTMGRP_LINK | RTMGRP_IPV4_IFADDR)).unwrap();
    let local = NetlinkAddr::decode(&sock.local_addr().unwrap()).unwrap();
    assert_eq!(local.groups, RTMGRP_LINK | RTMGRP_IPV4_IFADDR);
    assert_eq!(local.to_string().parse::<NetlinkAddr>().unwrap(), local);
}

#[test]
fn errors_come_back_as_os_errors() {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    nl.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
    let mut req = NlMsgBuilder::new(RTM_DELLINK, 0);
    req.push_struct(&IfInfoMsg { index: i32::MAX as u32 - 7, ..Default::default() }.to_bytes());
    let err = nl.request_ack(req).unwrap_err();
    // ENODEV as root; EPERM without CAP_NET_ADMIN. The message names the request.
    let errno = sock_core::errno(&err);
    assert!(matches!(errno, Some(libc::ENODEV) | Some(libc::EPERM)), "{err:?}");
    let text = if errno == Some(libc::EPERM) { "Operation not permitted (EPERM)" } else { "No such device (ENODEV)" };
    assert!(err.to_string().starts_with(&format!("RTM_DELLINK: {text}")), "{err}");
}

/// Waits for link events of type `ty` (`RTM_NEWLINK`/`RTM_DELLINK`) naming each of `names`
/// on `sub` (in whatever order they come); returns their headers in the order of `names`.
fn wait_for_link_events(sub: &NetlinkSocket, ty: u16, names: &[&str]) -> Vec<IfInfoMsg> {
    let deadline = Instant::now() + TIMEOUT;
    let mut found: Vec<Option<IfInfoMsg>> = vec![None; names.len()];
    let mut buf = vec![0u8; 65536];
    while found.iter().any(Option::is_none) {
        assert!(Instant::now() < deadline, "no link events for all of {names:?}: {found:?}");
        let n = sub.recv(&mut buf).expect("link event");
        for msg in NlMsgIter::new(&buf[..n]) {
            let msg = msg.unwrap();
            if msg.header.ty != ty {
                continue;
            }
            let name = IfInfoMsg::attrs(msg.payload).find(|a| a.ty == IFLA_IFNAME).and_then(|a| a.as_str().ok());
            if let Some(i) = names.iter().position(|n| Some(*n) == name) {
                found[i] = IfInfoMsg::from_bytes(msg.payload);
            }
        }
    }
    found.into_iter().flatten().collect()
}

#[test]
fn rtmgrp_link_reports_a_new_veth_pair() {
    if !sock_tests::require_root("creating interfaces (netlink link events)") {
        return;
    }
    std::thread::scope(|s| {
        s.spawn(|| {
            let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
            if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
                return;
            }
            // Two subscribers: one through the group number, one through the legacy bit mask.
            // Bound: the kernel's broadcasts skip an unbound socket (its port id 0 is the
            // kernel's own), and joining a group does not bind.
            let sub = NetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL).unwrap();
            sub.add_membership(RTNLGRP_LINK).unwrap();
            sub.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
            let legacy = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(NETLINK_ROUTE))).unwrap();
            legacy.bind(NetlinkAddr::new(0, RTMGRP_LINK)).unwrap();
            let legacy = NetlinkSocket::try_from(legacy).unwrap();
            legacy.as_ref().set_timeout(Some(TIMEOUT)).unwrap();

            let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
            nl.as_ref().set_timeout(Some(TIMEOUT)).unwrap();
            let mut req = NlMsgBuilder::new(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
            req.push_struct(&IfInfoMsg::default().to_bytes());
            req.push_attr_str(IFLA_IFNAME, "spnl0").unwrap();
            let info = req.begin_nested(IFLA_LINKINFO);
            req.push_attr_str(IFLA_INFO_KIND, "veth").unwrap();
            let data = req.begin_nested(IFLA_INFO_DATA);
            let peer = req.begin_nested(VETH_INFO_PEER);
            req.push_struct(&IfInfoMsg::default().to_bytes());
            req.push_attr_str(IFLA_IFNAME, "spnl1").unwrap();
            req.end_nested(peer).unwrap();
            req.end_nested(data).unwrap();
            req.end_nested(info).unwrap();
            if !sock_tests::require("veth interfaces (module veth)", nl.request_ack(req)) {
                return;
            }

            let events = wait_for_link_events(&sub, RTM_NEWLINK, &["spnl0", "spnl1"]);
            let event = events[0];
            assert_eq!(event.ty, 1, "ARPHRD_ETHER");
            assert_ne!(events[1].index, event.index);
            let via_legacy = wait_for_link_events(&legacy, RTM_NEWLINK, &["spnl0"])[0];
            assert_eq!(via_legacy.index, event.index);
            assert!(dump_links(&nl).unwrap().contains(&(event.index, "spnl0".to_owned())));

            // Creating it again is EEXIST; deleting it is seen by the subscriber.
            let mut again = NlMsgBuilder::new(RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL);
            again.push_struct(&IfInfoMsg::default().to_bytes());
            again.push_attr_str(IFLA_IFNAME, "spnl0").unwrap();
            let info = again.begin_nested(IFLA_LINKINFO);
            again.push_attr_str(IFLA_INFO_KIND, "veth").unwrap();
            again.end_nested(info).unwrap();
            let err = nl.request_ack(again).unwrap_err();
            assert_eq!(sock_core::errno(&err), Some(libc::EEXIST));
            assert!(err.to_string().starts_with("RTM_NEWLINK: File exists (EEXIST)"), "{err}");
            let mut del = NlMsgBuilder::new(RTM_DELLINK, 0);
            del.push_struct(&IfInfoMsg { index: event.index, ..Default::default() }.to_bytes());
            nl.request_ack(del).unwrap();
            wait_for_link_events(&sub, RTM_DELLINK, &["spnl0"]);

            sub.drop_membership(RTNLGRP_LINK).unwrap();
        });
    });
}

#[test]
fn constants_match_python() {
    if !sock_tests::require("python3", sock_tests::have_program("python3")) {
        return;
    }
    let ours: &[(&str, i32)] = &[
        ("AF_NETLINK", AF_NETLINK),
        ("NETLINK_ROUTE", NETLINK_ROUTE),
        ("NETLINK_USERSOCK", NETLINK_USERSOCK),
        ("NETLINK_FIREWALL", NETLINK_FIREWALL),
        ("NETLINK_NFLOG", NETLINK_NFLOG),
        ("NETLINK_XFRM", NETLINK_XFRM),
        ("NETLINK_IP6_FW", NETLINK_IP6_FW),
        ("NETLINK_DNRTMSG", NETLINK_DNRTMSG),
        ("NETLINK_CRYPTO", NETLINK_CRYPTO),
    ];
    let names: Vec<&str> = ours.iter().map(|(n, _)| *n).collect();
    let out = sock_tests::python(
        "import socket, sys\nfor n in sys.argv[1:]:\n print(n, getattr(socket, n, 'missing'))",
        &names,
    );
    let expected: Vec<String> = ours.iter().map(|(n, v)| format!("{n} {v}")).collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);
}

#[test]
fn python_reads_the_same_netlink_address() {
    if !sock_tests::require("python3", sock_tests::have_program("python3")) {
        return;
    }
    // CPython binds (0, groups) and prints getsockname(); ours decodes the same fields.
    let out = sock_tests::python(
        "import socket\ns = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, socket.NETLINK_ROUTE)\n\
         s.bind((0, 1))\npid, groups = s.getsockname()\nprint(pid != 0, groups)",
        &[],
    );
    assert_eq!(out.trim(), "True 1");
    let sock = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(NETLINK_ROUTE))).unwrap();
    sock.bind(NetlinkAddr::new(0, 1)).unwrap();
    let local = NetlinkAddr::decode(&sock.local_addr().unwrap()).unwrap();
    assert_eq!((local.pid != 0, local.groups), (true, 1));
}

/// The output of `ip ARGS`, or `None` (with the reason printed) where `ip` is missing.
fn ip(args: &[&str]) -> Option<String> {
    match std::process::Command::new("ip").args(args).output() {
        Ok(out) if out.status.success() => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Ok(out) => panic!("ip {args:?} failed: {}", String::from_utf8_lossy(&out.stderr)),
        Err(e) if !sock_tests::require_all() => {
            println!("SKIP: no `ip` tool ({e})");
            None
        }
        Err(e) => panic!("ip {args:?}: {e}"),
    }
}

/// An interface name as `ip -br` prints it (`veth0@if5`), without the link part.
fn ip_name(word: &str) -> &str {
    word.split('@').next().unwrap_or(word)
}

/// `Link::dump` against `ip -br link`: the same names, operational states, MAC addresses
/// and flags, as `ip` prints them.
#[test]
fn links_match_ip_br_link() {
    let Some(text) = ip(&["-br", "link"]) else { return };
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    let links = Link::dump(&nl).unwrap();
    let mut seen = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        let link = links.iter().find(|l| l.name == ip_name(words[0])).unwrap_or_else(|| panic!("{line:?} not dumped"));
        assert_eq!(words[1], link.operstate.to_string(), "{line}");
        assert_eq!(*words.last().unwrap(), format!("<{}>", link.flags), "{line}");
        if let (Some(mac), 4) = (link.mac, words.len()) {
            assert_eq!(words[2], mac.to_string(), "{line}");
        }
        assert!(link.index > 0 && link.mtu > 0, "{link:?}");
        seen += 1;
    }
    assert_eq!(seen, links.len(), "ip -br link lists every dumped link");
    let lo = links.iter().find(|l| l.name == "lo").expect("lo");
    assert!(if_nameindex().contains(&(lo.index, "lo".to_owned())));
    assert_eq!(lo.ty, ARPHRD_LOOPBACK);
    assert!(lo.flags.contains(IFF_LOOPBACK));
}

/// `Address::dump` against `ip -br addr`: each interface's `address/prefix` list.
#[test]
fn addresses_match_ip_br_addr() {
    let Some(text) = ip(&["-br", "addr"]) else { return };
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    let links = Link::dump(&nl).unwrap();
    let addrs = Address::dump(&nl, sock_core::consts::AF_UNSPEC).unwrap();
    let mut theirs = BTreeSet::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        for addr in &words[2..] {
            theirs.insert((ip_name(words[0]).to_owned(), (*addr).to_owned()));
        }
    }
    let ours: BTreeSet<(String, String)> = addrs
        .iter()
        .map(|a| {
            let link = links.iter().find(|l| l.index == a.index).expect("an address on a dumped link");
            (link.name.clone(), a.to_string())
        })
        .collect();
    assert_eq!(ours, theirs);
    let v6 = Address::dump(&nl, sock_core::consts::AF_INET6).unwrap();
    assert!(v6.iter().all(|a| a.address.is_ipv6()));
}

/// `Route::dump` against `ip route`: every unicast route of the main table is a line of
/// `ip -4 route show table main` / `ip -6 ...` starting with its destination.
#[test]
fn routes_match_ip_route() {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    for (flag, family) in [("-4", sock_core::consts::AF_INET), ("-6", sock_core::consts::AF_INET6)] {
        let Some(text) = ip(&[flag, "route", "show", "table", "main"]) else { return };
        let firsts: BTreeSet<&str> = text.lines().filter_map(|l| l.split_whitespace().next()).collect();
        for r in Route::dump(&nl, family).unwrap() {
            assert_eq!(i32::from(r.family), family);
            if r.table == RT_TABLE_MAIN && r.ty == RTN_UNICAST {
                assert!(firsts.contains(r.destination().as_str()), "{} not in {text}", r.destination());
            }
        }
    }
}

/// `Neighbour::dump` reads the neighbour caches (entries come and go, so only their shape is
/// checked: an index of a link, an address of the family).
#[test]
fn neighbours_dump() {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    let links = Link::dump(&nl).unwrap();
    for n in Neighbour::dump(&nl, sock_core::consts::AF_INET).unwrap() {
        assert!(links.iter().any(|l| l.index == n.index), "{n:?}");
        assert!(n.dst.is_none_or(|d| d.is_ipv4()), "{n:?}");
        assert!(!n.state.to_string().is_empty());
    }
}
