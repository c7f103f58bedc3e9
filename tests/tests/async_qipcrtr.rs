#![cfg(all(feature = "qipcrtr", feature = "tokio", feature = "async-io"))]
//! AF_QIPCRTR through the async layer (issue 15) on both runtimes. The family has no typed
//! socket, so its async socket is the plain `AsyncSocket` with typed addresses: datagrams
//! between two local ports, receives dropped by a race that lose nothing, timeouts through
//! each runtime's timer. Needs the `qrtr` module: skips on the host, runs in the VM.

use std::future::poll_fn;
use std::io;
use std::time::Duration;

use futures_lite::future::poll_once;
use sock_core::aio::{Async, Reactor};
use sock_core::{Family, FamilyAddr, Socket, Type};
use sock_qipcrtr::QipcrtrAddr;

/// A QIPCRTR datagram socket bound to a kernel-chosen port of the local node, or `None`
/// after a SOCK-SKIP line (a failure under SOCK_REQUIRE_ALL=1) when the kernel has none.
fn bound() -> Option<Socket> {
    let probe = Socket::new(Family::QIPCRTR, Type::DGRAM, None);
    if !sock_tests::require("AF_QIPCRTR sockets (module qrtr)", probe.as_ref().map(drop)) {
        return None;
    }
    let sock = probe.ok()?;
    let node = local(&sock).node;
    sock.bind(QipcrtrAddr::new(node, 0)).unwrap();
    Some(sock)
}

fn local(sock: &Socket) -> QipcrtrAddr {
    QipcrtrAddr::decode(&sock.local_addr().unwrap()).unwrap()
}

/// Round trip, try_* and cancellation, written once over the reactor.
async fn datagrams<R: Reactor<Socket>>(a: Async<Socket, R>, b: Async<Socket, R>) {
    let (a_addr, b_addr) = (local(a.socket()), local(b.socket()));
    let mut buf = [0u8; 64];
    assert_eq!(b.try_recv_from(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);

    assert_eq!(a.send_to(b"qrtr async", b_addr).await.unwrap(), 10);
    let (n, from) = b.recv_from(&mut buf).await.unwrap();
    assert_eq!((&buf[..n], QipcrtrAddr::decode(&from).unwrap()), (&b"qrtr async"[..], a_addr));
    b.try_send_to(b"back", a_addr).unwrap();
    poll_fn(|cx| a.poll_read_ready(cx)).await.unwrap();
    assert_eq!(a.try_recv_from(&mut buf).unwrap().0, 4);

    // A receive dropped by a race loses no datagram: each arrives once, in order.
    for round in 0..50u8 {
        a.send_to(&[round], b_addr).await.unwrap();
        let got = match poll_once(b.recv_from(&mut buf)).await {
            Some(r) => r.unwrap(),
            None => b.recv_from(&mut buf).await.unwrap(),
        };
        assert_eq!((got.0, buf[0]), (1, round), "datagram {round} arrived once, in order");
    }

    // A wrong-family address is the caller's error, before any wait.
    let inet = sock_core::SockAddr::from("127.0.0.1:1".parse::<std::net::SocketAddr>().unwrap());
    assert_eq!(a.send_to(b"x", inet).await.unwrap_err().kind(), io::ErrorKind::InvalidInput);
}

mod on_tokio {
    use super::*;
    use sock_core::tokio::AsyncSocket;

    #[tokio::test]
    async fn datagrams_cancellation_and_a_timeout() {
        let (Some(a), Some(b)) = (bound(), bound()) else { return };
        let (a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
        let mut buf = [0u8; 16];
        let timed_out = tokio::time::timeout(Duration::from_millis(20), b.recv_from(&mut buf)).await;
        assert!(timed_out.is_err(), "the runtime's timer ended the wait");
        datagrams(a, b).await;
    }
}

mod on_async_io {
    use super::*;
    use sock_core::async_io::AsyncSocket;

    #[test]
    fn datagrams_cancellation_and_a_timeout() {
        let (Some(a), Some(b)) = (bound(), bound()) else { return };
        async_io::block_on(async {
            let (a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
            let mut buf = [0u8; 16];
            let raced = futures_lite::future::or(async { Some(b.recv_from(&mut buf).await) }, async {
                async_io::Timer::after(Duration::from_millis(20)).await;
                None
            })
            .await;
            assert!(raced.is_none(), "the timer won");
            datagrams(a, b).await;
        });
    }
}
