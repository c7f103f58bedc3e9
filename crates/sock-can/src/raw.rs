//! [`CanSocket`]: a `CAN_RAW` socket that reads and writes classic, FD and XL frames.

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::SystemTime;

use sock_core::cmsg::CmsgIter;
use sock_core::{
    invalid_input, Family, MsgFlags, Protocol, ProtocolSocket, RecvBatch, SendBatch, SockAddr, Socket, SocketKind,
    ToSockAddr, Type,
};

use crate::attach::attach;

use crate::consts::*;
use crate::filter::CanFilter;
use crate::frame::{ClassicFrame, FdFrame, Frame, XlFrame};
use crate::options::*;

/// A buffer for one frame of any kind, aligned like the kernel structs.
#[repr(C, align(8))]
struct XlBuf([u8; CANXL_MTU]);

/// A buffer for a classic or FD frame (all a socket without XL frames receives).
#[repr(C, align(8))]
struct FdBuf([u8; CANFD_MTU]);

/// What came with a frame besides its bytes: [`CanSocket::read_frame_meta`] returns it.
///
/// ```no_run
/// let can = sock::can::CanSocket::bound(("vcan0",))?;
/// can.set_timestamp(true)?;
/// let (frame, meta) = can.read_frame_meta()?;
/// println!("{frame} on #{} at {:?} (own: {})", meta.ifindex, meta.timestamp, meta.own);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameMeta {
    /// The index of the interface the frame came from (turn it into a name with
    /// [`interface_from_index`](crate::interface_from_index)).
    pub ifindex: u32,
    /// The receive time (since the Unix epoch), if `SO_TIMESTAMP` or `SO_TIMESTAMPNS` is on.
    pub timestamp: Option<SystemTime>,
    /// `MSG_DONTROUTE`: the frame was sent from this host (local loopback).
    pub local: bool,
    /// `MSG_CONFIRM`: the frame was sent by this very socket (`CAN_RAW_RECV_OWN_MSGS`).
    pub own: bool,
}

/// A `CAN_RAW` socket: one socket type for classic, FD and XL frames; each read says which it
/// got. Options: filters (incl. inverted), error mask, loopback, own messages, FD/XL frames,
/// joined filters, receive timestamps.
///
/// ```no_run
/// use sock::can::{CanId, CanSocket, ClassicFrame, Frame};
/// let sock = CanSocket::bound(("vcan0",))?;
/// sock.write_frame(&ClassicFrame::new(CanId::new(0x123)?, &[1, 2, 3])?.into())?;
/// match sock.read_frame()? {
///     Frame::Classic(f) => println!("{f}"),
///     Frame::Fd(f) => println!("FD {f}"),
///     other => println!("{other}"),
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CanSocket {
    sock: Socket,
    /// Whether `CAN_RAW_XL_FRAMES` is on, so reads need room for XL frames (else 72 bytes do).
    xl: AtomicBool,
}

impl CanSocket {
    /// An unbound `CAN_RAW` socket (`socket(AF_CAN, SOCK_RAW, CAN_RAW)`); set filters and
    /// options, then [`bind`](CanSocket::bind). Without CAN support in the kernel this is
    /// `EAFNOSUPPORT` with a hint naming the module (`modprobe can-raw`).
    ///
    /// ```no_run
    /// use sock::can::{CanFilter, CanSocket};
    /// let can = CanSocket::new()?;
    /// can.set_filters(&[CanFilter::new(0x100, 0x700)])?;
    /// can.bind(("vcan0",))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<CanSocket> {
        let sock = Socket::new(Family::CAN, Type::RAW, Some(Protocol(CAN_RAW)))?;
        Ok(CanSocket { sock, xl: AtomicBool::new(false) })
    }

    /// A `CAN_RAW` socket bound to interface `iface`: `("vcan0",)`, `("",)` (every
    /// interface) or a [`CanAddr`](crate::CanAddr). An unknown interface is
    /// `bind vcan9: no such interface (ENODEV)`; one that is not CAN
    /// `bind lo: not a CAN interface (ENODEV)`.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// let e = sock::can::CanSocket::bound(("vcan9",)).unwrap_err();
    /// assert_eq!(e.to_string(), "bind vcan9: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bound<M>(iface: impl ToSockAddr<M>) -> io::Result<CanSocket> {
        let sock = CanSocket::new()?;
        sock.bind(iface)?;
        Ok(sock)
    }

    /// Binds to an interface (see [`CanSocket::bound`] for the forms and errors).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// can.bind(("",))?; // every CAN interface
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        attach(&self.sock, addr, false)
    }

    /// Writes one frame of any kind (one `send`).
    ///
    /// ```no_run
    /// use sock::can::{CanSocket, Frame};
    /// let can = CanSocket::bound(("vcan0",))?;
    /// can.write_frame(&"123#DEADBEEF".parse::<Frame>()?)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_frame(&self, frame: &Frame) -> io::Result<()> {
        self.send_whole(&frame.to_bytes())
    }

    /// Writes a classic frame (the 16 bytes of its struct, no copy).
    ///
    /// ```no_run
    /// use sock::can::{CanId, CanSocket, ClassicFrame};
    /// let can = CanSocket::bound(("vcan0",))?;
    /// can.write_classic(&ClassicFrame::new(CanId::new(0x123)?, &[1, 2])?)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn write_classic(&self, frame: &ClassicFrame) -> io::Result<()> {
        self.send_whole(frame.as_bytes())
    }

    /// Writes an FD frame (needs [`set_fd_frames`](CanSocket::set_fd_frames) and an
    /// interface with the CAN FD MTU).
    ///
    /// ```no_run
    /// use sock::can::{CanId, CanSocket, FdFrame};
    /// let can = CanSocket::bound(("vcan0",))?;
    /// can.set_fd_frames(true)?;
    /// can.write_fd(&FdFrame::new(CanId::new(0x123)?, &[7; 64])?.with_brs(true))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn write_fd(&self, frame: &FdFrame) -> io::Result<()> {
        self.send_whole(frame.as_bytes())
    }

    /// Writes an XL frame (needs [`set_xl_frames`](CanSocket::set_xl_frames) and an
    /// interface with a CAN XL MTU).
    ///
    /// ```no_run
    /// use sock::can::{CanSocket, XlFrame};
    /// let can = CanSocket::bound(("vcanxl0",))?;
    /// can.set_xl_frames(true)?;
    /// can.write_xl(&XlFrame::new(0x7ff, &[1; 100])?)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_xl(&self, frame: &XlFrame) -> io::Result<()> {
        self.send_whole(&frame.to_bytes())
    }

    /// Writes one frame to interface `addr` (`sendto`), for sockets bound to every interface.
    ///
    /// ```no_run
    /// use sock::can::{CanSocket, Frame};
    /// let can = CanSocket::bound(("",))?;
    /// can.write_frame_to(&"123#01".parse::<Frame>()?, ("vcan0",))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_frame_to<M>(&self, frame: &Frame, addr: impl ToSockAddr<M>) -> io::Result<()> {
        let addr = addr.to_sock_addr(&self.sock)?;
        let bytes = frame.to_bytes();
        let n = self.sock.send_to_addr(&bytes, &addr)?;
        whole(n, bytes.len())
    }

    #[inline]
    fn send_whole(&self, bytes: &[u8]) -> io::Result<()> {
        let n = self.sock.send(bytes)?;
        whole(n, bytes.len())
    }

    /// Reads one frame of any kind (waits per the socket's mode).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// can.as_ref().set_timeout(Some(std::time::Duration::from_secs(1)))?;
    /// println!("{}", can.read_frame()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    #[inline]
    pub fn read_frame(&self) -> io::Result<Frame> {
        self.receive(|buf| Ok((self.sock.recv(buf)?, ()))).map(|(frame, ())| frame)
    }

    /// Reads one frame and the index of the interface it came from (`recvfrom`).
    ///
    /// ```no_run
    /// use sock::can::{interface_from_index, CanSocket};
    /// let can = CanSocket::bound(("",))?;
    /// let (frame, ifindex) = can.read_frame_from()?;
    /// println!("{frame} on {}", interface_from_index(ifindex));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn read_frame_from(&self) -> io::Result<(Frame, u32)> {
        self.receive(|buf| {
            let (n, addr) = self.sock.recv_from(buf)?;
            Ok((n, ifindex_of(&addr)))
        })
    }

    /// Reads one frame with its [`FrameMeta`]: interface, timestamp (turn it on with
    /// [`set_timestamp`](CanSocket::set_timestamp)), and whether it was sent locally or by this
    /// socket (`recvmsg`).
    ///
    /// ```no_run
    /// use sock::can::{CanSocket, Frame};
    /// let can = CanSocket::bound(("vcan0",))?;
    /// can.set_recv_own_msgs(true)?;
    /// can.write_frame(&"123#01".parse()?)?;
    /// let (frame, meta) = can.read_frame_meta()?; // on a quiet bus: our own frame
    /// assert_eq!((frame, meta.own, meta.local), ("123#01".parse::<Frame>()?, true, true));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn read_frame_meta(&self) -> io::Result<(Frame, FrameMeta)> {
        let mut control = [0u8; 64];
        self.receive(|buf| {
            let msg = self.sock.recv_msg(&mut [std::io::IoSliceMut::new(buf)], &mut control, MsgFlags::NONE)?;
            let meta = FrameMeta {
                ifindex: ifindex_of(&msg.addr),
                timestamp: timestamp(&control[..msg.control_len]),
                local: msg.flags.contains(MsgFlags::DONTROUTE),
                own: msg.flags.contains(MsgFlags::CONFIRM),
            };
            Ok((msg.bytes, meta))
        })
    }

    /// Runs one receive `op` into a frame buffer (72 bytes, or a CAN XL MTU when XL frames are
    /// on) and decodes the frame it reported.
    #[inline]
    fn receive<T>(&self, op: impl FnOnce(&mut [u8]) -> io::Result<(usize, T)>) -> io::Result<(Frame, T)> {
        if self.xl.load(Ordering::Relaxed) {
            let mut buf = XlBuf([0; CANXL_MTU]);
            let (n, extra) = op(&mut buf.0)?;
            return Ok((Frame::from_bytes(&buf.0[..n.min(CANXL_MTU)])?, extra));
        }
        let mut buf = FdBuf([0; CANFD_MTU]);
        let (n, extra) = op(&mut buf.0)?;
        Ok((Frame::from_bytes(&buf.0[..n.min(CANFD_MTU)])?, extra))
    }

    /// Writes many frames with one `sendmmsg(2)` (at most 1024 per call); returns how many
    /// went out. `frames` are [`ClassicFrame`]s or [`FdFrame`]s (anything that is the bytes of a
    /// frame); `batch` keeps its header storage between calls.
    ///
    /// ```no_run
    /// use sock::can::{CanId, CanSocket, ClassicFrame};
    /// use sock::SendBatch;
    /// let s = CanSocket::bound(("vcan0",))?;
    /// let frames: Vec<ClassicFrame> = (0..32u8).map(|i| ClassicFrame::new(CanId::Standard(0x100), &[i])).collect::<Result<_, _>>()?;
    /// let mut batch = SendBatch::new();
    /// let sent = s.write_frames(&frames, &mut batch)?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn write_frames<F: AsRef<[u8]>>(&self, frames: &[F], batch: &mut SendBatch) -> io::Result<usize> {
        self.sock.send_many(frames, batch, MsgFlags::NONE)
    }

    /// A receive batch of `count` frame slots for [`read_frames`](CanSocket::read_frames),
    /// sized for XL frames if they are on. A `count` whose buffers cannot be allocated is
    /// `InvalidInput`, never an abort.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// let batch = can.frame_batch(64)?;
    /// assert_eq!(batch.capacity(), 64);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn frame_batch(&self, count: usize) -> io::Result<RecvBatch> {
        let slot = if self.xl.load(Ordering::Relaxed) { CANXL_MTU } else { CANFD_MTU };
        RecvBatch::new(count, slot)
    }

    /// Reads up to `batch.capacity()` frames with one `recvmmsg(2)`: waits (per the socket's
    /// mode) for the first, then takes what else is queued. Returns the frames with the index
    /// of the interface each came from.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// let mut batch = can.frame_batch(64)?;
    /// for item in can.read_frames(&mut batch)? {
    ///     let (frame, ifindex) = item?;
    ///     println!("#{ifindex} {frame}");
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn read_frames<'b>(
        &self,
        batch: &'b mut RecvBatch,
    ) -> io::Result<impl ExactSizeIterator<Item = io::Result<(Frame, u32)>> + 'b> {
        self.sock.recv_many(batch, MsgFlags::NONE)?;
        Ok(batch.iter().map(|m| Ok((Frame::from_bytes(m.data)?, ifindex_of(m.addr)))))
    }

    /// Sets the receive filters (`CAN_RAW_FILTER`); an empty list receives no data frames.
    /// More than `CAN_RAW_FILTER_MAX` (512) is `InvalidInput` naming `filters`; a kernel
    /// refusal names the option.
    ///
    /// ```no_run
    /// use sock::can::{CanFilter, CanId, CanSocket};
    /// let can = CanSocket::new()?;
    /// can.set_filters(&[CanFilter::exact(CanId::new(0x123)?), CanFilter::new(0x200, 0x700).inverted()])?;
    /// assert_eq!(can.filters()?.len(), 2);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_filters(&self, filters: &[CanFilter]) -> io::Result<()> {
        if filters.len() > CAN_RAW_FILTER_MAX {
            return Err(invalid_input("filters", "at most CAN_RAW_FILTER_MAX (512) filters"));
        }
        let bytes: Vec<u8> = filters.iter().flat_map(|f| sock_core::pod::bytes_of(f).to_vec()).collect();
        RAW_FILTER.set_bytes(&self.sock, &bytes)
    }

    /// The receive filters in force (see [`set_filters`](CanSocket::set_filters)).
    ///
    /// ```no_run
    /// use sock::can::{CanFilter, CanSocket};
    /// assert_eq!(CanSocket::new()?.filters()?, [CanFilter::ACCEPT_ALL]); // the kernel's default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn filters(&self) -> io::Result<Vec<CanFilter>> {
        let mut buf = vec![0u8; CAN_RAW_FILTER_MAX * 8];
        let n = RAW_FILTER.get_into(&self.sock, &mut buf)?;
        Ok(buf[..n].chunks_exact(8).filter_map(sock_core::pod::read_pod).collect())
    }

    /// Subscribes to error frames of the classes in `mask` (`CAN_RAW_ERR_FILTER`, `CAN_ERR_*`
    /// bits; `CAN_ERR_MASK` for all, 0 for none).
    ///
    /// ```no_run
    /// use sock::can::consts::{CAN_ERR_BUSOFF, CAN_ERR_CRTL};
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// can.set_error_mask(CAN_ERR_BUSOFF | CAN_ERR_CRTL)?;
    /// assert_eq!(can.error_mask()?, CAN_ERR_BUSOFF | CAN_ERR_CRTL);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_error_mask(&self, mask: u32) -> io::Result<()> {
        RAW_ERR_FILTER.set(&self.sock, &mask)
    }

    /// The error class subscription (see [`set_error_mask`](CanSocket::set_error_mask)).
    ///
    /// ```no_run
    /// assert_eq!(sock::can::CanSocket::new()?.error_mask()?, 0); // no error frames by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn error_mask(&self) -> io::Result<u32> {
        RAW_ERR_FILTER.get(&self.sock)
    }

    /// `CAN_RAW_LOOPBACK`: other sockets on this host see our frames (default on).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// can.set_loopback(false)?;
    /// assert!(!can.loopback()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_loopback(&self, on: bool) -> io::Result<()> {
        RAW_LOOPBACK.set(&self.sock, &on)
    }

    /// Whether local loopback is on (see [`set_loopback`](CanSocket::set_loopback)).
    ///
    /// ```no_run
    /// assert!(sock::can::CanSocket::new()?.loopback()?); // on by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn loopback(&self) -> io::Result<bool> {
        RAW_LOOPBACK.get(&self.sock)
    }

    /// `CAN_RAW_RECV_OWN_MSGS`: this socket sees its own frames (default off).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// can.set_recv_own_msgs(true)?;
    /// assert!(can.recv_own_msgs()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_recv_own_msgs(&self, on: bool) -> io::Result<()> {
        RAW_RECV_OWN_MSGS.set(&self.sock, &on)
    }

    /// Whether this socket receives its own frames (see
    /// [`set_recv_own_msgs`](CanSocket::set_recv_own_msgs)).
    ///
    /// ```no_run
    /// assert!(!sock::can::CanSocket::new()?.recv_own_msgs()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv_own_msgs(&self) -> io::Result<bool> {
        RAW_RECV_OWN_MSGS.get(&self.sock)
    }

    /// `CAN_RAW_FD_FRAMES`: read and write CAN FD frames too (default off).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// can.set_fd_frames(true)?;
    /// assert!(can.fd_frames()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_fd_frames(&self, on: bool) -> io::Result<()> {
        RAW_FD_FRAMES.set(&self.sock, &on)
    }

    /// Whether FD frames are on (see [`set_fd_frames`](CanSocket::set_fd_frames)).
    ///
    /// ```no_run
    /// assert!(!sock::can::CanSocket::new()?.fd_frames()?); // off by default
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn fd_frames(&self) -> io::Result<bool> {
        RAW_FD_FRAMES.get(&self.sock)
    }

    /// `CAN_RAW_XL_FRAMES`: read and write CAN XL frames too (Linux 6.2+; before, the error
    /// `setsockopt CAN_RAW_XL_FRAMES: Protocol not available (ENOPROTOOPT)`). Set it here
    /// rather than on the inner `Socket`: reads size their buffer from it.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// if can.set_xl_frames(true).is_ok() {
    ///     assert!(can.xl_frames()?);
    /// }
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_xl_frames(&self, on: bool) -> io::Result<()> {
        RAW_XL_FRAMES.set(&self.sock, &on)?;
        self.xl.store(on, Ordering::Relaxed);
        Ok(())
    }

    /// Whether XL frames are on (see [`set_xl_frames`](CanSocket::set_xl_frames)).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// assert!(!can.xl_frames().unwrap_or(false)); // off by default (an error before Linux 6.2)
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn xl_frames(&self) -> io::Result<bool> {
        RAW_XL_FRAMES.get(&self.sock)
    }

    /// `CAN_RAW_JOIN_FILTERS`: a frame must match every filter instead of one.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::new()?;
    /// can.set_join_filters(true)?;
    /// assert!(can.join_filters()?);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_join_filters(&self, on: bool) -> io::Result<()> {
        RAW_JOIN_FILTERS.set(&self.sock, &on)
    }

    /// Whether filters are joined (see [`set_join_filters`](CanSocket::set_join_filters)).
    ///
    /// ```no_run
    /// assert!(!sock::can::CanSocket::new()?.join_filters()?); // off by default: any filter matches
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn join_filters(&self) -> io::Result<bool> {
        RAW_JOIN_FILTERS.get(&self.sock)
    }

    /// Receive timestamps in [`FrameMeta`]: `SO_TIMESTAMPNS` (nanoseconds) when `on`.
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// can.set_timestamp(true)?;
    /// let (_, meta) = can.read_frame_meta()?;
    /// assert!(meta.timestamp.unwrap() <= std::time::SystemTime::now()); // when the kernel received it
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_timestamp(&self, on: bool) -> io::Result<()> {
        TIMESTAMPNS.set(&self.sock, &on)
    }

    /// Receive timestamps with microsecond resolution (`SO_TIMESTAMP`).
    ///
    /// ```no_run
    /// let can = sock::can::CanSocket::bound(("vcan0",))?;
    /// can.set_timestamp_us(true)?;
    /// let (_, meta) = can.read_frame_meta()?;
    /// assert!(meta.timestamp.is_some());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn set_timestamp_us(&self, on: bool) -> io::Result<()> {
        TIMESTAMP.set(&self.sock, &on)
    }
}

/// Fails unless a datagram went out whole (CAN sends are atomic; this guards the contract).
fn whole(sent: usize, len: usize) -> io::Result<()> {
    if sent == len {
        Ok(())
    } else {
        Err(io::Error::new(io::ErrorKind::WriteZero, "CAN frame only partly sent"))
    }
}

/// The `can_ifindex` of a received address (0 if absent).
pub(crate) fn ifindex_of(addr: &SockAddr) -> u32 {
    addr.data().get(2..6).and_then(|b| b.try_into().ok()).map_or(0, u32::from_ne_bytes)
}

/// The receive time in a control buffer (`SCM_TIMESTAMPNS` or `SCM_TIMESTAMP`).
fn timestamp(control: &[u8]) -> Option<SystemTime> {
    CmsgIter::new(control)
        .find_map(|item| sock_core::cmsg::timestamp(&item))
        .and_then(|since| SystemTime::UNIX_EPOCH.checked_add(since))
}

impl ProtocolSocket for CanSocket {
    const KIND: SocketKind =
        SocketKind { family: Family::CAN, types: &[Type::RAW], protocol: Some(Protocol(CAN_RAW)), name: "CAN_RAW" };

    /// Wraps a `CAN_RAW` socket, learning whether XL frames are on.
    fn wrap_checked(sock: Socket) -> io::Result<CanSocket> {
        let xl = RAW_XL_FRAMES.get(&sock).unwrap_or(false);
        Ok(CanSocket { sock, xl: AtomicBool::new(xl) })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(CanSocket, sock);

#[cfg(test)]
mod tests {
    use super::*;
    use sock_core::cmsg::CmsgWriter;
    use sock_core::consts as core_consts;
    use std::time::Duration;

    fn control_with<T: sock_core::pod::Pod>(ty: libc::c_int, value: &T) -> Vec<u8> {
        let mut buf = vec![0u8; 64];
        let mut w = CmsgWriter::new(&mut buf);
        w.push_value(core_consts::SOL_SOCKET, ty, value).unwrap();
        let len = w.len();
        buf.truncate(len);
        buf
    }

    /// Issue 14: every typed CAN socket checks family, type and protocol before wrapping (runs
    /// without CAN: a socket of another family is refused).
    #[test]
    fn typed_sockets_refuse_other_kinds() {
        use crate::{BcmSocket, IsoTpSocket, J1939Socket};
        let other = || Socket::new(Family::UNIX, Type::DGRAM, None).unwrap();
        let errors = [
            CanSocket::try_from(other()).err(),
            BcmSocket::try_from(other()).err(),
            IsoTpSocket::try_from(other()).err(),
            J1939Socket::try_from(other()).err(),
        ];
        for (e, name) in errors.into_iter().zip(["CAN_RAW", "CAN_BCM", "CAN_ISOTP", "CAN_J1939"]) {
            let e = e.expect("refused");
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(e.to_string().starts_with(&format!("socket: expected a {name} socket, got AF_UNIX")), "{e}");
        }
        assert_eq!(CanSocket::KIND.types, &[Type::RAW]);
        for kind in [crate::BcmSocket::KIND, crate::IsoTpSocket::KIND, crate::J1939Socket::KIND] {
            assert_eq!((kind.family, kind.types), (Family::CAN, &[Type::DGRAM][..]));
        }
    }

    /// Issue 13 audit: `tv_usec as u32 * 1000` overflowed (a debug panic) on an out-of-range
    /// timestamp; now such a timestamp is absent.
    #[test]
    fn out_of_range_timestamps_are_absent_not_a_panic() {
        let tv = libc::timeval { tv_sec: 5, tv_usec: 5_000_000 };
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMP, &tv)), None);
        let tv = libc::timeval { tv_sec: 5, tv_usec: -1 };
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMP, &tv)), None);
        let ts = libc::timespec { tv_sec: -1, tv_nsec: 0 };
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMPNS, &ts)), None);
        let ts = libc::timespec { tv_sec: 1, tv_nsec: 1_000_000_000 };
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMPNS, &ts)), None);
        let tv = libc::timeval { tv_sec: 5, tv_usec: 7 };
        let want = SystemTime::UNIX_EPOCH + Duration::new(5, 7000);
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMP, &tv)), Some(want));
        let ts = libc::timespec { tv_sec: 5, tv_nsec: 7 };
        let want = SystemTime::UNIX_EPOCH + Duration::new(5, 7);
        assert_eq!(timestamp(&control_with(core_consts::SO_TIMESTAMPNS, &ts)), Some(want));
    }
}
