#![cfg(all(feature = "unix", feature = "tokio", feature = "async-io"))]
//! The async items of sock-unix (issue 15) on both runtimes: fd passing (`send_fds`,
//! `send_fds_to`, `recv_fds`, `recv_fds_into`), credentials, typed addresses of `accept` and
//! `recv_from`, a cancelled `recv_fds` that loses neither data nor fds, too many fds, and the
//! conversions with tokio's `UnixStream`/`UnixListener`/`UnixDatagram`.

use std::io::{self, IoSlice, IoSliceMut, Read, Write};
use std::os::fd::AsFd;

use sock::{Family, Socket, Type};
use sock_unix::{Credentials, UnixAddr, UnixSocketExt, SCM_MAX_FD};

/// An abstract name unique to this process and `tag`.
fn abstract_name(tag: &str) -> Vec<u8> {
    format!("\0sock-async-unix-{}-{tag}", std::process::id()).into_bytes()
}

/// A pipe: the reader and the writer.
fn pipe() -> (std::fs::File, std::fs::File) {
    let (r, w) = nix::unistd::pipe().unwrap();
    (std::fs::File::from(r), std::fs::File::from(w))
}

/// Writes through a received pipe writer and reads it back on `reader`.
fn check_pipe(writer: std::os::fd::OwnedFd, reader: &mut std::fs::File, tag: &[u8]) {
    let mut w = std::fs::File::from(writer);
    w.write_all(tag).unwrap();
    drop(w);
    let mut got = vec![0u8; tag.len()];
    reader.read_exact(&mut got).unwrap();
    assert_eq!(got, tag);
}

mod on_tokio {
    use super::*;
    use sock_unix::tokio::{self as rt, AsyncSocket, AsyncUnixExt};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    #[tokio::test]
    async fn fd_passing_over_a_stream_pair() {
        let (a, b) = rt::socketpair().unwrap();
        let (mut r1, w1) = pipe();
        let (mut r2, w2) = pipe();
        let receiving = tokio::spawn(async move {
            let (data, fds, flags, _) = b.recv_fds(16, 4, 0).await.unwrap();
            (data, fds, flags, b)
        });
        assert_eq!(a.send_fds(&[IoSlice::new(b"two fds")], &[w1.as_fd(), w2.as_fd()], 0).await.unwrap(), 7);
        drop((w1, w2));
        let (data, mut fds, flags, b) = receiving.await.unwrap();
        assert_eq!((data.as_slice(), fds.len(), flags.bits() & libc::MSG_CTRUNC), (&b"two fds"[..], 2, 0));
        check_pipe(fds.remove(0), &mut r1, b"first");
        check_pipe(fds.remove(0), &mut r2, b"second");

        // recv_fds_into: caller buffers.
        let (mut r3, w3) = pipe();
        a.send_fds(&[IoSlice::new(b"x")], &[w3], 0).await.unwrap();
        let mut buf = [0u8; 4];
        let (msg, mut fds) = b.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 1, 0).await.unwrap();
        assert_eq!((msg.bytes, buf[0], fds.len()), (1, b'x', 1));
        check_pipe(fds.pop().unwrap(), &mut r3, b"third");
    }

    #[tokio::test]
    async fn send_fds_to_and_typed_addresses_on_datagrams() {
        let server_name = abstract_name("tokio-dgram");
        let server = AsyncSocket::new(Socket::new(Family::UNIX, Type::DGRAM, None).unwrap()).unwrap();
        server.socket().bind(&server_name[..]).unwrap();
        let client = AsyncSocket::new(Socket::new(Family::UNIX, Type::DGRAM, None).unwrap()).unwrap();
        client.socket().bind("").unwrap();
        let (mut r, w) = pipe();
        client.send_fds_to(&[IoSlice::new(b"to")], &[w.as_fd()], 0, &server_name[..]).await.unwrap();
        drop(w);
        let (data, mut fds, _, from) = server.recv_fds(8, 1, 0).await.unwrap();
        assert_eq!(data, b"to");
        assert_eq!(<UnixAddr as sock::FamilyAddr>::decode(&from).unwrap(), client.socket().local_unix_addr().unwrap());
        check_pipe(fds.pop().unwrap(), &mut r, b"dgram");

        client.send_to(b"plain", &server_name[..]).await.unwrap();
        let mut buf = [0u8; 8];
        let (n, from) = server.recv_from_unix(&mut buf).await.unwrap();
        assert_eq!((&buf[..n], from), (&b"plain"[..], client.socket().local_unix_addr().unwrap()));
    }

    #[tokio::test]
    async fn credentials_and_accept_unix() {
        let name = abstract_name("tokio-listen");
        let listener = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
        listener.bind(&name[..]).unwrap();
        listener.listen(None).unwrap();
        let listener = AsyncSocket::new(listener).unwrap();
        let client = AsyncSocket::new(Socket::new(Family::UNIX, Type::STREAM, None).unwrap()).unwrap();
        let (connected, accepted) = tokio::join!(client.connect(&name[..]), listener.accept_unix());
        connected.unwrap();
        let (conn, peer) = accepted.unwrap();
        assert_eq!(peer, UnixAddr::unnamed());
        conn.socket().set_pass_cred(true).unwrap();
        let me = Credentials::current();
        client.send_credentials(&[IoSlice::new(b"me")], &me, 0).await.unwrap();
        let mut buf = [0u8; 4];
        let (msg, creds) = conn.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0).await.unwrap();
        assert_eq!((msg.bytes, creds), (2, Some(me)));
    }

    #[tokio::test]
    async fn a_cancelled_recv_fds_loses_nothing() {
        let (a, b) = rt::socketpair().unwrap();
        for round in 0..20u8 {
            let raced = tokio::select! {
                biased;
                r = b.recv_fds(4, 1, 0) => Some(r),
                () = tokio::task::yield_now() => None,
            };
            assert!(raced.is_none(), "nothing was sent yet");
            let (mut r, w) = pipe();
            a.send_fds(&[IoSlice::new(&[round])], &[w], 0).await.unwrap();
            let (data, mut fds, _, _) = b.recv_fds(4, 1, 0).await.unwrap();
            assert_eq!((data, fds.len()), (vec![round], 1), "round {round}: data and fd arrived once");
            check_pipe(fds.pop().unwrap(), &mut r, &[round]);
        }
    }

    #[tokio::test]
    async fn too_many_fds_is_invalid_input() {
        let (a, _b) = rt::socketpair().unwrap();
        let (_r, w) = pipe();
        let fds = vec![w.as_fd(); SCM_MAX_FD + 1];
        let err = a.send_fds(&[IoSlice::new(b"x")], &fds, 0).await.unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "{err}");
    }

    #[tokio::test]
    async fn conversions_with_tokio_net() {
        let (a, b) = rt::socketpair().unwrap();
        let mut theirs = rt::into_unix_stream(b).unwrap();
        a.send_all(b"to tokio").await.unwrap();
        let mut buf = [0u8; 8];
        theirs.read_exact(&mut buf).await.unwrap();
        assert_eq!(&buf, b"to tokio");
        let back = rt::from_unix_stream(theirs).unwrap();
        back.send_all(b"back").await.unwrap();
        assert_eq!(a.recv(&mut buf).await.unwrap(), 4);

        let (x, y) = tokio::net::UnixDatagram::pair().unwrap();
        let ours = rt::from_unix_datagram(x).unwrap();
        y.send(b"dgram").await.unwrap();
        assert_eq!(ours.recv(&mut buf).await.unwrap(), 5);
        let x = rt::into_unix_datagram(ours).unwrap();
        x.send(b"again").await.unwrap();
        assert_eq!(y.recv(&mut buf).await.unwrap(), 5);
        let err = rt::into_unix_stream(rt::from_unix_datagram(x).unwrap()).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput, "a datagram socket is no UnixStream");

        let name = abstract_name("tokio-conv");
        let listener = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
        listener.bind(&name[..]).unwrap();
        listener.listen(None).unwrap();
        let listener = rt::into_unix_listener(AsyncSocket::new(listener).unwrap()).unwrap();
        let client = AsyncSocket::new(Socket::new(Family::UNIX, Type::STREAM, None).unwrap()).unwrap();
        let (connected, accepted) = tokio::join!(client.connect(&name[..]), listener.accept());
        connected.unwrap();
        let (mut conn, _) = accepted.unwrap();
        client.send_all(b"hi").await.unwrap();
        conn.read_exact(&mut buf[..2]).await.unwrap();
        conn.write_all(b"yo").await.unwrap();
        assert_eq!(client.recv(&mut buf).await.unwrap(), 2);
        let ours = rt::from_unix_listener(listener).unwrap();
        assert_eq!(ours.socket().local_unix_addr().unwrap(), UnixAddr::abstract_name(&name[1..]).unwrap());
    }
}

mod on_async_io {
    use super::*;
    use futures_lite::future;
    use sock_unix::async_io::{self as rt, AsyncSocket, AsyncUnixExt};

    #[test]
    fn fd_passing_and_cancellation() {
        async_io::block_on(async {
            let (a, b) = rt::socketpair().unwrap();
            for round in 0..20u8 {
                let raced = future::or(async { Some(b.recv_fds(4, 2, 0).await) }, async {
                    future::yield_now().await;
                    None
                })
                .await;
                assert!(raced.is_none(), "nothing was sent yet");
                let (mut r, w) = pipe();
                let (_r2, w2) = pipe();
                a.send_fds(&[IoSlice::new(&[round])], &[w.as_fd(), w2.as_fd()], 0).await.unwrap();
                drop((w, w2));
                let (data, mut fds, _, _) = b.recv_fds(4, 2, 0).await.unwrap();
                assert_eq!((data, fds.len()), (vec![round], 2), "round {round}");
                check_pipe(fds.remove(0), &mut r, &[round]);
            }
        });
    }

    #[test]
    fn datagrams_with_addresses_and_credentials() {
        async_io::block_on(async {
            let server_name = abstract_name("aio-dgram");
            let server = AsyncSocket::new(Socket::new(Family::UNIX, Type::DGRAM, None).unwrap()).unwrap();
            server.socket().bind(&server_name[..]).unwrap();
            let client = AsyncSocket::new(Socket::new(Family::UNIX, Type::DGRAM, None).unwrap()).unwrap();
            client.socket().bind("").unwrap();
            let (mut r, w) = pipe();
            client.send_fds_to(&[IoSlice::new(b"to")], &[w], 0, &server_name[..]).await.unwrap();
            let mut buf = [0u8; 8];
            let (msg, mut fds) = server.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 1, 0).await.unwrap();
            assert_eq!((&buf[..msg.bytes], fds.len()), (&b"to"[..], 1));
            check_pipe(fds.pop().unwrap(), &mut r, b"aio");

            // On only now: an SCM_CREDENTIALS item would fill recv_fds's control buffer,
            // sized for the fds alone as in CPython.
            server.socket().set_pass_cred(true).unwrap();
            client.socket().connect(&server_name[..]).unwrap();
            client.send_credentials(&[IoSlice::new(b"me")], &Credentials::current(), 0).await.unwrap();
            let (msg, creds) = server.recv_credentials(&mut [IoSliceMut::new(&mut buf)], 0).await.unwrap();
            assert_eq!((msg.bytes, creds), (2, Some(Credentials::current())));

            client.send(b"plain").await.unwrap();
            let (n, from) = server.recv_from_unix(&mut buf).await.unwrap();
            assert_eq!((&buf[..n], from), (&b"plain"[..], client.socket().local_unix_addr().unwrap()));
        });
    }

    #[test]
    fn accept_unix() {
        async_io::block_on(async {
            let name = abstract_name("aio-listen");
            let listener = Socket::new(Family::UNIX, Type::STREAM, None).unwrap();
            listener.bind(&name[..]).unwrap();
            listener.listen(None).unwrap();
            let listener = AsyncSocket::new(listener).unwrap();
            let client = AsyncSocket::new(Socket::new(Family::UNIX, Type::STREAM, None).unwrap()).unwrap();
            let (connected, accepted) = future::zip(client.connect(&name[..]), listener.accept_unix()).await;
            connected.unwrap();
            let (conn, peer) = accepted.unwrap();
            assert_eq!(peer, UnixAddr::unnamed());
            client.send_all(b"hi").await.unwrap();
            let mut buf = [0u8; 2];
            assert_eq!(conn.recv(&mut buf).await.unwrap(), 2);
        });
    }
}
