//! The async netlink socket: [`AsyncNetlinkSocket`] (generic over the reactor; the runtime
//! aliases are `tokio::AsyncNetlinkSocket` and `async_io::AsyncNetlinkSocket`),
//! the dump stream [`NlDump`], the multicast stream [`NlEvents`] and the owned message
//! [`NlMessage`] they yield.

use std::future::poll_fn;
use std::io;
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures_core::Stream;
use sock_core::aio::{Async, Interest, Reactor};
use sock_core::FamilyAddr;

use crate::addr::NetlinkAddr;
use crate::consts::{NLMSG_DONE, NLMSG_ERROR, NLM_F_ACK};
use crate::error::request_error;
use crate::msg::{NlAttrIter, NlMsg, NlMsgBuilder, NlMsgHdr, NlMsgIter};
use crate::socket::{NetlinkSocket, RECV_BUF};

/// One netlink message that owns its payload: what the streams yield (a `Stream` cannot lend
/// from its buffer). [`NlMessage::as_msg`] gives the borrowed [`NlMsg`] view with its
/// helpers (`status`, `attrs`...).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NlMessage {
    /// The message header.
    pub header: NlMsgHdr,
    /// The bytes after the header.
    pub payload: Vec<u8>,
}

impl NlMessage {
    /// The borrowed view, for [`NlMsg::status`], [`NlMsg::attrs`]...
    pub fn as_msg(&self) -> NlMsg<'_> {
        NlMsg { header: self.header, payload: &self.payload }
    }

    /// The attributes after a fixed family header of `header_len` bytes ([`NlMsg::attrs`]).
    pub fn attrs(&self, header_len: usize) -> NlAttrIter<'_> {
        self.as_msg().attrs(header_len)
    }
}

impl From<NlMsg<'_>> for NlMessage {
    fn from(msg: NlMsg<'_>) -> Self {
        NlMessage { header: msg.header, payload: msg.payload.to_vec() }
    }
}

/// A receive buffer holding one datagram and how far its messages were handed out.
#[derive(Debug)]
struct RecvBuf {
    buf: Vec<u8>,
    start: usize,
    end: usize,
}

impl RecvBuf {
    fn new() -> Self {
        RecvBuf { buf: vec![0; RECV_BUF], start: 0, end: 0 }
    }

    /// The next message of the datagram held, if any. A malformed datagram yields its error
    /// once and is dropped.
    fn next_msg(&mut self) -> Option<io::Result<NlMsg<'_>>> {
        let held = self.buf.get(self.start..self.end)?;
        let mut iter = NlMsgIter::new(held);
        let item = iter.next()?;
        match item {
            Ok(_) => self.start = self.end - iter.rest().len(),
            Err(_) => self.start = self.end,
        }
        Some(item)
    }

    /// Receives the next datagram (polled); the previous one must be used up.
    fn poll_fill<R: Reactor<NetlinkSocket>>(
        &mut self,
        io: &Async<NetlinkSocket, R>,
        cx: &mut Context<'_>,
    ) -> Poll<io::Result<()>> {
        let buf = &mut self.buf;
        let n = ready!(io.poll_io(cx, Interest::Read, |s| s.recv(buf)))?;
        self.start = 0;
        self.end = n;
        Poll::Ready(Ok(()))
    }
}

/// An [`NetlinkSocket`] registered with a runtime's reactor `R`: requests, acknowledged
/// requests and dumps as async functions and streams, and the multicast stream
/// [`events`](AsyncNetlinkSocket::events). Use the runtime aliases
/// `tokio::AsyncNetlinkSocket` / `async_io::AsyncNetlinkSocket`.
///
/// Replies are matched to their request by sequence number; messages of other sequences
/// (multicast events, replies to an abandoned request) are skipped by
/// [`request`](AsyncNetlinkSocket::request) and [`dump`](AsyncNetlinkSocket::dump), so listen
/// to events on a socket of their own.
pub struct AsyncNetlinkSocket<R: Reactor<NetlinkSocket>>(Async<NetlinkSocket, R>);

impl<R: Reactor<NetlinkSocket>> AsyncNetlinkSocket<R> {
    /// Registers `sock` with the runtime (it becomes non-blocking). Fails outside a runtime.
    pub fn new(sock: NetlinkSocket) -> io::Result<Self> {
        Ok(AsyncNetlinkSocket(Async::new(sock)?))
    }

    /// [`NetlinkSocket::new`]`(protocol)` (unbound: requests and dumps work as they are),
    /// registered.
    pub fn open(protocol: i32) -> io::Result<Self> {
        Self::new(NetlinkSocket::new(protocol)?)
    }

    /// [`NetlinkSocket::bound`]`(protocol, addr)`, registered: the form for multicast
    /// (`NetlinkAddr::new(0, RTMGRP_LINK)`, or bind then
    /// [`add_membership`](NetlinkSocket::add_membership) through [`get_ref`](Self::get_ref)).
    pub fn bound(protocol: i32, addr: NetlinkAddr) -> io::Result<Self> {
        Self::new(NetlinkSocket::bound(protocol, addr)?)
    }

    /// The netlink socket, for its options and synchronous methods (non-blocking now).
    pub fn get_ref(&self) -> &NetlinkSocket {
        self.0.get_ref()
    }

    /// The registration, for readiness, `try_io`, `async_io` and the plain socket operations.
    pub fn inner(&self) -> &Async<NetlinkSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    pub fn into_inner(self) -> io::Result<NetlinkSocket> {
        self.0.into_inner()
    }

    /// `getsockname`: the port id (0 while unbound) and legacy groups.
    pub fn local_addr(&self) -> io::Result<NetlinkAddr> {
        self.get_ref().local_addr()
    }

    /// Sends `msg` to the kernel with the next sequence number and `NLM_F_REQUEST`; returns
    /// that sequence number ([`NetlinkSocket::send_request`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing (it may have used up a sequence number).
    pub async fn send_request(&self, msg: NlMsgBuilder) -> io::Result<u32> {
        let (seq, bytes) = self.get_ref().stamp(msg);
        let to = NetlinkAddr::KERNEL.encode()?;
        self.0.async_io(Interest::Write, |s| s.as_ref().send_to_addr(&bytes, &to)).await?;
        Ok(seq)
    }

    /// Receives one datagram (one or more messages; walk it with [`NlMsgIter`]). A datagram
    /// larger than `buf` is `InvalidData` ([`NetlinkSocket::recv`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.async_io(Interest::Read, |s| s.recv(buf)).await
    }

    /// [`recv`](Self::recv) without waiting: `WouldBlock` when nothing is queued.
    pub fn try_recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.get_ref().recv(buf)
    }

    /// Sends `msg` with `NLM_F_ACK` and collects the replies of its sequence until the
    /// kernel's acknowledgement: the replies (empty for a plain `NEW`/`DEL`/`SET`; the
    /// object for a `GET` without `NLM_F_DUMP`, or an echo with `NLM_F_ECHO`), or the OS
    /// error the kernel answered (`EEXIST`, `ENODEV`, `EPERM`...) named by the request
    /// (`RTM_NEWADDR: Operation not permitted (EPERM)`; errno through `sock::errno`).
    ///
    /// # Cancel safety
    ///
    /// Not cancel safe: a future dropped after sending leaves the request done or under way
    /// in the kernel and its answer unread. That answer does not disturb later calls (they
    /// skip other sequence numbers).
    pub async fn request(&self, mut msg: NlMsgBuilder) -> io::Result<Vec<NlMessage>> {
        let flags = msg.header().flags | NLM_F_ACK;
        msg.set_flags(flags);
        let request = msg.header().ty;
        let seq = self.send_request(msg).await?;
        let mut replies = NlDump { sock: self, buf: RecvBuf::new(), seq, request, done: false };
        let mut out = Vec::new();
        while let Some(item) = poll_fn(|cx| Pin::new(&mut replies).poll_next(cx)).await {
            out.push(item?);
        }
        Ok(out)
    }

    /// [`request`](Self::request) for requests whose replies do not matter: `Ok(())` once
    /// the kernel acknowledged. Cancel safety as for `request`.
    pub async fn request_ack(&self, msg: NlMsgBuilder) -> io::Result<()> {
        self.request(msg).await.map(drop)
    }

    /// Sends a dump request (`msg` should carry `NLM_F_DUMP`) and returns the stream of its
    /// replies: every message of the dump's sequence, ending after `NLMSG_DONE`. An error
    /// (the kernel's error reply, a dump that ended with an error status, a malformed or
    /// truncated datagram, a failed receive) is the last item.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder, route, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let mut req = NlMsgBuilder::new(route::RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
    /// req.push_struct(&route::IfInfoMsg::default().to_bytes());
    /// let mut links = nl.dump(req).await?;
    /// let mut count = 0;
    /// while let Some(link) = links.next().await {
    ///     assert_eq!(link?.header.ty, route::RTM_NEWLINK);
    ///     count += 1;
    /// }
    /// assert!(count >= 1); // lo at least
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    ///
    /// # Cancel safety
    ///
    /// The `async fn` is cancel safe as [`send_request`](Self::send_request) is. The stream
    /// keeps its state: a dropped `next()` loses no message. A dropped stream leaves the rest
    /// of the dump unread: later requests skip it as they read, but until the kernel has
    /// sent the old dump out in full, a new dump on this socket is its `EBUSY`.
    pub async fn dump(&self, msg: NlMsgBuilder) -> io::Result<NlDump<'_, R>> {
        let request = msg.header().ty;
        let seq = self.send_request(msg).await?;
        Ok(NlDump { sock: self, buf: RecvBuf::new(), seq, request, done: false })
    }

    /// The stream of every message this socket receives: multicast events on a socket bound
    /// to groups (see [`bound`](Self::bound)). It never ends; errors are items and the stream
    /// goes on after them — `ENOBUFS` means the socket's buffer overflowed and events were
    /// lost (resynchronise with a dump), `InvalidData` a malformed datagram (dropped).
    ///
    /// # Cancel safety
    ///
    /// The stream holds the datagram being handed out: a dropped `next()` loses nothing;
    /// dropping the stream loses the rest of the datagram it held (if any).
    pub fn events(&self) -> NlEvents<'_, R> {
        NlEvents { sock: self, buf: RecvBuf::new() }
    }
}

/// The replies of one dump (or request), ending after `NLMSG_DONE` (or the acknowledgement):
/// [`AsyncNetlinkSocket::dump`]. A `futures_core::Stream` of `io::Result<NlMessage>`; an
/// error is the last item.
pub struct NlDump<'a, R: Reactor<NetlinkSocket>> {
    sock: &'a AsyncNetlinkSocket<R>,
    buf: RecvBuf,
    seq: u32,
    /// The request's message type, which an error reply names.
    request: u16,
    done: bool,
}

impl<R: Reactor<NetlinkSocket>> NlDump<'_, R> {
    /// The sequence number of the request.
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The next item (the `Stream`'s `next` without an extension trait). Cancel safe.
    pub async fn next(&mut self) -> Option<io::Result<NlMessage>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<R: Reactor<NetlinkSocket>> Stream for NlDump<'_, R> {
    type Item = io::Result<NlMessage>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if this.done {
                return Poll::Ready(None);
            }
            while let Some(item) = this.buf.next_msg() {
                let msg = match item {
                    Ok(msg) => msg,
                    Err(e) => {
                        this.done = true;
                        return Poll::Ready(Some(Err(e)));
                    }
                };
                if msg.header.seq != this.seq {
                    continue;
                }
                if msg.header.ty == NLMSG_DONE || msg.header.ty == NLMSG_ERROR {
                    this.done = true;
                    let protocol = this.sock.get_ref().as_ref().protocol().raw();
                    return Poll::Ready(match msg.status() {
                        Some(Err(e)) => Some(Err(request_error(e, protocol, this.request, &msg))),
                        _ => None,
                    });
                }
                return Poll::Ready(Some(Ok(msg.into())));
            }
            if let Err(e) = ready!(this.buf.poll_fill(&this.sock.0, cx)) {
                this.done = true;
                return Poll::Ready(Some(Err(e)));
            }
        }
    }
}

/// Every message a socket receives, for multicast listeners: [`AsyncNetlinkSocket::events`].
/// A `futures_core::Stream` of `io::Result<NlMessage>` that never ends.
pub struct NlEvents<'a, R: Reactor<NetlinkSocket>> {
    sock: &'a AsyncNetlinkSocket<R>,
    buf: RecvBuf,
}

impl<R: Reactor<NetlinkSocket>> NlEvents<'_, R> {
    /// The next item (the `Stream`'s `next` without an extension trait); never `None`.
    /// Cancel safe.
    pub async fn next(&mut self) -> Option<io::Result<NlMessage>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<R: Reactor<NetlinkSocket>> Stream for NlEvents<'_, R> {
    type Item = io::Result<NlMessage>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buf.next_msg() {
                return Poll::Ready(Some(item.map(NlMessage::from)));
            }
            if let Err(e) = ready!(this.buf.poll_fill(&this.sock.0, cx)) {
                return Poll::Ready(Some(Err(e)));
            }
        }
    }
}

impl<R: Reactor<NetlinkSocket>> std::fmt::Debug for AsyncNetlinkSocket<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("AsyncNetlinkSocket").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<NetlinkSocket>> std::fmt::Debug for NlDump<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NlDump").field("sock", self.sock).field("seq", &self.seq).field("done", &self.done).finish()
    }
}

impl<R: Reactor<NetlinkSocket>> std::fmt::Debug for NlEvents<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NlEvents").field("sock", self.sock).finish_non_exhaustive()
    }
}
