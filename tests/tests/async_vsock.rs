#![cfg(all(feature = "vsock", feature = "tokio", feature = "async-io"))]
//! AF_VSOCK asynchronously (issue 15) on both runtimes, over the `vsock_loopback` transport
//! (loaded in the test VM; the probes of tests/vsock.rs skip elsewhere): stream echo with
//! `accept_vsock`, seqpacket message boundaries, a refused connect's error kind, a cancelled
//! receive that loses nothing, and datagrams where a transport offers them.

use std::io;

use sock::{Family, Socket, Type};
use sock_vsock::{VsockAddr, VMADDR_CID_ANY, VMADDR_CID_LOCAL, VMADDR_PORT_ANY};

const MSG: &[u8] = "Michael Gilfix was here\u{1234}\r\n".as_bytes();

mod vsock_support;
use vsock_support::{have_loopback, listener, peer_cid};

mod on_tokio {
    use super::*;
    use sock_vsock::tokio::{AsyncSocket, AsyncVsockExt};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn stream_echo_with_accept_vsock() {
        if !have_loopback(Type::STREAM) {
            return;
        }
        let (server, port) = listener(Type::STREAM);
        let server = AsyncSocket::new(server).unwrap();
        let echo = tokio::spawn(async move {
            let (mut conn, peer) = server.accept_vsock().await.unwrap();
            let mut buf = vec![0u8; MSG.len()];
            conn.read_exact(&mut buf).await.unwrap();
            conn.write_all(&buf).await.unwrap();
            peer
        });
        let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::STREAM, None).unwrap()).unwrap();
        client.connect(VsockAddr::new(peer_cid(), port)).await.unwrap();
        client.send_all(MSG).await.unwrap();
        let mut got = vec![0u8; MSG.len()];
        let mut filled = 0;
        while filled < got.len() {
            let n = client.recv(&mut got[filled..]).await.unwrap();
            assert_ne!(n, 0, "early end of stream");
            filled += n;
        }
        assert_eq!(got, MSG);
        let peer = echo.await.unwrap();
        let me = VsockAddr::try_from(&client.socket().local_addr().unwrap()).unwrap();
        assert_eq!(peer.port, me.port);
    }

    #[tokio::test]
    async fn seqpacket_keeps_message_boundaries() {
        if !have_loopback(Type::SEQPACKET) {
            return;
        }
        let (server, port) = listener(Type::SEQPACKET);
        let server = AsyncSocket::new(server).unwrap();
        let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::SEQPACKET, None).unwrap()).unwrap();
        let (connected, accepted) =
            tokio::join!(client.connect(VsockAddr::new(peer_cid(), port)), server.accept_vsock());
        connected.unwrap();
        let (conn, _) = accepted.unwrap();
        client.send(b"first").await.unwrap();
        client.send(b"second message").await.unwrap();
        let mut buf = [0u8; 64];
        assert_eq!(conn.recv(&mut buf).await.unwrap(), 5);
        assert_eq!(&buf[..5], b"first");
        assert_eq!(conn.recv(&mut buf).await.unwrap(), 14);
        assert_eq!(&buf[..14], b"second message");
    }

    #[tokio::test]
    async fn connect_to_nobody_is_connection_reset() {
        if !have_loopback(Type::STREAM) {
            return;
        }
        let (server, port) = listener(Type::STREAM);
        drop(server);
        let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::STREAM, None).unwrap()).unwrap();
        let err = client.connect(VsockAddr::new(VMADDR_CID_LOCAL, port)).await.unwrap_err();
        // The loopback transport answers a connect to a port nobody listens on with a reset.
        assert_eq!(err.kind(), io::ErrorKind::ConnectionReset, "{err}");
    }

    #[tokio::test]
    async fn a_cancelled_recv_loses_no_message() {
        if !have_loopback(Type::SEQPACKET) {
            return;
        }
        let (server, port) = listener(Type::SEQPACKET);
        let server = AsyncSocket::new(server).unwrap();
        let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::SEQPACKET, None).unwrap()).unwrap();
        let (connected, accepted) =
            tokio::join!(client.connect(VsockAddr::new(peer_cid(), port)), server.accept_vsock());
        connected.unwrap();
        let (conn, _) = accepted.unwrap();
        let mut buf = [0u8; 8];
        for round in 0..20u8 {
            let raced = tokio::select! {
                biased;
                r = conn.recv(&mut buf) => Some(r),
                () = tokio::task::yield_now() => None,
            };
            assert!(raced.is_none(), "nothing was sent yet");
            client.send(&[round]).await.unwrap();
            assert_eq!(conn.recv(&mut buf).await.unwrap(), 1);
            assert_eq!(buf[0], round, "message {round} arrived once, in order");
        }
    }

    #[tokio::test]
    async fn datagrams_where_a_transport_offers_them() {
        // SOCK_DGRAM needs a hypervisor transport (VMCI, Hyper-V); vsock_loopback has none,
        // so this is not a required capability.
        let Ok(rx) = Socket::new(Family::VSOCK, Type::DGRAM, None) else {
            eprintln!("SOCK-SKIP AF_VSOCK SOCK_DGRAM (no datagram transport; not required)");
            return;
        };
        if let Err(e) = rx.bind(VsockAddr::new(VMADDR_CID_ANY, VMADDR_PORT_ANY)) {
            eprintln!("SOCK-SKIP AF_VSOCK SOCK_DGRAM bind: {e} (not required)");
            return;
        }
        let port = VsockAddr::try_from(&rx.local_addr().unwrap()).unwrap().port;
        let rx = AsyncSocket::new(rx).unwrap();
        let tx = AsyncSocket::new(Socket::new(Family::VSOCK, Type::DGRAM, None).unwrap()).unwrap();
        if let Err(e) = tx.send_to(b"dgram", VsockAddr::new(peer_cid(), port)).await {
            eprintln!("SOCK-SKIP AF_VSOCK SOCK_DGRAM send: {e} (not required)");
            return;
        }
        let mut buf = [0u8; 8];
        let (n, _from) = rx.recv_from_vsock(&mut buf).await.unwrap();
        assert_eq!(&buf[..n], b"dgram");
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::future;
    use sock_vsock::async_io::{AsyncSocket, AsyncVsockExt};

    #[test]
    fn stream_echo_with_accept_vsock() {
        if !have_loopback(Type::STREAM) {
            return;
        }
        async_io::block_on(async {
            let (server, port) = listener(Type::STREAM);
            let server = AsyncSocket::new(server).unwrap();
            let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::STREAM, None).unwrap()).unwrap();
            let (connected, accepted) =
                future::zip(client.connect(VsockAddr::new(peer_cid(), port)), server.accept_vsock()).await;
            connected.unwrap();
            let (conn, peer) = accepted.unwrap();
            let me = VsockAddr::try_from(&client.socket().local_addr().unwrap()).unwrap();
            assert_eq!(peer.port, me.port);
            client.send_all(MSG).await.unwrap();
            let mut buf = vec![0u8; MSG.len()];
            let mut filled = 0;
            while filled < buf.len() {
                let n = conn.recv(&mut buf[filled..]).await.unwrap();
                assert_ne!(n, 0, "early end of stream");
                filled += n;
            }
            assert_eq!(buf, MSG);
        });
    }

    #[test]
    fn seqpacket_and_connect_to_nobody() {
        if !have_loopback(Type::SEQPACKET) {
            return;
        }
        async_io::block_on(async {
            let (server, port) = listener(Type::SEQPACKET);
            let server = AsyncSocket::new(server).unwrap();
            let client = AsyncSocket::new(Socket::new(Family::VSOCK, Type::SEQPACKET, None).unwrap()).unwrap();
            let (connected, accepted) =
                future::zip(client.connect(VsockAddr::new(peer_cid(), port)), server.accept_vsock()).await;
            connected.unwrap();
            let (conn, _) = accepted.unwrap();
            client.send(b"one").await.unwrap();
            client.send(b"two!").await.unwrap();
            let mut buf = [0u8; 16];
            assert_eq!(conn.recv(&mut buf).await.unwrap(), 3);
            assert_eq!(conn.recv(&mut buf).await.unwrap(), 4);
            assert_eq!(&buf[..4], b"two!");

            drop(server);
            let lonely = AsyncSocket::new(Socket::new(Family::VSOCK, Type::STREAM, None).unwrap()).unwrap();
            let err = lonely.connect(VsockAddr::new(VMADDR_CID_LOCAL, port)).await.unwrap_err();
            assert_eq!(err.kind(), io::ErrorKind::ConnectionReset, "{err}");
        });
    }
}
