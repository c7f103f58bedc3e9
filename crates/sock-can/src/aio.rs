//! The async CAN sockets, generic over the runtime's reactor `R` (see the crate's "Async"
//! section). Use them through the runtime aliases: [`crate::tokio`] (feature `tokio`) and
//! [`crate::async_io`] (feature `async-io`).
//!
//! Each type wraps [`Async<T, R>`](sock_core::aio::Async) (reach it with `inner()` for
//! readiness, `try_io` and `async_io`) and adds the typed operations of its protocol. Every
//! operation is one non-blocking syscall tried on readiness: dropping its future before it
//! completes loses nothing that was received (each method's "Cancel safety" says so).

use std::fmt;
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use sock_core::aio::{Async, Interest, Reactor};
use sock_core::{RecvBatch, SendBatch, ToSockAddr};

use crate::{BcmMsg, BcmSocket, CanSocket, Frame, FrameMeta, IsoTpSocket, J1939Recv, J1939Report, J1939Socket};

/// The traits the async sockets implement, re-exported so callers can name them without a
/// dependency of their own: `futures_core::Stream` (received frames and messages) and
/// `futures_sink::Sink` (frames to send).
pub use futures_core::Stream;
pub use futures_sink::Sink;

/// An async `CAN_RAW` socket: [`CanSocket`] registered with reactor `R`.
///
/// It is a [`Stream`] of received frames (`io::Result<Frame>`: a frame that does not decode is
/// an `Err` item and the stream goes on; it never ends) and a [`Sink`] of frames to send.
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use std::pin::Pin;
/// use sock::can::{aio::Stream, tokio::AsyncCanSocket};
/// let mut can = AsyncCanSocket::bound(("vcan0",))?;
/// // What `StreamExt::next` (futures, tokio-stream) does:
/// let next = std::future::poll_fn(|cx| Pin::new(&mut can).poll_next(cx)).await;
/// let frame = next.expect("a frame stream never ends")?;
/// println!("{frame}");
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct AsyncCanSocket<R: Reactor<CanSocket>> {
    io: Async<CanSocket, R>,
    /// The frame the [`Sink`] took and has not written yet.
    pending: Option<Frame>,
}

impl<R: Reactor<CanSocket>> fmt::Debug for AsyncCanSocket<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AsyncCanSocket").field("socket", self.io.get_ref()).field("pending", &self.pending).finish()
    }
}

impl<R: Reactor<CanSocket>> AsyncCanSocket<R> {
    /// Registers `sock` (made non-blocking) with the runtime. Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncCanSocket, CanSocket};
    /// let sync = CanSocket::new()?;
    /// sync.set_fd_frames(true)?; // options first, then bind and register
    /// sync.bind(("vcan0",))?;
    /// let can = AsyncCanSocket::new(sync)?;
    /// assert!(can.get_ref().fd_frames()?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: CanSocket) -> io::Result<Self> {
        Ok(AsyncCanSocket { io: Async::new(sock)?, pending: None })
    }

    /// A `CAN_RAW` socket bound to `iface` (`("vcan0",)` ...), registered
    /// ([`CanSocket::bound`]).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// can.write_frame(&"123#01".parse()?).await?;
    /// let e = AsyncCanSocket::bound(("vcan9",)).unwrap_err();
    /// assert_eq!(e.to_string(), "bind vcan9: no such interface (ENODEV)");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound<M>(iface: impl ToSockAddr<M>) -> io::Result<Self> {
        Self::new(CanSocket::bound(iface)?)
    }

    /// The socket, for its options and synchronous (non-blocking) methods.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncCanSocket, CanFilter};
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// can.get_ref().set_filters(&[CanFilter::new(0x100, 0x700)])?; // 0x100..=0x1FF only
    /// assert_eq!(can.get_ref().filters()?, [CanFilter::new(0x100, 0x700)]);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &CanSocket {
        self.io.get_ref()
    }

    /// The [`Async`] underneath: readiness, `try_io`, `async_io` for any other method.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::os::fd::AsRawFd;
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// assert_eq!(can.inner().as_raw_fd(), can.get_ref().as_raw_fd()); // one socket
    /// can.inner().readable().await?; // wait for a frame without taking it
    /// println!("{}", can.read_frame().await?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<CanSocket, R> {
        &self.io
    }

    /// Deregisters and gives the socket back (still non-blocking). A frame the [`Sink`] took
    /// and did not write yet is dropped: flush first.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// let sync = can.into_inner()?; // deregistered, still non-blocking
    /// let e = sync.read_frame().unwrap_err(); // on a quiet bus: nothing queued
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<CanSocket> {
        self.io.into_inner()
    }

    /// Reads one frame ([`CanSocket::read_frame`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future read nothing; the frame stays queued for the next read.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncCanSocket, Frame};
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// can.get_ref().set_recv_own_msgs(true)?;
    /// let sent: Frame = "123#C0FFEE".parse()?;
    /// can.write_frame(&sent).await?;
    /// assert_eq!(can.read_frame().await?, sent); // our own frame, looped back
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn read_frame(&self) -> io::Result<Frame> {
        self.io.async_io(Interest::Read, CanSocket::read_frame).await
    }

    /// Reads one frame and the index of its interface ([`CanSocket::read_frame_from`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as [`read_frame`](Self::read_frame).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use std::time::Duration;
    /// use sock::can::{interface_from_index, tokio::AsyncCanSocket};
    /// let can = AsyncCanSocket::bound(("",))?; // every CAN interface
    /// if let Ok(got) = tokio::time::timeout(Duration::from_secs(1), can.read_frame_from()).await {
    ///     let (frame, ifindex) = got?;
    ///     assert_ne!(ifindex, 0); // the interface it came from
    ///     println!("{frame} on {}", interface_from_index(ifindex));
    /// } // else nothing came in a second (and nothing was lost)
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn read_frame_from(&self) -> io::Result<(Frame, u32)> {
        self.io.async_io(Interest::Read, CanSocket::read_frame_from).await
    }

    /// Reads one frame with its [`FrameMeta`] ([`CanSocket::read_frame_meta`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as [`read_frame`](Self::read_frame).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// can.get_ref().set_timestamp(true)?;
    /// let (frame, meta) = can.read_frame_meta().await?;
    /// assert!(meta.timestamp.is_some());
    /// println!("{frame} at {:?}", meta.timestamp);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn read_frame_meta(&self) -> io::Result<(Frame, FrameMeta)> {
        self.io.async_io(Interest::Read, CanSocket::read_frame_meta).await
    }

    /// Reads one frame if one is queued, without waiting: `WouldBlock` otherwise.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// match can.try_read_frame() {
    ///     Ok(frame) => println!("{frame}"),
    ///     Err(e) => assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock), // nothing queued: no wait
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_read_frame(&self) -> io::Result<Frame> {
        self.io.try_io(CanSocket::read_frame)
    }

    /// Reads up to `batch.capacity()` frames with one `recvmmsg(2)` once the first is there
    /// ([`CanSocket::read_frames`]; make the batch with [`CanSocket::frame_batch`]). Returns
    /// the frames with the index of the interface each came from.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future read nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// let mut batch = can.get_ref().frame_batch(64)?;
    /// let frames = can.read_frames(&mut batch).await?;
    /// assert!((1..=64).contains(&frames.len())); // the first frame, then what else was queued
    /// for item in frames {
    ///     let (frame, ifindex) = item?;
    ///     println!("#{ifindex} {frame}");
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn read_frames<'b>(
        &self,
        batch: &'b mut RecvBatch,
    ) -> io::Result<impl ExactSizeIterator<Item = io::Result<(Frame, u32)>> + 'b> {
        self.io.async_io(Interest::Read, |s| s.as_ref().recv_many(batch, 0)).await?;
        Ok(batch.iter().map(|m| Ok((Frame::from_bytes(m.data)?, crate::raw::ifindex_of(m.addr)))))
    }

    /// Writes one frame ([`CanSocket::write_frame`]), waiting for room in the send buffer.
    ///
    /// A real CAN interface whose transmit queue is full answers `ENOBUFS` (not `EAGAIN`):
    /// that comes back as an error, as in the synchronous API.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future wrote nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// match can.write_frame(&"123#DEADBEEF".parse()?).await {
    ///     Err(e) if sock::errno(&e) == Some(libc::ENOBUFS) => println!("TX queue full: try later"),
    ///     done => done?,
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn write_frame(&self, frame: &Frame) -> io::Result<()> {
        self.io.async_io(Interest::Write, |s| s.write_frame(frame)).await
    }

    /// Writes one frame now or answers `WouldBlock`.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncCanSocket;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// if let Err(e) = can.try_write_frame(&"123#01".parse()?) {
    ///     assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock); // no room now: nothing was sent
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_write_frame(&self, frame: &Frame) -> io::Result<()> {
        self.io.try_io(|s| s.write_frame(frame))
    }

    /// Writes many frames with one `sendmmsg(2)` ([`CanSocket::write_frames`]); returns how
    /// many went out.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future wrote none.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncCanSocket, CanId, ClassicFrame};
    /// use sock::SendBatch;
    /// let can = AsyncCanSocket::bound(("vcan0",))?;
    /// let frames = (0..8u8).map(|i| ClassicFrame::new(CanId::Standard(0x100), &[i])).collect::<Result<Vec<_>, _>>()?;
    /// let sent = can.write_frames(&frames, &mut SendBatch::new()).await?;
    /// assert!((1..=8).contains(&sent)); // fewer than 8: send the rest again
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn write_frames<F: AsRef<[u8]>>(&self, frames: &[F], batch: &mut SendBatch) -> io::Result<usize> {
        self.io.async_io(Interest::Write, |s| s.write_frames(frames, batch)).await
    }

    /// Writes the frame the [`Sink`] holds, if any.
    fn poll_pending(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let Some(frame) = &self.pending else { return Poll::Ready(Ok(())) };
        let done = std::task::ready!(self.io.poll_io(cx, Interest::Write, |s| s.write_frame(frame)));
        // Written or failed: either way the frame is gone (a failed one with its error).
        self.pending = None;
        Poll::Ready(done)
    }
}

impl<R: Reactor<CanSocket> + Unpin> Stream for AsyncCanSocket<R> {
    type Item = io::Result<Frame>;

    /// The next frame, as [`read_frame`](AsyncCanSocket::read_frame). Cancel safe.
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.io.poll_io(cx, Interest::Read, CanSocket::read_frame).map(Some)
    }
}

/// Frames to send, one `write(2)` each. `start_send` keeps the one frame (no other buffer);
/// `poll_ready`, `poll_flush` and `poll_close` write it. A frame whose write fails is dropped
/// and its error returned. Closing does not shut the socket down (CAN has no such thing).
impl<R: Reactor<CanSocket> + Unpin> Sink<Frame> for AsyncCanSocket<R> {
    type Error = io::Error;

    fn poll_ready(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_pending(cx)
    }

    fn start_send(self: Pin<&mut Self>, frame: Frame) -> io::Result<()> {
        let this = self.get_mut();
        if this.pending.is_some() {
            return Err(io::Error::other("Sink::start_send without poll_ready: a frame is still pending"));
        }
        this.pending = Some(frame);
        Ok(())
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_pending(cx)
    }

    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        self.get_mut().poll_pending(cx)
    }
}

/// An async `CAN_BCM` socket: [`BcmSocket`] registered with reactor `R`. It is a [`Stream`]
/// of the broadcast manager's notifications (`TX_EXPIRED`, `RX_CHANGED`, `RX_TIMEOUT` ...,
/// never ending).
///
/// ```no_run
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use std::time::Duration;
///     use sock::can::{async_io::AsyncBcmSocket, BcmMsg, BcmOpcode, CanId};
///     let bcm = AsyncBcmSocket::connected(("vcan0",))?;
///     // Tell us when 0x123 changes, or stops coming for 100 ms.
///     let watch = BcmMsg::new(BcmOpcode::RxSetup, CanId::new(0x123)?);
///     bcm.send(&watch.with_timers(0, Duration::from_millis(100), Duration::ZERO)).await?;
///     let note = bcm.recv().await?;
///     assert!(matches!(note.opcode, BcmOpcode::RxChanged | BcmOpcode::RxTimeout));
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncBcmSocket<R: Reactor<BcmSocket>>(Async<BcmSocket, R>);

impl<R: Reactor<BcmSocket>> fmt::Debug for AsyncBcmSocket<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AsyncBcmSocket").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<BcmSocket>> AsyncBcmSocket<R> {
    /// Registers `sock` (made non-blocking) with the runtime. Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "async-io")]
    /// # fn main() -> std::io::Result<()> {
    /// async_io::block_on(async {
    ///     use sock::can::{async_io::AsyncBcmSocket, BcmSocket};
    ///     let bcm = AsyncBcmSocket::new(BcmSocket::connected(("vcan0",))?)?;
    ///     assert!(!bcm.get_ref().as_ref().blocking()); // registered: non-blocking
    ///     Ok::<(), std::io::Error>(())
    /// })
    /// # }
    /// # #[cfg(not(feature = "async-io"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: BcmSocket) -> io::Result<Self> {
        Ok(AsyncBcmSocket(Async::new(sock)?))
    }

    /// A `CAN_BCM` socket connected to `iface`, registered ([`BcmSocket::connected`]).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncBcmSocket;
    /// let _bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// let e = AsyncBcmSocket::connected(("vcan9",)).unwrap_err();
    /// assert_eq!(e.to_string(), "connect vcan9: no such interface (ENODEV)");
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn connected<M>(iface: impl ToSockAddr<M>) -> io::Result<Self> {
        Self::new(BcmSocket::connected(iface)?)
    }

    /// The socket.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncBcmSocket;
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// assert_eq!(bcm.get_ref().as_ref().protocol(), sock::Protocol(sock::can::CAN_BCM));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &BcmSocket {
        self.0.get_ref()
    }

    /// The [`Async`] underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncBcmSocket;
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// assert!(!bcm.inner().socket().blocking()); // the plain Socket, non-blocking
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<BcmSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncBcmSocket;
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// let sync = bcm.into_inner()?; // deregistered, still non-blocking
    /// assert_eq!(sync.recv().unwrap_err().kind(), std::io::ErrorKind::WouldBlock); // no task: no news
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<BcmSocket> {
        self.0.into_inner()
    }

    /// Sends one message ([`BcmSocket::send`]); the message is encoded once.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncBcmSocket, BcmMsg, BcmOpcode, CanId, ClassicFrame, BCM_HEAD_SIZE};
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// let id = CanId::new(0x123)?;
    /// let once = BcmMsg::new(BcmOpcode::TxSend, id).with_frames(ClassicFrame::new(id, &[1])?);
    /// assert_eq!(bcm.send(&once).await?, BCM_HEAD_SIZE + 16);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send(&self, msg: &BcmMsg) -> io::Result<usize> {
        let bytes = msg.encode()?;
        self.0.send(&bytes).await
    }

    /// Sends one message to interface `addr` ([`BcmSocket::send_to`]). Cancel safe.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncBcmSocket, BcmMsg, BcmOpcode, CanId, ClassicFrame, BCM_HEAD_SIZE};
    /// let bcm = AsyncBcmSocket::connected(("",))?; // every interface
    /// let id = CanId::new(0x123)?;
    /// let once = BcmMsg::new(BcmOpcode::TxSend, id).with_frames(ClassicFrame::new(id, &[1])?);
    /// assert_eq!(bcm.send_to(&once, ("vcan0",)).await?, BCM_HEAD_SIZE + 16);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send_to<M>(&self, msg: &BcmMsg, addr: impl ToSockAddr<M>) -> io::Result<usize> {
        let bytes = msg.encode()?;
        self.0.send_to(&bytes, addr).await
    }

    /// Receives one notification ([`BcmSocket::recv`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncBcmSocket, BcmMsg, BcmOpcode, CanId, CAN_BCM_RX_FILTER_ID};
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// let id = CanId::new(0x123)?;
    /// bcm.send(&BcmMsg::new(BcmOpcode::RxSetup, id).with_flags(CAN_BCM_RX_FILTER_ID)).await?;
    /// let note = bcm.recv().await?; // the first 0x123 frame, then each change
    /// assert_eq!((note.opcode, note.id()), (BcmOpcode::RxChanged, id));
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv(&self) -> io::Result<BcmMsg> {
        self.0.async_io(Interest::Read, BcmSocket::recv).await
    }

    /// Receives one notification if one is queued: `WouldBlock` otherwise.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncBcmSocket;
    /// let bcm = AsyncBcmSocket::connected(("vcan0",))?;
    /// let e = bcm.try_recv().unwrap_err(); // nothing set up, nothing to report
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_recv(&self) -> io::Result<BcmMsg> {
        self.0.try_io(BcmSocket::recv)
    }
}

impl<R: Reactor<BcmSocket> + Unpin> Stream for AsyncBcmSocket<R> {
    type Item = io::Result<BcmMsg>;

    /// The next notification, as [`recv`](AsyncBcmSocket::recv). Cancel safe.
    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_io(cx, Interest::Read, BcmSocket::recv).map(Some)
    }
}

/// An async `CAN_ISOTP` socket: [`IsoTpSocket`] registered with reactor `R`; sends and
/// receives whole PDUs.
///
/// ```no_run
/// # #[cfg(feature = "tokio")]
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> std::io::Result<()> {
/// use sock::can::tokio::AsyncIsoTpSocket;
/// let tester = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
/// let ecu = AsyncIsoTpSocket::bound(("vcan0", 0x7e0, 0x7e8))?;
/// tester.send(&[0x10, 0x03]).await?; // UDS DiagnosticSessionControl
/// assert_eq!(ecu.recv_vec().await?, [0x10, 0x03]);
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "tokio"))]
/// # fn main() {}
/// ```
pub struct AsyncIsoTpSocket<R: Reactor<IsoTpSocket>>(Async<IsoTpSocket, R>);

impl<R: Reactor<IsoTpSocket>> fmt::Debug for AsyncIsoTpSocket<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AsyncIsoTpSocket").field(self.0.get_ref()).finish()
    }
}

impl<R: Reactor<IsoTpSocket>> AsyncIsoTpSocket<R> {
    /// Registers `sock` (made non-blocking) with the runtime. Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncIsoTpSocket, IsoTpLlOptions, IsoTpSocket};
    /// let sync = IsoTpSocket::new()?;
    /// sync.set_ll_opts(&IsoTpLlOptions::can_fd(64)?)?; // options before bind
    /// sync.bind(("vcan0", 0x7e8, 0x7e0))?;
    /// let s = AsyncIsoTpSocket::new(sync)?;
    /// assert_eq!(s.get_ref().ll_opts()?.tx_dl(), 64);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: IsoTpSocket) -> io::Result<Self> {
        Ok(AsyncIsoTpSocket(Async::new(sock)?))
    }

    /// An ISO-TP socket bound to `addr` (`("vcan0", rx, tx)` or an
    /// [`IsoTpAddr`](crate::IsoTpAddr)), registered ([`IsoTpSocket::bound`]). Set options
    /// (which must precede `bind`) on an [`IsoTpSocket`] and use [`new`](Self::new).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncIsoTpSocket, IsoTpAddr};
    /// let s = AsyncIsoTpSocket::bound(IsoTpAddr::new("vcan0", 0x7e8, 0x7e0)?)?;
    /// assert_eq!(s.send(&[0x3e, 0x00]).await?, 2);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound<M>(addr: impl ToSockAddr<M>) -> io::Result<Self> {
        Self::new(IsoTpSocket::bound(addr)?)
    }

    /// The socket.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncIsoTpSocket, IsoTpOptions};
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// assert_eq!(s.get_ref().opts()?, IsoTpOptions::default());
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &IsoTpSocket {
        self.0.get_ref()
    }

    /// The [`Async`] underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// s.inner().readable().await?; // a whole PDU is there
    /// let mut buf = [0u8; 4095];
    /// assert!(s.recv(&mut buf).await? > 0);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<IsoTpSocket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// let sync = s.into_inner()?; // deregistered, still non-blocking
    /// let e = sync.recv(&mut [0u8; 64]).unwrap_err(); // nothing received yet
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<IsoTpSocket> {
        self.0.into_inner()
    }

    /// Sends one PDU ([`IsoTpSocket::send`]), waiting while a previous transfer is under way.
    /// A non-blocking ISO-TP send returns once the kernel took the PDU, before the transfer
    /// ends.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// assert_eq!(s.send(&[0x55; 4095]).await?, 4095); // taken: the transfer goes on
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send(&self, pdu: &[u8]) -> io::Result<usize> {
        self.0.async_io(Interest::Write, |s| s.send(pdu)).await
    }

    /// Receives one PDU into `buf` ([`IsoTpSocket::recv`]; a longer PDU is truncated).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// s.send(&[0x22, 0xf1, 0x90]).await?; // UDS ReadDataByIdentifier: the VIN
    /// let mut buf = [0u8; 4095];
    /// let n = s.recv(&mut buf).await?;
    /// assert!(buf[..n].starts_with(&[0x62, 0xf1, 0x90])); // positive response
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.async_io(Interest::Read, |s| s.recv(buf)).await
    }

    /// Receives one PDU as an owned vector ([`IsoTpSocket::recv_vec`]). Cancel safe.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// s.send(&[0x3e, 0x00]).await?; // UDS TesterPresent
    /// assert_eq!(s.recv_vec().await?, [0x7e, 0x00]); // positive response
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv_vec(&self) -> io::Result<Vec<u8>> {
        self.0.async_io(Interest::Read, IsoTpSocket::recv_vec).await
    }

    /// Receives one PDU if one is queued: `WouldBlock` otherwise.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::tokio::AsyncIsoTpSocket;
    /// let s = AsyncIsoTpSocket::bound(("vcan0", 0x7e8, 0x7e0))?;
    /// let e = s.try_recv(&mut [0u8; 64]).unwrap_err(); // nothing received yet: no wait
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_recv(&self, buf: &mut [u8]) -> io::Result<usize> {
        self.0.try_io(|s| s.recv(buf))
    }
}

/// An async `CAN_J1939` socket: [`J1939Socket`] registered with reactor `R`, with its
/// transfer reports ([`recv_report`](AsyncJ1939Socket::recv_report)).
///
/// ```no_run
/// # #[cfg(feature = "async-io")]
/// # fn main() -> std::io::Result<()> {
/// async_io::block_on(async {
///     use sock::can::{async_io::AsyncJ1939Socket, J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
///     let rx = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x90))?;
///     let tx = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
///     tx.send_to(b"hello", J1939Addr::to(0x12300, 0x90)).await?;
///     let mut buf = [0u8; 8];
///     let got = rx.recv_from(&mut buf).await?;
///     assert_eq!((&buf[..got.len], got.source.addr), (&b"hello"[..], 0x80));
///     Ok::<(), std::io::Error>(())
/// })
/// # }
/// # #[cfg(not(feature = "async-io"))]
/// # fn main() {}
/// ```
pub struct AsyncJ1939Socket<R: ReportReactor>(Async<J1939Socket, R>, std::sync::OnceLock<R::Reports>);

impl<R: ReportReactor> fmt::Debug for AsyncJ1939Socket<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AsyncJ1939Socket").field(self.0.get_ref()).finish()
    }
}

impl<R: ReportReactor> AsyncJ1939Socket<R> {
    /// Registers `sock` (made non-blocking) with the runtime. Fails outside a runtime.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Socket, J1939_NO_ADDR, J1939_NO_NAME, J1939_NO_PGN};
    /// let sync = J1939Socket::new()?;
    /// sync.set_promisc(true)?; // options before bind
    /// sync.bind(("vcan0", J1939_NO_NAME, J1939_NO_PGN, J1939_NO_ADDR))?;
    /// let j = AsyncJ1939Socket::new(sync)?;
    /// assert!(j.get_ref().promisc()?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn new(sock: J1939Socket) -> io::Result<Self> {
        Ok(AsyncJ1939Socket(Async::new(sock)?, std::sync::OnceLock::new()))
    }

    /// A J1939 socket bound to `addr` (`("vcan0", name, pgn, addr)` or a
    /// [`J1939Addr`](crate::J1939Addr)), registered ([`J1939Socket::bound`]).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
    /// use sock::FamilyAddr;
    /// let j = AsyncJ1939Socket::bound(J1939Addr::new("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80)?)?;
    /// assert_eq!(J1939Addr::decode(&j.get_ref().as_ref().local_addr()?)?.addr, 0x80);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn bound<M>(addr: impl ToSockAddr<M>) -> io::Result<Self> {
        Self::new(J1939Socket::bound(addr)?)
    }

    /// The socket (options: promiscuous mode, filters, [`set_tx_reports`](J1939Socket::set_tx_reports) ...).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.get_ref().set_tx_reports(true)?;
    /// assert!(j.get_ref().errqueue()?);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn get_ref(&self) -> &J1939Socket {
        self.0.get_ref()
    }

    /// The [`Async`] underneath.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, CAN_J1939, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// assert_eq!(j.inner().socket().protocol(), sock::Protocol(CAN_J1939)); // the plain Socket
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn inner(&self) -> &Async<J1939Socket, R> {
        &self.0
    }

    /// Deregisters and gives the socket back (still non-blocking).
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// let sync = j.into_inner()?; // deregistered, still non-blocking
    /// let e = sync.recv(&mut [0u8; 8]).unwrap_err(); // nothing received yet
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn into_inner(self) -> io::Result<J1939Socket> {
        self.0.into_inner()
    }

    /// Sends `data` to the connected peer ([`J1939Socket::send`]). Cancel safe: a dropped
    /// future sent nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.get_ref().connect(J1939Addr::to(0x12300, 0x90))?;
    /// assert_eq!(j.send(b"hi").await?, 2);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send(&self, data: &[u8]) -> io::Result<usize> {
        self.0.async_io(Interest::Write, |s| s.send(data)).await
    }

    /// Sends `data` to `dest` ([`J1939Socket::send_to`]). Transport-protocol transfers
    /// (more than 8 bytes) go on after the send returns: their end is a report
    /// ([`recv_report`](Self::recv_report)).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future sent nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// // 100 bytes: a transport-protocol transfer that goes on after the send returns.
    /// assert_eq!(j.send_to(&[0; 100], J1939Addr::to(0x12300, 0x90)).await?, 100);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn send_to<M>(&self, data: &[u8], dest: impl ToSockAddr<M>) -> io::Result<usize> {
        let dest = dest.to_sock_addr(self.0.socket())?;
        self.0.async_io(Interest::Write, |s| s.as_ref().send_to_addr(data, &dest)).await
    }

    /// Receives one packet into `buf` with its source and destination details
    /// ([`J1939Socket::recv`]).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future received nothing.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Filter, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x90))?;
    /// j.get_ref().set_filters(&[J1939Filter::pgn(0x12300)])?;
    /// let mut buf = [0u8; 1785];
    /// let got = j.recv_from(&mut buf).await?;
    /// assert_eq!(got.source.pgn, 0x12300);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    #[doc(alias = "recv")]
    pub async fn recv_from(&self, buf: &mut [u8]) -> io::Result<J1939Recv> {
        self.0.async_io(Interest::Read, |s| s.recv(buf)).await
    }

    /// Receives one packet if one is queued: `WouldBlock` otherwise.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x90))?;
    /// let e = j.try_recv_from(&mut [0u8; 8]).unwrap_err(); // nothing received yet: no wait
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_recv_from(&self, buf: &mut [u8]) -> io::Result<J1939Recv> {
        self.0.try_io(|s| s.recv(buf))
    }

    /// Waits for the next transfer report of the error queue (`MSG_ERRQUEUE`, turn reports on
    /// with [`J1939Socket::set_tx_reports`]); `None` for a queued message without a J1939
    /// report.
    ///
    /// The error queue signals readiness as `POLLERR`, not `POLLIN`. async-io reports that as
    /// readable; tokio does not (its read readiness is `EPOLLIN` only, and `EPOLLERR` marks a
    /// writable socket "write closed" for good), so on tokio the first call registers a
    /// duplicate of the socket's fd with tokio's `Interest::ERROR` and waits on that.
    ///
    /// On async-io, a report left unread keeps the socket "readable" (the error queue is level
    /// triggered), so a task waiting in [`recv_from`](Self::recv_from) is woken for nothing
    /// until the report is read: with reports on, read them as they come.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a report is taken off the queue only by a future that completes.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939Addr, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.get_ref().set_tx_reports(true)?;
    /// j.send_to(&[0; 100], J1939Addr::to(0x12300, 0x90)).await?;
    /// loop {
    ///     let Some(report) = j.recv_report().await? else { continue };
    ///     assert!(!report.is_aborted(), "aborted: errno {}", report.errno);
    ///     if report.is_acked() { break; } // the peer took all 100 bytes
    /// }
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub async fn recv_report(&self) -> io::Result<Option<J1939Report>> {
        let reports = match self.1.get() {
            Some(r) => r,
            None => {
                let r = R::open_reports(&self.0)?;
                // A concurrent first call may have won: its registration is as good.
                let _ = self.1.set(r);
                self.1.get().ok_or_else(|| io::Error::other("J1939 report registration lost"))?
            }
        };
        R::recv_report(&self.0, reports).await
    }

    /// Takes the next report if one is queued: `WouldBlock` otherwise.
    ///
    /// ```no_run
    /// # #[cfg(feature = "tokio")]
    /// # #[tokio::main(flavor = "current_thread")]
    /// # async fn main() -> std::io::Result<()> {
    /// use sock::can::{tokio::AsyncJ1939Socket, J1939_NO_NAME, J1939_NO_PGN};
    /// let j = AsyncJ1939Socket::bound(("vcan0", J1939_NO_NAME, J1939_NO_PGN, 0x80))?;
    /// j.get_ref().set_tx_reports(true)?;
    /// let e = j.try_recv_report().unwrap_err(); // no transfer yet, so no report
    /// assert_eq!(e.kind(), std::io::ErrorKind::WouldBlock);
    /// # Ok(())
    /// # }
    /// # #[cfg(not(feature = "tokio"))]
    /// # fn main() {}
    /// ```
    pub fn try_recv_report(&self) -> io::Result<Option<J1939Report>> {
        self.0.try_io(J1939Socket::recv_report)
    }
}

mod sealed {
    pub trait Sealed {}
}

/// The reactors that can wait for J1939 error-queue reports: both of this crate's runtimes
/// (sealed). Users never call it.
pub trait ReportReactor: Reactor<J1939Socket> + sealed::Sealed {
    /// What waiting for reports needs besides the socket's registration.
    #[doc(hidden)]
    type Reports: Send + Sync;

    /// Sets up [`Self::Reports`] for `io`.
    #[doc(hidden)]
    fn open_reports(io: &Async<J1939Socket, Self>) -> io::Result<Self::Reports>;

    /// Waits for and takes one report.
    #[doc(hidden)]
    fn recv_report(
        io: &Async<J1939Socket, Self>,
        reports: &Self::Reports,
    ) -> impl std::future::Future<Output = io::Result<Option<J1939Report>>>;
}

#[cfg(feature = "async-io")]
impl sealed::Sealed for sock_core::async_io::Reactor<J1939Socket> {}

/// async-io reports `POLLERR` as readable: the report is a read.
#[cfg(feature = "async-io")]
impl ReportReactor for sock_core::async_io::Reactor<J1939Socket> {
    type Reports = ();

    fn open_reports(_: &Async<J1939Socket, Self>) -> io::Result<()> {
        Ok(())
    }

    async fn recv_report(io: &Async<J1939Socket, Self>, (): &()) -> io::Result<Option<J1939Report>> {
        io.async_io(Interest::Read, J1939Socket::recv_report).await
    }
}

#[cfg(feature = "tokio")]
impl sealed::Sealed for sock_core::tokio::Reactor<J1939Socket> {}

/// tokio sees `POLLERR` only through `Interest::ERROR`, which sock-core's reactor does not
/// ask for: a duplicate fd registered for it alone.
#[cfg(feature = "tokio")]
impl ReportReactor for sock_core::tokio::Reactor<J1939Socket> {
    type Reports = ::tokio::io::unix::AsyncFd<std::os::fd::OwnedFd>;

    fn open_reports(io: &Async<J1939Socket, Self>) -> io::Result<Self::Reports> {
        use std::os::fd::AsFd;
        let dup = io.as_fd().try_clone_to_owned()?;
        // Deprecated because a `T: AsRawFd` may close or change its fd while registered; an
        // `OwnedFd` owned by the `AsyncFd` cannot (the same reasoning as sock-core's reactor),
        // so the safe constructor is sound here and no `unsafe` is needed.
        #[allow(deprecated)]
        ::tokio::io::unix::AsyncFd::with_interest(dup, ::tokio::io::Interest::ERROR)
    }

    async fn recv_report(io: &Async<J1939Socket, Self>, reports: &Self::Reports) -> io::Result<Option<J1939Report>> {
        loop {
            // Try first: reports may be queued already (the registration only sees new ones).
            match io.try_io(J1939Socket::recv_report) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => {}
                done => return done,
            }
            let mut guard = reports.ready(::tokio::io::Interest::ERROR).await?;
            match io.try_io(J1939Socket::recv_report) {
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => guard.clear_ready(),
                done => return done,
            }
        }
    }
}
