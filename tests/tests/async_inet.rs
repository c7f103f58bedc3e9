#![cfg(all(feature = "inet", feature = "tokio", feature = "async-io"))]
//! The async items of sock-inet (issue 15) on both runtimes: `create_connection` and
//! `create_server` (echo, a refused connection, a timeout through the runtime's timer), UDP
//! GSO/GRO round trips, RDS (VM only), a cancelled receive that loses nothing, and the
//! conversions with tokio's `TcpStream`/`TcpListener`/`UdpSocket`. Numeric hosts only.

use std::io;
use std::time::{Duration, Instant};

use sock::{Family, Socket, Type};
use sock_inet::{decode, ConnectErrors, ConnectOptions, InetSocketExt, ServerOptions};

/// The segment size of the GSO/GRO tests.
const SEG: usize = 1200;
/// One GSO send: 20 full segments and a 300-byte tail.
const TOTAL: usize = 20 * SEG + 300;

fn payload(len: usize, salt: u8) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8 ^ (i / SEG) as u8 ^ salt.wrapping_mul(37)).collect()
}

/// A port on 127.0.0.1 where nobody listens, kept so by the returned bound socket (a connect
/// to it is refused).
fn refusing_port() -> (Socket, u16) {
    let s = Socket::new(Family::INET, Type::STREAM, None).unwrap();
    s.bind(("127.0.0.1", 0)).unwrap();
    let port = decode(&s.local_addr().unwrap()).unwrap().port();
    (s, port)
}

/// A listener whose accept queue is full (backlog 0, filled by clients never accepted), so
/// that one more connect hangs in SYN-SENT; returns it, the fillers and its port.
fn full_listener() -> (Socket, Vec<Socket>, u16) {
    let l = sock_inet::create_server(("127.0.0.1", 0), &ServerOptions::new().backlog(0)).unwrap();
    let port = decode(&l.local_addr().unwrap()).unwrap().port();
    let mut fillers = Vec::new();
    for _ in 0..16 {
        let c = Socket::new(Family::INET, Type::STREAM, None).unwrap();
        c.set_timeout(Some(Duration::from_millis(200))).unwrap();
        match c.connect(("127.0.0.1", port)) {
            Ok(()) => fillers.push(c),
            Err(e) => {
                assert_eq!(e.kind(), io::ErrorKind::TimedOut, "{e}");
                return (l, fillers, port);
            }
        }
    }
    panic!("the accept queue of a backlog-0 listener never filled");
}

/// Whether the kernel takes `UDP_SEGMENT` and `UDP_GRO` (Linux ≥ 5.0).
fn require_gso_gro() -> bool {
    let probe = Socket::new(Family::INET, Type::DGRAM, None)
        .and_then(|s| s.set_udp_segment(SEG as u16).and_then(|()| s.set_udp_gro(true)));
    sock_tests::require("UDP_SEGMENT and UDP_GRO (Linux 5.0)", probe)
}

fn have_rds() -> bool {
    sock_tests::require("AF_RDS sockets (modprobe rds)", sock_inet::rds_socket().map(drop))
}

/// Checks what arrived through GRO against one GSO send of `data`.
fn check_datagrams(datagrams: &[Vec<u8>], data: &[u8]) {
    let expected: Vec<Vec<u8>> = data.chunks(SEG).map(<[u8]>::to_vec).collect();
    assert_eq!(datagrams.len(), expected.len(), "datagram count");
    assert!(datagrams == expected, "datagram contents");
}

const TIMEOUT: Duration = Duration::from_millis(300);

mod on_tokio {
    use super::*;
    use sock_inet::tokio::{self as rt, AsyncInetExt, AsyncSocket};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn create_connection_and_create_server_echo() {
        let server = rt::create_server(("127.0.0.1", 0), &ServerOptions::new()).unwrap();
        let port = decode(&server.socket().local_addr().unwrap()).unwrap().port();
        let echo = tokio::spawn(async move {
            let (conn, _) = server.accept().await.unwrap();
            let mut buf = [0u8; 64];
            let n = conn.recv(&mut buf).await.unwrap();
            conn.send_all(&buf[..n]).await.unwrap();
        });
        let options = ConnectOptions::new().timeout(Some(Duration::from_secs(10)));
        let client = rt::create_connection(("127.0.0.1", port), &options).await.unwrap();
        assert_eq!(client.socket().mode(), sock::Mode::NonBlocking, "no socket timeout, the runtime waits");
        client.send_all(b"ping").await.unwrap();
        let mut buf = [0u8; 4];
        assert_eq!(client.recv(&mut buf).await.unwrap(), 4);
        assert_eq!(&buf, b"ping");
        echo.await.unwrap();
    }

    #[tokio::test]
    async fn dualstack_server_and_v6_connection() {
        if !sock_inet::has_dualstack_ipv6() {
            return;
        }
        let options = ServerOptions::new().family(Family::INET6).dualstack_ipv6(true);
        let Ok(server) = rt::create_server(("::", 0), &options) else { return };
        let port = decode(&server.socket().local_addr().unwrap()).unwrap().port();
        let plain = ConnectOptions::new();
        for host in ["127.0.0.1", "::1"] {
            let (client, accepted) = tokio::join!(rt::create_connection((host, port), &plain), server.accept());
            let (client, (_conn, peer)) = (client.unwrap(), accepted.unwrap());
            assert_eq!(decode(&client.socket().local_addr().unwrap()).unwrap().port(), decode(&peer).unwrap().port());
        }
    }

    #[tokio::test]
    async fn a_refused_connection_is_connection_refused() {
        let (_keep, port) = refusing_port();
        let err = rt::create_connection(("127.0.0.1", port), &ConnectOptions::new()).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused, "{err}");
        assert_eq!(err.to_string(), format!("create_connection 127.0.0.1:{port}: Connection refused (ECONNREFUSED)"));
        assert_eq!(sock::errno(&err), Some(libc::ECONNREFUSED));
        let options = ConnectOptions::new().all_errors(true).timeout(Some(Duration::from_secs(10)));
        let err = rt::create_connection(("127.0.0.1", port), &options).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused, "{err}");
        assert!(
            err.to_string().starts_with(&format!("create_connection 127.0.0.1:{port}: every address failed: ")),
            "{err}"
        );
        let all = ConnectErrors::from_io(&err).expect("all_errors carries ConnectErrors");
        assert_eq!(all.errors.len(), 1);
        assert_eq!(all.errors[0].1.kind(), io::ErrorKind::ConnectionRefused);
    }

    #[tokio::test]
    async fn the_deadline_is_the_runtime_timer() {
        let (_l, _fillers, port) = full_listener();
        let start = Instant::now();
        let options = ConnectOptions::new().timeout(Some(TIMEOUT));
        let err = rt::create_connection(("127.0.0.1", port), &options).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::TimedOut, "{err}");
        assert_eq!(err.to_string(), format!("create_connection 127.0.0.1:{port}: timed out"));
        assert!(start.elapsed() >= TIMEOUT, "not before the deadline: {:?}", start.elapsed());
        assert!(start.elapsed() < Duration::from_secs(20), "at the deadline: {:?}", start.elapsed());
    }

    #[tokio::test]
    async fn gso_send_and_gro_receive() {
        if !require_gso_gro() {
            return;
        }
        let rx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        rx.socket().bind(("127.0.0.1", 0)).unwrap();
        rx.socket().set_udp_gro(true).unwrap();
        let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        tx.socket().bind(("127.0.0.1", 0)).unwrap();
        let to = decode(&rx.socket().local_addr().unwrap()).unwrap();
        let from = decode(&tx.socket().local_addr().unwrap()).unwrap();
        let data = payload(TOTAL, 1);
        assert_eq!(tx.send_segments_to(&data, SEG, to).await.unwrap(), TOTAL);
        let mut buf = vec![0u8; 65536];
        let mut datagrams = Vec::new();
        while datagrams.iter().map(Vec::len).sum::<usize>() < TOTAL {
            let msg = rx.recv_gro(&mut buf).await.unwrap();
            assert_eq!(msg.addr, from);
            assert!(!msg.flags.contains(sock_core::MsgFlags::TRUNC));
            datagrams.extend(msg.segments(&buf).map(<[u8]>::to_vec));
        }
        check_datagrams(&datagrams, &data);
        // Connected form, and the checked segment size.
        tx.connect(to).await.unwrap();
        let err = tx.send_segments(&data, 0).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
        let err = tx.send_segments(&data, 70_000).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
        assert_eq!(tx.send_segments(&data[..SEG * 2], SEG).await.unwrap(), SEG * 2);
        let mut got = 0;
        while got < SEG * 2 {
            let msg = rx.recv_gro(&mut buf).await.unwrap();
            got += msg
                .segments(&buf)
                .map(|d| {
                    assert_eq!(d.len(), SEG);
                    d.len()
                })
                .sum::<usize>();
        }
    }

    #[tokio::test]
    async fn rds_send_and_receive() {
        if !have_rds() {
            return;
        }
        let a = rt::rds_socket().unwrap();
        let b = rt::rds_socket().unwrap();
        a.socket().bind(("127.0.0.1", 0)).unwrap();
        b.socket().bind(("127.0.0.1", 0)).unwrap();
        let a_addr = decode(&a.socket().local_addr().unwrap()).unwrap();
        let b_addr = decode(&b.socket().local_addr().unwrap()).unwrap();
        a.send_to(b"over rds", b_addr).await.unwrap();
        let mut buf = [0u8; 32];
        let (n, from) =
            tokio::time::timeout(Duration::from_secs(10), b.recv_from_inet(&mut buf)).await.unwrap().unwrap();
        assert_eq!((&buf[..n], from), (&b"over rds"[..], a_addr));
    }

    #[tokio::test]
    async fn a_cancelled_receive_loses_no_datagram() {
        let a = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        let b = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
        a.socket().bind(("127.0.0.1", 0)).unwrap();
        b.socket().bind(("127.0.0.1", 0)).unwrap();
        let to = decode(&b.socket().local_addr().unwrap()).unwrap();
        let mut buf = [0u8; 8];
        for round in 0..50u8 {
            // Dropped mid-wait (registered with the reactor): nothing is queued yet.
            let raced = tokio::select! {
                biased;
                r = b.recv_from_inet(&mut buf) => Some(r),
                () = tokio::task::yield_now() => None,
            };
            assert!(raced.is_none(), "nothing was sent yet");
            a.send_to(&[round], to).await.unwrap();
            let (n, _) = b.recv_from_inet(&mut buf).await.unwrap();
            assert_eq!((n, buf[0]), (1, round), "datagram {round} arrived once, in order");
        }
    }

    #[tokio::test]
    async fn conversions_with_tokio_net() {
        let server = rt::create_server(("127.0.0.1", 0), &ServerOptions::new()).unwrap();
        let listener = rt::into_tcp_listener(server).unwrap();
        let addr = listener.local_addr().unwrap();
        let (stream, accepted) = tokio::join!(tokio::net::TcpStream::connect(addr), listener.accept());
        let ours = rt::from_tcp_stream(stream.unwrap()).unwrap();
        let (mut theirs, _) = accepted.unwrap();
        ours.send_all(b"to tokio").await.unwrap();
        let mut buf = [0u8; 8];
        theirs.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"to tokio");
        let mut back = rt::into_tcp_stream(ours).unwrap();
        theirs.write_all(b"back").await.unwrap();
        back.read_exact(&mut buf[..4]).await.unwrap();
        assert_eq!(&buf[..4], b"back");
        let ours = rt::from_tcp_listener(listener).unwrap();
        assert_eq!(decode(&ours.socket().local_addr().unwrap()).unwrap(), addr);

        let udp = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        let udp_addr = udp.local_addr().unwrap();
        let ours = rt::from_udp_socket(udp).unwrap();
        let peer = tokio::net::UdpSocket::bind("127.0.0.1:0").await.unwrap();
        peer.send_to(b"dgram", udp_addr).await.unwrap();
        let (n, from) = ours.recv_from_inet(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"dgram"[..], peer.local_addr().unwrap()));
        let udp = rt::into_udp_socket(ours).unwrap();
        assert_eq!(udp.local_addr().unwrap(), udp_addr);
        let err = rt::into_tcp_stream(rt::from_udp_socket(udp).unwrap()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "a UDP socket is no TcpStream");
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::future;
    use sock_inet::async_io::{self as rt, AsyncInetExt, AsyncSocket};

    #[test]
    fn create_connection_and_create_server_echo() {
        async_io::block_on(async {
            let server = rt::create_server(("127.0.0.1", 0), &ServerOptions::new()).unwrap();
            let port = decode(&server.socket().local_addr().unwrap()).unwrap().port();
            let echo = async {
                let (conn, _) = server.accept().await.unwrap();
                let mut buf = [0u8; 64];
                let n = conn.recv(&mut buf).await.unwrap();
                conn.send_all(&buf[..n]).await.unwrap();
            };
            let client = async {
                let options = ConnectOptions::new().timeout(Some(Duration::from_secs(10)));
                let client = rt::create_connection(("127.0.0.1", port), &options).await.unwrap();
                client.send_all(b"ping").await.unwrap();
                let mut buf = [0u8; 4];
                assert_eq!(client.recv(&mut buf).await.unwrap(), 4);
                assert_eq!(&buf, b"ping");
            };
            future::zip(echo, client).await;
        });
    }

    #[test]
    fn a_refused_connection_and_the_deadline() {
        async_io::block_on(async {
            let (_keep, port) = refusing_port();
            let err = rt::create_connection(("127.0.0.1", port), &ConnectOptions::new()).await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::ConnectionRefused, "{err}");

            let (_l, _fillers, port) = full_listener();
            let start = Instant::now();
            let options = ConnectOptions::new().timeout(Some(TIMEOUT));
            let err = rt::create_connection(("127.0.0.1", port), &options).await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::TimedOut, "{err}");
            assert!(start.elapsed() >= TIMEOUT, "not before the deadline: {:?}", start.elapsed());
            assert!(start.elapsed() < Duration::from_secs(20), "at the deadline: {:?}", start.elapsed());
        });
    }

    #[test]
    fn generic_create_connection_with_a_ready_timer_times_out_at_once() {
        // The generic form takes any timer: one that is already done ends a hanging connect.
        async_io::block_on(async {
            let (_l, _fillers, port) = full_listener();
            let options = ConnectOptions::new().timeout(Some(Duration::from_secs(3600)));
            let r = sock_inet::aio::create_connection::<sock::async_io::Reactor<Socket>, _, _>(
                ("127.0.0.1", port),
                &options,
                |_| std::future::ready(()),
            )
            .await;
            assert_eq!(r.unwrap_err().kind(), io::ErrorKind::TimedOut);
        });
    }

    #[test]
    fn gso_send_and_gro_receive() {
        if !require_gso_gro() {
            return;
        }
        async_io::block_on(async {
            let rx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
            rx.socket().bind(("127.0.0.1", 0)).unwrap();
            rx.socket().set_udp_gro(true).unwrap();
            let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
            tx.socket().bind(("127.0.0.1", 0)).unwrap();
            let to = decode(&rx.socket().local_addr().unwrap()).unwrap();
            let data = payload(TOTAL, 2);
            assert_eq!(tx.send_segments_to(&data, SEG, to).await.unwrap(), TOTAL);
            let mut buf = vec![0u8; 65536];
            let mut datagrams = Vec::new();
            while datagrams.iter().map(Vec::len).sum::<usize>() < TOTAL {
                let msg = rx.recv_gro(&mut buf).await.unwrap();
                datagrams.extend(msg.segments(&buf).map(<[u8]>::to_vec));
            }
            check_datagrams(&datagrams, &data);
        });
    }

    #[test]
    fn rds_send_and_receive() {
        if !have_rds() {
            return;
        }
        async_io::block_on(async {
            let a = rt::rds_socket().unwrap();
            let b = rt::rds_socket().unwrap();
            a.socket().bind(("127.0.0.1", 0)).unwrap();
            b.socket().bind(("127.0.0.1", 0)).unwrap();
            let a_addr = decode(&a.socket().local_addr().unwrap()).unwrap();
            let b_addr = decode(&b.socket().local_addr().unwrap()).unwrap();
            a.send_to(b"over rds", b_addr).await.unwrap();
            let mut buf = [0u8; 32];
            let (n, from) = b.recv_from_inet(&mut buf).await.unwrap();
            assert_eq!((&buf[..n], from), (&b"over rds"[..], a_addr));
        });
    }

    #[test]
    fn a_cancelled_receive_loses_no_datagram() {
        async_io::block_on(async {
            let a = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
            let b = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None).unwrap()).unwrap();
            a.socket().bind(("127.0.0.1", 0)).unwrap();
            b.socket().bind(("127.0.0.1", 0)).unwrap();
            let to = decode(&b.socket().local_addr().unwrap()).unwrap();
            let mut buf = [0u8; 8];
            for round in 0..50u8 {
                let raced = future::or(async { Some(b.recv_from_inet(&mut buf).await) }, async {
                    future::yield_now().await;
                    None
                })
                .await;
                assert!(raced.is_none(), "nothing was sent yet");
                a.send_to(&[round], to).await.unwrap();
                let (n, _) = b.recv_from_inet(&mut buf).await.unwrap();
                assert_eq!((n, buf[0]), (1, round), "datagram {round} arrived once, in order");
            }
        });
    }
}
