//! The broadcast manager: [`BcmMsg`] (`struct bcm_msg_head` and its frames, in the kernel's
//! layout with its timevals and alignment) and [`BcmSocket`].
//!
//! The BCM runs cyclic transmissions and content-filtered receptions in the kernel: a
//! `TX_SETUP` sends frames every `ival` without further syscalls; an `RX_SETUP` reports only
//! changes (`RX_CHANGED`) and missing frames (`RX_TIMEOUT`).

use std::io;
use std::mem::{align_of, size_of};
use std::time::Duration;

use sock_core::{invalid_input, Family, Protocol, ProtocolSocket, Socket, SocketKind, ToSockAddr, Type};

use crate::attach::attach;
use crate::consts::*;
use crate::frame::{ClassicFrame, FdFrame};
use crate::id::CanId;

/// The most frames one BCM message may carry (the kernel's `MAX_NFRAMES`).
pub const BCM_MAX_NFRAMES: usize = 256;

const LONG: usize = size_of::<libc::c_long>();
const fn align_up(n: usize, a: usize) -> usize {
    n.div_ceil(a) * a
}
/// Offset of `ival1`: after three `u32`s, aligned for `long`.
const IVAL1: usize = align_up(12, align_of::<libc::c_long>());
const IVAL2: usize = IVAL1 + 2 * LONG;
const CAN_ID: usize = IVAL2 + 2 * LONG;
const NFRAMES: usize = CAN_ID + 4;
/// `sizeof(struct bcm_msg_head)`: the frames start 8-aligned.
pub const BCM_HEAD_SIZE: usize = align_up(NFRAMES + 4, 8);

/// A broadcast manager opcode.
///
/// ```
/// use sock::can::{consts::CAN_BCM_RX_CHANGED, BcmOpcode};
/// assert_eq!(BcmOpcode::try_from(CAN_BCM_RX_CHANGED)?, BcmOpcode::RxChanged);
/// assert_eq!(BcmOpcode::RxChanged as u32, CAN_BCM_RX_CHANGED);
/// assert_eq!(BcmOpcode::try_from(99).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u32)]
pub enum BcmOpcode {
    /// `TX_SETUP`: create or update a (cyclic) transmission task.
    TxSetup = CAN_BCM_TX_SETUP,
    /// `TX_DELETE`: remove a transmission task.
    TxDelete = CAN_BCM_TX_DELETE,
    /// `TX_READ`: read a transmission task.
    TxRead = CAN_BCM_TX_READ,
    /// `TX_SEND`: send one frame.
    TxSend = CAN_BCM_TX_SEND,
    /// `RX_SETUP`: create or update a receive subscription.
    RxSetup = CAN_BCM_RX_SETUP,
    /// `RX_DELETE`: remove a receive subscription.
    RxDelete = CAN_BCM_RX_DELETE,
    /// `RX_READ`: read a receive subscription.
    RxRead = CAN_BCM_RX_READ,
    /// `TX_STATUS`: the reply to `TX_READ`.
    TxStatus = CAN_BCM_TX_STATUS,
    /// `TX_EXPIRED`: a counted transmission finished.
    TxExpired = CAN_BCM_TX_EXPIRED,
    /// `RX_STATUS`: the reply to `RX_READ`.
    RxStatus = CAN_BCM_RX_STATUS,
    /// `RX_TIMEOUT`: a monitored frame stopped arriving.
    RxTimeout = CAN_BCM_RX_TIMEOUT,
    /// `RX_CHANGED`: a monitored frame changed.
    RxChanged = CAN_BCM_RX_CHANGED,
}

impl TryFrom<u32> for BcmOpcode {
    type Error = io::Error;
    fn try_from(v: u32) -> io::Result<BcmOpcode> {
        use BcmOpcode::*;
        [
            TxSetup, TxDelete, TxRead, TxSend, RxSetup, RxDelete, RxRead, TxStatus, TxExpired, RxStatus, RxTimeout,
            RxChanged,
        ]
        .into_iter()
        .find(|op| *op as u32 == v)
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, format!("unknown BCM opcode {v}")))
    }
}

/// The frames of a BCM message: all classic or all FD (`CAN_FD_FRAME` is set from this).
///
/// ```
/// use sock::can::{BcmFrames, CanId, ClassicFrame, FdFrame};
/// let classic: BcmFrames = vec![ClassicFrame::new(CanId::new(1)?, &[1])?; 2].into();
/// assert!(matches!(classic, BcmFrames::Classic(ref v) if v.len() == 2));
/// let fd = BcmFrames::from(FdFrame::new(CanId::new(1)?, &[0; 12])?); // one frame
/// assert!(matches!(fd, BcmFrames::Fd(ref v) if v.len() == 1));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BcmFrames {
    /// `struct can_frame`s.
    Classic(Vec<ClassicFrame>),
    /// `struct canfd_frame`s.
    Fd(Vec<FdFrame>),
}

impl Default for BcmFrames {
    fn default() -> Self {
        BcmFrames::Classic(Vec::new())
    }
}

impl BcmFrames {
    /// The number of frames.
    ///
    /// ```
    /// use sock::can::{BcmFrames, ClassicFrame};
    /// assert_eq!(BcmFrames::from(vec![ClassicFrame::default(); 3]).len(), 3);
    /// ```
    pub fn len(&self) -> usize {
        match self {
            BcmFrames::Classic(v) => v.len(),
            BcmFrames::Fd(v) => v.len(),
        }
    }

    /// Whether there are none.
    ///
    /// ```
    /// use sock::can::BcmFrames;
    /// assert!(BcmFrames::default().is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl From<Vec<ClassicFrame>> for BcmFrames {
    fn from(v: Vec<ClassicFrame>) -> Self {
        BcmFrames::Classic(v)
    }
}

impl From<Vec<FdFrame>> for BcmFrames {
    fn from(v: Vec<FdFrame>) -> Self {
        BcmFrames::Fd(v)
    }
}

impl From<ClassicFrame> for BcmFrames {
    fn from(f: ClassicFrame) -> Self {
        BcmFrames::Classic(vec![f])
    }
}

impl From<FdFrame> for BcmFrames {
    fn from(f: FdFrame) -> Self {
        BcmFrames::Fd(vec![f])
    }
}

/// One broadcast manager message: `struct bcm_msg_head` and its frames.
///
/// ```
/// use std::time::Duration;
/// use sock::can::{BcmMsg, BcmOpcode, CanId, ClassicFrame};
/// let id = CanId::new(0x123)?;
/// let msg = BcmMsg::new(BcmOpcode::TxSetup, id)
///     .with_timers(0, Duration::ZERO, Duration::from_millis(10))
///     .with_frames(ClassicFrame::new(id, &[1, 2])?);
/// let bytes = msg.encode()?;
/// assert_eq!(bytes.len(), sock::can::BCM_HEAD_SIZE + 16);
/// assert_eq!(BcmMsg::decode(&bytes)?, msg);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BcmMsg {
    /// The operation.
    pub opcode: BcmOpcode,
    /// `CAN_BCM_*` flags (`CAN_BCM_CAN_FD_FRAME` is set from [`BcmMsg::frames`] on encode).
    pub flags: u32,
    /// How many times to send with `ival1` before switching to `ival2`.
    pub count: u32,
    /// The first interval (used `count` times).
    pub ival1: Duration,
    /// The second interval (TX: the cyclic period; RX: the throttle time).
    pub ival2: Duration,
    /// The raw `can_id` the task is about (with `CAN_EFF_FLAG` for 29-bit ids).
    pub can_id: u32,
    /// The frames.
    pub frames: BcmFrames,
}

impl BcmMsg {
    /// A message about `id` with no flags, no timers and no frames.
    ///
    /// ```
    /// use sock::can::{BcmMsg, BcmOpcode, CanId};
    /// let msg = BcmMsg::new(BcmOpcode::TxDelete, CanId::new(0x123)?);
    /// assert_eq!((msg.can_id, msg.flags, msg.frames.len()), (0x123, 0, 0));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(opcode: BcmOpcode, id: CanId) -> BcmMsg {
        BcmMsg {
            opcode,
            flags: 0,
            count: 0,
            ival1: Duration::ZERO,
            ival2: Duration::ZERO,
            can_id: id.to_raw(),
            frames: BcmFrames::default(),
        }
    }

    /// Adds `flags` (`CAN_BCM_*`).
    ///
    /// ```
    /// use sock::can::consts::{CAN_BCM_RX_CHECK_DLC, CAN_BCM_RX_FILTER_ID};
    /// use sock::can::{BcmMsg, BcmOpcode, CanId};
    /// let msg = BcmMsg::new(BcmOpcode::RxSetup, CanId::new(0x123)?)
    ///     .with_flags(CAN_BCM_RX_FILTER_ID)
    ///     .with_flags(CAN_BCM_RX_CHECK_DLC); // adds, does not replace
    /// assert_eq!(msg.flags, CAN_BCM_RX_FILTER_ID | CAN_BCM_RX_CHECK_DLC);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_flags(mut self, flags: u32) -> BcmMsg {
        self.flags |= flags;
        self
    }

    /// Sets the timers and adds `CAN_BCM_SETTIMER | CAN_BCM_STARTTIMER`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use sock::can::consts::{CAN_BCM_SETTIMER, CAN_BCM_STARTTIMER};
    /// use sock::can::{BcmMsg, BcmOpcode, CanId};
    /// let ms = Duration::from_millis;
    /// let msg = BcmMsg::new(BcmOpcode::TxSetup, CanId::new(0x123)?).with_timers(10, ms(1), ms(100));
    /// assert_eq!((msg.count, msg.ival1, msg.ival2), (10, ms(1), ms(100)));
    /// assert_eq!(msg.flags, CAN_BCM_SETTIMER | CAN_BCM_STARTTIMER);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_timers(mut self, count: u32, ival1: Duration, ival2: Duration) -> BcmMsg {
        self.count = count;
        self.ival1 = ival1;
        self.ival2 = ival2;
        self.flags |= CAN_BCM_SETTIMER | CAN_BCM_STARTTIMER;
        self
    }

    /// Sets the frames.
    ///
    /// ```
    /// use sock::can::{consts::CAN_BCM_CAN_FD_FRAME, BcmMsg, BcmOpcode, CanId, FdFrame, BCM_HEAD_SIZE};
    /// let id = CanId::new(0x123)?;
    /// let msg = BcmMsg::new(BcmOpcode::TxSetup, id).with_frames(vec![FdFrame::new(id, &[0; 12])?; 2]);
    /// let bytes = msg.encode()?;
    /// assert_eq!(bytes.len(), BCM_HEAD_SIZE + 2 * 72);
    /// assert_eq!(BcmMsg::decode(&bytes)?.flags, CAN_BCM_CAN_FD_FRAME); // set for FD frames
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_frames(mut self, frames: impl Into<BcmFrames>) -> BcmMsg {
        self.frames = frames.into();
        self
    }

    /// The id as a [`CanId`].
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, BcmMsg, BcmOpcode, CanId};
    /// let msg = BcmMsg::new(BcmOpcode::TxRead, CanId::Extended(0x123));
    /// assert_eq!((msg.id(), msg.can_id), (CanId::Extended(0x123), 0x123 | CAN_EFF_FLAG));
    /// ```
    pub fn id(&self) -> CanId {
        CanId::from_raw(self.can_id)
    }

    /// The bytes the kernel takes. More than [`BCM_MAX_NFRAMES`] frames is `InvalidInput`.
    ///
    /// ```
    /// use sock::can::{consts::CAN_BCM_TX_SEND, BcmMsg, BcmOpcode, CanId, ClassicFrame, BCM_HEAD_SIZE};
    /// let id = CanId::new(0x123)?;
    /// let bytes = BcmMsg::new(BcmOpcode::TxSend, id).with_frames(ClassicFrame::new(id, &[1])?).encode()?;
    /// assert_eq!((bytes.len(), &bytes[..4]), (BCM_HEAD_SIZE + 16, &CAN_BCM_TX_SEND.to_ne_bytes()[..]));
    /// let too_many = BcmMsg::new(BcmOpcode::TxSetup, id).with_frames(vec![ClassicFrame::default(); 257]);
    /// assert_eq!(too_many.encode().unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn encode(&self) -> io::Result<Vec<u8>> {
        let n = self.frames.len();
        if n > BCM_MAX_NFRAMES {
            return Err(invalid_input("frames", "a BCM message carries at most 256 frames"));
        }
        let (flags, frame_size) = match self.frames {
            BcmFrames::Classic(_) => (self.flags & !CAN_BCM_CAN_FD_FRAME, CAN_MTU),
            BcmFrames::Fd(_) => (self.flags | CAN_BCM_CAN_FD_FRAME, CANFD_MTU),
        };
        let mut out = vec![0u8; BCM_HEAD_SIZE + n * frame_size];
        out[0..4].copy_from_slice(&(self.opcode as u32).to_ne_bytes());
        out[4..8].copy_from_slice(&flags.to_ne_bytes());
        out[8..12].copy_from_slice(&self.count.to_ne_bytes());
        put_timeval(&mut out[IVAL1..IVAL2], self.ival1);
        put_timeval(&mut out[IVAL2..CAN_ID], self.ival2);
        out[CAN_ID..CAN_ID + 4].copy_from_slice(&self.can_id.to_ne_bytes());
        // n <= BCM_MAX_NFRAMES (256), checked above.
        out[NFRAMES..NFRAMES + 4].copy_from_slice(&u32::try_from(n).unwrap_or(u32::MAX).to_ne_bytes());
        let body = out[BCM_HEAD_SIZE..].chunks_exact_mut(frame_size);
        match &self.frames {
            BcmFrames::Classic(v) => body.zip(v).for_each(|(dst, f)| dst.copy_from_slice(f.as_bytes())),
            BcmFrames::Fd(v) => body.zip(v).for_each(|(dst, f)| dst.copy_from_slice(f.as_bytes())),
        }
        Ok(out)
    }

    /// Reads a message the kernel sent. A short buffer, an unknown opcode, or fewer frame
    /// bytes than `nframes` says are `InvalidData`.
    ///
    /// ```
    /// use sock::can::{BcmMsg, BcmOpcode, CanId, ClassicFrame};
    /// let id = CanId::new(0x123)?;
    /// let msg = BcmMsg::new(BcmOpcode::RxChanged, id).with_frames(ClassicFrame::new(id, &[1, 2])?);
    /// assert_eq!(BcmMsg::decode(&msg.encode()?)?, msg);
    /// assert_eq!(BcmMsg::decode(&[0; 10]).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode(bytes: &[u8]) -> io::Result<BcmMsg> {
        let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
        if bytes.len() < BCM_HEAD_SIZE {
            return Err(bad("shorter than bcm_msg_head"));
        }
        let u32_at = |at: usize| u32::from_ne_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
        let flags = u32_at(4);
        let frame_size = if flags & CAN_BCM_CAN_FD_FRAME != 0 { CANFD_MTU } else { CAN_MTU };
        let body = usize::try_from(u32_at(NFRAMES))
            .ok()
            .and_then(|n| n.checked_mul(frame_size))
            .and_then(|len| len.checked_add(BCM_HEAD_SIZE))
            .and_then(|end| bytes.get(BCM_HEAD_SIZE..end))
            .ok_or_else(|| bad("fewer frames than nframes"))?;
        let frames = if frame_size == CANFD_MTU {
            BcmFrames::Fd(body.chunks_exact(CANFD_MTU).map(FdFrame::from_bytes).collect::<io::Result<_>>()?)
        } else {
            BcmFrames::Classic(body.chunks_exact(CAN_MTU).map(ClassicFrame::from_bytes).collect::<io::Result<_>>()?)
        };
        Ok(BcmMsg {
            opcode: BcmOpcode::try_from(u32_at(0))?,
            flags,
            count: u32_at(8),
            ival1: get_timeval(&bytes[IVAL1..IVAL2]),
            ival2: get_timeval(&bytes[IVAL2..CAN_ID]),
            can_id: u32_at(CAN_ID),
            frames,
        })
    }
}

fn put_timeval(dst: &mut [u8], d: Duration) {
    let secs = libc::c_long::try_from(d.as_secs()).unwrap_or(libc::c_long::MAX);
    let usecs = d.subsec_micros() as libc::c_long;
    dst[..LONG].copy_from_slice(&secs.to_ne_bytes());
    dst[LONG..2 * LONG].copy_from_slice(&usecs.to_ne_bytes());
}

fn get_timeval(src: &[u8]) -> Duration {
    let long = |b: &[u8]| libc::c_long::from_ne_bytes(b.try_into().expect("long"));
    let secs = u64::try_from(long(&src[..LONG])).unwrap_or(0);
    let usecs = u64::try_from(long(&src[LONG..2 * LONG])).unwrap_or(0).min(999_999);
    Duration::from_secs(secs).saturating_add(Duration::from_micros(usecs))
}

/// A `CAN_BCM` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_BCM)`), connected to an interface.
///
/// ```no_run
/// use std::time::Duration;
/// use sock::can::{BcmMsg, BcmOpcode, BcmSocket, CanId, ClassicFrame};
/// let bcm = BcmSocket::connected(("vcan0",))?;
/// let id = CanId::new(0x123)?;
/// // Send 0x123 every 100 ms until TX_DELETE.
/// bcm.send(&BcmMsg::new(BcmOpcode::TxSetup, id)
///     .with_timers(0, Duration::ZERO, Duration::from_millis(100))
///     .with_frames(ClassicFrame::new(id, &[0xde, 0xad])?))?;
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug)]
pub struct BcmSocket {
    sock: Socket,
}

impl BcmSocket {
    /// An unconnected `CAN_BCM` socket (`socket(AF_CAN, SOCK_DGRAM, CAN_BCM)`); connect it
    /// with [`connect`](BcmSocket::connect).
    ///
    /// ```no_run
    /// let bcm = sock::can::BcmSocket::new()?;
    /// bcm.connect(("vcan0",))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new() -> io::Result<BcmSocket> {
        Ok(BcmSocket { sock: Socket::new(Family::CAN, Type::DGRAM, Some(Protocol(CAN_BCM)))? })
    }

    /// A `CAN_BCM` socket connected to interface `iface` (`("vcan0",)`, `("",)` for every
    /// interface, or a [`CanAddr`](crate::CanAddr)). An unknown
    /// interface is `connect vcan9: no such interface (ENODEV)`.
    ///
    /// ```no_run
    /// use sock::can::BcmSocket;
    /// let bcm = BcmSocket::connected(("vcan0",))?;
    /// assert_eq!(bcm.as_ref().protocol(), sock::Protocol(sock::can::CAN_BCM));
    /// let e = BcmSocket::connected(("vcan9",)).unwrap_err();
    /// assert_eq!(e.to_string(), "connect vcan9: no such interface (ENODEV)");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connected<M>(iface: impl ToSockAddr<M>) -> io::Result<BcmSocket> {
        let s = BcmSocket::new()?;
        s.connect(iface)?;
        Ok(s)
    }

    /// Connects to an interface (see [`BcmSocket::connected`]).
    ///
    /// ```no_run
    /// use sock::can::{BcmSocket, CanAddr};
    /// let bcm = BcmSocket::new()?;
    /// bcm.connect(CanAddr::new("vcan0")?)?; // a typed address works as well as ("vcan0",)
    /// let again = bcm.connect(("vcan0",)).unwrap_err(); // a BCM socket connects once
    /// assert_eq!(sock::errno(&again), Some(libc::EISCONN));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn connect<M>(&self, iface: impl ToSockAddr<M>) -> io::Result<()> {
        attach(&self.sock, iface, true)
    }

    /// Sends one message; returns the bytes sent (the whole message).
    ///
    /// ```no_run
    /// use sock::can::{BcmMsg, BcmOpcode, BcmSocket, CanId, ClassicFrame, BCM_HEAD_SIZE};
    /// let bcm = BcmSocket::connected(("vcan0",))?;
    /// let id = CanId::new(0x123)?;
    /// let sent = bcm.send(&BcmMsg::new(BcmOpcode::TxSend, id).with_frames(ClassicFrame::new(id, &[1])?))?;
    /// assert_eq!(sent, BCM_HEAD_SIZE + 16); // the whole message
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send(&self, msg: &BcmMsg) -> io::Result<usize> {
        self.sock.send(&msg.encode()?)
    }

    /// Sends one message to interface `addr` (for a socket connected to every interface).
    ///
    /// ```no_run
    /// use sock::can::{BcmMsg, BcmOpcode, BcmSocket, CanId};
    /// let bcm = BcmSocket::connected(("",))?;
    /// bcm.send_to(&BcmMsg::new(BcmOpcode::TxDelete, CanId::new(0x123)?), ("vcan0",))?;
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn send_to<M>(&self, msg: &BcmMsg, addr: impl ToSockAddr<M>) -> io::Result<usize> {
        self.sock.send_to(&msg.encode()?, addr)
    }

    /// Receives one notification (`TX_STATUS`, `TX_EXPIRED`, `RX_STATUS`, `RX_TIMEOUT`,
    /// `RX_CHANGED`), waiting per the socket's mode.
    ///
    /// ```no_run
    /// use sock::can::{BcmMsg, BcmOpcode, BcmSocket, CanId};
    /// let bcm = BcmSocket::connected(("vcan0",))?;
    /// // Report changes of 0x123's content.
    /// bcm.send(&BcmMsg::new(BcmOpcode::RxSetup, CanId::new(0x123)?).with_flags(sock::can::CAN_BCM_RX_FILTER_ID))?;
    /// let note = bcm.recv()?;
    /// assert_eq!(note.opcode, BcmOpcode::RxChanged);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn recv(&self) -> io::Result<BcmMsg> {
        // The largest message the kernel can send (~18 KiB) fits on the stack: no heap buffer
        // per receive; only the decoded frames are owned.
        let mut buf = [0u8; BCM_HEAD_SIZE + BCM_MAX_NFRAMES * CANFD_MTU];
        let n = self.sock.recv(&mut buf)?;
        BcmMsg::decode(&buf[..n])
    }
}

impl ProtocolSocket for BcmSocket {
    const KIND: SocketKind =
        SocketKind { family: Family::CAN, types: &[Type::DGRAM], protocol: Some(Protocol(CAN_BCM)), name: "CAN_BCM" };

    fn wrap_checked(sock: Socket) -> io::Result<BcmSocket> {
        Ok(BcmSocket { sock })
    }

    fn into_inner(self) -> Socket {
        self.sock
    }
}

sock_core::protocol_socket!(BcmSocket, sock);

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layout_like_cpython() {
        // CPython's test packs "@3I4l2I" and pads to 8: 56 bytes on 64-bit Linux.
        if LONG == 8 {
            assert_eq!((IVAL1, IVAL2, CAN_ID, NFRAMES, BCM_HEAD_SIZE), (16, 32, 48, 52, 56));
        }
        let msg = BcmMsg::new(BcmOpcode::TxSend, CanId::new(0x222).unwrap())
            .with_frames(ClassicFrame::new(CanId::new(0x123).unwrap(), &[0xc0, 0xff, 0xee]).unwrap());
        let b = msg.encode().unwrap();
        assert_eq!(b.len(), 56 + 16);
        assert_eq!(u32::from_ne_bytes(b[48..52].try_into().unwrap()), 0x222);
        assert_eq!(u32::from_ne_bytes(b[52..56].try_into().unwrap()), 1);
        let fd = msg.clone().with_frames(FdFrame::new(CanId::new(1).unwrap(), &[1; 12]).unwrap());
        let b = fd.encode().unwrap();
        assert_eq!(b.len(), 56 + 72);
        assert_ne!(u32::from_ne_bytes(b[4..8].try_into().unwrap()) & CAN_BCM_CAN_FD_FRAME, 0);
        assert_eq!(BcmMsg::decode(&b).unwrap().flags & CAN_BCM_CAN_FD_FRAME, CAN_BCM_CAN_FD_FRAME);
        let many = msg.with_frames(vec![ClassicFrame::default(); 257]);
        assert_eq!(many.encode().unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(BcmMsg::decode(&[0; 10]).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = BcmMsg::decode(&bytes);
        }

        #[test]
        fn round_trip(op in 1u32..=12, flags in any::<u32>(), count in any::<u32>(), s1 in 0u64..1_000_000, us1 in 0u32..1_000_000,
                      us2 in 0u32..1_000_000, id in any::<u32>(), n in 0usize..5, fd in any::<bool>()) {
            let cid = CanId::from_raw(id);
            let frames: BcmFrames = if fd {
                vec![FdFrame::new(cid, &[7; 12]).unwrap(); n].into()
            } else {
                vec![ClassicFrame::new(cid, &[7; 3]).unwrap(); n].into()
            };
            let fd_flag = if fd { CAN_BCM_CAN_FD_FRAME } else { 0 };
            let msg = BcmMsg {
                opcode: BcmOpcode::try_from(op).unwrap(),
                flags: (flags & !CAN_BCM_CAN_FD_FRAME) | fd_flag,
                count,
                ival1: Duration::new(s1, us1 * 1000),
                ival2: Duration::from_micros(u64::from(us2)),
                can_id: id,
                frames,
            };
            prop_assert_eq!(BcmMsg::decode(&msg.encode().unwrap()).unwrap(), msg);
        }
    }
}
