//! The async layer, written once over the family contract and once over two reactors:
//! [`Async<T, R>`] wraps any socket type `T` (a [`Socket`] or a family crate's
//! [`ProtocolSocket`](crate::ProtocolSocket)), registered with a reactor `R` — tokio's
//! (feature `tokio`, module [`tokio`](crate::tokio)) or async-io's (feature `async-io`, module
//! [`async_io`](crate::async_io)). Each module names the same two things:
//! `AsyncSocket` (an `Async<Socket, _>`) and `Async<T>` for typed sockets.
//!
//! Every operation is the socket's own non-blocking call, tried when the reactor reports
//! readiness and retried after the next readiness event when the kernel says `EAGAIN`: no
//! thread, no extra syscall when data is ready, no `unsafe`. The socket is put in
//! non-blocking mode when it is wrapped and stays so.
//!
//! # Cancel safety
//!
//! Each method says what a future dropped before completion lost. The rule behind them: a
//! receive or send is one syscall that either happened (the future completed) or did not; a
//! dropped future never loses received data. Methods that loop over several syscalls
//! (`send_all`, `sendfile`) report how far they got only on completion; dropping them loses
//! that count (but not data on the wire).

use std::fs::File;
use std::future::poll_fn;
use std::io::{self, IoSlice, IoSliceMut};
use std::marker::PhantomData;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, RawFd};
use std::task::{Context, Poll};

use crate::addr::{SockAddr, ToSockAddr};
use crate::family::SocketOwner;
use crate::mode::Mode;
use crate::socket::{AsOutMsg, RecvBatch, RecvMsg, SendBatch, Socket};
pub use crate::wait::Interest;
use crate::MsgFlags;

#[cfg(feature = "async-io")]
pub(crate) mod async_io_reactor;
#[cfg(feature = "tokio")]
pub(crate) mod tokio_reactor;

/// A reactor registration of a socket type `T`: the piece each runtime provides. Implemented
/// by [`tokio::Reactor`](crate::tokio::Reactor) and
/// [`async_io::Reactor`](crate::async_io::Reactor); users never call it directly.
///
/// ```
/// use sock::aio::{Async, Reactor};
/// use sock::{Family, Socket, Type};
/// // Code generic over the runtime names the reactor as a parameter.
/// async fn echo_once<R: Reactor<Socket>>(s: &Async<Socket, R>) -> std::io::Result<usize> {
///     let mut buf = [0u8; 64];
///     let n = s.recv(&mut buf).await?;
///     s.send(&buf[..n]).await
/// }
/// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
/// b.send(b"ping")?;
/// async_io::block_on(async { echo_once(&sock::async_io::AsyncSocket::new(a.dup()?)?).await })?;
/// let rt = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
/// b.send(b"pong")?;
/// rt.block_on(async { echo_once(&sock::tokio::AsyncSocket::new(a)?).await })?;
/// assert_eq!((b.recv_vec(8)?, b.recv_vec(8)?), (b"ping".to_vec(), b"pong".to_vec()));
/// # Ok::<(), std::io::Error>(())
/// ```
pub trait Reactor<T: AsFd>: Sized {
    /// Registers `io` (already non-blocking) with the runtime's reactor. Fails if there is no
    /// runtime to register with.
    fn register(io: T) -> io::Result<Self>
    where
        T: SocketOwner;

    /// The registered socket.
    fn get_ref(&self) -> &T;

    /// Deregisters and gives the socket back.
    fn into_inner(self) -> io::Result<T>;

    /// Ready when the reactor has seen `interest` readiness (which may be stale: an operation
    /// may still answer `WouldBlock`).
    fn poll_ready(&self, cx: &mut Context<'_>, interest: Interest) -> Poll<io::Result<()>>;

    /// Runs `op` when ready for `interest`; on `WouldBlock` clears the readiness and waits for
    /// the next event. Any other result completes.
    fn poll_io<R>(
        &self,
        cx: &mut Context<'_>,
        interest: Interest,
        op: &mut dyn FnMut(&T) -> io::Result<R>,
    ) -> Poll<io::Result<R>>;
}

/// A socket registered with an async runtime: the async counterpart of every [`Socket`]
/// method, for a plain [`Socket`] (`AsyncSocket`) or any typed protocol socket of the family
/// crates (`Async<CanSocket>` ...), whose own methods run through
/// [`async_io`](Async::async_io) / [`try_io`](Async::try_io).
///
/// Build it with `AsyncSocket::new(socket)` from the runtime's module
/// ([`tokio`](crate::tokio) or [`async_io`](crate::async_io)), inside that runtime.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::{tokio::AsyncSocket, Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// tx.bind(("127.0.0.1", 0))?;
/// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
/// tx.send_to(b"ping", rx.socket().local_addr()?).await?;
/// let mut buf = [0u8; 16];
/// let (n, from) = rx.recv_from(&mut buf).await?;
/// assert_eq!((&buf[..n], from), (&b"ping"[..], tx.socket().local_addr()?));
/// # Ok(())
/// # }
/// ```
pub struct Async<T: AsFd, R: Reactor<T>> {
    reactor: R,
    _io: PhantomData<fn() -> T>,
}

impl<T: AsFd, R: Reactor<T>> std::fmt::Debug for Async<T, R>
where
    T: std::fmt::Debug,
{
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Async").field(self.reactor.get_ref()).finish()
    }
}

impl<T: SocketOwner, R: Reactor<T>> Async<T, R> {
    /// Puts `io` in non-blocking mode and registers it with the runtime's reactor. Fails
    /// outside a runtime (tokio) or if the reactor refuses the fd.
    ///
    /// ```
    /// use sock::{tokio::AsyncSocket, Family, Mode, Socket, Type};
    /// let s = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// assert!(AsyncSocket::new(s).is_err()); // tokio: only inside a runtime
    /// let rt = tokio::runtime::Builder::new_current_thread().enable_io().build()?;
    /// let _guard = rt.enter();
    /// let a = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(a.socket().mode(), Mode::NonBlocking);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(io: T) -> io::Result<Self> {
        io.as_ref().set_mode(Mode::NonBlocking)?;
        Ok(Async { reactor: R::register(io)?, _io: PhantomData })
    }

    /// The socket, for its synchronous methods and options (a blocking call on it would not
    /// block: the fd is non-blocking; it would answer `WouldBlock`).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let s = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// s.get_ref().set_broadcast(true)?; // options are synchronous
    /// assert!(s.get_ref().broadcast()?);
    /// # Ok(())
    /// # }
    /// ```
    pub fn get_ref(&self) -> &T {
        self.reactor.get_ref()
    }

    /// The plain [`Socket`] underneath.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::NetlinkSocket;
    /// use sock::{consts::NETLINK_ROUTE, tokio::Async, Family};
    /// let nl = Async::new(NetlinkSocket::new(NETLINK_ROUTE)?)?;
    /// let typed: &NetlinkSocket = nl.get_ref(); // the typed socket
    /// assert_eq!(typed.as_ref().family(), Family::NETLINK);
    /// assert_eq!(nl.socket().family(), Family::NETLINK); // the plain Socket underneath
    /// # Ok(())
    /// # }
    /// ```
    pub fn socket(&self) -> &Socket {
        self.reactor.get_ref().as_ref()
    }

    /// Deregisters and gives the socket back, still in non-blocking mode.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let a: Socket = a.into_inner()?; // deregistered
    /// assert!(!a.blocking()); // still non-blocking: set_blocking(true) for blocking calls
    /// a.set_blocking(true)?;
    /// b.send(b"sync again").await?;
    /// assert_eq!(a.recv_vec(16)?, b"sync again");
    /// # Ok(())
    /// # }
    /// ```
    pub fn into_inner(self) -> io::Result<T> {
        self.reactor.into_inner()
    }

    /// Waits until the socket is ready for `interest` (tokio's `ready`). The readiness may be
    /// stale by the time the caller acts: use [`try_io`](Async::try_io) to act on it.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: dropping it loses nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::aio::Interest;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"x").await?;
    /// a.ready(Interest::Read).await?;
    /// assert_eq!(a.try_recv(&mut [0u8; 4])?, 1); // no wait: the data is there
    /// # Ok(())
    /// # }
    /// ```
    pub async fn ready(&self, interest: Interest) -> io::Result<()> {
        poll_fn(|cx| self.reactor.poll_ready(cx, interest)).await
    }

    /// Waits until the socket is readable. Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"x").await?;
    /// a.readable().await?;
    /// assert_eq!(a.try_recv(&mut [0u8; 4])?, 1);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn readable(&self) -> io::Result<()> {
        self.ready(Interest::Read).await
    }

    /// Waits until the socket is writable. Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// a.writable().await?; // room in the send buffer
    /// assert_eq!(a.try_send(b"now")?, 3);
    /// assert_eq!(b.recv(&mut [0u8; 4]).await?, 3);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn writable(&self) -> io::Result<()> {
        self.ready(Interest::Write).await
    }

    /// Polls for read readiness, for hand-written futures and streams.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"x").await?;
    /// std::future::poll_fn(|cx| a.poll_read_ready(cx)).await?;
    /// assert_eq!(a.try_recv(&mut [0u8; 4])?, 1);
    /// # Ok(())
    /// # }
    /// ```
    pub fn poll_read_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.reactor.poll_ready(cx, Interest::Read)
    }

    /// Polls for write readiness, for hand-written futures and sinks.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// std::future::poll_fn(|cx| a.poll_write_ready(cx)).await?;
    /// assert_eq!(a.try_send(b"x")?, 1);
    /// assert_eq!(b.recv(&mut [0u8; 4]).await?, 1);
    /// # Ok(())
    /// # }
    /// ```
    pub fn poll_write_ready(&self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.reactor.poll_ready(cx, Interest::Write)
    }

    /// Polls `op` (any non-blocking operation of the socket) to completion under `interest`:
    /// the building block of hand-written futures, streams and sinks.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::aio::Interest;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// // A hand-written future: one receive, retried on each readiness event.
    /// let mut buf = [0u8; 8];
    /// b.send(b"polled").await?;
    /// let n = std::future::poll_fn(|cx| a.poll_io(cx, Interest::Read, |s| s.recv(&mut buf))).await?;
    /// assert_eq!(&buf[..n], b"polled");
    /// # Ok(())
    /// # }
    /// ```
    pub fn poll_io<U>(
        &self,
        cx: &mut Context<'_>,
        interest: Interest,
        mut op: impl FnMut(&T) -> io::Result<U>,
    ) -> Poll<io::Result<U>> {
        self.reactor.poll_io(cx, interest, &mut op)
    }

    /// Runs `op` once, now, without waiting: its `WouldBlock` comes back as is (tokio's
    /// `try_io`). `op` must be a non-blocking operation on the socket.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let e = a.try_io(|s| s.recv_vec(16)).unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// b.send(b"now").await?;
    /// a.readable().await?;
    /// assert_eq!(a.try_io(|s| s.recv_vec(16))?, b"now");
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_io<U>(&self, op: impl FnOnce(&T) -> io::Result<U>) -> io::Result<U> {
        op(self.reactor.get_ref())
    }

    /// Runs `op` whenever the socket is ready for `interest` until it does not answer
    /// `WouldBlock` (tokio's `async_io`): the way to call any typed method of a family
    /// socket asynchronously, e.g. `can.async_io(Interest::Read, |s| s.read_frame()).await`.
    ///
    /// # Cancel safety
    ///
    /// As cancel safe as `op`: if `op` is one syscall that either happens or not (every
    /// receive and send of the workspace is), dropping the future loses nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::aio::Interest;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"any method").await?;
    /// // Any non-blocking method of the socket (here an owned receive), awaited:
    /// let data = a.async_io(Interest::Read, |s| s.recv_vec(64)).await?;
    /// assert_eq!(data, b"any method");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn async_io<U>(&self, interest: Interest, mut op: impl FnMut(&T) -> io::Result<U>) -> io::Result<U> {
        poll_fn(|cx| self.reactor.poll_io(cx, interest, &mut op)).await
    }

    /// Runs a [`Socket`] operation under `interest` (the [`async_io`](Async::async_io) of
    /// the plain socket).
    async fn sock_io<U>(&self, interest: Interest, mut op: impl FnMut(&Socket) -> io::Result<U>) -> io::Result<U> {
        poll_fn(|cx| self.reactor.poll_io(cx, interest, &mut |io: &T| op(io.as_ref()))).await
    }

    /// Receives into `buf` ([`Socket::recv`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing (the next call gets the data).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send_all(b"hello").await?;
    /// let mut buf = [0u8; 16];
    /// let n = a.recv(&mut buf).await?;
    /// assert_eq!(&buf[..n], b"hello");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.sock_io(Interest::Read, |s| s.recv(buf)).await
    }

    /// [`recv`](Async::recv) with `MSG_*` flags (`MSG_PEEK` ...). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::MsgFlags;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"peek").await?;
    /// let mut buf = [0u8; 4];
    /// assert_eq!(a.recv_with_flags(&mut buf, MsgFlags::PEEK).await?, 4);
    /// assert_eq!(a.recv(&mut buf).await?, 4); // still queued after the peek
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_with_flags(&self, buf: &mut [u8], flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let flags = flags.into();
        self.sock_io(Interest::Read, |s| s.recv_with_flags(buf, flags)).await
    }

    /// Receives without waiting: `WouldBlock` if nothing is queued.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// assert_eq!(a.try_recv(&mut [0u8; 4]).unwrap_err().kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.socket().recv(buf)
    }

    /// Receives a datagram and its sender ([`Socket::recv_from`]). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// tx.send_to(b"hi", rx.socket().local_addr()?).await?;
    /// let mut buf = [0u8; 8];
    /// let (n, from) = rx.recv_from(&mut buf).await?;
    /// assert_eq!((n, from), (2, tx.socket().local_addr()?));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SockAddr)> {
        let mut addr = SockAddr::empty();
        let n = self.recv_from_addr(buf, &mut addr).await?;
        Ok((n, addr))
    }

    /// [`recv_from`](Async::recv_from) into a caller's address buffer
    /// ([`Socket::recv_from_addr`]): no copy of the address per call. Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// let (to, mut from) = (rx.socket().local_addr()?, sock::SockAddr::empty());
    /// for _ in 0..3 {
    ///     tx.send_to_addr(b"tick", &to).await?;
    ///     assert_eq!(rx.recv_from_addr(&mut [0u8; 8], &mut from).await?, 4);
    /// }
    /// assert_eq!(from, tx.socket().local_addr()?);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_from_addr(&self, buf: &mut [u8], addr: &mut SockAddr) -> io::Result<usize> {
        self.sock_io(Interest::Read, |s| s.recv_from_addr(buf, addr)).await
    }

    /// [`recv_from`](Async::recv_from) without waiting.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// assert!(rx.try_recv_from(&mut [0u8; 8]).is_err()); // WouldBlock: nothing yet
    /// tx.send_to(b"hi", rx.socket().local_addr()?).await?;
    /// rx.readable().await?;
    /// assert_eq!(rx.try_recv_from(&mut [0u8; 8])?.0, 2);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, SockAddr)> {
        self.socket().recv_from(buf)
    }

    /// Receives with ancillary data ([`Socket::recv_msg`]); received fds stay in `control`
    /// as raw numbers — use [`recv_msg_fds`](Async::recv_msg_fds) to own them. Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send_msg(&[IoSlice::new(b"head"), IoSlice::new(b"tail")], &[], 0, None).await?;
    /// let (mut x, mut y) = ([0u8; 4], [0u8; 4]);
    /// let msg = a.recv_msg(&mut [IoSliceMut::new(&mut x), IoSliceMut::new(&mut y)], &mut [], 0).await?;
    /// assert_eq!((msg.bytes, &x, &y), (8, b"head", b"tail"));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_msg(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &mut [u8],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<RecvMsg> {
        let flags = flags.into();
        self.sock_io(Interest::Read, |s| s.recv_msg(bufs, control, flags)).await
    }

    /// Receives with ancillary data and takes ownership of every passed fd
    /// ([`Socket::recv_msg_fds`]). Cancel safe: fds arrive only with a completed receive.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use std::io::{IoSlice, IoSliceMut};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// sock::send_fds(b.socket(), &[IoSlice::new(b"fd")], &[std::io::stdin()], 0, None)?;
    /// let (mut data, mut control) = ([0u8; 2], [0u8; 64]);
    /// let (msg, fds) = a.recv_msg_fds(&mut [IoSliceMut::new(&mut data)], &mut control, 0).await?;
    /// assert_eq!((msg.bytes, fds.len()), (2, 1));
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_msg_fds(
        &self,
        bufs: &mut [IoSliceMut<'_>],
        control: &mut [u8],
        flags: impl Into<MsgFlags>,
    ) -> io::Result<(RecvMsg, Vec<std::os::fd::OwnedFd>)> {
        let flags = flags.into();
        self.sock_io(Interest::Read, |s| s.recv_msg_fds(bufs, control, flags)).await
    }

    /// Receives a batch with one `recvmmsg` ([`Socket::recv_many`]). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::RecvBatch;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// b.send(b"one").await?;
    /// b.send(b"two").await?;
    /// let mut batch = RecvBatch::new(16, 64)?;
    /// assert_eq!(a.recv_many(&mut batch).await?, 2);
    /// assert_eq!(batch.get(1).unwrap().data, b"two");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn recv_many(&self, batch: &mut RecvBatch) -> io::Result<usize> {
        self.sock_io(Interest::Read, |s| s.recv_many(batch, 0)).await
    }

    /// Sends `buf` ([`Socket::send`]); returns how much the kernel took.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// assert_eq!(a.send(b"hello").await?, 5);
    /// assert_eq!(b.recv(&mut [0u8; 8]).await?, 5);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send(&self, buf: &[u8]) -> io::Result<usize> {
        self.sock_io(Interest::Write, |s| s.send(buf)).await
    }

    /// [`send`](Async::send) with `MSG_*` flags. Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::MsgFlags;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// drop(b);
    /// let e = a.send_with_flags(b"x", MsgFlags::NOSIGNAL).await.unwrap_err();
    /// assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe); // no SIGPIPE
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_with_flags(&self, buf: &[u8], flags: impl Into<MsgFlags>) -> io::Result<usize> {
        let flags = flags.into();
        self.sock_io(Interest::Write, |s| s.send_with_flags(buf, flags)).await
    }

    /// Sends without waiting: `WouldBlock` if the send buffer is full.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// assert_eq!(a.try_send(b"now")?, 3); // room in the buffer: no wait
    /// assert_eq!(b.recv(&mut [0u8; 4]).await?, 3);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_send(&self, buf: &[u8]) -> io::Result<usize> {
        self.socket().send(buf)
    }

    /// Sends a datagram to `addr` ([`Socket::send_to`]). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// let port = rx.socket().local_addr()?.as_socket().unwrap().port();
    /// assert_eq!(tx.send_to(b"ping", ("127.0.0.1", port)).await?, 4); // any address form
    /// assert_eq!(rx.recv(&mut [0u8; 8]).await?, 4);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_to<M>(&self, buf: &[u8], addr: impl ToSockAddr<M>) -> io::Result<usize> {
        let addr = addr.to_sock_addr(self.socket())?;
        self.sock_io(Interest::Write, |s| s.send_to_addr(buf, &addr)).await
    }

    /// [`send_to`](Async::send_to) of an address already in kernel form (no conversion, no
    /// copy per call). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// let to = rx.socket().local_addr()?; // converted once
    /// for _ in 0..3 {
    ///     tx.send_to_addr(b"tick", &to).await?;
    /// }
    /// assert_eq!(rx.recv(&mut [0u8; 8]).await?, 4);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_to_addr(&self, buf: &[u8], addr: &SockAddr) -> io::Result<usize> {
        self.sock_io(Interest::Write, |s| s.send_to_addr(buf, addr)).await
    }

    /// [`send_to`](Async::send_to) without waiting.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// tx.bind(("127.0.0.1", 0))?;
    /// let (rx, tx) = (AsyncSocket::new(rx)?, AsyncSocket::new(tx)?);
    /// assert_eq!(tx.try_send_to(b"ping", rx.socket().local_addr()?)?, 4);
    /// assert_eq!(rx.recv(&mut [0u8; 8]).await?, 4);
    /// # Ok(())
    /// # }
    /// ```
    pub fn try_send_to<M>(&self, buf: &[u8], addr: impl ToSockAddr<M>) -> io::Result<usize> {
        let addr = addr.to_sock_addr(self.socket())?;
        self.socket().send_to_addr(buf, &addr)
    }

    /// Sends all of `buf`, waiting for room as needed.
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe: a dropped future may have sent a prefix of `buf`, and its length is
    /// lost. [`send_all_tracked`](Async::send_all_tracked) keeps the count.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let big = vec![7u8; 1 << 20]; // more than the socket buffer takes at once
    /// let reader = async {
    ///     let mut got = 0;
    ///     while got < big.len() {
    ///         got += b.recv(&mut [0u8; 65536]).await?;
    ///     }
    ///     Ok::<_, std::io::Error>(got)
    /// };
    /// let (sent, got) = tokio::join!(a.send_all(&big), reader);
    /// sent?;
    /// assert_eq!(got?, big.len());
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_all(&self, mut buf: &[u8]) -> io::Result<()> {
        while !buf.is_empty() {
            let n = self.send(buf).await?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "send_all: the socket took no bytes"));
            }
            buf = &buf[n..];
        }
        Ok(())
    }

    /// [`send_all`](Async::send_all) that keeps count in the caller's `sent` as it goes, so a
    /// future dropped mid-way (a `select!` that took another branch, a timeout) still says
    /// how much of `buf` reached the socket: resume with `&buf[*sent..]`.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe in the sense that matters: nothing is lost, `*sent` bytes went out and the
    /// rest did not.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use std::time::Duration;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let big = vec![7u8; 1 << 22]; // nobody reads: the send buffer fills
    /// let mut sent = 0;
    /// let r = tokio::time::timeout(Duration::from_millis(50), a.send_all_tracked(&big, &mut sent)).await;
    /// assert!(r.is_err()); // timed out and dropped mid-way...
    /// assert!(sent > 0 && sent < big.len()); // ...and `sent` says how far it got: resume at big[sent..]
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_all_tracked(&self, buf: &[u8], sent: &mut usize) -> io::Result<()> {
        while *sent < buf.len() {
            let rest = buf.get(*sent..).unwrap_or(&[]);
            let n = self.send(rest).await?;
            if n == 0 {
                return Err(io::Error::new(io::ErrorKind::WriteZero, "send_all: the socket took no bytes"));
            }
            *sent += n;
        }
        Ok(())
    }

    /// Sends gathered buffers with ancillary data ([`Socket::send_msg`]). Cancel safe.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use std::io::IoSlice;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let n = a.send_msg(&[IoSlice::new(b"gathered "), IoSlice::new(b"parts")], &[], 0, None).await?;
    /// let mut buf = [0u8; 32];
    /// assert_eq!(b.recv(&mut buf).await?, n);
    /// assert_eq!(&buf[..n], b"gathered parts");
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_msg(
        &self,
        bufs: &[IoSlice<'_>],
        control: &[u8],
        flags: impl Into<MsgFlags>,
        addr: Option<&SockAddr>,
    ) -> io::Result<usize> {
        let flags = flags.into();
        self.sock_io(Interest::Write, |s| s.send_msg(bufs, control, flags, addr)).await
    }

    /// Sends a batch with one `sendmmsg` ([`Socket::send_many`]). Cancel safe: a dropped
    /// future sent none.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// use sock::SendBatch;
    /// let (a, b) = Socket::pair(Family::UNIX, Type::DGRAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let mut out = SendBatch::new();
    /// assert_eq!(a.send_many(&[b"one", b"two"], &mut out).await?, 2);
    /// assert_eq!(b.recv(&mut [0u8; 8]).await?, 3);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_many<M: AsOutMsg>(&self, msgs: &[M], batch: &mut SendBatch) -> io::Result<usize> {
        self.sock_io(Interest::Write, |s| s.send_many(msgs, batch, 0)).await
    }

    /// Connects, waiting for the handshake without blocking a thread; the outcome is read
    /// from `SO_ERROR`.
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe: a dropped future leaves a connection attempt under way.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let server = Socket::new(Family::INET, Type::STREAM, None)?;
    /// server.bind(("127.0.0.1", 0))?;
    /// server.listen(None)?;
    /// let client = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None)?)?;
    /// client.connect(server.local_addr()?).await?;
    /// assert_eq!(client.socket().peer_addr()?, server.local_addr()?);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn connect<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        let addr = addr.to_sock_addr(self.socket())?;
        match self.socket().connect(addr) {
            Ok(()) => return Ok(()),
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {}
            Err(e) => return Err(e),
        }
        self.writable().await?;
        // Readiness alone does not say the handshake ended well: SO_ERROR does.
        poll_fn(|cx| match self.socket().take_error() {
            Ok(Some(e)) => Poll::Ready(Err(e)),
            Ok(None) if self.socket().peer_addr().is_ok() => Poll::Ready(Ok(())),
            Ok(None) => self.reactor.poll_ready(cx, Interest::Write),
            Err(e) => Poll::Ready(Err(e)),
        })
        .await
    }

    /// Accepts a connection; the new socket is non-blocking and registered with the same
    /// runtime.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future accepted nothing.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let listener = Socket::new(Family::INET, Type::STREAM, None)?;
    /// listener.bind(("127.0.0.1", 0))?;
    /// listener.listen(None)?;
    /// let addr = listener.local_addr()?;
    /// let listener = AsyncSocket::new(listener)?;
    /// let client = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None)?)?;
    /// let (accepted, connected) = tokio::join!(listener.accept(), client.connect(addr));
    /// connected?;
    /// let (conn, peer) = accepted?; // registered with the same runtime
    /// assert_eq!(peer, client.socket().local_addr()?);
    /// conn.send_all(b"hi").await?;
    /// assert_eq!(client.recv(&mut [0u8; 4]).await?, 2);
    /// # Ok(())
    /// # }
    /// ```
    pub async fn accept(&self) -> io::Result<(Async<Socket, R::Accepted>, SockAddr)>
    where
        R: AcceptReactor<T>,
    {
        let (sock, addr) = self.sock_io(Interest::Read, |s| s.accept()).await?;
        Ok((Async::new(sock)?, addr))
    }

    /// Sends `count` bytes of `file` from `offset` (to its end when `None`) with
    /// `sendfile(2)`, waiting for room as needed; returns how many were sent. The file
    /// position is not moved.
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe: a dropped future may have sent part of the range, and the count is
    /// lost.
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// use std::io::Write;
    /// let path = std::env::temp_dir().join(format!("sock-doc-aio-sendfile-{}", std::process::id()));
    /// std::fs::File::create(&path)?.write_all(b"0123456789")?;
    /// let file = std::fs::File::open(&path)?;
    /// assert_eq!(a.sendfile(&file, 2, Some(5)).await?, 5);
    /// let mut buf = [0u8; 8];
    /// let n = b.recv(&mut buf).await?;
    /// assert_eq!(&buf[..n], b"23456");
    /// # std::fs::remove_file(&path)?;
    /// # Ok(())
    /// # }
    /// ```
    pub async fn sendfile(&self, file: &File, offset: u64, count: Option<u64>) -> io::Result<u64> {
        let end = crate::file_range_end(file, offset, count)?;
        let mut pos = i64::try_from(offset).map_err(|_| crate::invalid_input("offset", "too large"))?;
        let mut sent = 0u64;
        while offset + sent < end {
            let want = usize::try_from(end - offset - sent).unwrap_or(usize::MAX).min(8 << 20);
            let n = self
                .sock_io(Interest::Write, |s| {
                    nix::sys::sendfile::sendfile64(s.as_fd(), file, Some(&mut pos), want).map_err(io::Error::from)
                })
                .await?;
            if n == 0 {
                break;
            }
            sent += n as u64;
        }
        Ok(sent)
    }
}

/// A reactor that can register the sockets `accept` returns (every reactor of this crate).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::aio::{AcceptReactor, Async};
/// use sock::{tokio::AsyncSocket, Family, Socket, Type};
/// // One function for either runtime: it only needs a reactor that can register accepted sockets.
/// async fn greet<R: AcceptReactor<Socket>>(listener: &Async<Socket, R>) -> std::io::Result<()> {
///     let (conn, _peer) = listener.accept().await?;
///     conn.send_all(b"hello").await
/// }
/// let listener = Socket::new(Family::INET, Type::STREAM, None)?;
/// listener.bind(("127.0.0.1", 0))?;
/// listener.listen(None)?;
/// let client = Socket::new(Family::INET, Type::STREAM, None)?;
/// client.connect(&listener.local_addr()?)?; // the backlog takes it
/// greet(&AsyncSocket::new(listener)?).await?;
/// assert_eq!(client.recv_vec(8)?, b"hello");
/// # Ok(())
/// # }
/// ```
pub trait AcceptReactor<T: AsFd>: Reactor<T> {
    /// The same runtime's registration of a plain [`Socket`] (itself able to accept, and
    /// shareable between threads like every reactor of this crate).
    type Accepted: AcceptReactor<Socket> + Send + Sync;
}

impl<T: AsFd, R: Reactor<T>> AsFd for Async<T, R> {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.reactor.get_ref().as_fd()
    }
}

impl<T: AsFd, R: Reactor<T>> AsRawFd for Async<T, R> {
    fn as_raw_fd(&self) -> RawFd {
        self.reactor.get_ref().as_fd().as_raw_fd()
    }
}

/// The [`Async`] a value reads and writes through (itself, or a half of it): what both
/// runtimes' `AsyncRead`/`AsyncWrite` impls are written over.
pub(crate) trait Through<T: AsFd, R: Reactor<T>> {
    fn through(&self) -> &Async<T, R>;
}

impl<T: AsFd, R: Reactor<T>> Through<T, R> for Async<T, R> {
    fn through(&self) -> &Async<T, R> {
        self
    }
}

impl<T: AsFd, R: Reactor<T>> Through<T, R> for ReadHalf<'_, T, R> {
    fn through(&self) -> &Async<T, R> {
        self.0
    }
}

impl<T: AsFd, R: Reactor<T>> Through<T, R> for WriteHalf<'_, T, R> {
    fn through(&self) -> &Async<T, R> {
        self.0
    }
}

/// The read half of [`Async::split`]: receives through a shared borrow.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::{future::poll_fn, pin::Pin};
/// use tokio::io::{AsyncRead, ReadBuf};
/// use sock::{tokio::AsyncSocket, Family, Socket, Type};
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
/// let (mut reader, _writer) = a.split();
/// b.send_all(b"to the reader").await?;
/// let mut buf = [0u8; 32];
/// let mut filled = ReadBuf::new(&mut buf);
/// // tokio's AsyncRead (with tokio's io-util feature: `reader.read(&mut buf).await`)
/// poll_fn(|cx| Pin::new(&mut reader).poll_read(cx, &mut filled)).await?;
/// assert_eq!(filled.filled(), b"to the reader");
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub struct ReadHalf<'a, T: AsFd, R: Reactor<T>>(pub(crate) &'a Async<T, R>);

/// The write half of [`Async::split`]: sends through a shared borrow.
///
/// ```
/// use futures_io::AsyncWrite;
/// use sock::{async_io::AsyncSocket, Family, Socket, Type};
/// use std::{future::poll_fn, pin::Pin};
/// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
/// async_io::block_on(async {
///     let a = AsyncSocket::new(a)?;
///     let (_reader, mut writer) = a.split();
///     // futures-io's AsyncWrite, with async-io (smol's AsyncWriteExt has write_all, close...)
///     let n = poll_fn(|cx| Pin::new(&mut writer).poll_write(cx, b"bye")).await?;
///     poll_fn(|cx| Pin::new(&mut writer).poll_close(cx)).await?; // shutdown(SHUT_WR)
///     assert_eq!(n, 3);
///     Ok::<(), std::io::Error>(())
/// })?;
/// assert_eq!((b.recv_vec(8)?, b.recv_vec(8)?), (b"bye".to_vec(), Vec::new())); // then end of stream
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct WriteHalf<'a, T: AsFd, R: Reactor<T>>(pub(crate) &'a Async<T, R>);

impl<T: SocketOwner, R: Reactor<T>> Async<T, R> {
    /// Splits a stream socket into a reader and a writer that can be used at the same time
    /// (both borrow `self`; every operation takes `&self`, so this costs nothing).
    ///
    /// `AsyncWrite`'s shutdown/close is `shutdown(SHUT_WR)`: families that cannot half-close
    /// answer with their own error there (TIPC refuses all but `SHUT_RDWR`; RFCOMM closes the
    /// whole link).
    ///
    /// ```
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::{future::poll_fn, pin::Pin};
    /// use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
    /// use sock::{tokio::AsyncSocket, Family, Socket, Type};
    /// let (a, b) = Socket::pair(Family::UNIX, Type::STREAM, None)?;
    /// let (a, b) = (AsyncSocket::new(a)?, AsyncSocket::new(b)?);
    /// let (mut reader, mut writer) = a.split();
    /// b.send_all(b"in").await?;
    /// let mut buf = [0u8; 8];
    /// let mut filled = ReadBuf::new(&mut buf);
    /// // Both halves at once, from one task:
    /// let (r, w) = tokio::join!(
    ///     poll_fn(|cx| Pin::new(&mut reader).poll_read(cx, &mut filled)),
    ///     poll_fn(|cx| Pin::new(&mut writer).poll_write(cx, b"out")),
    /// );
    /// r?;
    /// assert_eq!((filled.filled(), w?), (&b"in"[..], 3));
    /// assert_eq!(b.recv(&mut [0u8; 8]).await?, 3);
    /// # Ok(())
    /// # }
    /// ```
    pub fn split(&self) -> (ReadHalf<'_, T, R>, WriteHalf<'_, T, R>) {
        (ReadHalf(self), WriteHalf(self))
    }

    /// The `AsyncRead` step shared by both runtimes' traits.
    pub(crate) fn poll_read_into(&self, cx: &mut Context<'_>, buf: &mut [u8]) -> Poll<io::Result<usize>> {
        self.reactor.poll_io(cx, Interest::Read, &mut |io: &T| io.as_ref().recv(buf))
    }

    /// The `AsyncWrite` step shared by both runtimes' traits.
    pub(crate) fn poll_write_from(&self, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        self.reactor.poll_io(cx, Interest::Write, &mut |io: &T| io.as_ref().send(buf))
    }

    /// The `AsyncWrite` vectored step.
    pub(crate) fn poll_write_vectored_from(
        &self,
        cx: &mut Context<'_>,
        bufs: &[IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        self.reactor.poll_io(cx, Interest::Write, &mut |io: &T| io.as_ref().send_msg(bufs, &[], 0, None))
    }

    /// `shutdown(SHUT_WR)` for `AsyncWrite::poll_shutdown`/`poll_close`.
    pub(crate) fn shutdown_write(&self) -> io::Result<()> {
        match self.socket().shutdown(crate::Shutdown::Write) {
            Err(e) if e.raw_os_error() == Some(libc::ENOTCONN) => Ok(()),
            r => r,
        }
    }
}
