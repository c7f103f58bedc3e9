//! The async `AF_UNIX` methods: [`AsyncUnixExt`], a sealed extension trait of sock-core's
//! [`Async<Socket, R>`](sock_core::aio::Async) for every reactor `R` (fd and credential
//! passing, typed addresses). The runtime modules `tokio` and `async_io`
//! re-export it with the runtime's `AsyncSocket`.

use std::future::Future;
use std::io::{self, IoSlice, IoSliceMut};
use std::os::fd::{AsFd, OwnedFd};

use sock_core::aio::{AcceptReactor, Async, Interest};
use sock_core::{FamilyAddr, MsgFlags, RecvMsg, SockAddr, Socket, ToSockAddr};

use crate::{Credentials, UnixAddr, UnixSocketExt};

mod sealed {
    pub trait Sealed {}
    impl<R: sock_core::aio::Reactor<sock_core::Socket>> Sealed for sock_core::aio::Async<sock_core::Socket, R> {}
}

/// The async `AF_UNIX` methods of an `AsyncSocket`
/// (sealed: implemented for `Async<Socket, R>` of every reactor whose registration is
/// `Send + Sync`, which both of sock-core's are). The futures are `Send` when the
/// arguments are. Synchronous options and `SO_PEERCRED` stay on [`UnixSocketExt`] through
/// [`Async::socket`](sock_core::aio::Async::socket).
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::unix::tokio::{socketpair, AsyncUnixExt};
/// use sock::unix::UnixSocketExt;
/// let (a, b) = socketpair()?;
/// let file = std::fs::File::open("/dev/null")?;
/// a.send_fds(&[std::io::IoSlice::new(b"f")], &[&file], 0).await?;
/// let (_data, fds, _flags, _addr) = b.recv_fds(1, 1, 0).await?;
/// assert_eq!(fds.len(), 1);
/// assert_eq!(b.socket().peer_cred()?.pid, std::process::id() as i32); // sync methods too
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub trait AsyncUnixExt: sealed::Sealed {
    /// The async socket type `accept_unix` returns (`Async<Socket, R::Accepted>`).
    type Accepted;

    /// `loop.sock_sendmsg` with fds: sends `bufs` with `fds` in one `SCM_RIGHTS` item
    /// ([`send_fds`](crate::send_fds)); returns the data bytes sent. More than
    /// [`SCM_MAX_FD`](crate::SCM_MAX_FD) fds is `InvalidInput`.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: one `sendmsg` that happened (the future completed) or not; the fds are
    /// only borrowed.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::io::IoSlice;
    /// use sock::unix::tokio::{socketpair, AsyncUnixExt};
    /// let (a, b) = socketpair()?;
    /// let (r, w) = sock::unix::socketpair()?;
    /// assert_eq!(a.send_fds(&[IoSlice::new(b"two fds")], &[&r, &w], 0).await?, 7);
    /// assert_eq!(b.recv_fds(16, 4, 0).await?.1.len(), 2);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_fds<F: AsFd + Sync>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<usize>> + Send;

    /// [`send_fds`](AsyncUnixExt::send_fds) to `addr` (any `AF_UNIX` address form, converted
    /// before the future starts).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as `send_fds`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::io::IoSlice;
    /// use sock::unix::tokio::{AsyncSocket, AsyncUnixExt};
    /// use sock::{Family, Socket, Type};
    /// let name = format!("\0sock-unix-doc-send-fds-to-{}", std::process::id());
    /// let rx = Socket::new(Family::UNIX, Type::DGRAM, None)?;
    /// rx.bind(name.as_bytes())?;
    /// let tx = AsyncSocket::new(Socket::new(Family::UNIX, Type::DGRAM, None)?)?;
    /// tx.send_fds_to(&[IoSlice::new(b"x")], &[&rx], 0, name.as_bytes()).await?;
    /// assert_eq!(sock::unix::recv_fds(&rx, 1, 1, 0)?.1.len(), 1);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_fds_to<F: AsFd + Sync, M>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> impl Future<Output = io::Result<usize>> + Send;

    /// `socket.recv_fds` asynchronously: up to `bufsize` data bytes and up to `maxfds` fds;
    /// returns `(data, fds, msg_flags, address)` ([`recv_fds`](crate::recv_fds)).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: fds are received, and owned, only with a completed receive; a dropped
    /// future received nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::unix::tokio::{socketpair, AsyncUnixExt};
    /// let (a, b) = socketpair()?;
    /// a.send_all(b"no fds").await?;
    /// let (data, fds, _flags, _addr) = b.recv_fds(16, 4, 0).await?;
    /// assert_eq!((data.as_slice(), fds.len()), (&b"no fds"[..], 0));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_fds(
        &self,
        bufsize: usize,
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(Vec<u8>, Vec<OwnedFd>, MsgFlags, SockAddr)>> + Send;

    /// [`recv_fds`](AsyncUnixExt::recv_fds) into caller buffers
    /// ([`recv_fds_into`](crate::recv_fds_into)).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as `recv_fds`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::io::{IoSlice, IoSliceMut};
    /// use sock::unix::tokio::{socketpair, AsyncUnixExt};
    /// let (a, b) = socketpair()?;
    /// let file = std::fs::File::open("/dev/null")?;
    /// a.send_fds(&[IoSlice::new(b"abc")], &[&file], 0).await?;
    /// let mut buf = [0u8; 8];
    /// let (msg, fds) = b.recv_fds_into(&mut [IoSliceMut::new(&mut buf)], 1, 0).await?;
    /// assert_eq!((&buf[..msg.bytes], fds.len()), (&b"abc"[..], 1));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_fds_into(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(RecvMsg, Vec<OwnedFd>)>> + Send;

    /// Sends `bufs` with an `SCM_CREDENTIALS` item
    /// ([`UnixSocketExt::send_credentials`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: one `sendmsg`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::io::{IoSlice, IoSliceMut};
    /// use sock::unix::tokio::{socketpair, AsyncUnixExt};
    /// use sock::unix::{Credentials, UnixSocketExt};
    /// let (a, b) = socketpair()?;
    /// b.socket().set_pass_cred(true)?;
    /// a.send_credentials(&[IoSlice::new(b"me")], &Credentials::current(), 0).await?;
    /// let (_msg, creds) = b.recv_credentials(&mut [IoSliceMut::new(&mut [0u8; 2])], 0).await?;
    /// assert_eq!(creds, Some(Credentials::current()));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_credentials(
        &self,
        bufs: &[IoSlice<'_>],
        creds: &Credentials,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<usize>> + Send;

    /// Receives into `bufs` with the sender's credentials, if the message carried them
    /// ([`UnixSocketExt::recv_credentials`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: one `recvmsg`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::io::IoSliceMut;
    /// use sock::unix::tokio::{socketpair, AsyncUnixExt};
    /// use sock::unix::UnixSocketExt;
    /// let (a, b) = socketpair()?;
    /// b.socket().set_pass_cred(true)?; // the kernel attaches the sender's credentials
    /// a.send_all(b"hi").await?;
    /// let (_msg, creds) = b.recv_credentials(&mut [IoSliceMut::new(&mut [0u8; 2])], 0).await?;
    /// assert_eq!(creds.map(|c| c.pid), Some(std::process::id() as i32));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_credentials(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(RecvMsg, Option<Credentials>)>> + Send;

    /// `recv_from` with the sender as a [`UnixAddr`].
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::unix::tokio::{AsyncSocket, AsyncUnixExt};
    /// let (a, b) = sock::unix::socketpair_with(sock::Type::DGRAM)?;
    /// let b = AsyncSocket::new(b)?;
    /// a.send(b"dgram")?;
    /// let mut buf = [0u8; 8];
    /// let (n, from) = b.recv_from_unix(&mut buf).await?;
    /// assert_eq!((&buf[..n], from.is_unnamed()), (&b"dgram"[..], true));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_from_unix(&self, buf: &mut [u8]) -> impl Future<Output = io::Result<(usize, UnixAddr)>> + Send;

    /// `accept` with the peer as a [`UnixAddr`]; the new socket is registered with the same
    /// runtime.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future accepted nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::unix::tokio::{AsyncSocket, AsyncUnixExt};
    /// use sock::{Family, Socket, Type};
    /// let name = format!("\0sock-unix-doc-accept-{}", std::process::id());
    /// let listener = Socket::new(Family::UNIX, Type::STREAM, None)?;
    /// listener.bind(name.as_bytes())?;
    /// listener.listen(None)?;
    /// let listener = AsyncSocket::new(listener)?;
    /// let client = Socket::new(Family::UNIX, Type::STREAM, None)?;
    /// client.connect(name.as_bytes())?;
    /// let (_conn, peer) = listener.accept_unix().await?;
    /// assert!(peer.is_unnamed()); // the client did not bind
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn accept_unix(&self) -> impl Future<Output = io::Result<(Self::Accepted, UnixAddr)>> + Send;
}

impl<R> AsyncUnixExt for Async<Socket, R>
where
    R: AcceptReactor<Socket> + Send + Sync,
    R::Accepted: Send,
{
    type Accepted = Async<Socket, R::Accepted>;

    fn send_fds<F: AsFd + Sync>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<usize>> + Send {
        let flags = flags.into();
        self.async_io(Interest::Write, move |s| crate::send_fds(s, bufs, fds, flags, None))
    }

    fn send_fds_to<F: AsFd + Sync, M>(
        &self,
        bufs: &[IoSlice<'_>],
        fds: &[F],
        flags: impl Into<MsgFlags>,
        addr: impl ToSockAddr<M>,
    ) -> impl Future<Output = io::Result<usize>> + Send {
        let (flags, addr) = (flags.into(), addr.to_sock_addr(self.socket()));
        async move {
            let addr = addr?;
            self.async_io(Interest::Write, |s| crate::send_fds(s, bufs, fds, flags, Some(&addr))).await
        }
    }

    fn recv_fds(
        &self,
        bufsize: usize,
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(Vec<u8>, Vec<OwnedFd>, MsgFlags, SockAddr)>> + Send {
        let flags: MsgFlags = flags.into();
        async move {
            let mut data = sock_core::zeroed_vec(bufsize, "bufsize")?;
            let (msg, fds) = self
                .async_io(Interest::Read, |s| crate::recv_fds_into(s, &mut [IoSliceMut::new(&mut data)], maxfds, flags))
                .await?;
            data.truncate(msg.bytes.min(bufsize));
            Ok((data, fds, msg.flags, msg.addr))
        }
    }

    fn recv_fds_into(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        maxfds: usize,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(RecvMsg, Vec<OwnedFd>)>> + Send {
        let flags = flags.into();
        self.async_io(Interest::Read, move |s| crate::recv_fds_into(s, bufs, maxfds, flags))
    }

    fn send_credentials(
        &self,
        bufs: &[IoSlice<'_>],
        creds: &Credentials,
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<usize>> + Send {
        let flags = flags.into();
        self.async_io(Interest::Write, move |s| s.send_credentials(bufs, creds, flags))
    }

    fn recv_credentials(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        flags: impl Into<MsgFlags>,
    ) -> impl Future<Output = io::Result<(RecvMsg, Option<Credentials>)>> + Send {
        let flags = flags.into();
        self.async_io(Interest::Read, move |s| s.recv_credentials(bufs, flags))
    }

    async fn recv_from_unix(&self, buf: &mut [u8]) -> io::Result<(usize, UnixAddr)> {
        let (n, addr) = self.recv_from(buf).await?;
        Ok((n, UnixAddr::decode(&addr)?))
    }

    async fn accept_unix(&self) -> io::Result<(Self::Accepted, UnixAddr)> {
        let (sock, addr) = self.accept().await?;
        Ok((sock, UnixAddr::decode(&addr)?))
    }
}
