//! The async items of AF_TIPC (features `tokio` / `async-io`): [`TopologyEvents`], the
//! topology service as a `Stream` of [`Event`]s, and [`AsyncTipcExt`], typed sends, receives
//! and accepts for sockets registered with a runtime. Everything else (connect, send, recv,
//! `AsyncRead`/`AsyncWrite` on a stream) is sock-core's `Async<Socket, R>`.

use std::future::{poll_fn, Future};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use sock_core::aio::{AcceptReactor, Async, Interest, Reactor};
use sock_core::{invalid_input, Family, FamilyAddr, Socket, Type};

use crate::addr::TipcAddr;
use crate::consts::*;
use crate::topsrv::{Event, Subscription};

/// A connection to the TIPC topology service (`{TIPC_TOP_SRV, TIPC_TOP_SRV}`, a
/// `SOCK_SEQPACKET` socket): send [`Subscription`]s with [`subscribe`](TopologyEvents::subscribe),
/// receive their [`Event`]s as a [`Stream`].
///
/// Each item is one `recv` of one `struct tipc_event` into a stack buffer, parsed into an
/// [`Event`] (no allocation). Errors are items (a short message is `InvalidData`, and the
/// stream goes on); the stream ends when the service closes the connection.
///
/// Runtime aliases: `tokio::TopologyEvents`,
/// `async_io::TopologyEvents`.
///
/// # Cancel safety
///
/// `poll_next` / [`recv`](TopologyEvents::recv) are one `recv` that either happened (the
/// event is returned) or did not: dropping a pending `next()` loses no event.
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_PUBLISHED, TIPC_SUB_PORTS};
/// let top = TopologyEvents::connect().await?;
/// top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_PORTS)).await?;
/// while let Some(ev) = top.recv().await? {
///     let up = ev.event == TIPC_PUBLISHED;
///     println!("{} {}..={} at {}", if up { "up" } else { "down" }, ev.found_lower, ev.found_upper, ev.socket);
/// }
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct TopologyEvents<R: Reactor<Socket>> {
    io: Async<Socket, R>,
}

impl<R: Reactor<Socket>> TopologyEvents<R> {
    /// Opens a `SOCK_SEQPACKET` socket, registers it with the runtime and connects it to the
    /// topology service of this node. Fails outside the runtime, or without TIPC
    /// (`modprobe tipc`).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future closes the socket it opened.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::TopologyEvents, TipcAddr, TIPC_TOP_SRV};
    /// use sock::FamilyAddr;
    /// let top = TopologyEvents::connect().await?;
    /// let peer = TipcAddr::decode(&top.socket().socket().peer_addr()?)?;
    /// assert!(matches!(peer.name, sock::tipc::TipcName::Socket { .. }));
    /// # let _ = TIPC_TOP_SRV;
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn connect() -> io::Result<Self> {
        let io = Async::new(Socket::new(Family::TIPC, Type::SEQPACKET, None)?)?;
        io.connect(TipcAddr::service(TIPC_TOP_SRV, TIPC_TOP_SRV)).await?;
        Ok(TopologyEvents { io })
    }

    /// Wraps a registered `SOCK_SEQPACKET` TIPC socket already connected (or connecting) to
    /// the topology service. `InvalidInput` for another kind of socket.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::{AsyncSocket, TopologyEvents}, TipcAddr, TIPC_TOP_SRV};
    /// use sock::{Family, Socket, Type};
    /// let s = AsyncSocket::new(Socket::new(Family::TIPC, Type::SEQPACKET, None)?)?;
    /// s.connect(TipcAddr::service(TIPC_TOP_SRV, TIPC_TOP_SRV)).await?;
    /// let top = TopologyEvents::from_async(s)?;
    /// let (a, _b) = sock::Socket::pair(Family::UNIX, Type::SEQPACKET, None)?;
    /// assert!(TopologyEvents::from_async(AsyncSocket::new(a)?).is_err()); // not TIPC
    /// # drop(top);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn from_async(io: Async<Socket, R>) -> io::Result<Self> {
        let s = io.socket();
        if s.family() != Family::TIPC || s.ty() != Type::SEQPACKET {
            return Err(invalid_input("socket", "not a TIPC SOCK_SEQPACKET socket"));
        }
        Ok(TopologyEvents { io })
    }

    /// The registered socket.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::tokio::TopologyEvents;
    /// let top = TopologyEvents::connect().await?;
    /// assert_eq!(top.socket().socket().family(), sock::Family::TIPC);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn socket(&self) -> &Async<Socket, R> {
        &self.io
    }

    /// Gives the registered socket back.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::tokio::TopologyEvents;
    /// let top = TopologyEvents::connect().await?;
    /// let s = top.into_inner(); // e.g. to shut it down
    /// s.socket().shutdown(std::net::Shutdown::Both)?;
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> Async<Socket, R> {
        self.io
    }

    /// Sends `sub` to the service: its events follow on the stream (for a
    /// `TIPC_SUB_PORTS`/`TIPC_SUB_SERVICE` subscription, one `TIPC_PUBLISHED` per binding that
    /// already exists first). An error names the service range watched:
    /// `subscribe {2000, 0, 4294967295}: ...`.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing (the subscription is one message).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_PUBLISHED, TIPC_SUB_SERVICE};
    /// let top = TopologyEvents::connect().await?;
    /// top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_SERVICE)).await?;
    /// let ev = top.recv().await?.expect("the service keeps the connection");
    /// assert_eq!(ev.event, TIPC_PUBLISHED); // once service 2000 is bound somewhere
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn subscribe(&self, sub: &Subscription) -> io::Result<()> {
        let bytes = sub.to_bytes();
        let name = || format!("{{{}, {}, {}}}", sub.service, sub.lower, sub.upper);
        let n = self.io.send(&bytes).await.map_err(|e| sock_core::context(e, "subscribe", name()))?;
        if n != bytes.len() {
            let e = io::Error::new(io::ErrorKind::WriteZero, "the message was cut short");
            return Err(sock_core::context(e, "subscribe", name()));
        }
        Ok(())
    }

    /// Cancels `sub` (sends it again with `TIPC_SUB_CANCEL`); its events stop.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, like [`subscribe`](TopologyEvents::subscribe).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_SUB_PORTS};
    /// let top = TopologyEvents::connect().await?;
    /// let sub = Subscription::new(2000, 0, u32::MAX, TIPC_SUB_PORTS);
    /// top.subscribe(&sub).await?;
    /// top.unsubscribe(&sub).await?; // no more events for it
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn unsubscribe(&self, sub: &Subscription) -> io::Result<()> {
        let cancel = Subscription { filter: sub.filter | TIPC_SUB_CANCEL, ..*sub };
        self.subscribe(&cancel).await
    }

    /// Polls for the next event: `Ready(Ok(None))` when the service closed the connection.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::future::poll_fn;
    /// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_SUB_PORTS};
    /// let top = TopologyEvents::connect().await?;
    /// top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_PORTS)).await?;
    /// let ev = poll_fn(|cx| top.poll_recv(cx)).await?; // what `recv` does
    /// assert!(ev.is_some_and(|ev| ev.subscription.service == 2000));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn poll_recv(&self, cx: &mut Context<'_>) -> Poll<io::Result<Option<Event>>> {
        self.io.poll_io(cx, Interest::Read, |s| {
            let mut buf = [0u8; Event::SIZE];
            match s.recv(&mut buf)? {
                0 => Ok(None),
                n => Event::from_bytes(buf.get(..n).unwrap_or(&buf))
                    .map(Some)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidData, format!("topology event of {n} bytes"))),
            }
        })
    }

    /// Receives the next event; `Ok(None)` when the service closed the connection.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::time::Duration;
    /// use sock::tipc::{tokio::TopologyEvents, Subscription, TIPC_SUB_PORTS};
    /// let top = TopologyEvents::connect().await?;
    /// top.subscribe(&Subscription::new(2000, 0, u32::MAX, TIPC_SUB_PORTS)).await?;
    /// if let Ok(ev) = tokio::time::timeout(Duration::from_secs(1), top.recv()).await {
    ///     assert!(ev?.is_some_and(|ev| ev.found_lower <= ev.found_upper));
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv(&self) -> io::Result<Option<Event>> {
        poll_fn(|cx| self.poll_recv(cx)).await
    }
}

impl<R: Reactor<Socket>> std::fmt::Debug for TopologyEvents<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("TopologyEvents").field(&self.io).finish()
    }
}

impl<R: Reactor<Socket>> Stream for TopologyEvents<R> {
    type Item = io::Result<Event>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        // Once closed, the socket keeps answering zero-length reads: `None` again.
        self.poll_recv(cx).map(Result::transpose)
    }
}

mod sealed {
    /// Only `sock_core::aio::Async<Socket, R>` implements [`AsyncTipcExt`](super::AsyncTipcExt).
    pub trait Sealed {}
    impl<R: sock_core::aio::Reactor<sock_core::Socket>> Sealed for sock_core::aio::Async<sock_core::Socket, R> {}
}

/// Typed TIPC operations of a registered [`Socket`] (sealed: implemented for
/// `Async<Socket, R>` only, i.e. `sock::tipc::tokio::AsyncSocket` /
/// `sock::tipc::async_io::AsyncSocket`).
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::tipc::{tokio::AsyncSocket, AsyncTipcExt};
/// use sock::tipc::TipcAddr;
/// use sock::{Family, Socket, Type};
/// let server = Socket::new(Family::TIPC, Type::RDM, None)?;
/// server.bind(TipcAddr::service_range(2000, 0, 9))?;
/// let (server, client) = (AsyncSocket::new(server)?, AsyncSocket::new(Socket::new(Family::TIPC, Type::RDM, None)?)?);
/// client.send_to_service(b"hi", 2000, 5).await?;
/// let mut buf = [0u8; 16];
/// let (n, from) = server.recv_from_tipc(&mut buf).await?;
/// assert_eq!((&buf[..n], from.addr_type()), (&b"hi"[..], sock::tipc::TIPC_ADDR_ID));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub trait AsyncTipcExt: sealed::Sealed {
    /// The accepted connection: a socket registered with the same runtime.
    type Accepted;

    /// Sends a message to the service address `{service, instance}` (cluster scope; for
    /// another scope or a range, `send_to` takes any [`TipcAddr`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::AsyncSocket, AsyncTipcExt};
    /// use sock::{Family, Socket, Type};
    /// let s = AsyncSocket::new(Socket::new(Family::TIPC, Type::RDM, None)?)?;
    /// assert_eq!(s.send_to_service(b"request", 2000, 5).await?, 7);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn send_to_service<'a>(
        &'a self,
        buf: &'a [u8],
        service: u32,
        instance: u32,
    ) -> impl Future<Output = io::Result<usize>> + Send + 'a;

    /// Receives a message and its sender as a [`TipcAddr`] (a socket id).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::AsyncSocket, AsyncTipcExt};
    /// use sock::tipc::{TipcAddr, TipcName};
    /// use sock::{Family, Socket, Type};
    /// let s = Socket::new(Family::TIPC, Type::RDM, None)?;
    /// s.bind(TipcAddr::service_range(2000, 0, 9))?;
    /// let s = AsyncSocket::new(s)?;
    /// let mut buf = [0u8; 1024];
    /// let (n, from) = s.recv_from_tipc(&mut buf).await?;
    /// assert!(matches!(from.name, TipcName::Socket { .. })); // reply with send_to(.., from)
    /// s.send_to(&buf[..n], from).await?;
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn recv_from_tipc<'a>(
        &'a self,
        buf: &'a mut [u8],
    ) -> impl Future<Output = io::Result<(usize, TipcAddr)>> + Send + 'a;

    /// Accepts a connection on a listening stream or seqpacket socket; the peer is a
    /// [`TipcAddr`] (its socket id). The new socket is non-blocking and registered with the
    /// same runtime.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future accepted nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::tipc::{tokio::AsyncSocket, AsyncTipcExt};
    /// use sock::tipc::TipcAddr;
    /// use sock::{Family, Socket, Type};
    /// let l = Socket::new(Family::TIPC, Type::STREAM, None)?;
    /// l.bind(TipcAddr::service(2000, 1))?;
    /// l.listen(None)?;
    /// let (conn, peer) = AsyncSocket::new(l)?.accept_tipc().await?;
    /// conn.send_all(format!("hello {peer}").as_bytes()).await?;
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    fn accept_tipc(&self) -> impl Future<Output = io::Result<(Self::Accepted, TipcAddr)>> + Send + '_;
}

impl<R> AsyncTipcExt for Async<Socket, R>
where
    R: AcceptReactor<Socket> + Send + Sync,
{
    type Accepted = Async<Socket, R::Accepted>;

    fn send_to_service<'a>(
        &'a self,
        buf: &'a [u8],
        service: u32,
        instance: u32,
    ) -> impl Future<Output = io::Result<usize>> + Send + 'a {
        self.send_to(buf, TipcAddr::service(service, instance))
    }

    async fn recv_from_tipc(&self, buf: &mut [u8]) -> io::Result<(usize, TipcAddr)> {
        let (n, from) = self.recv_from(buf).await?;
        Ok((n, TipcAddr::decode(&from)?))
    }

    async fn accept_tipc(&self) -> io::Result<(Self::Accepted, TipcAddr)> {
        let (conn, peer) = self.accept().await?;
        Ok((conn, TipcAddr::decode(&peer)?))
    }
}

#[cfg(all(test, feature = "tokio"))]
mod tests {
    use super::*;

    #[test]
    fn only_tipc_seqpacket_sockets_make_topology_streams() {
        let rt = ::tokio::runtime::Builder::new_current_thread().enable_io().build().unwrap();
        let _g = rt.enter();
        let unix = Async::new(Socket::new(Family::UNIX, Type::SEQPACKET, None).unwrap()).unwrap();
        let err = TopologyEvents::<sock_core::tokio::Reactor<Socket>>::from_async(unix).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
