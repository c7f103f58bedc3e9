#![cfg(all(feature = "tokio", feature = "async-io", feature = "unix", feature = "inet"))]
//! The async layer (issue 15) on both runtimes: echo over stream and datagram sockets, a
//! thousand concurrent loopback connections, cancellation that loses no data, timeouts through
//! the runtime's timer, fd passing, `AsyncRead`/`AsyncWrite` with `split`, non-blocking
//! accepted sockets.

use std::io::{self, IoSlice, IoSliceMut};
use std::net::Ipv4Addr;
use std::time::Duration;

use sock::cmsg::{cmsg_space, CmsgWriter};
use sock::consts::{SCM_RIGHTS, SOL_SOCKET};
use sock::{Family, Mode, Socket, Type};

fn listener() -> Socket {
    let l = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    l.bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
    l.listen(Some(1024)).unwrap();
    l
}

mod on_tokio {
    use super::*;
    use sock::tokio::AsyncSocket;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn stream_echo_with_async_read_write_and_split() {
        let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
        let (mut a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
        assert_eq!(a.socket().mode(), Mode::NonBlocking);
        let echo = tokio::spawn(async move {
            let (mut r, mut w) = b.split();
            let mut buf = vec![0u8; 1 << 20];
            r.read_exact(&mut buf).await.unwrap();
            w.write_all(&buf).await.unwrap();
        });
        let data: Vec<u8> = (0..1u32 << 20).map(|i| i as u8).collect();
        a.write_all(&data).await.unwrap();
        let mut back = vec![0u8; data.len()];
        a.read_exact(&mut back).await.unwrap();
        assert!(back == data, "a MiB came back intact through AsyncRead/AsyncWrite");
        echo.await.unwrap();
    }

    #[tokio::test]
    async fn datagrams_and_try_variants() {
        let a = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        let b = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        a.socket().bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        b.socket().bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let mut buf = [0u8; 16];
        assert_eq!(b.try_recv(&mut buf).unwrap_err().kind(), io::ErrorKind::WouldBlock, "try_* never waits");
        a.send_to(b"dgram", b.socket().local_addr().unwrap()).await.unwrap();
        let (n, from) = b.recv_from(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"dgram"[..], a.socket().local_addr().unwrap()));
        b.try_send_to(b"back", from).unwrap();
        assert_eq!(a.recv(&mut buf).await.unwrap(), 4);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_thousand_concurrent_connections() {
        // 2,000 fds (both ends of each connection) are open at once: lift the soft limit (the
        // test VM's is 1024) as far as the hard one allows, raising that too where we may.
        use nix::sys::resource::{getrlimit, setrlimit, Resource};
        let (soft, hard) = getrlimit(Resource::RLIMIT_NOFILE).unwrap();
        if soft < 4096 {
            let want = hard.max(4096);
            if setrlimit(Resource::RLIMIT_NOFILE, want, want).is_err() {
                setrlimit(Resource::RLIMIT_NOFILE, hard, hard).unwrap();
            }
        }
        let server = AsyncSocket::new(listener()).unwrap();
        let addr = server.socket().local_addr().unwrap();
        let accepting = tokio::spawn(async move {
            let mut handlers = Vec::new();
            for _ in 0..1000 {
                let (conn, _) = server.accept().await.unwrap();
                assert_eq!(conn.socket().mode(), Mode::NonBlocking, "accepted sockets are non-blocking");
                handlers.push(tokio::spawn(async move {
                    let mut buf = [0u8; 8];
                    let n = conn.recv(&mut buf).await.unwrap();
                    conn.send_all(&buf[..n]).await.unwrap();
                }));
            }
            for h in handlers {
                h.await.unwrap();
            }
        });
        // Connects are paced (64 handshakes in flight: a slow, emulated kernel's SYN queue is
        // small), then every client waits until all 1000 connections are open together.
        let handshakes = std::sync::Arc::new(tokio::sync::Semaphore::new(64));
        let all_open = std::sync::Arc::new(tokio::sync::Barrier::new(1000));
        let mut clients = Vec::new();
        for i in 0..1000u32 {
            let (handshakes, all_open) = (handshakes.clone(), all_open.clone());
            clients.push(tokio::spawn(async move {
                let c = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None).unwrap()).unwrap();
                {
                    let _permit = handshakes.acquire().await.unwrap();
                    c.connect(addr).await.unwrap();
                }
                all_open.wait().await;
                c.send_all(&i.to_be_bytes()).await.unwrap();
                let mut buf = [0u8; 4];
                let mut got = 0;
                while got < 4 {
                    got += c.recv(&mut buf[got..]).await.unwrap();
                }
                assert_eq!(u32::from_be_bytes(buf), i);
            }));
        }
        for c in clients {
            c.await.unwrap();
        }
        accepting.await.unwrap();
    }

    #[tokio::test]
    async fn a_cancelled_recv_loses_no_data_and_timeouts_use_the_runtime_timer() {
        let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
        let (a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
        let mut buf = [0u8; 16];
        // Nothing queued: the timer wins and the recv future is dropped mid-wait.
        let timed_out = tokio::time::timeout(Duration::from_millis(20), b.recv(&mut buf)).await;
        assert!(timed_out.is_err(), "the runtime's timer ended the wait");
        for round in 0..100u8 {
            a.send(&[round]).await.unwrap();
            // A select! that drops the recv on the other branch must not lose the datagram.
            let got = tokio::select! {
                biased;
                _ = std::future::ready(()), if round % 2 == 0 => None,
                r = b.recv(&mut buf) => Some(r.unwrap()),
            };
            if got.is_none() {
                assert_eq!(b.recv(&mut buf).await.unwrap(), 1);
            }
            assert_eq!(buf[0], round, "datagram {round} arrived once, in order");
        }
    }

    #[tokio::test]
    async fn a_dropped_send_reports_what_it_sent() {
        let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
        let (a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
        // Far more than the socket buffers hold while nobody reads: the send must wait, and
        // the timer drops it part way.
        let data: Vec<u8> = (0..8u32 << 20).map(|i| (i % 251) as u8).collect();
        let mut sent = 0;
        let r = tokio::time::timeout(Duration::from_millis(50), a.send_all_tracked(&data, &mut sent)).await;
        assert!(r.is_err(), "the timer dropped the send");
        assert!(sent > 0 && sent < data.len(), "{sent}");
        // Exactly the counted prefix is on the wire, then the rest follows.
        let rest = data[sent..].to_vec();
        let finish = async {
            let mut more = 0;
            a.send_all_tracked(&rest, &mut more).await.unwrap();
        };
        let read = async {
            let mut got = vec![0u8; data.len()];
            let mut at = 0;
            while at < got.len() {
                at += b.recv(&mut got[at..]).await.unwrap();
            }
            got
        };
        let ((), got) = tokio::join!(finish, read);
        assert!(got == data, "the prefix and the rest arrived once each, in order");
    }

    #[tokio::test]
    async fn fd_passing() {
        let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
        let (a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
        let (keep, pass) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
        let mut control = [0u8; 64];
        let mut w = CmsgWriter::new(&mut control);
        w.push(SOL_SOCKET, SCM_RIGHTS, &pass.fileno().to_ne_bytes()).unwrap();
        let len = w.len();
        a.send_msg(&[IoSlice::new(b"fd")], &control[..len], 0, None).await.unwrap();
        drop(pass);
        let mut data = [0u8; 4];
        let mut ctl = vec![0u8; cmsg_space(4).unwrap()];
        let (msg, mut fds) = b.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut ctl, 0).await.unwrap();
        assert_eq!((msg.bytes, fds.len()), (2, 1));
        let passed = AsyncSocket::new(Socket::from_fd(fds.pop().unwrap()).unwrap()).unwrap();
        passed.send_all(b"through the passed fd").await.unwrap();
        assert_eq!(keep.recv_vec(64).unwrap(), b"through the passed fd");
    }

    #[test]
    fn outside_a_runtime_is_an_error_not_a_panic() {
        let s = Socket::new(Family::INET, Type::DGRAM, None).unwrap();
        let e = AsyncSocket::new(s).unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::Other, "{e}");
        assert!(e.to_string().contains("no tokio runtime"), "{e}");
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::{AsyncReadExt, AsyncWriteExt};
    use sock::async_io::AsyncSocket;

    #[test]
    fn stream_echo_datagrams_and_timeouts() {
        async_io::block_on(async {
            let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None).unwrap();
            let (mut a, b) = (AsyncSocket::new(a).unwrap(), AsyncSocket::new(b).unwrap());
            let echo = async {
                let (mut r, mut w) = b.split();
                let mut buf = [0u8; 5];
                r.read_exact(&mut buf).await.unwrap();
                w.write_all(&buf).await.unwrap();
            };
            let client = async {
                a.write_all(b"hello").await.unwrap();
                let mut buf = [0u8; 5];
                a.read_exact(&mut buf).await.unwrap();
                assert_eq!(&buf, b"hello");
            };
            futures_lite::future::zip(echo, client).await;

            // A timeout through async-io's timer; the dropped recv loses nothing.
            let (x, y) = Socket::pair(Family::UNIX, Type::DGRAM, None).unwrap();
            let (x, y) = (AsyncSocket::new(x).unwrap(), AsyncSocket::new(y).unwrap());
            let mut buf = [0u8; 8];
            let raced = futures_lite::future::or(async { Some(y.recv(&mut buf).await.unwrap()) }, async {
                async_io::Timer::after(Duration::from_millis(20)).await;
                None
            })
            .await;
            assert_eq!(raced, None, "the timer won");
            x.send(b"late").await.unwrap();
            assert_eq!(y.recv(&mut buf).await.unwrap(), 4);
            assert_eq!(&buf[..4], b"late");
        });
    }

    #[test]
    fn accept_and_connect() {
        async_io::block_on(async {
            let server = AsyncSocket::new(listener()).unwrap();
            let addr = server.socket().local_addr().unwrap();
            let client = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None).unwrap()).unwrap();
            let (accepted, _) =
                futures_lite::future::zip(server.accept(), async { client.connect(addr).await.unwrap() }).await;
            let (conn, peer) = accepted.unwrap();
            assert_eq!(peer, client.socket().local_addr().unwrap());
            assert_eq!(conn.socket().mode(), Mode::NonBlocking);
            conn.send_all(b"welcome").await.unwrap();
            let mut buf = [0u8; 7];
            let mut got = 0;
            while got < 7 {
                got += client.recv(&mut buf[got..]).await.unwrap();
            }
            assert_eq!(&buf, b"welcome");
        });
    }
}
