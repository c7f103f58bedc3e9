//! [`HciFilter`]: the `HCI_FILTER` option of raw HCI sockets (set with
//! [`HciSocketExt`](crate::HciSocketExt)), and their ancillary data ([`HciAncillary`]).

use std::time::Duration;

use sock_core::cmsg::Cmsg;
use sock_core::pod::Pod;
use sock_core::SockOpt;

use crate::consts::*;

/// Which packets a raw HCI socket receives: a packet type mask, an event mask and an optional
/// command opcode (`struct hci_filter`). A new socket's filter lets nothing through.
///
/// ```
/// use sock::bt::{HciFilter, HCI_EVENT_PKT};
/// let mut f = HciFilter::new();
/// f.set_ptype(HCI_EVENT_PKT);
/// f.set_event(0x0e); // Command Complete
/// assert!(f.test_ptype(HCI_EVENT_PKT) && f.test_event(0x0e) && !f.test_event(0x0f));
/// assert!(HciFilter::all().test_event(0x3e));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(C)]
pub struct HciFilter {
    /// Bit `t` set: packets of type `t` pass (`HCI_VENDOR_PKT` is bit 0).
    pub type_mask: u32,
    /// Bit `e` of the 64 set: events with code `e` pass.
    pub event_mask: [u32; 2],
    /// If not 0, only Command Complete/Status events of this opcode pass.
    pub opcode: u16,
    _pad: u16,
}

// SAFETY: `repr(C)` with fields u32, [u32; 2], u16, u16: 16 bytes, no implicit padding; every
// bit pattern is a valid value.
unsafe impl Pod for HciFilter {}

/// `HCI_FILTER` as a typed option.
pub(crate) const FILTER: SockOpt<HciFilter> = SockOpt::new(SOL_HCI, HCI_FILTER);

const fn type_bit(ptype: u8) -> u32 {
    if ptype == HCI_VENDOR_PKT {
        0
    } else {
        (ptype & 31) as u32
    }
}

impl HciFilter {
    /// The empty filter (nothing passes).
    ///
    /// ```
    /// use sock::bt::{HciFilter, HCI_EVENT_PKT};
    /// let f = HciFilter::new();
    /// assert!(!f.test_ptype(HCI_EVENT_PKT) && !f.test_event(0x0e));
    /// assert_eq!(f, HciFilter::default());
    /// ```
    pub const fn new() -> HciFilter {
        HciFilter { type_mask: 0, event_mask: [0; 2], opcode: 0, _pad: 0 }
    }

    /// Every packet type and every event.
    ///
    /// ```
    /// use sock::bt::{HciFilter, HCI_ACLDATA_PKT, HCI_EVENT_PKT};
    /// let f = HciFilter::all();
    /// assert!(f.test_ptype(HCI_EVENT_PKT) && f.test_ptype(HCI_ACLDATA_PKT));
    /// assert!((0..64).all(|e| f.test_event(e)));
    /// ```
    pub const fn all() -> HciFilter {
        HciFilter { type_mask: u32::MAX, event_mask: [u32::MAX; 2], opcode: 0, _pad: 0 }
    }

    /// Lets packets of type `ptype` (`HCI_EVENT_PKT` ...) through.
    ///
    /// ```
    /// use sock::bt::{HciFilter, HCI_ACLDATA_PKT, HCI_EVENT_PKT};
    /// let mut f = HciFilter::new();
    /// f.set_ptype(HCI_EVENT_PKT);
    /// assert!(f.test_ptype(HCI_EVENT_PKT) && !f.test_ptype(HCI_ACLDATA_PKT));
    /// assert_eq!(f.type_mask, 1 << HCI_EVENT_PKT);
    /// ```
    pub fn set_ptype(&mut self, ptype: u8) {
        self.type_mask |= 1 << type_bit(ptype);
    }

    /// Stops packets of type `ptype`.
    ///
    /// ```
    /// use sock::bt::{HciFilter, HCI_ACLDATA_PKT, HCI_EVENT_PKT};
    /// let mut f = HciFilter::all();
    /// f.clear_ptype(HCI_ACLDATA_PKT);
    /// assert!(!f.test_ptype(HCI_ACLDATA_PKT) && f.test_ptype(HCI_EVENT_PKT));
    /// ```
    pub fn clear_ptype(&mut self, ptype: u8) {
        self.type_mask &= !(1 << type_bit(ptype));
    }

    /// Whether packets of type `ptype` pass.
    ///
    /// ```
    /// use sock::bt::{HciFilter, HCI_VENDOR_PKT};
    /// let mut f = HciFilter::new();
    /// f.set_ptype(HCI_VENDOR_PKT); // 0xff: bit 0, as the kernel has it
    /// assert!(f.test_ptype(HCI_VENDOR_PKT));
    /// assert_eq!(f.type_mask, 1);
    /// ```
    pub fn test_ptype(&self, ptype: u8) -> bool {
        self.type_mask & (1 << type_bit(ptype)) != 0
    }

    /// Lets events with code `event` through (codes are taken modulo 64, as the kernel does).
    ///
    /// ```
    /// use sock::bt::HciFilter;
    /// let mut f = HciFilter::new();
    /// f.set_event(0x0e); // Command Complete
    /// f.set_event(0x3e); // LE Meta
    /// assert_eq!(f.event_mask, [1 << 0x0e, 1 << (0x3e - 32)]);
    /// ```
    pub fn set_event(&mut self, event: u8) {
        let e = usize::from(event & 63);
        self.event_mask[e / 32] |= 1 << (e % 32);
    }

    /// Stops events with code `event`.
    ///
    /// ```
    /// use sock::bt::HciFilter;
    /// let mut f = HciFilter::all();
    /// f.clear_event(0x0f); // Command Status
    /// assert!(!f.test_event(0x0f) && f.test_event(0x0e));
    /// ```
    pub fn clear_event(&mut self, event: u8) {
        let e = usize::from(event & 63);
        self.event_mask[e / 32] &= !(1 << (e % 32));
    }

    /// Whether events with code `event` pass.
    ///
    /// ```
    /// use sock::bt::HciFilter;
    /// let mut f = HciFilter::new();
    /// f.set_event(0x0e);
    /// assert!(f.test_event(0x0e) && f.test_event(0x0e + 64)); // modulo 64
    /// assert!(!f.test_event(0x0f));
    /// ```
    pub fn test_event(&self, event: u8) -> bool {
        let e = usize::from(event & 63);
        self.event_mask[e / 32] & (1 << (e % 32)) != 0
    }
}

/// An ancillary item of a raw HCI socket, enabled by `HCI_DATA_DIR` / `HCI_TIME_STAMP`
/// ([`HciSocketExt`](crate::HciSocketExt)).
///
/// ```
/// # use sock::cmsg::{CmsgIter, CmsgWriter};
/// use sock::bt::{HciAncillary, HCI_CMSG_DIR, SOL_HCI};
/// let mut buf = [0u8; 64];
/// let mut w = CmsgWriter::new(&mut buf);
/// w.push_value(SOL_HCI, HCI_CMSG_DIR, &0i32)?; // as a raw HCI socket with HCI_DATA_DIR gets it
/// let n = w.len();
/// let dirs: Vec<_> = CmsgIter::new(&buf[..n]).filter_map(|c| c.decode::<HciAncillary>()).collect();
/// assert_eq!(dirs, [HciAncillary::Incoming(false)]); // a packet sent to the controller
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HciAncillary {
    /// `HCI_CMSG_DIR`: `true` for a packet from the controller, `false` for one sent to it.
    Incoming(bool),
    /// `HCI_CMSG_TSTAMP`: when the packet was seen, since the Unix epoch.
    Timestamp(Duration),
}

impl HciAncillary {
    /// Decodes `cmsg` if it is a complete `SOL_HCI` item of a known type.
    ///
    /// ```
    /// # use sock::cmsg::{CmsgIter, CmsgWriter};
    /// use sock::bt::{HciAncillary, HCI_CMSG_DIR, SOL_HCI};
    /// let mut buf = [0u8; 64];
    /// let mut w = CmsgWriter::new(&mut buf);
    /// w.push_value(SOL_HCI, HCI_CMSG_DIR, &1i32)?;
    /// let n = w.len();
    /// let item = CmsgIter::new(&buf[..n]).next().unwrap();
    /// assert_eq!(HciAncillary::decode(&item), Some(HciAncillary::Incoming(true)));
    /// assert_eq!(item.decode::<HciAncillary>(), Some(HciAncillary::Incoming(true)));
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn decode(cmsg: &Cmsg<'_>) -> Option<HciAncillary> {
        if cmsg.level != SOL_HCI || cmsg.truncated {
            return None;
        }
        match cmsg.ty {
            HCI_CMSG_DIR => Some(HciAncillary::Incoming(cmsg.value::<i32>()? != 0)),
            HCI_CMSG_TSTAMP => {
                let tv: libc::timeval = cmsg.value()?;
                let secs = u64::try_from(tv.tv_sec).ok()?;
                let micros = u64::try_from(tv.tv_usec).ok()?;
                Duration::from_secs(secs).checked_add(Duration::from_micros(micros)).map(HciAncillary::Timestamp)
            }
            _ => None,
        }
    }
}

/// The family's decoder in the one ancillary-data model: `cmsg.decode::<HciAncillary>()`.
impl<'a> sock_core::cmsg::DecodeCmsg<'a> for HciAncillary {
    fn decode_cmsg(item: &Cmsg<'a>) -> Option<HciAncillary> {
        HciAncillary::decode(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filter_bits_follow_bluez() {
        let mut f = HciFilter::new();
        f.set_ptype(HCI_VENDOR_PKT);
        assert_eq!(f.type_mask, 1);
        f.set_ptype(HCI_EVENT_PKT);
        assert_eq!(f.type_mask, 1 | 1 << 4);
        f.set_event(0x3e);
        assert_eq!(f.event_mask, [0, 1 << 30]);
        f.clear_event(0x3e);
        f.clear_ptype(HCI_VENDOR_PKT);
        assert_eq!((f.type_mask, f.event_mask), (1 << 4, [0, 0]));
        assert_eq!(std::mem::size_of::<HciFilter>(), 16);
    }
}
