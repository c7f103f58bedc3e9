#![cfg(all(feature = "bt", feature = "tokio", feature = "async-io"))]
//! AF_BLUETOOTH on both async runtimes (issue 15), with the virtual controllers of `bt.rs`
//! (`bt_support`: a vhci controller the test plays, or two controllers emulated by `btvirt`):
//! the HCI event stream (the Command Complete of HCI_Reset, vendor events under
//! cancellation), L2CAP (seqpacket) and RFCOMM (stream, with `AsyncRead`/`AsyncWrite`) echo,
//! and timeouts through each runtime's timer.
//!
//! The bodies are generic over the reactor and run once per runtime; what only one runtime
//! has (its timer, its `AsyncRead`/`AsyncWrite` traits) is in its module.

#[path = "bt_support/mod.rs"]
mod bt_support;

use std::io;
use std::time::Duration;

use bt_support::*;
use futures_lite::future::{poll_once, zip};
use futures_lite::StreamExt;
use sock_bt::{
    device, protocol, AsyncBtExt, BdAddr, BtAddr, HciAddr, HciDeviceExt, HciEvents, HciFilter, HciSocketExt, L2capAddr,
    RfcommAddr, HCI_EVENT_PKT,
};
use sock_core::aio::{AcceptReactor, Async};
use sock_core::{Family, Socket, Type};

/// What the generic bodies need of a runtime's reactor (both reactors are all of it).
trait Rt: AcceptReactor<Socket> + Send + Sync + Unpin {}
impl<R: AcceptReactor<Socket> + Send + Sync + Unpin> Rt for R {}

/// How long a test waits for something that should arrive (generous: TCG is slow).
const WAIT: Duration = Duration::from_secs(10);

/// A vendor-specific event (code 0xff) carrying `n`: the kernel ignores it, raw sockets see it.
fn vendor_event(n: u8) -> [u8; 4] {
    [HCI_EVENT_PKT, 0xff, 0x01, n]
}

/// A vhci controller and the event stream of a raw socket bound to it, filtered to Command
/// Complete and vendor events, with `HCI_DATA_DIR` on.
fn hci_events<R: Rt>() -> Option<(Vhci, HciEvents<R>)> {
    let vhci = Vhci::create()?;
    let s = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets")?;
    let mut filter = HciFilter::new();
    filter.set_ptype(HCI_EVENT_PKT);
    filter.set_event(0x0e);
    filter.set_event(0xff);
    s.set_hci_filter(&filter).unwrap();
    s.set_hci_data_dir(true).unwrap();
    s.bind(HciAddr::new(vhci.index)).unwrap();
    Some((vhci, HciEvents::new(s).unwrap()))
}

/// The controller answers HCI_Reset: its Command Complete comes out of the stream, marked
/// incoming. Then vendor events, each asked for by a `next()` dropped while nothing was
/// queued: every one arrives once, in order.
async fn hci_stream<R: Rt>(vhci: &mut Vhci, events: &mut HciEvents<R>) {
    // The kernel powers the new controller on at once, starting with HCI_Reset. (The vhci
    // read blocks this thread, which is fine: the raw socket queues in the kernel.)
    vhci.expect_command(HCI_RESET, WAIT);
    vhci.inject(&RESET_COMPLETE);
    let packet = events.next().await.expect("the stream goes on").unwrap();
    assert_eq!(packet.data, RESET_COMPLETE);
    assert_eq!(packet.command_complete(), Some((HCI_RESET, &[0u8][..])), "status 0");
    assert_eq!(packet.incoming, Some(true), "events come from the controller");
    assert_eq!(packet.timestamp, None, "HCI_TIME_STAMP is off");
    // The kernel keeps initialising (it waits for answers we never give), so the controller
    // still accepts packets for a while.
    for n in 0..20u8 {
        assert!(poll_once(events.next()).await.is_none(), "nothing queued before event {n}");
        vhci.inject(&vendor_event(n));
        let packet = events.recv().await.unwrap().expect("the stream goes on");
        assert_eq!(packet.event(), Some((0xff, &[n][..])), "vendor event {n} arrived once, in order");
    }
}

/// Two btvirt controllers, up, the first connectable: `(emulator, bdaddr a, bdaddr b)`.
fn two_controllers() -> Option<(Btvirt, BdAddr, BdAddr)> {
    let bv = Btvirt::start(2)?;
    let ctl = bt_socket(Type::RAW, protocol::HCI, "BTPROTO_HCI sockets").unwrap();
    let (a, b) = (bv.devs[0], bv.devs[1]);
    for d in [a, b] {
        ctl.hci_dev_up(d).unwrap();
    }
    ctl.hci_set_scan(a, device::SCAN_PAGE).unwrap();
    let bd_a = ctl.hci_dev_info(a).unwrap().bdaddr;
    let bd_b = ctl.hci_dev_info(b).unwrap().bdaddr;
    Some((bv, bd_a, bd_b))
}

/// A connection of `ty`/`proto` from a socket bound to `client_bind` (on controller
/// `client_bd`) to `server`, through `accept_bt` and the core's `connect`:
/// `(accepted, client)`; checks the typed addresses both sides see.
async fn connect_pair<R: Rt>(
    ty: Type,
    proto: sock_core::Protocol,
    server: BtAddr,
    client_bind: BtAddr,
    client_bd: BdAddr,
) -> (Async<Socket, R::Accepted>, Async<Socket, R>) {
    let listener = Socket::new(Family::BLUETOOTH, ty, Some(proto)).unwrap();
    listener.bind(server).unwrap();
    listener.listen(Some(1)).unwrap();
    let listener = Async::<Socket, R>::new(listener).unwrap();
    let client = Async::<Socket, R>::new(Socket::new(Family::BLUETOOTH, ty, Some(proto)).unwrap()).unwrap();
    client.socket().bind(client_bind).unwrap();
    let (accepted, connected) = zip(listener.accept_bt(), client.connect(server)).await;
    connected.unwrap();
    let (conn, peer) = accepted.unwrap();
    assert_eq!(peer, BtAddr::decode_with(&conn.socket().peer_addr().unwrap(), proto).unwrap());
    match (peer, server, client.peer_bt().unwrap()) {
        (BtAddr::L2cap(p), BtAddr::L2cap(s), BtAddr::L2cap(seen)) => {
            assert_eq!(p.bdaddr, client_bd);
            assert_eq!((seen.bdaddr, seen.psm), (s.bdaddr, s.psm));
            assert!(seen.cid >= 0x40, "a dynamic channel: {seen}");
        }
        (BtAddr::Rfcomm(p), BtAddr::Rfcomm(s), seen) => {
            assert_eq!(p.bdaddr, client_bd);
            assert_eq!(seen, BtAddr::Rfcomm(s));
        }
        other => panic!("unexpected addresses {other:?}"),
    }
    (conn, client)
}

/// L2CAP seqpacket echo: message boundaries survive; a receive dropped mid-wait loses none.
async fn l2cap_echo<R: Rt>(bd_a: BdAddr, bd_b: BdAddr, psm: u16) {
    let (conn, client) = connect_pair::<R>(
        Type::SEQPACKET,
        protocol::L2CAP,
        BtAddr::L2cap(L2capAddr::new(bd_a, psm)),
        BtAddr::L2cap(L2capAddr::new(bd_b, 0)),
        bd_b,
    )
    .await;
    let mut buf = [0u8; 672];
    assert!(poll_once(conn.recv(&mut buf)).await.is_none(), "nothing sent yet");
    client.send(b"hello over L2CAP").await.unwrap();
    client.send(b"second").await.unwrap();
    let n = conn.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], b"hello over L2CAP", "one message per receive");
    let n = conn.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], b"second");
    conn.send(b"and back").await.unwrap();
    let n = client.recv(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], b"and back");
}

/// The RFCOMM pair of the tests (channel `channel` on controller a).
async fn rfcomm_pair<R: Rt>(bd_a: BdAddr, bd_b: BdAddr, channel: u8) -> (Async<Socket, R::Accepted>, Async<Socket, R>) {
    connect_pair::<R>(
        Type::STREAM,
        protocol::RFCOMM,
        BtAddr::Rfcomm(RfcommAddr::new(bd_a, channel)),
        BtAddr::Rfcomm(RfcommAddr::new(bd_b, 0)),
        bd_b,
    )
    .await
}

/// An L2CAP listener nobody connects to, for the timeout tests; also checks that only raw
/// HCI sockets make event streams.
fn idle_listener<R: Rt>(psm: u16) -> Option<Async<Socket, R>> {
    let s = bt_socket(Type::SEQPACKET, protocol::L2CAP, "BTPROTO_L2CAP sockets")?;
    let err = HciEvents::<R>::new(Socket::new(Family::BLUETOOTH, Type::SEQPACKET, Some(protocol::L2CAP)).unwrap())
        .unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
    s.bind(L2capAddr::new(BdAddr::ANY, psm)).unwrap();
    s.listen(Some(1)).unwrap();
    Some(Async::new(s).unwrap())
}

mod on_tokio {
    use super::*;
    use ::tokio::io::{AsyncReadExt, AsyncWriteExt};
    use sock_bt::tokio::{HciEvents, Reactor};

    type R = Reactor<Socket>;

    #[::tokio::test]
    async fn hci_event_stream_delivers_command_complete_and_loses_nothing_on_cancel() {
        let Some((mut vhci, mut events)) = hci_events::<R>() else { return };
        let _: &HciEvents = &events;
        // Nothing yet: the runtime's timer ends the wait, dropping the `next()`.
        let r = ::tokio::time::timeout(Duration::from_millis(20), events.next()).await;
        assert!(r.is_err(), "no event before the controller answers: {r:?}");
        ::tokio::time::timeout(WAIT, hci_stream(&mut vhci, &mut events)).await.expect("within the deadline");
    }

    #[::tokio::test]
    async fn l2cap_and_rfcomm_echo_between_emulated_controllers() {
        let Some((_bv, bd_a, bd_b)) = two_controllers() else { return };
        l2cap_echo::<R>(bd_a, bd_b, 0x1011).await;
        let (conn, mut client) = rfcomm_pair::<R>(bd_a, bd_b, 7).await;
        let data: Vec<u8> = (0..4096u32).map(|i| (i * 13) as u8).collect();
        let echo = ::tokio::spawn(async move {
            let (mut r, mut w) = conn.split();
            let mut buf = vec![0u8; 4096];
            r.read_exact(&mut buf).await.unwrap();
            w.write_all(&buf).await.unwrap();
            w.flush().await.unwrap();
        });
        client.write_all(&data).await.unwrap();
        let mut back = vec![0u8; data.len()];
        client.read_exact(&mut back).await.unwrap();
        assert!(back == data, "4 KiB came back intact through AsyncRead/AsyncWrite");
        echo.await.unwrap();
    }

    #[::tokio::test]
    async fn accept_times_out_through_the_runtime_timer() {
        let Some(l) = idle_listener::<R>(0x1013) else { return };
        let r = ::tokio::time::timeout(Duration::from_millis(50), l.accept_bt()).await;
        assert!(r.is_err(), "nobody connects: {:?}", r.map(|r| r.map(|(_, a)| a)));
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::future::or;
    use futures_lite::{AsyncReadExt, AsyncWriteExt};
    use sock_bt::async_io::{HciEvents, Reactor};

    type R = Reactor<Socket>;

    #[test]
    fn hci_event_stream_delivers_command_complete_and_loses_nothing_on_cancel() {
        ::async_io::block_on(async {
            let Some((mut vhci, mut events)) = hci_events::<R>() else { return };
            let _: &HciEvents = &events;
            let timer = async {
                ::async_io::Timer::after(Duration::from_millis(20)).await;
                None
            };
            let raced = or(async { Some(events.next().await) }, timer).await;
            assert!(raced.is_none(), "no event before the controller answers: {raced:?}");
            let deadline = async {
                ::async_io::Timer::after(WAIT).await;
                panic!("the HCI stream test missed its deadline");
            };
            or(hci_stream(&mut vhci, &mut events), deadline).await;
        });
    }

    #[test]
    fn l2cap_and_rfcomm_echo_between_emulated_controllers() {
        ::async_io::block_on(async {
            let Some((_bv, bd_a, bd_b)) = two_controllers() else { return };
            l2cap_echo::<R>(bd_a, bd_b, 0x1015).await;
            let (mut conn, mut client) = rfcomm_pair::<R>(bd_a, bd_b, 9).await;
            let data: Vec<u8> = (0..4096u32).map(|i| (i * 13) as u8).collect();
            let echo = async {
                let mut buf = vec![0u8; 4096];
                conn.read_exact(&mut buf).await.unwrap();
                conn.write_all(&buf).await.unwrap();
                conn.flush().await.unwrap();
            };
            let talk = async {
                client.write_all(&data).await.unwrap();
                let mut back = vec![0u8; data.len()];
                client.read_exact(&mut back).await.unwrap();
                back
            };
            let ((), back) = zip(echo, talk).await;
            assert!(back == data, "4 KiB came back intact through AsyncRead/AsyncWrite");
        });
    }

    #[test]
    fn accept_times_out_through_the_runtime_timer() {
        ::async_io::block_on(async {
            let Some(l) = idle_listener::<R>(0x1017) else { return };
            let timer = async {
                ::async_io::Timer::after(Duration::from_millis(50)).await;
                None
            };
            let raced = or(async { Some(l.accept_bt().await.map(|(_, a)| a)) }, timer).await;
            assert!(raced.is_none(), "nobody connects: {raced:?}");
        });
    }
}
