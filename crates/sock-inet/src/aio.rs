//! The async items of AF_INET/AF_INET6/AF_RDS, written once over sock-core's reactor
//! ([`Async<Socket, R>`](sock_core::aio::Async)): [`create_connection`] and
//! [`create_server`], and the sealed extension trait [`AsyncInetExt`] (UDP GSO/GRO, typed
//! `recv_from`). The runtime modules `tokio` and `async_io` bind them to a
//! runtime (its reactor and its timer); use those unless you bring your own timer.

use std::future::{poll_fn, Future};
use std::io::{self, IoSlice, IoSliceMut};
use std::net::SocketAddr;
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use sock_core::aio::{Async, Interest, Reactor};
use sock_core::cmsg::CmsgWriter;
use sock_core::{MsgFlags, SockAddr, Socket, Type};

use crate::cmsg::InetCmsg;
use crate::connect::{bind_source, failure, Asked, ConnectOptions};
use crate::gso::{checked_segment_size, gro_segment_size, gro_segments, GroSegments};
use crate::server::ServerOptions;

/// `asyncio`'s `open_connection`/`loop.create_connection` socket part, generic over the
/// reactor `R`: resolves `(host, port)` for `SOCK_STREAM` and tries each result **in the
/// order of the synchronous [`create_connection`](crate::create_connection)** (the resolver's
/// order, one at a time: a socket of the result's family, a bind to
/// `options.source_address` if given, an async `connect`), returning the first connected
/// socket, registered with `R` (non-blocking).
///
/// The timeout: `options.timeout = Some(Some(d))` is **one deadline for the whole call**
/// (resolution excepted, see below), measured by the future `sleep(d)` — the runtime's timer
/// (`tokio::time::sleep`, `async_io::Timer::after`); when it fires first the call fails with
/// `TimedOut` and the attempt under way is closed. `None` and `Some(None)` mean no deadline
/// (`sleep` is not called); no socket timeout is ever set (the returned socket is
/// non-blocking).
///
/// Errors: as the synchronous one (the last failure; with `all_errors` an error of the last
/// one's kind carrying [`ConnectErrors`](crate::ConnectErrors)); `TimedOut` at the deadline.
///
/// Resolution is `getaddrinfo(3)`, a blocking call made on the calling task before the first
/// attempt: it does not block for numeric hosts (`"127.0.0.1"`, `"::1"`); resolve names on a
/// blocking thread first if the loop must never stall.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::time::Duration;
/// use sock::inet::{aio, ConnectOptions, ServerOptions};
/// use sock::inet::tokio::Reactor;
/// let server = aio::create_server::<Reactor<sock::Socket>>(("127.0.0.1", 0), &ServerOptions::new())?;
/// let port = server.socket().local_addr()?.as_socket().unwrap().port();
/// let options = ConnectOptions::new().timeout(Some(Duration::from_secs(5)));
/// // Any timer: here tokio's sleep.
/// let client = aio::create_connection::<Reactor<sock::Socket>, _, _>(("127.0.0.1", port), &options, tokio::time::sleep).await?;
/// let (_conn, peer) = server.accept().await?;
/// assert_eq!(peer, client.socket().local_addr()?);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
///
/// # Cancel safety
///
/// Not cancel safe: a dropped future closes the attempt under way (nothing leaks, but no
/// connection results).
pub async fn create_connection<R, S, F>(
    address: (&str, u16),
    options: &ConnectOptions<'_>,
    sleep: S,
) -> io::Result<Async<Socket, R>>
where
    R: Reactor<Socket>,
    S: FnOnce(Duration) -> F,
    F: Future<Output = ()>,
{
    let deadline = match options.timeout {
        Some(Some(d)) => Some(sleep(d)),
        _ => None,
    };
    with_deadline(connect_each::<R>(address, options), deadline, Asked(address.0, address.1)).await
}

/// The attempts of [`create_connection`], in the synchronous order.
async fn connect_each<R: Reactor<Socket>>(
    address: (&str, u16),
    options: &ConnectOptions<'_>,
) -> io::Result<Async<Socket, R>> {
    let (host, port) = address;
    let infos = sock_resolve::getaddrinfo(Some(host), port, 0, Type::STREAM, 0, 0)?;
    let mut errors = Vec::new();
    for info in infos {
        match connect_one::<R>(&info, options).await {
            Ok(sock) => return Ok(sock),
            Err(e) => {
                if !options.all_errors {
                    errors.clear();
                }
                errors.push((info.addr, e));
            }
        }
    }
    Err(failure(Asked(host, port), errors, options.all_errors))
}

async fn connect_one<R: Reactor<Socket>>(
    info: &sock_resolve::AddrInfo,
    options: &ConnectOptions<'_>,
) -> io::Result<Async<Socket, R>> {
    let sock = Socket::new(info.family, info.ty, info.protocol)?;
    bind_source(&sock, options)?;
    let sock = Async::<Socket, R>::new(sock)?;
    sock.connect(info.addr).await?;
    Ok(sock)
}

/// Polls `work` until it completes, or fails with `TimedOut` (`create_connection host:port:
/// timed out`) when `timer` (if any) completes first.
async fn with_deadline<T>(
    work: impl Future<Output = io::Result<T>>,
    timer: Option<impl Future<Output = ()>>,
    asked: Asked<'_>,
) -> io::Result<T> {
    let mut work = pin!(work);
    let mut timer = pin!(timer);
    poll_fn(|cx| {
        if let Poll::Ready(result) = work.as_mut().poll(cx) {
            return Poll::Ready(result);
        }
        match timer.as_mut().as_pin_mut().map(|t| t.poll(cx)) {
            Some(Poll::Ready(())) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                format!("create_connection {asked}: timed out"),
            ))),
            _ => Poll::Pending,
        }
    })
    .await
}

/// `asyncio.start_server`'s socket part (and the async form of
/// [`create_server`](crate::create_server)), generic over the reactor `R`: the same bound
/// and listening socket, registered with `R`. Not an `async fn`: binding and listening never
/// wait. Accept with [`Async::accept`](sock_core::aio::Async::accept).
///
/// Errors: those of the synchronous `create_server`, and the reactor's (no runtime).
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::{aio, ServerOptions};
/// let server = aio::create_server::<sock::inet::tokio::Reactor<sock::Socket>>(("::1", 0), &ServerOptions::new().family(sock::Family::INET6))?;
/// assert_eq!(server.socket().family(), sock::Family::INET6);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub fn create_server<R: Reactor<Socket>>(
    address: (&str, u16),
    options: &ServerOptions,
) -> io::Result<Async<Socket, R>> {
    Async::new(crate::create_server(address, options)?)
}

/// A receive of [`AsyncInetExt::recv_gro`]: several datagrams of one sender coalesced by
/// `UDP_GRO`, or one datagram.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
/// use sock::inet::InetSocketExt;
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let to = rx.local_addr()?.as_socket().unwrap();
/// let rx = AsyncSocket::new(rx)?;
/// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
/// rx.socket().set_udp_gro(true)?;
/// tx.send_segments_to(&[7u8; 3000], 1000, to).await?;
/// let mut buf = vec![0u8; 65536];
/// let mut got = 0;
/// while got < 3 {
///     let msg = rx.recv_gro(&mut buf).await?;
///     assert!(!msg.flags.contains(sock::MsgFlags::TRUNC));
///     got += msg.segments(&buf).count();
/// }
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
#[derive(Clone, Debug)]
pub struct GroMsg {
    /// Bytes received into the buffer.
    pub bytes: usize,
    /// The segment size of the coalesced datagrams, 0 when the buffer holds one datagram.
    pub segment_size: usize,
    /// The sender.
    pub addr: SocketAddr,
    /// `msg_flags` (`MsgFlags::TRUNC`: the buffer was too small).
    pub flags: MsgFlags,
}

impl GroMsg {
    /// The datagrams in `buf` (the buffer passed to `recv_gro`): [`gro_segments`] over
    /// `&buf[..self.bytes]`.
    ///
    /// ```
    /// use sock::inet::aio::GroMsg;
    /// let msg = GroMsg { bytes: 2500, segment_size: 1000, addr: "127.0.0.1:9".parse().unwrap(), flags: sock::MsgFlags::NONE };
    /// let buf = vec![0u8; 65536];
    /// let lens: Vec<usize> = msg.segments(&buf).map(<[u8]>::len).collect();
    /// assert_eq!(lens, [1000, 1000, 500]);
    /// ```
    pub fn segments<'b>(&self, buf: &'b [u8]) -> GroSegments<'b> {
        gro_segments(&buf[..self.bytes.min(buf.len())], self.segment_size)
    }
}

mod sealed {
    pub trait Sealed {}
    impl<R: sock_core::aio::Reactor<sock_core::Socket>> Sealed for sock_core::aio::Async<sock_core::Socket, R> {}
}

/// The async AF_INET/AF_INET6/AF_RDS methods of an
/// `AsyncSocket` (sealed: implemented for
/// `Async<Socket, R>` of every reactor). The futures are `Send`. The socket's synchronous
/// options stay on [`InetSocketExt`](crate::InetSocketExt) through
/// [`Async::socket`](sock_core::aio::Async::socket).
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
/// use sock::inet::InetSocketExt;
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let to = rx.local_addr()?.as_socket().unwrap();
/// let rx = AsyncSocket::new(rx)?;
/// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
/// tx.send_to(b"ping", to).await?;
/// let mut buf = [0u8; 16];
/// let (n, from) = rx.recv_from_inet(&mut buf).await?;
/// assert_eq!((&buf[..n], from.port()), (&b"ping"[..], tx.socket().local_addr()?.as_socket().unwrap().port()));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub trait AsyncInetExt: sealed::Sealed {
    /// Sends `buf` on a connected UDP socket as datagrams of `segment_size` bytes (the last
    /// may be shorter) with one `sendmsg` carrying a `UDP_SEGMENT` item (UDP GSO). Returns
    /// the bytes sent.
    ///
    /// Errors: `segment_size` 0 or above 65535 is `InvalidInput` (`segment_size`); the
    /// kernel's refusals as in the synchronous case (`InvalidInput` for a size beyond the MTU
    /// or too many segments).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: one `sendmsg` that happened (the future completed) or not.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
    /// use sock::inet::InetSocketExt;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = rx.local_addr()?.as_socket().unwrap();
    /// let rx = AsyncSocket::new(rx)?;
    /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.socket().connect(to)?;
    /// assert_eq!(tx.send_segments(&[1u8; 2500], 1000).await?, 2500); // three datagrams
    /// let mut buf = [0u8; 2000];
    /// assert_eq!(rx.recv(&mut buf).await?, 1000);
    /// assert_eq!(tx.send_segments(&[1u8; 10], 0).await.unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_segments(&self, buf: &[u8], segment_size: usize) -> impl Future<Output = io::Result<usize>> + Send;

    /// [`send_segments`](AsyncInetExt::send_segments) to `to` (an unconnected UDP socket).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as `send_segments`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
    /// use sock::inet::InetSocketExt;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = rx.local_addr()?.as_socket().unwrap();
    /// let rx = AsyncSocket::new(rx)?;
    /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// assert_eq!(tx.send_segments_to(&[1u8; 300], 100, to).await?, 300);
    /// let mut buf = [0u8; 2000];
    /// assert_eq!(rx.recv(&mut buf).await?, 100);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_segments_to(
        &self,
        buf: &[u8],
        segment_size: usize,
        to: SocketAddr,
    ) -> impl Future<Output = io::Result<usize>> + Send;

    /// Receives into `buf` with the socket's `UDP_GRO` on
    /// ([`set_udp_gro`](crate::InetSocketExt::set_udp_gro)): possibly several datagrams of
    /// one sender, split them with [`GroMsg::segments`]. Give a 64 KiB buffer to receive
    /// whole coalesced batches. Other ancillary items the socket asked for are dropped.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
    /// use sock::inet::InetSocketExt;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = rx.local_addr()?.as_socket().unwrap();
    /// let rx = AsyncSocket::new(rx)?;
    /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// rx.socket().set_udp_gro(true)?;
    /// tx.send_to(&[1u8; 100], to).await?;
    /// let mut buf = vec![0u8; 65536];
    /// let msg = rx.recv_gro(&mut buf).await?;
    /// assert_eq!((msg.bytes, msg.segments(&buf).count()), (100, 1));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_gro(&self, buf: &mut [u8]) -> impl Future<Output = io::Result<GroMsg>> + Send;

    /// `recv_from` with the sender as a `std::net::SocketAddr` (UDP, RDS; [`decode`](crate::decode)d).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncInetExt, AsyncSocket};
    /// use sock::inet::InetSocketExt;
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let to = rx.local_addr()?.as_socket().unwrap();
    /// let rx = AsyncSocket::new(rx)?;
    /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.send_to(b"hi", to).await?;
    /// let mut buf = [0u8; 8];
    /// let (n, from) = rx.recv_from_inet(&mut buf).await?;
    /// assert_eq!(n, 2);
    /// assert!(from.ip().is_loopback());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_from_inet(&self, buf: &mut [u8]) -> impl Future<Output = io::Result<(usize, SocketAddr)>> + Send;
}

impl<R: Reactor<Socket> + Send + Sync> AsyncInetExt for Async<Socket, R> {
    async fn send_segments(&self, buf: &[u8], segment_size: usize) -> io::Result<usize> {
        send_gso(self, buf, segment_size, None).await
    }

    async fn send_segments_to(&self, buf: &[u8], segment_size: usize, to: SocketAddr) -> io::Result<usize> {
        send_gso(self, buf, segment_size, Some(SockAddr::from(to))).await
    }

    async fn recv_gro(&self, buf: &mut [u8]) -> io::Result<GroMsg> {
        let mut control = [0u8; 128];
        let msg = self.recv_msg(&mut [IoSliceMut::new(buf)], &mut control, 0).await?;
        let segment_size = gro_segment_size(&control[..msg.control_len.min(control.len())]);
        let addr = crate::decode(&msg.addr)?;
        Ok(GroMsg { bytes: msg.bytes, segment_size, addr, flags: msg.flags })
    }

    async fn recv_from_inet(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        let (n, addr) = self.recv_from(buf).await?;
        Ok((n, crate::decode(&addr)?))
    }
}

async fn send_gso<R: Reactor<Socket>>(
    sock: &Async<Socket, R>,
    buf: &[u8],
    segment_size: usize,
    to: Option<SockAddr>,
) -> io::Result<usize> {
    let size = checked_segment_size(segment_size)?;
    let mut control = [0u8; 32];
    let mut writer = CmsgWriter::new(&mut control);
    InetCmsg::UdpSegment(size).encode(&mut writer)?;
    let len = writer.len();
    let control = &control[..len];
    sock.async_io(Interest::Write, |s| s.send_msg(&[IoSlice::new(buf)], control, 0, to.as_ref())).await
}
