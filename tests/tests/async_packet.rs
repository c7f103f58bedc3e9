#![cfg(all(feature = "packet", feature = "tokio", feature = "async-io"))]
//! The async packet socket (issue 15) on both runtimes, over `lo` of a private network
//! namespace (root only): typed `send_to`/`recv_from`, frames as a `Stream` (truncation
//! flagged), frames out through the `Sink`, receives dropped by a race that lose no frame, and
//! timeouts through each runtime's timer.

use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::time::Duration;

use futures_lite::future::poll_once;
use futures_lite::StreamExt;
use futures_sink::Sink;
use nix::sched::{unshare, CloneFlags};
use sock_core::aio::Reactor;
use sock_core::{Family, Protocol, Socket, Type};
use sock_packet::aio::AsyncPacketSocket;
use sock_packet::{Interface, PacketAddr, PacketSocket, ETH_P_802_EX1, PACKET_HOST};

const PROTO: u16 = ETH_P_802_EX1;
/// `lo` in a new network namespace.
const LO: u32 = 1;

/// Sets `lo` up with one RTM_NEWLINK (IFF_UP) over a plain netlink socket, acknowledged.
fn lo_up() -> io::Result<()> {
    let nl = Socket::new(Family::NETLINK, Type::RAW, Some(Protocol(0)))?;
    nl.set_timeout(Some(Duration::from_secs(5)))?;
    let mut msg = Vec::new();
    msg.extend_from_slice(&32u32.to_ne_bytes());
    msg.extend_from_slice(&16u16.to_ne_bytes()); // RTM_NEWLINK
    msg.extend_from_slice(&(0x1u16 | 0x4).to_ne_bytes()); // NLM_F_REQUEST | NLM_F_ACK
    msg.extend_from_slice(&[0; 8]); // seq, pid
    msg.extend_from_slice(&[0; 4]); // ifi_family, pad, ifi_type
    msg.extend_from_slice(&(LO as i32).to_ne_bytes());
    msg.extend_from_slice(&1u32.to_ne_bytes()); // IFF_UP
    msg.extend_from_slice(&1u32.to_ne_bytes()); // change IFF_UP
    let mut kernel = [0u8; 12];
    kernel[..2].copy_from_slice(&(libc::AF_NETLINK as u16).to_ne_bytes());
    nl.send_to(&msg, sock_core::SockAddr::from_bytes(&kernel)?)?;
    let mut buf = [0u8; 1024];
    let n = nl.recv(&mut buf)?;
    let code = i32::from_ne_bytes(buf.get(16..20).filter(|_| n >= 20).unwrap_or(&[0xff; 4]).try_into().unwrap());
    if code == 0 {
        Ok(())
    } else {
        Err(io::Error::from_raw_os_error(-code))
    }
}

/// Runs `test` on a thread of its own in a new network namespace whose `lo` is up (root only).
fn on_private_lo(test: impl FnOnce() + Send) {
    if !sock_tests::require_root("AF_PACKET on lo in a network namespace") {
        return;
    }
    std::thread::scope(|s| {
        s.spawn(|| {
            let probe = unshare(CloneFlags::CLONE_NEWNET).map_err(io::Error::from);
            if !sock_tests::require("network namespaces (unshare CLONE_NEWNET)", probe) {
                return;
            }
            lo_up().unwrap();
            test();
        });
    });
}

/// An Ethernet frame on `lo` (both addresses zero) of PROTO carrying `payload`.
fn frame(payload: &[u8]) -> Vec<u8> {
    let mut f = vec![0u8; 12];
    f.extend_from_slice(&PROTO.to_be_bytes());
    f.extend_from_slice(payload);
    f
}

/// The receiver: bound to lo and PROTO, its own outgoing frames ignored, so each frame sent on
/// lo arrives once. The sender has protocol 0 and receives nothing.
fn pair<R: Reactor<PacketSocket>>() -> (AsyncPacketSocket<R>, AsyncPacketSocket<R>) {
    let rx = PacketSocket::bound(Type::RAW, &PacketAddr::new(LO, PROTO)).unwrap();
    rx.set_ignore_outgoing(true).unwrap();
    let tx = PacketSocket::new(Type::RAW, 0).unwrap();
    (AsyncPacketSocket::new(tx).unwrap(), AsyncPacketSocket::new(rx).unwrap())
}

/// Sends every item through `sink` with the `Sink` protocol (ready, start_send, flush, close).
async fn drive_sink<T, S: Sink<T, Error = io::Error> + Unpin>(mut sink: S, items: Vec<T>) -> io::Result<()> {
    for item in items {
        poll_fn(|cx| Pin::new(&mut sink).poll_ready(cx)).await?;
        Pin::new(&mut sink).start_send(item)?;
    }
    poll_fn(|cx| Pin::new(&mut sink).poll_flush(cx)).await?;
    poll_fn(|cx| Pin::new(&mut sink).poll_close(cx)).await
}

/// Round trip, Stream, Sink and cancellation, written once over the reactor.
async fn frames_both_ways<R: Reactor<PacketSocket>>() {
    let (tx, rx) = pair::<R>();
    let to = PacketAddr::new(LO, PROTO);
    let mut buf = [0u8; 2048];
    assert_eq!(rx.try_recv_from(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);

    // Round trip with typed addresses.
    let f = frame(b"async packet round trip");
    assert_eq!(tx.send_to(&f, &to).await.unwrap(), f.len());
    let (n, from) = rx.recv_from(&mut buf).await.unwrap();
    assert_eq!(&buf[..n], &f[..]);
    assert_eq!((from.protocol, from.pkttype, from.interface), (PROTO, PACKET_HOST, Interface::Index(LO)));

    // A receive dropped by a race loses no frame: frames arrive once, in order.
    for round in 0..50u8 {
        tx.send_to(&frame(&[round; 8]), &to).await.unwrap();
        let n = match poll_once(rx.recv_from(&mut buf)).await {
            Some(got) => got.unwrap().0,
            None => rx.recv_from(&mut buf).await.unwrap().0, // polled, dropped mid-wait
        };
        assert_eq!(&buf[14..n], &[round; 8], "frame {round} arrived once, in order");
    }

    // The Sink sends; the Stream receives, in order; try_send_to sends without waiting.
    let out: Vec<_> = (0..20u8).map(|i| (frame(&[i; 30]), to)).collect();
    drive_sink(tx.sink(), out).await.unwrap();
    tx.try_send_to(&frame(&[99; 30]), &to).unwrap();
    let got: Vec<_> = rx.frames(2048).take(21).collect().await;
    for (i, item) in got.into_iter().enumerate() {
        let item = item.unwrap();
        let want = if i == 20 { 99 } else { i as u8 };
        assert_eq!(item.data, frame(&[want; 30]), "frame {i}");
        assert!(!item.truncated);
        assert_eq!(item.from.protocol, PROTO);
    }

    // A frame longer than the stream's max_len is cut and flagged.
    tx.send_to(&frame(&[7; 100]), &to).await.unwrap();
    let mut small = rx.frames(20);
    let cut = small.next().await.unwrap().unwrap();
    assert_eq!((cut.data.len(), cut.truncated), (20, true));

    // A Sink error comes back from flush, and a bad address is the caller's error.
    let mut sink = tx.sink::<Vec<u8>>();
    poll_fn(|cx| Pin::new(&mut sink).poll_ready(cx)).await.unwrap();
    Pin::new(&mut sink).start_send((vec![0u8; 3], to)).unwrap(); // shorter than the header
    let err = poll_fn(|cx| Pin::new(&mut sink).poll_flush(cx)).await.unwrap_err();
    assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
    let nowhere = PacketAddr::new(Interface::name("nosuchif0").unwrap(), PROTO);
    assert_eq!(
        sock_core::errno(&tx.send_to(&f, &nowhere).await.unwrap_err()),
        Some(libc::ENODEV),
        "looked up before waiting"
    );

    // Given back, still non-blocking.
    let rx = rx.into_inner().unwrap();
    assert_eq!(rx.recv_from(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
}

mod on_tokio {
    use super::*;
    use sock_core::tokio::Reactor;
    use sock_packet::tokio::AsyncPacketSocket;

    #[test]
    fn frames_both_ways_and_a_timeout() {
        on_private_lo(|| {
            let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            rt.block_on(async {
                frames_both_ways::<Reactor<PacketSocket>>().await;
                let rx = AsyncPacketSocket::bound(Type::RAW, &PacketAddr::new(LO, PROTO)).unwrap();
                let mut buf = [0u8; 64];
                let timed_out = tokio::time::timeout(Duration::from_millis(20), rx.recv_from(&mut buf)).await;
                assert!(timed_out.is_err(), "the runtime's timer ended the wait");
                // A select! that drops the stream's next() loses nothing either.
                let tx = AsyncPacketSocket::raw(0).unwrap();
                let mut frames = rx.frames(64);
                tokio::select! {
                    biased;
                    _ = tokio::time::sleep(Duration::from_millis(5)) => {}
                    f = frames.next() => panic!("nothing was sent yet: {f:?}"),
                }
                tx.send_to(&frame(b"after select"), &PacketAddr::new(LO, PROTO)).await.unwrap();
                assert_eq!(frames.next().await.unwrap().unwrap().data, frame(b"after select"));
            });
        });
    }

    #[test]
    fn outside_a_runtime_is_an_error() {
        if !sock_tests::require_root("AF_PACKET sockets") {
            return;
        }
        let e = AsyncPacketSocket::raw(0).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Other, "{e}");
    }
}

mod on_async_io {
    use super::*;
    use sock_core::async_io::Reactor;
    use sock_packet::async_io::AsyncPacketSocket;

    #[test]
    fn frames_both_ways_and_a_timeout() {
        on_private_lo(|| {
            async_io::block_on(async {
                frames_both_ways::<Reactor<PacketSocket>>().await;
                let rx = AsyncPacketSocket::bound(Type::RAW, &PacketAddr::new(LO, PROTO)).unwrap();
                let mut frames = rx.frames(64);
                let raced = futures_lite::future::or(async { Some(frames.next().await) }, async {
                    async_io::Timer::after(Duration::from_millis(20)).await;
                    None
                })
                .await;
                assert!(raced.is_none(), "the timer won");
                let tx = AsyncPacketSocket::raw(0).unwrap();
                tx.send_to(&frame(b"after the timer"), &PacketAddr::new(LO, PROTO)).await.unwrap();
                assert_eq!(frames.next().await.unwrap().unwrap().data, frame(b"after the timer"));
            });
        });
    }
}
