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
    pub async fn connect() -> io::Result<Self> {
        let io = Async::new(Socket::new(Family::TIPC, Type::SEQPACKET, None)?)?;
        io.connect(TipcAddr::service(TIPC_TOP_SRV, TIPC_TOP_SRV)).await?;
        Ok(TopologyEvents { io })
    }

    /// Wraps a registered `SOCK_SEQPACKET` TIPC socket already connected (or connecting) to
    /// the topology service. `InvalidInput` for another kind of socket.
    pub fn from_async(io: Async<Socket, R>) -> io::Result<Self> {
        let s = io.socket();
        if s.family() != Family::TIPC || s.ty() != Type::SEQPACKET {
            return Err(invalid_input("socket", "not a TIPC SOCK_SEQPACKET socket"));
        }
        Ok(TopologyEvents { io })
    }

    /// The registered socket.
    pub fn socket(&self) -> &Async<Socket, R> {
        &self.io
    }

    /// Gives the registered socket back.
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
    pub async fn unsubscribe(&self, sub: &Subscription) -> io::Result<()> {
        let cancel = Subscription { filter: sub.filter | TIPC_SUB_CANCEL, ..*sub };
        self.subscribe(&cancel).await
    }

    /// Polls for the next event: `Ready(Ok(None))` when the service closed the connection.
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
pub trait AsyncTipcExt: sealed::Sealed {
    /// The accepted connection: a socket registered with the same runtime.
    type Accepted;

    /// Sends a message to the service address `{service, instance}` (cluster scope; for
    /// another scope or a range, `send_to` takes any [`TipcAddr`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
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
