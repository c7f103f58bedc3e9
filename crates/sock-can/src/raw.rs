//! [`CanSocket`]: a `CAN_RAW` socket that reads and writes classic, FD and XL frames.

use std::io;
use std::time::{Duration, SystemTime};

use sock_core::cmsg::CmsgIter;
use sock_core::{consts as core_consts, invalid_input, Family, Protocol, SockAddr, SockOpt, Socket, ToSockAddr, Type};

use crate::consts::*;
use crate::filter::CanFilter;
use crate::frame::{ClassicFrame, FdFrame, Frame, XlFrame};

const FILTER: SockOpt<CanFilter> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_FILTER);
const ERR_FILTER: SockOpt<u32> = SockOpt::new(SOL_CAN_RAW, CAN_RAW_ERR_FILTER);

/// A buffer for one frame of any kind, aligned like the kernel structs.
#[repr(C, align(8))]
struct FrameBuf([u8; CANXL_MTU]);

/// What came with a frame besides its bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FrameMeta {
    /// The index of the interface the frame came from (turn it into a name with
    /// [`Interface::from_index`](crate::Interface::from_index)).
    pub ifindex: u32,
    /// The receive time, if `SO_TIMESTAMP` or `SO_TIMESTAMPNS` is on.
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
/// use sock_can::{CanId, CanSocket, ClassicFrame, Frame};
/// let sock = CanSocket::open(("vcan0",))?;
/// sock.write_frame(&ClassicFrame::new(CanId::new(0x123)?, &[1, 2, 3])?.into())?;
/// match sock.read_frame()? {
///     Frame::Classic(f) => println!("{f}"),
///     Frame::Fd(f) => println!("FD {f}"),
///     other => println!("{other}"),
/// }
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct CanSocket(Socket);

impl CanSocket {
    /// An unbound `CAN_RAW` socket (`socket(AF_CAN, SOCK_RAW, CAN_RAW)`).
    pub fn new() -> io::Result<CanSocket> {
        Socket::new(Family::CAN, Type::RAW, Some(Protocol(CAN_RAW))).map(CanSocket)
    }

    /// A `CAN_RAW` socket bound to `addr`: `("vcan0",)`, `("",)` (every interface), a
    /// [`CanAddr`](crate::CanAddr) or an [`Interface`](crate::Interface).
    pub fn open<M>(addr: impl ToSockAddr<M>) -> io::Result<CanSocket> {
        let sock = CanSocket::new()?;
        sock.0.bind(addr)?;
        Ok(sock)
    }

    /// Binds to an interface (see [`CanSocket::open`]).
    pub fn bind<M>(&self, addr: impl ToSockAddr<M>) -> io::Result<()> {
        self.0.bind(addr)
    }

    /// Writes one frame (one `send`).
    pub fn write_frame(&self, frame: &Frame) -> io::Result<()> {
        self.send_whole(&frame.to_bytes())
    }

    /// Writes a classic frame (the 16 bytes of its struct, no copy).
    #[inline]
    pub fn write_classic(&self, frame: &ClassicFrame) -> io::Result<()> {
        self.send_whole(frame.as_bytes())
    }

    /// Writes an FD frame (needs [`set_fd_frames`](CanSocket::set_fd_frames)).
    #[inline]
    pub fn write_fd(&self, frame: &FdFrame) -> io::Result<()> {
        self.send_whole(frame.as_bytes())
    }

    /// Writes an XL frame (needs [`set_xl_frames`](CanSocket::set_xl_frames)).
    pub fn write_xl(&self, frame: &XlFrame) -> io::Result<()> {
        self.send_whole(&frame.to_bytes())
    }

    /// Writes one frame to interface `addr` (`sendto`), for sockets bound to every interface.
    pub fn write_frame_to<M>(&self, frame: &Frame, addr: impl ToSockAddr<M>) -> io::Result<()> {
        let addr = addr.to_sock_addr(&self.0)?;
        let bytes = frame.to_bytes();
        let n = self.0.send_to_addr(&bytes, 0, &addr)?;
        whole(n, bytes.len())
    }

    #[inline]
    fn send_whole(&self, bytes: &[u8]) -> io::Result<()> {
        let n = self.0.send(bytes, 0)?;
        whole(n, bytes.len())
    }

    /// Reads one frame of any kind (waits per the socket's mode).
    #[inline]
    pub fn read_frame(&self) -> io::Result<Frame> {
        let mut buf = FrameBuf([0; CANXL_MTU]);
        let n = self.0.recv(&mut buf.0, 0)?;
        Frame::from_bytes(&buf.0[..n])
    }

    /// Reads one frame and the index of the interface it came from (`recvfrom`).
    pub fn read_frame_from(&self) -> io::Result<(Frame, u32)> {
        let mut buf = FrameBuf([0; CANXL_MTU]);
        let (n, addr) = self.0.recv_from(&mut buf.0, 0)?;
        Ok((Frame::from_bytes(&buf.0[..n])?, ifindex_of(&addr)))
    }

    /// Reads one frame with its [`FrameMeta`]: interface, timestamp (turn it on with
    /// [`set_timestamp`](CanSocket::set_timestamp)), and whether it was sent locally or by this
    /// socket (`recvmsg`).
    pub fn read_frame_meta(&self) -> io::Result<(Frame, FrameMeta)> {
        let mut buf = FrameBuf([0; CANXL_MTU]);
        let mut control = [0u8; 64];
        let msg = crate::sys::recv_msg(&self.0, &mut buf.0, &mut control, 0)?;
        let frame = Frame::from_bytes(&buf.0[..msg.bytes.min(CANXL_MTU)])?;
        let mut timestamp = None;
        for item in CmsgIter::new(&control[..msg.control_len]) {
            if item.level != core_consts::SOL_SOCKET {
                continue;
            }
            if item.ty == core_consts::SO_TIMESTAMP {
                if let Some(tv) = item.value::<libc::timeval>() {
                    timestamp = Some(since_epoch(tv.tv_sec, tv.tv_usec as u32 * 1000));
                }
            } else if item.ty == core_consts::SO_TIMESTAMPNS {
                if let Some(ts) = item.value::<libc::timespec>() {
                    timestamp = Some(since_epoch(ts.tv_sec, ts.tv_nsec as u32));
                }
            }
        }
        let meta = FrameMeta {
            ifindex: ifindex_of(&msg.addr),
            timestamp,
            local: msg.flags & libc::MSG_DONTROUTE != 0,
            own: msg.flags & libc::MSG_CONFIRM != 0,
        };
        Ok((frame, meta))
    }

    /// Sets the receive filters (`CAN_RAW_FILTER`); an empty list receives no data frames.
    /// More than `CAN_RAW_FILTER_MAX` (512) is `InvalidInput`.
    pub fn set_filters(&self, filters: &[CanFilter]) -> io::Result<()> {
        if filters.len() > CAN_RAW_FILTER_MAX {
            return Err(invalid_input("filters", "at most CAN_RAW_FILTER_MAX (512) filters"));
        }
        let bytes: Vec<u8> = filters.iter().flat_map(|f| sock_core::pod::bytes_of(f).to_vec()).collect();
        self.0.setsockopt_bytes(FILTER.level, FILTER.name, &bytes)
    }

    /// The receive filters in force.
    pub fn filters(&self) -> io::Result<Vec<CanFilter>> {
        let mut buf = vec![0u8; CAN_RAW_FILTER_MAX * 8];
        let n = self.0.getsockopt_into(FILTER.level, FILTER.name, &mut buf)?;
        Ok(buf[..n].chunks_exact(8).filter_map(sock_core::pod::read_pod).collect())
    }

    /// Subscribes to error frames of the classes in `mask` (`CAN_RAW_ERR_FILTER`, `CAN_ERR_*`
    /// bits; `CAN_ERR_MASK` for all, 0 for none).
    pub fn set_error_mask(&self, mask: u32) -> io::Result<()> {
        self.0.set(ERR_FILTER, &mask)
    }

    /// The error class subscription.
    pub fn error_mask(&self) -> io::Result<u32> {
        self.0.get(ERR_FILTER)
    }

    /// `CAN_RAW_LOOPBACK`: other sockets on this host see our frames (default on).
    pub fn set_loopback(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(SOL_CAN_RAW, CAN_RAW_LOOPBACK, on)
    }

    /// Whether local loopback is on.
    pub fn loopback(&self) -> io::Result<bool> {
        self.0.get_flag(SOL_CAN_RAW, CAN_RAW_LOOPBACK)
    }

    /// `CAN_RAW_RECV_OWN_MSGS`: this socket sees its own frames (default off).
    pub fn set_recv_own_msgs(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(SOL_CAN_RAW, CAN_RAW_RECV_OWN_MSGS, on)
    }

    /// Whether this socket receives its own frames.
    pub fn recv_own_msgs(&self) -> io::Result<bool> {
        self.0.get_flag(SOL_CAN_RAW, CAN_RAW_RECV_OWN_MSGS)
    }

    /// `CAN_RAW_FD_FRAMES`: read and write CAN FD frames too (default off).
    pub fn set_fd_frames(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(SOL_CAN_RAW, CAN_RAW_FD_FRAMES, on)
    }

    /// Whether FD frames are on.
    pub fn fd_frames(&self) -> io::Result<bool> {
        self.0.get_flag(SOL_CAN_RAW, CAN_RAW_FD_FRAMES)
    }

    /// `CAN_RAW_XL_FRAMES`: read and write CAN XL frames too (Linux 6.1+; `ENOPROTOOPT` before).
    pub fn set_xl_frames(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(SOL_CAN_RAW, CAN_RAW_XL_FRAMES, on)
    }

    /// Whether XL frames are on.
    pub fn xl_frames(&self) -> io::Result<bool> {
        self.0.get_flag(SOL_CAN_RAW, CAN_RAW_XL_FRAMES)
    }

    /// `CAN_RAW_JOIN_FILTERS`: a frame must match every filter instead of one.
    pub fn set_join_filters(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(SOL_CAN_RAW, CAN_RAW_JOIN_FILTERS, on)
    }

    /// Whether filters are joined.
    pub fn join_filters(&self) -> io::Result<bool> {
        self.0.get_flag(SOL_CAN_RAW, CAN_RAW_JOIN_FILTERS)
    }

    /// Receive timestamps in [`FrameMeta`]: `SO_TIMESTAMPNS` (nanoseconds) when `on`.
    pub fn set_timestamp(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMPNS, on)
    }

    /// Receive timestamps with microsecond resolution (`SO_TIMESTAMP`).
    pub fn set_timestamp_us(&self, on: bool) -> io::Result<()> {
        self.0.set_flag(core_consts::SOL_SOCKET, core_consts::SO_TIMESTAMP, on)
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
    addr.data().get(2..6).map_or(0, |b| u32::from_ne_bytes(b.try_into().expect("4 bytes")))
}

fn since_epoch(secs: i64, nanos: u32) -> SystemTime {
    let secs = u64::try_from(secs).unwrap_or(0);
    SystemTime::UNIX_EPOCH + Duration::new(secs, nanos.min(999_999_999))
}

crate::wrap::protocol_socket!(CanSocket, CAN_RAW, "CAN_RAW");
