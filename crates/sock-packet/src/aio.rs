//! The async packet socket: [`AsyncPacketSocket`] (generic over the reactor; the runtime
//! aliases are [`crate::tokio::AsyncPacketSocket`] and [`crate::async_io::AsyncPacketSocket`]),
//! the frame stream [`Frames`] and the frame sink [`FrameSink`].

use std::future::poll_fn;
use std::io::{self, IoSliceMut};
use std::pin::Pin;
use std::task::{ready, Context, Poll};

use futures_core::Stream;
use futures_sink::Sink;
use sock_core::aio::{Async, Interest, Reactor};
use sock_core::{FamilyAddr, ProtocolSocket, Type};

use crate::addr::PacketAddr;
use crate::options::AuxData;
use crate::socket::PacketSocket;

/// One received frame: what [`Frames`] yields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The frame's bytes (at most the stream's `max_len`).
    pub data: Vec<u8>,
    /// Where it came from: interface index, protocol, packet type, hardware type and address.
    pub from: PacketAddr,
    /// Whether the frame was longer than `max_len` and was cut (`MSG_TRUNC`).
    pub truncated: bool,
}

/// A [`PacketSocket`] registered with a runtime's reactor `R`: typed `recv_from`/`send_to` as
/// async functions, received frames as a `Stream` ([`frames`](Self::frames)) and frames to
/// send as a `Sink` ([`sink`](Self::sink)). Use the runtime aliases
/// [`crate::tokio::AsyncPacketSocket`] / [`crate::async_io::AsyncPacketSocket`].
pub struct AsyncPacketSocket<R: Reactor<PacketSocket>>(Async<PacketSocket, R>);

impl<R: Reactor<PacketSocket>> AsyncPacketSocket<R> {
    /// Registers `sock` with the runtime (it becomes non-blocking). Fails outside a runtime.
    pub fn new(sock: PacketSocket) -> io::Result<Self> {
        Ok(AsyncPacketSocket(Async::new(sock)?))
    }

    /// [`PacketSocket::raw`]`(protocol)` (host order), registered.
    pub fn raw(protocol: u16) -> io::Result<Self> {
        Self::new(PacketSocket::raw(protocol)?)
    }

    /// [`PacketSocket::dgram`]`(protocol)` (host order), registered.
    pub fn dgram(protocol: u16) -> io::Result<Self> {
        Self::new(PacketSocket::dgram(protocol)?)
    }

    /// [`PacketSocket::bound`]`(ty, addr)`, registered.
    pub fn bound(ty: impl Into<Type>, addr: &PacketAddr) -> io::Result<Self> {
        Self::new(PacketSocket::bound(ty, addr)?)
    }

    /// The packet socket, for its options and synchronous methods (non-blocking now).
    pub fn get_ref(&self) -> &PacketSocket {
        self.0.get_ref()
    }

    /// The registration, for readiness, `try_io`, `async_io` and the plain socket operations.
    pub fn inner(&self) -> &Async<PacketSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    pub fn into_inner(self) -> io::Result<PacketSocket> {
        self.0.into_inner()
    }

    /// Receives one frame into `buf` and where it came from ([`PacketSocket::recv_from`]; a
    /// longer frame is cut).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing (the frame stays queued).
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        self.0.async_io(Interest::Read, |s| s.recv_from(buf)).await
    }

    /// [`recv_from`](Self::recv_from) without waiting: `WouldBlock` when nothing is queued.
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        self.get_ref().recv_from(buf)
    }

    /// Receives one frame with its `PACKET_AUXDATA` item ([`PacketSocket::recv_with_auxdata`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    pub async fn recv_with_auxdata(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr, Option<AuxData>)> {
        self.0.async_io(Interest::Read, |s| s.recv_with_auxdata(buf)).await
    }

    /// Sends `buf` to `addr` ([`PacketSocket::send_to`]); an interface given by name is
    /// looked up once, before waiting.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    pub async fn send_to(&self, buf: &[u8], addr: &PacketAddr) -> io::Result<usize> {
        let to = addr.encode_on(self.get_ref())?;
        self.0.async_io(Interest::Write, |s| s.socket().send_to_addr(buf, &to)).await
    }

    /// [`send_to`](Self::send_to) without waiting: `WouldBlock` when the queue is full.
    pub fn try_send_to(&self, buf: &[u8], addr: &PacketAddr) -> io::Result<usize> {
        self.get_ref().send_to(buf, addr)
    }

    /// The stream of received frames, each cut to `max_len` bytes (flagged
    /// [`Frame::truncated`]); 65 536 holds any frame of a usual MTU, with GRO aggregates. It
    /// never ends; errors are items (the stream goes on after them). One buffer of `max_len`
    /// bytes is allocated per stream, and one `Vec` of the frame's length per frame.
    ///
    /// # Cancel safety
    ///
    /// A dropped `next()` loses nothing: a frame is taken from the socket only when an item
    /// is returned.
    pub fn frames(&self, max_len: usize) -> Frames<'_, R> {
        Frames { sock: self, buf: vec![0; max_len] }
    }

    /// A `Sink` of `(frame, destination)` pairs over this socket ([`FrameSink`]).
    pub fn sink<B: AsRef<[u8]> + Unpin>(&self) -> FrameSink<'_, R, B> {
        FrameSink { sock: self, pending: None }
    }
}

/// Received frames as a `futures_core::Stream` of `io::Result<Frame>`:
/// [`AsyncPacketSocket::frames`]. Never ends.
pub struct Frames<'a, R: Reactor<PacketSocket>> {
    sock: &'a AsyncPacketSocket<R>,
    buf: Vec<u8>,
}

impl<R: Reactor<PacketSocket>> Frames<'_, R> {
    /// The next frame (the `Stream`'s `next` without an extension trait); never `None`.
    /// Cancel safe.
    pub async fn next(&mut self) -> Option<io::Result<Frame>> {
        poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl<R: Reactor<PacketSocket>> Stream for Frames<'_, R> {
    type Item = io::Result<Frame>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        let buf = &mut this.buf;
        let got = ready!(this.sock.0.poll_io(cx, Interest::Read, |s| s.socket().recv_msg(
            &mut [IoSliceMut::new(buf)],
            &mut [],
            0
        )));
        let item = got.and_then(|got| {
            let data = this.buf.get(..got.bytes).unwrap_or(&this.buf).to_vec();
            Ok(Frame { data, from: PacketAddr::decode(&got.addr)?, truncated: got.is_truncated() })
        });
        Poll::Ready(Some(item))
    }
}

/// A `futures_sink::Sink` of `(frame, destination)` pairs: [`AsyncPacketSocket::sink`]. Each
/// item is sent with one `sendto` when the socket has room; the sink holds at most one item
/// (the one given to `start_send` until it is sent), so `poll_ready` waits for the previous
/// item to leave, and `poll_flush`/`poll_close` for the last one.
///
/// A failed send is reported by the `poll_ready`/`poll_flush` that tried it, and the item
/// is dropped.
pub struct FrameSink<'a, R: Reactor<PacketSocket>, B> {
    sock: &'a AsyncPacketSocket<R>,
    pending: Option<(B, PacketAddr)>,
}

impl<R: Reactor<PacketSocket>, B: AsRef<[u8]> + Unpin> Sink<(B, PacketAddr)> for FrameSink<'_, R, B> {
    type Error = io::Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.poll_flush(cx)
    }

    fn start_send(self: Pin<&mut Self>, item: (B, PacketAddr)) -> io::Result<()> {
        let this = self.get_mut();
        if this.pending.is_some() {
            return Err(io::Error::new(io::ErrorKind::InvalidInput, "start_send: call poll_ready first"));
        }
        this.pending = Some(item);
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let Some((frame, to)) = &this.pending else {
            return Poll::Ready(Ok(()));
        };
        let sent = ready!(this.sock.0.poll_io(cx, Interest::Write, |s| s.send_to(frame.as_ref(), to)));
        this.pending = None;
        Poll::Ready(sent.map(drop))
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.poll_flush(cx)
    }
}

impl<R: Reactor<PacketSocket>> std::fmt::Debug for AsyncPacketSocket<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("AsyncPacketSocket").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<PacketSocket>> std::fmt::Debug for Frames<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Frames").field("sock", self.sock).field("max_len", &self.buf.len()).finish()
    }
}

impl<R: Reactor<PacketSocket>, B> std::fmt::Debug for FrameSink<'_, R, B> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FrameSink").field("sock", self.sock).field("pending", &self.pending.is_some()).finish()
    }
}
