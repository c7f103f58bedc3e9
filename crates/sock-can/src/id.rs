//! [`CanId`]: an 11-bit (standard) or 29-bit (extended) CAN identifier.

use std::fmt;
use std::io;
use std::str::FromStr;

use sock_core::invalid_input;

use crate::consts::{CAN_EFF_FLAG, CAN_EFF_MASK, CAN_SFF_MASK};

/// A CAN identifier: standard (11-bit) or extended (29-bit). Constructors check the range,
/// so a value of this type always fits its format.
///
/// Text form: 3 hex digits for a standard id, 8 for an extended one (as `candump` prints
/// them), e.g. `123` and `12345678`.
///
/// ```
/// use sock::can::CanId;
/// let id = CanId::new(0x123)?;
/// assert_eq!(id, CanId::Standard(0x123));
/// assert_eq!(CanId::new(0x1234)?.to_string(), "00001234");
/// assert_eq!(CanId::new(0x3fff_ffff).unwrap_err().kind(), std::io::ErrorKind::InvalidInput); // 30 bits
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CanId {
    /// An 11-bit identifier (0..=0x7FF).
    Standard(u16),
    /// A 29-bit identifier (0..=0x1FFF_FFFF), sent with `CAN_EFF_FLAG`.
    Extended(u32),
}

impl CanId {
    /// A standard id; more than 11 bits is `InvalidInput` naming `id`. It takes a `u32`
    /// like every CAN id of this crate (`can_id`, `CanFilter`, the constants).
    ///
    /// ```
    /// use sock::can::CanId;
    /// assert_eq!(CanId::standard(0x123)?, CanId::Standard(0x123));
    /// assert_eq!(CanId::standard(0x800).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn standard(id: u32) -> io::Result<CanId> {
        match u16::try_from(id) {
            Ok(short) if id <= CAN_SFF_MASK => Ok(CanId::Standard(short)),
            _ => Err(invalid_input("id", "a standard CAN id has 11 bits (at most 0x7FF)")),
        }
    }

    /// An extended id (even one that fits 11 bits: sent with `CAN_EFF_FLAG`); more than 29
    /// bits is `InvalidInput` naming `id`.
    ///
    /// ```
    /// use sock::can::CanId;
    /// let id = CanId::extended(0x123)?;
    /// assert_eq!((id.to_string(), id.is_extended()), ("00000123".to_string(), true));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn extended(id: u32) -> io::Result<CanId> {
        if id > CAN_EFF_MASK {
            return Err(invalid_input("id", "an extended CAN id has 29 bits (at most 0x1FFFFFFF)"));
        }
        Ok(CanId::Extended(id))
    }

    /// A standard id if `id` fits 11 bits, else an extended one; more than 29 bits is
    /// `InvalidInput`.
    ///
    /// ```
    /// use sock::can::CanId;
    /// assert_eq!(CanId::new(0x7ff)?, CanId::Standard(0x7ff));
    /// assert_eq!(CanId::new(0x800)?, CanId::Extended(0x800)); // 12 bits: extended
    /// assert_eq!(CanId::new(0x2000_0000).unwrap_err().kind(), std::io::ErrorKind::InvalidInput);
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn new(id: u32) -> io::Result<CanId> {
        if id <= CAN_SFF_MASK {
            Ok(CanId::Standard(id as u16))
        } else {
            CanId::extended(id)
        }
    }

    /// The id of a kernel `can_id` (flags other than `CAN_EFF_FLAG` are ignored).
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, CanId};
    /// let id = CanId::from_raw(0x123 | CAN_EFF_FLAG);
    /// assert_eq!(id, CanId::Extended(0x123));
    /// assert_eq!(id.to_raw(), 0x123 | CAN_EFF_FLAG);
    /// assert_eq!((id.as_u32(), id.is_extended()), (0x123, true));
    /// ```
    pub fn from_raw(can_id: u32) -> CanId {
        if can_id & CAN_EFF_FLAG != 0 {
            CanId::Extended(can_id & CAN_EFF_MASK)
        } else {
            CanId::Standard((can_id & CAN_SFF_MASK) as u16)
        }
    }

    /// The kernel `can_id`: the id, with `CAN_EFF_FLAG` for an extended one (see
    /// [`from_raw`](CanId::from_raw)).
    ///
    /// ```
    /// use sock::can::{consts::CAN_EFF_FLAG, CanId};
    /// assert_eq!(CanId::Standard(0x123).to_raw(), 0x123);
    /// assert_eq!(CanId::Extended(0x123).to_raw(), 0x123 | CAN_EFF_FLAG);
    /// ```
    pub fn to_raw(self) -> u32 {
        match self {
            CanId::Standard(id) => u32::from(id),
            CanId::Extended(id) => id | CAN_EFF_FLAG,
        }
    }

    /// The bare identifier bits (see [`from_raw`](CanId::from_raw)).
    ///
    /// ```
    /// use sock::can::CanId;
    /// assert_eq!(CanId::Extended(0x1234_5678).as_u32(), 0x1234_5678); // no CAN_EFF_FLAG
    /// ```
    pub fn as_u32(self) -> u32 {
        match self {
            CanId::Standard(id) => u32::from(id),
            CanId::Extended(id) => id,
        }
    }

    /// Whether this is a 29-bit id (see [`from_raw`](CanId::from_raw)).
    ///
    /// ```
    /// use sock::can::CanId;
    /// assert!(!CanId::new(0x7ff)?.is_extended() && CanId::new(0x800)?.is_extended());
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn is_extended(self) -> bool {
        matches!(self, CanId::Extended(_))
    }
}

impl fmt::Display for CanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanId::Standard(id) => write!(f, "{id:03X}"),
            CanId::Extended(id) => write!(f, "{id:08X}"),
        }
    }
}

impl FromStr for CanId {
    type Err = io::Error;

    /// Hex digits; 3 or fewer make a standard id, more an extended one (as `cansend`).
    /// Anything else is `InvalidInput` naming the text: ``id: `xyz` is not a hex CAN id``.
    fn from_str(s: &str) -> io::Result<CanId> {
        let v = if !s.is_empty() && s.bytes().all(|b| b.is_ascii_hexdigit()) {
            u32::from_str_radix(s, 16).ok()
        } else {
            None
        };
        let v = v.ok_or_else(|| invalid_input("id", &format!("`{s}` is not a hex CAN id")))?;
        if s.len() <= 3 {
            CanId::standard(v)
        } else {
            CanId::extended(v)
        }
    }
}

impl TryFrom<u32> for CanId {
    type Error = io::Error;
    fn try_from(id: u32) -> io::Result<CanId> {
        CanId::new(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ranges() {
        assert_eq!(CanId::standard(0x800).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(CanId::extended(0x2000_0000).unwrap_err().kind(), io::ErrorKind::InvalidInput);
        assert_eq!(CanId::new(0x800).unwrap(), CanId::Extended(0x800));
        assert_eq!(CanId::Extended(5).to_raw(), 5 | CAN_EFF_FLAG);
        assert_eq!("123".parse::<CanId>().unwrap(), CanId::Standard(0x123));
        assert_eq!("00000123".parse::<CanId>().unwrap(), CanId::Extended(0x123));
        let e = "xyz".parse::<CanId>().unwrap_err();
        assert_eq!((e.kind(), e.to_string()), (io::ErrorKind::InvalidInput, "id: `xyz` is not a hex CAN id".into()));
        assert_eq!("+12".parse::<CanId>().unwrap_err().kind(), io::ErrorKind::InvalidInput);
    }

    proptest! {
        #[test]
        fn raw_and_text_round_trip(raw in any::<u32>()) {
            let id = CanId::from_raw(raw);
            prop_assert_eq!(CanId::from_raw(id.to_raw()), id);
            prop_assert_eq!(id.to_string().parse::<CanId>().unwrap(), id);
        }
    }
}
