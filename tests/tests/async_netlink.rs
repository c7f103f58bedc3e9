#![cfg(all(feature = "netlink", feature = "tokio", feature = "async-io"))]
//! The async netlink socket (issue 15) on both runtimes: requests with their replies and the
//! kernel's errors, dumps as a `Stream` ending at `NLMSG_DONE` (errors as items), multicast
//! link events as a `Stream` (a veth pair made in a private network namespace), cancelled
//! `next()` calls that lose nothing, and timeouts through each runtime's timer.

use std::collections::BTreeSet;
use std::future::Future;
use std::io;
use std::time::Duration;

use futures_lite::future::poll_once;
use futures_lite::StreamExt;
use nix::sched::{unshare, CloneFlags};
use sock_core::aio::Reactor;
use sock_netlink::aio::{AsyncNetlinkSocket, NlMessage};
use sock_netlink::msg::NlMsgBuilder;
use sock_netlink::route::*;
use sock_netlink::{consts::*, NetlinkAddr, NetlinkSocket};

fn getlink_dump() -> NlMsgBuilder {
    let mut req = NlMsgBuilder::new(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
    req.push_struct(&IfInfoMsg::default().to_bytes());
    req
}

fn link_name(msg: &NlMessage) -> Option<String> {
    IfInfoMsg::attrs(&msg.payload).find(|a| a.ty == IFLA_IFNAME).and_then(|a| a.as_str().ok().map(str::to_owned))
}

/// The links of the sync socket's dump: what the async dumps must match.
fn sync_links() -> BTreeSet<(u32, String)> {
    let nl = NetlinkSocket::new(NETLINK_ROUTE).unwrap();
    let mut links = BTreeSet::new();
    nl.dump(getlink_dump(), |msg| {
        let info = IfInfoMsg::from_bytes(msg.payload).unwrap();
        let name = IfInfoMsg::attrs(msg.payload).find(|a| a.ty == IFLA_IFNAME).unwrap().as_str()?.to_owned();
        links.insert((info.index, name));
        Ok(())
    })
    .unwrap();
    links
}

fn as_link(msg: NlMessage) -> (u32, String) {
    assert_eq!(msg.header.ty, RTM_NEWLINK);
    let index = IfInfoMsg::from_bytes(&msg.payload).unwrap().index;
    (index, link_name(&msg).unwrap())
}

/// Dumps, requests and errors, written once over the reactor.
async fn requests_and_dumps<R: Reactor<NetlinkSocket>>(nl: AsyncNetlinkSocket<R>) {
    let expected = sync_links();
    assert!(expected.iter().any(|(_, n)| n == "lo"));

    // The dump through the inherent next(): every link, then None for good.
    let mut dump = nl.dump(getlink_dump()).await.unwrap();
    let mut links = BTreeSet::new();
    while let Some(msg) = dump.next().await {
        links.insert(as_link(msg.unwrap()));
    }
    assert!(dump.next().await.is_none(), "the dump stays ended");
    assert_eq!(links, expected);

    // The same through the Stream trait (futures-lite's StreamExt::collect).
    let items: Vec<io::Result<NlMessage>> = nl.dump(getlink_dump()).await.unwrap().collect().await;
    let links: BTreeSet<_> = items.into_iter().map(|m| as_link(m.unwrap())).collect();
    assert_eq!(links, expected);

    // Cancellation: every other next() is polled once and dropped; nothing goes missing.
    let mut dump = nl.dump(getlink_dump()).await.unwrap();
    let mut links = BTreeSet::new();
    let mut round = 0u32;
    loop {
        round += 1;
        let item = if round % 2 == 0 {
            match poll_once(dump.next()).await {
                Some(item) => item,
                None => continue, // polled, dropped while waiting
            }
        } else {
            dump.next().await
        };
        match item {
            Some(msg) => links.insert(as_link(msg.unwrap())),
            None => break,
        };
    }
    assert_eq!(links, expected, "dropped next() calls lost no message");

    // A request without NLM_F_DUMP: one reply, then the acknowledgement.
    let lo = expected.iter().find(|(_, n)| n == "lo").unwrap().0;
    let mut get = NlMsgBuilder::new(RTM_GETLINK, 0);
    get.push_struct(&IfInfoMsg { index: lo, ..Default::default() }.to_bytes());
    let replies = nl.request(get).await.unwrap();
    assert_eq!(replies.len(), 1);
    assert_eq!(link_name(&replies[0]).as_deref(), Some("lo"));

    // The kernel's errors are OS errors: no such interface.
    let mut missing = NlMsgBuilder::new(RTM_GETLINK, 0);
    missing.push_struct(&IfInfoMsg { index: i32::MAX as u32, ..Default::default() }.to_bytes());
    let err = nl.request(missing).await.unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::ENODEV), "{err}");
    assert!(err.to_string().starts_with("RTM_GETLINK: No such device (ENODEV)"), "{err}");
    let mut del = NlMsgBuilder::new(RTM_DELLINK, 0);
    del.push_struct(&IfInfoMsg { index: i32::MAX as u32, ..Default::default() }.to_bytes());
    let err = nl.request_ack(del).await.unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::ENODEV), "{err}");

    // A dump the kernel refuses: the error is the last item.
    let mut unknown = nl.dump(NlMsgBuilder::new(0x7ff0, NLM_F_REQUEST | NLM_F_DUMP)).await.unwrap();
    let err = unknown.next().await.expect("an error item").unwrap_err();
    assert_eq!(sock_core::errno(&err), Some(libc::EOPNOTSUPP), "{err}");
    assert!(err.to_string().starts_with("netlink request type 32752: "), "{err}");
    assert!(unknown.next().await.is_none(), "an error ends the dump");

    // try_recv never waits.
    let mut buf = [0u8; 64];
    assert_eq!(nl.try_recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
}

/// A veth pair request (`spnl0` and its peer `spnl1`).
fn new_veth() -> NlMsgBuilder {
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
    req
}

/// Runs `test` on a thread of its own in a new network namespace (root only), where link
/// events come from this test alone.
fn in_netns(what: &str, test: impl FnOnce() + Send) {
    if !sock_tests::require_root(what) {
        return;
    }
    std::thread::scope(|s| {
        s.spawn(|| {
            let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
            if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
                return;
            }
            test();
        });
    });
}

/// Link events, written once over the reactor: `quiet` is the runtime's "no event within a
/// short time" check (its timer racing `next()`), which must come back `true`.
async fn link_events<'s, R: Reactor<NetlinkSocket>, F: Future<Output = bool>>(
    sub: &'s AsyncNetlinkSocket<R>,
    nl: AsyncNetlinkSocket<R>,
    quiet: impl FnOnce(sock_netlink::aio::NlEvents<'s, R>) -> F,
) {
    // Nothing happens in a fresh namespace: the runtime's timer ends the wait.
    assert!(quiet(sub.events()).await, "the timer won over an idle event stream");
    let mut events = sub.events();
    if !sock_tests::require("veth interfaces (module veth)", nl.request_ack(new_veth()).await) {
        return;
    }
    let mut seen = BTreeSet::new();
    let mut round = 0u32;
    while !(seen.contains("spnl0") && seen.contains("spnl1")) {
        round += 1;
        let item = if round % 2 == 0 {
            match poll_once(events.next()).await {
                Some(item) => item,
                None => continue,
            }
        } else {
            events.next().await
        };
        let msg = item.expect("the event stream never ends").unwrap();
        if msg.header.ty == RTM_NEWLINK {
            seen.extend(link_name(&msg));
        }
    }
    let index = {
        let mut get = NlMsgBuilder::new(RTM_GETLINK, 0);
        get.push_struct(&IfInfoMsg::default().to_bytes());
        get.push_attr_str(IFLA_IFNAME, "spnl0").unwrap();
        IfInfoMsg::from_bytes(&nl.request(get).await.unwrap()[0].payload).unwrap().index
    };
    let mut del = NlMsgBuilder::new(RTM_DELLINK, 0);
    del.push_struct(&IfInfoMsg { index, ..Default::default() }.to_bytes());
    nl.request_ack(del).await.unwrap();
    // Through the Stream trait: the next RTM_DELLINK names spnl0 (or its peer, deleted with it).
    let mut dels = (&mut events).filter(|m| m.as_ref().map_or(true, |m| m.header.ty == RTM_DELLINK));
    let gone = dels.next().await.unwrap().unwrap();
    assert!(matches!(link_name(&gone).as_deref(), Some("spnl0" | "spnl1")), "{gone:?}");
}

mod on_tokio {
    use super::*;
    use sock_netlink::tokio::AsyncNetlinkSocket;

    #[tokio::test]
    async fn requests_dumps_errors_and_cancelled_next() {
        let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();
        assert_eq!(nl.local_addr().unwrap().pid, 0, "unbound until the first request");
        requests_and_dumps(nl).await;
    }

    #[test]
    fn link_events_stream_with_a_timeout() {
        in_netns("creating interfaces (netlink link events)", || {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                let sub = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK)).unwrap();
                let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();
                link_events(&sub, nl, |mut events| async move {
                    tokio::time::timeout(Duration::from_millis(30), events.next()).await.is_err()
                })
                .await;
            });
        });
    }

    #[test]
    fn outside_a_runtime_is_an_error() {
        let e = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Other, "{e}");
    }
}

mod on_async_io {
    use super::*;
    use sock_netlink::async_io::AsyncNetlinkSocket;

    #[test]
    fn requests_dumps_errors_and_cancelled_next() {
        async_io::block_on(async {
            let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();
            requests_and_dumps(nl).await;
        });
    }

    #[test]
    fn link_events_stream_with_a_timeout() {
        in_netns("creating interfaces (netlink link events)", || {
            async_io::block_on(async {
                let sub = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK)).unwrap();
                let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();
                link_events(&sub, nl, |mut events| async move {
                    futures_lite::future::or(async { events.next().await.is_none() }, async {
                        async_io::Timer::after(Duration::from_millis(30)).await;
                        true
                    })
                    .await
                })
                .await;
            });
        });
    }

    #[test]
    fn a_timeout_during_a_request_leaves_the_socket_usable() {
        async_io::block_on(async {
            let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE).unwrap();
            let mut buf = vec![0u8; 65536];
            // Nothing was asked: recv waits until the timer wins, and is dropped.
            let raced = futures_lite::future::or(async { Some(nl.recv(&mut buf).await) }, async {
                async_io::Timer::after(Duration::from_millis(20)).await;
                None
            })
            .await;
            assert!(raced.is_none(), "the timer won");
            let links: Vec<_> = nl.dump(getlink_dump()).await.unwrap().collect().await;
            assert!(links.iter().all(|l| l.is_ok()) && !links.is_empty());
        });
    }
}
