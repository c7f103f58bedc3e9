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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::netlink::{consts::*, route::{Link, RTM_NEWLINK}, tokio::AsyncNetlinkSocket};
/// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
/// let mut dump = nl.dump(Link::dump_request()).await?;
/// let first: sock::netlink::aio::NlMessage = dump.next().await.unwrap()?;
/// assert_eq!(first.header.ty, RTM_NEWLINK);
/// assert!(Link::parse(&first.as_msg())?.index > 0);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NlMessage {
    /// The message header.
    pub header: NlMsgHdr,
    /// The bytes after the header.
    pub payload: Vec<u8>,
}

impl NlMessage {
    /// The borrowed view, for [`NlMsg::status`], [`NlMsg::attrs`]...
    ///
    /// ```
    /// use sock::netlink::{aio::NlMessage, consts::NLMSG_ERROR, msg::NlMsgHdr};
    /// let ack = NlMessage { header: NlMsgHdr { ty: NLMSG_ERROR, ..Default::default() }, payload: vec![0; 4] };
    /// assert!(ack.as_msg().status().unwrap().is_ok()); // errno 0: an acknowledgement
    /// ```
    pub fn as_msg(&self) -> NlMsg<'_> {
        NlMsg { header: self.header, payload: &self.payload }
    }

    /// The attributes after a fixed family header of `header_len` bytes ([`NlMsg::attrs`]).
    ///
    /// ```
    /// use sock::netlink::{aio::NlMessage, msg::{NlMsgBuilder, NlMsgIter}, route::{IfInfoMsg, IFLA_IFNAME}};
    /// let mut b = NlMsgBuilder::new(16, 0);
    /// b.push_struct(&IfInfoMsg::default().to_bytes()).push_attr_str(IFLA_IFNAME, "lo")?;
    /// let bytes = b.into_bytes();
    /// let owned = NlMessage::from(NlMsgIter::new(&bytes).next().unwrap()?);
    /// assert_eq!(owned.attrs(IfInfoMsg::LEN).next().unwrap().as_str()?, "lo");
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::netlink::{consts::*, route::Link, tokio::AsyncNetlinkSocket};
/// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
/// let mut links = nl.dump(Link::dump_request()).await?;
/// let mut names = Vec::new();
/// while let Some(msg) = links.next().await {
///     names.push(Link::parse(&msg?.as_msg())?.name);
/// }
/// assert!(names.iter().any(|n| n == "lo"));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct AsyncNetlinkSocket<R: Reactor<NetlinkSocket>>(Async<NetlinkSocket, R>);

impl<R: Reactor<NetlinkSocket>> AsyncNetlinkSocket<R> {
    /// Registers `sock` with the runtime (it becomes non-blocking). Fails outside a runtime.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, tokio::AsyncNetlinkSocket, NetlinkSocket};
    /// let nl = AsyncNetlinkSocket::new(NetlinkSocket::new(NETLINK_ROUTE)?)?;
    /// assert!(!nl.get_ref().as_ref().blocking());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: NetlinkSocket) -> io::Result<Self> {
        Ok(AsyncNetlinkSocket(Async::new(sock)?))
    }

    /// [`NetlinkSocket::new`]`(protocol)` (unbound: requests and dumps work as they are),
    /// registered.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// assert_eq!(nl.local_addr()?.pid, 0); // unbound until the first send
    /// nl.request_ack(Link::dump_request()).await?;
    /// assert_ne!(nl.local_addr()?.pid, 0);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn open(protocol: i32) -> io::Result<Self> {
        Self::new(NetlinkSocket::new(protocol)?)
    }

    /// [`NetlinkSocket::bound`]`(protocol, addr)`, registered: the form for multicast
    /// (`NetlinkAddr::new(0, RTMGRP_LINK)`, or bind then
    /// [`add_membership`](NetlinkSocket::add_membership) through [`get_ref`](Self::get_ref)).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::RTMGRP_LINK, tokio::AsyncNetlinkSocket, NetlinkAddr};
    /// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK))?;
    /// assert_eq!(nl.local_addr()?.groups, RTMGRP_LINK);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound(protocol: i32, addr: NetlinkAddr) -> io::Result<Self> {
        Self::new(NetlinkSocket::bound(protocol, addr)?)
    }

    /// The netlink socket, for its options and synchronous methods (non-blocking now).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::RTNLGRP_LINK, tokio::AsyncNetlinkSocket, NetlinkAddr};
    /// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL)?;
    /// nl.get_ref().add_membership(RTNLGRP_LINK)?;
    /// nl.get_ref().set_no_enobufs(true)?;
    /// assert!(nl.get_ref().no_enobufs()?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &NetlinkSocket {
        self.0.get_ref()
    }

    /// The registration, for readiness, `try_io`, `async_io` and the plain socket operations.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, tokio::AsyncNetlinkSocket};
    /// use sock::core::aio::Interest;
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// nl.send_request(Link::dump_request()).await?;
    /// nl.inner().ready(Interest::Read).await?; // the dump's first part is queued
    /// assert!(nl.try_recv(&mut vec![0u8; 64 * 1024])? > 0);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<NetlinkSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, route::Link, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?.into_inner()?;
    /// nl.as_ref().set_blocking(true)?;
    /// assert!(Link::dump(&nl)?.iter().any(|l| l.name == "lo")); // synchronous again
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<NetlinkSocket> {
        self.0.into_inner()
    }

    /// `getsockname`: the port id (0 while unbound) and legacy groups.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, tokio::AsyncNetlinkSocket, NetlinkAddr};
    /// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::KERNEL)?;
    /// assert_ne!(nl.local_addr()?.pid, 0);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn local_addr(&self) -> io::Result<NetlinkAddr> {
        self.get_ref().local_addr()
    }

    /// Sends `msg` to the kernel with the next sequence number and `NLM_F_REQUEST`; returns
    /// that sequence number ([`NetlinkSocket::send_request`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing (it may have used up a sequence number).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, msg::NlMsgIter, route::Link, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let seq = nl.send_request(Link::dump_request()).await?;
    /// let mut buf = vec![0u8; 64 * 1024];
    /// let n = nl.recv(&mut buf).await?;
    /// assert_eq!(NlMsgIter::new(&buf[..n]).next().unwrap()?.header.seq, seq);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, msg::NlMsgIter, route::{Link, RTM_NEWLINK}, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// nl.send_request(Link::dump_request()).await?;
    /// let mut buf = vec![0u8; 64 * 1024];
    /// let n = nl.recv(&mut buf).await?;
    /// assert!(NlMsgIter::new(&buf[..n]).all(|m| m.is_ok_and(|m| m.header.ty == RTM_NEWLINK || m.is_done())));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.async_io(Interest::Read, |s| s.recv(buf)).await
    }

    /// [`recv`](Self::recv) without waiting: `WouldBlock` when nothing is queued.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::NETLINK_ROUTE, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let err = nl.try_recv(&mut [0u8; 4096]).unwrap_err();
    /// assert_eq!(err.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder, route::{IfInfoMsg, Link, RTM_GETLINK}, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let mut get = NlMsgBuilder::new(RTM_GETLINK, 0);
    /// get.push_struct(&IfInfoMsg { index: sock::if_nametoindex("lo")?, ..Default::default() }.to_bytes());
    /// let replies = nl.request(get).await?;
    /// assert_eq!(Link::parse(&replies[0].as_msg())?.name, "lo");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, msg::NlMsgBuilder, route::{IfInfoMsg, RTM_GETLINK}, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let mut get = NlMsgBuilder::new(RTM_GETLINK, 0);
    /// get.push_struct(&IfInfoMsg { index: 0x7fff_fff0, ..Default::default() }.to_bytes()); // no such link
    /// let e = nl.request_ack(get).await.unwrap_err();
    /// assert_eq!(sock::errno(&e), Some(libc::ENODEV));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, route::{Link, RTMGRP_LINK, RTM_NEWLINK}, tokio::AsyncNetlinkSocket, NetlinkAddr};
    /// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK))?;
    /// let mut events = nl.events();
    /// // Link changes arrive here as RTM_NEWLINK/RTM_DELLINK; so does every other message this
    /// // socket receives, such as the replies to a dump:
    /// nl.send_request(Link::dump_request()).await?;
    /// assert_eq!(events.next().await.unwrap()?.header.ty, RTM_NEWLINK);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::netlink::{consts::*, route::Link, tokio::AsyncNetlinkSocket};
/// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
/// let mut dump = nl.dump(Link::dump_request()).await?;
/// let mut n = 0;
/// while let Some(msg) = dump.next().await {
///     assert_eq!(msg?.header.seq, dump.seq());
///     n += 1;
/// }
/// assert!(n >= 1);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
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
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, route::Link, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let first = nl.dump(Link::dump_request()).await?.seq();
    /// let second = nl.dump(Link::dump_request()).await;
    /// assert!(second.is_ok_and(|d| d.seq() == first + 1));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn seq(&self) -> u32 {
        self.seq
    }

    /// The next item (the `Stream`'s `next` without an extension trait). Cancel safe.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::netlink::{consts::*, route::Link, tokio::AsyncNetlinkSocket};
    /// let nl = AsyncNetlinkSocket::open(NETLINK_ROUTE)?;
    /// let mut dump = nl.dump(Link::dump_request()).await?;
    /// let mut count = 0;
    /// while dump.next().await.transpose()?.is_some() {
    ///     count += 1;
    /// }
    /// assert!(count >= 1 && dump.next().await.is_none()); // ended after NLMSG_DONE
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::netlink::{consts::*, route::{RTMGRP_LINK, RTM_NEWLINK}, tokio::AsyncNetlinkSocket, NetlinkAddr};
/// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK))?;
/// let mut events = nl.events();
/// nl.send_request(sock::netlink::route::Link::dump_request()).await?; // something to receive
/// let msg = events.next().await.expect("never None")?;
/// assert_eq!(msg.header.ty, RTM_NEWLINK);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct NlEvents<'a, R: Reactor<NetlinkSocket>> {
    sock: &'a AsyncNetlinkSocket<R>,
    buf: RecvBuf,
}

impl<R: Reactor<NetlinkSocket>> NlEvents<'_, R> {
    /// The next item (the `Stream`'s `next` without an extension trait); never `None`.
    /// Cancel safe.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::time::Duration;
    /// use sock::netlink::{consts::*, route::RTMGRP_LINK, tokio::AsyncNetlinkSocket, NetlinkAddr};
    /// let nl = AsyncNetlinkSocket::bound(NETLINK_ROUTE, NetlinkAddr::new(0, RTMGRP_LINK))?;
    /// let mut events = nl.events();
    /// // Wait for a link change at most 10 ms (under a timeout, a dropped `next()` loses nothing).
    /// let got = tokio::time::timeout(Duration::from_millis(10), events.next()).await;
    /// assert!(got.map_or(true, |item| item.is_some()));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
