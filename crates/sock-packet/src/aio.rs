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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
/// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e8); // an unused ethertype
/// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
/// sock.send_to(b"longer than four", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
/// let frame = sock.frames(4).next().await.unwrap()?;
/// assert_eq!((&frame.data[..], frame.truncated, frame.from.protocol), (&b"long"[..], true, 0xb7e8));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
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
///
/// ```
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use sock::packet::{async_io::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
///     let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e0); // an unused ethertype
///     let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
///     sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
///     let mut buf = [0u8; 64];
///     let (n, from) = sock.recv_from(&mut buf).await?;
///     assert_eq!((&buf[..n], from.protocol), (&b"ping"[..], 0xb7e0));
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncPacketSocket<R: Reactor<PacketSocket>>(Async<PacketSocket, R>);

impl<R: Reactor<PacketSocket>> AsyncPacketSocket<R> {
    /// Registers `sock` with the runtime (it becomes non-blocking). Fails outside a runtime.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, PacketSocket};
    /// let sock = AsyncPacketSocket::new(PacketSocket::raw(0)?)?;
    /// assert_eq!(sock.get_ref().as_ref().mode(), sock::Mode::NonBlocking);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: PacketSocket) -> io::Result<Self> {
        Ok(AsyncPacketSocket(Async::new(sock)?))
    }

    /// [`PacketSocket::raw`]`(protocol)` (host order), registered.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let sock = sock::packet::tokio::AsyncPacketSocket::raw(sock::packet::ETH_P_ALL)?;
    /// assert_eq!(sock.inner().socket().ty(), sock::Type::RAW);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn raw(protocol: u16) -> io::Result<Self> {
        Self::new(PacketSocket::raw(protocol)?)
    }

    /// [`PacketSocket::dgram`]`(protocol)` (host order), registered.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let sock = sock::packet::tokio::AsyncPacketSocket::dgram(sock::packet::ETH_P_802_EX1)?;
    /// assert_eq!(sock.inner().socket().ty(), sock::Type::DGRAM);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn dgram(protocol: u16) -> io::Result<Self> {
        Self::new(PacketSocket::dgram(protocol)?)
    }

    /// [`PacketSocket::bound`]`(ty, addr)`, registered.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, IfName, PacketAddr, ETH_P_802_EX1};
    /// let lo = PacketAddr::new(IfName::new("lo")?, ETH_P_802_EX1);
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// assert_eq!(sock.get_ref().local_addr()?.with_name(sock.get_ref())?.interface, lo.interface);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound(ty: impl Into<Type>, addr: &PacketAddr) -> io::Result<Self> {
        Self::new(PacketSocket::bound(ty, addr)?)
    }

    /// The packet socket, for its options and synchronous methods (non-blocking now).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let sock = sock::packet::tokio::AsyncPacketSocket::raw(0)?;
    /// sock.get_ref().set_auxdata(true)?; // options are synchronous
    /// assert!(sock.get_ref().auxdata()?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &PacketSocket {
        self.0.get_ref()
    }

    /// The registration, for readiness, `try_io`, `async_io` and the plain socket operations.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let sock = sock::packet::tokio::AsyncPacketSocket::raw(0)?;
    /// sock.inner().writable().await?; // an idle socket has room
    /// assert_eq!(sock.inner().socket().family(), sock::Family::PACKET);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<PacketSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// let sock = sock::packet::tokio::AsyncPacketSocket::raw(0)?;
    /// let sock: sock::packet::PacketSocket = sock.into_inner()?; // deregistered
    /// assert!(!sock.as_ref().blocking()); // still non-blocking: set_blocking(true) for blocking calls
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<PacketSocket> {
        self.0.into_inner()
    }

    /// Receives one frame into `buf` and where it came from ([`PacketSocket::recv_from`]; a
    /// longer frame is cut).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing (the frame stays queued).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr, PACKET_HOST};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e1); // an unused ethertype
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
    /// let mut buf = [0u8; 64];
    /// let (n, from) = sock.recv_from(&mut buf).await?;
    /// assert_eq!((&buf[..n], from.pkttype), (&b"ping"[..], PACKET_HOST));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        self.0.async_io(Interest::Read, |s| s.recv_from(buf)).await
    }

    /// [`recv_from`](Self::recv_from) without waiting: `WouldBlock` when nothing is queued.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e2); // an unused ethertype
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// let mut buf = [0u8; 64];
    /// assert_eq!(sock.try_recv_from(&mut buf).unwrap_err().kind(), std::io::ErrorKind::WouldBlock);
    /// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
    /// sock.inner().readable().await?;
    /// assert_eq!(sock.try_recv_from(&mut buf)?.0, 4);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr)> {
        self.get_ref().recv_from(buf)
    }

    /// Receives one frame with its `PACKET_AUXDATA` item ([`PacketSocket::recv_with_auxdata`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e3); // an unused ethertype
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// sock.get_ref().set_auxdata(true)?;
    /// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
    /// let (n, _from, aux) = sock.recv_with_auxdata(&mut [0u8; 64]).await?;
    /// assert_eq!((n, aux.map(|a| a.len)), (4, Some(4)));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv_with_auxdata(&self, buf: &mut [u8]) -> io::Result<(usize, PacketAddr, Option<AuxData>)> {
        self.0.async_io(Interest::Read, |s| s.recv_with_auxdata(buf)).await
    }

    /// Sends `buf` to `addr` ([`PacketSocket::send_to`]); an interface given by name is
    /// looked up once, before waiting.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let sock = AsyncPacketSocket::dgram(0xb7e4)?; // an unused ethertype
    /// // `lo` by name: looked up once, on this socket
    /// let to = PacketAddr::new(IfName::new("lo")?, 0xb7e4).with_hwaddr(HwAddr::ether([0; 6]));
    /// assert_eq!(sock.send_to(b"hello, link", &to).await?, 11);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send_to(&self, buf: &[u8], addr: &PacketAddr) -> io::Result<usize> {
        let to = addr.encode_on(self.get_ref())?;
        self.0.async_io(Interest::Write, |s| s.socket().send_to_addr(buf, &to)).await
    }

    /// [`send_to`](Self::send_to) without waiting: `WouldBlock` when the queue is full.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let sock = AsyncPacketSocket::dgram(0xb7e5)?; // an unused ethertype
    /// let to = PacketAddr::new(IfName::new("lo")?, 0xb7e5).with_hwaddr(HwAddr::ether([0; 6]));
    /// sock.inner().writable().await?;
    /// assert_eq!(sock.try_send_to(b"now or WouldBlock", &to)?, 17);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e6); // an unused ethertype
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// for payload in [&b"one"[..], b"two"] {
    ///     sock.send_to(payload, &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
    /// }
    /// let mut frames = sock.frames(65536);
    /// assert_eq!(frames.next().await.unwrap()?.data, b"one");
    /// assert_eq!(frames.next().await.unwrap()?.data, b"two");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn frames(&self, max_len: usize) -> Frames<'_, R> {
        Frames { sock: self, buf: vec![0; max_len] }
    }

    /// A `Sink` of `(frame, destination)` pairs over this socket ([`FrameSink`]).
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::{future::poll_fn, pin::Pin};
    /// use futures_sink::Sink; // `SinkExt::send` of the futures crate does these three steps
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e7).with_hwaddr(HwAddr::ether([0; 6]));
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// let mut sink = sock.sink();
    /// poll_fn(|cx| Pin::new(&mut sink).poll_ready(cx)).await?;
    /// Pin::new(&mut sink).start_send((b"via the sink", lo))?;
    /// poll_fn(|cx| Pin::new(&mut sink).poll_flush(cx)).await?;
    /// assert_eq!(sock.recv_from(&mut [0u8; 64]).await?.0, 12);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn sink<B: AsRef<[u8]> + Unpin>(&self) -> FrameSink<'_, R, B> {
        FrameSink { sock: self, pending: None }
    }
}

/// Received frames as a `futures_core::Stream` of `io::Result<Frame>`:
/// [`AsyncPacketSocket::frames`]. Never ends.
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
/// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7e9); // an unused ethertype
/// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
/// let mut frames = sock.frames(2048); // a `futures_core::Stream`; `next` needs no extension trait
/// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
/// let frame = frames.next().await.unwrap()?;
/// assert_eq!((&frame.data[..], frame.truncated), (&b"ping"[..], false));
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct Frames<'a, R: Reactor<PacketSocket>> {
    sock: &'a AsyncPacketSocket<R>,
    buf: Vec<u8>,
}

impl<R: Reactor<PacketSocket>> Frames<'_, R> {
    /// The next frame (the `Stream`'s `next` without an extension trait); never `None`.
    /// Cancel safe.
    ///
    /// ```
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
    /// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7ea); // an unused ethertype
    /// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
    /// sock.send_to(b"ping", &lo.with_hwaddr(HwAddr::ether([0; 6]))).await?;
    /// let mut frames = sock.frames(2048);
    /// assert!(matches!(frames.next().await, Some(Ok(f)) if f.data == b"ping"));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
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
///
/// ```
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::{future::poll_fn, pin::Pin};
/// use futures_sink::Sink;
/// use sock::packet::{tokio::AsyncPacketSocket, HwAddr, IfName, PacketAddr};
/// let lo = PacketAddr::new(IfName::new("lo")?, 0xb7eb).with_hwaddr(HwAddr::ether([0; 6]));
/// let sock = AsyncPacketSocket::bound(sock::Type::DGRAM, &lo)?;
/// let mut sink = sock.sink::<Vec<u8>>();
/// for i in 0..3u8 {
///     poll_fn(|cx| Pin::new(&mut sink).poll_ready(cx)).await?; // the previous frame left
///     Pin::new(&mut sink).start_send((vec![i; 8], lo))?;
/// }
/// poll_fn(|cx| Pin::new(&mut sink).poll_close(cx)).await?;
/// let mut frames = sock.frames(64);
/// for i in 0..3u8 {
///     assert_eq!(frames.next().await.unwrap()?.data, [i; 8]);
/// }
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
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
