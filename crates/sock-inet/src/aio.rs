//! The async items of AF_INET/AF_INET6/AF_RDS, written once over sock-core's reactor
//! ([`Async<Socket, R>`](sock_core::aio::Async)): [`create_connection`] and
//! [`create_server`], and the sealed extension trait [`AsyncInetExt`] (UDP GSO/GRO, typed
//! `recv_from`). The runtime modules `tokio` and `async_io` bind them to a
//! runtime (its reactor and its timer); use those unless you bring your own timer.

use std::future::{poll_fn, Future};
use std::io::{self, IoSliceMut};
use std::net::SocketAddr;
use std::pin::pin;
use std::task::Poll;
use std::time::Duration;

use sock_core::aio::{Async, Interest, Reactor};
use sock_core::{context, MsgFlags, SockAddr, Socket, Type};

use crate::connect::{bind_source, failure, Asked, ConnectOptions};
use crate::gso_sender::{GsoStats, GsoSupport, Plan, UdpGso};
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

pub use crate::gso::GroMsg;

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
    /// may be shorter) with `sendmsg` calls carrying a `UDP_SEGMENT` item (UDP GSO), as many
    /// as the kernel's per-send limits need. Returns the bytes sent. The rules of
    /// [`GsoSender::send_segments`](crate::GsoSender::send_segments) apply, with no probe and
    /// nothing remembered between calls: a segmented send refused with `EIO`/`EINVAL`/`EMSGSIZE` is sent
    /// again as plain datagrams, in this call only. Keep an [`AsyncGsoSender`] to probe once
    /// and remember the fallback.
    ///
    /// Errors: `segment_size` 0 or above 65535 is `InvalidInput` (`segment_size`); the
    /// kernel's, when the first datagram cannot be sent.
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe beyond the first `sendmsg`: a future dropped after some datagrams left
    /// does not say how many.
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

    /// [`recv_gro`](AsyncInetExt::recv_gro) keeping the ancillary data in `control`, as the
    /// synchronous [`recv_gro_with_control`](crate::InetSocketExt::recv_gro_with_control):
    /// size it with [`GRO_CONTROL_LEN`](crate::GRO_CONTROL_LEN).
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
    /// use sock::inet::{opt, InetCmsg, InetSocketExt, GRO_CONTROL_LEN};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// rx.set_udp_gro(true)?;
    /// rx.set(opt::IP_RECVTOS, &true)?;
    /// let to = rx.local_addr()?.as_socket().unwrap();
    /// let rx = AsyncSocket::new(rx)?;
    /// let tx = AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?;
    /// tx.send_to(&[1u8; 10], to).await?;
    /// let (mut buf, mut control) = (vec![0u8; 65535], [0u8; GRO_CONTROL_LEN]);
    /// let msg = rx.recv_gro_with_control(&mut buf, &mut control).await?;
    /// assert_eq!(msg.bytes, 10);
    /// assert_eq!(InetCmsg::parse(&control[..msg.control_len]).collect::<Vec<_>>(), [InetCmsg::Tos(0)]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_gro_with_control(
        &self,
        buf: &mut [u8],
        control: &mut [u8],
    ) -> impl Future<Output = io::Result<GroMsg>> + Send;

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
        send_gso(self, &UdpGso::assumed(), buf, segment_size, None).await
    }

    async fn send_segments_to(&self, buf: &[u8], segment_size: usize, to: SocketAddr) -> io::Result<usize> {
        send_gso(self, &UdpGso::assumed(), buf, segment_size, Some(&SockAddr::from(to))).await
    }

    async fn recv_gro(&self, buf: &mut [u8]) -> io::Result<GroMsg> {
        let mut control = [0u8; crate::GRO_CONTROL_LEN];
        let mut msg = self.recv_gro_with_control(buf, &mut control).await?;
        msg.control_len = 0;
        Ok(msg)
    }

    async fn recv_gro_with_control(&self, buf: &mut [u8], control: &mut [u8]) -> io::Result<GroMsg> {
        let msg = self.recv_msg(&mut [IoSliceMut::new(buf)], control, 0).await?;
        GroMsg::from_recv(msg.bytes, msg.flags, &msg.addr, &control[..msg.control_len.min(control.len())], true)
    }

    async fn recv_from_inet(&self, buf: &mut [u8]) -> io::Result<(usize, SocketAddr)> {
        let (n, addr) = self.recv_from(buf).await?;
        Ok((n, crate::decode(&addr)?))
    }
}

/// The async loop over the shared [`Plan`]: the same decisions as the blocking
/// `GsoSender`, each send awaited on the reactor.
async fn send_gso<R: Reactor<Socket>>(
    sock: &Async<Socket, R>,
    gso: &UdpGso,
    buf: &[u8],
    segment_size: usize,
    to: Option<&SockAddr>,
) -> io::Result<usize> {
    let mut plan = Plan::new(gso, buf, segment_size)?;
    while let Some(step) = plan.next() {
        let result = sock.async_io(Interest::Write, |s| plan.send(s, step, MsgFlags::NONE, to)).await;
        if !plan.record(step, result)? {
            break;
        }
    }
    Ok(plan.sent())
}

/// [`GsoSender`](crate::GsoSender) on a reactor: a UDP socket registered with `R` that
/// sends one buffer as many datagrams, probed once, with the same fallback and counters
/// (the decisions are the same code). `sock::inet::tokio::GsoSender` and
/// `sock::inet::async_io::GsoSender` name it per runtime.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::inet::tokio::{AsyncSocket, GsoSender};
/// use sock::{Family, Socket, Type};
/// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
/// rx.bind(("127.0.0.1", 0))?;
/// let to = sock::inet::decode(&rx.local_addr()?)?;
/// let rx = AsyncSocket::new(rx)?;
/// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
/// assert!(tx.support().is_offload());
/// assert_eq!(tx.send_segments_to(&[3u8; 2500], 1000, to).await?, 2500);
/// let mut buf = [0u8; 2000];
/// assert_eq!(rx.recv(&mut buf).await?, 1000);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
#[derive(Debug)]
pub struct AsyncGsoSender<R: Reactor<Socket>> {
    sock: Async<Socket, R>,
    gso: UdpGso,
}

impl<R: Reactor<Socket> + Send + Sync> AsyncGsoSender<R> {
    /// Probes the socket as [`GsoSender::new`](crate::GsoSender::new) does and wraps it.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let tcp = AsyncSocket::new(Socket::new(Family::INET, Type::STREAM, None)?)?;
    /// assert_eq!(GsoSender::new(tcp).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: Async<Socket, R>) -> io::Result<Self> {
        let gso = UdpGso::probe(sock.socket()).map_err(|e| context(e, "gso_probe", sock.socket().fileno()))?;
        Ok(AsyncGsoSender { sock, gso })
    }

    /// [`GsoSender::send_segments`](crate::GsoSender::send_segments), awaiting each send.
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe beyond the first `sendmsg`: a future dropped after some datagrams left
    /// does not say how many.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET6, Type::DGRAM, None)?;
    /// rx.bind(("::1", 0))?;
    /// let tx = Socket::new(Family::INET6, Type::DGRAM, None)?;
    /// tx.connect(rx.local_addr()?)?;
    /// let tx = GsoSender::new(AsyncSocket::new(tx)?)?;
    /// assert_eq!(tx.send_segments(&[3u8; 250], 100).await?, 250);
    /// assert_eq!(rx.recv_vec(1000)?.len(), 100);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send_segments(&self, buf: &[u8], segment_size: usize) -> io::Result<usize> {
        send_gso(&self.sock, &self.gso, buf, segment_size, None).await
    }

    /// [`send_segments`](AsyncGsoSender::send_segments) to `to` (an unconnected socket).
    ///
    /// # Cancel safety
    ///
    /// As `send_segments`.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let rx = Socket::new(Family::INET, Type::DGRAM, None)?;
    /// rx.bind(("127.0.0.1", 0))?;
    /// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
    /// tx.send_segments_to(&[3u8; 10], 100, sock::inet::decode(&rx.local_addr()?)?).await?;
    /// assert_eq!(rx.recv_vec(1000)?.len(), 10);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send_segments_to(&self, buf: &[u8], segment_size: usize, to: SocketAddr) -> io::Result<usize> {
        send_gso(&self.sock, &self.gso, buf, segment_size, Some(&SockAddr::from(to))).await
    }

    /// What the sends use now (see [`GsoSender::support`](crate::GsoSender::support)).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
    /// assert!(tx.support().is_offload());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn support(&self) -> GsoSupport {
        self.gso.support()
    }

    /// The counters of this sender's sends.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
    /// assert_eq!(tx.stats().segmented_sends, 0);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn stats(&self) -> GsoStats {
        self.gso.stats()
    }

    /// The registered socket, for its other methods.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
    /// assert_eq!(tx.get_ref().socket().ty(), Type::DGRAM);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &Async<Socket, R> {
        &self.sock
    }

    /// The registered socket back.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::inet::tokio::{AsyncSocket, GsoSender};
    /// use sock::{Family, Socket, Type};
    /// let tx = GsoSender::new(AsyncSocket::new(Socket::new(Family::INET, Type::DGRAM, None)?)?)?;
    /// let sock: AsyncSocket = tx.into_inner();
    /// assert_eq!(sock.socket().family(), Family::INET);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> Async<Socket, R> {
        self.sock
    }
}
