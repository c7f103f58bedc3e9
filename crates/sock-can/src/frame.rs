//! CAN frames in the kernel's layouts: [`ClassicFrame`] (`struct can_frame`), [`FdFrame`]
//! (`struct canfd_frame`), [`XlFrame`] (`struct canxl_frame`), error frames
//! ([`ErrorFrame`](crate::ErrorFrame)), and [`Frame`], what a raw socket reads.
//!
//! Classic and FD frames *are* the kernel structs (`#[repr(C)]`, no padding), so writing one
//! is a single `send` of its bytes and reading one a single `recv` with no copy or allocation.
//!
//! Text form (as `cansend` takes and `candump -L` prints): `123#DEADBEEF` (classic),
//! `123#R` / `123#R4` (remote request), `123##1DEADBEEF` (FD: the hex digit after `##` holds
//! the BRS/ESI flags), `20000080#0000000000000000` (error frame: 8-digit id with
//! `CAN_ERR_FLAG`), `7FF###80:00:00000000#AABB` (XL: priority, then flags:sdt:af, then data).

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::invalid_input;
use sock_core::pod::{bytes_of, read_pod, Pod};

use crate::consts::*;
use crate::error_frame::ErrorFrame;
use crate::id::CanId;

/// The CAN FD payload lengths (DLC 0..=15 → bytes).
const FD_LENGTHS: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

/// The DLC (0..=15) of a CAN FD payload length, if the length is one a frame can carry.
pub fn can_fd_len_to_dlc(len: usize) -> Option<u8> {
    FD_LENGTHS.iter().position(|&l| usize::from(l) == len).map(|p| p as u8)
}

/// The payload length of a DLC (values above 15 are treated as 15).
pub fn can_fd_dlc_to_len(dlc: u8) -> usize {
    usize::from(FD_LENGTHS[usize::from(dlc.min(15))])
}

/// A classic CAN 2.0 frame: `struct can_frame`, 16 bytes. May be a remote request.
///
/// ```
/// use sock_can::{CanId, ClassicFrame};
/// let f = ClassicFrame::new(CanId::new(0x123)?, &[0xc0, 0xff, 0xee])?;
/// assert_eq!((f.id(), f.data()), (CanId::Standard(0x123), &[0xc0, 0xff, 0xee][..]));
/// assert!(ClassicFrame::new(CanId::new(1)?, &[0; 9]).is_err()); // 9 bytes: InvalidInput
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C, align(8))]
pub struct ClassicFrame {
    can_id: u32,
    len: u8,
    pad: u8,
    res0: u8,
    len8_dlc: u8,
    data: [u8; CAN_MAX_DLEN],
}

// SAFETY: `#[repr(C, align(8))]` with fields of 4 + 1 + 1 + 1 + 1 + 8 bytes = 16, a multiple of
// the alignment, so there is no padding; every field is an integer, valid for any bits.
unsafe impl Pod for ClassicFrame {}
const _: () = assert!(std::mem::size_of::<ClassicFrame>() == CAN_MTU);
const _: () = assert!(std::mem::size_of::<ClassicFrame>() == std::mem::size_of::<libc::can_frame>());

impl ClassicFrame {
    /// A data frame. More than 8 bytes is `InvalidInput`.
    pub fn new(id: CanId, data: &[u8]) -> io::Result<ClassicFrame> {
        if data.len() > CAN_MAX_DLEN {
            return Err(invalid_input("data", "a classic CAN frame carries at most 8 bytes"));
        }
        let mut buf = [0u8; CAN_MAX_DLEN];
        buf[..data.len()].copy_from_slice(data);
        Ok(ClassicFrame { can_id: id.to_raw(), len: data.len() as u8, pad: 0, res0: 0, len8_dlc: 0, data: buf })
    }

    /// A remote transmission request for `len` (0..=8) bytes.
    pub fn remote(id: CanId, len: u8) -> io::Result<ClassicFrame> {
        if usize::from(len) > CAN_MAX_DLEN {
            return Err(invalid_input("len", "a classic CAN frame carries at most 8 bytes"));
        }
        Ok(ClassicFrame { can_id: id.to_raw() | CAN_RTR_FLAG, len, ..ClassicFrame::zeroed() })
    }

    fn zeroed() -> ClassicFrame {
        ClassicFrame { can_id: 0, len: 0, pad: 0, res0: 0, len8_dlc: 0, data: [0; 8] }
    }

    /// Builds a frame from the raw `struct can_frame` fields (`can_id` with its flags). A length
    /// above 8 is `InvalidInput`. Used for error frames and by the BCM.
    pub fn from_raw_parts(can_id: u32, data: &[u8]) -> io::Result<ClassicFrame> {
        let mut f = ClassicFrame::new(CanId::Standard(0), data)?;
        f.can_id = can_id;
        Ok(f)
    }

    /// The identifier.
    pub fn id(&self) -> CanId {
        CanId::from_raw(self.can_id)
    }

    /// The raw `can_id` with its `CAN_EFF_FLAG`/`CAN_RTR_FLAG`/`CAN_ERR_FLAG` bits.
    pub fn raw_id(&self) -> u32 {
        self.can_id
    }

    /// The payload (for a remote request: the requested length of zeros).
    pub fn data(&self) -> &[u8] {
        &self.data[..usize::from(self.len.min(CAN_MAX_DLEN as u8))]
    }

    /// The payload length (0..=8).
    pub fn len(&self) -> usize {
        usize::from(self.len.min(CAN_MAX_DLEN as u8))
    }

    /// Whether the payload is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether this is a remote transmission request.
    pub fn is_remote(&self) -> bool {
        self.can_id & CAN_RTR_FLAG != 0
    }

    /// Whether this is an error frame (see [`ErrorFrame`]).
    pub fn is_error(&self) -> bool {
        self.can_id & CAN_ERR_FLAG != 0
    }

    /// The raw DLC 9..=15 of an 8-byte frame, if one was set (else `None`).
    pub fn len8_dlc(&self) -> Option<u8> {
        (self.len == 8 && (9..=15).contains(&self.len8_dlc)).then_some(self.len8_dlc)
    }

    /// Sets a raw DLC 9..=15 for an 8-byte frame (needs `CAN_CTRLMODE_CC_LEN8_DLC` on the
    /// interface). Other values, or a frame of another length, are `InvalidInput`.
    pub fn with_len8_dlc(mut self, dlc: u8) -> io::Result<ClassicFrame> {
        if self.len != 8 || !(9..=15).contains(&dlc) {
            return Err(invalid_input("dlc", "len8_dlc is 9..=15 and only for 8-byte frames"));
        }
        self.len8_dlc = dlc;
        Ok(self)
    }

    /// The 16 bytes of the `struct can_frame`.
    pub fn as_bytes(&self) -> &[u8] {
        bytes_of(self)
    }

    /// Reads a `struct can_frame` (exactly 16 bytes; anything else is `InvalidData`).
    pub fn from_bytes(bytes: &[u8]) -> io::Result<ClassicFrame> {
        if bytes.len() != CAN_MTU {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "a can_frame is 16 bytes"));
        }
        read_pod::<ClassicFrame>(bytes).ok_or_else(|| io::Error::from(io::ErrorKind::InvalidData))
    }
}

impl AsRef<[u8]> for ClassicFrame {
    /// The 16 bytes of the `struct can_frame`.
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl AsRef<[u8]> for FdFrame {
    /// The 72 bytes of the `struct canfd_frame`.
    fn as_ref(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl Default for ClassicFrame {
    fn default() -> Self {
        ClassicFrame::zeroed()
    }
}

/// A CAN FD frame: `struct canfd_frame`, 72 bytes, payload 0..=8, 12, 16, 20, 24, 32, 48 or 64
/// bytes, with the BRS and ESI flags.
///
/// ```
/// use sock_can::{CanId, FdFrame};
/// let f = FdFrame::new(CanId::new(0x123)?, &[7; 64])?.with_brs(true);
/// assert!(f.brs() && f.data().len() == 64);
/// assert!(FdFrame::new(CanId::new(1)?, &[0; 65]).is_err());
/// assert!(FdFrame::new(CanId::new(1)?, &[0; 13]).is_err()); // not a CAN FD length
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
#[repr(C, align(8))]
pub struct FdFrame {
    can_id: u32,
    len: u8,
    flags: u8,
    res0: u8,
    res1: u8,
    data: [u8; CANFD_MAX_DLEN],
}

// SAFETY: `#[repr(C, align(8))]` with fields of 4 + 1 + 1 + 1 + 1 + 64 bytes = 72, a multiple of
// the alignment, so there is no padding; every field is an integer, valid for any bits.
unsafe impl Pod for FdFrame {}
const _: () = assert!(std::mem::size_of::<FdFrame>() == CANFD_MTU);
const _: () = assert!(std::mem::size_of::<FdFrame>() == std::mem::size_of::<libc::canfd_frame>());

impl FdFrame {
    /// A CAN FD frame. A payload that is not a CAN FD length (more than 64 bytes, or 9..=11,
    /// 13..=15 ...) is `InvalidInput`; pad it to the next length with [`can_fd_len_to_dlc`] in
    /// mind.
    pub fn new(id: CanId, data: &[u8]) -> io::Result<FdFrame> {
        FdFrame::from_raw_parts(id.to_raw(), 0, data)
    }

    /// Builds a frame from raw fields (`can_id` with flags, `flags` of `CANFD_*`).
    pub fn from_raw_parts(can_id: u32, flags: u8, data: &[u8]) -> io::Result<FdFrame> {
        if data.len() > CANFD_MAX_DLEN {
            return Err(invalid_input("data", "a CAN FD frame carries at most 64 bytes"));
        }
        if can_fd_len_to_dlc(data.len()).is_none() {
            return Err(invalid_input("data", "CAN FD payloads are 0..=8, 12, 16, 20, 24, 32, 48 or 64 bytes"));
        }
        let mut buf = [0u8; CANFD_MAX_DLEN];
        buf[..data.len()].copy_from_slice(data);
        Ok(FdFrame { can_id, len: data.len() as u8, flags, res0: 0, res1: 0, data: buf })
    }

    /// With the bit rate switch flag set or cleared.
    pub fn with_brs(mut self, on: bool) -> FdFrame {
        self.set_flag(CANFD_BRS, on);
        self
    }

    /// With the error state indicator flag set or cleared.
    pub fn with_esi(mut self, on: bool) -> FdFrame {
        self.set_flag(CANFD_ESI, on);
        self
    }

    fn set_flag(&mut self, flag: u8, on: bool) {
        if on {
            self.flags |= flag;
        } else {
            self.flags &= !flag;
        }
    }

    /// The identifier.
    pub fn id(&self) -> CanId {
        CanId::from_raw(self.can_id)
    }

    /// The raw `can_id` with its flag bits.
    pub fn raw_id(&self) -> u32 {
        self.can_id
    }

    /// The payload.
    pub fn data(&self) -> &[u8] {
        &self.data[..self.len()]
    }

    /// The payload length.
    pub fn len(&self) -> usize {
        usize::from(self.len).min(CANFD_MAX_DLEN)
    }

    /// Whether the payload is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `CANFD_*` flags byte.
    pub fn flags(&self) -> u8 {
        self.flags
    }

    /// Bit rate switch.
    pub fn brs(&self) -> bool {
        self.flags & CANFD_BRS != 0
    }

    /// Error state indicator.
    pub fn esi(&self) -> bool {
        self.flags & CANFD_ESI != 0
    }

    /// The 72 bytes of the `struct canfd_frame`.
    pub fn as_bytes(&self) -> &[u8] {
        bytes_of(self)
    }

    /// Reads a `struct canfd_frame` (exactly 72 bytes; anything else is `InvalidData`).
    pub fn from_bytes(bytes: &[u8]) -> io::Result<FdFrame> {
        if bytes.len() != CANFD_MTU {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "a canfd_frame is 72 bytes"));
        }
        read_pod::<FdFrame>(bytes).ok_or_else(|| io::Error::from(io::ErrorKind::InvalidData))
    }
}

/// A CAN XL frame: `struct canxl_frame` (11-bit priority, SDU type, acceptance field and
/// 1..=2048 data bytes). Needs `CAN_RAW_XL_FRAMES` and an interface with a CAN XL MTU.
///
/// ```
/// use sock_can::XlFrame;
/// let f = XlFrame::new(0x7ff, &[1, 2, 3])?.with_sdt(0x03).with_af(0xdead_beef);
/// assert_eq!(XlFrame::from_bytes(&f.to_bytes())?, f);
/// assert!(XlFrame::new(0x800, &[1]).is_err()); // priority has 11 bits
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct XlFrame {
    prio: u16,
    flags: u8,
    sdt: u8,
    af: u32,
    data: Vec<u8>,
}

impl XlFrame {
    /// A CAN XL frame. A priority beyond 11 bits, or a payload outside 1..=2048 bytes, is
    /// `InvalidInput`.
    pub fn new(prio: u16, data: &[u8]) -> io::Result<XlFrame> {
        if u32::from(prio) > CANXL_PRIO_MASK {
            return Err(invalid_input("prio", "a CAN XL priority has 11 bits"));
        }
        if !(CANXL_MIN_DLEN..=CANXL_MAX_DLEN).contains(&data.len()) {
            return Err(invalid_input("data", "a CAN XL frame carries 1..=2048 bytes"));
        }
        Ok(XlFrame { prio, flags: CANXL_XLF, sdt: 0, af: 0, data: data.to_vec() })
    }

    /// With the SDU type.
    pub fn with_sdt(mut self, sdt: u8) -> XlFrame {
        self.sdt = sdt;
        self
    }

    /// With the acceptance field.
    pub fn with_af(mut self, af: u32) -> XlFrame {
        self.af = af;
        self
    }

    /// With the simple extended content flag set or cleared.
    pub fn with_sec(mut self, on: bool) -> XlFrame {
        self.flags = if on { self.flags | CANXL_SEC } else { self.flags & !CANXL_SEC };
        self
    }

    /// The 11-bit priority.
    pub fn prio(&self) -> u16 {
        self.prio
    }

    /// The flags byte (`CANXL_XLF` always set, `CANXL_SEC`).
    pub fn flags(&self) -> u8 {
        self.flags
    }

    /// The SDU type.
    pub fn sdt(&self) -> u8 {
        self.sdt
    }

    /// The acceptance field.
    pub fn af(&self) -> u32 {
        self.af
    }

    /// The payload.
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The bytes the kernel expects: the 12-byte header and the payload.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(CANXL_HDR_SIZE + self.data.len());
        self.write_header(&mut out);
        out.extend_from_slice(&self.data);
        out
    }

    /// Appends the 12-byte header to `out`.
    pub(crate) fn write_header(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&u32::from(self.prio).to_ne_bytes());
        out.push(self.flags | CANXL_XLF);
        out.push(self.sdt);
        out.extend_from_slice(&(self.data.len() as u16).to_ne_bytes());
        out.extend_from_slice(&self.af.to_ne_bytes());
    }

    /// Reads a `struct canxl_frame` (header and at least `len` data bytes; `InvalidData`
    /// otherwise).
    pub fn from_bytes(bytes: &[u8]) -> io::Result<XlFrame> {
        let bad = |m: &str| io::Error::new(io::ErrorKind::InvalidData, m.to_string());
        if bytes.len() < CANXL_HDR_SIZE {
            return Err(bad("a canxl_frame has a 12-byte header"));
        }
        let prio = u32::from_ne_bytes(bytes[0..4].try_into().expect("4 bytes")) & CANXL_PRIO_MASK;
        let flags = bytes[4];
        if flags & CANXL_XLF == 0 {
            return Err(bad("CANXL_XLF is not set"));
        }
        let len = usize::from(u16::from_ne_bytes([bytes[6], bytes[7]]));
        let af = u32::from_ne_bytes(bytes[8..12].try_into().expect("4 bytes"));
        let data = bytes.get(CANXL_HDR_SIZE..CANXL_HDR_SIZE + len).ok_or_else(|| bad("canxl_frame cut short"))?;
        if !(CANXL_MIN_DLEN..=CANXL_MAX_DLEN).contains(&len) {
            return Err(bad("CAN XL length out of range"));
        }
        Ok(XlFrame { prio: prio as u16, flags, sdt: bytes[5], af, data: data.to_vec() })
    }
}

/// Any frame a raw socket reads or writes.
///
/// ```
/// use sock_can::Frame;
/// let f: Frame = "123#DEADBEEF".parse()?;
/// assert!(matches!(f, Frame::Classic(_)));
/// assert_eq!(f.to_string(), "123#DEADBEEF");
/// let fd: Frame = "12345678##1112233".parse()?;
/// assert!(matches!(fd, Frame::Fd(ref f) if f.brs() && f.data() == [0x11, 0x22, 0x33]));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Frame {
    /// A classic data frame or remote request.
    Classic(ClassicFrame),
    /// A CAN FD frame.
    Fd(FdFrame),
    /// An error frame (a classic frame with `CAN_ERR_FLAG`).
    Error(ErrorFrame),
    /// A CAN XL frame.
    Xl(XlFrame),
}

impl Frame {
    /// Decodes what a raw socket read: 16 bytes are a classic (or error) frame, 72 an FD frame,
    /// a header with `CANXL_XLF` an XL frame. Anything else is `InvalidData`.
    pub fn from_bytes(bytes: &[u8]) -> io::Result<Frame> {
        if bytes.len() >= CANXL_HDR_SIZE && bytes[4] & CANXL_XLF != 0 {
            return XlFrame::from_bytes(bytes).map(Frame::Xl);
        }
        match bytes.len() {
            CAN_MTU => {
                let f = ClassicFrame::from_bytes(bytes)?;
                Ok(if f.is_error() { Frame::Error(ErrorFrame::from_classic(f)) } else { Frame::Classic(f) })
            }
            CANFD_MTU => FdFrame::from_bytes(bytes).map(Frame::Fd),
            n => Err(io::Error::new(io::ErrorKind::InvalidData, format!("{n} bytes is no CAN frame size"))),
        }
    }

    /// The identifier (for an XL frame: its priority; for an error frame: the class bits).
    pub fn id(&self) -> CanId {
        match self {
            Frame::Classic(f) => f.id(),
            Frame::Fd(f) => f.id(),
            Frame::Error(f) => CanId::Extended(f.class_bits()),
            Frame::Xl(f) => CanId::Standard(f.prio()),
        }
    }

    /// The payload.
    pub fn data(&self) -> &[u8] {
        match self {
            Frame::Classic(f) => f.data(),
            Frame::Fd(f) => f.data(),
            Frame::Error(f) => f.data(),
            Frame::Xl(f) => f.data(),
        }
    }

    /// The bytes to write (borrowed for classic, FD and error frames; XL frames are built).
    pub fn to_bytes(&self) -> std::borrow::Cow<'_, [u8]> {
        match self {
            Frame::Classic(f) => f.as_bytes().into(),
            Frame::Fd(f) => f.as_bytes().into(),
            Frame::Error(f) => f.as_classic().as_bytes().into(),
            Frame::Xl(f) => f.to_bytes().into(),
        }
    }
}

impl From<ClassicFrame> for Frame {
    fn from(f: ClassicFrame) -> Self {
        if f.is_error() {
            Frame::Error(ErrorFrame::from_classic(f))
        } else {
            Frame::Classic(f)
        }
    }
}

impl From<FdFrame> for Frame {
    fn from(f: FdFrame) -> Self {
        Frame::Fd(f)
    }
}

impl From<ErrorFrame> for Frame {
    fn from(f: ErrorFrame) -> Self {
        Frame::Error(f)
    }
}

impl From<XlFrame> for Frame {
    fn from(f: XlFrame) -> Self {
        Frame::Xl(f)
    }
}

fn hex(f: &mut fmt::Formatter<'_>, data: &[u8]) -> fmt::Result {
    data.iter().try_for_each(|b| write!(f, "{b:02X}"))
}

fn unhex(s: &str) -> io::Result<Vec<u8>> {
    let s: String = s.chars().filter(|&c| c != '.').collect();
    if s.len() % 2 != 0 || !s.is_ascii() {
        return Err(invalid_input("frame", "data must be pairs of hex digits"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|_| invalid_input("frame", "bad hex data")))
        .collect()
}

impl fmt::Display for ClassicFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#", self.id())?;
        if self.is_remote() {
            return if self.len > 0 { write!(f, "R{}", self.len) } else { f.write_str("R") };
        }
        hex(f, self.data())
    }
}

impl fmt::Debug for ClassicFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClassicFrame({self})")
    }
}

impl fmt::Display for FdFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}##{:X}", self.id(), self.flags & (CANFD_BRS | CANFD_ESI))?;
        hex(f, self.data())
    }
}

impl fmt::Debug for FdFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FdFrame({self})")
    }
}

impl fmt::Display for XlFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03X}###{:02X}:{:02X}:{:08X}#", self.prio, self.flags, self.sdt, self.af)?;
        hex(f, &self.data)
    }
}

impl fmt::Display for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Frame::Classic(x) => x.fmt(f),
            Frame::Fd(x) => x.fmt(f),
            Frame::Error(x) => x.fmt(f),
            Frame::Xl(x) => x.fmt(f),
        }
    }
}

impl FromStr for Frame {
    type Err = io::Error;

    fn from_str(s: &str) -> io::Result<Frame> {
        if let Some((prio, rest)) = s.split_once("###") {
            let prio = u16::from_str_radix(prio, 16).map_err(|_| invalid_input("frame", "bad CAN XL priority"))?;
            let (head, data) =
                rest.split_once('#').ok_or_else(|| invalid_input("frame", "expected flags:sdt:af#data"))?;
            let parts: Vec<&str> = head.split(':').collect();
            let [flags, sdt, af] = parts[..] else {
                return Err(invalid_input("frame", "expected flags:sdt:af"));
            };
            let num = |t: &str| u32::from_str_radix(t, 16).map_err(|_| invalid_input("frame", "bad hex field"));
            let flags = u8::try_from(num(flags)?).map_err(|_| invalid_input("frame", "flags out of range"))?;
            let sdt = u8::try_from(num(sdt)?).map_err(|_| invalid_input("frame", "sdt out of range"))?;
            let f = XlFrame::new(prio, &unhex(data)?)?.with_sdt(sdt).with_af(num(af)?).with_sec(flags & CANXL_SEC != 0);
            return Ok(Frame::Xl(f));
        }
        let (id_text, rest) = s.split_once('#').ok_or_else(|| invalid_input("frame", "expected <id>#<data>"))?;
        let raw = u32::from_str_radix(id_text, 16).map_err(|_| invalid_input("id", "not a hex CAN id"))?;
        if id_text.len() == 8 && raw & CAN_ERR_FLAG != 0 {
            let data = unhex(rest)?;
            return ClassicFrame::from_raw_parts(raw & (CAN_ERR_FLAG | CAN_ERR_MASK), &data)
                .map(|f| Frame::Error(ErrorFrame::from_classic(f)));
        }
        let id: CanId = id_text.parse()?;
        if let Some(fd) = rest.strip_prefix('#') {
            let mut chars = fd.chars();
            let flags = chars
                .next()
                .and_then(|c| c.to_digit(16))
                .ok_or_else(|| invalid_input("frame", "expected a flags digit after ##"))?;
            return FdFrame::from_raw_parts(id.to_raw(), flags as u8, &unhex(chars.as_str())?).map(Frame::Fd);
        }
        if let Some(r) = rest.strip_prefix(['R', 'r']) {
            let len =
                if r.is_empty() { 0 } else { r.parse::<u8>().map_err(|_| invalid_input("frame", "bad RTR length"))? };
            return ClassicFrame::remote(id, len).map(Frame::Classic);
        }
        ClassicFrame::new(id, &unhex(rest)?).map(Frame::Classic)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn layouts_match_libc() {
        assert_eq!(std::mem::offset_of!(ClassicFrame, data), std::mem::offset_of!(libc::can_frame, data));
        assert_eq!(std::mem::offset_of!(FdFrame, data), std::mem::offset_of!(libc::canfd_frame, data));
        assert_eq!(std::mem::offset_of!(FdFrame, flags), std::mem::offset_of!(libc::canfd_frame, flags));
    }

    #[test]
    fn bad_input_is_invalid_input() {
        let id = CanId::new(1).unwrap();
        for e in [
            ClassicFrame::new(id, &[0; 9]).unwrap_err(),
            FdFrame::new(id, &[0; 65]).unwrap_err(),
            FdFrame::new(id, &[0; 9]).unwrap_err(),
            CanId::new(0x3fff_ffff).unwrap_err(),
            ClassicFrame::remote(id, 9).unwrap_err(),
            XlFrame::new(1, &[]).unwrap_err(),
            XlFrame::new(1, &[0; 2049]).unwrap_err(),
        ] {
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{e}");
        }
        for len in [0, 1, 8, 12, 16, 20, 24, 32, 48, 64] {
            assert_eq!(FdFrame::new(id, &vec![0; len]).unwrap().len(), len);
            assert_eq!(can_fd_dlc_to_len(can_fd_len_to_dlc(len).unwrap()), len);
        }
    }

    #[test]
    fn text_forms() {
        for t in [
            "123#",
            "123#R",
            "123#R4",
            "1FFFFFFF#0011223344556677",
            "123##0",
            "123##3AABB",
            "20000080#0000000000000000",
        ] {
            assert_eq!(t.parse::<Frame>().unwrap().to_string(), t);
        }
        assert!("123#1".parse::<Frame>().is_err());
        assert!("123#001122334455667788".parse::<Frame>().is_err());
        assert!("800#00".parse::<Frame>().is_err());
        let xl: Frame = "7FF###81:03:DEADBEEF#AABB".parse().unwrap();
        assert_eq!(xl.to_string(), "7FF###81:03:DEADBEEF#AABB");
    }

    proptest! {
        #[test]
        fn any_bytes_decode(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let _ = Frame::from_bytes(&bytes);
        }

        #[test]
        fn sized_bytes_decode(b16 in any::<[u8; 16]>(), b72 in proptest::collection::vec(any::<u8>(), 72)) {
            if let Ok(f) = Frame::from_bytes(&b16) { let _ = (f.data().len(), f.to_string()); }
            if let Ok(f) = Frame::from_bytes(&b72) { let _ = (f.data().len(), f.to_string()); }
        }

        #[test]
        fn classic_round_trip(raw in any::<u32>(), data in proptest::collection::vec(any::<u8>(), 0..=8)) {
            let f = ClassicFrame::new(CanId::from_raw(raw), &data).unwrap();
            prop_assert_eq!(Frame::from_bytes(f.as_bytes()).unwrap(), Frame::Classic(f));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Classic(f));
        }

        #[test]
        fn fd_round_trip(raw in any::<u32>(), dlc in 0u8..16, flags in 0u8..4, fill in any::<u8>()) {
            let data = vec![fill; can_fd_dlc_to_len(dlc)];
            let f = FdFrame::new(CanId::from_raw(raw), &data).unwrap().with_brs(flags & 1 != 0).with_esi(flags & 2 != 0);
            prop_assert_eq!(Frame::from_bytes(f.as_bytes()).unwrap(), Frame::Fd(f));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Fd(f));
        }

        #[test]
        fn xl_round_trip(prio in 0u16..0x800, sdt in any::<u8>(), af in any::<u32>(), data in proptest::collection::vec(any::<u8>(), 1..300)) {
            let f = XlFrame::new(prio, &data).unwrap().with_sdt(sdt).with_af(af);
            prop_assert_eq!(Frame::from_bytes(&f.to_bytes()).unwrap(), Frame::Xl(f.clone()));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Xl(f));
        }
    }
}
