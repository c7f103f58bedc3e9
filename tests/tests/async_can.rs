#![cfg(all(feature = "can", feature = "tokio", feature = "async-io"))]
//! The async CAN sockets (issue 15) on both runtimes, against vcan0: frame round trips and
//! batches, the frame Stream and Sink, BCM notifications as a Stream, ISO-TP PDUs, J1939
//! send_to/recv_from and error-queue reports, cancellation that loses no frame, timeouts
//! through the runtime's timer. On the host (no CAN) every test prints SOCK-SKIP.
//!
//! Each body is written once, generic over [`Rt`] (the reactor types of one runtime), and run
//! by a tokio test and an async-io test with their own CAN ids (tests run in parallel on one
//! bus), each under a runtime timeout so that a hang fails.

#[path = "can_support/mod.rs"]
mod support;

use std::future::{poll_fn, Future};
use std::io;
use std::pin::Pin;
use std::time::Duration;

use futures_lite::StreamExt;
use sock_can::aio::{AsyncBcmSocket, AsyncCanSocket, AsyncIsoTpSocket, AsyncJ1939Socket, ReportReactor, Sink, Stream};
use sock_can::consts::*;
use sock_can::{
    BcmFrames, BcmMsg, BcmOpcode, BcmSocket, CanFilter, CanId, CanSocket, ClassicFrame, Frame, IsoTpSocket, J1939Addr,
    J1939Socket,
};
use sock_core::aio::Reactor;
use sock_core::SendBatch;
use support::{have_iface, IF};

/// How long a whole test body may take (TCG is slow; J1939 aborts take about a second).
const LIMIT: Duration = Duration::from_secs(30);

/// The reactor types of one runtime.
trait Rt {
    type Can: Reactor<CanSocket> + Unpin;
    type Bcm: Reactor<BcmSocket> + Unpin;
    type IsoTp: Reactor<IsoTpSocket> + Unpin;
    type J1939: ReportReactor + Unpin;
}

struct Tokio;
impl Rt for Tokio {
    type Can = sock_core::tokio::Reactor<CanSocket>;
    type Bcm = sock_core::tokio::Reactor<BcmSocket>;
    type IsoTp = sock_core::tokio::Reactor<IsoTpSocket>;
    type J1939 = sock_core::tokio::Reactor<J1939Socket>;
}

struct Smol;
impl Rt for Smol {
    type Can = sock_core::async_io::Reactor<CanSocket>;
    type Bcm = sock_core::async_io::Reactor<BcmSocket>;
    type IsoTp = sock_core::async_io::Reactor<IsoTpSocket>;
    type J1939 = sock_core::async_io::Reactor<J1939Socket>;
}

fn have_bcm() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_BCM sockets", BcmSocket::new())
}

fn have_isotp() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_ISOTP sockets", IsoTpSocket::new())
}

fn have_j1939() -> bool {
    have_iface(IF) && sock_tests::require("AF_CAN CAN_J1939 sockets", J1939Socket::new())
}

fn frame(id: u32, data: &[u8]) -> Frame {
    Frame::Classic(ClassicFrame::new(CanId::new(id).unwrap(), data).unwrap())
}

/// An async raw socket on vcan0 that sees only `ids`. The filters are set before the bind, so
/// no frame of a test running in parallel slips in between.
fn raw<T: Rt>(ids: &[u32]) -> AsyncCanSocket<T::Can> {
    let s = CanSocket::new().unwrap();
    let filters: Vec<CanFilter> = ids.iter().map(|&id| CanFilter::exact(CanId::new(id).unwrap())).collect();
    s.set_filters(&filters).unwrap();
    s.bind((IF,)).unwrap();
    AsyncCanSocket::new(s).unwrap()
}

/// Sends one item through a Sink: `poll_ready`, `start_send`, `poll_flush`.
async fn sink_send<S: Sink<Frame, Error = io::Error> + Unpin>(sink: &mut S, item: Frame) -> io::Result<()> {
    poll_fn(|cx| Pin::new(&mut *sink).poll_ready(cx)).await?;
    Pin::new(&mut *sink).start_send(item)?;
    poll_fn(|cx| Pin::new(&mut *sink).poll_flush(cx)).await
}

// ---- bodies, generic over the runtime ----

async fn frames_round_trip<T: Rt>(id: u32) {
    let rx = raw::<T>(&[id]);
    let tx = raw::<T>(&[]);
    assert_eq!(rx.try_read_frame().unwrap_err().kind(), io::ErrorKind::WouldBlock, "try_* never waits");
    let f = frame(id, &[1, 2, 3]);
    tx.write_frame(&f).await.unwrap();
    assert_eq!(rx.read_frame().await.unwrap(), f);
    tx.try_write_frame(&f).unwrap();
    let (got, ifindex) = rx.read_frame_from().await.unwrap();
    assert_eq!(got, f);
    assert_eq!(sock_can::interface_from_index(ifindex).to_string(), IF);

    // A batch out with one sendmmsg, in with recvmmsg until all are there.
    let frames: Vec<ClassicFrame> =
        (0..8u8).map(|i| ClassicFrame::new(CanId::new(id).unwrap(), &[i]).unwrap()).collect();
    let mut out = SendBatch::new();
    assert_eq!(tx.write_frames(&frames, &mut out).await.unwrap(), 8);
    let mut batch = rx.get_ref().frame_batch(16).unwrap();
    let mut got = Vec::new();
    while got.len() < 8 {
        for item in rx.read_frames(&mut batch).await.unwrap() {
            got.push(item.unwrap().0);
        }
    }
    assert_eq!(got, frames.into_iter().map(Frame::Classic).collect::<Vec<_>>());

    // The socket comes back, still non-blocking.
    let back = rx.into_inner().unwrap();
    assert_eq!(back.as_ref().mode(), sock_core::Mode::NonBlocking);
}

async fn stream_and_sink<T: Rt>(id: u32) {
    let mut rx = raw::<T>(&[id]);
    let mut tx = raw::<T>(&[]);
    let sent: Vec<Frame> = (0..20u8).map(|i| frame(id, &[i, i])).collect();
    for f in &sent {
        sink_send(&mut tx, f.clone()).await.unwrap();
    }
    poll_fn(|cx| Pin::new(&mut tx).poll_close(cx)).await.unwrap();
    let mut got = Vec::new();
    while got.len() < sent.len() {
        got.push(rx.next().await.expect("a frame stream never ends").unwrap());
    }
    assert_eq!(got, sent);
    // The Stream and the methods share the socket: a frame written now is the next item.
    tx.write_frame(&sent[0]).await.unwrap();
    assert_eq!(rx.read_frame().await.unwrap(), sent[0]);
    assert!(Stream::size_hint(&rx) == (0, None));
}

async fn bcm_notifications_as_a_stream<T: Rt>(id: u32) {
    let mut bcm = AsyncBcmSocket::<T::Bcm>::connected((IF,)).unwrap();
    assert_eq!(bcm.try_recv().unwrap_err().kind(), io::ErrorKind::WouldBlock);
    let can_id = CanId::new(id).unwrap();
    let mask = ClassicFrame::new(can_id, &[0xff; 8]).unwrap();
    bcm.send(&BcmMsg::new(BcmOpcode::RxSetup, can_id).with_frames(mask)).await.unwrap();
    let tx = raw::<T>(&[]);
    let a = ClassicFrame::new(can_id, &[1; 8]).unwrap();
    let b = ClassicFrame::new(can_id, &[2; 8]).unwrap();
    for f in [a, a, b, b, a] {
        tx.write_frame(&Frame::Classic(f)).await.unwrap();
    }
    for want in [a, b, a] {
        let msg = bcm.next().await.expect("never ends").unwrap();
        assert_eq!((msg.opcode, msg.frames), (BcmOpcode::RxChanged, BcmFrames::Classic(vec![want])));
    }
    bcm.send(&BcmMsg::new(BcmOpcode::RxRead, can_id)).await.unwrap();
    assert_eq!(bcm.recv().await.unwrap().opcode, BcmOpcode::RxStatus);
    bcm.send(&BcmMsg::new(BcmOpcode::RxDelete, can_id)).await.unwrap();
}

async fn isotp_pdus<T: Rt>(a_rx: u32, a_tx: u32) {
    let a = AsyncIsoTpSocket::<T::IsoTp>::bound((IF, a_rx, a_tx)).unwrap();
    let b = AsyncIsoTpSocket::<T::IsoTp>::bound((IF, a_tx, a_rx)).unwrap();
    let mut buf = [0u8; 16];
    assert_eq!(b.try_recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    let pdu: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
    assert_eq!(a.send(&pdu).await.unwrap(), pdu.len());
    assert_eq!(b.recv_vec().await.unwrap(), pdu);
    // The other way, into a buffer; the second send waits for the first transfer's end.
    b.send(b"short").await.unwrap();
    b.send(&pdu[..100]).await.unwrap();
    assert_eq!(a.recv(&mut buf).await.unwrap(), 5);
    assert_eq!(&buf[..5], b"short");
    assert_eq!(a.recv_vec().await.unwrap(), &pdu[..100]);
}

async fn j1939_send_to_recv_from_and_reports<T: Rt>(rx_addr: u8, tx_addr: u8, nobody: u8) {
    let node = |addr| AsyncJ1939Socket::<T::J1939>::bound((IF, J1939_NO_NAME, J1939_NO_PGN, addr)).unwrap();
    let (rx, tx) = (node(rx_addr), node(tx_addr));
    let mut buf = [0u8; 256];
    assert_eq!(rx.try_recv_from(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock);
    assert_eq!(tx.try_recv_report().unwrap_err().kind(), io::ErrorKind::WouldBlock, "empty error queue");

    tx.send_to(b"single", J1939Addr::to(0x12a00, rx_addr)).await.unwrap();
    let got = rx.recv_from(&mut buf).await.unwrap();
    assert_eq!((&buf[..got.len], got.source.addr, got.dest_addr), (&b"single"[..], tx_addr, Some(rx_addr)));

    // A transport-protocol transfer, and its reports through the error queue's POLLERR.
    tx.get_ref().set_tx_reports(true).unwrap();
    let data = [0x5au8; 100];
    tx.send_to(&data, J1939Addr::to(0x12a00, rx_addr)).await.unwrap();
    let mut seen = Vec::new();
    let acked = loop {
        let report = tx.recv_report().await.unwrap().expect("a J1939 report");
        seen.push(report);
        if report.is_acked() {
            break report;
        }
        assert!(seen.len() < 10, "no ACK report among {seen:?}");
    };
    assert_eq!((acked.errno, acked.bytes_acked), (libc::ENOMSG, Some(100)), "{acked:?}");
    assert_eq!(rx.recv_from(&mut buf).await.unwrap().len, 100);

    // Nobody answers: the abort comes about a second later, so this one really waits.
    tx.send_to(&data, J1939Addr::to(0x12a00, nobody)).await.unwrap();
    let aborted = loop {
        let report = tx.recv_report().await.unwrap().expect("a J1939 report");
        if report.is_aborted() {
            break report;
        }
        assert!(!report.is_acked(), "a transfer to nobody was acknowledged: {report:?}");
    };
    assert_ne!(aborted.errno, 0);
}

/// Writes `n` frames with `id`, yielding to the runtime between them through `pause`.
async fn write_n<T: Rt, P: Future<Output = ()>>(id: u32, n: u8, mut pause: impl FnMut() -> P) {
    let tx = raw::<T>(&[]);
    for i in 0..n {
        tx.write_frame(&frame(id, &[i])).await.unwrap();
        pause().await;
    }
}

mod on_tokio {
    use super::*;

    async fn limited(body: impl Future<Output = ()>) {
        tokio::time::timeout(LIMIT, body).await.expect("the test body finished in time");
    }

    #[tokio::test]
    async fn frames_round_trip() {
        if have_iface(IF) {
            limited(super::frames_round_trip::<Tokio>(0x6b0)).await;
        }
    }

    #[tokio::test]
    async fn stream_and_sink() {
        if have_iface(IF) {
            limited(super::stream_and_sink::<Tokio>(0x6b1)).await;
        }
    }

    #[tokio::test]
    async fn bcm_notifications_as_a_stream() {
        if have_bcm() {
            limited(super::bcm_notifications_as_a_stream::<Tokio>(0x6c0)).await;
        }
    }

    #[tokio::test]
    async fn isotp_pdus() {
        if have_isotp() {
            limited(super::isotp_pdus::<Tokio>(0x6d0, 0x6d1)).await;
        }
    }

    #[tokio::test]
    async fn j1939_send_to_recv_from_and_reports() {
        if have_j1939() {
            limited(super::j1939_send_to_recv_from_and_reports::<Tokio>(0xa0, 0xa1, 0xae)).await;
        }
    }

    /// A `select!` that drops the read whenever the timer fires first loses no frame.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn cancelled_reads_lose_no_frame() {
        if !have_iface(IF) {
            return;
        }
        let id = 0x6b2;
        let rx = raw::<Tokio>(&[id]);
        let writer = tokio::spawn(write_n::<Tokio, _>(id, 100, || tokio::time::sleep(Duration::from_micros(300))));
        let (mut got, mut cancelled) = (Vec::new(), 0);
        limited(async {
            while got.len() < 100 {
                tokio::select! {
                    f = rx.read_frame() => got.push(f.unwrap()),
                    () = tokio::time::sleep(Duration::from_micros(200)) => cancelled += 1,
                }
            }
        })
        .await;
        writer.await.unwrap();
        assert_eq!(got, (0..100u8).map(|i| frame(id, &[i])).collect::<Vec<_>>(), "after {cancelled} cancelled reads");
        assert_eq!(rx.try_read_frame().unwrap_err().kind(), io::ErrorKind::WouldBlock, "nothing left over");
    }

    /// tokio's timer bounds a read on a silent id; the socket works after it.
    #[tokio::test]
    async fn timeout_through_the_runtime_timer() {
        if !have_iface(IF) {
            return;
        }
        let id = 0x6b3;
        let rx = raw::<Tokio>(&[id]);
        let elapsed = tokio::time::timeout(Duration::from_millis(100), rx.read_frame()).await;
        assert!(elapsed.is_err(), "no frame arrives on a silent id: {elapsed:?}");
        raw::<Tokio>(&[]).write_frame(&frame(id, &[7])).await.unwrap();
        let f = tokio::time::timeout(LIMIT, rx.read_frame()).await.expect("in time").unwrap();
        assert_eq!(f, frame(id, &[7]));
    }

    #[tokio::test]
    async fn registering_needs_a_runtime_and_sockets_come_back() {
        if !have_iface(IF) {
            return;
        }
        let s = AsyncCanSocket::<<Tokio as Rt>::Can>::bound((IF,)).unwrap();
        assert!(format!("{s:?}").contains("AsyncCanSocket"));
        s.into_inner().unwrap();
    }

    #[test]
    fn outside_a_runtime_registration_fails() {
        if !have_iface(IF) {
            return;
        }
        let e = sock_can::tokio::AsyncCanSocket::bound((IF,)).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Other, "{e}");
    }
}

mod on_async_io {
    use super::*;
    use async_io::Timer;
    use futures_lite::future;

    fn run(body: impl Future<Output = ()>) {
        async_io::block_on(async {
            let finished = future::or(
                async {
                    body.await;
                    true
                },
                async {
                    Timer::after(LIMIT).await;
                    false
                },
            )
            .await;
            assert!(finished, "the test body finished in time");
        });
    }

    #[test]
    fn frames_round_trip() {
        if have_iface(IF) {
            run(super::frames_round_trip::<Smol>(0x6b8));
        }
    }

    #[test]
    fn stream_and_sink() {
        if have_iface(IF) {
            run(super::stream_and_sink::<Smol>(0x6b9));
        }
    }

    #[test]
    fn bcm_notifications_as_a_stream() {
        if have_bcm() {
            run(super::bcm_notifications_as_a_stream::<Smol>(0x6c8));
        }
    }

    #[test]
    fn isotp_pdus() {
        if have_isotp() {
            run(super::isotp_pdus::<Smol>(0x6d8, 0x6d9));
        }
    }

    #[test]
    fn j1939_send_to_recv_from_and_reports() {
        if have_j1939() {
            run(super::j1939_send_to_recv_from_and_reports::<Smol>(0xa8, 0xa9, 0xaf));
        }
    }

    /// `future::or` that drops the read whenever the timer wins loses no frame.
    #[test]
    fn cancelled_reads_lose_no_frame() {
        if !have_iface(IF) {
            return;
        }
        let id = 0x6ba;
        let rx = raw::<Smol>(&[id]);
        let (mut got, mut cancelled) = (Vec::new(), 0);
        run(async {
            let writer = write_n::<Smol, _>(id, 100, || async {
                Timer::after(Duration::from_micros(300)).await;
            });
            let reader = async {
                while got.len() < 100 {
                    let read = async { Some(rx.read_frame().await.unwrap()) };
                    let tick = async {
                        Timer::after(Duration::from_micros(200)).await;
                        None
                    };
                    match future::or(read, tick).await {
                        Some(f) => got.push(f),
                        None => cancelled += 1,
                    }
                }
            };
            future::zip(writer, reader).await;
        });
        assert_eq!(got, (0..100u8).map(|i| frame(id, &[i])).collect::<Vec<_>>(), "after {cancelled} cancelled reads");
        assert_eq!(rx.try_read_frame().unwrap_err().kind(), io::ErrorKind::WouldBlock, "nothing left over");
    }

    /// async-io's timer bounds a read on a silent id; the socket works after it.
    #[test]
    fn timeout_through_the_runtime_timer() {
        if !have_iface(IF) {
            return;
        }
        let id = 0x6bb;
        let rx = raw::<Smol>(&[id]);
        run(async {
            let timed_out = future::or(async { Some(rx.read_frame().await) }, async {
                Timer::after(Duration::from_millis(100)).await;
                None
            })
            .await;
            assert!(timed_out.is_none(), "no frame arrives on a silent id: {timed_out:?}");
            raw::<Smol>(&[]).write_frame(&frame(id, &[7])).await.unwrap();
            assert_eq!(rx.read_frame().await.unwrap(), frame(id, &[7]));
        });
    }
}
