#![cfg(all(feature = "tipc", feature = "tokio", feature = "async-io"))]
//! AF_TIPC on both async runtimes (issue 15), node-local like `tipc.rs` (`modprobe tipc`; the
//! test VM loads it): an RDM round trip to a service address, a stream accept/connect with
//! `AsyncRead`/`AsyncWrite`, topology-service events through the `Stream`, receives dropped
//! mid-wait that lose no message, and timeouts through each runtime's timer.
//!
//! The bodies are generic over the reactor and run once per runtime; what only one runtime
//! has (its timer, its `AsyncRead`/`AsyncWrite` traits) is in its module.

use std::io;
use std::time::Duration;

use futures_lite::future::{poll_once, zip};
use futures_lite::StreamExt;
use sock_core::aio::{AcceptReactor, Async};
use sock_core::{Family, Socket, Type};
use sock_tipc::{
    AsyncTipcExt, Subscription, TipcAddr, TipcName, TopologyEvents, DEST_DROPPABLE, TIPC_PUBLISHED, TIPC_SUB_PORTS,
    TIPC_WITHDRAWN,
};

/// What the generic bodies need of a runtime's reactor (both reactors are all of it).
trait Rt: AcceptReactor<Socket> + Send + Sync + Unpin {}
impl<R: AcceptReactor<Socket> + Send + Sync + Unpin> Rt for R {}

const MSG: &[u8] = "Michael Gilfix was here\u{1234}\r\n".as_bytes();

/// A non-blocking TIPC socket of `ty`, or `None` (after `require`) when the kernel has no TIPC.
fn tipc_socket(ty: Type) -> Option<Socket> {
    let probe = Socket::new(Family::TIPC, ty, None);
    if !sock_tests::require("AF_TIPC sockets (modprobe tipc)", probe.as_ref().map(|_| ())) {
        return None;
    }
    probe.ok()
}

/// A service type unique to one test of this process and runtime (`tipc.rs` uses
/// `1_000_000 + ..`; this file `2_000_000 + ..`).
fn service_type(test: u32) -> u32 {
    2_000_000 + (std::process::id() % 100_000) * 32 + test
}

fn name_of(s: &Socket) -> TipcAddr {
    TipcAddr::try_from(&s.local_addr().unwrap()).unwrap()
}

/// RDM: `send_to_service` to a service range's member, `recv_from_tipc` names the sender,
/// the reply goes back to that socket id.
async fn rdm_round_trip<R: Rt>(test: u32) {
    let Some(srv) = tipc_socket(Type::RDM) else { return };
    let ty = service_type(test);
    srv.bind(TipcAddr::service_range(ty, 200, 210)).unwrap();
    let srv = Async::<Socket, R>::new(srv).unwrap();
    let cli = Async::<Socket, R>::new(tipc_socket(Type::RDM).unwrap()).unwrap();
    assert_eq!(cli.send_to_service(MSG, ty, 205).await.unwrap(), MSG.len());
    let mut buf = [0u8; 256];
    let (n, from) = srv.recv_from_tipc(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], MSG);
    assert_eq!(from, name_of(cli.socket()));
    assert!(matches!(from.name, TipcName::Socket { .. }), "{from}");
    srv.send_to(b"ack", from).await.unwrap();
    let (n, back) = cli.recv_from_tipc(&mut buf).await.unwrap();
    assert_eq!((&buf[..n], back), (&b"ack"[..], name_of(srv.socket())));
}

/// A stream listener and a client connected by service name: `accept_tipc` names the peer.
async fn stream_pair<R: Rt>(test: u32) -> Option<(Async<Socket, R::Accepted>, Async<Socket, R>)> {
    let srv = tipc_socket(Type::STREAM)?;
    let ty = service_type(test);
    srv.bind(TipcAddr::service_range(ty, 200, 210)).unwrap();
    srv.listen(Some(5)).unwrap();
    let srv = Async::<Socket, R>::new(srv).unwrap();
    let cli = Async::<Socket, R>::new(tipc_socket(Type::STREAM).unwrap()).unwrap();
    let (accepted, connected) = zip(srv.accept_tipc(), cli.connect(TipcAddr::service(ty, 205))).await;
    connected.unwrap();
    let (conn, peer) = accepted.unwrap();
    assert_eq!(peer, name_of(cli.socket()));
    assert_eq!(conn.socket().mode(), sock_core::Mode::NonBlocking);
    Some((conn, cli))
}

/// The topology service through the `Stream`: a binding's publication and withdrawal, with
/// the subscription's handle; after `unsubscribe`, a new binding reports nothing.
async fn topology_events<R: Rt>(test: u32) {
    let Some(probe) = tipc_socket(Type::SEQPACKET) else { return };
    // Only a TIPC seqpacket socket can be a topology connection.
    let rdm = Async::<Socket, R>::new(tipc_socket(Type::RDM).unwrap()).unwrap();
    let err = TopologyEvents::from_async(rdm).unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
    drop(probe);

    let mut top = TopologyEvents::<R>::connect().await.unwrap();
    let ty = service_type(test);
    let mut sub = Subscription::new(ty, 0, u32::MAX, TIPC_SUB_PORTS);
    sub.handle = *b"async-rs";
    top.subscribe(&sub).await.unwrap();
    let srv = tipc_socket(Type::RDM).unwrap();
    srv.bind(TipcAddr::service_range(ty, 7, 9)).unwrap();
    let ev = top.next().await.expect("the stream goes on").unwrap();
    assert_eq!(ev.event, TIPC_PUBLISHED);
    assert_eq!((ev.found_lower, ev.found_upper), (7, 9));
    assert_eq!(ev.subscription, sub);
    assert_eq!(ev.socket.name, name_of(&srv).name);
    drop(srv);
    let ev = top.next().await.expect("the stream goes on").unwrap();
    assert_eq!((ev.event, ev.found_lower, ev.found_upper), (TIPC_WITHDRAWN, 7, 9));
    // A binding at instance 100, seen by `sub`.
    let srv = tipc_socket(Type::RDM).unwrap();
    srv.bind(TipcAddr::service_range(ty, 100, 100)).unwrap();
    let ev = top.recv().await.unwrap().expect("an event");
    assert_eq!((ev.event, ev.found_lower, ev.subscription), (TIPC_PUBLISHED, 100, sub));
    top.unsubscribe(&sub).await.unwrap();
    // A second subscription (instance 100 only): the service reports the existing binding
    // when it reads it, which proves it read the cancel before (one connection is read in
    // order).
    let other = Subscription::new(ty, 100, 100, TIPC_SUB_PORTS);
    top.subscribe(&other).await.unwrap();
    let ev = top.recv().await.unwrap().expect("an event");
    assert_eq!((ev.event, ev.found_lower, ev.subscription), (TIPC_PUBLISHED, 100, other));
    // A binding only the cancelled subscription watched, then the withdrawal `other` sees:
    // the next event is that withdrawal, nothing for instance 5.
    srv.bind(TipcAddr::service_range(ty, 5, 5)).unwrap();
    drop(srv);
    let ev = top.recv().await.unwrap().expect("an event");
    assert_eq!((ev.event, ev.found_lower, ev.subscription), (TIPC_WITHDRAWN, 100, other));
}

/// Receives dropped while waiting (polled once, then dropped) lose nothing: every message
/// arrives once, in order. Also for the topology stream's `next()`.
async fn cancelled_receives_lose_nothing<R: Rt>(test: u32) {
    let Some(srv) = tipc_socket(Type::RDM) else { return };
    let ty = service_type(test);
    srv.bind(TipcAddr::service_range(ty, 0, 0)).unwrap();
    let srv = Async::<Socket, R>::new(srv).unwrap();
    let cli = Async::<Socket, R>::new(tipc_socket(Type::RDM).unwrap()).unwrap();
    let mut buf = [0u8; 8];
    for round in 0..50u8 {
        assert!(poll_once(srv.recv_from_tipc(&mut buf)).await.is_none(), "nothing is queued yet");
        cli.send_to_service(&[round], ty, 0).await.unwrap();
        let (n, _) = srv.recv_from_tipc(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], &[round], "message {round} arrived once, in order");
    }
    assert_eq!(srv.try_recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock, "nothing left over");

    let mut top = TopologyEvents::<R>::connect().await.unwrap();
    top.subscribe(&Subscription::new(ty + 16, 0, 0, TIPC_SUB_PORTS)).await.unwrap();
    assert!(poll_once(top.next()).await.is_none(), "no binding yet");
    let bound = tipc_socket(Type::RDM).unwrap();
    bound.bind(TipcAddr::service_range(ty + 16, 0, 0)).unwrap();
    assert_eq!(top.next().await.unwrap().unwrap().event, TIPC_PUBLISHED);
}

mod on_tokio {
    use super::*;
    use ::tokio::io::{AsyncReadExt, AsyncWriteExt};
    use sock_tipc::tokio::{AsyncSocket, Reactor, TopologyEvents};

    type R = Reactor<Socket>;

    #[::tokio::test]
    async fn rdm_round_trip_to_a_service_address() {
        rdm_round_trip::<R>(0).await;
    }

    #[::tokio::test]
    async fn stream_accept_connect_with_async_read_write() {
        let Some((conn, mut cli)) = stream_pair::<R>(1).await else { return };
        let echo = ::tokio::spawn(async move {
            let (mut r, mut w) = conn.split();
            let mut buf = vec![0u8; 64 << 10];
            r.read_exact(&mut buf).await.unwrap();
            w.write_all(&buf).await.unwrap();
        });
        let data: Vec<u8> = (0..64u32 << 10).map(|i| (i * 7) as u8).collect();
        cli.write_all(&data).await.unwrap();
        // (No shutdown: TIPC refuses all but SHUT_RDWR, so the length says where it ends.)
        let mut back = vec![0u8; data.len()];
        cli.read_exact(&mut back).await.unwrap();
        assert!(back == data, "64 KiB came back intact");
        echo.await.unwrap();
    }

    #[::tokio::test]
    async fn topology_events_through_the_stream() {
        topology_events::<R>(2).await;
    }

    #[::tokio::test]
    async fn cancelled_receives_lose_no_message() {
        cancelled_receives_lose_nothing::<R>(3).await;
        // And under select!: the recv dropped on the other branch loses nothing.
        let Some(srv) = tipc_socket(Type::RDM) else { return };
        let ty = service_type(4);
        srv.bind(TipcAddr::service_range(ty, 0, 0)).unwrap();
        let (srv, cli) = (AsyncSocket::new(srv).unwrap(), AsyncSocket::new(tipc_socket(Type::RDM).unwrap()).unwrap());
        let mut buf = [0u8; 8];
        for round in 0..50u8 {
            cli.send_to_service(&[round], ty, 0).await.unwrap();
            let got = ::tokio::select! {
                biased;
                _ = std::future::ready(()), if round % 2 == 0 => None,
                r = srv.recv(&mut buf) => Some(r.unwrap()),
            };
            if got.is_none() {
                assert_eq!(srv.recv(&mut buf).await.unwrap(), 1);
            }
            assert_eq!(buf[0], round, "message {round} arrived once, in order");
        }
    }

    #[::tokio::test]
    async fn timeouts_through_the_runtime_timer() {
        let Some(s) = tipc_socket(Type::RDM) else { return };
        let ty = service_type(5);
        s.bind(TipcAddr::service_range(ty, 0, 0)).unwrap();
        let s = AsyncSocket::new(s).unwrap();
        let mut buf = [0u8; 8];
        let r = ::tokio::time::timeout(Duration::from_millis(20), s.recv_from_tipc(&mut buf)).await;
        assert!(r.is_err(), "the timer ended the receive: {r:?}");
        let top = TopologyEvents::connect().await.unwrap();
        top.subscribe(&Subscription::new(ty + 16, 0, 0, TIPC_SUB_PORTS)).await.unwrap();
        let r = ::tokio::time::timeout(Duration::from_millis(20), top.recv()).await;
        assert!(r.is_err(), "no event before any binding: {r:?}");
        // A send to a service nobody bound fails at once, with an errno, not a hang.
        s.socket().set(DEST_DROPPABLE, &false).unwrap();
        let err = s.send_to_service(b"x", ty + 17, 1).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::HostUnreachable, "{err}");
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::future::or;
    use futures_lite::{AsyncReadExt, AsyncWriteExt};
    use sock_tipc::async_io::{AsyncSocket, Reactor, TopologyEvents};

    type R = Reactor<Socket>;

    #[test]
    fn rdm_round_trip_to_a_service_address() {
        ::async_io::block_on(rdm_round_trip::<R>(8));
    }

    #[test]
    fn stream_accept_connect_with_async_read_write() {
        ::async_io::block_on(async {
            let Some((mut conn, mut cli)) = stream_pair::<R>(9).await else { return };
            let echo = async {
                let mut buf = vec![0u8; 64 << 10];
                conn.read_exact(&mut buf).await.unwrap();
                conn.write_all(&buf).await.unwrap();
            };
            let data: Vec<u8> = (0..64u32 << 10).map(|i| (i * 7) as u8).collect();
            let client = async {
                cli.write_all(&data).await.unwrap();
                let mut back = vec![0u8; data.len()];
                cli.read_exact(&mut back).await.unwrap();
                back
            };
            let ((), back) = zip(echo, client).await;
            assert!(back == data, "64 KiB came back intact");
        });
    }

    #[test]
    fn topology_events_through_the_stream() {
        ::async_io::block_on(topology_events::<R>(10));
    }

    #[test]
    fn cancelled_receives_lose_no_message() {
        ::async_io::block_on(cancelled_receives_lose_nothing::<R>(11));
    }

    #[test]
    fn timeouts_through_the_runtime_timer() {
        ::async_io::block_on(async {
            let Some(s) = tipc_socket(Type::RDM) else { return };
            let ty = service_type(12);
            s.bind(TipcAddr::service_range(ty, 0, 0)).unwrap();
            let s = AsyncSocket::new(s).unwrap();
            let mut buf = [0u8; 8];
            let timer = async {
                ::async_io::Timer::after(Duration::from_millis(20)).await;
                None
            };
            let raced = or(async { Some(s.recv_from_tipc(&mut buf).await) }, timer).await;
            assert!(raced.is_none(), "the timer ended the receive: {raced:?}");
            let top = TopologyEvents::connect().await.unwrap();
            top.subscribe(&Subscription::new(ty + 16, 0, 0, TIPC_SUB_PORTS)).await.unwrap();
            let timer = async {
                ::async_io::Timer::after(Duration::from_millis(20)).await;
                None
            };
            let raced = or(async { Some(top.recv().await) }, timer).await;
            assert!(raced.is_none(), "no event before any binding: {raced:?}");
            // The receive dropped by the timer lost nothing: a late message arrives.
            let cli = AsyncSocket::new(tipc_socket(Type::RDM).unwrap()).unwrap();
            cli.send_to_service(b"late", ty, 0).await.unwrap();
            let (n, _) = s.recv_from_tipc(&mut buf).await.unwrap();
            assert_eq!(&buf[..n], b"late");
        });
    }
}
