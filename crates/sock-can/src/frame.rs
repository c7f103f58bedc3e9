//! CAN frames in the kernel's layouts: [`ClassicFrame`] (`struct can_frame`), [`FdFrame`]
//! (`struct canfd_frame`), [`XlFrame`] (`struct canxl_frame`), error frames
//! ([`ErrorFrame`](crate::ErrorFrame)), and [`Frame`], what a raw socket reads.
//!
//! Classic and FD frames *are* the kernel structs (`#[repr(C)]`, no padding), so writing one
//! is a single `send` of its bytes and reading one a single `recv` with no copy or allocation.
//!
//! # Text form
//!
//! As `cansend` takes and `candump -L` prints (can-utils' `lib.c`), and the two directions
//! agree: every frame prints as text that parses back to an equal frame (a property test
//! checks it for every frame [`Frame::from_bytes`] accepts).
//!
//! - `123#DEADBEEF`: classic data frame; 3 hex digits make a standard id, 8 an extended one
//!   (`00000123#` is extended). Data bytes may be separated by `.` when parsing.
//! - `123#1122334455667788_E`: an 8-byte frame with a raw DLC 9..=15 (`len8_dlc`).
//! - `123#R`, `123#R4`, `123#R8_E`: remote request, with its length (decimal 0..=8) and
//!   optionally a raw DLC.
//! - `123##1DEADBEEF`: CAN FD. The one hex digit after `##` is the low nibble of
//!   `canfd_frame.flags`, kept verbatim: `CANFD_BRS` = 1, `CANFD_ESI` = 2, `CANFD_FDF` = 4
//!   (Linux 6.x sets FDF on the CAN FD frames it delivers, so `candump` prints `##5` for a BRS
//!   frame; newer `cansend` sets it on every frame it sends; sending it is harmless), 8 is
//!   undefined and kept as given. So `123##4` is an FD frame with only FDF set and prints as
//!   `123##4`. Parsing accepts any payload of 0..=64 bytes (as `cansend` does, and as a
//!   socket may deliver from a peer), while [`FdFrame::new`] only builds CAN FD lengths.
//! - `20000080#0000000000000000`: error frame (8 hex digits with `CAN_ERR_FLAG`).
//! - `7FF###81:03:DEADBEEF#AABB`: CAN XL: priority, then flags:sdt:af (hex), then data. The
//!   flags byte is kept verbatim except that `CANXL_XLF` is always set.
//!
//! Decoding ([`Frame::from_bytes`]) gives canonical frames: bits that no field of the text
//! form carries and that the kernel does not define are cleared (reserved bytes, data past
//! the length or of a remote request, id bits above 11 of a standard id, `CAN_RTR_FLAG` and
//! `CAN_ERR_FLAG` on an FD frame, FD flag bits above 0x0F). A hand-built
//! `Frame::Classic` holding an error frame prints as an error frame and parses back as
//! [`Frame::Error`].

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::pod::{bytes_of, read_pod, Pod};
use sock_core::{invalid_input, ErrorContext};

use crate::consts::*;
use crate::error_frame::ErrorFrame;
use crate::id::CanId;

/// The `canfd_frame.flags` bits the text form carries (one hex digit).
const FD_TEXT_FLAGS: u8 = 0x0F;

/// The CAN FD payload lengths (DLC 0..=15 → bytes).
const FD_LENGTHS: [u8; 16] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 12, 16, 20, 24, 32, 48, 64];

/// The DLC (0..=15) of a CAN FD payload length, if the length is one a frame can carry.
///
/// ```
/// use sock::can::{can_fd_dlc_to_len, can_fd_len_to_dlc};
/// assert_eq!(can_fd_len_to_dlc(64), Some(15));
/// assert_eq!(can_fd_len_to_dlc(13), None);
/// assert_eq!(can_fd_dlc_to_len(9), 12);
/// ```
pub fn can_fd_len_to_dlc(len: usize) -> Option<u8> {
    FD_LENGTHS.iter().position(|&l| usize::from(l) == len).map(|p| p as u8)
}

/// The payload length of a DLC (values above 15 are treated as 15); see
/// [`can_fd_len_to_dlc`].
///
/// ```
/// use sock::can::can_fd_dlc_to_len;
/// assert_eq!((can_fd_dlc_to_len(8), can_fd_dlc_to_len(15)), (8, 64));
/// assert_eq!(can_fd_dlc_to_len(200), 64); // above 15: as 15
/// ```
pub fn can_fd_dlc_to_len(dlc: u8) -> usize {
    usize::from(FD_LENGTHS[usize::from(dlc.min(15))])
}

/// A classic CAN 2.0 frame: `struct can_frame`, 16 bytes. May be a remote request.
///
/// ```
/// use sock::can::{CanId, ClassicFrame};
/// let f = ClassicFrame::new(CanId::new(0x123)?, &[0xc0, 0xff, 0xee])?;
/// assert_eq!((f.id(), f.data()), (CanId::Standard(0x123), &[0xc0, 0xff, 0xee][..]));
/// assert_eq!(ClassicFrame::new(CanId::new(1)?, &[0; 9]).unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // 9 bytes: InvalidInput
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
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let f = ClassicFrame::new(CanId::new(0x123)?, &[0xde, 0xad])?;
    /// assert_eq!(f.to_string(), "123#DEAD");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(id: CanId, data: &[u8]) -> io::Result<ClassicFrame> {
        if data.len() > CAN_MAX_DLEN {
            return Err(invalid_input("data", "a classic CAN frame carries at most 8 bytes"));
        }
        let mut buf = [0u8; CAN_MAX_DLEN];
        buf[..data.len()].copy_from_slice(data);
        Ok(ClassicFrame { can_id: id.to_raw(), len: data.len() as u8, pad: 0, res0: 0, len8_dlc: 0, data: buf })
    }

    /// A remote transmission request for `len` (0..=8) bytes; more is `InvalidInput` naming
    /// `len`.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let rtr = ClassicFrame::remote(CanId::new(0x123)?, 4)?;
    /// assert!(rtr.is_remote() && rtr.len() == 4);
    /// assert_eq!(rtr.to_string(), "123#R4");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn remote(id: CanId, len: usize) -> io::Result<ClassicFrame> {
        match u8::try_from(len) {
            Ok(l) if len <= CAN_MAX_DLEN => {
                Ok(ClassicFrame { can_id: id.to_raw() | CAN_RTR_FLAG, len: l, ..ClassicFrame::zeroed() })
            }
            _ => Err(invalid_input("len", "a classic CAN frame carries at most 8 bytes")),
        }
    }

    fn zeroed() -> ClassicFrame {
        ClassicFrame { can_id: 0, len: 0, pad: 0, res0: 0, len8_dlc: 0, data: [0; 8] }
    }

    /// Builds a frame from the raw `struct can_frame` fields (`can_id` with its flags). A length
    /// above 8, or a standard id (no `CAN_EFF_FLAG`/`CAN_ERR_FLAG`) with bits above the 11th,
    /// is `InvalidInput`. `CAN_EFF_FLAG`/`CAN_RTR_FLAG` on an error frame are dropped; a remote
    /// request's data is zeroed. Used for error frames and by the BCM.
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, CanId, ClassicFrame};
    /// let f = ClassicFrame::from_raw_parts(0x123 | CAN_EFF_FLAG, &[0xaa])?;
    /// assert_eq!((f.id(), f.to_string()), (CanId::Extended(0x123), "00000123#AA".to_string()));
    /// assert!(ClassicFrame::from_raw_parts(0x800, &[]).is_err()); // 12 bits without CAN_EFF_FLAG
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_raw_parts(can_id: u32, data: &[u8]) -> io::Result<ClassicFrame> {
        if can_id & (CAN_EFF_FLAG | CAN_ERR_FLAG) == 0 && can_id & CAN_EFF_MASK > CAN_SFF_MASK {
            return Err(invalid_input("can_id", "a standard CAN id (no CAN_EFF_FLAG) has 11 bits (at most 0x7FF)"));
        }
        let mut f = ClassicFrame::new(CanId::Standard(0), data)?;
        f.can_id = can_id;
        Ok(f.canonical())
    }

    /// The canonical form of a frame whose length is at most 8: see the module docs.
    pub(crate) fn canonical(mut self) -> ClassicFrame {
        let len = self.len();
        self.len = len as u8; // at most 8
        self.pad = 0;
        self.res0 = 0;
        if self.is_error() {
            self.can_id &= CAN_ERR_FLAG | CAN_ERR_MASK;
        } else if self.can_id & CAN_EFF_FLAG == 0 {
            self.can_id &= CAN_RTR_FLAG | CAN_SFF_MASK;
        }
        if self.is_error() || !(len == CAN_MAX_DLEN && (9..=15).contains(&self.len8_dlc)) {
            self.len8_dlc = 0;
        }
        let keep = if self.is_remote() && !self.is_error() { 0 } else { len };
        self.data[keep..].fill(0);
        self
    }

    /// The identifier.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// assert_eq!(ClassicFrame::new(CanId::Extended(0x42), &[])?.id(), CanId::Extended(0x42));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn id(&self) -> CanId {
        CanId::from_raw(self.can_id)
    }

    /// The raw `can_id` with its `CAN_EFF_FLAG`/`CAN_RTR_FLAG`/`CAN_ERR_FLAG` bits.
    ///
    /// ```
    /// use sock::can::{consts::CAN_RTR_FLAG, CanId, ClassicFrame};
    /// let rtr = ClassicFrame::remote(CanId::new(0x123)?, 0)?;
    /// assert_eq!(rtr.raw_id(), 0x123 | CAN_RTR_FLAG);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn raw_id(&self) -> u32 {
        self.can_id
    }

    /// The payload (for a remote request: the requested length of zeros).
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// assert_eq!(ClassicFrame::new(CanId::new(1)?, &[1, 2])?.data(), [1, 2]);
    /// assert_eq!(ClassicFrame::remote(CanId::new(1)?, 2)?.data(), [0, 0]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn data(&self) -> &[u8] {
        &self.data[..usize::from(self.len.min(CAN_MAX_DLEN as u8))]
    }

    /// The payload length (0..=8).
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// assert_eq!(ClassicFrame::new(CanId::new(1)?, &[1, 2, 3])?.len(), 3);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        usize::from(self.len.min(CAN_MAX_DLEN as u8))
    }

    /// Whether the payload is empty.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// assert!(ClassicFrame::new(CanId::new(1)?, &[])?.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether this is a remote transmission request.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// assert!(ClassicFrame::remote(CanId::new(1)?, 8)?.is_remote());
    /// assert!(!ClassicFrame::new(CanId::new(1)?, &[0; 8])?.is_remote());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_remote(&self) -> bool {
        self.can_id & CAN_RTR_FLAG != 0
    }

    /// Whether this is an error frame (see [`ErrorFrame`]).
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_BUSOFF, CanId, ClassicFrame, ErrorFrame};
    /// assert!(ErrorFrame::new(CAN_ERR_BUSOFF, [0; 8]).as_classic().is_error());
    /// assert!(!ClassicFrame::new(CanId::new(1)?, &[])?.is_error());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_error(&self) -> bool {
        self.can_id & CAN_ERR_FLAG != 0
    }

    /// The raw DLC 9..=15 of an 8-byte frame, if one was set (else `None`).
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let f = ClassicFrame::new(CanId::new(1)?, &[0; 8])?;
    /// assert_eq!(f.len8_dlc(), None);
    /// assert_eq!(f.with_len8_dlc(12)?.len8_dlc(), Some(12));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len8_dlc(&self) -> Option<u8> {
        (self.len == 8 && (9..=15).contains(&self.len8_dlc)).then_some(self.len8_dlc)
    }

    /// Sets a raw DLC 9..=15 for an 8-byte frame (needs `CAN_CTRLMODE_CC_LEN8_DLC` on the
    /// interface). Other values, a frame of another length, or an error frame, are
    /// `InvalidInput`.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let f = ClassicFrame::new(CanId::new(0x123)?, &[0x11; 8])?.with_len8_dlc(0xe)?;
    /// assert_eq!(f.to_string(), "123#1111111111111111_E");
    /// assert!(ClassicFrame::new(CanId::new(0x123)?, &[0x11])?.with_len8_dlc(9).is_err()); // not 8 bytes
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_len8_dlc(mut self, dlc: u8) -> io::Result<ClassicFrame> {
        if self.len != 8 || !(9..=15).contains(&dlc) || self.is_error() {
            return Err(invalid_input("dlc", "len8_dlc is 9..=15 and only for 8-byte data or remote frames"));
        }
        self.len8_dlc = dlc;
        Ok(self)
    }

    /// The 16 bytes of the `struct can_frame`.
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let f = ClassicFrame::new(CanId::new(0x123)?, &[0xab])?;
    /// let b = f.as_bytes();
    /// assert_eq!((b.len(), &b[..4], b[4], b[8]), (16, &0x123u32.to_ne_bytes()[..], 1, 0xab)); // can_id, len, data
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        bytes_of(self)
    }

    /// Reads a `struct can_frame` (exactly 16 bytes with a length of at most 8; anything else
    /// is `InvalidData`), in canonical form (see the module docs).
    ///
    /// ```
    /// use sock::can::{CanId, ClassicFrame};
    /// let f = ClassicFrame::new(CanId::new(0x123)?, &[1, 2, 3])?;
    /// assert_eq!(ClassicFrame::from_bytes(f.as_bytes())?, f);
    /// assert_eq!(ClassicFrame::from_bytes(&[0; 15]).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<ClassicFrame> {
        if bytes.len() != CAN_MTU {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "a can_frame is 16 bytes"));
        }
        let f = read_pod::<ClassicFrame>(bytes).ok_or_else(|| io::Error::from(io::ErrorKind::InvalidData))?;
        if usize::from(f.len) > CAN_MAX_DLEN {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "can_frame len is above 8"));
        }
        Ok(f.canonical())
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
/// use sock::can::{CanId, FdFrame};
/// let f = FdFrame::new(CanId::new(0x123)?, &[7; 64])?.with_brs(true);
/// assert!(f.brs() && f.data().len() == 64);
/// assert_eq!(FdFrame::new(CanId::new(1)?, &[0; 65]).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
/// assert_eq!(FdFrame::new(CanId::new(1)?, &[0; 13]).unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // not a CAN FD length
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
    ///
    /// ```
    /// use sock::can::{can_fd_len_to_dlc, CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(0x123)?, &[0xaa; 12])?;
    /// assert_eq!((f.len(), can_fd_len_to_dlc(f.len())), (12, Some(9)));
    /// assert!(FdFrame::new(CanId::new(0x123)?, &[0xaa; 10]).is_err()); // pad it to 12
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(id: CanId, data: &[u8]) -> io::Result<FdFrame> {
        FdFrame::from_raw_parts(id.to_raw(), 0, data)
    }

    /// Builds a frame from raw fields (`can_id` with `CAN_EFF_FLAG` for an extended id,
    /// `flags` of `CANFD_BRS`/`CANFD_ESI`/`CANFD_FDF` and the undefined 0x08). A payload that is
    /// not a CAN FD length, flags above 0x0F, `CAN_RTR_FLAG`/`CAN_ERR_FLAG` in `can_id` (CAN FD
    /// has neither), or a standard id with bits above the 11th is `InvalidInput`.
    ///
    /// ```
    /// use sock::can::consts::{CANFD_BRS, CANFD_FDF, CAN_RTR_FLAG};
    /// use sock::can::FdFrame;
    /// let f = FdFrame::from_raw_parts(0x123, CANFD_BRS | CANFD_FDF, &[1, 2])?;
    /// assert_eq!(f.to_string(), "123##50102");
    /// assert!(FdFrame::from_raw_parts(0x123 | CAN_RTR_FLAG, 0, &[]).is_err()); // CAN FD has no RTR
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_raw_parts(can_id: u32, flags: u8, data: &[u8]) -> io::Result<FdFrame> {
        if can_fd_len_to_dlc(data.len()).is_none() {
            return Err(invalid_input("data", "CAN FD payloads are 0..=8, 12, 16, 20, 24, 32, 48 or 64 bytes"));
        }
        FdFrame::any_len(can_id, flags, data)
    }

    /// [`FdFrame::from_raw_parts`] for any payload of 0..=64 bytes (what a socket may deliver).
    fn any_len(can_id: u32, flags: u8, data: &[u8]) -> io::Result<FdFrame> {
        let len = u8::try_from(data.len())
            .ok()
            .filter(|&l| usize::from(l) <= CANFD_MAX_DLEN)
            .ok_or_else(|| invalid_input("data", "a CAN FD frame carries at most 64 bytes"))?;
        if flags & !FD_TEXT_FLAGS != 0 {
            return Err(invalid_input("flags", "CAN FD flags are CANFD_BRS|CANFD_ESI|CANFD_FDF|0x08 (at most 0x0F)"));
        }
        if can_id & (CAN_RTR_FLAG | CAN_ERR_FLAG) != 0 {
            return Err(invalid_input("can_id", "a CAN FD frame has no CAN_RTR_FLAG or CAN_ERR_FLAG"));
        }
        if can_id & CAN_EFF_FLAG == 0 && can_id > CAN_SFF_MASK {
            return Err(invalid_input("can_id", "a standard CAN id (no CAN_EFF_FLAG) has 11 bits (at most 0x7FF)"));
        }
        let mut buf = [0u8; CANFD_MAX_DLEN];
        buf[..data.len()].copy_from_slice(data);
        Ok(FdFrame { can_id, len, flags, res0: 0, res1: 0, data: buf })
    }

    /// With the bit rate switch flag set or cleared.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_BRS, CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(0x123)?, &[1])?.with_brs(true);
    /// assert_eq!((f.flags(), f.to_string()), (CANFD_BRS, "123##101".to_string()));
    /// assert!(!f.with_brs(false).brs());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_brs(mut self, on: bool) -> FdFrame {
        self.set_flag(CANFD_BRS, on);
        self
    }

    /// With the error state indicator flag set or cleared.
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(0x123)?, &[1])?.with_esi(true);
    /// assert_eq!(f.to_string(), "123##201");
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// assert_eq!(FdFrame::new(CanId::new(0x800)?, &[])?.id(), CanId::Extended(0x800));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn id(&self) -> CanId {
        CanId::from_raw(self.can_id)
    }

    /// The raw `can_id` with its flag bits.
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, CanId, FdFrame};
    /// assert_eq!(FdFrame::new(CanId::Extended(0x123), &[])?.raw_id(), 0x123 | CAN_EFF_FLAG);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn raw_id(&self) -> u32 {
        self.can_id
    }

    /// The payload.
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// assert_eq!(FdFrame::new(CanId::new(1)?, &[7; 16])?.data(), [7; 16]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn data(&self) -> &[u8] {
        &self.data[..self.len()]
    }

    /// The payload length.
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// assert_eq!(FdFrame::new(CanId::new(1)?, &[0; 64])?.len(), 64);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn len(&self) -> usize {
        usize::from(self.len).min(CANFD_MAX_DLEN)
    }

    /// Whether the payload is empty.
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// assert!(FdFrame::new(CanId::new(1)?, &[])?.is_empty());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `CANFD_*` flags byte.
    ///
    /// ```
    /// use sock::can::consts::{CANFD_BRS, CANFD_ESI};
    /// use sock::can::{CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(1)?, &[])?.with_brs(true).with_esi(true);
    /// assert_eq!(f.flags(), CANFD_BRS | CANFD_ESI);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn flags(&self) -> u8 {
        self.flags
    }

    /// Bit rate switch.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_BRS, FdFrame};
    /// assert!(FdFrame::from_raw_parts(0x123, CANFD_BRS, &[])?.brs());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn brs(&self) -> bool {
        self.flags & CANFD_BRS != 0
    }

    /// Error state indicator.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_ESI, FdFrame};
    /// let f = FdFrame::from_raw_parts(0x123, CANFD_ESI, &[])?;
    /// assert!(f.esi() && !f.brs());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn esi(&self) -> bool {
        self.flags & CANFD_ESI != 0
    }

    /// The 72 bytes of the `struct canfd_frame`.
    ///
    /// ```
    /// use sock::can::{consts::CANFD_BRS, CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(0x123)?, &[0xab; 12])?.with_brs(true);
    /// let b = f.as_bytes();
    /// assert_eq!((b.len(), b[4], b[5], b[8]), (72, 12, CANFD_BRS, 0xab)); // len, flags, data
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn as_bytes(&self) -> &[u8] {
        bytes_of(self)
    }

    /// Reads a `struct canfd_frame` (exactly 72 bytes with a length of at most 64; anything
    /// else is `InvalidData`), in canonical form (see the module docs). A length that is not a
    /// CAN FD length (a peer may send one over a virtual interface) is kept.
    ///
    /// ```
    /// use sock::can::{CanId, FdFrame};
    /// let f = FdFrame::new(CanId::new(0x123)?, &[1; 24])?;
    /// assert_eq!(FdFrame::from_bytes(f.as_bytes())?, f);
    /// assert_eq!(FdFrame::from_bytes(&[0; 16]).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> io::Result<FdFrame> {
        if bytes.len() != CANFD_MTU {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "a canfd_frame is 72 bytes"));
        }
        let mut f = read_pod::<FdFrame>(bytes).ok_or_else(|| io::Error::from(io::ErrorKind::InvalidData))?;
        let len = usize::from(f.len);
        if len > CANFD_MAX_DLEN {
            return Err(io::Error::new(io::ErrorKind::InvalidData, "canfd_frame len is above 64"));
        }
        f.flags &= FD_TEXT_FLAGS;
        f.res0 = 0;
        f.res1 = 0;
        f.can_id &= !(CAN_RTR_FLAG | CAN_ERR_FLAG);
        if f.can_id & CAN_EFF_FLAG == 0 {
            f.can_id &= CAN_SFF_MASK;
        }
        f.data[len..].fill(0);
        Ok(f)
    }
}

/// A CAN XL frame: `struct canxl_frame` (11-bit priority, SDU type, acceptance field and
/// 1..=2048 data bytes). Needs `CAN_RAW_XL_FRAMES` and an interface with a CAN XL MTU.
///
/// ```
/// use sock::can::XlFrame;
/// let f = XlFrame::new(0x7ff, &[1, 2, 3])?.with_sdt(0x03).with_af(0xdead_beef);
/// assert_eq!(XlFrame::from_bytes(&f.to_bytes())?, f);
/// assert_eq!(XlFrame::new(0x800, &[1]).unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // priority has 11 bits
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
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// let f = XlFrame::new(0x42, &[1, 2, 3])?;
    /// assert_eq!((f.prio(), f.data()), (0x42, &[1, 2, 3][..]));
    /// assert!(XlFrame::new(0x42, &[]).is_err()); // at least 1 byte
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(1, &[0])?.with_sdt(0x03).sdt(), 0x03);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_sdt(mut self, sdt: u8) -> XlFrame {
        self.sdt = sdt;
        self
    }

    /// With the acceptance field.
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(1, &[0])?.with_af(0xdead_beef).af(), 0xdead_beef);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_af(mut self, af: u32) -> XlFrame {
        self.af = af;
        self
    }

    /// With the simple extended content flag set or cleared.
    ///
    /// ```
    /// use sock::can::consts::{CANXL_SEC, CANXL_XLF};
    /// use sock::can::XlFrame;
    /// let f = XlFrame::new(1, &[0])?.with_sec(true);
    /// assert_eq!(f.flags(), CANXL_XLF | CANXL_SEC);
    /// assert_eq!(f.with_sec(false).flags(), CANXL_XLF);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn with_sec(mut self, on: bool) -> XlFrame {
        self.flags = if on { self.flags | CANXL_SEC } else { self.flags & !CANXL_SEC };
        self
    }

    /// The 11-bit priority.
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(0x7ff, &[0])?.prio(), 0x7ff);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn prio(&self) -> u16 {
        self.prio
    }

    /// The flags byte (`CANXL_XLF` always set, `CANXL_SEC`).
    ///
    /// ```
    /// use sock::can::{consts::CANXL_XLF, XlFrame};
    /// assert_eq!(XlFrame::new(1, &[0])?.flags(), CANXL_XLF);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn flags(&self) -> u8 {
        self.flags
    }

    /// The SDU type.
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(1, &[0])?.sdt(), 0); // until `with_sdt`
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn sdt(&self) -> u8 {
        self.sdt
    }

    /// The acceptance field.
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(1, &[0])?.af(), 0); // until `with_af`
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn af(&self) -> u32 {
        self.af
    }

    /// The payload.
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// assert_eq!(XlFrame::new(1, &[0xaa; 2048])?.data().len(), 2048);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn data(&self) -> &[u8] {
        &self.data
    }

    /// The bytes the kernel expects: the 12-byte header and the payload.
    ///
    /// ```
    /// use sock::can::consts::{CANXL_HDR_SIZE, CANXL_XLF};
    /// use sock::can::XlFrame;
    /// let b = XlFrame::new(0x7ff, &[0xaa, 0xbb])?.to_bytes();
    /// assert_eq!((b.len(), b[4], &b[CANXL_HDR_SIZE..]), (CANXL_HDR_SIZE + 2, CANXL_XLF, &[0xaa, 0xbb][..]));
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
        // `data` holds 1..=2048 bytes (checked by every constructor), so this never saturates.
        out.extend_from_slice(&u16::try_from(self.data.len()).unwrap_or(u16::MAX).to_ne_bytes());
        out.extend_from_slice(&self.af.to_ne_bytes());
    }

    /// Reads a `struct canxl_frame` (header and at least `len` data bytes; `InvalidData`
    /// otherwise).
    ///
    /// ```
    /// use sock::can::XlFrame;
    /// let f = XlFrame::new(0x123, &[1, 2, 3])?.with_sdt(1);
    /// assert_eq!(XlFrame::from_bytes(&f.to_bytes())?, f);
    /// assert_eq!(XlFrame::from_bytes(&f.to_bytes()[..14]).unwrap_err().kind(), std::io::ErrorKind::InvalidData); // cut short
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
        if !(CANXL_MIN_DLEN..=CANXL_MAX_DLEN).contains(&len) {
            return Err(bad("CAN XL length out of range"));
        }
        // len <= 2048, so the sum cannot overflow.
        let data = bytes.get(CANXL_HDR_SIZE..CANXL_HDR_SIZE + len).ok_or_else(|| bad("canxl_frame cut short"))?;
        let prio = u16::try_from(prio).map_err(|_| bad("CAN XL priority out of range"))?;
        Ok(XlFrame { prio, flags, sdt: bytes[5], af, data: data.to_vec() })
    }
}

/// Any frame a raw socket reads or writes.
///
/// ```
/// use sock::can::Frame;
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
    ///
    /// ```
    /// use sock::can::Frame;
    /// let f: Frame = "123#C0FFEE".parse()?;
    /// let bytes = f.to_bytes();
    /// assert_eq!(bytes.len(), 16);
    /// assert_eq!(Frame::from_bytes(&bytes)?, f);
    /// assert_eq!((f.id().as_u32(), f.data()), (0x123, &[0xc0, 0xff, 0xee][..]));
    /// assert_eq!(Frame::from_bytes(&[0; 15]).unwrap_err().kind(), std::io::ErrorKind::InvalidData);
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
    ///
    /// ```
    /// use sock::can::{consts::CAN_ERR_BUSOFF, CanId, ErrorFrame, Frame};
    /// assert_eq!("123#00".parse::<Frame>()?.id(), CanId::Standard(0x123));
    /// let err = Frame::from(ErrorFrame::new(CAN_ERR_BUSOFF, [0; 8]));
    /// assert_eq!(err.id(), CanId::Extended(CAN_ERR_BUSOFF)); // the class bits
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn id(&self) -> CanId {
        match self {
            Frame::Classic(f) => f.id(),
            Frame::Fd(f) => f.id(),
            Frame::Error(f) => CanId::Extended(f.class_bits()),
            Frame::Xl(f) => CanId::Standard(f.prio()),
        }
    }

    /// The payload.
    ///
    /// ```
    /// use sock::can::Frame;
    /// assert_eq!("123#DEADBEEF".parse::<Frame>()?.data(), [0xde, 0xad, 0xbe, 0xef]);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn data(&self) -> &[u8] {
        match self {
            Frame::Classic(f) => f.data(),
            Frame::Fd(f) => f.data(),
            Frame::Error(f) => f.data(),
            Frame::Xl(f) => f.data(),
        }
    }

    /// The bytes to write (borrowed for classic, FD and error frames; XL frames are built).
    ///
    /// ```
    /// use std::borrow::Cow;
    /// use sock::can::{Frame, XlFrame};
    /// let classic: Frame = "123#01".parse()?;
    /// assert!(matches!(classic.to_bytes(), Cow::Borrowed(b) if b.len() == 16));
    /// assert_eq!(Frame::from(XlFrame::new(1, &[9])?).to_bytes().len(), 12 + 1);
    /// # Ok::<(), std::io::Error>(())
    /// ```
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
        return Err(invalid_input("data", "must be pairs of hex digits"));
    }
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).map_err(|_| invalid_input("data", "must be pairs of hex digits")))
        .collect()
}

impl fmt::Display for ClassicFrame {
    /// `123#DEADBEEF`, `123#R4`, `123#1122334455667788_E`, or for an error frame
    /// `20000080#0000000000000000` (see the module docs).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_error() {
            write!(f, "{:08X}#", self.can_id & (CAN_ERR_FLAG | CAN_ERR_MASK))?;
            return hex(f, self.data());
        }
        write!(f, "{}#", self.id())?;
        if self.is_remote() {
            f.write_str("R")?;
            if !self.is_empty() {
                write!(f, "{}", self.len())?;
            }
        } else {
            hex(f, self.data())?;
        }
        match self.len8_dlc() {
            Some(dlc) => write!(f, "_{dlc:X}"),
            None => Ok(()),
        }
    }
}

impl fmt::Debug for ClassicFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ClassicFrame({self})")
    }
}

impl fmt::Display for FdFrame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}##{:X}", self.id(), self.flags & FD_TEXT_FLAGS)?;
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

/// Parses hex digits only (no sign, no prefix, at most 8 digits) into a `u32`.
fn hex_u32(text: &str, field: &'static str) -> io::Result<u32> {
    if text.is_empty() || text.len() > 8 || !text.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(invalid_input(field, "expected 1 to 8 hex digits"));
    }
    u32::from_str_radix(text, 16).map_err(|_| invalid_input(field, "expected 1 to 8 hex digits"))
}

/// Splits an optional `_<dlc>` (one hex digit 9..=F) off the end of a classic frame's text.
fn split_len8_dlc(rest: &str) -> io::Result<(&str, Option<u8>)> {
    let Some((body, dlc)) = rest.split_once('_') else { return Ok((rest, None)) };
    let dlc = match dlc.as_bytes() {
        [d] => char::from(*d).to_digit(16).and_then(|d| u8::try_from(d).ok()).filter(|d| (9..=15).contains(d)),
        _ => None,
    };
    dlc.map(|d| (body, Some(d))).ok_or_else(|| invalid_input("dlc", "a raw DLC after '_' is one hex digit 9..=F"))
}

impl FromStr for Frame {
    type Err = io::Error;

    /// Parses the text form of the module docs; anything else is `InvalidInput` naming the
    /// text and the part that is wrong: ``CAN frame `12#00`: id: a CAN id is 3 hex digits
    /// (standard) or 8 (extended)``.
    fn from_str(s: &str) -> io::Result<Frame> {
        parse_frame(s).map_err(|e| ErrorContext::new(e, format_args!("CAN frame `{s}`")).into())
    }
}

/// A frame text of the wrong shape (the caller names the text).
fn malformed(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, what)
}

/// [`Frame::from_str`] without the text in its errors.
fn parse_frame(s: &str) -> io::Result<Frame> {
    if let Some((prio, rest)) = s.split_once("###") {
        let prio = u16::try_from(hex_u32(prio, "prio")?)
            .map_err(|_| invalid_input("prio", "a CAN XL priority has 11 bits"))?;
        let (head, data) = rest.split_once('#').ok_or_else(|| malformed("expected flags:sdt:af#data"))?;
        let mut parts = head.split(':');
        let (Some(flags), Some(sdt), Some(af), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
            return Err(malformed("expected flags:sdt:af"));
        };
        let flags =
            u8::try_from(hex_u32(flags, "flags")?).map_err(|_| invalid_input("flags", "CAN XL flags are one byte"))?;
        let sdt = u8::try_from(hex_u32(sdt, "sdt")?).map_err(|_| invalid_input("sdt", "the SDU type is one byte"))?;
        let mut f = XlFrame::new(prio, &unhex(data)?)?.with_sdt(sdt).with_af(hex_u32(af, "af")?);
        f.flags = flags | CANXL_XLF;
        return Ok(Frame::Xl(f));
    }
    let (id_text, rest) = s.split_once('#').ok_or_else(|| malformed("expected <id>#<data>"))?;
    let raw = hex_u32(id_text, "id")?;
    if id_text.len() == 8 && raw & CAN_ERR_FLAG != 0 {
        let data = unhex(rest)?;
        return ClassicFrame::from_raw_parts(raw & (CAN_ERR_FLAG | CAN_ERR_MASK), &data)
            .map(|f| Frame::Error(ErrorFrame::from_classic(f)));
    }
    let id = match id_text.len() {
        3 => CanId::standard(raw)?,
        8 => CanId::extended(raw)?,
        _ => return Err(invalid_input("id", "a CAN id is 3 hex digits (standard) or 8 (extended)")),
    };
    if let Some(fd) = rest.strip_prefix('#') {
        let flags = match fd.as_bytes().first() {
            Some(c) => char::from(*c).to_digit(16).and_then(|d| u8::try_from(d).ok()),
            None => None,
        };
        let flags = flags.ok_or_else(|| invalid_input("flags", "expected one hex digit of CAN FD flags after ##"))?;
        // The digit is one ASCII byte, so index 1 is a character boundary.
        return FdFrame::any_len(id.to_raw(), flags, &unhex(&fd[1..])?).map(Frame::Fd);
    }
    let (body, dlc) = split_len8_dlc(rest)?;
    let f = if let Some(r) = body.strip_prefix(['R', 'r']) {
        let len = match r.as_bytes() {
            [] => 0,
            [d @ b'0'..=b'8'] => usize::from(d - b'0'),
            _ => return Err(malformed("a remote request length is one digit 0..=8")),
        };
        ClassicFrame::remote(id, len)?
    } else {
        ClassicFrame::new(id, &unhex(body)?)?
    };
    let f = match dlc {
        Some(d) => f.with_len8_dlc(d)?,
        None => f,
    };
    Ok(Frame::Classic(f))
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

    fn parse_err(t: &str) -> io::ErrorKind {
        t.parse::<Frame>().map(|f| panic!("{t:?} parsed as {f}")).unwrap_err().kind()
    }

    #[test]
    fn text_forms() {
        for t in [
            "123#",
            "123#R",
            "123#R4",
            "123#R8_E",
            "123#1122334455667788_9",
            "1FFFFFFF#0011223344556677",
            "00000123#",
            "123##0",
            "123##3AABB",
            "123##4",
            "123##F00",
            "00000123##5AA",
            "20000080#0000000000000000",
            "7FF###81:03:DEADBEEF#AABB",
        ] {
            assert_eq!(t.parse::<Frame>().unwrap().to_string(), t);
        }
        for (t, canon) in [
            ("123#R0", "123#R"),
            ("123#11.22", "123#1122"),
            ("7ff###01:03:deadbeef#aabb", "7FF###81:03:DEADBEEF#AABB"),
            ("E0000080#00", "20000080#00"),
            ("123##a0102", "123##A0102"),
        ] {
            assert_eq!(t.parse::<Frame>().unwrap().to_string(), canon);
        }
        for t in ["123#1", "123#001122334455667788", "800#00", "12#00", "+23#00", "123##", "123##G", "123##10"] {
            assert_eq!(parse_err(t), io::ErrorKind::InvalidInput, "{t}");
        }
        for t in ["123#R9", "123#RA", "123#11_E", "123#1122334455667788_8", "123#R8_", "20000080#00_9", "123"] {
            assert_eq!(parse_err(t), io::ErrorKind::InvalidInput, "{t}");
        }
    }

    /// Issue 16: a parse error names the text and the part that is wrong.
    #[test]
    fn parse_errors_name_the_text() {
        let e = "12#00".parse::<Frame>().unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
        assert_eq!(e.to_string(), "CAN frame `12#00`: id: a CAN id is 3 hex digits (standard) or 8 (extended)");
        assert_eq!("123".parse::<Frame>().unwrap_err().to_string(), "CAN frame `123`: expected <id>#<data>");
        assert_eq!(
            "123#0".parse::<Frame>().unwrap_err().to_string(),
            "CAN frame `123#0`: data: must be pairs of hex digits"
        );
        assert_eq!(
            ClassicFrame::remote(CanId::new(1).unwrap(), 9).unwrap_err().to_string(),
            "len: a classic CAN frame carries at most 8 bytes"
        );
    }

    /// Issue 13: `123##4` (CANFD_FDF) parsed with flags 4 but printed `123##0`.
    #[test]
    fn fd_flags_nibble_round_trips() {
        let f: Frame = "123##4".parse().unwrap();
        assert!(matches!(f, Frame::Fd(ref fd) if fd.flags() == CANFD_FDF));
        assert_eq!(f.to_string(), "123##4");
        for flags in 0u8..=15 {
            let fd = FdFrame::from_raw_parts(0x123, flags, &[0xAA]).unwrap();
            let text = fd.to_string();
            assert_eq!(text, format!("123##{flags:X}AA"));
            assert_eq!(text.parse::<Frame>().unwrap(), Frame::Fd(fd));
        }
        for flags in [0x10u8, 0x80, 0xFF] {
            let e = FdFrame::from_raw_parts(0x123, flags, &[]).unwrap_err();
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput);
            assert!(e.to_string().contains("flags"), "{e}");
        }
        // From the kernel's bytes, undefined flag bits are dropped (they have no text form).
        let mut bytes = FdFrame::from_raw_parts(0x123, CANFD_BRS | CANFD_FDF, &[1]).unwrap().as_bytes().to_vec();
        bytes[5] |= 0xF0;
        assert_eq!(Frame::from_bytes(&bytes).unwrap().to_string(), "123##501");
    }

    #[test]
    fn raw_parts_checks() {
        for e in [
            ClassicFrame::from_raw_parts(0x800, &[]).unwrap_err(),
            FdFrame::from_raw_parts(0x800, 0, &[]).unwrap_err(),
            FdFrame::from_raw_parts(0x123 | CAN_RTR_FLAG, 0, &[]).unwrap_err(),
            FdFrame::from_raw_parts(0x123 | CAN_ERR_FLAG, 0, &[]).unwrap_err(),
            ClassicFrame::from_raw_parts(CAN_ERR_FLAG, &[0; 8]).unwrap().with_len8_dlc(9).unwrap_err(),
        ] {
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{e}");
            assert!(e.to_string().contains("can_id") || e.to_string().contains("dlc"), "{e}");
        }
        let mut b = [0u8; 16];
        b[4] = 9;
        assert_eq!(ClassicFrame::from_bytes(&b).unwrap_err().kind(), io::ErrorKind::InvalidData);
        let mut b = [0u8; 72];
        b[4] = 65;
        assert_eq!(FdFrame::from_bytes(&b).unwrap_err().kind(), io::ErrorKind::InvalidData);
    }

    /// Every frame's text parses back to an equal frame, and parsing is idempotent.
    fn assert_text_round_trip(f: &Frame) -> Result<(), TestCaseError> {
        let text = f.to_string();
        let back: Frame = text.parse().map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
        prop_assert_eq!(&back, f, "{}", text);
        prop_assert_eq!(back.to_string(), text);
        Ok(())
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

        /// Whatever a socket delivers (any id, flags, reserved bytes, garbage past the
        /// length) decodes to a frame whose text round-trips.
        #[test]
        fn decoded_frames_text_round_trip(
            mut b16 in any::<[u8; 16]>(),
            mut b72 in proptest::collection::vec(any::<u8>(), 72),
            len16 in 0u8..=8,
            len72 in 0u8..=64,
        ) {
            b16[4] = len16;
            b72[4] = len72;
            let c = Frame::from_bytes(&b16).unwrap();
            assert_text_round_trip(&c)?;
            prop_assert_eq!(Frame::from_bytes(&c.to_bytes()).unwrap(), c);
            let fd = Frame::from_bytes(&b72).unwrap();
            assert_text_round_trip(&fd)?;
            prop_assert_eq!(Frame::from_bytes(&fd.to_bytes()).unwrap(), fd);
        }

        #[test]
        fn built_frames_text_round_trip(
            raw in any::<u32>(),
            flags in 0u8..=15,
            dlc in 0u8..16,
            len8 in 9u8..=15,
            data in proptest::collection::vec(any::<u8>(), 0..=64),
        ) {
            let id = CanId::from_raw(raw);
            let c8 = &data[..data.len().min(8)];
            assert_text_round_trip(&ClassicFrame::new(id, c8).unwrap().into())?;
            assert_text_round_trip(&ClassicFrame::remote(id, usize::from(dlc % 9)).unwrap().into())?;
            if let Ok(f) = ClassicFrame::new(id, c8).unwrap().with_len8_dlc(len8) {
                assert_text_round_trip(&f.into())?;
            }
            assert_text_round_trip(&ClassicFrame::remote(id, 8).unwrap().with_len8_dlc(len8).unwrap().into())?;
            assert_text_round_trip(&ErrorFrame::new(raw, [dlc; 8]).into())?;
            let fd_len = can_fd_dlc_to_len(dlc).min(data.len());
            assert_text_round_trip(&FdFrame::any_len(id.to_raw(), flags, &data[..fd_len]).unwrap().into())?;
            let rtr_err = ClassicFrame::from_raw_parts(raw | CAN_ERR_FLAG | CAN_RTR_FLAG | CAN_EFF_FLAG, c8).unwrap();
            assert_text_round_trip(&rtr_err.into())?;
        }

        /// Text that parses prints as text that parses to the same frame.
        #[test]
        fn parsed_text_is_stable(t in "[0-9A-Fa-f]{3,8}#{1,3}[0-9A-Fa-fRr._:]{0,20}") {
            if let Ok(f) = t.parse::<Frame>() {
                assert_text_round_trip(&f)?;
            }
        }

        #[test]
        fn classic_round_trip(raw in any::<u32>(), data in proptest::collection::vec(any::<u8>(), 0..=8)) {
            let f = ClassicFrame::new(CanId::from_raw(raw), &data).unwrap();
            prop_assert_eq!(Frame::from_bytes(f.as_bytes()).unwrap(), Frame::Classic(f));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Classic(f));
        }

        #[test]
        fn fd_round_trip(raw in any::<u32>(), dlc in 0u8..16, flags in 0u8..=15, fill in any::<u8>()) {
            let data = vec![fill; can_fd_dlc_to_len(dlc)];
            let f = FdFrame::from_raw_parts(CanId::from_raw(raw).to_raw(), flags, &data).unwrap();
            prop_assert_eq!(Frame::from_bytes(f.as_bytes()).unwrap(), Frame::Fd(f));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Fd(f));
        }

        #[test]
        fn xl_round_trip(prio in 0u16..0x800, sdt in any::<u8>(), af in any::<u32>(), data in proptest::collection::vec(any::<u8>(), 1..300)) {
            let f = XlFrame::new(prio, &data).unwrap().with_sdt(sdt).with_af(af);
            prop_assert_eq!(Frame::from_bytes(&f.to_bytes()).unwrap(), Frame::Xl(f.clone()));
            prop_assert_eq!(f.to_string().parse::<Frame>().unwrap(), Frame::Xl(f));
        }

        #[test]
        fn xl_bytes_text_round_trip(prio in any::<u32>(), flags in any::<u8>(), sdt in any::<u8>(), af in any::<u32>(),
                                    data in proptest::collection::vec(any::<u8>(), 1..100)) {
            let mut bytes = prio.to_ne_bytes().to_vec();
            bytes.extend_from_slice(&[flags | CANXL_XLF, sdt]);
            bytes.extend_from_slice(&u16::try_from(data.len()).unwrap().to_ne_bytes());
            bytes.extend_from_slice(&af.to_ne_bytes());
            bytes.extend_from_slice(&data);
            assert_text_round_trip(&Frame::from_bytes(&bytes).unwrap())?;
        }
    }
}
